"""Characters that are not text: control characters and lone surrogates, made harmless without moving an offset.

A NUL or another C0 control character glues the words around it into one token ("Wat\\x00was" is no "was"), and a
lone surrogate ("\\ud800", not valid Unicode: it comes from `surrogateescape` decoding or a broken string) makes the
pipeline and every UTF-8 writer fail. Both are replaced one for one, so findings keep their offsets.
"""

from __future__ import annotations

import re

REPLACEMENT_CHARACTER = "\ufffd"
# C0 controls other than the whitespace ones (tab, line feed, vertical tab, form feed, carriage return), and DEL.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def readable(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (the text findings quote and reports write)."""
    return _LONE_SURROGATE.sub(REPLACEMENT_CHARACTER, text) if _LONE_SURROGATE.search(text) else text


def analysable(text: str) -> str:
    """`readable(text)` with control characters read as spaces (the text that is masked, split and parsed)."""
    text = readable(text)
    return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text


def require_text(text: object, function: str) -> str:
    """`text` when it is a str; else a TypeError that says what `function` expects."""
    if isinstance(text, str):
        return text
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, bytes | bytearray) else ""
    raise TypeError(f"{function} expects the text to lint as str, not {type(text).__name__}{hint}")
