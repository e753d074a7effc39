"""Whether the organisation is named: the configured names, or (none configured) the usual signs of one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from klantlint.conversation.cues import ORGANISATION_HINT

_NON_WORD = re.compile(r"[\W_]+")
# Legal forms and kinds of body a caller or agent leaves out: "Wonen Oost" for "Stichting Wonen Oost", "Gent" for
# "Stad Gent" (folded: "b.v." is "b v").
DROPPABLE = frozenset(
    "stichting vereniging cooperatie coöperatie gemeente stad bv b v nv n v vzw v z w bvba cvba vof holding "
    "de het".split()
)


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
    names = [_folded(name) for name in organisations if name.strip()]
    return tuple(dict.fromkeys([*names, *(short for name in names if (short := _short_form(name)))]))


def _short_form(folded: str) -> str | None:
    """The name without leading and trailing legal-form words ("stichting wonen oost" -> "wonen oost"), if that
    leaves a word of at least three letters and differs from the name."""
    words = folded.split()
    while words and words[0] in DROPPABLE:
        words = words[1:]
    while words and words[-1] in DROPPABLE:
        words = words[:-1]
    if not words or max(len(word) for word in words) < 3 or len(words) == len(folded.split()):
        return None
    return " " + " ".join(words) + " "


@lru_cache(maxsize=1024)
def _words(organisations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for name in organisations for word in _folded(name).split())
