"""Call transcripts: reading them (`read`), their models, speaker roles and linting whole calls."""

from __future__ import annotations

from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.formats import FORMATS, TRANSCRIPT_FORMATS, TranscriptFormat
from klantlint.transcripts.models import Call, CallResult, Record, Result, RoleAssignment, Turn, TurnFinding
from klantlint.transcripts.readers import iter_records, read

__all__ = [
    "FORMATS",
    "TRANSCRIPT_FORMATS",
    "Call",
    "CallResult",
    "Record",
    "RecordError",
    "Result",
    "RoleAssignment",
    "TranscriptFormat",
    "Turn",
    "TurnFinding",
    "iter_records",
    "read",
]
