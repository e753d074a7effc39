"""Scoring rules against a labelled corpus: per-rule precision, recall and F1.

Phrase rules are scored on labelled utterances (`tests/corpus/utterances.jsonl`), conversation rules on
labelled calls (`tests/corpus/calls/`), where a finding must also be at the expected turn. Used by
`benchmarks/quality.py` and by the regression tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from klantlint.transcripts.models import Call
from klantlint.transcripts.readers import call_from_record

if TYPE_CHECKING:
    from klantlint.api import Linter

Item = TypeVar("Item")


@dataclass(frozen=True)
class LabelledUtterance:
    id: str
    text: str
    codes: frozenset[str]
    style: str


@dataclass
class RuleScore:
    code: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_corpus(path: Path) -> list[LabelledUtterance]:
    def utterance(record: dict[str, Any], _: int) -> LabelledUtterance:
        return LabelledUtterance(
            record["id"], record["text"], frozenset(record["codes"]), record.get("style", "script")
        )

    return _read_jsonl(path, utterance, "corpus line")


def _read_jsonl(path: Path, convert: Callable[[dict[str, Any], int], Item], what: str) -> list[Item]:
    """Every non-blank line of a JSONL file, converted; a bad line raises ValueError naming file and line."""
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                items.append(convert(json.loads(line), number))
            except (KeyError, TypeError, ValueError) as error:  # json.JSONDecodeError is a ValueError
                raise ValueError(f"{path}:{number}: invalid {what}: {error}") from None
    return items


def score(
    utterances: list[LabelledUtterance],
    predict: Callable[[list[str]], Iterable[set[str]]],
    codes: Iterable[str],
) -> tuple[dict[str, RuleScore], list[tuple[LabelledUtterance, set[str]]]]:
    """Per-rule scores for `predict` (texts -> predicted code sets), and the utterances it got wrong."""
    scores = {code: RuleScore(code) for code in codes}
    mistakes = []
    for utterance, predicted in zip(utterances, predict([u.text for u in utterances]), strict=True):
        predicted = {code for code in predicted if code in scores}
        expected = {code for code in utterance.codes if code in scores}
        for code in predicted & expected:
            scores[code].true_positives += 1
        for code in predicted - expected:
            scores[code].false_positives += 1
        for code in expected - predicted:
            scores[code].false_negatives += 1
        if predicted != expected:
            mistakes.append((utterance, predicted))
    return scores, mistakes


# -- conversation rules on labelled calls -------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledCall:
    """A call with the conversation findings a trainer expects: (code, turn index) pairs."""

    call: Call
    expected: frozenset[tuple[str, int]]


def read_call_corpus(path: Path) -> list[LabelledCall]:
    """Calls in JSONL (`call_id`, `turns`, `direction`, `organisation`, `expected: [{code, turn_index}]`)."""

    def labelled_call(record: dict[str, Any], number: int) -> LabelledCall:
        call = call_from_record(record, str(path), number)
        expected = frozenset((item["code"], int(item["turn_index"])) for item in record.get("expected", []))
        return LabelledCall(call, expected)

    return _read_jsonl(path, labelled_call, "call corpus line")


def score_calls(
    calls: list[LabelledCall],
    predict: Callable[[list[Call]], Iterable[set[tuple[str, int]]]],
    codes: Iterable[str],
) -> tuple[dict[str, RuleScore], list[tuple[LabelledCall, set[tuple[str, int]]]]]:
    """Per-rule scores for `predict` (calls -> predicted (code, turn index) sets); a finding is a true positive
    when an expected one has the same code and turn index. Also returns the calls it got wrong."""
    scores = {code: RuleScore(code) for code in codes}
    mistakes = []
    for labelled, predicted in zip(calls, predict([c.call for c in calls]), strict=True):
        predicted = {item for item in predicted if item[0] in scores}
        expected = {item for item in labelled.expected if item[0] in scores}
        for code, _ in predicted & expected:
            scores[code].true_positives += 1
        for code, _ in predicted - expected:
            scores[code].false_positives += 1
        for code, _ in expected - predicted:
            scores[code].false_negatives += 1
        if predicted != expected:
            mistakes.append((labelled, predicted))
    return scores, mistakes


def conversation_predictions(linter: Linter) -> Callable[[list[Call]], list[set[tuple[str, int]]]]:
    """`predict` for `score_calls`: the (code, turn index) of every finding `linter` reports on each call."""

    def predict(calls: list[Call]) -> list[set[tuple[str, int]]]:
        return [
            {(item.finding.code, item.turn_index) for item in result.findings} for result in linter.check_calls(calls)
        ]

    return predict
