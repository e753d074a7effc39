"""Linting calls: roles first, then the agent's turns as one conversation (customer turns are context)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from klantlint.transcripts.models import Call, CallResult, TurnFinding
from klantlint.transcripts.roles import assign_roles

if TYPE_CHECKING:
    from klantlint.engine.linter import Linter


def word_count(text: str) -> int:
    return len(text.split())


def check_calls_in_process(
    linter: Linter, calls: Iterable[Call], agent_speaker: str | None = None, chunk: int = 64
) -> Iterator[CallResult]:
    """Results in input order; the agent turns of `chunk` calls are parsed in one batch."""
    iterator = iter(calls)
    while window := list(islice(iterator, chunk)):
        yield from _check_window(linter, window, agent_speaker)


def _check_window(linter: Linter, calls: list[Call], agent_speaker: str | None) -> list[CallResult]:
    roles_config = linter.config.roles
    assigned = [
        assign_roles(
            call,
            agent_names=roles_config.agent,
            customer_names=roles_config.customer,
            agent_speaker=agent_speaker,
            organisations=linter.config.organisation,
        )
        for call in calls
    ]
    agent_turns = [
        [(index, turn) for index, turn in enumerate(call.turns) if turn.role == "agent"] for call, _ in assigned
    ]
    per_call = linter.check_conversations([[turn.text for _, turn in turns] for turns in agent_turns])
    results = []
    for (call, roles), turns, per_turn in zip(assigned, agent_turns, per_call, strict=True):
        findings = [
            TurnFinding(
                turn_index=index,
                speaker=turn.speaker,
                role=turn.role,
                turn_start=turn.start,
                turn_end=turn.end,
                finding=finding,
                turn_text=turn.text,
            )
            for (index, turn), turn_findings in zip(turns, per_turn, strict=True)
            for finding in turn_findings
        ]
        conversation = linter.conversation.check_call(call, findings)  # KL101-KL107 and the call's figures
        results.append(
            CallResult(
                call_id=call.call_id,
                agent_id=call.agent_id,
                date=call.date,
                roles=roles,
                findings=conversation.merged_with(findings),
                turns=len(call.turns),
                agent_words=sum(word_count(t.text) for t in call.turns if t.role == "agent"),
                customer_words=sum(word_count(t.text) for t in call.turns if t.role == "customer"),
                source=call.source,
                line=call.line,
                longest_agent_monologue_s=conversation.figures.longest_agent_monologue_s,
                holds=conversation.figures.holds,
                hold_durations_s=conversation.figures.hold_durations_s,
                conversation_rules_skipped=conversation.skipped,
            )
        )
    return results
