"""The Dutch lexicon is the one place for shared word sets: no rule module keeps a copy of one."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

from klantlint.nlp import lexicon
from klantlint.nlp.lexicon import named_sets

# Packages whose modules hold Dutch word tables.
PACKAGES = ("checks", "conversation", "transcripts", "nlp", "engine")
MARK_SETS = {"sentence_end_marks", "clause_marks", "clause_or_sentence_marks"}


def _modules() -> list[ModuleType]:
    modules = []
    for package in PACKAGES:
        root = importlib.import_module(f"klantlint.{package}")
        for info in pkgutil.iter_modules(root.__path__, prefix=f"{root.__name__}."):
            if info.name != lexicon.__name__:
                modules.append(importlib.import_module(info.name))
    return modules


def copies_of_lexicon_sets(modules: list[ModuleType]) -> list[str]:
    """Module-level sets equal to a lexicon set without being it: a copy that a Dutch fix would miss."""
    by_words = {words: name for name, words in named_sets().items()}
    copies = []
    for module in modules:
        for attribute, value in vars(module).items():
            if isinstance(value, (frozenset, set)) and frozenset(value) in by_words:
                name = by_words[frozenset(value)]
                if value is not named_sets()[name]:
                    copies.append(f"{module.__name__}.{attribute} (import ${name} from klantlint.nlp.lexicon)")
    return copies


def test_no_module_keeps_a_copy_of_a_lexicon_set() -> None:
    assert copies_of_lexicon_sets(_modules()) == []


def sets_named_like_lexicon_sets(modules: list[ModuleType]) -> list[str]:
    """Module-level sets with a lexicon set's name but other words: the reader takes them for the lexicon's."""
    clashes = []
    for module in modules:
        for attribute, value in vars(module).items():
            shared = getattr(lexicon, attribute, None)
            if isinstance(value, (frozenset, set)) and isinstance(shared, frozenset) and value is not shared:
                clashes.append(f"{module.__name__}.{attribute}")
    return clashes


def test_no_module_set_is_named_like_a_different_lexicon_set() -> None:
    assert sets_named_like_lexicon_sets(_modules()) == []


def test_a_same_named_set_is_found() -> None:
    module = ModuleType("klantlint.checks.kl999_example")
    module.NEGATIONS = frozenset({"niet", "geen", "nooit"})  # type: ignore[attr-defined]
    assert sets_named_like_lexicon_sets([module]) == ["klantlint.checks.kl999_example.NEGATIONS"]


def test_a_copy_is_found() -> None:
    """The check above can fail: a module that defines its own "ik/we/wij" set is reported."""
    module = ModuleType("klantlint.checks.kl999_example")
    module.SPEAKERS = frozenset({"ik", "we", "wij"})  # type: ignore[attr-defined]
    module.FIRST_PERSON = lexicon.FIRST_PERSON  # type: ignore[attr-defined]
    assert copies_of_lexicon_sets([module]) == [
        "klantlint.checks.kl999_example.SPEAKERS (import $first_person from klantlint.nlp.lexicon)"
    ]


@pytest.mark.parametrize("name", sorted(set(named_sets()) - MARK_SETS))
def test_word_sets_hold_lowercase_words(name: str) -> None:
    """Rules compare a token's lowercase form with these sets: a capital or a space would never match."""
    words = named_sets()[name]
    assert words, name
    assert all(word == word.lower() and word.strip() and " " not in word for word in words), name


def test_lexicon_sets_are_distinct() -> None:
    """Two names for the same words would make a fix in one of them miss the rules that use the other."""
    sets = named_sets()
    assert len(set(sets.values())) == len(sets)
