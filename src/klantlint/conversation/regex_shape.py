"""What a regex can match, read from its parse: how its matches can begin and end, and which literal strings
every match contains. `text.compile_cues` uses this to put word edges only where a cue starts or ends with a
word character, and to check that a cue's gate (a cheap substring test run before the regex) is sound.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

WORD = "word"
OTHER = "other"  # punctuation, space, an anchor, or nothing at all

Item = tuple[Any, Any]

_WORD_CATEGORIES = {sre.CATEGORY_WORD, sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_WORD, sre.CATEGORY_UNI_DIGIT}
_OTHER_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@lru_cache(maxsize=1024)
def _parsed(pattern: str) -> tuple[tuple[Item, ...], int]:
    """The items of `pattern`'s parse and its global flags, read once: every question below starts from them."""
    parsed = sre_parse.parse(pattern)
    return tuple(parsed), parsed.state.flags


def edge_kinds(pattern: str) -> tuple[set[str], set[str]]:
    """What a match of `pattern` can begin with and end with: WORD (a word character) and/or OTHER (anything
    else, an anchor, or nothing)."""
    items = list(_parsed(pattern)[0])
    return _edge(items, backwards=False), _edge(items, backwards=True)


def _edge(items: list[Item], *, backwards: bool) -> set[str]:
    kinds, can_be_empty = _sequence_edge(items, backwards)
    return kinds | {OTHER} if can_be_empty else kinds


def _sequence_edge(items: list[Item], backwards: bool) -> tuple[set[str], bool]:
    kinds: set[str] = set()
    for item in reversed(items) if backwards else items:
        item_kinds, can_be_empty = _item_edge(item, backwards)
        kinds |= item_kinds
        if not can_be_empty:
            return kinds, False
    return kinds, True


def _item_edge(item: Item, backwards: bool) -> tuple[set[str], bool]:
    op, arg = item
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero width: what follows decides
    if op is sre.AT:
        return {OTHER}, False  # an anchor or an explicit \b: the pattern bounds itself
    if op is sre.LITERAL:
        return {_char_kind(chr(arg))}, False
    if op is sre.IN:
        return _set_kinds(arg), False
    if op is sre.SUBPATTERN:
        return _sequence_edge(list(arg[-1]), backwards)
    if op is sre.BRANCH:
        edges = [_sequence_edge(list(branch), backwards) for branch in arg[1]]
        return set().union(*(kinds for kinds, _ in edges)), any(empty for _, empty in edges)
    if op in _REPEATS:
        low, _, body = arg
        kinds, can_be_empty = _sequence_edge(list(body), backwards)
        return kinds, can_be_empty or low == 0
    return {WORD, OTHER}, False  # any character, a back reference, ...: assume either


def _char_kind(char: str) -> str:
    return WORD if (char.isalnum() or char == "_") else OTHER


def _set_kinds(members: list[Item]) -> set[str]:
    kinds: set[str] = set()
    for op, arg in members:
        if op is sre.LITERAL:
            kinds.add(_char_kind(chr(arg)))
        elif op is sre.RANGE:
            kinds |= {_char_kind(chr(arg[0])), _char_kind(chr(arg[1]))}
        elif op is sre.CATEGORY and arg in _WORD_CATEGORIES:
            kinds.add(WORD)
        elif op is sre.CATEGORY and arg in _OTHER_CATEGORIES:
            kinds.add(OTHER)
        else:  # a negated set or another category
            kinds |= {WORD, OTHER}
    return kinds


def gate_covers(gate: tuple[str, ...], pattern: str) -> bool:
    """Whether every match of `pattern` contains one of the `gate` strings (within one literal stretch of it).

    "(?:ik|we)\\s+bel" is covered by ("bel",) and by ("ik", "we"), not by ("ik",).
    """
    return _covered(list(_parsed(pattern)[0]), gate)


MAX_LITERAL_VARIANTS = 64


def _covered(items: list[Item], gate: tuple[str, ...]) -> bool:
    for runs, (op, arg) in _stretches(items):
        if all(any(piece in run for piece in gate) for run in runs):
            return True
        if op is sre.SUBPATTERN and _covered(list(arg[-1]), gate):
            return True
        if op is sre.BRANCH and all(_covered(list(branch), gate) for branch in arg[1]):
            return True
        if op in _REPEATS and arg[0] >= 1 and _covered(list(arg[2]), gate):
            return True
    return False


def _stretches(items: list[Item]) -> Iterator[tuple[set[str], Item]]:
    """The literal stretches of a sequence, each in all its spellings ("he" + (et|ette|ten) is three), with the
    item that ends it ((None, None) at the end of the sequence)."""
    runs = {""}
    for item in [*items, (None, None)]:
        spelled = _literal_strings([item])
        if spelled is not None and len(runs) * len(spelled) <= MAX_LITERAL_VARIANTS:
            runs = {run + tail for run in runs for tail in spelled}
            continue
        yield runs, item
        runs = {""}


def _literal_strings(items: list[Item]) -> set[str] | None:
    """Every string a sequence of plain characters and alternations of them can match; None for anything else."""
    strings = {""}
    for op, arg in items:
        if op is sre.LITERAL:
            options = {chr(arg)}
        elif op is sre.SUBPATTERN:
            inner = _literal_strings(list(arg[-1]))
            if inner is None:
                return None
            options = inner
        elif op is sre.BRANCH:
            options = set()
            for branch in arg[1]:
                inner = _literal_strings(list(branch))
                if inner is None:
                    return None
                options |= inner
        else:
            return None
        strings = {head + tail for head in strings for tail in options}
        if len(strings) > MAX_LITERAL_VARIANTS:
            return None
    return strings


MIN_LITERAL = 2  # a shorter piece ("u", "e") is in nearly every text and would gate nothing out


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of `pattern` contains one, chosen to be rare (long); None when none are found.

    "(?:ik|we)\\s+(?:bel|stuur)" gives {"bel", "stuur"} (longer than {"ik", "we"}). The answer is checked with
    `gate_covers`, so a doubt in reading the pattern costs a gate, never a match.
    """
    parsed, flags = _parsed(pattern)
    items = list(parsed)
    if flags & sre.SRE_FLAG_IGNORECASE or _has_flags(items):
        return None  # an inline flag ("(?i:...)") changes what a literal matches
    literals = _rarest(_candidates(items))
    if literals is None or not _covered(items, tuple(sorted(literals))):
        return None
    return frozenset(literals)


def _candidates(items: list[Item]) -> list[set[str]]:
    """Sets of strings, each a set of which every match of the sequence `items` contains one."""
    found: list[set[str]] = []
    for runs, (op, arg) in _stretches(items):
        if runs != {""} and all(len(piece) >= MIN_LITERAL for piece in runs):
            found.append(runs)
        if op is sre.SUBPATTERN:
            found.extend(_candidates(list(arg[-1])))
        elif op is sre.BRANCH:
            branches = [_rarest(_candidates(list(branch))) for branch in arg[1]]
            if all(branch is not None for branch in branches):
                found.append(set().union(*(branch for branch in branches if branch is not None)))
        elif op in _REPEATS and arg[0] >= 1:
            found.extend(_candidates(list(arg[2])))
    return found


def _rarest(candidates: list[set[str]]) -> set[str] | None:
    """The candidate whose shortest string is longest (then the one with fewest strings)."""
    usable = [candidate for candidate in candidates if candidate]
    if not usable:
        return None
    return max(usable, key=lambda candidate: (min(len(piece) for piece in candidate), -len(candidate)))


def _has_flags(items: list[Item]) -> bool:
    for op, arg in items:
        if op is sre.SUBPATTERN and (arg[1] or arg[2] or _has_flags(list(arg[-1]))):
            return True
        if op is sre.BRANCH and any(_has_flags(list(branch)) for branch in arg[1]):
            return True
        if op in _REPEATS and _has_flags(list(arg[2])):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _has_flags(list(arg[1])):
            return True
    return False
