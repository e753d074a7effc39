"""Decoding transcript input: the first bytes decide the encoding (byte-order mark, UTF-16 without one, or the
given `--encoding`); line-based formats are decoded line by line, so one bad line becomes one error record.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO

from klantlint.io.encoding import SNIFF_BYTES, bom_encoding, is_ascii_compatible, undecodable_line, utf16_without_bom

DEFAULT_ENCODING = "utf-8"
# (line number, text or None, reason or None): the text of a line, or why it could not be decoded.
DecodedLine = tuple[int, str | None, str | None]


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff them), put back in front of the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(handle: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """The first bytes of `handle`, and a stream that yields all of it (those bytes included): the handle itself,
    moved back, when it can seek (so its position stays exact for a progress bar), else a stream that puts them
    back in front (stdin)."""
    if handle.seekable():
        start = handle.tell()
        head = handle.read(SNIFF_BYTES)
        handle.seek(start)
        return head, handle
    head = handle.read(SNIFF_BYTES)
    return head, io.BufferedReader(_Prefixed(head, handle), buffer_size=65536)


def not_decodable(encoding: str, byte: int, position: int) -> str:
    """Why a line is not text in `encoding` (`byte` at `position` in it), and what to do about it."""
    where = f"byte 0x{byte:02x} op positie {position}"
    if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
        return f"geen geldige UTF-8 ({where}): sla het bestand op als UTF-8 of geef --encoding cp1252"
    return f"geen geldige {encoding} ({where}): geef de juiste --encoding"


def utf16_reason(encoding: str) -> str:
    return f"UTF-16-tekst zonder BOM: sla op als UTF-8 of geef --encoding {encoding}"


def file_encoding(head: bytes, encoding: str | None) -> tuple[str, str | None]:
    """The codec to read a file with, or a reason it cannot be read without `--encoding`."""
    if encoding is not None:
        return encoding, None
    marked = bom_encoding(head)
    if marked is not None:
        return marked, None
    utf16 = utf16_without_bom(head)
    if utf16 is not None:
        return DEFAULT_ENCODING, utf16_reason(utf16)
    return DEFAULT_ENCODING, None


def decoded_lines(head: bytes, stream: IO[bytes], encoding: str | None) -> Iterator[DecodedLine]:
    """Each line of the stream, decoded; a line that is not text in the encoding comes with the reason instead."""
    codec, problem = file_encoding(head, encoding)
    if problem is not None:
        yield 1, None, problem
        return
    if codec == "utf-8-sig":  # decode each line as UTF-8; only the first starts with the mark
        codec = DEFAULT_ENCODING
    if not is_ascii_compatible(codec):
        yield from _wide_lines(stream, codec)
        return
    for number, raw in enumerate(stream, start=1):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as error:
            yield number, None, not_decodable(codec, raw[error.start], error.start)
            continue
        yield number, text.removeprefix("\ufeff") if number == 1 else text, None


def _wide_lines(stream: IO[bytes], codec: str) -> Iterator[DecodedLine]:
    # UTF-16/32: a line end is more than one byte, so the stream is decoded before it is split into lines.
    number = 0
    text_stream = io.TextIOWrapper(stream, encoding=codec, newline="")
    try:
        for number, text in enumerate(text_stream, start=1):
            yield number, text.removeprefix("\ufeff") if number == 1 else text, None
    except UnicodeDecodeError as error:
        yield (
            number + 1,
            None,
            f"geen geldige {codec} vanaf hier ({error.reason}); de rest van het bestand is niet gelezen",
        )
    finally:
        text_stream.detach()  # the caller closes the file, and may still ask its position


def decoded_text(data: bytes, encoding: str | None) -> tuple[str | None, int, str | None]:
    """A whole file's text, or the line where decoding failed and why."""
    codec, problem = file_encoding(data, encoding)
    if problem is not None:
        return None, 1, problem
    try:
        return data.decode(codec).removeprefix("\ufeff"), 0, None
    except UnicodeDecodeError as error:
        line = undecodable_line(error)
        line_start = data.rfind(b"\n", 0, error.start) + 1
        return None, line, not_decodable(codec, data[error.start], error.start - line_start)
