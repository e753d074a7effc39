"""The conversation rules keep their measured quality on the labelled calls: a regression fails CI.

A finding counts when its code and turn index equal an expected one. The figures are printed by
benchmarks/quality.py. heldout.jsonl has been studied once its score was taken (it is no longer blind), so it
guards against regressions here too; blind.jsonl is never read by the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klantlint import Linter
from klantlint.conversation import CONVERSATION_CODES
from klantlint.evaluation import LabelledCall, RuleScore, conversation_predictions, read_call_corpus, score_calls

CALLS = Path(__file__).resolve().parent / "corpus" / "calls" / "calls.jsonl"
HELDOUT = CALLS.with_name("heldout.jsonl")
# Written to stress the conversation rules with diarised, speech-to-text and Flemish calls, and tuned on (issue 14).
STRESS = CALLS.with_name("stress_conv.jsonl")
TARGET_PRECISION = 0.90
TARGET_RECALL = 0.85
MIN_CALLS = 40
MIN_POSITIVES = 8


@pytest.fixture(scope="module")
def calls() -> list[LabelledCall]:
    return read_call_corpus(CALLS)


@pytest.fixture(scope="module")
def scores(linter: Linter, calls: list[LabelledCall]) -> dict[str, RuleScore]:
    results, _ = score_calls(calls, conversation_predictions(linter), sorted(CONVERSATION_CODES))
    return results


def test_call_corpus_is_large_and_covers_every_rule(calls: list[LabelledCall]) -> None:
    assert len(calls) >= MIN_CALLS
    assert sum(1 for c in calls if c.call.turns[0].start is not None) >= len(calls) // 2
    for code in CONVERSATION_CODES:
        assert sum(1 for c in calls if any(item[0] == code for item in c.expected)) >= MIN_POSITIVES, code
    assert any(not c.expected for c in calls)


def test_every_conversation_rule_meets_precision_and_recall_targets(scores: dict[str, RuleScore]) -> None:
    below = _below_targets(scores)
    assert not below, f"conversation rules below P {TARGET_PRECISION} / R {TARGET_RECALL}: {below}"


def test_the_studied_heldout_calls_stay_above_the_targets(linter: Linter) -> None:
    heldout = read_call_corpus(HELDOUT)
    assert len(heldout) >= 20
    results, _ = score_calls(heldout, conversation_predictions(linter), sorted(CONVERSATION_CODES))
    below = _below_targets(results)
    assert not below, f"conversation rules on heldout.jsonl below P {TARGET_PRECISION} / R {TARGET_RECALL}: {below}"


def test_the_stress_calls_stay_above_the_targets(linter: Linter) -> None:
    stress = read_call_corpus(STRESS)
    assert len(stress) >= 40
    results, _ = score_calls(stress, conversation_predictions(linter), sorted(CONVERSATION_CODES))
    below = _below_targets(results)
    assert not below, f"conversation rules on stress_conv.jsonl below P {TARGET_PRECISION} / R {TARGET_RECALL}: {below}"


def test_a_finding_at_the_wrong_turn_is_no_match(linter: Linter, calls: list[LabelledCall]) -> None:
    """Matching is on code and turn: moving every prediction one turn on loses every true positive."""
    predict = conversation_predictions(linter)

    def shifted(batch: list) -> list[set[tuple[str, int]]]:
        return [{(code, turn + 1) for code, turn in found} for found in predict(batch)]

    moved, _ = score_calls(calls[:15], shifted, sorted(CONVERSATION_CODES))
    assert sum(s.true_positives for s in moved.values()) == 0


def _below_targets(scores: dict[str, RuleScore]) -> dict[str, tuple[float, float]]:
    """The codes whose precision or recall is below the targets, with both figures rounded."""
    return {
        code: (round(s.precision, 3), round(s.recall, 3))
        for code, s in scores.items()
        if s.precision < TARGET_PRECISION or s.recall < TARGET_RECALL
    }
