"""The gates of the built-in cues, read for all of them in one Aho-Corasick pass per turn text (`CueGates`), change no
answer: every cue asked through a turn (`ViewTurn.has`, `search`, `may_have`) answers as its regex on the whole
normalised text does, on the corpora, on generated calls and on Hypothesis texts made of gate strings. A cue made
elsewhere (a plugin's) has no bit and keeps testing its own gate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.make_transcripts import generate
from klantlint.conversation import cues as cue_lists
from klantlint.conversation.cues import (
    AGREEMENT,
    APPOINTMENT,
    CALLER_NAME_INTRO,
    GATES,
    HOLD_ANNOUNCEMENT,
    NEXT_STEP_TRANSFER,
    NEXT_STEP_WRITTEN,
    NON_RESOLUTION,
    ORGANISATION_CALLS,
    RECAP_CHECK,
    SUMMARY,
    TIME,
)
from klantlint.conversation.kl106_afsluiting_onvolledig import NEITHER, PROPOSAL, RECAP, _closing_role
from klantlint.conversation.names import (
    STUTTER,
    _fuller,
    _introduced_name,
    _name_then_hier,
    name_after,
    starts_clause,
)
from klantlint.conversation.next_steps import TIME_WINDOW, _sentence_bounds, next_step_in
from klantlint.conversation.text import Cue, CueGates, compile_cues, normalise
from klantlint.conversation.view import ViewTurn
from klantlint.transcripts import read

CALL_CORPORA = sorted((Path(__file__).parent / "corpus" / "calls").glob("*.jsonl"))
BUILTIN_CUES = [value for value in vars(cue_lists).values() if isinstance(value, Cue)]
GATED_CUES = [cue for cue in BUILTIN_CUES if cue.gate]


def _turn_texts() -> Iterator[str]:
    for path in CALL_CORPORA:
        for call in read(str(path)):
            yield from (turn.text for turn in call.turns)
    for varied in (False, True):
        for record in generate(200, seed=41, varied=varied):
            yield from (turn["text"] for turn in record["turns"])


@cache
def corpus_texts() -> tuple[str, ...]:
    return tuple(sorted(set(_turn_texts())))


def _expected_match(cue: Cue, text: str) -> tuple[int, int] | None:
    """The cue's answer without any gate: its regex over the whole normalised text."""
    match = cue.regex.search(normalise(text))
    return None if match is None else match.span()


def _assert_gated_answers_as_the_regex(text: str) -> None:
    lower = normalise(text)
    passed = GATES.passed(lower)
    for cue in BUILTIN_CUES:
        expected = _expected_match(cue, text)
        # A fresh turn per question: `has`, `search` and `may_have` each work it out themselves (the text's facts
        # are shared between turns, so the remembered answer of one is checked by the next as well).
        assert ViewTurn(0, "agent", text).has(cue) is (expected is not None), (cue.patterns[0], text)
        found = ViewTurn(0, "customer", text).search(cue)
        assert (None if found is None else found.span()) == expected, (cue.patterns[0], text)
        if expected is not None:
            assert ViewTurn(0, "agent", text).may_have(cue), (cue.patterns[0], text)
        if cue.gate:
            # The mask says exactly what the gate strings say: one of them occurs in the text.
            assert (passed & cue.bit != 0) is any(piece in lower for piece in cue.gate), (cue.gate, text)


def test_every_gated_builtin_cue_has_its_own_bit() -> None:
    bits = [cue.bit for cue in GATED_CUES]
    assert len(GATED_CUES) >= 15
    assert all(bit > 0 and bit & (bit - 1) == 0 for bit in bits)  # one bit each
    assert len(set(bits)) == len(bits)
    assert all(cue.bit == 0 for cue in BUILTIN_CUES if not cue.gate)


def test_gated_answers_equal_the_regex_on_corpus_and_generated_turns() -> None:
    texts = corpus_texts()
    assert len(texts) > 2000
    for text in texts:
        _assert_gated_answers_as_the_regex(text)
    # Not an empty comparison: the gates turn many texts away, and pass others on which the regex then fails.
    lowered = [normalise(text) for text in texts]
    turned_away = sum(1 for lower in lowered if not GATES.passed(lower) & HOLD_ANNOUNCEMENT.bit)
    passed_no_match = sum(
        1 for lower in lowered if GATES.passed(lower) & NON_RESOLUTION.bit and not NON_RESOLUTION.regex.search(lower)
    )
    assert turned_away > 1000 and passed_no_match > 100


GATE_WORDS = sorted({piece for cue in GATED_CUES for piece in cue.gate})
PHRASES = [
    "ik zet u even in de wacht",
    "dat kan helaas niet",
    "ik bel u morgen terug",
    "ik stuur u een bevestiging per mail",
    "samengevat: de monteur komt dinsdag",
    "met jansen",
    "wat was uw naam ook alweer",
    "de afspraak staat",
    "klopt dat?",
    "ik verbind u door met de afdeling schade",
    "Wilt u even wachten?",
    "Café Oké, één moment",
    "fijne dag nog",
]
SEPARATORS = [" ", ", ", ". ", "? ", ": ", "\n", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(GATE_WORDS + PHRASES + ["u", "ik", "niet", "Jansen", "even"]), st.sampled_from(SEPARATORS)
        ),
        max_size=12,
    )
)
def test_gated_answers_equal_the_regex_on_texts_made_of_gate_strings(parts: list[tuple[str, str]]) -> None:
    # Gate strings glued to each other or to a word ("nie" + "t", "door" + "verbinden") as well as standing apart.
    _assert_gated_answers_as_the_regex("".join(word + separator for word, separator in parts))


def test_a_cue_made_elsewhere_keeps_its_own_gate() -> None:
    """A plugin's cue (or one made after the built-in ones) has no bit: `may_match` tests its gate, and a cue without
    a gate always runs its regex."""
    gated = compile_cues(r"(?:ik|we)\s+bel(?:len)?\s+u\s+terug", gate=("bel",))
    ungated = compile_cues(r"tot\s+zo")
    assert gated.bit == 0 and ungated.bit == 0
    assert ViewTurn(0, "agent", "Ik bel u terug (plugin test)").has(gated)
    turn = ViewTurn(0, "agent", "Wij nemen contact op (plugin test)")
    assert not turn.may_have(gated) and not turn.has(gated) and turn.search(gated) is None
    assert ViewTurn(0, "agent", "Tot zo! (plugin test)").has(ungated)
    assert ViewTurn(0, "agent", "Tot zo! (plugin test)").may_have(ungated)


def test_gates_of_no_gated_cue_pass_nothing() -> None:
    assert CueGates([compile_cues(r"stop")]).passed("stop") == 0
    gates = CueGates([compile_cues(r"ik\s+bel", gate=("bel",)), compile_cues(r"tot\s+zo", gate=("zo",))])
    assert gates.passed("ik bel u tot zo") == 0b11
    assert gates.passed("ik bel") == 0b01
    assert gates.passed("niets") == 0


def test_a_cue_belongs_to_one_set_of_gates() -> None:
    """A second `CueGates` would give a built-in cue another bit, which the turns read in `GATES`' masks."""
    with pytest.raises(ValueError, match="one CueGates"):
        CueGates([HOLD_ANNOUNCEMENT])
    assert GATES.passed("momentje") & HOLD_ANNOUNCEMENT.bit


# -- the rules' own questions, asked through the turn's gates, answer as the plain regexes do --------------------------


def _former_next_step_after(lower: str, from_offset: int) -> bool:
    """`next_steps._next_step_after` before the turn's gates were read: each cue's regex over the text."""
    return (
        any(
            TIME.regex.search(lower, *_window(lower, match))
            for match in ORGANISATION_CALLS.regex.finditer(lower, from_offset)
        )
        or NEXT_STEP_TRANSFER.regex.search(lower, from_offset) is not None
        or NEXT_STEP_WRITTEN.regex.search(lower, from_offset) is not None
    )


def _window(lower: str, match: re.Match[str]) -> tuple[int, int]:
    first, last = _sentence_bounds(lower, match.start(), match.end())
    return max(first, match.start() - TIME_WINDOW), min(last, match.end() + TIME_WINDOW)


def _former_closing_role(lower: str) -> str:
    if SUMMARY.regex.search(lower) or RECAP_CHECK.regex.search(lower):
        return RECAP
    if AGREEMENT.regex.search(lower) or APPOINTMENT.regex.search(lower) or _former_next_step_after(lower, 0):
        return PROPOSAL
    return NEITHER


def test_next_steps_and_the_closing_role_answer_as_the_plain_regexes() -> None:
    texts = corpus_texts()
    roles = []
    for text in texts:
        lower = normalise(text)
        for offset in (0, len(lower) // 3, len(lower) // 2):
            expected = _former_next_step_after(lower, offset)
            assert next_step_in(ViewTurn(0, "agent", text), offset) is expected, (text, offset)
        role = _closing_role(ViewTurn(0, "agent", text))
        assert role == _former_closing_role(lower), text
        roles.append(role)
    assert {RECAP, PROPOSAL, NEITHER} <= set(roles)


def _former_introduced_name(turn: ViewTurn) -> tuple[str, ...] | None:
    """`names._introduced_name` before a turn without the cue's gate or "hier" was passed over early."""
    cased = turn.text != turn.text.lower()
    for match in CALLER_NAME_INTRO.regex.finditer(turn.lower):
        cue = match.group()
        if cue == "met" and not starts_clause(turn.lower, match.start(), STUTTER):
            continue
        if cue.startswith("ik") and cue.endswith("ben") and not cased:
            continue
        words = name_after(turn.text, turn.lower, match.end(), cased=cased)
        if words:
            return _fuller(turn, words, match.end(), cased) or words
    return _name_then_hier(turn, cased)


def test_a_name_introduced_by_the_caller_is_found_as_before() -> None:
    names = []
    for text in corpus_texts():
        expected = _former_introduced_name(ViewTurn(0, "customer", text))
        assert _introduced_name(ViewTurn(0, "customer", text)) == expected, text
        names.append(expected)
    assert sum(1 for name in names if name) > 100
