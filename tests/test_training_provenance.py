"""The packaged model's description says how it was made: data, split and architecture (training/train.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from thinc.api import Config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from train import provenance

TRAINING = Path(__file__).resolve().parent.parent / "training"


def recipe_config(width: int, hidden_width: int, seed: int) -> Config:
    """The recipe's config.cfg with a comparison run's overrides, uninterpolated as spacy.load gives it back."""
    config = Config().from_disk(TRAINING / "config.cfg", interpolate=False)
    config["components"]["tok2vec"]["model"]["encode"]["width"] = width
    config["components"]["parser"]["model"]["hidden_width"] = hidden_width
    config["system"]["seed"] = seed
    return config


def test_description_names_the_trained_architecture_and_seed() -> None:
    description = provenance(recipe_config(width=64, hidden_width=48, seed=3))
    assert "tok2vec width 64, depth 4; parser hidden width 48" in description
    assert "at most 6000 steps, seed 3." in description


def test_description_names_the_document_split_and_the_untouched_in_domain_test() -> None:
    description = provenance(recipe_config(width=96, hidden_width=128, seed=0))
    assert "whole UD documents" in description
    assert "training/splits.py" in description
    assert "training/data/test) is never trained on" in description
