"""Recipe for klantlint's bundled Dutch pipeline.

    python training/train.py all --ud PATH/TO/ud-dutch [--seed 0]

Steps (each also runs on its own: prepare, train, package):
  prepare  convert the UD Dutch CoNLL-U files and klantlint's in-domain treebank into spaCy DocBins,
           with a deterministic split that keeps whole UD documents apart (splits.py) and
           transcript-style augmentation;
  train    train tok2vec + morphologizer + parser with spaCy's trainer, and initialise the rule-based
           Dutch lemmatizer from spacy-lookups-data (its tables are stored inside the pipeline);
  package  copy the best model into src/klantlint/models/ with its licence and provenance.

Needs the training extra: pip install -e ".[train]".
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs
from thinc.api import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conllu import Sentence, read_conllu, transcript_form, with_transcript_copies
from splits import ud_splits

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = HERE / "corpus"
OUTPUT = HERE / "output"
MODEL_DIR = REPO / "src" / "klantlint" / "models" / "nl_klantlint_sm"
INDOMAIN_TRAIN = HERE / "data" / "train"
INDOMAIN_TEST = HERE / "data" / "test"
SENTENCES_PER_DOC = 8
UD_TRANSCRIPT_SHARE = 0.25
INDOMAIN_TRANSCRIPT_SHARE = 0.5
INDOMAIN_UPSAMPLE = 3
MODEL_VERSION = "0.1.0"


def indomain_splits() -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """The in-domain test file is never trained on; every 8th training sentence is used for dev."""
    test = read_all(INDOMAIN_TEST)
    # A training sentence that equals a test sentence (ignoring case and punctuation) would leak into the test.
    held_out = {normalised_words(s) for s in test}
    sentences = [s for s in read_all(INDOMAIN_TRAIN) if normalised_words(s) not in held_out]
    dev = sentences[::8]
    train = [s for i, s in enumerate(sentences) if i % 8]
    return train, dev, test


def normalised_words(sentence: Sentence) -> tuple[str, ...]:
    return tuple(re.sub(r"[^\w ]", "", sentence.text.lower()).split())


def read_all(folder: Path) -> list[Sentence]:
    return [sentence for path in sorted(folder.glob("*.conllu")) for sentence in read_conllu(path)]


def to_docbin(sentences: list[Sentence], path: Path) -> int:
    docbin = DocBin(store_user_data=False)
    conllu_text = "\n".join(s.to_conllu() for s in sentences)
    for doc in conllu_to_docs(conllu_text, n_sents=SENTENCES_PER_DOC, no_print=True):
        docbin.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return len(sentences)


def prepare(ud_dir: Path, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    ud_train, ud_dev, ud_test = ud_splits(ud_dir)
    dom_train, dom_dev, dom_test = indomain_splits()
    train = with_transcript_copies(ud_train, UD_TRANSCRIPT_SHARE, rng)
    for _ in range(INDOMAIN_UPSAMPLE):
        train += with_transcript_copies(dom_train, INDOMAIN_TRANSCRIPT_SHARE, rng)
    rng.shuffle(train)
    counts = {
        "train": to_docbin(train, CORPUS / "train.spacy"),
        "dev": to_docbin(ud_dev + dom_dev + [transcript_form(s) for s in dom_dev], CORPUS / "dev.spacy"),
        "test-ud": to_docbin(ud_test, CORPUS / "test-ud.spacy"),
        "test-ud-transcript": to_docbin([transcript_form(s) for s in ud_test], CORPUS / "test-ud-transcript.spacy"),
    }
    if dom_test:
        counts["test-indomain"] = to_docbin(dom_test, CORPUS / "test-indomain.spacy")
        counts["test-indomain-transcript"] = to_docbin(
            [transcript_form(s) for s in dom_test], CORPUS / "test-indomain-transcript.spacy"
        )
    print(json.dumps(counts))
    return counts


def train(seed: int, output: Path, settings: list[str]) -> None:
    """Train with config.cfg; `settings` are extra `section.key=value` overrides (e.g. for a comparison run)."""
    from spacy.cli._util import parse_config_overrides
    from spacy.cli.train import train as spacy_train

    overrides = {
        "paths.train": str(CORPUS / "train.spacy"),
        "paths.dev": str(CORPUS / "dev.spacy"),
        "system.seed": seed,
        **parse_config_overrides([f"--{setting}" for setting in settings]),
    }
    spacy_train(HERE / "config.cfg", output, overrides=overrides)


def provenance(config: Config) -> str:
    """The meta.json description: data, split and architecture, so a copy of the model says how it was made
    (earlier bundled models were trained on another split and cannot be compared on the same UD test)."""
    encode = config["components"]["tok2vec"]["model"]["encode"]
    parser = config["components"]["parser"]["model"]
    training = config["training"]
    return (
        "Compact Dutch pipeline for klantlint: UD Dutch (Alpino, LassySmall) plus an in-domain customer-service "
        "treebank, with transcript-style augmentation. Split: whole UD documents to train/dev/test by sent_id "
        "prefix, about 8:1:1 (training/splits.py); the in-domain test file (training/data/test) is never trained "
        f"on. Architecture: tok2vec width {encode['width']}, depth {encode['depth']}; parser hidden width "
        f"{parser['hidden_width']}. Best dev checkpoint of at most {training['max_steps']} steps, "
        f"seed {config['system']['seed']}."
    )


def package(output: Path) -> None:
    best = output / "model-best"
    if not best.exists():
        raise SystemExit(f"error: {best} does not exist; run the train step first")
    nlp = spacy.load(best)
    # The shipped config would otherwise name this checkout's absolute corpus paths.
    nlp.config["paths"]["train"] = str((CORPUS / "train.spacy").relative_to(REPO))
    nlp.config["paths"]["dev"] = str((CORPUS / "dev.spacy").relative_to(REPO))
    nlp.meta.update(
        {
            "name": "klantlint_sm",
            "version": MODEL_VERSION,
            "description": provenance(nlp.config),
            "license": "CC BY-SA 4.0",
            "author": "klantlint",
            "sources": [
                {"name": "UD Dutch Alpino", "url": "https://universaldependencies.org/", "license": "CC BY-SA 4.0"},
                {"name": "UD Dutch LassySmall", "url": "https://universaldependencies.org/", "license": "CC BY-SA 4.0"},
                {"name": "klantlint in-domain treebank", "license": "CC BY-SA 4.0"},
                {"name": "spacy-lookups-data (Dutch lemma tables)", "license": "MIT"},
            ],
        }
    )
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    nlp.to_disk(MODEL_DIR)
    shutil.copy(HERE / "MODEL_LICENSE.md", MODEL_DIR / "LICENSE.md")
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    print(f"packaged {MODEL_DIR} ({size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["prepare", "train", "package", "all"])
    parser.add_argument("--ud", type=Path, help="folder with the UD Dutch CoNLL-U files")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, default=OUTPUT, help="training output folder")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a config.cfg setting, e.g. components.parser.model.hidden_width=64 (repeatable)",
    )
    args = parser.parse_args()
    if args.step in ("prepare", "all"):
        if args.ud is None:
            parser.error("--ud is required for prepare/all")
        prepare(args.ud, args.seed)
    if args.step in ("train", "all"):
        train(args.seed, args.output, args.set)
    if args.step in ("package", "all"):
        package(args.output)


if __name__ == "__main__":
    main()
