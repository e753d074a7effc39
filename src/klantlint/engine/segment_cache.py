"""What fast mode remembers per segment text: the trigger words found, which rules may fire, and their hits.

Call transcripts repeat themselves ("Dank u wel en een fijne dag verder" in every other call), so a
segment text seen before needs neither a trigger scan nor a parse. Only rules whose hits depend on the
segment alone are remembered (not `Rule.document_level` ones). The cache is bounded, so memory stays
flat however long a batch run is.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from klantlint.engine.base import Hit, Rule

DEFAULT_CAPACITY = 10_000
Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


@dataclass
class SegmentEntry:
    """The gate's verdict on one segment text; `hits` is filled once the segment has been checked."""

    found: frozenset[str]
    rules: list[Rule]
    hits: list[tuple[Rule, Hit]] | None = field(default=None)


class SegmentCache(Generic[Key, Value]):
    """A bounded least-recently-used map, e.g. from (segment text, speaker role) to what is remembered about it."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[Key, Value] = OrderedDict()
        self._added: list[Key] | None = None  # keys put since the last `take_added`, once tracking is on

    def track_added(self, on: bool = True) -> None:
        """Remember from now on which keys are put, so `take_added` can hand them to another process (or stop,
        forgetting what was not taken)."""
        if not on:
            self._added = None
        elif self._added is None:
            self._added = []

    def take_added(self) -> list[tuple[Key, Value]]:
        """The entries put since the last call (and still held); empty unless `track_added` was called."""
        if not self._added:
            return []
        keys, self._added = dict.fromkeys(self._added), []
        return [(key, self._entries[key]) for key in keys if key in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key) -> Value | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: Key, entry: Value, *, tracked: bool = True) -> None:
        """Add an entry; `tracked=False` keeps it out of `take_added` (e.g. one another process handed over)."""
        self._entries[key] = entry
        if tracked and self._added is not None:
            self._added.append(key)
        if len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
