"""Telling a transcript's format from its first bytes, for input without a file name (stdin) or `--input-format`."""

from __future__ import annotations

import json

from klantlint.transcripts.cues import CUE_TIMING
from klantlint.transcripts.rows import guess_delimiter
from klantlint.transcripts.whole_file import SPEAKER_LINE


def sniff_format(head: str, call_id_column: str = "call_id") -> str:
    """The format the start of a transcript looks like; JSONL when nothing else fits (its errors then say why)."""
    lines = [line.strip() for line in head.lstrip("\ufeff").splitlines() if line.strip()]
    if not lines:
        return "jsonl"
    first = lines[0]
    if first.startswith("WEBVTT"):
        return "vtt"
    if CUE_TIMING.match(first) or (first.isdigit() and len(lines) > 1 and CUE_TIMING.match(lines[1])):
        return "srt"
    if first.startswith(("{", "[")):
        return _json_kind(first, head)
    if call_id_column in first and guess_delimiter(first, call_id_column) in first:
        return "csv"
    if SPEAKER_LINE.match(first) or first.startswith("#"):
        return "txt"
    return "jsonl"


def _json_kind(first_line: str, head: str) -> str:
    """Whisper JSON (one object with 'segments', usually over many lines) or JSONL (an object per line)."""
    try:
        data = json.loads(first_line)
    except (ValueError, RecursionError):
        # A first line that is not a whole object: a JSON file over many lines, or a line longer than the head.
        return "jsonl" if '"call_id"' in head or '"turns"' in head else "whisper"
    return "whisper" if isinstance(data, dict) and "segments" in data and "call_id" not in data else "jsonl"
