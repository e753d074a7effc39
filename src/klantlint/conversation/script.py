"""Dialogue scripts as calls: labelled `Agent:` / `Klant:` segments become turns, offsets map back to the file.

A turn may carry a timestamp before its label ("[00:12] Agent:", "[0:05-0:09] Klant:"); without them the
rules that need timing are skipped. A text without both agent and customer labels is not a dialogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from klantlint.conversation.view import CallView, ViewTurn
from klantlint.io.segments import Segment

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
TIMESTAMP = re.compile(rf"\[\s*{_TIME}\s*(?:(?:-->|[-–—]|tot)\s*{_TIME}\s*)?\]")


def _seconds(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int((fraction or "0").ljust(3, "0")) / 1000


def turn_times(text: str, segment: Segment) -> tuple[float | None, float | None]:
    """The timestamp written before the segment's label on its line, if any."""
    line_start = text.rfind("\n", 0, segment.start) + 1
    match = TIMESTAMP.search(text, line_start, segment.start)
    if match is None:
        return None, None
    groups = match.groups()
    start = _seconds(*groups[:4])
    end = _seconds(*groups[4:]) if groups[5] is not None else None
    return start, end


def is_dialogue(segments: Sequence[Segment]) -> bool:
    roles = {segment.role for segment in segments}
    return "agent" in roles and "customer" in roles


def script_view(
    text: str,
    segments: Sequence[Segment],
    phrase_findings: Iterable[tuple[Segment, str, int, int]],
    organisations: tuple[str, ...],
) -> tuple[CallView, list[Segment]]:
    """The call a dialogue script describes, and the segment of each turn (for mapping offsets back)."""
    spoken = [segment for segment in segments if segment.role in ("agent", "customer")]
    by_segment: dict[int, list[tuple[str, int, int]]] = {}
    for segment, code, start, end in phrase_findings:
        by_segment.setdefault(segment.start, []).append((code, start, end))
    turns = []
    for index, segment in enumerate(spoken):
        start, end = turn_times(text, segment)
        turns.append(
            ViewTurn(
                index=index,
                role=segment.role,
                text=segment.text,
                start=start,
                end=end,
                phrase_findings=tuple(by_segment.get(segment.start, ())),
            )
        )
    return CallView(tuple(turns), organisations=organisations), spoken
