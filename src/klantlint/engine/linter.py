"""The Linter: loads the pipeline and compiles the rules once, then checks and fixes texts."""

from __future__ import annotations

import fnmatch
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from klantlint.config import Config
from klantlint.engine.base import Hit, ProposedFix, Rule, RuleContext, RuleInfo, UndeclaredRead, rule_options
from klantlint.engine.candidates import CandidateRules
from klantlint.engine.declarative import DeclarativeRule
from klantlint.engine.fixing import apply_fixes
from klantlint.engine.packs import bundled_pack_dir
from klantlint.engine.rule_set import RuleSet
from klantlint.engine.segment_cache import CheckedSegments, SegmentCache, SegmentEntry, SegmentKey
from klantlint.engine.selection import is_enabled
from klantlint.engine.suppression import ALL, Directive, parse_suppressions
from klantlint.engine.triggers import TriggerScanner, rules_that_may_fire
from klantlint.errors import ModelError, RulePackError
from klantlint.findings import Finding, FixResult, Suggestion
from klantlint.io.characters import analysable, readable, require_text
from klantlint.io.masking import line_starts, mask_markdown, mask_plain_text
from klantlint.io.segments import MAX_PARSE_CHARS, Segment, pieces, split_segments
from klantlint.nlp.pipeline import describe_model, load_pipeline, pipeline_label, resolve_model
from klantlint.nlp.staged import StagedPipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TextFormat = Literal["text", "markdown"]
Mode = Literal["fast", "full"]
SUPPRESSION_CODE = "KL900"
MAX_FIX_PASSES = 10
# Called with (characters checked, characters to check) while one long text is checked.
Progress = Callable[[int, int], None]
# Parsed docs kept for texts that document-scoped rules look at again in later conversations.
DOC_CACHE_CAPACITY = 256
# The `Rule.needs` levels that need the statistical pipeline; below them a tokenised doc does.
PARSED = frozenset({"tags", "tree"})
# Turn texts whose findings fast mode remembers (most turns have none: a small entry each).
TURN_FINDINGS_CAPACITY = 8192


class PreparedText(NamedTuple):
    """A text ready to lint: `turns` are its segments (paragraphs, speaker turns), `segments` the pieces of them
    that are parsed (the same, unless a turn is longer than `MAX_PARSE_CHARS`). A tuple: immutable, and quick to
    make for each of the many turns of a batch."""

    text: str
    segments: list[Segment]
    line_starts: list[int]
    turns: list[Segment]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


def prepare(text: str, text_format: TextFormat) -> PreparedText:
    """`text` masked and split into segments; control characters are read as spaces and lone surrogates as U+FFFD
    (see `klantlint.io.characters`), offsets unchanged."""
    analysed = analysable(text)
    text = readable(text)
    masked = mask_markdown(analysed) if text_format == "markdown" else mask_plain_text(analysed)
    turns = split_segments(masked)
    segments = [piece for turn in turns for piece in pieces(turn)]
    return PreparedText(text, turns if len(segments) == len(turns) else segments, line_starts(text), turns)


# What can make `prepare` do more than strip a one-line turn: a line break or control character (\x85 and the
# separators U+2028/U+2029 break lines too), a lone surrogate, a `#` comment, an e-mail address or URL ("@", "://",
# "www."), a speaker label (":"). A turn without any of these is masked to itself and is one segment. "www." is
# looked for apart: a class of single characters alone lets the regex engine scan the text at full speed.
_NOT_PLAIN_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff#@:]")
_NOT_PLAIN_STRING = "www."


def _is_plain_turn(text: str) -> bool:
    """Whether `prepare` would make `text` one segment of its stripped self (see `_NOT_PLAIN_CHARACTER`)."""
    return len(text) <= MAX_PARSE_CHARS and _NOT_PLAIN_STRING not in text and not _NOT_PLAIN_CHARACTER.search(text)


@lru_cache(maxsize=4096)
def _prepared_turn(text: str) -> PreparedText:
    """`prepare` for a transcript turn; turns repeat a lot, and a `PreparedText` is never changed. A plain one-line
    turn (most of them) skips masking and splitting: it is its own one segment, without surrounding blanks."""
    if not _is_plain_turn(text):
        return prepare(text, "text")
    body = text.strip()
    lead = len(text) - len(text.lstrip()) if body and text[0].isspace() else 0
    segments = [Segment(lead, body, "unknown")] if body else []
    return PreparedText(text, segments, [0], segments)


@dataclass
class ParseCounts:
    """How much text went through the statistical pipeline (fast mode counts each distinct text once)."""

    segments: int = 0  # segments linted (not customer turns)
    parsed: int = 0
    parsed_words: int = 0
    tokenised: int = 0  # fast mode: texts whose rules needed only tokens
    parsed_without_tree: int = 0  # fast mode: parsed texts that skipped the dependency parser


@dataclass(frozen=True)
class _LoadedPipeline:
    nlp: Language
    staged: StagedPipeline


@dataclass
class _Job:
    """One segment to check: the rules to run on its doc, and (fast mode) the cache entry its hits fill."""

    index: int
    segment: Segment
    context: RuleContext
    rules: list[Rule]
    entry: SegmentEntry | None

    def run(self, doc: Doc, hits: list[tuple[Rule, Segment, Hit]]) -> None:
        rules = self.rules
        if self.entry is not None and self.entry.hits is not None:
            # A repeat of a text checked earlier in this batch: reuse its hits, run only document rules.
            hits.extend((rule, self.segment, hit) for rule, hit in self.entry.hits)
            rules = [rule for rule in rules if rule.scope == "document"]
        found: list[tuple[Rule, Hit]] = []
        for rule in rules:
            try:
                # A segment-scoped rule sees the context without the document (reading it raises UndeclaredRead).
                found.extend((rule, hit) for hit in rule.check(doc, self.context.for_rule(rule)))
            except UndeclaredRead as error:
                raise UndeclaredRead(f"{rule.info.code} ({rule.info.source or type(rule).__name__}): {error}") from None
        if self.entry is not None and self.entry.hits is None:
            self.entry.hits = [(rule, hit) for rule, hit in found if rule.scope == "segment"]
        hits.extend((rule, self.segment, hit) for rule, hit in found)


class Linter:
    """Checks Dutch customer-service texts; build once and reuse (loading the pipeline is the slow part)."""

    def __init__(self, config: Config | None = None, *, catalogue: RuleSet, mode: Mode = "fast") -> None:
        """`catalogue`: fresh instances of every rule, this Linter's own (it compiles and configures them).

        The spaCy pipeline is loaded on first use (`load`): in fast mode, a text in which no rule's gate passes
        never needs it, so checking a clean script does not even import spaCy. The model is resolved here, so an
        unknown `model` is still reported when the Linter is built.
        """
        if mode not in ("fast", "full"):
            raise ValueError(f"mode must be 'fast' or 'full', not {mode!r}")
        self.mode = mode
        self.config = config or Config()
        with self._model_errors():
            resolve_model(self.config.model)
        self._loaded: _LoadedPipeline | None = None
        self._load_lock = threading.Lock()
        self.catalogue = catalogue
        self.all_rules = catalogue.phrase_rules
        infos = catalogue.infos()
        self.known_codes = {info.code for info in infos}
        self._default_codes = {info.code for info in infos if info.default}
        self.groups = {info.code: info.group for info in infos if info.group is not None}
        catalogue.check_config(self.config)
        self.conversation = catalogue.dialogue_checker(self._enabled, self.config)
        self.rules = [rule for rule in self.all_rules if self._enabled(rule.info.code)]
        for rule in self.rules:
            self._configure(rule)
        self._segment_rules = [rule for rule in self.rules if rule.scope == "segment"]
        self._document_rules = [rule for rule in self.rules if rule.scope == "document"]
        # Fast mode: the rules whose gates are worth asking of a text, from its trigger words (and a few substrings).
        self._segment_candidates = CandidateRules(self._segment_rules)
        self._document_candidates = CandidateRules(self._document_rules)
        # One scan finds the triggers and the cue words (most cue words are triggers too).
        triggers = {word for rule in self.rules for word in (rule.triggers or ())}
        self._scanner = TriggerScanner(triggers | self._segment_candidates.words | self._document_candidates.words)
        self._segment_cache = CheckedSegments(self._segment_rules)
        # Fast mode: the findings of a conversation turn's text where no document-level rule may fire.
        self._turn_findings: SegmentCache[str, tuple[Finding, ...]] = SegmentCache(capacity=TURN_FINDINGS_CAPACITY)
        # Parsed docs by text, with whether each has the dependency tree.
        self._doc_cache: SegmentCache[str, tuple[Doc, bool]] = SegmentCache(capacity=DOC_CACHE_CAPACITY)
        self.parse_counts = ParseCounts()
        if any(_from_own_pack(rule) for rule in self.rules):
            self.load()  # the patterns of the user's own packs are validated now, not when a text first needs them

    @contextmanager
    def _model_errors(self) -> Iterator[None]:
        """A model that cannot be found or loaded is reported with the config file that names it."""
        try:
            yield
        except ModelError as error:
            if self.config.source is None:
                raise
            raise ModelError(f"{self.config.source}: sleutel 'model': {error}") from None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use)."""
        return self.load()

    def load(self) -> Language:
        """Load the pipeline now and compile the rules against it (a no-op once done). Batch runs and the language
        server call it up front: forked workers then share the loaded pipeline, and the first keystroke does not
        wait for it."""
        return self._pipeline().nlp

    def _pipeline(self) -> _LoadedPipeline:
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._load_lock:
            if self._loaded is None:
                with self._model_errors():
                    nlp = load_pipeline(self.config.model)
                for rule in self.rules:
                    self._compile(rule, nlp)
                self._loaded = _LoadedPipeline(nlp, StagedPipeline(nlp))
            return self._loaded

    @property
    def pipeline_loaded(self) -> bool:
        """Whether the pipeline has been loaded (a clean text in fast mode does not need it)."""
        return self._loaded is not None

    @property
    def pipeline(self) -> str:
        """`name version` of the pipeline, read from its metadata when it is not loaded (yet)."""
        loaded = self._loaded
        return pipeline_label(loaded.nlp) if loaded is not None else describe_model(self.config.model)

    def rule_infos(self) -> list[RuleInfo]:
        return self.catalogue.infos()

    def enabled_codes(self) -> set[str]:
        """The codes of the rules this linter runs (phrase and conversation rules), after select and ignore."""
        return {code for code in self.known_codes if self._enabled(code)}

    def _enabled(self, code: str, extra_ignore: Iterable[str] = ()) -> bool:
        return is_enabled(
            code,
            self.config.select,
            [*self.config.ignore, *extra_ignore],
            extend_select=self.config.extend_select,
            in_default_set=code in self._default_codes,
            group=self.groups.get(code),
        )

    def _configure(self, rule: Rule) -> None:
        rule.options = rule_options(rule, self.config)
        with _invalid_patterns(rule):
            rule.configure(self.config)

    def _compile(self, rule: Rule, nlp: Language) -> None:
        if isinstance(rule, DeclarativeRule):
            with _invalid_patterns(rule):
                rule.compile(nlp.vocab, nlp.tokenizer)

    # -- checking -----------------------------------------------------------------------------

    def check(
        self,
        text: str,
        *,
        text_format: TextFormat = "text",
        path: str | None = None,
        progress: Progress | None = None,
    ) -> list[Finding]:
        """Findings for one text, sorted by position. `progress(done, total)` is called as its segments are checked
        (in characters of segment text), for a progress bar on a long text."""
        return next(self.check_many([text], text_format=text_format, paths=[path], progress=progress))

    def pipe(self, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1) -> Iterator[list[Finding]]:
        """Findings for each text, in order; parses in batches (and processes) for throughput."""
        yield from self.check_many(texts, batch_size=batch_size, n_process=n_process)

    def check_many(
        self,
        texts: Iterable[str],
        *,
        text_format: TextFormat = "text",
        paths: Iterable[str | None] | None = None,
        batch_size: int = 64,
        n_process: int = 1,
        progress: Progress | None = None,
    ) -> Iterator[list[Finding]]:
        path_iter = iter(paths) if paths is not None else None
        batch: list[tuple[PreparedText, str | None]] = []
        for text in texts:
            path = next(path_iter, None) if path_iter is not None else None
            batch.append((prepare(require_text(text, "Linter.check"), text_format), path))
            if len(batch) >= batch_size:
                yield from self._check_batch(batch, batch_size, n_process, progress=progress)
                batch = []
        if batch:
            yield from self._check_batch(batch, batch_size, n_process, progress=progress)

    def check_conversations(self, conversations: list[list[str]], batch_size: int = 256) -> list[list[list[Finding]]]:
        """Findings for each turn of each conversation, parsed in one batch; document-level rules (such as
        mixing "u" and "je") see all the turns of their own conversation together."""
        batch: list[tuple[PreparedText, str | None]] = [
            (_prepared_turn(text), None) for turns in conversations for text in turns
        ]
        document_ids = [number for number, turns in enumerate(conversations) for _ in turns]
        flat = iter(self._check_batch(batch, batch_size=batch_size, n_process=1, document_ids=document_ids))
        return [[next(flat) for _ in turns] for turns in conversations]

    @property
    def segment_cache(self) -> CheckedSegments:
        """What fast mode remembers per segment; parallel runs hand its entries between processes."""
        return self._segment_cache

    def _check_batch(
        self,
        batch: list[tuple[PreparedText, str | None]],
        batch_size: int,
        n_process: int,
        *,
        document_ids: list[int] | None = None,
        progress: Progress | None = None,
    ) -> Iterator[list[Finding]]:
        hits_by_text: list[list[tuple[Rule, Segment, Hit]]] = [[] for _ in batch]
        jobs: list[_Job] = []
        ids = document_ids if document_ids is not None else list(range(len(batch)))
        documents: dict[int, list[str]] = {}
        for (prepared, _), document in zip(batch, ids, strict=True):
            texts = documents.get(document)
            if texts is None:
                texts = documents[document] = []
            texts += [segment.text for segment in prepared.segments if segment.role != "customer"]
        document_tuples = {document: tuple(texts) for document, texts in documents.items()}
        fast = self.mode == "fast"
        counts = self.parse_counts
        # Fast mode, turns of conversations: a turn text's findings, when no document-level rule may fire in its
        # conversation (they then depend on the text alone), are remembered and handed out again.
        remembered = self._turn_findings if fast and document_ids is not None else None
        ready: dict[int, tuple[Finding, ...]] = {}
        # Fast mode: the document-level rules that may fire somewhere in each document.
        document_rules_by_id: dict[int, list[Rule]] = {}
        for index, (prepared, _) in enumerate(batch):
            document = ids[index]
            document_segments = document_tuples[document]
            document_rules = document_rules_by_id.get(document)
            if fast and document_rules is None:
                document_rules = document_rules_by_id[document] = [
                    rule for rule in self._document_rules if rule.may_fire_in_document(document_segments, self.config)
                ]
            if remembered is not None and not document_rules:
                found = remembered.get(prepared.text)
                if found is not None:
                    counts.segments += sum(1 for segment in prepared.segments if segment.role != "customer")
                    ready[index] = found
                    continue
            hits = hits_by_text[index]
            for segment in prepared.segments:
                if segment.role == "customer":
                    continue
                counts.segments += 1
                if fast:
                    job = self._plan_fast(index, prepared.text, segment, document_segments, document_rules or [], hits)
                    if job is not None:
                        jobs.append(job)
                    continue
                # The reference: every rule on every parsed text, no gate, so "fast == full" tests the gates.
                context = RuleContext(self.config, prepared.text, segment.role, document_segments)
                jobs.append(_Job(index, segment, context, list(self.rules), None))
        # With `progress`, the jobs go through the pipeline a slice at a time, reporting after each one.
        slices = [jobs[at : at + batch_size] for at in range(0, len(jobs), batch_size)] if progress else [jobs]
        total, done = sum(len(job.segment.text) for job in jobs), 0
        for part in slices:
            for job, doc in zip(part, self._docs(part, batch_size, n_process), strict=True):
                job.run(doc, hits_by_text[job.index])
            if progress is not None:
                done += sum(len(job.segment.text) for job in part)
                progress(done, total)
        for index, ((prepared, path), hits) in enumerate(zip(batch, hits_by_text, strict=True)):
            if index in ready:
                yield list(ready[index])
                continue
            findings = self._findings(prepared, path, hits)
            if remembered is not None and not document_rules_by_id[ids[index]]:
                remembered.put(prepared.text, tuple(findings))
            yield findings

    def _plan_fast(
        self,
        index: int,
        text: str,
        segment: Segment,
        document_segments: tuple[str, ...],
        document_rules: list[Rule],
        hits: list[tuple[Rule, Segment, Hit]],
    ) -> _Job | None:
        """The job for a segment of the `index`th text: the rules whose gate passes (of `document_rules` too), or
        None when nothing needs the doc (hits come from the cache). The segment's text is lowered once, for the
        trigger scan and the candidates of both scopes; the context is built only for a document gate or a job."""
        key = (segment.text, segment.role)
        entry = self._segment_cache.get(key)
        lowered: str | None = None
        if entry is None:
            lowered = segment.text.lower()
            entry = self._gated_segment(key, lowered)
        if document_rules:
            # Only the document rules whose cues the segment meets have a gate worth asking.
            lowered = segment.text.lower() if lowered is None else lowered
            picked = self._document_candidates.pick(segment.text, entry.found, lowered=lowered)
            document_rules = [rule for rule in picked if rule in document_rules]
        if entry.hits is not None:
            # A text checked before (or one where no segment rule may fire): its hits are known.
            if entry.hits:
                hits += [(rule, segment, hit) for rule, hit in entry.hits]
            if not document_rules:
                return None
        context = RuleContext(self.config, text, segment.role, document_segments)
        if document_rules:
            document_rules = self._may_fire(document_rules, segment.text, entry.found, context)
        if entry.hits is not None:
            return _Job(index, segment, context, document_rules, None) if document_rules else None
        return _Job(index, segment, context, [*entry.rules, *document_rules], entry)

    def _gated_segment(self, key: SegmentKey, lowered: str) -> SegmentEntry:
        """The cache entry for a segment text not seen before: its trigger words and the segment rules whose gate
        passes. Only the candidates whose cues the text meets are asked (the others' gates are false there)."""
        text, role = key
        found = self._scanner.scan(text, lowered=lowered)
        candidates = self._segment_candidates.pick(text, found, lowered=lowered)
        rules: list[Rule] = []
        if candidates:
            # A segment-scoped gate sees neither the whole text nor the document (see `RuleContext.segment_view`).
            rules = self._may_fire(candidates, text, found, RuleContext(self.config, text, role, scope="segment"))
        entry = SegmentEntry(found, rules, None if rules else [])
        self._segment_cache.put(key, entry)
        return entry

    def _may_fire(self, rules: list[Rule], text: str, found: frozenset[str], context: RuleContext) -> list[Rule]:
        """The rules whose gate passes on `text`. Before the pipeline is loaded, a declarative rule's gate cannot
        judge its tokens and passes more often (never less); only when some gate passes is the pipeline loaded and
        the sharp gates asked, so the answer is the same as with the pipeline loaded from the start."""
        may_fire = rules_that_may_fire(rules, text, found, context)
        if may_fire and self._loaded is None:
            self.load()
            may_fire = rules_that_may_fire(rules, text, found, context)
        return may_fire

    def _docs(self, jobs: list[_Job], batch_size: int, n_process: int) -> Iterator[Doc]:
        """A doc per job. Full mode parses every segment; fast mode parses each distinct text once, and only
        tokenises a text whose rules all do without the parse."""
        if not jobs:
            return  # nothing to parse, and no pipeline to load for it
        counts = self.parse_counts
        if self.mode == "full":
            counts.parsed += len(jobs)
            counts.parsed_words += sum(len(job.segment.text.split()) for job in jobs)
            yield from self.nlp.pipe((job.segment.text for job in jobs), batch_size=batch_size, n_process=n_process)
            return
        needs_parse: dict[str, bool] = {}
        needs_tree: dict[str, bool] = {}
        kept: set[str] = set()
        docs: dict[str, Doc] = {}
        for job in jobs:
            text = job.segment.text
            needed = any(rule.needs in PARSED for rule in job.rules)
            needs_parse[text] = needs_parse.get(text, False) or needed
            tree = any(rule.needs == "tree" for rule in job.rules)
            needs_tree[text] = needs_tree.get(text, False) or tree
            if needed and any(rule.scope == "document" for rule in job.rules):
                # Document-level hits are never cached, so a repeated text would be parsed again: keep its doc.
                kept.add(text)
        for text in kept:
            cached = self._doc_cache.get(text)
            if cached is not None and (cached[1] or not needs_tree[text]):
                docs[text] = cached[0]
        to_parse = [text for text, needed in needs_parse.items() if needed and text not in docs]
        counts.parsed += len(to_parse)
        counts.parsed_words += sum(len(text.split()) for text in to_parse)
        counts.tokenised += sum(1 for needed in needs_parse.values() if not needed)
        if n_process > 1:
            parsed = [(doc, True) for doc in self.nlp.pipe(to_parse, batch_size=batch_size, n_process=n_process)]
        else:
            parsed = self._pipeline().staged.parse(to_parse, [needs_tree[text] for text in to_parse], batch_size)
        for text, (doc, has_tree) in zip(to_parse, parsed, strict=True):
            docs[text] = doc
            counts.parsed_without_tree += not has_tree
            if text in kept:
                self._doc_cache.put(text, (_detached(doc), has_tree))
        for job in jobs:
            text = job.segment.text
            if text not in docs:
                docs[text] = self.nlp.make_doc(text)
            yield docs[text]

    def _findings(
        self, prepared: PreparedText, path: str | None, hits: list[tuple[Rule, Segment, Hit]]
    ) -> list[Finding]:
        if not hits and len(prepared.turns) < 2 and "klantlint:" not in prepared.text:
            return []  # no hit, not a dialogue, no suppression comment: the common case in transcripts
        turn_hits = hits if prepared.turns is prepared.segments else _on_turns(hits, prepared.turns)
        hits = [*hits, *self.conversation.script_hits(prepared.text, prepared.turns, turn_hits)]  # dialogue scripts
        file_ignores = self._file_ignores(path)
        suppressions = parse_suppressions(prepared.text)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule, segment, hit in hits:
            code = rule.info.code
            start, end = segment.start + hit.start, segment.start + hit.end
            if end <= start or (file_ignores and not self._enabled(code, file_ignores)):
                continue
            line, _ = prepared.position(start)
            if suppressions.suppresses(code, line, start):
                continue
            findings.setdefault((code, start, end), self._finding(rule.info, hit, prepared, segment, start, end))
        if suppressions.directives and self._enabled(SUPPRESSION_CODE) and SUPPRESSION_CODE in self.known_codes:
            for finding in self._suppression_findings(prepared, suppressions.directives):
                findings.setdefault((finding.code, finding.start, finding.end), finding)
        return sorted(findings.values(), key=lambda f: (f.start, f.end, f.code))

    def _file_ignores(self, path: str | None) -> list[str]:
        if path is None:
            return []
        return [
            code
            for pattern, codes in self.config.per_file_ignores.items()
            if fnmatch.fnmatch(path, pattern)
            for code in codes
        ]

    def _finding(
        self, info: RuleInfo, hit: Hit, prepared: PreparedText, segment: Segment, start: int, end: int
    ) -> Finding:
        line, column = prepared.position(start)
        return Finding(
            code=info.code,
            name=info.name,
            severity=self.config.severity.get(info.code, info.severity),
            message=hit.message or info.summary,
            start=start,
            end=end,
            line=line,
            column=column,
            text=prepared.text[start:end],
            suggestions=[_suggestion(fix, segment.start) for fix in hit.fixes],
        )

    def _suppression_findings(self, prepared: PreparedText, directives: list[Directive]) -> Iterator[Finding]:
        info = next(rule.info for rule in self.all_rules if rule.info.code == SUPPRESSION_CODE)
        for directive in directives:
            if directive.kind == "enable":
                continue
            unknown = [c for c in directive.codes if c != ALL and c not in self.known_codes]
            unused = [
                c
                for c in directive.codes
                if c not in unknown and c not in directive.used and (c == ALL or self._enabled(c))
            ]
            if unknown:
                message = f"Onbekende regelcode in onderdrukking: {', '.join(unknown)}."
            elif unused and directive.kind == "ignore":
                message = f"Onderdrukking van {', '.join(unused)} onderdrukt hier niets; haal hem weg."
            elif unused:
                message = f"Uitgeschakelde regio voor {', '.join(unused)} onderdrukt niets; haal hem weg."
            else:
                continue
            fixes: tuple[ProposedFix, ...] = ()
            removable = _comment_bounds(prepared.text, directive)
            if not directive.used and removable is not None:
                fixes = (ProposedFix("", *removable, "Verwijder de overbodige onderdrukking.", safe=True),)
            hit = Hit(directive.start, directive.end, message, fixes)
            yield self._finding(
                info, hit, prepared, Segment(0, prepared.text, "unknown"), directive.start, directive.end
            )

    # -- fixing -------------------------------------------------------------------------------

    def fix(self, text: str, *, unsafe: bool = False, text_format: TextFormat = "text") -> FixResult:
        """Apply safe suggestions (all first suggestions with `unsafe`) until nothing more applies."""
        applied: list[Finding] = []
        current = require_text(text, "Linter.fix")
        findings = self.check(current, text_format=text_format)
        for _ in range(MAX_FIX_PASSES):
            rewritten, used = apply_fixes(current, findings, unsafe=unsafe)
            if not used:
                break
            applied += used
            current = rewritten
            findings = self.check(current, text_format=text_format)
        return FixResult(text=current, applied=applied, remaining=findings)


def _detached(doc: Doc) -> Doc:
    """`doc`, with a copy of its tensor when that is a view. The pipeline hands each doc of a batch a slice of one
    array of the whole batch's tok2vec output, so a doc kept for later (the doc cache) would keep that whole array
    alive: about 100 KB for a doc of 10 tokens in a batch of 256 texts, where its own rows take 4 KB."""
    tensor = doc.tensor
    if getattr(tensor, "base", None) is not None:
        doc.tensor = tensor.copy()
    return doc


def _on_turns(hits: list[tuple[Rule, Segment, Hit]], turns: list[Segment]) -> list[tuple[Rule, Segment, Hit]]:
    """Hits on the pieces of long turns, as hits on the turns themselves (for the conversation rules)."""
    starts = [turn.start for turn in turns]
    moved = []
    for rule, piece, hit in hits:
        turn = turns[bisect_right(starts, piece.start) - 1]
        shift = piece.start - turn.start
        moved.append((rule, turn, replace(hit, start=hit.start + shift, end=hit.end + shift)))
    return moved


def _suggestion(fix: ProposedFix, offset: int) -> Suggestion:
    return Suggestion(
        replacement=fix.replacement,
        start=fix.start + offset,
        end=fix.end + offset,
        description=fix.description,
        safe=fix.safe,
    )


def _comment_bounds(text: str, directive: Directive) -> tuple[int, int] | None:
    """The whole comment holding a directive, with the spaces before it, when it holds nothing else."""
    line_start = text.rfind("\n", 0, directive.start) + 1
    html = text.rfind("<!--", line_start, directive.start)
    if html >= 0 and text[html + 4 : directive.start].strip() == "":
        close = text.find("-->", directive.start)
        if close < 0:
            return None
        start, end = html, close + 3
    else:
        hash_at = text.rfind("#", line_start, directive.start)
        if hash_at < 0 or text[hash_at + 1 : directive.start].strip():
            return None
        line_end = text.find("\n", directive.start)
        start, end = hash_at, len(text) if line_end < 0 else line_end
    while start > line_start and text[start - 1] in " \t":
        start -= 1
    return start, end


@contextmanager
def _invalid_patterns(rule: Rule) -> Iterator[None]:
    """A rule whose patterns spaCy refuses (or whose config it cannot use) is reported with its file and code."""
    try:
        yield
    except (ValueError, KeyError, TypeError) as error:
        raise RulePackError(f"{rule.info.source}: {rule.info.code}: patroon ongeldig: {error}") from None


def _from_own_pack(rule: Rule) -> bool:
    """Whether a rule comes from a pack of the user's (`rule_paths`), not from the packs klantlint ships (which its
    tests compile)."""
    return isinstance(rule, DeclarativeRule) and Path(rule.info.source).parent != bundled_pack_dir()
