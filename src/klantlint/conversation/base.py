"""What a conversation rule is: a `RuleInfo` (like phrase rules) and a check over a whole call.

A conversation rule sees a `CallView` and yields `ConversationHit`s anchored at a turn: the turn index and
a span in that turn's text where the fix belongs. Rules that need timestamps say so in `needs`; the
runner skips them (and reports them as skipped) on calls without. Like phrase rules they may declare `Options`,
set in `[tool.klantlint.rules.CODE]`, and installed packages may add them (entry-point group
`klantlint.conversation_rules`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal

from klantlint.conversation.view import CallView
from klantlint.engine.base import Configurable, RuleInfo

Timing = Literal["none", "start_times", "timestamps"]


@dataclass(frozen=True)
class ConversationHit:
    """A finding at `turn_index`, on `text[start:end]` of that turn; `message` is Dutch and names what is wrong."""

    turn_index: int
    start: int
    end: int
    message: str


class ConversationRule(Configurable):
    """Base class: set `info` (its examples are dialogue text, "Agent: ...\\nKlant: ...") and implement `check`."""

    info: RuleInfo
    needs: ClassVar[Timing] = "none"

    def applies_to(self, view: CallView) -> bool:
        """Whether the call has what the rule needs (timestamps); otherwise the rule is skipped."""
        if self.needs == "timestamps":
            return view.has_timestamps
        if self.needs == "start_times":
            return view.has_start_times
        return True

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        raise NotImplementedError
