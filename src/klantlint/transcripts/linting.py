"""Linting calls: roles first, then the agent's turns as one conversation (customer turns are context)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klantlint.transcripts.models import Call, CallResult, TurnFinding
from klantlint.transcripts.roles import assign_roles

if TYPE_CHECKING:
    from klantlint.engine.linter import Linter


def word_count(text: str) -> int:
    return len(text.split())


def check_call(linter: Linter, call: Call, agent_speaker: str | None = None) -> CallResult:
    roles_config = linter.config.roles
    call, roles = assign_roles(call, agent_names=roles_config.agent, customer_names=roles_config.customer,
                               agent_speaker=agent_speaker)
    agent_turns = [(index, turn) for index, turn in enumerate(call.turns) if turn.role == "agent"]
    findings: list[TurnFinding] = []
    per_turn = linter.check_turns([turn.text for _, turn in agent_turns]) if agent_turns else []
    for (index, turn), turn_findings in zip(agent_turns, per_turn, strict=True):
        findings += [
            TurnFinding(turn_index=index, speaker=turn.speaker, role=turn.role, turn_start=turn.start,
                        turn_end=turn.end, finding=finding)
            for finding in turn_findings
        ]
    return CallResult(
        call_id=call.call_id,
        agent_id=call.agent_id,
        date=call.date,
        roles=roles,
        findings=findings,
        turns=len(call.turns),
        agent_words=sum(word_count(t.text) for t in call.turns if t.role == "agent"),
        customer_words=sum(word_count(t.text) for t in call.turns if t.role == "customer"),
        source=call.source,
        line=call.line,
    )
