"""Fast mode skips the dependency parser where no rule reads the tree and punctuation fixes the sentences."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import klantlint.checks
import klantlint.nlp
from klantlint import Linter
from klantlint.checks import builtin_rules
from klantlint.engine import rewrite
from klantlint.engine.declarative import DeclarativeSpec, reads_dependencies
from klantlint.engine.packs import bundled_pack_dir, load_pack, pack_files
from klantlint.nlp.pipeline import load_pipeline
from klantlint.nlp.staged import StagedPipeline
from klantlint.testing import ALL_RULES

PUNCTUATED = [
    "Helaas kan dat niet. Ik kijk wat wel kan!",
    "Wat was uw naam? En uw postcode?",
    "U moet het formulier opnieuw invullen.",
    "Dat is door de monteur gedaan.",
    "Ja.",
]
UNPUNCTUATED = "helaas kan dat niet ik kijk wat wel kan wat was uw naam"
# Reading any of these needs the dependency parse.
TREE_ATTRIBUTES = re.compile(
    r"\.(head|dep_?|children|subtree|lefts|rights|n_lefts|n_rights|ancestors|root|left_edge|right_edge|"
    r"conjuncts|noun_chunks|is_ancestor)\b"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("bundled")


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, bool | None]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.is_sent_start) for t in doc]


def test_punctuated_text_without_tree_equals_the_full_parse_but_for_the_tree(nlp: Language) -> None:
    staged = StagedPipeline(nlp)
    assert staged.can_skip_parser
    results = staged.parse(PUNCTUATED, [False] * len(PUNCTUATED), batch_size=2)
    for (doc, has_tree), full in zip(results, nlp.pipe(PUNCTUATED), strict=True):
        assert not has_tree
        assert _annotations(doc) == _annotations(full)
        assert [s.start for s in doc.sents] == [s.start for s in full.sents]
        assert all(token.head.i == token.i for token in doc)
    assert any(token.head.i != token.i for doc in nlp.pipe(PUNCTUATED[:1]) for token in doc)


def test_the_parser_runs_where_it_decides_sentences_or_a_rule_needs_the_tree(nlp: Language) -> None:
    texts = [UNPUNCTUATED, PUNCTUATED[0], PUNCTUATED[1]]
    results = StagedPipeline(nlp).parse(texts, [False, True, False], batch_size=8)
    assert [has_tree for _, has_tree in results] == [True, True, False]
    for (doc, _), full in list(zip(results, nlp.pipe(texts), strict=True))[:2]:
        assert _annotations(doc) == _annotations(full)
        assert [(t.head.i, t.dep_) for t in doc] == [(t.head.i, t.dep_) for t in full]


def test_unknown_components_after_the_parser_keep_the_full_parse() -> None:
    nlp = load_pipeline("bundled")
    copy = Language(vocab=nlp.vocab)
    for name in nlp.pipe_names:
        copy.add_pipe(name, source=nlp)
    copy.add_pipe("sentencizer", name="late_component")
    staged = StagedPipeline(copy)
    assert not staged.can_skip_parser
    assert [has_tree for _, has_tree in staged.parse(PUNCTUATED[:2], [False, False], batch_size=8)] == [True, True]


def _modules_of_tree_free_rules() -> list[ModuleType]:
    needing = {type(rule).__module__ for rule in builtin_rules() if rule.needs == "tree"}
    checks = [
        importlib.import_module(f"klantlint.checks.{m.name}") for m in pkgutil.iter_modules(klantlint.checks.__path__)
    ]
    helpers = [importlib.import_module(f"klantlint.nlp.{m.name}") for m in pkgutil.iter_modules(klantlint.nlp.__path__)]
    return [module for module in checks if module.__name__ not in needing] + helpers + [rewrite]


def test_rules_that_declare_no_tree_read_none() -> None:
    needing = sorted(rule.info.code for rule in builtin_rules() if rule.needs == "tree")
    assert needing == ["KL003", "KL015", "KL018"]
    for module in _modules_of_tree_free_rules():
        source = inspect.getsource(module)
        assert not TREE_ATTRIBUTES.findall(source), module.__name__


def test_a_declarative_rule_reads_the_tree_only_with_a_dependency_pattern() -> None:
    bundled = [rule for path in pack_files(bundled_pack_dir()) for rule in load_pack(path)]
    assert bundled
    assert not any(rule.needs == "tree" for rule in bundled)
    spec = bundled[0].spec
    with_dep = DeclarativeSpec.model_validate(
        {**spec.model_dump(), "unless": {"sentence": [[{"DEP": "nsubj", "LOWER": "ik"}]]}}
    )
    assert reads_dependencies(with_dep)
    assert not reads_dependencies(spec)


def test_fast_mode_skips_the_parser_for_tree_free_rules_on_punctuated_text() -> None:
    fast, full = Linter(ALL_RULES, mode="fast"), Linter(ALL_RULES, mode="full")
    texts = ["Wat was uw naam? Dan zoek ik het op.", "Stuurt u maar een e-mail.", UNPUNCTUATED + " wat was uw naam"]
    assert list(fast.pipe(texts)) == list(full.pipe(texts))
    assert fast.parse_counts.parsed_without_tree >= 1
    assert fast.parse_counts.parsed_without_tree < fast.parse_counts.parsed
