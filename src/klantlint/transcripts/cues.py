"""WebVTT and SRT: blocks separated by blank lines, each a cue (optional identifier, timing line, text).

Every block is a cue or a `BadBlock` naming its line and what is wrong (a timing line that cannot be read, or
text without a timing line), so no cue is dropped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})")
CUE_TIMING = re.compile(rf"^\s*({TIMESTAMP.pattern})\s*-->\s*({TIMESTAMP.pattern})")
# Blocks of a WebVTT file that are not cues.
VTT_NON_CUE = ("WEBVTT", "NOTE", "STYLE", "REGION")
SHOWN_CHARS = 60


@dataclass(frozen=True)
class Cue:
    line: int  # of the timing line
    start: float
    end: float
    body: str


@dataclass(frozen=True)
class BadBlock:
    line: int
    reason: str


def _seconds(match: re.Match[str]) -> float:
    hours, minutes, seconds, fraction = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines, with the line number of their first line."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _shown(line: str) -> str:
    line = line.strip()
    return line if len(line) <= SHOWN_CHARS else line[:SHOWN_CHARS] + "..."


def cues(text: str, *, vtt: bool) -> Iterator[Cue | BadBlock]:
    """The cues of a subtitle file in order, and a `BadBlock` for each block that is not a readable cue.

    A block may hold more than one cue (SRT files without blank lines between cues): every timing line starts one,
    and in SRT a number just before it is the next cue's index."""
    for start, lines in _blocks(text):
        if vtt and lines[0].lstrip().startswith(VTT_NON_CUE):
            # A header not followed by a blank line runs into the first cue: that cue is read all the same.
            first_timing = next((index for index, line in enumerate(lines) if "-->" in line), None)
            if not lines[0].lstrip().startswith("WEBVTT") or first_timing is None:
                continue
            start, lines = start + first_timing, lines[first_timing:]
        timings = [index for index, line in enumerate(lines) if "-->" in line]
        if not timings:
            yield _without_timing(start, lines)
            continue
        if timings[0] > 1:  # more than an identifier before the first timing line
            yield BadBlock(start, f"tekst zonder tijdregel ervoor: '{_shown(lines[0])}'")
        for position, index in enumerate(timings):
            end = timings[position + 1] if position + 1 < len(timings) else len(lines)
            body = lines[index + 1 : end]
            if position + 1 < len(timings) and body and (not vtt and body[-1].strip().isdigit()):
                body = body[:-1]
            timing = CUE_TIMING.match(lines[index])
            if timing is None:
                yield BadBlock(
                    start + index,
                    f"tijdregel onleesbaar: '{_shown(lines[index])}' (verwacht 'uu:mm:ss.mmm --> uu:mm:ss.mmm')",
                )
                continue
            begin, finish = TIMESTAMP.match(timing.group(1)), TIMESTAMP.match(timing.group(6))
            assert begin is not None and finish is not None
            if any(line.strip() for line in body):
                yield Cue(start + index, _seconds(begin), _seconds(finish), "\n".join(body))


def _without_timing(start: int, lines: list[str]) -> BadBlock:
    for index, line in enumerate(lines[:2]):
        if TIMESTAMP.search(line):
            return BadBlock(
                start + index,
                f"tijdregel onleesbaar: '{_shown(line)}' (verwacht 'uu:mm:ss.mmm --> uu:mm:ss.mmm')",
            )
    return BadBlock(start, f"blok zonder tijdregel, geen ondertitel: '{_shown(lines[0])}'")
