"""Whether the organisation is named: the configured names, or (none configured) the usual signs of one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from klantlint.conversation.cues import ORGANISATION_HINT

_NON_WORD = re.compile(r"[\W_]+")


def _folded(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


def names_organisation(normalised_text: str, organisations: Iterable[str]) -> bool:
    """True when one of `organisations` occurs as whole words ("Bol.com" matches "bol com" and "bol.com");
    with no organisations given, when the text has the marks of one ("welkom bij", "klantenservice van")."""
    names = _folded_names(tuple(organisations))
    if not names:
        return bool(ORGANISATION_HINT.search(normalised_text))
    folded = _folded(normalised_text)
    return any(name in folded or name.replace(" ", "") in folded for name in names)


def is_organisation_word(word: str, organisations: Iterable[str]) -> bool:
    """Whether `word` is (part of) a configured organisation name."""
    return word.lower() in organisation_words(organisations)


def organisation_words(organisations: Iterable[str]) -> frozenset[str]:
    """Every word of every organisation name, lowercased."""
    return _words(tuple(organisations))


# A batch run sees the same few organisations in every call: fold their names once.
@lru_cache(maxsize=1024)
def _folded_names(organisations: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_folded(name) for name in organisations if name.strip())


@lru_cache(maxsize=1024)
def _words(organisations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for name in organisations for word in _folded(name).split())
