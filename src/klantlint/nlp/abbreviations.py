"""Dutch abbreviations ending in a full stop ("bijv.", "o.a."), from spaCy's Dutch tokenizer exceptions.

Read on first use, not on import: spaCy takes seconds to import, and listing or explaining rules must not need it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache


@cache
def _abbreviations() -> frozenset[str]:
    from spacy.lang.nl.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return frozenset(key.lower() for key in TOKENIZER_EXCEPTIONS if key.endswith("."))


class _LazyAbbreviations:
    """A read-only set of lower-case abbreviations, each with its final full stop, filled on first use."""

    def __contains__(self, word: object) -> bool:
        return word in _abbreviations()

    def __iter__(self) -> Iterator[str]:
        return iter(_abbreviations())

    def __len__(self) -> int:
        return len(_abbreviations())


DUTCH_ABBREVIATIONS = _LazyAbbreviations()
