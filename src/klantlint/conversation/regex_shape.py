"""What a regex can match, read from its parse: how its matches can begin and end, and which literal strings
every match contains. `text.compile_cues` uses this to put word edges only where a cue starts or ends with a
word character, and to check that a cue's gate (a cheap substring test run before the regex) is sound.
"""

from __future__ import annotations

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
def _parsed(pattern: str) -> Any:
    """The parse of a cue alternative, read three times per cue (edges, gate, openings) and never changed."""
    return sre_parse.parse(pattern)


def edge_kinds(pattern: str) -> tuple[set[str], set[str]]:
    """What a match of `pattern` can begin with and end with: WORD (a word character) and/or OTHER (anything
    else, an anchor, or nothing)."""
    items = list(_parsed(pattern))
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
    return _covered(list(_parsed(pattern)), gate)


MAX_LITERAL_VARIANTS = 64


def _covered(items: list[Item], gate: tuple[str, ...]) -> bool:
    # `runs`: the literal stretch read so far, in each of its spellings ("he" + (et|ette|ten) is three).
    runs = {""}
    for item in [*items, (None, None)]:
        spelled = _literal_strings([item])
        if spelled is not None and len(runs) * len(spelled) <= MAX_LITERAL_VARIANTS:
            runs = {run + tail for run in runs for tail in spelled}
            continue
        if all(any(piece in run for piece in gate) for run in runs):
            return True
        runs = {""}
        op, arg = item
        if op is sre.SUBPATTERN and _covered(list(arg[-1]), gate):
            return True
        if op is sre.BRANCH and all(_covered(list(branch), gate) for branch in arg[1]):
            return True
        if op in _REPEATS and arg[0] >= 1 and _covered(list(arg[2]), gate):
            return True
    return False


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


# How a category reads in a regex. Other categories (line breaks, locale ones) are never read back.
_CATEGORY_SPELLING = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
MAX_PREFIXES = 256

# A match's first characters, one regex item (a character or a class) each; shorter than asked when the match can
# end there.
Prefix = tuple[str, ...]


class _Unreadable(Exception):
    """A pattern whose opening is not read exactly (a back reference, inline flags, too many prefixes, ...)."""


def openings(pattern: str, length: int) -> set[Prefix] | None:
    """The first `length` characters of every match of `pattern` (all of a shorter match), each as a tuple of regex
    items: "(?:ik|wij)\\s+bel" gives {("i", "k"), ("w", "i")} for 2. As a lookahead before the pattern
    (`lookahead`), they turn away most positions with a few character tests, before the regex engine tries the
    alternatives there.

    Zero-width items (anchors, lookarounds) only narrow where a match starts and are skipped. None when the openings
    cannot be read exactly from the parse: the pattern can match the empty string (such a match needs no character
    at all), it has inline flags (IGNORECASE folds "K" (Kelvin) to "k", ASCII changes `\\w`), a back reference or
    a conditional group, or more than MAX_PREFIXES openings.
    """
    parsed = _parsed(pattern)
    if parsed.state.flags & ~sre.SRE_FLAG_UNICODE:
        return None
    try:
        prefixes = _sequence_prefixes(list(parsed), length)
    except _Unreadable:
        return None
    return None if () in prefixes else prefixes


def lookahead(prefixes: set[Prefix]) -> str:
    """A lookahead that holds where one of `prefixes` begins: "(?=i(?:k)|w(?:e|i))"."""
    return f"(?={_trie(prefixes)})"


def _sequence_prefixes(items: list[Item], length: int) -> set[Prefix]:
    prefixes: set[Prefix] = {()}
    for item in items:
        open_ended = {prefix for prefix in prefixes if len(prefix) < length}
        if not open_ended:
            break
        prefixes -= open_ended
        for head in open_ended:
            prefixes |= {head + tail for tail in _item_prefixes(item, length - len(head))}
        if len(prefixes) > MAX_PREFIXES:
            raise _Unreadable
    return prefixes


def _item_prefixes(item: Item, length: int) -> set[Prefix]:
    op, arg = item
    if op in _ZERO_WIDTH:
        return {()}
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return {(_spelling(item),)}
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, body = arg
        if add_flags or del_flags:
            raise _Unreadable
        return _sequence_prefixes(list(body), length)
    if op is sre.ATOMIC_GROUP:
        return _sequence_prefixes(list(arg), length)
    if op is sre.BRANCH:
        return set().union(*(_sequence_prefixes(list(branch), length) for branch in arg[1]))
    if op in _REPEATS:
        low, high, body = arg
        # Past `length` times a repeat adds nothing to the first `length` characters.
        times = range(min(low, length), min(high, length) + 1)
        return set().union(*(_sequence_prefixes(list(body) * count, length) for count in times))
    raise _Unreadable


def _spelling(item: Item) -> str:
    """One character item as regex text."""
    op, arg = item
    if op is sre.LITERAL:
        return _escaped(arg)
    if op is sre.NOT_LITERAL:
        return f"[^{_escaped(arg)}]"
    if op is sre.ANY:
        return "."
    members = []
    for member_op, member_arg in arg:
        if member_op is sre.NEGATE:
            members.append("^")
        elif member_op is sre.LITERAL:
            members.append(_escaped(member_arg))
        elif member_op is sre.RANGE:
            members.append(_escaped(member_arg[0]) + "-" + _escaped(member_arg[1]))
        elif member_op is sre.CATEGORY and member_arg in _CATEGORY_SPELLING:
            members.append(_CATEGORY_SPELLING[member_arg])
        else:
            raise _Unreadable
    return "[" + "".join(members) + "]"


def _escaped(code: int) -> str:
    """One character as regex text: ASCII letters and digits as they are, anything else escaped by its code."""
    char = chr(code)
    if char.isascii() and char.isalnum():
        return char
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _trie(prefixes: set[Prefix]) -> str:
    """The prefixes as one regex, alternatives sharing their first item: "a(?:b|c)|d"."""
    return "|".join(_trie_alternatives(prefixes))


def _trie_alternatives(prefixes: set[Prefix]) -> list[str]:
    if () in prefixes:
        return [""]  # a prefix that ends here: what follows it does not matter
    tails: dict[str, set[Prefix]] = {}
    for head, *tail in sorted(prefixes):
        tails.setdefault(head, set()).add(tuple(tail))
    alternatives = []
    for head, rests in tails.items():
        rest = _trie_alternatives(rests)
        alternatives.append(head + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]))
    return alternatives
