"""A check loads spaCy and the model only when a rule's gate lets a text through (issue 16 part 3).

The subprocess probes (a clean script does not import spaCy at all) are in tests/test_architecture.py.
"""

from __future__ import annotations

from dataclasses import astuple, replace
from pathlib import Path

from klantlint import Config, Linter
from klantlint.catalogue import build_catalogue
from klantlint.engine.linter import ParseCounts
from klantlint.testing import ALL_RULES

CLEAN_SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "cold_start_clean.txt"


def test_a_clean_script_is_checked_without_loading_the_pipeline() -> None:
    linter = Linter(Config())
    assert linter.check(CLEAN_SCRIPT.read_text(encoding="utf-8")) == []
    assert not linter.pipeline_loaded
    assert linter.pipeline.startswith("nl_")  # named from the model's metadata, still not loaded
    assert not linter.pipeline_loaded
    assert [f.code for f in linter.check("Wat was uw naam ook alweer?")] == ["KL001"]
    assert linter.pipeline_loaded


def test_the_clean_script_is_clean_in_full_mode_too() -> None:
    """Full mode parses every text and runs every rule ungated: the script really has no finding (with every rule,
    opt-in ones too), so the cold-start benchmark and the probes measure a clean script."""
    assert Linter(ALL_RULES, mode="full").check(CLEAN_SCRIPT.read_text(encoding="utf-8")) == []


def test_gates_decide_as_with_the_pipeline_loaded_from_the_start() -> None:
    """Before the pipeline is loaded a declarative rule's gate cannot judge its tokens and passes more often; the
    Linter then loads it and asks the gates again. So a fresh Linter parses exactly what a loaded one parses, and
    finds the same: on texts where only that token test turns the rule away too (no parse at all)."""
    texts = [
        text
        for rule in build_catalogue(plugins=False).phrase_rules
        if rule.info.code in ("KL002", "KL006")
        for text in rule.info.good_examples  # where the token test turns the rule away
    ]
    loaded = Linter(ALL_RULES)
    loaded.load()
    turned_away_after_loading = 0
    for text in texts:
        lazy = Linter(ALL_RULES)
        before = replace(loaded.parse_counts)
        assert lazy.check(text) == loaded.check(text), text
        loaded_counts = ParseCounts(
            *(now - then for now, then in zip(astuple(loaded.parse_counts), astuple(before), strict=True))
        )
        assert lazy.parse_counts == loaded_counts, text
        turned_away_after_loading += lazy.pipeline_loaded and lazy.parse_counts.parsed == 0
    assert turned_away_after_loading > 0  # the case the second look exists for did occur
