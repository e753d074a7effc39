"""Shortcuts in `conversation.names` (issue 16) change no answer.

`name_used_in` tests for the words every match of a name's regex contains (`NameSearch.words`) before it runs the
regex, and `starts_clause` stops at the first word that is no greeting or filler. Hypothesis builds names and agent
text from a small vocabulary (so that names, titles and first names do occur) and compares both with the
straightforward computation.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klantlint.conversation.names import (
    CLAUSE_MARKS,
    OPENING_WORDS,
    TURN_SEPARATOR,
    WORD_CHARS,
    GivenName,
    _name_search,
    _said_as_name,
    name_used_in,
    starts_clause,
)
from klantlint.conversation.text import normalise

NAME_WORDS = ["Jansen", "de", "Vries", "Van", "Leeuwen-Bos", "Leeuwen", "Luc", "Vermeersch", "El", "Amrani", "Sem"]
OTHER_WORDS = ["meneer", "mevrouw", "dank", "u", "je", "fijne", "dag", "vries", "jansen", "leeuwen", "luc", "sem"]
GAPS = [" ", "  ", ", ", ". ", "-", "'", "\n", TURN_SEPARATOR]

names = st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3).map(lambda words: GivenName(0, tuple(words)))
said = st.lists(
    st.tuples(st.sampled_from(NAME_WORDS + OTHER_WORDS), st.sampled_from(GAPS)), min_size=0, max_size=12
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


def _used_by_regex_alone(normalised_text: str, name: GivenName, informal: bool, text: str | None) -> bool:
    """`name_used_in` as it was before the substring test: the regex on every text."""
    pattern = _name_search(name.words, name.surname, informal).pattern
    if text is None or not name.words[-1][:1].isupper():
        return pattern.search(normalised_text) is not None
    return any(_said_as_name(text, match) for match in pattern.finditer(normalised_text))


@settings(max_examples=600, deadline=None)
@given(name=names, text=said, informal=st.booleans(), cased=st.booleans())
def test_name_used_in_answers_as_the_regex_alone(name: GivenName, text: str, informal: bool, cased: bool) -> None:
    lower = normalise(text)
    original = text if cased else None
    assert name_used_in(lower, name, informal=informal, text=original) == _used_by_regex_alone(
        lower, name, informal, original
    )


@settings(max_examples=600, deadline=None)
@given(name=names, informal=st.booleans(), data=st.data())
def test_every_match_of_a_name_contains_one_of_its_words(name: GivenName, informal: bool, data: st.DataObject) -> None:
    """What makes the substring test sound: no match without one of `NameSearch.words` in it. The text is made of
    the name's own words (and their parts), titles and gaps, so that every way of saying it comes up."""
    own = [part for word in name.words for part in {word.lower(), *word.lower().split("-")}]
    pairs = st.tuples(st.sampled_from([*own, "meneer", "mevrouw", "dag"]), st.sampled_from(GAPS))
    text = "".join(word + gap for word, gap in data.draw(st.lists(pairs, max_size=8)))
    search = _name_search(name.words, name.surname, informal)
    for match in search.pattern.finditer(normalise(text)):
        assert any(word in match.group() for word in search.words), (match.group(), search.words)


def test_the_substring_test_lets_every_way_of_saying_the_name_through() -> None:
    """The surname, its first part when double-barrelled, the first name (informal) and "meneer <first name>"."""
    name = GivenName(0, ("Luc", "Van", "Leeuwen-Bos"))
    assert name_used_in("dag meneer van leeuwen-bos", name)
    assert name_used_in("dag mevrouw van leeuwen", name)
    assert name_used_in("graag gedaan, luc", name, informal=True)
    assert not name_used_in("graag gedaan, luc", name, informal=False)
    assert name_used_in("dank u meneer luc", name)
    assert not name_used_in("dank u wel, fijne dag", name)


CLAUSE_WORDS = [*sorted(OPENING_WORDS)[:12], "met", "ik", "bel", "over", "eh", "jansen", "ja"]
clauses = st.lists(
    st.tuples(st.sampled_from(CLAUSE_WORDS), st.sampled_from([" ", ", ", ". ", "? ", " - ", ": "])), max_size=10
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=600, deadline=None)
@given(lower=clauses, also=st.sets(st.sampled_from(["met", "ik", "jansen"])), cut=st.integers(0, 200))
def test_starts_clause_answers_as_reading_every_word(lower: str, also: set[str], cut: int) -> None:
    position = min(cut, len(lower))
    clause_start = max(lower.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    words = WORD_CHARS.findall(lower, clause_start, position)
    expected = all(word in OPENING_WORDS or word in also for word in words)
    assert starts_clause(lower, position, frozenset(also)) == expected
