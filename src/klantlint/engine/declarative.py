"""Declarative rules: a YAML entry with token patterns or phrases, conditions and rewrite templates.

Patterns use spaCy's Matcher syntax (LOWER, LEMMA, POS, MORPH, DEP, OP, IN, ...). Conditions look at
the sentence of the match (and the next one): `when` patterns must occur, `unless` patterns must not,
as LanguageTool's antipatterns keep a rule quiet where the same words are acceptable.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from klantlint.engine.base import Explanation, Hit, Needs, PinnedExample, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.filters import MatchFilter, filter_named
from klantlint.engine.rewrite import deletion_fix, match_case, uses_je
from klantlint.findings import Severity
from klantlint.nlp.clauses import is_punctuated
from klantlint.nlp.domain import klantlint_sentences

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

TokenPattern = list[dict[str, Any]]


class Conditions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence: list[TokenPattern] = Field(default_factory=list)
    next_sentence: list[TokenPattern] = Field(default_factory=list)


class SuggestionTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Literal["replace", "delete"] = "replace"
    replacement: str = ""
    replacement_je: str = ""
    target: Literal["match", "sentence"] = "match"
    description: str
    safe: bool = False


class Examples(BaseModel):
    """A bad example is a text, or a mapping that also pins the flagged span and the rewrite (`PinnedExample`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bad: list[str | PinnedExample]
    good: list[str]

    def bad_texts(self) -> list[str]:
        return [example if isinstance(example, str) else example.text for example in self.bad]

    def pinned(self) -> list[PinnedExample]:
        return [example for example in self.bad if isinstance(example, PinnedExample)]


class DeclarativeSpec(BaseModel):
    """One rule as written in a pack; validated before it is compiled."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name: str
    severity: Severity
    summary: str
    message: str
    explanation: Explanation
    examples: Examples
    patterns: list[TokenPattern] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    when: Conditions = Field(default_factory=Conditions)
    unless: Conditions = Field(default_factory=Conditions)
    suggestions: list[SuggestionTemplate] = Field(default_factory=list)
    # Registered Python predicates (`klantlint.engine.filters`) every match must pass, after the conditions.
    filter: list[str] = Field(default_factory=list)
    default: bool = True  # in the default set; `default: false` makes the rule opt-in
    opt_in_reason: str = ""
    group: str | None = None  # a named opt-in group (`gesprek`, `stijl`, or a pack's own)

    @field_validator("filter", mode="before")
    @classmethod
    def _one_or_more_filters(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    def info(self, source: str) -> RuleInfo:
        return RuleInfo(
            code=self.code,
            name=self.name,
            severity=self.severity,
            summary=self.summary,
            rationale=self.explanation.waarom,
            explanation=self.explanation,
            bad_examples=self.examples.bad_texts(),
            good_examples=self.examples.good,
            pinned_examples=self.examples.pinned(),
            source=source,
            default=self.default,
            opt_in_reason=self.opt_in_reason,
            group=self.group,
        )


class DeclarativeRule(Rule):
    """A compiled declarative rule; `compile(vocab)` must run before `check`."""

    triggers_required = True  # `may_fire` asks the base gate first

    def __init__(self, spec: DeclarativeSpec, source: str) -> None:
        if not spec.patterns and not spec.phrases:
            raise ValueError("een regel heeft 'patterns' of 'phrases' nodig")
        self.spec = spec
        self.info = spec.info(source)
        self.triggers = required_words(spec)
        self.needs: Needs = "tree" if reads_dependencies(spec) else "tags"
        self._when_words = condition_words(spec.when)
        self._filters: list[MatchFilter] = [filter_named(name) for name in spec.filter]
        self._matcher: Matcher | None = None
        self._phrases: PhraseMatcher | None = None
        self._when: Matcher | None = None
        self._when_next: Matcher | None = None
        self._unless: Matcher | None = None
        self._unless_next: Matcher | None = None
        self._unless_by_tokens: Matcher | None = None
        self._unless_next_by_tokens: Matcher | None = None
        self._tokenizer: Tokenizer | None = None
        # Whether the tokenizer alone decides the rule's matches, and whether it decides its `when` condition.
        self._matches_by_tokens = all(_tokens_only(p) for p in spec.patterns)
        when_patterns = [*spec.when.sentence, *spec.when.next_sentence]
        self._when_by_tokens = bool(when_patterns) and all(_tokens_only(p) for p in when_patterns)

    def compile(self, vocab: Vocab, tokenizer: Tokenizer | None = None) -> None:
        """Build the matchers; spaCy validates every pattern here (ValueError on a malformed one). With the
        pipeline's `tokenizer`, `may_fire` also judges the conditions that tokens alone decide."""
        from spacy.matcher import PhraseMatcher  # spaCy only where matchers are built: reading rules must not need it

        self._matcher = _matcher(vocab, self.spec.patterns)
        if self.spec.phrases:
            self._phrases = PhraseMatcher(vocab, attr="LOWER")
            from spacy.lang.nl import Dutch

            tokenizer = Dutch().tokenizer
            self._phrases.add(self.spec.code, [tokenizer(phrase) for phrase in self.spec.phrases])
        self._when = _matcher(vocab, self.spec.when.sentence)
        self._when_next = _matcher(vocab, self.spec.when.next_sentence)
        self._unless = _matcher(vocab, self.spec.unless.sentence)
        self._unless_next = _matcher(vocab, self.spec.unless.next_sentence)
        self._unless_by_tokens = _matcher(vocab, [p for p in self.spec.unless.sentence if _tokens_only(p)])
        self._unless_next_by_tokens = _matcher(vocab, [p for p in self.spec.unless.next_sentence if _tokens_only(p)])
        self._tokenizer = tokenizer

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """Besides a trigger, a `when` condition needs one of its literal words somewhere in the text (the
        sentences it looks at are part of the text), and the conditions that tokens alone decide must leave a
        match that can fire."""
        if not super().may_fire(text, found, context):
            return False
        if self._when_words is not None:
            lowered = text.lower()
            if not any(word in lowered for word in self._when_words):
                return False
        return self._may_fire_on_tokens(text)

    def _may_fire_on_tokens(self, text: str) -> bool:
        """Whether some match may meet its conditions, judged on the pipeline's own tokens without the parse.

        The sentences the conditions look at are known from the tokens too: the whole text when it has no
        sentence mark (`condition_scope`), else the sentences `klantlint_sentences` presets at the marks and line
        breaks, which the parser keeps. `when` patterns count only when all of them are token-only; an `unless`
        pattern that is token-only rules a match out wherever it matches, whatever the other patterns say.
        """
        if self._tokenizer is None:
            return True
        doc = self._tokenizer(text)
        if is_punctuated(doc):
            if not self._matches_by_tokens:
                return True
            klantlint_sentences(doc)
            doc[0].is_sent_start = True
            spans = self._spans(doc)
        else:
            # One scope for every match: the whole text.
            spans = self._spans(doc) if self._matches_by_tokens else [doc[:]]
        return any(self._may_hold(span) for span in spans)

    def _may_hold(self, span: Span) -> bool:
        sentence, following = condition_scope(span)
        if self._when_by_tokens and not (_matches(self._when, sentence) or _matches(self._when_next, following)):
            return False
        return not (_matches(self._unless_by_tokens, sentence) or _matches(self._unless_next_by_tokens, following))

    def _spans(self, doc: Doc) -> list[Span]:
        spans = []
        if self._matcher is not None:
            spans += [doc[start:end] for _, start, end in self._matcher(doc)]
        if self._phrases is not None:
            spans += [doc[start:end] for _, start, end in self._phrases(doc)]
        return spans

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        taken: set[int] = set()
        # A condition's verdict on each sentence, found once: in unpunctuated text the sentence is the whole doc, and
        # running the condition again for every match would cost time quadratic in its length.
        verdicts: dict[tuple[int, int, int], bool] = {}
        for span in sorted(self._spans(doc), key=lambda s: (s.start, -len(s))):
            if span.start in taken:
                continue
            if not self._conditions_hold(span, verdicts):
                continue
            if not all(keep(span, context) for keep in self._filters):
                continue
            taken.update(range(span.start, span.end))
            yield Hit(span.start_char, span.end_char, self.spec.message, tuple(self._fixes(span)))

    def _conditions_hold(self, span: Span, verdicts: dict[tuple[int, int, int], bool]) -> bool:
        sentence, following = condition_scope(span)

        def holds(which: int, matcher: Matcher | None, scope: Span | None) -> bool:
            if matcher is None or scope is None:
                return False
            key = (which, scope.start, scope.end)
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = _matches(matcher, scope)
            return verdict

        if self._when is not None or self._when_next is not None:
            found = holds(0, self._when, sentence) or holds(1, self._when_next, following)
            if not found:
                return False
        return not (holds(2, self._unless, sentence) or holds(3, self._unless_next, following))

    def _fixes(self, span: Span) -> Iterable[ProposedFix]:
        for template in self.spec.suggestions:
            target = span.sent if template.target == "sentence" else span
            if template.action == "delete":
                # Dropping an opener before a subordinate clause ("Het spijt me dat ...") breaks the sentence.
                followed_by_clause = (
                    span.end < len(span.doc) and span.doc[span.end].lower_ == "dat" and span[-1].lower_ in ("me", "mij")
                )
                yield deletion_fix(span, template.description, template.safe and not followed_by_clause)
                continue
            informal = template.replacement_je and uses_je(span.sent)
            text = (template.replacement_je if informal else template.replacement).replace("{match}", span.text)
            yield ProposedFix(
                replacement=match_case(text, target.text, at_sentence_start=target.start == target.sent.start),
                start=target.start_char,
                end=_end_without_punct(target) if template.target == "sentence" else target.end_char,
                description=template.description,
                safe=template.safe,
            )


def _end_without_punct(sentence: Span) -> int:
    end = len(sentence)
    while end > 0 and sentence[end - 1].is_punct:
        end -= 1
    return sentence[end - 1].idx + len(sentence[end - 1]) if end else sentence.start_char


# Token attributes the tokenizer alone decides: a pattern made of these matches the same on a parse.
TOKEN_TEXT_KEYS = frozenset({"LOWER", "ORTH", "TEXT", "OP"})


def reads_dependencies(spec: DeclarativeSpec) -> bool:
    """Whether a pattern of the rule (or of its conditions) tests a token's dependency label, or a custom
    attribute (`_`), which may read anything."""
    patterns = [
        *spec.patterns,
        *spec.when.sentence,
        *spec.when.next_sentence,
        *spec.unless.sentence,
        *spec.unless.next_sentence,
    ]
    return any(key.upper() in ("DEP", "_") for pattern in patterns for token in pattern for key in token)


def _tokens_only(pattern: TokenPattern) -> bool:
    return all(set(token) <= TOKEN_TEXT_KEYS for token in pattern)


def _matcher(vocab: Vocab, patterns: list[TokenPattern]) -> Matcher | None:
    if not patterns:
        return None
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    matcher.add("p", patterns)
    return matcher


def _matches(matcher: Matcher | None, span: Span | None) -> bool:
    return matcher is not None and span is not None and bool(matcher(span))


def condition_scope(span: Span) -> tuple[Span, Span | None]:
    """The sentence of a match and the one after it, as conditions see them.

    In unpunctuated transcript text the parser's sentence boundaries are guesses; there the whole turn
    is the sentence, so a condition is never lost to a wrong split.
    """
    doc = span.doc
    if not is_punctuated(doc):
        return doc[:], None
    return span.sent, _next_sentence(span.sent)


def _next_sentence(sentence: Span) -> Span | None:
    doc = sentence.doc
    return doc[sentence.end].sent if sentence.end < len(doc) else None


def required_words(spec: DeclarativeSpec) -> frozenset[str] | None:
    """Lowercase surface forms of which one must be present for the rule to fire, or None if unknown.

    Each pattern contributes the literal forms of one token it requires; a pattern whose required
    tokens are all non-literal (e.g. only LEMMA or POS) makes the rule unknowable (None).
    """
    words: set[str] = set()
    for pattern in spec.patterns:
        literal = _literal_forms(pattern)
        if literal is None:
            return None
        words |= literal
    for phrase in spec.phrases:
        phrase_words = [w.strip(",.?!") for w in phrase.lower().split() if w.strip(",.?!")]
        if not phrase_words:
            return None
        words.add(min(phrase_words, key=lambda w: (w in COMMON_WORDS, -len(w))))
    return frozenset(words)


# Very frequent Dutch words make poor triggers: a pattern anchored on them would send nearly every text
# to the parser. Among a pattern's required literal tokens the linter picks the least frequent one.
COMMON_WORDS = frozenset(
    "ik je jij u we wij ze zij hij het de een en of in op aan te van voor met is was zijn dat die dit er niet "
    "nog wel al ook maar dan zo nu even kan wil ga gaat heb heeft hebben wordt om bij uit naar als mijn uw".split()
)


def condition_words(conditions: Conditions) -> frozenset[str] | None:
    """Lowercase words of which one must occur in a text (as a substring) for `conditions` to hold there, or
    None when some pattern requires no literal token, or there are no conditions. NORM is left out: a
    token's norm need not be in the text ("'t" has the norm "het")."""
    patterns = [*conditions.sentence, *conditions.next_sentence]
    words: set[str] = set()
    for pattern in patterns:
        literal = _literal_forms(pattern, keys=("LOWER", "ORTH", "TEXT"))
        if literal is None:
            return None
        words |= literal
    return frozenset(words) if patterns else None


def _literal_forms(pattern: TokenPattern, keys: tuple[str, ...] = ("LOWER", "ORTH", "TEXT", "NORM")) -> set[str] | None:
    """The literal forms of the pattern's most selective required token, or None if it has none."""
    options: list[set[str]] = []
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        for key in keys:
            value = token.get(key)
            if isinstance(value, str):
                options.append({value.lower()})
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                options.append({str(v).lower() for v in value["IN"]})
    if not options:
        return None
    return min(options, key=lambda forms: (sum(form in COMMON_WORDS for form in forms), len(forms)))
