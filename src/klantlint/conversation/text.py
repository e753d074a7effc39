"""Surface helpers for conversation rules: normalised lowercase text, cues (regexes over it) and spans.

Conversation rules look at lowercased surface text, not at parses: batch runs see millions of calls.
Offsets found on the normalised text are offsets into the original turn text (normalising never changes
the length of a text).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from klantlint.conversation.regex_shape import WORD, edge_kinds, gate_covers, lookahead, openings
from klantlint.engine.substring_masks import SubstringMasks

# Typographic variants that transcripts and scripts mix; each maps to one character, so offsets stay put. None of
# the replacements is itself replaced, so the order does not matter.
_SAME_LENGTH = (("’", "'"), ("‘", "'"), ("´", "'"), ("`", "'"), ("é", "e"), ("è", "e"), ("ë", "e"), ("ï", "i"))


def normalise(text: str) -> str:
    """Lowercase text with quote and accent variants folded, always exactly as long as `text`."""
    lowered = text.lower()
    if text.isascii():  # the common case: nothing to fold, and lower() keeps the length
        return lowered
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    # A substring test and replace() per variant: much cheaper than translate() or a regex over the text.
    for variant, plain in _SAME_LENGTH:
        if variant in lowered:
            lowered = lowered.replace(variant, plain)
    return lowered


class Cue:
    """A cue: a list of regex alternatives over normalised text, optionally behind a gate, a few strings of which
    every match contains one. Most turns contain none of them, and a substring test is much cheaper than the regex.

    The regex is built on first use, not when the module defining the cue is imported: `klantlint rules` and a
    check where no conversation rule runs never pay for it.
    """

    __slots__ = ("bit", "gate", "patterns", "regex")

    regex: re.Pattern[str]  # the alternatives as one regex, each bounded by word edges; set on first use
    # The cue's bit in the masks of a `CueGates` that scans for its gate (0: none does, `may_match` tests the gate).
    bit: int

    def __init__(self, patterns: tuple[str, ...], gate: tuple[str, ...] = ()) -> None:
        self.patterns = patterns
        self.gate = gate
        self.bit = 0

    def __getattr__(self, name: str) -> re.Pattern[str]:
        """Called only while the `regex` slot is empty: compiles it once. Later reads are plain slot reads, with
        no property call on the path that runs for every cue on every turn."""
        if name != "regex":
            raise AttributeError(name)
        self.regex = _alternatives_regex(self.patterns, self.gate)
        return self.regex

    @property
    def compiled(self) -> bool:
        """Whether the regex has been built (a probe for tests; it does not build it)."""
        try:
            object.__getattribute__(self, "regex")
        except AttributeError:
            return False
        return True

    def may_match(self, text: str) -> bool:
        """False when `text` has none of the gate strings (then the regex cannot match)."""
        # A plain loop: measurably cheaper than any() over a generator, and this runs for every turn.
        for piece in self.gate:
            if piece in text:
                return True
        return not self.gate

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos) if self.may_match(text) else iter(())


class CueGates:
    """The gates of many cues, tested together: one Aho-Corasick pass over a text finds every gate string in it, and
    gives a mask with the bit of each cue whose gate it passes.

    A rule asks several gated cues of most agent turns (a hold announced? a refusal? an agreement?); testing each
    gate string with `in` costs a Python loop per cue, while this reads the text once, in C, whatever the number of
    cues. Each cue gets its bit here (`Cue.bit`); a cue without one (a plugin's, or one made after) keeps
    `may_match`.
    """

    def __init__(self, cues: Sequence[Cue]) -> None:
        masks: dict[str, int] = {}
        for position, cue in enumerate(cue for cue in cues if cue.gate):
            if cue.bit:  # its bit in the other gates would then name another cue, or none
                raise ValueError(f"a cue is gated by one CueGates only: {cue.patterns[:1]}")
            cue.bit = 1 << position
            for piece in cue.gate:
                masks[piece] = masks.get(piece, 0) | cue.bit
        self._masks = SubstringMasks(masks)

    def passed(self, text: str) -> int:
        """The bits of the cues whose gate `text` passes (one of their gate strings occurs in it)."""
        return self._masks.found(text)


def gates_of(namespace: dict[str, object]) -> CueGates:
    """The gates of the cues among `namespace`'s values (a module of cues passes its globals: the module then binds
    no name but its cues and their gates, which `klantlint rules` and the cue lists read)."""
    return CueGates([value for value in namespace.values() if isinstance(value, Cue)])


def compile_cues(*patterns: str, gate: tuple[str, ...] = ()) -> Cue:
    """One cue for a list of alternatives, each bounded by word edges; match it against `normalise`d text.

    An alternative that starts (ends) with a word character must start (end) at a word edge: "stop" does not
    match in "stopcontact". One that starts or ends with punctuation or an anchor ("dus\\s*:", "dag\\s*$") is
    bounded by that instead (a `\\b` there would demand a word character on the other side of the punctuation).
    Neighbouring alternatives with the same leading edge share one test of it, which keeps the regex fast. The
    regex itself is compiled on the cue's first use.

    `gate`: strings of which every match contains one; checked for every alternative when the regex is compiled
    (ValueError if one could match without), so that a new alternative cannot silently be gated out
    (`tests/test_conversation_rules.py` compiles every cue).
    """
    return Cue(patterns, gate)


# How many characters of every match the lookahead in front of a cue's regex reads. Longer turns away more
# positions but builds a larger lookahead: 4 halves the time of the costliest cues (issue 16).
OPENING_LENGTH = 4


def _alternatives_regex(patterns: tuple[str, ...], gate: tuple[str, ...]) -> re.Pattern[str]:
    """The cue's regex: its source as `cue_source` builds it, read from `cue_sources.json` for the cues of
    `klantlint.conversation.cues` (see `stored_cue_source`), else built here."""
    source = stored_cue_source(patterns, gate)
    return re.compile(source if source is not None else cue_source(patterns, gate))


def cue_source(patterns: tuple[str, ...], gate: tuple[str, ...]) -> str:
    """The alternatives as one regex source with their word-edge tests (see `compile_cues`); the gate must cover
    each (ValueError).

    When the first characters of every match can be read from the alternatives (`regex_shape.openings`), a
    lookahead for them goes in front: Python's `re` otherwise tries every alternative at every position of the
    text, while the lookahead turns most positions away with a few character tests. It only narrows where a match
    can start to where one of the alternatives' matches does start, so the matches stay exactly the same.
    """
    uncovered = [pattern for pattern in patterns if gate and not gate_covers(gate, pattern)]
    if uncovered:
        raise ValueError(f"cue alternatives that need none of the gate strings {gate}: {uncovered}")
    edged = word_edged(patterns)
    starts = [openings(pattern, OPENING_LENGTH) for pattern in patterns]
    if any(start is None for start in starts):
        return edged
    return lookahead(set().union(*starts)) + f"(?:{edged})"


# The sources of the built-in cues, built by `cue_source` when klantlint was developed: reading a regex's parse
# (`regex_shape`) in pure Python costs about as much as compiling it, for every process that uses the cues (some
# 40 ms of a batch run). tests/test_cue_sources.py checks that the file holds exactly what `cue_source` builds for
# every cue of `klantlint.conversation.cues`; `python -m klantlint.conversation.cue_sources` writes it anew.
CUE_SOURCES_FILE = Path(__file__).with_name("cue_sources.json")


def stored_cue_source(patterns: tuple[str, ...], gate: tuple[str, ...]) -> str | None:
    """The stored source of the cue with these alternatives and gate, or None (a cue that is new or changed since
    the file was written, one of a plugin, or a file written for another OPENING_LENGTH)."""
    return _stored_sources().get((tuple(patterns), tuple(gate)))


@functools.cache
def _stored_sources() -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    """The sources in CUE_SOURCES_FILE, read on first use."""
    return _read_cue_sources(CUE_SOURCES_FILE)


def _read_cue_sources(path: Path) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    """The sources in `path` by (alternatives, gate); none if the file is missing or was built for another
    OPENING_LENGTH (the regexes are then built as before, only slower)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    if stored.get("opening_length") != OPENING_LENGTH:
        return {}
    return {(tuple(cue["patterns"]), tuple(cue["gate"])): cue["source"] for cue in stored["cues"]}


def write_cue_sources(cues: list[Cue], path: Path = CUE_SOURCES_FILE) -> None:
    """Write the sources of `cues` (in their order) to `path`, as `stored_cue_source` reads them."""
    entries = [
        {"patterns": list(cue.patterns), "gate": list(cue.gate), "source": cue_source(cue.patterns, cue.gate)}
        for cue in cues
    ]
    document = {"opening_length": OPENING_LENGTH, "cues": entries}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def word_edged(patterns: tuple[str, ...]) -> str:
    """The alternatives as one regex, each bounded by its word-edge tests, neighbours with the same leading test
    sharing it."""
    groups: list[tuple[str, list[str]]] = []
    for pattern in patterns:
        lead, trail = _edge_tests(pattern)
        if groups and groups[-1][0] == lead:
            groups[-1][1].append(f"(?:{pattern}){trail}")
        else:
            groups.append((lead, [f"(?:{pattern}){trail}"]))
    return "|".join(lead + "(?:" + "|".join(members) + ")" for lead, members in groups)


def _edge_tests(pattern: str) -> tuple[str, str]:
    """The word-edge tests before and after one alternative."""
    first, last = edge_kinds(pattern)
    lead = r"(?<!\w)" if first == {WORD} else "" if WORD not in first else r"(?:(?<!\w)|(?=\W))"
    trail = r"(?!\w)" if last == {WORD} else "" if WORD not in last else r"(?:(?!\w)|(?<=\W))"
    return lead, trail


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def stripped_span(text: str) -> Span:
    """The whole text without surrounding whitespace (at least one character when the text has any)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Span(start, max(end, start + 1)) if text.strip() else Span(0, len(text))
