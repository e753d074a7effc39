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
# Words that say what kind of body it is, or where: a name is not shortened to one of these ("Energie" does not
# name "Stroomveld Energie"; "Stroomveld" does).
GENERIC_WORDS = frozenset(
    "algemeen algemene energie verzekeringen verzekering verzekeraar verzekeringsmaatschappij zorgverzekeraar "
    "ziekenhuis ziekenhuizen gemeente stad dienst diensten wonen woningen woningbouw bank spaarbank regio openbaar "
    "vervoer sociale huisvesting huisvestingsmaatschappij maatschappij klantenservice vlaanderen nederland belgie "
    "groep group holding service services mobiel telecom internet pakketdienst pakketten waterbedrijf parkeerbedrijf "
    "liberale christelijke socialistische onafhankelijke neutrale mutualiteit ziekenfonds zorg stichting vereniging "
    "centrum kliniek apotheek webwinkel webshop winkel online verzekeringskantoor kantoor provincie".split()
)
# Words left out of an acronym ("Liberale Zorgkas Vlaanderen" is "LZV").
ACRONYM_SKIPS = frozenset("de het van der den en voor op in".split())
MIN_DISTINCT_WORD = 5
MIN_ACRONYM = 3


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
    """Every word of every organisation name and its short forms, lowercased."""
    return _words(tuple(organisations))


# A batch run sees the same few organisations in every call: fold their names once.
@lru_cache(maxsize=1024)
def _folded_names(organisations: tuple[str, ...]) -> tuple[str, ...]:
    names = [_folded(name) for name in organisations if name.strip()]
    shorter = [
        form for name in names for form in (_short_form(name), *_acronym_forms(name), *_distinct_words(name)) if form
    ]
    return tuple(dict.fromkeys([*names, *shorter]))


def _acronym_forms(folded: str) -> list[str]:
    """The name with its first words shortened to their initials: "lzv" for "liberale zorgkas vlaanderen", "az sint
    vincentius" for "algemeen ziekenhuis sint vincentius" (at least three letters when nothing follows them)."""
    words = [word for word in folded.split() if word not in ACRONYM_SKIPS]
    forms = []
    for count in range(2, len(words) + 1):
        initials = "".join(word[0] for word in words[:count])
        if not initials.isalpha() or (count == len(words) and len(initials) < MIN_ACRONYM):
            continue
        forms.append(" " + " ".join([initials, *words[count:]]) + " ")
    return forms


def _distinct_words(folded: str) -> list[str]:
    """The words of a name of several words that name it on their own: at least five letters and no word for the
    kind of body or a region ("zorgvliet" in "zorgverzekeraar zorgvliet", "woonstede" in "stichting woonstede
    rivierenland")."""
    words = folded.split()
    if len(words) < 2:
        return []
    return [
        f" {word} "
        for word in words
        if len(word) >= MIN_DISTINCT_WORD and word.isalpha() and word not in GENERIC_WORDS and word not in DROPPABLE
    ]


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
    """The words of the names and of their short forms ("az" of "algemeen ziekenhuis ...")."""
    return frozenset(word for name in _folded_names(organisations) for word in name.split())
