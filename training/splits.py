"""The UD Dutch files the bundled pipeline learns from, and their held-out split by whole document.

Shared by the training recipe (`train.py`) and the model benchmark (`benchmarks/model.py`), so both hold out
exactly the same sentences. Whole documents (the `sent_id` prefix: `wiki-1181` of `wiki-1181.p.10.s.1`,
`WR-P-P-H-0000000105` of `WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4`) go to one split, so no sentence
of a test article is seen in training.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from conllu import Sentence, read_conllu

UD_FILES = ("nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu")
SPLIT_SHARES = {"train": 0.8, "dev": 0.1, "test": 0.1}

Splits = tuple[list[Sentence], list[Sentence], list[Sentence]]


def document_id(sentence: Sentence) -> str:
    """The document a sentence belongs to: its `sent_id` before the first backslash, then before `.p.`."""
    sent_id = sentence.meta.get("sent_id", "")
    if not sent_id:
        raise ValueError(f"{sentence.source}:{sentence.line}: sentence without # sent_id")
    return sent_id.split("\\", 1)[0].split(".p.", 1)[0]


def split_by_document(sentences: Iterable[Sentence]) -> Splits:
    """Deterministic train/dev/test split (~8:1:1 by sentence count) that keeps every document whole.

    Documents are visited in the order of a hash of their id (stable across runs and Python versions); each
    goes to the split furthest below its share of the sentences assigned so far.
    """
    documents: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        documents.setdefault(document_id(sentence), []).append(sentence)
    order = sorted(documents, key=lambda doc: hashlib.sha1(doc.encode("utf-8")).hexdigest())
    assigned: dict[str, list[Sentence]] = {name: [] for name in SPLIT_SHARES}
    total = 0
    for doc in order:
        total += len(documents[doc])
        name = max(SPLIT_SHARES, key=lambda split: SPLIT_SHARES[split] * total - len(assigned[split]))
        assigned[name] += documents[doc]
    return assigned["train"], assigned["dev"], assigned["test"]


def ud_splits(ud_dir: Path) -> Splits:
    """Split every UD file by document, so the held-out test covers news and Wikipedia."""
    train: list[Sentence] = []
    dev: list[Sentence] = []
    test: list[Sentence] = []
    for name in UD_FILES:
        path = ud_dir / name
        if not path.exists():
            raise SystemExit(f"error: {path} not found; pass --ud the folder with {', '.join(UD_FILES)}")
        tr, dv, te = split_by_document(read_conllu(path))
        train += tr
        dev += dv
        test += te
    return train, dev, test
