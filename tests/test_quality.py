"""Every rule keeps its measured quality on the labelled corpus: a regression fails CI.

The figures themselves (beside the naive baseline) are printed by benchmarks/quality.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klantlint import Linter
from klantlint.evaluation import RuleScore, read_corpus, score

CORPUS = Path(__file__).resolve().parent / "corpus" / "utterances.jsonl"
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.90
META_RULES = {"KL900"}


@pytest.fixture(scope="module")
def scores(linter: Linter) -> dict[str, RuleScore]:
    codes = [info.code for info in linter.rule_infos() if info.code not in META_RULES]
    utterances = read_corpus(CORPUS)
    results, _ = score(utterances, lambda texts: [{f.code for f in fs} for fs in linter.pipe(texts)], codes)
    return results


def test_corpus_is_large_and_balanced() -> None:
    utterances = read_corpus(CORPUS)
    assert len(utterances) >= 400
    assert sum(1 for u in utterances if not u.codes) >= 60
    for number in range(1, 19):
        code = f"KL{number:03d}"
        assert sum(1 for u in utterances if code in u.codes) >= 12, code
        assert sum(1 for u in utterances if u.id.startswith(f"{code.lower()}-neg")) >= 12, code


def test_every_rule_meets_precision_and_recall_targets(scores: dict[str, RuleScore]) -> None:
    below = {
        code: (round(s.precision, 3), round(s.recall, 3))
        for code, s in scores.items()
        if s.precision < TARGET_PRECISION or s.recall < TARGET_RECALL
    }
    assert not below, f"rules below P {TARGET_PRECISION} / R {TARGET_RECALL}: {below}"


SUGGESTION_REQUIRED = {f"KL{number:03d}" for number in [*range(1, 14), 17, 18]}


def test_findings_carry_suggestions_and_fixes_are_clean(linter: Linter) -> None:
    """Every KL001-KL013/KL017/KL018 finding has a suggestion; after fix(unsafe) the fixed rules are quiet."""
    for utterance in read_corpus(CORPUS):
        findings = linter.check(utterance.text)
        assert all(f.suggestions for f in findings if f.code in SUGGESTION_REQUIRED), utterance.text
        result = linter.fix(utterance.text, unsafe=True)
        fixed_codes = {f.code for f in result.applied}
        assert not [f.code for f in result.remaining if f.code in fixed_codes], (utterance.text, result.text)
