"""The error record: an input record that could not become a call (or a turn of one), and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordError:
    """An input record that could not become a call (or a turn of one): the file, the line and the reason (Dutch),
    and the call's id when it is known."""

    source: str
    line: int
    reason: str
    call_id: str | None = None
