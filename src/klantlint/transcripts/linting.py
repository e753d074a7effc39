"""Linting calls: roles first, then the agent's turns as one conversation (customer turns are context)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.models import Call, CallResult, Record, Result, checked_call_result, checked_turn_finding
from klantlint.transcripts.roles import detect_agent, turn_roles

if TYPE_CHECKING:
    from klantlint.engine.linter import Linter


def words_in(texts: Iterable[str]) -> int:
    """The words of all `texts` together, as `str.split` separates them (no Python call per text)."""
    return sum(map(len, map(str.split, texts)))


def lint_records_in_process(linter: Linter, records: list[Record], agent_speaker: str | None = None) -> list[Result]:
    """A result for each record, in order: a call's result, or the record error itself."""
    calls = [record for record in records if not isinstance(record, RecordError)]
    results = iter(check_calls_in_process(linter, calls, agent_speaker))
    return [record if isinstance(record, RecordError) else next(results) for record in records]


def check_calls_in_process(
    linter: Linter, calls: Iterable[Call], agent_speaker: str | None = None, chunk: int = 64
) -> Iterator[CallResult]:
    """Results in input order; the agent turns of `chunk` calls are parsed in one batch."""
    iterator = iter(calls)
    while window := list(islice(iterator, chunk)):
        yield from _check_window(linter, window, agent_speaker)


def _check_window(linter: Linter, calls: list[Call], agent_speaker: str | None) -> list[CallResult]:
    roles_config = linter.config.roles
    agent_names, customer_names = tuple(roles_config.agent), tuple(roles_config.customer)
    organisations = tuple(linter.config.organisation)
    # Roles are kept beside each call rather than copied into its turns: the calls stay as given.
    assignments = [
        detect_agent(
            call,
            agent_names=agent_names,
            customer_names=customer_names,
            agent_speaker=agent_speaker,
            organisations=organisations,
        )
        for call in calls
    ]
    roles_per_call = [
        turn_roles(call, assignment.agent_speaker) for call, assignment in zip(calls, assignments, strict=True)
    ]
    agent_turns = [
        [(index, turn) for index, (turn, role) in enumerate(zip(call.turns, roles, strict=True)) if role == "agent"]
        for call, roles in zip(calls, roles_per_call, strict=True)
    ]
    agent_texts = [[turn.text for _, turn in turns] for turns in agent_turns]
    per_call = linter.check_conversations(agent_texts)
    results = []
    for call, assignment, roles, turns, texts, per_turn in zip(
        calls, assignments, roles_per_call, agent_turns, agent_texts, per_call, strict=True
    ):
        findings = [
            checked_turn_finding(index, turn, "agent", finding)
            for (index, turn), turn_findings in zip(turns, per_turn, strict=True)
            for finding in turn_findings
        ]
        # KL101-KL107 and the call's figures
        conversation = linter.conversation.call_outcome(call, findings, roles)
        # Every value has its field's type already (from the validated call, roles, findings and figures).
        results.append(
            checked_call_result(
                {
                    "call_id": call.call_id,
                    "agent_id": call.agent_id,
                    "date": call.date,
                    "roles": assignment,
                    "findings": conversation.merged_with(findings),
                    "turns": len(call.turns),
                    "agent_words": words_in(texts),
                    "customer_words": words_in(
                        [turn.text for turn, role in zip(call.turns, roles, strict=True) if role == "customer"]
                    ),
                    "source": call.source,
                    "line": call.line,
                    "turns_lost": call.turns_lost,
                    "longest_agent_monologue_s": conversation.figures.longest_agent_monologue_s,
                    "holds": conversation.figures.holds,
                    "hold_durations_s": list(conversation.figures.hold_durations_s),
                    "conversation_rules_skipped": list(conversation.skipped),
                }
            )
        )
    return results
