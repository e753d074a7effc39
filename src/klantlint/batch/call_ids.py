"""The call ids a batch run has seen, to flag a call whose id an earlier call already had.

Every id has to be kept, since a duplicate may come at any distance. In a Python set each one costs about 100
bytes (the string and its slot), 10 MB at 100,000 calls, and a run's memory grew with its length. Here the ids are
kept in a private temporary SQLite database: the pages beyond its small cache go to a temporary file (which SQLite
deletes when the database is closed), so memory stays flat however long the run is. The answer is exact: ids are
compared whole, not by a hash. Adding an id costs one indexed insert, about 1 to 2 microseconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from types import TracebackType

# The database's page cache; beyond it pages go to the temporary file (and the operating system's file cache).
CACHE_KIB = 1024
_INSERT = "INSERT OR IGNORE INTO call_ids VALUES (?)"


class CallIds:
    """A set of call ids that keeps them on disk: `add` tells whether an id was there already."""

    def __init__(self) -> None:
        # "" is a private temporary database, on disk once it outgrows its cache. One transaction, never committed:
        # nothing needs to survive the run, and a commit per id would cost more than the insert.
        self._db = sqlite3.connect("", isolation_level=None)
        for pragma in (f"cache_size = -{CACHE_KIB}", "journal_mode = OFF", "synchronous = OFF"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE call_ids (call_id PRIMARY KEY) WITHOUT ROWID")
        self._db.execute("BEGIN")
        self._count = 0

    def add(self, call_id: str) -> bool:
        """Add `call_id`; whether it was there already."""
        added = self._db.execute(_INSERT, (_stored(call_id),)).rowcount == 1
        self._count += added
        return not added

    def update(self, call_ids: Iterable[str]) -> None:
        """Add every id of `call_ids` (those of an earlier run, on --resume)."""
        for call_id in call_ids:
            self.add(call_id)

    def __contains__(self, call_id: object) -> bool:
        if not isinstance(call_id, str):
            return False
        found = self._db.execute("SELECT 1 FROM call_ids WHERE call_id = ?", (_stored(call_id),)).fetchone()
        return found is not None

    def __len__(self) -> int:
        return self._count

    def close(self) -> None:
        """Drop the database and its temporary file."""
        self._db.close()

    def __enter__(self) -> CallIds:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def _stored(call_id: str) -> str | bytes:
    """The id as SQLite keeps it: as text, or, when it holds a lone surrogate (a file name's undecodable byte,
    which SQLite's UTF-8 text cannot hold), as the bytes of its "surrogatepass" encoding. Text and bytes are never
    equal in SQLite, and no id without a lone surrogate equals one with, so distinct ids stay distinct."""
    if call_id.isascii():
        return call_id
    try:
        call_id.encode("utf-8")
    except UnicodeEncodeError:
        return call_id.encode("utf-8", "surrogatepass")
    return call_id
