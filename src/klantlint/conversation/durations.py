"""Durations said aloud: "twee minuutjes", "30 seconden", "een minuut of drie", "anderhalve minuut".

`announced_seconds(text)` returns the longest duration an agent names in a turn (an agent who says
"twee à drie minuten" has promised three), or None when no duration is named ("momentje"). Hours are
not hold durations ("voor vijf uur" is a time of day), so they are not read.
"""

from __future__ import annotations

import re
from functools import lru_cache

NUMBER_WORDS = {
    "een": 1.0,
    "eentje": 1.0,
    "twee": 2.0,
    "drie": 3.0,
    "vier": 4.0,
    "vijf": 5.0,
    "zes": 6.0,
    "zeven": 7.0,
    "acht": 8.0,
    "negen": 9.0,
    "tien": 10.0,
    "elf": 11.0,
    "twaalf": 12.0,
    "vijftien": 15.0,
    "twintig": 20.0,
    "dertig": 30.0,
    "veertig": 40.0,
    "vijfenveertig": 45.0,
    "vijftig": 50.0,
    "zestig": 60.0,
    "anderhalf": 1.5,
    "anderhalve": 1.5,
    "half": 0.5,
    "halve": 0.5,
    "paar": 3.0,
    "enkele": 3.0,
    "aantal": 3.0,
}
UNIT_SECONDS = {
    "seconde": 1.0,
    "seconden": 1.0,
    "secondjes": 1.0,
    "secondes": 1.0,
    "sec": 1.0,
    "s": 1.0,
    "minuut": 60.0,
    "minuutje": 60.0,
    "minuten": 60.0,
    "minuutjes": 60.0,
    "min": 60.0,
    "kwartier": 900.0,
    "kwartiertje": 900.0,
}
_NUMBER = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = "|".join(sorted(UNIT_SECONDS, key=len, reverse=True))
# "twee minuten", "2 à 3 minuten", "twee tot drie minuten", "2-3 min", "een minuut of twee", "een kwartier".
DURATION = re.compile(
    rf"\b(?:(?P<low>{_NUMBER})\s*(?:à|a|tot|of|-|–)\s*)?(?P<number>{_NUMBER})?\s*(?P<unit>{_UNIT})\b"
    rf"(?:\s+of\s+(?P<after>{_NUMBER})\b)?"
)


def _value(token: str | None) -> float | None:
    if token is None:
        return None
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def announced_seconds(normalised_text: str) -> float | None:
    """The longest duration named in a (normalised, lowercase) text, in seconds; None without one."""
    longest: float | None = None
    for match in DURATION.finditer(normalised_text):
        unit = match.group("unit")
        number = _value(match.group("number"))
        if number is None:
            # A bare unit: "minuutje", "kwartiertje"; the abbreviations need a number.
            if unit in ("s", "sec", "min"):
                continue
            number = 1.0
        after = _value(match.group("after"))
        if after is not None and unit in ("minuut", "minuutje", "seconde") and number == 1:
            # "een minuut of drie"
            number = after
        seconds = number * UNIT_SECONDS[unit]
        longest = seconds if longest is None else max(longest, seconds)
    return longest
