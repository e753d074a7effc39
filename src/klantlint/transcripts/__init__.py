"""Call transcripts: reading them (`read`), their models, speaker roles and linting whole calls."""

from __future__ import annotations

from klantlint.transcripts.models import Call, CallResult, RoleAssignment, Turn, TurnFinding
from klantlint.transcripts.readers import FORMATS, RecordError, iter_records, read

__all__ = [
    "FORMATS",
    "Call",
    "CallResult",
    "RecordError",
    "RoleAssignment",
    "Turn",
    "TurnFinding",
    "iter_records",
    "read",
]
