"""Offsets into a text and LSP positions (line and character in the client's code units), both ways."""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types
from pygls.workspace import PositionCodec

from klantlint.io.masking import line_starts


class LineIndex:
    """Line starts of one text, computed once: each conversion costs one line, not the whole text."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.codec = codec
        self.starts = line_starts(text)

    def units(self, text: str) -> int:
        """Length of `text` in the client's code units (pygls counts per character in Python; this is C speed)."""
        if text.isascii():
            return len(text)
        encoding = self.codec.encoding
        if encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        if encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def _line_end(self, line: int) -> int:
        return self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        prefix = self.text[self.starts[line] : offset]
        return types.Position(line=line, character=self.units(prefix))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        line_text = self.text[start : self._line_end(position.line)]
        character = min(position.character, self.units(line_text))
        local = types.Position(line=0, character=character)
        return start + self.codec.position_from_client_units([line_text], local).character

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Start and end (before the newline and a carriage return) of a 0-based line."""
        line = min(line, len(self.starts) - 1)
        end = self._line_end(line)
        if end > self.starts[line] and self.text[end - 1] == "\r":
            end -= 1
        return self.starts[line], end
