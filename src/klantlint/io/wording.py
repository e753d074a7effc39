"""Numbers in Dutch messages: "1 gesprek", "2 gesprekken", "12.345 woorden/s", "0,4 s".

Dutch groups thousands with a period and writes a decimal comma; Python's format specifiers write the English way.
Counts take the singular for exactly one, as a reader expects ("1 fouten" and "bestand(en)" read as machine text).
"""

from __future__ import annotations


def number(value: float, digits: int = 0) -> str:
    """`value` with `digits` decimals in Dutch notation: number(12345.6) → "12.346", number(1234.56, 1) → "1.234,6"."""
    return f"{value:,.{digits}f}".translate(str.maketrans(",.", ".,"))


def counted(count: int, singular: str, plural: str) -> str:
    """`count` with the noun in the number it needs: counted(1, "gesprek", "gesprekken") → "1 gesprek"."""
    return f"{number(count)} {singular if count == 1 else plural}"
