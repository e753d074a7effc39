"""Finding the files to check and reading them as text, with clear errors for what cannot be read."""

from __future__ import annotations

import errno
import fnmatch
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from klantlint.errors import InputError
from klantlint.findings import Finding
from klantlint.io.encoding import bom_encoding, mark_and_codec, undecodable_line, utf16_without_bom
from klantlint.io.os_errors import describe_os_error

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
WORD_SUFFIXES = frozenset({".docx"})  # Word scripts, read by klantlint.io.docx (klantlint[docx])
OLD_WORD_SUFFIXES = frozenset({".doc"})  # named so the error can say what to do
CHECKED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | WORD_SUFFIXES
STDIN = "-"
BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Source:
    """A text to check: its display path, its content (without a byte order mark), whether it is Markdown, and
    the byte order mark and codec of the file, which `fix` writes it back in (`encoded`)."""

    path: str
    text: str
    markdown: bool
    # Word scripts: findings with paragraph numbers and headings instead of lines of `text`.
    locate: Callable[[list[Finding]], list[Finding]] | None = None
    bom: bytes = b""
    codec: str = "utf-8"

    def encoded(self, text: str) -> bytes:
        """`text` as this source's file held its text: the same byte order mark and codec."""
        return self.bom + text.encode(self.codec)


def discover(paths: list[str], exclude: list[str]) -> Iterator[str]:
    """Files to check, in a stable order: given files as they are, directories searched recursively."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in CHECKED_SUFFIXES and not _excluded(found, exclude):
                    yield str(found)
        elif not _excluded(path, exclude):
            yield raw


def _excluded(path: Path, patterns: list[str]) -> bool:
    text = path.as_posix()
    return any(
        fnmatch.fnmatch(text, pattern)
        or fnmatch.fnmatch(path.name, pattern)
        or any(fnmatch.fnmatch(part, pattern) for part in path.parts)
        for pattern in patterns
    )


def read_source(path: str, *, stdin_markdown: bool = False) -> Source:
    """Read one file (or stdin for '-') as UTF-8 text (or UTF-16/32 with a byte-order mark); InputError names the
    file, line and reason."""
    if path == STDIN:
        data = sys.stdin.buffer.read()
        return Source("<stdin>", decode(data, "<stdin>"), stdin_markdown, None, *mark_and_codec(data))
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: {missing_reason(path)}")
    if file.is_dir():
        raise InputError(f"{path}: is een map, geen bestand")
    if file.suffix.lower() in WORD_SUFFIXES | OLD_WORD_SUFFIXES:
        return _read_word(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: kan niet worden gelezen: {describe_os_error(error, writing=False)}") from None
    return Source(path, decode(data, path), file.suffix.lower() in MARKDOWN_SUFFIXES, None, *mark_and_codec(data))


def _read_word(path: str) -> Source:
    try:
        from klantlint.io.docx import read_docx
    except ImportError as error:
        raise InputError(
            f"{path}: Word-bestanden vragen een extra pakket ({error.name}); installeer klantlint[docx]"
        ) from None
    script = read_docx(path)
    return Source(path, script.text, False, locate=script.located)


def missing_reason(path: str) -> str:
    """Why a path that was given is not there: missing, a dangling symlink or a symlink loop."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolische koppeling verwijst naar zichzelf (lus)"
        if os.path.islink(path):
            return "symbolische koppeling naar iets dat niet bestaat"
        if error.errno != errno.ENOENT:
            return f"niet bereikbaar: {describe_os_error(error, writing=False)}"
    return "bestand bestaat niet"


def decode(data: bytes, path: str) -> str:
    marked = bom_encoding(data)
    if marked is not None and marked != "utf-8-sig":
        try:
            return data.decode(marked)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{path}: geen geldige {marked.upper()} (byte {error.start}); sla het bestand op als UTF-8"
            ) from None
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        raise InputError(f"{path}: UTF-16-tekst zonder BOM ({utf16}); sla het bestand op als UTF-8")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{path}: binair bestand, geen tekst; overgeslagen")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = undecodable_line(error)
        raise InputError(
            f"{path}:{line}: geen geldige UTF-8 (byte 0x{data[error.start]:02x} op positie {error.start}); "
            "sla het bestand op als UTF-8"
        ) from None
    return text.removeprefix("\ufeff")
