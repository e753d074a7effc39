"""Conversation cues' literal gates: strings read from a cue's own alternatives, of which every match contains one.

A gate only decides whether the regex runs, so it must be sound: a text it turns away is one the regex would not
match. These tests hold every cue to that on the labelled corpora and on generated turns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klantlint.conversation import cues as cue_lists
from klantlint.conversation.literal_gate import literal_gate
from klantlint.conversation.regex_shape import gate_covers, required_literals
from klantlint.conversation.text import Cue, compile_cues, normalise

CORPUS = Path(__file__).parent / "corpus"
EVERY_CUE = {name: value for name, value in vars(cue_lists).items() if isinstance(value, Cue)}


def _corpus_texts() -> Iterator[str]:
    for path in [CORPUS / "utterances.jsonl", CORPUS / "heldout.jsonl", *sorted((CORPUS / "calls").glob("*.jsonl"))]:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                record = json.loads(line)
                if "text" in record:
                    yield normalise(str(record["text"]))
                for turn in record.get("turns", []):
                    yield normalise(str(turn["text"]))


CORPUS_TEXTS = sorted(set(_corpus_texts()))


def test_the_rarest_literals_every_match_contains() -> None:
    assert required_literals(r"(?:ik|we)\s+(?:bel|stuur)") == {"bel", "stuur"}
    assert required_literals(r"(?:de\s+)?naam") == {"naam"}  # an optional part is no requirement
    assert required_literals(r"goe(?:de|ie)?dag") == {"goe"}
    assert required_literals(r"(?:wacht|moment(?:je)?)\s+even") == {"wacht", "moment"}  # longer than "even"


@pytest.mark.parametrize(
    "pattern",
    [r"\w+", r"\d+\s+u", r"x?y", r"(?i:naam)", r"(?=naam)\w+", r"a|b", r"(?:naam)?\s*\?"],
)
def test_no_literals_where_a_match_may_contain_none(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_a_cue_without_literals_in_one_alternative_has_no_literal_gate() -> None:
    assert literal_gate((r"afspraak", r"\d+[:.]\d+")) is None
    gate = literal_gate((r"afspraak", r"(?:wij|we)\s+bellen"))
    assert gate is not None and gate.occurs_in("we bellen u morgen") and not gate.occurs_in("tot ziens")


def test_every_cue_without_a_listed_gate_gets_literals_that_cover_its_alternatives() -> None:
    for name, cue in EVERY_CUE.items():
        for pattern in cue.patterns:
            literals = required_literals(pattern)
            if literals is not None:
                assert gate_covers(tuple(sorted(literals)), pattern), (name, pattern)
        if cue.gate:
            assert cue.literals is None, name  # the listed gate is enough
    ungated = [name for name, cue in EVERY_CUE.items() if not cue.gate]
    # Only a cue with an alternative of no fixed letters ("?", a time like "9.30") goes without.
    assert sorted(name for name in ungated if EVERY_CUE[name].literals is None) == ["AGENT_QUESTION", "TIME"]
    assert len(ungated) >= 10


def test_an_ungated_cue_now_skips_text_without_its_literals() -> None:
    """AGREEMENT lists no gate by hand; its literal gate turns away a greeting without running the regex."""
    assert not cue_lists.AGREEMENT.gate
    assert not cue_lists.AGREEMENT.may_match("goedemorgen, waarmee kan ik u helpen?")
    assert cue_lists.AGREEMENT.may_match("dan hebben we dat zo afgesproken")


def test_a_literal_gate_is_built_on_first_use() -> None:
    cue = compile_cues(r"stop")
    with pytest.raises(AttributeError):
        object.__getattribute__(cue, "literals")
    assert cue.search("ik stop") is not None and cue.literals is not None


@pytest.mark.parametrize("name", sorted(EVERY_CUE))
def test_every_cue_gate_is_sound_on_the_corpora(name: str) -> None:
    cue = EVERY_CUE[name]
    regex = cue.regex
    matched = [text for text in CORPUS_TEXTS if regex.search(text)]
    turned_away = [text for text in matched if not cue.may_match(text)]
    assert not turned_away


# Words the cues are made of, so that generated turns often come close to a match.
_CUE_WORDS = sorted(
    {word for cue in EVERY_CUE.values() for pattern in cue.patterns for word in re.findall(r"[a-z]{2,}", pattern)}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, "u", "je", "ik", ",", ".", "?", "!", ":", "1", "20"]), max_size=14))
def test_every_cue_gate_is_sound_on_generated_turns(words: list[str]) -> None:
    text = normalise(" ".join(words))
    for name, cue in EVERY_CUE.items():
        if cue.regex.search(text):
            assert cue.may_match(text), (name, text)
