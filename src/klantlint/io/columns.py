"""The columns of turn-per-line transcripts (CSV, JSONL, data frames): named here once.

`[tool.klantlint.columns]` may rename each of them (`call_id = "gesprek_id"`); the readers, the config check and
`klantlint.dask.lint_turns` take their names from here.
"""

from __future__ import annotations

# Every column klantlint reads from a turn row, in the order the README lists them.
TRANSCRIPT_COLUMNS = ("call_id", "speaker", "text", "start", "end", "agent_id", "date", "direction", "organisation")
# Without these a row is no turn.
REQUIRED_TURN_COLUMNS = ("call_id", "speaker", "text")
