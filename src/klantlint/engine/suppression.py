"""Inline suppressions in scripts, and KL900 for those that are unknown or suppress nothing.

    Dat kan niet.  # klantlint: ignore[KL003] -- citaat van klant
    <!-- klantlint: disable=KL002,KL003 --> ... <!-- klantlint: enable=KL002,KL003 -->

An `ignore[...]` comment applies to its own line; a comment alone on its line applies to the next
line with text (the Markdown habit of a comment above the line it is about).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from klantlint.io.masking import line_starts

DIRECTIVE = re.compile(
    r"klantlint:\s*(?:(?P<kind>ignore)\[(?P<ignore>[^\]]*)\]|(?P<region>disable|enable)=(?P<codes>[A-Za-z0-9_,\s]+?))"
    r"(?:\s*--\s*(?P<reason>.*?))?\s*(?:-->|$)",
    re.MULTILINE,
)
ALL = "ALL"


@dataclass
class Directive:
    kind: str  # ignore | disable | enable
    codes: list[str]
    start: int
    end: int
    line: int
    lines: set[int] = field(default_factory=set)
    used: set[str] = field(default_factory=set)


@dataclass
class Suppressions:
    directives: list[Directive]

    def suppresses(self, code: str, line: int, offset: int) -> bool:
        """Whether a finding of `code` on `line` is suppressed; marks the directive that does it as used."""
        suppressed = False
        for directive in self.directives:
            if directive.kind == "ignore" and line in directive.lines and _covers(directive.codes, code):
                directive.used.add(code if code in directive.codes else ALL)
                suppressed = True
        region = self._region_for(code, offset)
        if region is not None:
            region.used.add(code if code in region.codes else ALL)
            suppressed = True
        return suppressed

    def _region_for(self, code: str, offset: int) -> Directive | None:
        active: Directive | None = None
        for directive in self.directives:
            if directive.start > offset:
                break
            if directive.kind == "disable" and _covers(directive.codes, code):
                active = directive
            elif directive.kind == "enable" and active is not None and _covers(directive.codes, code):
                active = None
        return active


def _covers(codes: list[str], code: str) -> bool:
    return ALL in codes or code in codes


def parse_suppressions(text: str) -> Suppressions:
    starts = line_starts(text)
    directives = []
    for match in DIRECTIVE.finditer(text):
        kind = match.group("kind") or match.group("region")
        raw_codes = match.group("ignore") if kind == "ignore" else match.group("codes")
        codes = [c.strip().upper() for c in re.split(r"[,\s]+", raw_codes or "") if c.strip()]
        line_index = bisect_right(starts, match.start()) - 1
        directive = Directive(kind, codes, match.start(), match.end(), line_index + 1)
        if kind == "ignore":
            directive.lines = {line_index + 1}
            line_text = _line(text, starts, line_index)
            if _comment_only(line_text):
                following = _next_text_line(text, starts, line_index)
                if following is not None:
                    directive.lines.add(following + 1)
        directives.append(directive)
    return Suppressions(directives)


def _line(text: str, line_starts: list[int], index: int) -> str:
    end = line_starts[index + 1] if index + 1 < len(line_starts) else len(text)
    return text[line_starts[index] : end]


def _comment_only(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("<!--") or stripped.startswith("#")


def _next_text_line(text: str, line_starts: list[int], index: int) -> int | None:
    for following in range(index + 1, len(line_starts)):
        if _line(text, line_starts, following).strip():
            return following
    return None
