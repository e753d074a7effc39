"""What a rule is: its description (`RuleInfo`), what it sees (`RuleContext`) and what it yields (`Hit`).

A rule is either declarative (a YAML entry in a rule pack, see `declarative.py`) or a Python class
deriving from `Rule`. Both produce `Hit`s with character offsets relative to the parsed segment;
the linter turns them into `Finding`s with offsets into the checked text.

A rule declares what it reads: `needs` (how much analysis of the segment: characters, tokens, tags or the tree)
and `scope` (the segment alone, or the whole document). Fast mode relies on both: it parses no more than the
rules need, and remembers a segment-scoped rule's hits per segment text. The engine holds a rule to its `scope`:
a segment-scoped rule that reads the document (`RuleContext.text`, `RuleContext.document_segments`) fails with
`UndeclaredRead`, instead of having its hits reused for a text they do not belong to. Rules may take options
(`Options`, a pydantic model), set per rule in the config: `[tool.klantlint.rules.KL016] max_words = 25`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from klantlint.config import describe_validation_error
from klantlint.errors import ConfigError
from klantlint.findings import Severity, Variant

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from klantlint.config import Config

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A named opt-in group (`gesprek`, `stijl`): lower-case words, usable in `select`, `extend_select` and `ignore`.
GROUP_PATTERN = re.compile(r"^[a-z]+(-[a-z]+)*$")
# How much of the analysis of a segment a rule reads, from least to most: its characters (`doc.text`), its tokens
# (texts and boundaries), tags (part of speech, morphology, lemmas, sentences) and the dependency tree (`head`,
# `dep_`, `children`, `subtree`, `Span.root`, `noun_chunks`).
Needs = Literal["characters", "tokens", "tags", "tree"]
NEEDS_LEVELS: tuple[Needs, ...] = ("characters", "tokens", "tags", "tree")
# What a rule judges: one segment at a time, or a segment within its whole document (text or conversation).
Scope = Literal["segment", "document"]
SCOPES: tuple[Scope, ...] = ("segment", "document")
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
    # The named group an opt-in rule belongs to (e.g. `gesprek`, `stijl`), so a team turns on a whole group with
    # `extend-select = ["gesprek"]`; plugins may join a built-in group or name their own. None for default rules.
    group: str | None = None

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

    @field_validator("group")
    @classmethod
    def _group_shape(cls, value: str | None) -> str | None:
        if value is not None and (not GROUP_PATTERN.match(value) or value == "all"):
            raise ValueError(
                f"groep {value!r} moet uit kleine letters bestaan (woorden, eventueel met streepjes) "
                "en mag niet 'all' zijn"
            )
        return value

    @model_validator(mode="after")
    def _group_only_opt_in(self) -> RuleInfo:
        if self.group is not None and self.default:
            raise ValueError(f"groep {self.group!r}: alleen een opt-in-regel (default: false) hoort bij een groep")
        return self


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


@dataclass(frozen=True)
class GateCue:
    """Something a rule's gate needs in a text: one of `words` as a whole word (lowercase; the linter's trigger scan
    looks for them besides the triggers, and finds a word wherever no letter or digit touches it, so wherever `\\w+`
    finds it as a run), or one of `substrings` anywhere in the lowercased text (`str.lower`)."""

    words: frozenset[str] = frozenset()
    substrings: frozenset[str] = frozenset()


class UndeclaredRead(RuntimeError):
    """A rule read something it did not declare (e.g. the document, with `scope = "segment"`): a bug in the rule,
    raised so that it shows in its tests instead of yielding stale cached hits."""


class RuleContext:
    """What a rule may look at besides the parsed segment.

    `text` is the whole checked text; `document_segments` are the texts of all segments of it that are
    linted (agent turns and unlabelled prose, not customer turns), for rules that judge the document
    as a whole (e.g. mixing "u" and "je"). `speaker` is the role of the segment being checked.

    Only rules with `scope = "document"` may read `text` and `document_segments`; a segment-scoped rule gets the
    context's `segment_view()`, on which reading them raises `UndeclaredRead`.
    """

    __slots__ = ("_document_segments", "_segment_view", "_text", "config", "scope", "speaker")

    def __init__(
        self,
        config: Config,
        text: str,
        speaker: str | None = None,
        document_segments: tuple[str, ...] = (),
        *,
        scope: Scope = "document",
    ) -> None:
        self.config = config
        self._text = text
        self.speaker = speaker
        self._document_segments = document_segments
        self.scope = scope
        self._segment_view: RuleContext | None = None

    @property
    def text(self) -> str:
        if self.scope == "segment":
            raise UndeclaredRead(_undeclared("RuleContext.text"))
        return self._text

    @property
    def document_segments(self) -> tuple[str, ...]:
        if self.scope == "segment":
            raise UndeclaredRead(_undeclared("RuleContext.document_segments"))
        return self._document_segments

    def segment_view(self) -> RuleContext:
        """This context as a segment-scoped rule sees it: without the document."""
        if self.scope == "segment":
            return self
        if self._segment_view is None:
            view = RuleContext(self.config, self._text, self.speaker, self._document_segments, scope="segment")
            self._segment_view = view
        return self._segment_view

    def for_rule(self, rule: Rule) -> RuleContext:
        """The context `rule` may see, by its declared `scope`."""
        return self if rule.scope == "document" else self.segment_view()

    def __repr__(self) -> str:
        return f"RuleContext(speaker={self.speaker!r}, scope={self.scope!r}, text={self._text[:40]!r})"


def _undeclared(attribute: str) -> str:
    return (
        f"a rule with scope = 'segment' read {attribute}; declare scope = 'document' on the rule if its hits depend "
        "on the rest of the text (fast mode reuses a segment-scoped rule's hits wherever the segment text recurs)"
    )


class RuleOptions(BaseModel):
    """A rule's options; a rule with options declares a subclass as its `Options`. Unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Configurable:
    """What phrase rules and conversation rules share: options from the config, validated against `Options`.

    `[tool.klantlint.rules.CODE]` in the config holds a rule's options; `options_from_config` may add defaults
    taken from older top-level keys (the rule's own table wins). The engine sets `options` before `configure`.
    """

    info: RuleInfo
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    options: RuleOptions = RuleOptions()

    def options_from_config(self, config: Config) -> dict[str, Any]:
        """Option values that come from top-level config keys (kept for older configs); none by default."""
        return {}

    def configure(self, config: Config) -> None:
        """Called once per linter with the active config (e.g. to add configured terms), after `options` is set."""


def rule_options(rule: Configurable, config: Config) -> RuleOptions:
    """`rule`'s options under `config`: its `[tool.klantlint.rules.CODE]` table over `options_from_config`; a
    ConfigError (Dutch) names the file and the key for an unknown option or a wrong value."""
    code = rule.info.code
    given = config.rules.get(code, {})
    try:
        return rule.Options.model_validate({**rule.options_from_config(config), **given})
    except ValidationError as error:
        raise ConfigError(describe_option_errors(rule, config, error)) from None


def describe_option_errors(rule: Configurable, config: Config, error: ValidationError) -> str:
    code = rule.info.code
    return describe_validation_error(
        error,
        str(config.source or "configuratie"),
        key_prefix=f"rules.{code}.",
        unknown_note=f"opties van {code}: {', '.join(rule.Options.model_fields) or 'geen'}",
        whole="(opties)",
    )


# The flags `needs` and `scope` replace, and what each value of them meant.
LEGACY_FLAGS = ("document_level", "needs_parse", "needs_dependencies")


class Rule(Configurable):
    """Base class for Python rules: set `info` (or the class attributes) and implement `check`.

    `triggers` lists lowercase surface forms of which at least one must occur in a text for the
    rule to be able to fire (used to skip parsing text that cannot produce a finding); `None`
    means the rule must always see the parse.
    """

    info: RuleInfo
    # A class attribute for most rules; an instance sets its own when its words come from data (a YAML pack, the
    # config), hence no ClassVar.
    triggers: frozenset[str] | None = None
    # What `check` reads of the segment (see `Needs`). Fast mode hands a rule that needs "characters" or "tokens"
    # a tokenised doc and skips the statistical pipeline; for one that needs "tags" it skips the dependency parser
    # on a text whose sentence boundaries its punctuation already fixes (the parser changes nothing else there).
    needs: Needs = "tree"
    # "segment" (the default): `check` and `may_fire` read only the segment, the speaker and the config, so fast
    # mode remembers the rule's hits per segment text and reuses them for a repeated text. "document": they also
    # read the rest of the document (`context.text`, `context.document_segments`); such hits are never reused.
    scope: Scope = "segment"
    # Whether `may_fire` is false wherever `found` holds none of `triggers`, as the base `may_fire` is: fast mode
    # then asks the gate only of texts with a trigger word of the rule (see `cues`). A class that overrides
    # `may_fire` must state it again; without that it is taken to be False.
    triggers_required: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _adopt_legacy_flags(cls)
        if "may_fire" in cls.__dict__ and "triggers_required" not in cls.__dict__:
            cls.triggers_required = False
        if cls.needs not in NEEDS_LEVELS or cls.scope not in SCOPES:
            raise TypeError(
                f"{cls.__name__}: needs must be one of {', '.join(NEEDS_LEVELS)} (not {cls.needs!r}) and scope one "
                f"of {', '.join(SCOPES)} (not {cls.scope!r})"
            )

    @property
    def document_level(self) -> bool:
        """Deprecated: `scope == "document"`."""
        return self.scope == "document"

    @property
    def needs_parse(self) -> bool:
        """Deprecated: whether `needs` is "tags" or "tree"."""
        return self.needs in ("tags", "tree")

    @property
    def needs_dependencies(self) -> bool:
        """Deprecated: `needs == "tree"`."""
        return self.needs == "tree"

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

    def cues(self) -> tuple[GateCue, ...] | None:
        """What `may_fire` needs in a text, for the one scan in which fast mode picks the rules whose gates it asks:
        each cue must be met, or the gate is not asked (and counts as false). None: the gate is asked of every text.

        Like the gate, the cues must be sound: where one is not met, `may_fire` must be false. By default one of
        `triggers` must be found, when `triggers_required` says the gate needs that. Called once per linter, after
        `configure`.
        """
        if self.triggers is None or not self.triggers_required:
            return None
        return (GateCue(words=self.triggers),)

    def may_fire_in_document(self, document_segments: tuple[str, ...], config: Config) -> bool:
        """For a rule with `scope = "document"`: False when `may_fire` is false on every segment of a document with
        these segments, so fast mode need not ask per segment. Override it only with a test that implies that."""
        return True


def _adopt_legacy_flags(cls: type[Rule]) -> None:
    """`needs` and `scope` from the flags they replace, for a rule class that still sets those (with a warning)."""
    legacy = {flag: cls.__dict__[flag] for flag in LEGACY_FLAGS if flag in cls.__dict__}
    if not legacy:
        return
    warnings.warn(
        f"{cls.__name__}: {', '.join(legacy)} is replaced by `needs` and `scope` (see docs/writing-a-rule.md)",
        DeprecationWarning,
        stacklevel=3,
    )
    for flag in legacy:
        delattr(cls, flag)
    if "scope" not in cls.__dict__ and legacy.get("document_level"):
        cls.scope = "document"
    if "needs" not in cls.__dict__:
        if legacy.get("needs_parse") is False:
            cls.needs = "tokens"
        elif legacy.get("needs_dependencies") is False:
            cls.needs = "tags"
