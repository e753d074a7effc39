"""What a rule is: its description (`RuleInfo`), what it sees (`RuleContext`) and what it yields (`Hit`).

A rule is either declarative (a YAML entry in a rule pack, see `declarative.py`) or a Python class
deriving from `Rule`. Both produce `Hit`s with character offsets relative to the parsed segment;
the linter turns them into `Finding`s with offsets into the checked text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from klantlint.findings import Severity, Variant

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from klantlint.config import Config

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EXPLANATION_SECTIONS = {
    "wat_gaat_er_mis": "Wat gaat er mis",
    "waarom": "Waarom",
    "voorbeeld": "Voorbeeld",
    "beter": "Beter",
    "veilig": "Herschrijven veilig?",
}


class Explanation(BaseModel):
    """The fixed sections of a rule's explanation (Dutch), rendered by `klantlint explain`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wat_gaat_er_mis: str
    waarom: str
    voorbeeld: str
    beter: str
    veilig: str
    # Where Flemish usage differs: the Flemish alternative, shown as a "Vlaanderen:" line in the Beter section.
    vlaanderen: str = ""

    def render(self, variant: Variant | None = None) -> str:
        """The sections as Markdown; the Flemish line is left out only for `variant` nl-NL."""
        parts = []
        for key, title in EXPLANATION_SECTIONS.items():
            body = getattr(self, key).strip()
            if key == "beter" and self.vlaanderen and variant != "nl-NL":
                body += f"\nVlaanderen: {self.vlaanderen.strip()}"
            parts.append(f"## {title}\n{body}")
        return "\n\n".join(parts)


class PinnedExample(BaseModel):
    """A bad example that pins what the rule flags in `text` (`span`, the finding's exact text) and, optionally,
    the text after its first suggestion is applied (`correction`), as LanguageTool's `<example correction=...>`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    span: str
    correction: str | None = None


class RuleInfo(BaseModel):
    """Everything a user can know about a rule without running it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    explanation: Explanation
    bad_examples: list[str] = Field(default_factory=list)
    good_examples: list[str] = Field(default_factory=list)
    # Bad examples whose flagged span and rewrite are pinned (their texts are in `bad_examples` too).
    pinned_examples: list[PinnedExample] = Field(default_factory=list)
    source: str = ""
    # In the default set (runs when the config names no `select`), like Ruff's default rules. An opt-in rule
    # runs only when selected by code, prefix or ALL, or added with `extend_select`.
    default: bool = True
    # Why an opt-in rule is not in the default set (Dutch, one short sentence), shown in `klantlint rules`.
    opt_in_reason: str = ""

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not CODE_PATTERN.match(value):
            raise ValueError(f"code {value!r} moet de vorm KL001 hebben (hoofdletters gevolgd door drie cijfers)")
        return value

    @field_validator("name")
    @classmethod
    def _name_shape(cls, value: str) -> str:
        if not NAME_PATTERN.match(value):
            raise ValueError(f"naam {value!r} moet kebab-case zijn (kleine letters en streepjes)")
        return value


@dataclass(frozen=True)
class ProposedFix:
    """A suggestion relative to the segment: replace `segment[start:end]` with `replacement`."""

    replacement: str
    start: int
    end: int
    description: str
    safe: bool = False


@dataclass(frozen=True)
class Hit:
    """A rule firing on `segment[start:end]`; `message` overrides the rule's default message."""

    start: int
    end: int
    message: str | None = None
    fixes: tuple[ProposedFix, ...] = ()


@dataclass
class RuleContext:
    """What a rule may look at besides the parsed segment.

    `text` is the whole checked text; `document_segments` are the texts of all segments of it that are
    linted (agent turns and unlabelled prose, not customer turns), for rules that judge the document
    as a whole (e.g. mixing "u" and "je"). `speaker` is the role of the segment being checked.
    """

    config: Config
    text: str
    speaker: str | None = None
    document_segments: tuple[str, ...] = ()


class Rule:
    """Base class for Python rules: set `info` (or the class attributes) and implement `check`.

    `triggers` lists lowercase surface forms of which at least one must occur in a text for the
    rule to be able to fire (used to skip parsing text that cannot produce a finding); `None`
    means the rule must always see the parse.
    """

    info: RuleInfo
    triggers: ClassVar[frozenset[str] | None] = None
    # What `check` reads. By default only the parsed segment and the config, so in fast mode its hits are
    # remembered per segment text and reused for a repeated text. A rule that also reads the rest of the
    # document (`context.document_segments`, `context.text`) sets `document_level`; it is never cached.
    document_level: ClassVar[bool] = False
    # False when `check` reads only the characters and tokens of the segment (no tags, lemmas or parse):
    # fast mode then hands it a tokenised doc and skips the statistical pipeline.
    needs_parse: ClassVar[bool] = True
    # False when `check` reads tags, lemmas and sentences but not the dependency tree (`head`, `dep_`,
    # `children`, `subtree`, `Span.root`, `noun_chunks`). Fast mode then skips the parser for a text whose
    # sentence boundaries its punctuation already fixes: the parser changes nothing else there.
    needs_dependencies: ClassVar[bool] = True

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        raise NotImplementedError

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """Whether the rule could fire on `text`, from its characters alone (no parse).

        `found` holds the trigger words of *all* enabled rules that occur in `text` as whole words (test
        against your own triggers, as the default does). Fast mode runs the rule only where this is true;
        full mode ignores it, so it must be sound: never false where `check` reports something. Override it
        for a sharper cheap test (e.g. a sentence-length rule can rule out short texts).
        """
        return self.triggers is None or not self.triggers.isdisjoint(found)

    def may_fire_in_document(self, document_segments: tuple[str, ...], config: Config) -> bool:
        """For a `document_level` rule: False when `may_fire` is false on every segment of a document with these
        segments, so fast mode need not ask per segment. Override it only with a test that implies that."""
        return True

    def configure(self, config: Config) -> None:
        """Called once per linter with the active config (e.g. to add configured terms)."""
