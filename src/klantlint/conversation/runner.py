"""Applying the enabled conversation rules to a call or a dialogue script.

`ConversationRunner` is built once per `Linter`. For a call it returns turn-anchored `TurnFinding`s and the
call's conversation figures; for a dialogue script it returns hits the linter turns into findings with
offsets into the file (so suppression comments and per-file ignores work as for phrase rules).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.figures import CallFigures, call_figures
from klantlint.conversation.script import is_dialogue, script_view
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Hit
from klantlint.io.segments import Segment
from klantlint.transcripts.models import Call, Role, TurnFinding, checked_finding, checked_turn_finding

if TYPE_CHECKING:
    from klantlint.config import Config
    from klantlint.engine.base import Rule


_TURN_INDEX = attrgetter("turn_index")


@dataclass(frozen=True)
class CallOutcome:
    """What the conversation rules found in one call, the rules skipped for lack of timestamps, and figures."""

    findings: list[TurnFinding]
    skipped: list[str]
    figures: CallFigures = field(default_factory=CallFigures)

    def merged_with(self, phrase_findings: list[TurnFinding]) -> list[TurnFinding]:
        """All findings of the call in turn order (phrase findings first within a turn)."""
        return sorted([*phrase_findings, *self.findings], key=_TURN_INDEX)


class ConversationRunner:
    """The enabled conversation rules with the config they run under."""

    def __init__(self, rules: Sequence[ConversationRule], config: Config) -> None:
        self.rules = list(rules)
        self.config = config
        self.organisations = tuple(config.organisation)

    def run(self, view: CallView) -> tuple[list[tuple[ConversationRule, ConversationHit]], list[str]]:
        """Hits of every enabled rule, and the codes of rules skipped because the call lacks timestamps."""
        hits: list[tuple[ConversationRule, ConversationHit]] = []
        skipped: list[str] = []
        for rule in self.rules:
            if not rule.applies_to(view):
                skipped.append(rule.info.code)
                continue
            for hit in rule.check(view):
                hits.append((rule, hit))
        return hits, skipped

    # -- calls ----------------------------------------------------------------------------------------------------

    def call_outcome(self, call: Call, phrase_findings: list[TurnFinding], roles: Sequence[Role]) -> CallOutcome:
        """Conversation findings for a call, given its phrase findings and each turn's role."""
        if not self.rules and not call.turns:
            return CallOutcome([], [])
        view = self.call_view(call, phrase_findings, roles)
        if not view.agent_turns:
            return CallOutcome([], [], call_figures(view))
        hits, skipped = self.run(view)
        findings = [self._turn_finding(call, roles, rule, hit) for rule, hit in hits]
        return CallOutcome(findings, skipped, call_figures(view))

    def call_view(self, call: Call, phrase_findings: list[TurnFinding], roles: Sequence[Role]) -> CallView:
        by_turn: dict[int, list[tuple[str, int, int]]] = {}
        for item in phrase_findings:
            by_turn.setdefault(item.turn_index, []).append((item.finding.code, item.finding.start, item.finding.end))
        turns = [
            ViewTurn(index, role, turn.text, turn.start, turn.end, tuple(by_turn[index]) if index in by_turn else ())
            for index, (turn, role) in enumerate(zip(call.turns, roles, strict=True))
        ]
        organisations = tuple(call.organisation) or self.organisations
        return CallView(tuple(turns), organisations=organisations, given_direction=call.direction)

    def _turn_finding(
        self, call: Call, roles: Sequence[Role], rule: ConversationRule, hit: ConversationHit
    ) -> TurnFinding:
        turn = call.turns[hit.turn_index]
        text = turn.text
        line_start = text.rfind("\n", 0, hit.start) + 1
        finding = checked_finding(
            code=rule.info.code,
            name=rule.info.name,
            severity=self.config.severity.get(rule.info.code, rule.info.severity),
            message=hit.message,
            start=hit.start,
            end=hit.end,
            line=text.count("\n", 0, hit.start) + 1,
            column=hit.start - line_start + 1,
            text=text[hit.start : hit.end],
        )
        if type(hit.turn_index) is not int:  # a plugin's hit: validating makes the index an int, or says why not
            return TurnFinding(
                turn_index=hit.turn_index,
                speaker=turn.speaker,
                role=roles[hit.turn_index],
                turn_start=turn.start,
                turn_end=turn.end,
                turn_line=turn.line,
                finding=finding,
                turn_text=text,
            )
        return checked_turn_finding(hit.turn_index, turn, roles[hit.turn_index], finding)

    # -- dialogue scripts -----------------------------------------------------------------------------------------

    def script_hits(
        self, text: str, segments: Sequence[Segment], phrase_hits: Sequence[tuple[Rule, Segment, Hit]]
    ) -> list[tuple[ConversationRule, Segment, Hit]]:
        """Hits on a dialogue script, relative to the segment of their turn; nothing for text that is not one."""
        if not self.rules or not is_dialogue(segments):
            return []
        found = ((segment, rule.info.code, hit.start, hit.end) for rule, segment, hit in phrase_hits)
        view, turn_segments = script_view(text, segments, found, self.organisations)
        hits, _ = self.run(view)
        return [(rule, turn_segments[hit.turn_index], Hit(hit.start, hit.end, hit.message)) for rule, hit in hits]
