"""Facts about the bundled tokenizer that rule gates (`Rule.may_fire`) rely on, read off the raw characters.

A gate must never miss a text its rule fires on, yet must not parse. These helpers say what is *surely*
one token: a chunk between single spaces is one token when it is a run of letters, and a mark that ends
such a chunk ("klopt?") is split off as a token of its own. `tests/test_gates.py` pins these facts.
"""

from __future__ import annotations

import re

from klantlint.nlp.abbreviations import DUTCH_ABBREVIATIONS


def searchable(text: str) -> str:
    """`text` in lowercase, with "_" made a character that is neither word nor space: the tokenizer splits "_" off
    like punctuation, where `\\w` and `\\b` would glue it to the word ("niet_" holds the token "niet")."""
    return text.lower().replace("_", "\x00")


def chunk_before(lowered: str, position: int) -> str:
    """The chunk before `position` when exactly one space separates them: if it is a word, the token before."""
    if position < 2 or lowered[position - 1] != " ":
        return ""
    begin = position - 1
    while begin > 0 and not lowered[begin - 1].isspace():
        begin -= 1
    return lowered[begin : position - 1]


def chunk_after(lowered: str, position: int) -> str:
    """The chunk after `position` when exactly one space separates them: if it is a word, the token after."""
    if position + 1 >= len(lowered) or lowered[position] != " ":
        return ""
    end = position + 1
    while end < len(lowered) and not lowered[end].isspace():
        end += 1
    return lowered[position + 1 : end]


def chunk_start(text: str, at: int, floor: int = 0) -> int:
    """Where the chunk of non-whitespace characters that runs up to `at` starts (not before `floor`)."""
    start = at
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start


def ends_word_chunk(lowered: str, at: int) -> bool:
    """The mark at `at` ends a chunk of letters ("klopt?"), so the tokenizer splits it off as a token of its own."""
    start = chunk_start(lowered, at)
    return lowered[start:at].isalpha() and (at + 1 == len(lowered) or lowered[at + 1].isspace())


def splits_full_stop(word: str) -> bool:
    """Whether the tokenizer splits a full stop off the chunk of letters `word` ("mail." is "mail" and "."): after a
    lowercase letter or two capitals, unless the chunk with its stop is an abbreviation ("bijv.")."""
    shape_ok = word[-1].islower() or (len(word) > 1 and word[-2:].isupper())
    return shape_ok and f"{word.lower()}." not in DUTCH_ABBREVIATIONS


def in_order(text: str, *patterns: re.Pattern[str], position: int = 0) -> int | None:
    """Where the first of `patterns` matches in `text` (from `position`) such that each of the others matches after
    the one before it, or None. As `re.search("A.*B.*C", text, re.DOTALL).start()`, in time linear in `text`: the
    earliest match of each pattern leaves the most room for the rest."""
    first: int | None = None
    for pattern in patterns:
        match = pattern.search(text, position)
        if match is None:
            return None
        first = match.start() if first is None else first
        position = match.end()
    return first
