"""The gates in front of the role cues: sound under `re.IGNORECASE`, whose "s", "i" and "k" also match "ſ", "ı",
"İ" and the Kelvin sign."""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klantlint.conversation.regex_shape import gate_covers
from klantlint.transcripts.role_cues import AGENT_CUES, CUSTOMER_CUES, WeightedCue, ascii_folded, cue_score
from klantlint.transcripts.roles import _turn_score
from klantlint.transcripts.spoken import fluent_words

CUES = (*AGENT_CUES, *CUSTOMER_CUES)
# Words of the cues and of their near misses, and characters that case-fold to the cues' letters.
WORDS = """waarmee waarvoor wat hoe waar kan mag ik voor u je jou jullie mee verder van dienst zijn helpen doen spreekt
met welkom bij in klantenservice servicedesk helpdesk afdeling bel namens omdat over ivm vanwege zeg het maar eens is
er uw naam klantnummer postcode geboortedatum want heb een vraag klacht probleem mijn factuur pakket bestelling
rekening contract abonnement wil graag opzeggen klagen weten eh even jan jansen""".split()
# A phrase that each cue matches, so that random texts often hold one.
PHRASES = """waarmee kan ik u helpen|u spreekt met jan van|welkom bij|met jan van|ik bel u namens|zeg het maar|wat is
er van uw dienst|mag ik uw naam|ik bel over|ik bel|ik heb een vraag|mijn pakket|ik wil graag opzeggen""".replace(
    "\n", " "
).split("|")
LOOKALIKES = {"s": "sSſ", "i": "iIıİ", "k": "kKK", "e": "eEé"}
SEPARATORS = [" ", " ", " ", ". ", ", ", "-", "_", ""]


def _respelled(word: str, picks: list[int]) -> str:
    return "".join(
        LOOKALIKES[ch][pick % len(LOOKALIKES[ch])] if ch in LOOKALIKES else ch
        for ch, pick in zip(word, picks + [0] * len(word), strict=False)
    )


spelled_word = st.builds(_respelled, st.sampled_from(WORDS + PHRASES), st.lists(st.integers(0, 3), max_size=32))
texts = st.lists(st.tuples(spelled_word, st.sampled_from(SEPARATORS)), max_size=10).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)


def test_the_fold_table_holds_every_character_that_ignorecase_takes_for_an_ascii_letter() -> None:
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if any_letter.fullmatch(character):
            letters = [letter for letter in string.ascii_lowercase if re.fullmatch(letter, character, re.IGNORECASE)]
            assert [ascii_folded(character)] == letters, hex(code)


def test_folding_keeps_the_length_and_maps_the_lookalikes() -> None:
    assert ascii_folded("U ſpreekt met KIM, İNGE en Iıs") == "u spreekt met kim, inge en iis"
    assert ascii_folded("CAFÉ") == "cafÉ"  # letters that match no ASCII letter stay as they are


@pytest.mark.parametrize("cue", CUES, ids=lambda cue: cue.pattern.pattern[:30])
def test_every_match_of_a_cue_holds_a_gate_string(cue: WeightedCue) -> None:
    assert gate_covers(cue.gate, cue.pattern.pattern)


def test_a_lookalike_spelling_still_passes_the_gate() -> None:
    spreekt_met = next(cue for cue in AGENT_CUES if cue.pattern.pattern == r"\b(u|je) spreekt met\b")
    text = "u ſpreekt met kim"
    assert spreekt_met.pattern.search(text)
    assert "spreekt met" not in text
    assert spreekt_met.found_in(text, ascii_folded(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_gated_cue_matches_exactly_where_its_regex_does(text: str) -> None:
    words = fluent_words(text)
    for candidate in (text, text.lower(), words):
        folded = ascii_folded(candidate)
        for cue in CUES:
            assert cue.found_in(candidate, folded) == (cue.pattern.search(candidate) is not None)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_turn_score_is_the_sum_of_the_matching_cues(text: str) -> None:
    words = fluent_words(text)
    agent = sum(cue.weight for cue in AGENT_CUES if cue.pattern.search(words))
    expected = agent - sum(cue.weight for cue in CUSTOMER_CUES if cue.pattern.search(words))
    assert cue_score(words) == expected
    assert _turn_score(text) == expected
