"""What the Linter needs to know about the rules it is given, without knowing where they come from.

`klantlint.catalogue.Catalogue` provides it: the engine sits below the rule packages and never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from klantlint.config import Config
    from klantlint.engine.base import Hit, Rule, RuleInfo
    from klantlint.io.segments import Segment


class DialogueChecker(Protocol):
    """The conversation rules applied to a dialogue script (`Agent:` / `Klant:` lines)."""

    def script_hits(
        self, text: str, segments: Sequence[Segment], phrase_hits: Sequence[tuple[Rule, Segment, Hit]]
    ) -> Sequence[tuple[Any, Segment, Hit]]: ...


class RuleSet(Protocol):
    """Every rule known (fresh instances, for one Linter), and a way to run the enabled conversation rules."""

    phrase_rules: list[Rule]

    def infos(self) -> list[RuleInfo]: ...

    def check_config(self, config: Config) -> None: ...

    def dialogue_checker(self, enabled: Callable[[str], bool], config: Config) -> DialogueChecker: ...
