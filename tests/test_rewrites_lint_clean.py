"""Property: a suggestion, applied, leaves text that lints clean over what it rewrote (issue 14, part 2).

Over every suggestion klantlint makes on the development corpus, the phrase set formerly held out and every rule's
examples: the rewritten text has no warning or error finding over the rewritten span, except a problem the
original already had there (as many of the same rule), which its own rule still reports and fixes. A rewrite may
not bring a problem of its own. And a KL015 rewrite inside a subordinate clause keeps the verb last.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from klantlint import Config, Finding, Linter, Suggestion

CORPORA = Path(__file__).parent / "corpus"
BLOCKING = frozenset({"warning", "error"})
# "dat wij het hebben opgelost": after a subordinator the finite verb comes last, not second.
SUBORDINATOR_BEFORE = re.compile(r"\b(?:dat|omdat|zodat|als|wanneer|terwijl|zodra|nadat|voordat|doordat|of)\s+\Z", re.I)
FINITE_AFTER_WIJ = frozenset({"hebben", "hadden", "zijn", "waren", "worden", "werden"})


@cache
def _linter() -> Linter:
    return Linter(Config(select=["ALL"]))  # every rule, opt-in ones too


def _texts() -> list[str]:
    texts: list[str] = []
    for name in ("utterances.jsonl", "heldout.jsonl"):
        with (CORPORA / name).open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    for info in _linter().rule_infos():
        texts += [*info.bad_examples, *info.good_examples]
    return list(dict.fromkeys(texts))


def _cases() -> list[tuple[str, Finding, Suggestion]]:
    return [
        (text, finding, fix) for text in _texts() for finding in _linter().check(text) for fix in finding.suggestions
    ]


def _applied(text: str, fix: Suggestion) -> str:
    return text[: fix.start] + fix.replacement + text[fix.end :]


def _blocking_over(findings: list[Finding], start: int, end: int) -> Counter[str]:
    """How many warnings and errors of each rule overlap `start:end` (a deletion: its position)."""
    end = max(end, start + 1)
    return Counter(f.code for f in findings if str(f.severity) in BLOCKING and f.start < end and f.end > start)


def _new_problems(text: str, fix: Suggestion) -> Counter[str]:
    """Warnings and errors over the rewrite beyond those the original had over the text it replaced (a problem of
    another rule that the rewrite carries along, such as a form of address it keeps, stays that rule's finding)."""
    rewritten = _applied(text, fix)
    after = _blocking_over(_linter().check(rewritten), fix.start, fix.start + len(fix.replacement))
    before = _blocking_over(_linter().check(text), fix.start, fix.end)
    return after - before


CASES = _cases()


def test_the_corpora_give_many_suggestions() -> None:
    assert len(CASES) > 300


@pytest.mark.parametrize(("text", "finding", "fix"), CASES, ids=lambda value: None)
def test_an_applied_suggestion_brings_no_warning_or_error(text: str, finding: Finding, fix: Suggestion) -> None:
    assert not _new_problems(text, fix), (finding.code, text, _applied(text, fix))


def test_kl015_rewrites_in_a_subordinate_clause_keep_the_verb_last() -> None:
    checked = 0
    for text, finding, fix in CASES:
        if finding.code != "KL015" or not SUBORDINATOR_BEFORE.search(text[: fix.start]):
            continue
        words = fix.replacement.rstrip(".?!").split()
        assert words[0].lower() == "wij" and words[1].lower() not in FINITE_AFTER_WIJ, (text, fix.replacement)
        checked += 1
    assert checked > 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A rewrite of the whole unit drops a hang-up that was in it; it does not carry it along.
        ("daar ga ik niet over ik hang u even op", "hang u even op"),
        ("Dat weet ik niet hoor, ik hang u nu op.", "hang u nu op"),
    ],
)
def test_a_kl010_rewrite_does_not_keep_a_hang_up(text: str, words: str) -> None:
    fixes = [fix for f in _linter().check(text) if f.code == "KL010" for fix in f.suggestions]
    assert fixes
    for fix in fixes:
        rewritten = _applied(text, fix)
        assert words not in rewritten
        assert not [f for f in _linter().check(rewritten) if str(f.severity) in BLOCKING]
