"""Comparing Dutch words as spelled without accents: "Eén" as "een", "geëscaleerd" as "geescaleerd"."""

from __future__ import annotations

import re
import unicodedata

COMBINING_DIACRITICS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase without diacritics: 'geëscaleerd' and 'ge-escaleerd' compare as spelled without them."""
    if text.isascii():
        return text.lower()  # nothing to decompose (the common case, and this runs on every gated text)
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    # Dutch accents ("oké", "hè", "geëscaleerd") decompose into ASCII letters and marks from one block: drop
    # those at once. What is left then has no combining mark if it is ASCII; else look at every character.
    without_marks = COMBINING_DIACRITICS.sub("", decomposed)
    if without_marks.isascii():
        return without_marks
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
