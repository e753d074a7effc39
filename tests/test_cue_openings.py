"""The lookahead in front of each cue's regex (issue 16) changes no match.

`compile_cues` puts a lookahead for the first characters of every match (`regex_shape.openings`) in front of the
word-edged alternatives. These tests compare every cue with the plain word-edged regex (`text.word_edged`, the
regex without the lookahead) on the call corpora, on generated calls and on Hypothesis strings built from each cue's
own words, and check that each alternative's matches begin with one of its openings.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.make_transcripts import generate
from klantlint.conversation import cues as cue_lists
from klantlint.conversation.regex_shape import lookahead, openings
from klantlint.conversation.text import OPENING_LENGTH, Cue, compile_cues, normalise, word_edged

CALL_CORPORA = sorted((Path(__file__).parent / "corpus" / "calls").glob("*.jsonl"))
CUES = {name: value for name, value in vars(cue_lists).items() if isinstance(value, Cue)}
PLAIN = {name: re.compile(word_edged(cue.patterns)) for name, cue in CUES.items()}
PUNCTUATION = [" ", " ", ",", ".", "?", "!", ":", ";", "'", "-", "\n", "…", "\t"]

Found = list[tuple[tuple[int, int], tuple[str | None, ...]]]


def found(regex: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> Found:
    return [(match.span(), match.groups()) for match in regex.finditer(text, pos, endpos)]


def cue_words(cue: Cue) -> list[str]:
    """The literal words of a cue's alternatives ("ik", "zet", "genoteerd", ...), escapes like `\\s` left out."""
    words = {word for pattern in cue.patterns for word in re.findall(r"[a-z']+", re.sub(r"\\[a-zA-Z]", " ", pattern))}
    return sorted(words)


def corpus_texts() -> Iterator[str]:
    for path in CALL_CORPORA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield from (str(turn["text"]) for turn in json.loads(line)["turns"])
    for varied in (False, True):
        for record in generate(300, seed=16, varied=varied):
            yield from (str(turn["text"]) for turn in record["turns"])  # type: ignore[index, union-attr]


def test_every_cue_has_the_lookahead() -> None:
    """Every cue's openings can be read, so none silently keeps the slow regex."""
    assert len(CUES) >= 29
    for name, cue in CUES.items():
        assert cue.regex.pattern.startswith("(?="), name
        assert cue.regex.pattern.endswith(f"(?:{word_edged(cue.patterns)})"), name


def test_openings_read_from_the_parse() -> None:
    assert openings(r"(?:ik|wij)\s+bel", 2) == {("i", "k"), ("w", "i")}
    # zero-width items are skipped; an optional group lets what follows it open a match
    assert openings(r"(?:^|[.!?]\s+)(?:ja\s+)?even", 2) == {(r"[\x2e\x21\x3f]", r"[\s]"), ("j", "a"), ("e", "v")}
    digit, space = r"[\d]", r"[\s]"
    assert openings(r"(?<!\d)\d{1,2}\s*uur", 3) == {
        (digit, space, space),
        (digit, space, "u"),
        (digit, "u", "u"),
        (digit, digit, space),
        (digit, digit, "u"),
    }
    assert openings(r"\?", 4) == {(r"\x3f",)}  # a match shorter than the length is an opening as a whole
    assert openings(r"[^a-z]b|.x", 2) == {("[^a-z]", "b"), (".", "x")}
    # not read: a match can be empty, flags change what a character matches, a back reference
    assert openings(r"(?:ja)?", 2) is None
    assert openings(r"\s*$", 2) is None
    assert openings(r"(?i)ik", 2) is None
    assert openings(r"(?i:ik)", 2) is None
    assert openings(r"(?a)\w+", 2) is None
    assert openings(r"(a)\1", 2) is None
    letters = "abcdefghijklmnopq"  # 17 * 17 two-letter words: more than MAX_PREFIXES openings
    assert openings("|".join(first + second for first in letters for second in letters), 2) is None


def test_a_cue_whose_openings_cannot_be_read_keeps_the_plain_regex() -> None:
    cue = compile_cues(r"ik\s+bel", r"\s*$")  # the second can match the empty string
    assert cue.regex.pattern == word_edged(cue.patterns)
    assert cue.search("ik bel").span() == (0, 6) and cue.search("hallo").span() == (5, 5)


def test_a_broken_lookahead_would_be_caught() -> None:
    """The comparison below is sharp: a lookahead that misses one opening loses matches against the plain regex."""
    starts = set().union(*(openings(pattern, OPENING_LENGTH) or set() for pattern in CUES["AGREEMENT"].patterns))
    missing_w = {start for start in starts if start[0] != "w"}
    broken = re.compile(lookahead(missing_w) + f"(?:{word_edged(CUES['AGREEMENT'].patterns)})")
    text = "goed, we zetten het om"
    assert found(broken, text) != found(PLAIN["AGREEMENT"], text) == found(CUES["AGREEMENT"].regex, text)


def test_cues_match_as_without_the_lookahead_on_the_corpora() -> None:
    texts = sorted({normalise(text) for text in corpus_texts()})
    assert len(texts) > 2000
    for name, cue in CUES.items():
        for text in texts:
            assert found(cue.regex, text) == found(PLAIN[name], text), (name, text)
            middle = len(text) // 3
            assert found(cue.regex, text, middle, 2 * middle + 1) == found(PLAIN[name], text, middle, 2 * middle + 1)


@st.composite
def cue_and_text(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """A cue and a text of its own words, punctuation, random text and matches of its alternatives."""
    name = draw(st.sampled_from(sorted(CUES)))
    cue = CUES[name]
    piece = st.one_of(
        st.sampled_from(cue_words(cue)),
        st.sampled_from(PUNCTUATION),
        st.text(max_size=4),
        st.sampled_from(cue.patterns).flatmap(st.from_regex),
    )
    text = "".join(draw(st.lists(piece, max_size=14)))
    pos = draw(st.integers(0, len(text)))
    endpos = draw(st.integers(0, len(text) + 1))
    return name, text, pos, endpos


@given(cue_and_text())
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_cues_match_as_without_the_lookahead_on_generated_text(case: tuple[str, str, int, int]) -> None:
    name, text, pos, endpos = case
    regex = CUES[name].regex
    for subject in (text, normalise(text)):
        assert found(regex, subject) == found(PLAIN[name], subject)
        assert found(regex, subject, pos, endpos) == found(PLAIN[name], subject, pos, endpos)
        plain = PLAIN[name].search(subject, pos, endpos)
        optimised = regex.search(subject, pos, endpos)
        assert (optimised and (optimised.span(), optimised.groups())) == (plain and (plain.span(), plain.groups()))


ALTERNATIVES = sorted({pattern for cue in CUES.values() for pattern in cue.patterns})


@pytest.mark.parametrize("pattern", ALTERNATIVES, ids=[pattern[:30] for pattern in ALTERNATIVES])
def test_every_match_of_an_alternative_begins_with_one_of_its_openings(pattern: str) -> None:
    prefixes = openings(pattern, OPENING_LENGTH)
    assert prefixes is not None
    opens = re.compile(lookahead(prefixes))
    alternative = re.compile(pattern)

    @given(st.from_regex(pattern))
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(text: str) -> None:
        for match in alternative.finditer(text):
            assert opens.match(text, match.start()) is not None, (text, match.start())

    check()
