"""Blanking out what is not prose, keeping every offset, line and column of the original text.

Masked characters become spaces (newlines stay), so a finding's offsets into the masked text are
offsets into the original file.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# No pattern here may backtrack in a way that grows with the input: a search restarts at every position, so a
# run that a pattern reads to its end and then gives up on must not be read again from each of its characters.
BACKTICK_RUN = re.compile(r"`+")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*)?/?>")
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
# Only where a run of address characters starts, so that "aaaa...a!" is read once, not once per character.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
# A link target ends at the next ")", blank or "]" (a "](" within it starts the next one).
LINK_TARGET = re.compile(r"\]\([^)\s\]]*+(?:\s++\"[^\"]*+\")?\)")
TEXT_COMMENT = re.compile(r"(?:(?<=\s)|^)#(?=\s|$).*$", re.MULTILINE)
_BLOCK_TYPES_TO_MASK = {"fence", "code_block", "html_block"}


@cache
def _markdown() -> MarkdownIt:
    """The CommonMark parser, imported on first use: most runs (transcripts, plain text) read no Markdown."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def blank(text: str, start: int, end: int) -> str:
    """`text` with `text[start:end]` replaced by spaces, newlines kept."""
    piece = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + piece + text[end:]


def blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    return blank_spans(text, [match.span() for match in pattern.finditer(text)])


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span in `spans` blanked (newlines kept)."""
    if not spans:
        return text  # the common case: nothing to blank, no copy
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def mask_markdown(text: str) -> str:
    """Only the prose of a Markdown document stays: code, front matter, HTML, URLs and addresses go."""
    front = FRONT_MATTER.match(text)
    masked = blank(text, 0, front.end()) if front else text
    starts = line_starts(masked)
    for token in _markdown().parse(masked):
        if token.type in _BLOCK_TYPES_TO_MASK and token.map:
            first, last = token.map
            start = starts[first]
            end = starts[last] if last < len(starts) else len(masked)
            masked = blank(masked, start, end)
    masked = blank_spans(masked, html_comments(masked))
    masked = blank_spans(masked, inline_code(masked))
    for pattern in (LINK_TARGET, URL, EMAIL, HTML_TAG):
        masked = blank_matches(masked, pattern)
    return masked


def html_comments(text: str) -> list[tuple[int, int]]:
    """The spans of `<!-- ... -->` comments (an unclosed one runs to nowhere and is left alone)."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no comment after this one can be closed either
        spans.append((start, end + 3))
        position = end + 3
    return spans


def inline_code(text: str) -> list[tuple[int, int]]:
    """The spans of inline code: a run of backticks up to the next run of exactly as many (CommonMark)."""
    runs = [(match.start(), match.end()) for match in BACKTICK_RUN.finditer(text)]
    next_same_length: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_same_length[index] = later.get(length)
        later[length] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        closing = next_same_length[index]
        if closing is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans


def mask_plain_text(text: str) -> str:
    """Plain-text scripts: `#` comments, URLs and e-mail addresses are not prose."""
    masked = text
    for pattern in (TEXT_COMMENT, URL, EMAIL):
        masked = blank_matches(masked, pattern)
    return masked


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts."""
    return [0, *(match.end() for match in re.finditer("\n", text))]
