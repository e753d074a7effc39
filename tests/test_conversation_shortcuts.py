"""Shortcuts in the conversation rules (issue 16, third round) change no answer.

Each test keeps the former computation as a reference and compares it with the current one on the calls of the
corpora and generated calls (roles detected as in a batch run), and on Hypothesis calls built from corpus turns and
phrases that make the rules' cues fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.make_transcripts import generate
from klantlint.conversation import cues as cue_lists
from klantlint.conversation.cues import (
    AGREEMENT,
    APPOINTMENT,
    CLOSING_GREETING,
    RECAP_CHECK,
    SUMMARY,
    TRANSFER_NOW,
)
from klantlint.conversation.holds import (
    SILENT_HOLD_SECONDS,
    Hold,
    _silent_hold,
    _wait_start,
    quiet_wait,
)
from klantlint.conversation.kl106_afsluiting_onvolledig import (
    _recap_lead_before_greeting,
    recap_lead_in,
    summary_missing,
)
from klantlint.conversation.next_steps import next_step_in
from klantlint.conversation.replies import turned_down
from klantlint.conversation.text import Cue, normalise, word_edged
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.io.segments import Role
from klantlint.transcripts import read
from klantlint.transcripts.models import Call
from klantlint.transcripts.roles import detect_agent, turn_roles

CALL_CORPORA = sorted((Path(__file__).parent / "corpus" / "calls").glob("*.jsonl"))


def _calls() -> Iterator[Call]:
    for path in CALL_CORPORA:
        yield from read(str(path))
    for varied in (False, True):
        for record in generate(300, seed=16, varied=varied):
            yield Call.model_validate(record)


@cache
def corpus_calls() -> tuple[tuple[tuple[Role, str, float | None, float | None], ...], ...]:
    """Every corpus call and generated call as (role, text, start, end) per turn, roles detected as in a batch."""
    found = []
    for call in _calls():
        roles = turn_roles(call, detect_agent(call, organisations=tuple(call.organisation)).agent_speaker)
        found.append(
            tuple((role, turn.text, turn.start, turn.end) for turn, role in zip(call.turns, roles, strict=True))
        )
    return tuple(found)


def view_of(turns: tuple[tuple[Role, str, float | None, float | None], ...]) -> CallView:
    return CallView(tuple(ViewTurn(index, *turn) for index, turn in enumerate(turns)))


def corpus_views() -> Iterator[CallView]:
    for turns in corpus_calls():
        view = view_of(turns)
        if len(view.agent_turns) >= 2:
            yield view


def corpus_texts() -> list[str]:
    return sorted({text for turns in corpus_calls() for _, text, _, _ in turns})


# -- KL106: the closing ---------------------------------------------------------------------------------------------


def _former_agrees(view: CallView, turn: ViewTurn) -> bool:
    proposes = turn.has(AGREEMENT) or turn.has(APPOINTMENT) or next_step_in(turn)
    return proposes and not turned_down(view, turn)


def _former_closing_recap(view: CallView, turn: ViewTurn) -> bool:
    recap_lead = turn.fact(_recap_lead_before_greeting)
    if recap_lead is None:
        return False
    return recap_lead or _former_agrees(view, turn)


def former_summary_missing(view: CallView) -> bool:
    """`summary_missing` before the closing role of a turn became one fact: each cue asked through the view."""
    last = view.agent_turns[-1]
    if last.has(TRANSFER_NOW):
        return False
    for turn in reversed(view.agent_turns):
        if turn.has(SUMMARY) or turn.has(RECAP_CHECK) or (turn is last and _former_closing_recap(view, turn)):
            return False
        if _former_agrees(view, turn):
            return True
    return False


def test_kl106_summary_missing_answers_as_before_on_the_corpora() -> None:
    answers = [(summary_missing(view), former_summary_missing(view)) for view in corpus_views()]
    assert len(answers) > 800
    assert all(new == former for new, former in answers)
    # Both answers occur, so the comparison is not empty.
    assert {new for new, _ in answers} == {True, False}


AGENT_PHRASES = [
    "Ik stuur u vandaag een nieuwe pas.",
    "ik heb uw termijnbedrag verlaagd naar negentig euro",
    "De monteur komt dinsdag om tien uur.",
    "Ik bel u morgen voor twaalf uur terug.",
    "Ik verbind u door met de afdeling schade.",
    "U krijgt vandaag een e-mail met de bevestiging.",
    "Samengevat: de modem gaat vandaag op de post.",
    "Dus we zien u woensdag om half vier, met uw pasfoto en uw oude paspoort, klopt dat?",
    "heb ik het goed dat u de offerte vanavond mailt en dat u morgen belt",
    "Dus u krijgt maandag een nieuwe pas.",
    "graag gedaan dus uw pas is onderweg",
    "Ik noteer: nieuwe pas, maandag.",
    "Dan is het zo geregeld:",
    "Dan verbind ik u nu door.",
    "Nog een fijne dag.",
    "fijne dag nog",
    "Tot ziens.",
    "Graag gedaan.",
    "Oké.",
    "Dat zoek ik even voor u uit.",
    "Ik zet u even in de wacht.",
    "dus",
    ":",
]
CUSTOMER_PHRASES = [
    "Goed.",
    "Dank u.",
    "Nee, laat maar.",
    "dan ben ik er niet, kan het ook in het weekend?",
    "Doe dat maar.",
    "Dat komt me slecht uit.",
    "top",
]


@st.composite
def closing_calls(draw: st.DrawFn) -> CallView:
    """Agent and customer turns (sometimes an unknown one) of one to three phrases or corpus turns each."""
    texts = corpus_texts()

    def turn_text(phrases: list[str]) -> str:
        piece = st.one_of(st.sampled_from(phrases), st.sampled_from(texts))
        return " ".join(draw(st.lists(piece, min_size=1, max_size=3)))

    turns: list[tuple[Role, str, float | None, float | None]] = []
    roles: list[Role] = ["agent", "agent", "customer", "customer", "unknown"]
    for role in draw(st.lists(st.sampled_from(roles), max_size=9)):
        turns.append((role, turn_text(AGENT_PHRASES if role == "agent" else CUSTOMER_PHRASES), None, None))
    turns += [("agent", turn_text(AGENT_PHRASES), None, None)] * 2
    return view_of(tuple(turns))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(closing_calls())
def test_kl106_summary_missing_answers_as_before_on_generated_calls(view: CallView) -> None:
    assert summary_missing(view) == former_summary_missing(view)


def test_kl106_recap_lead_answers_as_before_on_the_corpora() -> None:
    """The lead-in is only looked for when the text before the greeting has a "dus" or a colon."""
    for text in [*corpus_texts(), *AGENT_PHRASES]:
        for suffix in ("", " Nog een fijne dag.", ", fijne dag", " dus het komt goed: tot ziens"):
            turn = ViewTurn(0, "agent", text + suffix)
            assert turn.fact(_recap_lead_before_greeting) == _former_recap_lead(turn), turn.text


def _former_recap_lead(turn: ViewTurn) -> bool | None:
    greeting = CLOSING_GREETING.search(turn.lower)
    if greeting is None:
        return None
    return recap_lead_in(turn.lower[: greeting.start()])  # with no shortcut before it


def test_the_corpus_calls_are_read_with_their_roles() -> None:
    """The comparisons above see real calls: agent and customer turns, with timestamps in some."""
    calls = corpus_calls()
    assert len(calls) > 800
    roles = {role for turns in calls for role, _, _, _ in turns}
    assert {"agent", "customer"} <= roles
    assert any(start is not None for turns in calls for _, _, start, _ in turns)


# -- cue gates ------------------------------------------------------------------------------------------------------

GATED = {name: cue for name, cue in vars(cue_lists).items() if isinstance(cue, Cue) and cue.gate}
PLAIN = {name: re.compile(word_edged(cue.patterns)) for name, cue in GATED.items()}


def test_no_gate_turns_away_a_text_its_regex_matches_on_the_corpora() -> None:
    """A gate (the substring test before a cue's regex, e.g. AGREEMENT's) only spares the regex where it cannot
    match: the gated search finds what the plain word-edged regex finds."""
    assert "AGREEMENT" in GATED
    texts = [normalise(text) for text in corpus_texts()]
    for name, cue in GATED.items():
        matched = 0
        for text in texts:
            plain = PLAIN[name].search(text)
            gated = cue.search(text)
            assert (gated and gated.span()) == (plain and plain.span()), (name, text)
            matched += plain is not None
        assert matched, name


@st.composite
def gated_cue_and_text(draw: st.DrawFn) -> tuple[str, str]:
    """A gated cue and a text made of matches of its alternatives, corpus turns and punctuation."""
    name = draw(st.sampled_from(sorted(GATED)))
    piece = st.one_of(
        st.sampled_from(GATED[name].patterns).flatmap(st.from_regex),
        st.sampled_from(corpus_texts()),
        st.sampled_from([" ", ", ", ". ", "? ", "\n"]),
    )
    return name, "".join(draw(st.lists(piece, max_size=6)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(gated_cue_and_text())
def test_no_gate_turns_away_a_text_its_regex_matches_on_generated_text(case: tuple[str, str]) -> None:
    name, text = case
    lower = normalise(text)
    plain = PLAIN[name].search(lower)
    gated = GATED[name].search(lower)
    assert (gated and gated.span()) == (plain and plain.span())


# -- holds: a silence nobody announced ------------------------------------------------------------------------------


def former_silent_hold(view: CallView, turn: ViewTurn) -> Hold | None:
    """`_silent_hold` before it tested the timing first and rounded only gaps over the limit."""
    following = view.next_agent_turn(turn.index)
    since = _wait_start(view, turn)
    if following is None or following.start is None or since is None:
        return None
    waited = round(following.start - since, 1)
    if waited <= SILENT_HOLD_SECONDS:
        return None
    return quiet_wait(view, turn, following, since, waited)  # unchanged after the timing


# Gaps around the limit, where rounding to a tenth decides ("30.04" is 30.0: no silent hold).
gaps = st.one_of(
    st.floats(SILENT_HOLD_SECONDS - 0.2, SILENT_HOLD_SECONDS + 0.2),
    st.sampled_from([SILENT_HOLD_SECONDS, 30.04, 30.05, 30.049999999999997, 30.050000000000001, 30.06, 29.95]),
    st.floats(0, 120),
)
times = st.one_of(st.none(), st.floats(0, 600))
HOLD_TEXTS = ["Ik kijk even.", "ja", "Momentje.", "Dat is mijn pas, het nummer is een twee drie vier vijf zes."]


@st.composite
def timed_calls(draw: st.DrawFn) -> CallView:
    """Agent and customer turns with start and end times (some missing), separated by gaps near the limit."""
    turns: list[tuple[Role, str, float | None, float | None]] = []
    clock = draw(st.floats(0, 100))
    for _ in range(draw(st.integers(2, 8))):
        role: Role = draw(st.sampled_from(["agent", "agent", "customer", "unknown"]))
        text = draw(st.sampled_from(HOLD_TEXTS))
        start = draw(st.one_of(st.just(clock), times))
        end = draw(st.one_of(st.just(clock + 1.0), times))
        turns.append((role, text, start, end))
        clock += 1.0 + draw(gaps)
    return view_of(tuple(turns))


@settings(max_examples=800, deadline=None)
@given(timed_calls())
def test_a_silent_hold_is_found_as_before(view: CallView) -> None:
    for turn in view.agent_turns:
        assert _silent_hold(view, turn) == former_silent_hold(view, turn)


def test_a_gap_just_over_the_limit_that_rounds_to_it_is_no_silent_hold() -> None:
    for gap, found in ((30.04, False), (30.05, True), (30.2, True), (SILENT_HOLD_SECONDS, False)):
        view = view_of((("agent", "Goed.", 0.0, 1.0), ("agent", "Daar ben ik weer.", 1.0 + gap, 40.0)))
        assert (_silent_hold(view, view.agent_turns[0]) is not None) == found, gap
        assert (former_silent_hold(view, view.agent_turns[0]) is not None) == found, gap
