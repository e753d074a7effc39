"""Scoring rules against a labelled corpus: per-rule precision, recall and F1.

Used by `benchmarks/quality.py` and by the regression test over `tests/corpus/`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


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
    utterances = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                utterances.append(
                    LabelledUtterance(
                        record["id"], record["text"], frozenset(record["codes"]), record.get("style", "script")
                    )
                )
            except (json.JSONDecodeError, KeyError) as error:
                raise ValueError(f"{path}:{number}: invalid corpus line: {error}") from None
    return utterances


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
