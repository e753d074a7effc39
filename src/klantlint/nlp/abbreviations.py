"""Dutch abbreviations ending in a full stop ("bijv.", "o.a."), from spaCy's Dutch tokenizer exceptions.

The rules' gates use them, and a gate runs before anything is parsed: a check where no gate passes must not import
spaCy (which takes seconds). So the list is kept in `abbreviations.txt`, one a line, written by `write_list` from
spaCy's own; `tests/test_pipeline.py` checks that the two are still the same. Read on first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

ABBREVIATIONS_FILE = Path(__file__).with_name("abbreviations.txt")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(ABBREVIATIONS_FILE.read_text(encoding="utf-8").split())


def spacy_abbreviations() -> frozenset[str]:
    """The abbreviations as spaCy's Dutch tokenizer exceptions have them (imports spaCy)."""
    from spacy.lang.nl.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return frozenset(key.lower() for key in TOKENIZER_EXCEPTIONS if key.endswith("."))


def write_list(path: Path = ABBREVIATIONS_FILE) -> None:
    """Write spaCy's list to `path` (after a spaCy upgrade changed it: `python -m klantlint.nlp.abbreviations`)."""
    path.write_text("".join(f"{word}\n" for word in sorted(spacy_abbreviations())), encoding="utf-8")


class _LazyAbbreviations:
    """A read-only set of lower-case abbreviations, each with its final full stop, filled on first use."""

    def __contains__(self, word: object) -> bool:
        return word in _abbreviations()

    def __iter__(self) -> Iterator[str]:
        return iter(_abbreviations())

    def __len__(self) -> int:
        return len(_abbreviations())


DUTCH_ABBREVIATIONS = _LazyAbbreviations()

if __name__ == "__main__":
    write_list()
