"""Reading CoNLL-U sentences and deriving their transcript form.

Shared by the training recipe (`train.py`) and the model benchmark (`benchmarks/model.py`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = 1, 2, 3, 4, 5, 6, 7, 8, 9


@dataclass
class Sentence:
    """One CoNLL-U sentence: comment lines and token rows (multiword ranges dropped)."""

    comments: list[str]
    rows: list[list[str]]
    source: str = ""
    line: int = 0
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        parts: list[str] = []
        for row in self.rows:
            parts.append(row[FORM])
            if "SpaceAfter=No" not in row[MISC]:
                parts.append(" ")
        return "".join(parts).strip()

    def to_conllu(self) -> str:
        comments = [c for c in self.comments if not c.startswith("# text =")]
        lines = [*comments, f"# text = {self.text}"]
        lines += ["\t".join(row) for row in self.rows]
        return "\n".join(lines) + "\n"


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file; a malformed row raises ValueError naming file and line."""
    comments: list[str] = []
    rows: list[list[str]] = []
    start = 0
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip():
                if rows:
                    yield _finish(comments, rows, path, start)
                comments, rows = [], []
                continue
            if not rows and not comments:
                start = number
            if line.startswith("#"):
                comments.append(line)
                continue
            cells = line.split("\t")
            if len(cells) != 10:
                raise ValueError(f"{path}:{number}: expected 10 tab-separated columns, got {len(cells)}")
            if "-" in cells[0] or "." in cells[0]:
                continue
            rows.append(cells)
    if rows:
        yield _finish(comments, rows, path, start)


def _finish(comments: list[str], rows: list[list[str]], path: Path, line: int) -> Sentence:
    for position, row in enumerate(rows, start=1):
        if row[0] != str(position):
            raise ValueError(f"{path}:{line}: token ids are not 1..n (found {row[0]} at {position})")
        head = row[HEAD]
        if not head.isdigit() or int(head) > len(rows):
            raise ValueError(f"{path}:{line}: token {row[0]} has invalid head {head!r}")
    meta = {}
    for comment in comments:
        key, sep, value = comment[1:].partition("=")
        if sep:
            meta[key.strip()] = value.strip()
    return Sentence(comments=list(comments), rows=[list(r) for r in rows], source=str(path), line=line, meta=meta)


def transcript_form(sentence: Sentence) -> Sentence:
    """The sentence as speech-to-text output: lowercase, punctuation that heads nothing removed."""
    heads_in_use = {row[HEAD] for row in sentence.rows}
    keep = [row for row in sentence.rows if not (row[UPOS] == "PUNCT" and row[0] not in heads_in_use)]
    new_ids = {row[0]: str(i) for i, row in enumerate(keep, start=1)}
    new_ids["0"] = "0"
    rows: list[list[str]] = []
    for row in keep:
        new = list(row)
        new[0] = new_ids[row[0]]
        new[FORM] = row[FORM].lower()
        new[HEAD] = new_ids[row[HEAD]]
        new[DEPS] = "_"
        misc = [m for m in row[MISC].split("|") if m not in ("SpaceAfter=No", "_")]
        new[MISC] = "|".join(misc) or "_"
        rows.append(new)
    return Sentence(
        comments=[c for c in sentence.comments if c.startswith("# sent_id")],
        rows=rows,
        source=sentence.source,
        line=sentence.line,
        meta=dict(sentence.meta),
    )


def with_transcript_copies(sentences: list[Sentence], share: float, rng: random.Random) -> list[Sentence]:
    """Add a transcript-form copy of a random share of the sentences (augmentation)."""
    out = list(sentences)
    out += [transcript_form(s) for s in sentences if rng.random() < share]
    return out
