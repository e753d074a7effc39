"""Telling how a text file is encoded from its first bytes: a byte-order mark, or UTF-16 without one."""

from __future__ import annotations

import codecs

SNIFF_BYTES = 8192
# Byte-order marks and the codec of the text after each, byte order included; UTF-32 first: the UTF-32-LE mark
# starts with the UTF-16-LE one.
_BOM_CODECS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of NUL bytes at the odd (or even) positions from which a text counts as UTF-16 of a Latin script.
_UTF16_NUL_SHARE = 0.9


def bom_encoding(head: bytes) -> str | None:
    """The codec that decodes (and drops) the byte-order mark `head` starts with, if any."""
    bom, codec = mark_and_codec(head)
    if not bom:
        return None
    return "utf-8-sig" if codec == "utf-8" else codec.removesuffix("-le").removesuffix("-be")


def mark_and_codec(head: bytes) -> tuple[bytes, str]:
    """The byte-order mark `head` starts with (b"" without one) and the codec of the text after it, so a file can
    be written back exactly as it was encoded: mark first, then the text in that codec."""
    for bom, codec in _BOM_CODECS:
        if head.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of `head` is NUL (UTF-16 text without a mark), else None."""
    sample = head[:SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= _UTF16_NUL_SHARE * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= _UTF16_NUL_SHARE * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def is_ascii_compatible(encoding: str) -> bool:
    """Whether the codec writes ASCII (and so line ends) as single bytes, so a file can be split into lines first."""
    return "\n,;a".encode(encoding) == b"\n,;a"


def check_encoding(name: str) -> str:
    """The name, when Python knows the codec; ValueError (Dutch) otherwise."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise ValueError(f"onbekende tekenset '{name}' (bijvoorbeeld utf-8, cp1252, latin-1, utf-16)") from None
    return name


def undecodable_line(error: UnicodeDecodeError) -> int:
    """The line (counted from 1) of the first byte that `error` could not decode."""
    return error.object[: error.start].count(b"\n") + 1
