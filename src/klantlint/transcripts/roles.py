"""Telling the agent from the customer in a call.

In order: a speaker label that names a role ("Agent", "Klant"), the configured speaker names, the
`--agent-speaker` option, and otherwise detection from what each speaker says in their first turns
(a greeting with own name and organisation, "waarmee kan ik u helpen"). A call where no agent can be
told is reported, not guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from operator import attrgetter

from klantlint.conversation.organisation import names_organisation
from klantlint.io.segments import AGENT_LABELS, CUSTOMER_LABELS
from klantlint.transcripts.models import Call, Role, RoleAssignment, Turn, checked_role_assignment
from klantlint.transcripts.role_cues import cue_score
from klantlint.transcripts.spoken import fluent_words

FIRST_TURNS = 3
MIN_MARGIN = 2.0
ORGANISATION_WEIGHT = 2.0


_SPEAKER = attrgetter("speaker")  # a turn's speaker, read in C for each turn of every call


def _normalised(name: str) -> str:
    return name.strip().lower()


def assign_roles(
    call: Call,
    *,
    agent_names: Iterable[str] = (),
    customer_names: Iterable[str] = (),
    agent_speaker: str | None = None,
    organisations: Iterable[str] = (),
) -> tuple[Call, RoleAssignment]:
    """The call with every turn's role set, and how the agent was chosen. `organisations` (the call's or the
    config's names of the organisation) help detection: the agent names it in their first turn."""
    assignment = detect_agent(
        call,
        agent_names=tuple(agent_names),
        customer_names=tuple(customer_names),
        agent_speaker=agent_speaker,
        organisations=tuple(organisations),
    )
    roles = turn_roles(call, assignment.agent_speaker)
    turns = [turn.model_copy(update={"role": role}) for turn, role in zip(call.turns, roles, strict=True)]
    return call.model_copy(update={"turns": turns}), assignment


def detect_agent(
    call: Call,
    *,
    agent_names: tuple[str, ...] = (),
    customer_names: tuple[str, ...] = (),
    agent_speaker: str | None = None,
    organisations: tuple[str, ...] = (),
) -> RoleAssignment:
    """Which speaker is the agent, and how that was decided (see `assign_roles`); the call is not copied."""
    speakers = list(dict.fromkeys(map(_SPEAKER, call.turns)))
    agents, customers, configured = _label_sets(agent_names, customer_names)
    if agent_speaker is not None:
        chosen = next((s for s in speakers if _normalised(s) == _normalised(agent_speaker)), None)
        return _assignment(chosen, "option", 1.0 if chosen else 0.0)
    labelled = [s for s in speakers if _normalised(s) in agents]
    if len(labelled) == 1:
        method = "config" if _normalised(labelled[0]) in configured else "label"
        return _assignment(labelled[0], method, 1.0)
    if labelled == [] and any(_normalised(s) in customers for s in speakers) and len(speakers) == 2:
        other = next(s for s in speakers if _normalised(s) not in customers)
        return _assignment(other, "label", 0.9)
    return _detect(call, speakers, [*call.organisation, *organisations])


def no_agent_reason(call: Call, agent_speaker: str | None = None) -> str:
    """Why no agent was found in `call` (Dutch, for the errors file): the speaker given with `--agent-speaker`
    does not speak in it, or no speaker sounds like one."""
    if agent_speaker is not None:
        present = ", ".join(repr(speaker) for speaker in dict.fromkeys(turn.speaker for turn in call.turns))
        return (
            f"--agent-speaker {agent_speaker!r} spreekt niet in gesprek {call.call_id!r}; "
            f"sprekers in dit gesprek: {present or 'geen'}"
        )
    return (
        "geen agent te bepalen: geen spreker begroet of biedt hulp aan; geef --agent-speaker of [tool.klantlint.roles]"
    )


def turn_roles(call: Call, agent: str | None) -> list[Role]:
    """Each turn's role once the agent speaker is known (all "unknown" when it is not)."""
    if agent is None:
        return ["unknown"] * len(call.turns)
    return ["agent" if turn.speaker == agent else "customer" for turn in call.turns]


@lru_cache(maxsize=16)
def _label_sets(
    agent_names: tuple[str, ...], customer_names: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Agent labels, customer labels and configured agent names, normalised (the same for every call)."""
    configured = frozenset(_normalised(n) for n in agent_names)
    agents = configured | frozenset(AGENT_LABELS)
    customers = frozenset(_normalised(n) for n in customer_names) | frozenset(CUSTOMER_LABELS)
    return agents, customers, configured


def _detect(call: Call, speakers: list[str], organisations: list[str]) -> RoleAssignment:
    names = tuple(name for name in organisations if name.strip())
    scores = {
        speaker: _agent_score(t for t in call.turns if t.speaker == speaker) + _organisation_score(call, speaker, names)
        for speaker in speakers
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    # Nobody sounds like the agent, but in a call of two the other one sounds like the customer ("ik heb een vraag").
    told_by_customer = len(ranked) == 2 and runner_up < 0
    if not ranked or (ranked[0][1] <= 0 and not told_by_customer):
        return _assignment(None, "none", 0.0)
    best, best_score = ranked[0]
    margin = best_score - runner_up
    if margin < MIN_MARGIN:
        return _assignment(None, "none", 0.0)
    confidence = round(min(1.0, margin / (margin + 2.0) + 0.25), 2)
    return _assignment(best, "auto", confidence)


def _agent_score(turns: Iterable[Turn]) -> float:
    return sum(_turn_score(turn.text) for turn in islice(turns, FIRST_TURNS))


# Openings repeat across calls: each distinct turn is made fluent once.
_fluent = lru_cache(maxsize=4096)(fluent_words)


@lru_cache(maxsize=4096)
def _turn_score(text: str) -> float:
    """How much one turn sounds like the agent (negative: like the customer), fillers and repeats apart;
    openings repeat across calls."""
    return cue_score(_fluent(text))


def _organisation_score(call: Call, speaker: str, names: tuple[str, ...]) -> float:
    """The organisation named in the speaker's first turn is the agent's opening, also by a short form ("LZV",
    "Woonstede" for "Stichting Woonstede Rivierenland") and with a filler inside the name."""
    if not names:  # the usual batch run: no organisation named, no turn to look for
        return 0.0
    first = next((turn for turn in call.turns if turn.speaker == speaker), None)
    if first is None:
        return 0.0
    named = names_organisation(first.text, names) or names_organisation(_fluent(first.text), names)
    return ORGANISATION_WEIGHT if named else 0.0


def _assignment(agent: str | None, method: str, confidence: float) -> RoleAssignment:
    return checked_role_assignment(agent, method if agent else "none", confidence)
