"""What fast mode remembers per segment text: the trigger words found, which rules may fire, and their hits.

Call transcripts repeat themselves ("Dank u wel en een fijne dag verder" in every other call), so a
segment text seen before needs neither a trigger scan nor a parse. Only rules whose hits depend on the
segment alone are remembered (`Rule.scope` "segment"). The cache is bounded, so memory stays
flat however long a batch run is.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from klantlint.engine.base import Hit, Rule

DEFAULT_CAPACITY = 10_000
Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")
SegmentKey = tuple[str, str]  # (segment text, speaker role)
# A segment's cache entry in picklable form: its key, trigger words found, rules that may fire and their hits,
# with each rule given by its position among the Linter's segment-level rules.
CheckedSegment = tuple[SegmentKey, frozenset[str], tuple[int, ...], tuple[tuple[int, Hit], ...]]


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


class CheckedSegments(SegmentCache[SegmentKey, SegmentEntry]):
    """A Linter's segment cache, which can hand what it checked to a Linter with the same rules in another
    process (parallel runs), and adopt what such a Linter handed over."""

    def __init__(self, segment_rules: list[Rule], capacity: int = DEFAULT_CAPACITY) -> None:
        super().__init__(capacity)
        self._segment_rules = segment_rules

    def export(self) -> list[CheckedSegment]:
        """The segments checked since the previous call that needed a rule run (where no rule passed its gate,
        the gate is as cheap to run again as the entry is to send), as picklable entries with rules by position;
        empty unless `track_added` was called. A parallel worker returns them, so that neither the parent nor
        the workers forked from it later parse those texts again."""
        positions = {id(rule): position for position, rule in enumerate(self._segment_rules)}
        return [
            (
                key,
                entry.found,
                tuple(positions[id(rule)] for rule in entry.rules),
                tuple((positions[id(rule)], hit) for rule, hit in entry.hits),
            )
            for key, entry in self.take_added()
            if entry.rules and entry.hits is not None
        ]

    def adopt(self, segments: Iterable[CheckedSegment]) -> None:
        """Take over what another cache over the same rules exported (not tracked: it is not this one's news)."""
        rules = self._segment_rules
        for key, found, rule_positions, hits in segments:
            if self.get(key) is None:
                entry = SegmentEntry(found, [rules[n] for n in rule_positions], [(rules[n], hit) for n, hit in hits])
                self.put(key, entry, tracked=False)
