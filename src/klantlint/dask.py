"""Linting call transcripts on a Dask cluster: a bag of calls, or a DataFrame with one turn per row.

    import dask.bag as db
    from klantlint.dask import lint_calls, lint_turns

    results = lint_calls(db.read_text("s3://bucket/calls/*.jsonl"), config)     # a bag of CallResult / RecordError
    results = lint_turns(dd.read_parquet("s3://bucket/turns/"), config)          # idem, one result per call_id

Every worker process builds one `Linter` per (config, mode) on its first task and reuses it for every later task
(`worker_linter`), so the spaCy pipeline and the compiled rules are loaded once per worker, not per task or call.
Calls are linted in batches of 64 so the parser batches well. Needs the `dask` extra: `pip install 'klantlint[dask]'`.
"""

from __future__ import annotations

import functools
import math
import threading
from collections.abc import Iterable, Mapping
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import numpy as np
    import pandas as pd
except ImportError as missing:  # pragma: no cover - depends on the installed extras
    raise ImportError(f"klantlint.dask heeft Dask nodig: pip install 'klantlint[dask]' ({missing})") from missing

from klantlint.api import Linter
from klantlint.config import Config
from klantlint.engine.linter import Mode
from klantlint.errors import InputError
from klantlint.io.columns import REQUIRED_TURN_COLUMNS
from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.linting import lint_records_in_process
from klantlint.transcripts.models import Call, Record, Result
from klantlint.transcripts.records import (
    call_from_record,
    call_from_turns,
    finished_call,
    parse_json,
    turn_from_record,
)

__all__ = ["lint_calls", "lint_record_chunk", "lint_turns", "worker_linter"]

# Columns lint_turns adds before the shuffle, so each call's turns can be put back in input order afterwards.
PARTITION_COLUMN = "_klantlint_partition"
ROW_COLUMN = "_klantlint_row"

# One Linter per process is used by one thread at a time: the lock guards both building and linting.
_worker_lock = threading.Lock()


@functools.lru_cache(maxsize=4)
def worker_linter(config_json: str, mode: Mode) -> Linter:
    """The Linter for this config in this process, built on first use; `cache_info().misses` counts builds."""
    linter = Linter(Config.model_validate_json(config_json), mode=mode)
    linter.load()
    return linter


def lint_record_chunk(
    records: list[Record], config_json: str, mode: Mode = "fast", agent_speaker: str | None = None
) -> list[Result]:
    """One task: a result per record, in order; `RecordError`s pass through unchanged."""
    with _worker_lock:
        return lint_records_in_process(worker_linter(config_json, mode), records, agent_speaker)


def lint_calls(
    calls: db.Bag, config: Config | None = None, *, mode: Mode = "fast", agent_speaker: str | None = None
) -> db.Bag:
    """A bag with one `CallResult` (or `RecordError`) per call, in the order and partitions of `calls`.

    Items of `calls` may be `Call`s, `RecordError`s (passed through unchanged), dicts in the call-per-line JSONL
    shape (`call_id`, `turns`, ...), or such JSONL lines as text (`db.read_text`); blank lines are skipped and a
    malformed item becomes a `RecordError` naming the reason. A call in which no agent can be told gets a result
    whose `roles.agent_speaker` is None (`klantlint batch` writes those to the errors file).
    """
    task = functools.partial(
        _lint_partition, config_json=(config or Config()).model_dump_json(), mode=mode, agent_speaker=agent_speaker
    )
    return calls.map_partitions(task)


def lint_turns(
    turns: dd.DataFrame,
    config: Config | None = None,
    *,
    call_id: str = "call_id",
    speaker: str = "speaker",
    text: str = "text",
    start: str = "start",
    end: str = "end",
    agent_id: str = "agent_id",
    date: str = "date",
    direction: str = "direction",
    organisation: str = "organisation",
    mode: Mode = "fast",
    agent_speaker: str | None = None,
    npartitions: int | None = None,
) -> db.Bag:
    """A bag with one `CallResult` (or `RecordError`) per `call_id` of a DataFrame with one turn per row.

    Ordering: the turns of a call are linted in their DataFrame order (partition, then row within it), whatever
    order the shuffle that brings them together delivers them in; they need not be adjacent. The results are
    grouped by a hash of `call_id`, so across calls they are *not* in input order: key them by `call_id`.
    The keyword arguments name the columns; `start`, `end`, `agent_id`, `date`, `direction` and `organisation`
    may be absent (a call's direction and organisation are taken from its first turn).
    """
    names = {"call_id": call_id, "speaker": speaker, "text": text, "start": start, "end": end}
    names |= {"agent_id": agent_id, "date": date, "direction": direction, "organisation": organisation}
    missing = [f"'{names[key]}'" for key in REQUIRED_TURN_COLUMNS if names[key] not in turns.columns]
    if missing:
        raise InputError(
            f"DataFrame mist kolom(men) {', '.join(missing)}; aanwezig: {', '.join(map(str, turns.columns))}"
        )
    present = {key: column for key, column in names.items() if column in turns.columns}
    selected = turns[list(present.values())].rename(columns={column: key for key, column in present.items()})
    meta = selected._meta.assign(**{PARTITION_COLUMN: np.int64(0), ROW_COLUMN: np.int64(0)})
    numbered = selected.map_partitions(_with_positions, meta=meta)
    # A task-based shuffle: a P2P shuffle fails once its result becomes a bag (dask/dask#11825).
    grouped = numbered.shuffle(on="call_id", npartitions=npartitions, shuffle_method="tasks")
    task = functools.partial(
        _lint_turn_frame, config_json=(config or Config()).model_dump_json(), mode=mode, agent_speaker=agent_speaker
    )
    return grouped.map_partitions(task, meta=pd.Series(dtype=object)).to_bag()


# -- bags of calls ----------------------------------------------------------------------------------------------


def _lint_partition(items: Iterable[Any], config_json: str, mode: Mode, agent_speaker: str | None) -> list[Result]:
    records = [record for item in items if (record := _as_record(item)) is not None]
    return lint_record_chunk(records, config_json, mode, agent_speaker)


def _as_record(item: Any) -> Record | None:
    if isinstance(item, Call | RecordError):
        return item
    if isinstance(item, str):
        if not item.strip():
            return None
        try:
            item = parse_json(item)
        except ValueError as problem:
            return RecordError("", 0, str(problem))
    if not isinstance(item, Mapping):
        return RecordError("", 0, f"geen gesprek: verwacht een Call, dict of JSON-regel, niet {type(item).__name__}")
    data = dict(item)
    try:
        return finished_call(call_from_record(data, "", 0))
    except ValueError as error:
        raw_id = data.get("call_id")
        return RecordError("", 0, str(error), None if raw_id in (None, "") else str(raw_id))


# -- DataFrames of turns ----------------------------------------------------------------------------------------


def _with_positions(frame: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    number = partition_info["number"] if partition_info else 0
    return frame.assign(**{PARTITION_COLUMN: np.int64(number), ROW_COLUMN: np.arange(len(frame), dtype=np.int64)})


def _lint_turn_frame(frame: pd.DataFrame, config_json: str, mode: Mode, agent_speaker: str | None) -> pd.Series:
    """The results for the calls of one shuffled partition, as an object Series (one result per call)."""
    ordered = frame.sort_values([PARTITION_COLUMN, ROW_COLUMN], kind="stable")
    # dropna=False: rows without a call_id become one error instead of vanishing from the groups.
    records = [_call_from_turn_rows(rows) for _, rows in ordered.groupby("call_id", sort=False, dropna=False)]
    return pd.Series(lint_record_chunk(records, config_json, mode, agent_speaker), dtype=object)


def _call_from_turn_rows(rows: pd.DataFrame) -> Record:
    data = [{key: value for key, value in row.items() if not _missing(value)} for row in rows.to_dict("records")]
    first = data[0]
    source, line = f"<dataframe partition {first[PARTITION_COLUMN]}>", int(first[ROW_COLUMN]) + 1
    if "call_id" not in first:
        return RecordError(source, line, f"'call_id' ontbreekt ({len(data)} beurten)")
    call_id = str(first["call_id"])
    turns = []
    for index, row in enumerate(data):
        try:
            turns.append(turn_from_record(row))
        except ValueError as error:
            return RecordError(source, line, f"beurt {index}: {error}", call_id)
    try:
        call = call_from_turns(first, turns, source, line)
    except ValueError as error:
        return RecordError(source, line, str(error), call_id)
    return finished_call(call)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)
