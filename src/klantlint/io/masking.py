"""Blanking out what is not prose, keeping every offset, line and column of the original text.

Masked characters become spaces (newlines stay), so a finding's offsets into the masked text are
offsets into the original file.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
TEXT_COMMENT = re.compile(r"(?:(?<=\s)|^)#(?=\s|$).*$", re.MULTILINE)
_BLOCK_TYPES_TO_MASK = {"fence", "code_block", "html_block"}
_markdown = MarkdownIt("commonmark")


def blank(text: str, start: int, end: int) -> str:
    """`text` with `text[start:end]` replaced by spaces, newlines kept."""
    piece = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + piece + text[end:]


def blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    matches = list(pattern.finditer(text))
    if not matches:
        return text  # the common case: nothing to blank, no copy
    chars = list(text)
    for match in matches:
        for index in range(match.start(), match.end()):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def mask_markdown(text: str) -> str:
    """Only the prose of a Markdown document stays: code, front matter, HTML, URLs and addresses go."""
    front = FRONT_MATTER.match(text)
    masked = blank(text, 0, front.end()) if front else text
    starts = line_starts(masked)
    for token in _markdown.parse(masked):
        if token.type in _BLOCK_TYPES_TO_MASK and token.map:
            first, last = token.map
            start = starts[first]
            end = starts[last] if last < len(starts) else len(masked)
            masked = blank(masked, start, end)
    for pattern in (HTML_COMMENT, INLINE_CODE, LINK_TARGET, URL, EMAIL, HTML_TAG):
        masked = blank_matches(masked, pattern)
    return masked


def mask_plain_text(text: str) -> str:
    """Plain-text scripts: `#` comments, URLs and e-mail addresses are not prose."""
    masked = text
    for pattern in (TEXT_COMMENT, URL, EMAIL):
        masked = blank_matches(masked, pattern)
    return masked


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts."""
    return [0, *(match.end() for match in re.finditer("\n", text))]
