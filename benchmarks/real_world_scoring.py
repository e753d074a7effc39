"""Scoring klantlint on the real-world corpus: reading the corpus and the judgements, and the arithmetic.

No spaCy here: `benchmarks/real_world.py` runs klantlint and hands the findings over. The formats are documented
in `benchmarks/real/JUDGING.md`. Nothing is guessed: a finding without a judgement is UNJUDGED and counts in no
figure; figures over judged findings only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPLITS = ("dev", "test", "test2")
VERDICTS = ("TP", "FP")
VALUES = ("useful", "low")


class InputFault(ValueError):
    """A bad line in the corpus or the judgements, named by file and line."""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    kind: str
    variant: str
    split: str
    source: str = ""


@dataclass(frozen=True)
class Found:
    """One klantlint finding on an item: character offsets into the item's text."""

    id: str
    code: str
    start: int
    end: int
    text: str
    message: str = ""

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.id, self.code, self.start, self.end)


@dataclass(frozen=True)
class Verdict:
    verdict: str  # TP | FP
    value: str | None  # useful | low for a TP, None for an FP
    reason: str
    text: str


@dataclass(frozen=True)
class Miss:
    """Something a rule should have found on an item: its code and the words."""

    id: str
    code: str
    text: str
    reason: str


@dataclass
class Judgements:
    verdicts: dict[tuple[str, str, int, int], Verdict] = field(default_factory=dict)
    sampled: dict[str, list[Miss]] = field(default_factory=dict)  # no-finding sample: id -> misses (maybe none)
    known_misses: list[Miss] = field(default_factory=list)  # misses noted on items with findings


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputFault(f"{path}:{number}: geen geldige JSON: {error}") from None
            if not isinstance(record, dict):
                raise InputFault(f"{path}:{number}: een regel is een JSON-object")
            yield number, record


def _text(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise InputFault(f"{where}: '{key}' ontbreekt of is geen tekst")
    return value


def read_corpus(path: Path) -> list[Item]:
    items: list[Item] = []
    seen: set[str] = set()
    for number, record in _jsonl(path):
        where = f"{path}:{number}"
        item = Item(
            id=_text(record, "id", where),
            text=_text(record, "text", where),
            kind=_text(record, "kind", where),
            variant=_text(record, "variant", where),
            split=_text(record, "split", where),
            source=str(record.get("source", "")),
        )
        if item.split not in SPLITS:
            raise InputFault(f"{where}: split {item.split!r} is geen {' of '.join(SPLITS)}")
        if item.id in seen:
            raise InputFault(f"{where}: id {item.id!r} komt twee keer voor")
        seen.add(item.id)
        items.append(item)
    return items


def _miss(record: Any, item_id: str, where: str) -> Miss:
    if not isinstance(record, dict):
        raise InputFault(f"{where}: een gemiste melding is een object met code, text en reason")
    return Miss(item_id, _text(record, "code", where), _text(record, "text", where), str(record.get("reason", "")))


def read_judgements(path: Path, known_ids: set[str]) -> Judgements:
    """The judgements file: verdict lines, no-finding sample lines and known-miss lines (see JUDGING.md)."""
    judgements = Judgements()
    for number, record in _jsonl(path):
        where = f"{path}:{number}"
        item_id = _text(record, "id", where)
        if item_id not in known_ids:
            raise InputFault(f"{where}: id {item_id!r} staat niet in het corpus")
        if "verdict" in record:
            key, verdict = _verdict(record, item_id, where)
            if key in judgements.verdicts:
                raise InputFault(f"{where}: bevinding {key} is al beoordeeld")
            judgements.verdicts[key] = verdict
        elif record.get("sample") == "no-finding":
            misses = record.get("misses", [])
            if not isinstance(misses, list):
                raise InputFault(f"{where}: 'misses' is een lijst")
            if item_id in judgements.sampled:
                raise InputFault(f"{where}: item {item_id!r} staat al in de steekproef")
            judgements.sampled[item_id] = [_miss(miss, item_id, where) for miss in misses]
        elif "miss" in record:
            judgements.known_misses.append(_miss(record["miss"], item_id, where))
        else:
            raise InputFault(f"{where}: een regel heeft 'verdict', 'sample': 'no-finding' of 'miss'")
    return judgements


def _verdict(record: dict[str, Any], item_id: str, where: str) -> tuple[tuple[str, str, int, int], Verdict]:
    code = _text(record, "code", where)
    start, end = record.get("start"), record.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        raise InputFault(f"{where}: 'start' en 'end' zijn gehele getallen met 0 <= start < end")
    verdict, value = record["verdict"], record.get("value")
    if verdict not in VERDICTS:
        raise InputFault(f"{where}: verdict {verdict!r} is geen TP of FP")
    if verdict == "TP" and value not in VALUES:
        raise InputFault(f"{where}: een TP heeft value 'useful' of 'low', niet {value!r}")
    if verdict == "FP" and value is not None:
        raise InputFault(f"{where}: een FP heeft value null, niet {value!r}")
    reason = str(record.get("reason", ""))
    return (item_id, code, start, end), Verdict(verdict, value, reason, str(record.get("text", "")))


# -- the arithmetic -------------------------------------------------------------------------------------------------


def ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


@dataclass
class Tally:
    """Counts over a set of findings and items, and the figures derived from them."""

    items: int = 0
    findings: int = 0
    tp: int = 0
    fp: int = 0
    useful: int = 0
    low: int = 0
    unjudged: int = 0
    no_finding_items: int = 0  # items without any finding of the selected rules
    sampled: int = 0  # of those, judged in the no-finding sample
    sample_misses: int = 0  # misses the judge found in that sample
    known_misses: int = 0  # misses on items with findings, and judged TPs no longer found

    @property
    def judged(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.judged)

    @property
    def useful_share(self) -> float | None:
        """Useful TPs among all judged findings: the share a trainer would ask to rewrite."""
        return ratio(self.useful, self.judged)

    @property
    def estimated_misses(self) -> float | None:
        """Sample misses scaled to every no-finding item, plus the known misses; None without a sample."""
        if self.no_finding_items and not self.sampled:
            return None
        scaled = self.sample_misses * self.no_finding_items / self.sampled if self.sampled else 0.0
        return scaled + self.known_misses

    @property
    def estimated_recall(self) -> float | None:
        misses = self.estimated_misses
        return None if misses is None else ratio(self.tp, self.tp + misses)

    def as_dict(self) -> dict[str, Any]:
        names = ["items", "findings", "tp", "fp", "useful", "low", "unjudged", "no_finding_items", "sampled"]
        data: dict[str, Any] = {name: getattr(self, name) for name in names}
        data |= {"sample_misses": self.sample_misses, "known_misses": self.known_misses, "judged": self.judged}
        for name in ("precision", "useful_share", "estimated_misses", "estimated_recall"):
            value = getattr(self, name)
            data[name] = None if value is None else round(value, 4)
        return data


@dataclass
class Scored:
    """The outcome of one scoring run."""

    overall: Tally
    per_rule: dict[str, Tally]
    per_kind: dict[str, Tally]
    per_variant: dict[str, Tally]
    unjudged: list[Found]
    lost: list[tuple[tuple[str, str, int, int], Verdict]]  # judged TPs no longer found


def _overlaps(found: Iterable[Found], code: str, start: int, end: int) -> bool:
    return any(f.code == code and f.start < end and start < f.end for f in found)


def _miss_still_missed(miss: Miss, item: Item, found: list[Found]) -> bool:
    """A miss counts unless a finding of its code now overlaps its words (that finding is judged on its own)."""
    start = item.text.find(miss.text)
    if start < 0:
        return True
    return not _overlaps(found, miss.code, start, start + len(miss.text))


def score(
    items: list[Item],
    findings: dict[str, list[Found]],
    judgements: Judgements,
    codes: set[str],
) -> Scored:
    """Figures for `items` with klantlint's `findings` per item id, counting only the rules in `codes`."""
    overall, per_rule = Tally(), {code: Tally() for code in sorted(codes)}
    per_kind: dict[str, Tally] = {}
    per_variant: dict[str, Tally] = {}
    unjudged: list[Found] = []
    lost: list[tuple[tuple[str, str, int, int], Verdict]] = []
    by_item: dict[str, list[tuple[tuple[str, str, int, int], Verdict]]] = {}
    for key, verdict in judgements.verdicts.items():
        by_item.setdefault(key[0], []).append((key, verdict))
    misses_by_item: dict[str, list[Miss]] = {}
    for miss in judgements.known_misses:
        misses_by_item.setdefault(miss.id, []).append(miss)

    for item in items:
        found = [f for f in findings.get(item.id, []) if f.code in codes]
        tallies = [overall, per_kind.setdefault(item.kind, Tally()), per_variant.setdefault(item.variant, Tally())]
        for tally in tallies:
            tally.items += 1
            tally.no_finding_items += not found
        for finding in found:
            verdict = judgements.verdicts.get(finding.key)
            if verdict is None:
                unjudged.append(finding)
            for tally in [*tallies, per_rule[finding.code]]:
                _add_finding(tally, verdict)
        # Judged TPs that are no longer found (and not found again at an overlapping span) are misses now.
        for key, verdict in by_item.get(item.id, []):
            code = key[1]
            if code in codes and verdict.verdict == "TP" and not _overlaps(found, code, key[2], key[3]):
                lost.append((key, verdict))
                for tally in [*tallies, per_rule[code]]:
                    tally.known_misses += 1
        misses = [m for m in misses_by_item.get(item.id, []) if m.code in codes]
        if not found and item.id in judgements.sampled:
            sample = [m for m in judgements.sampled[item.id] if m.code in codes]
            for tally in tallies:
                tally.sampled += 1
                tally.sample_misses += len(sample)
            for miss in sample:
                per_rule[miss.code].known_misses += 1
        elif item.id in judgements.sampled:
            # Sampled when it had no finding; now it has one, so its misses are known misses on an item with findings.
            misses += [m for m in judgements.sampled[item.id] if m.code in codes]
        for miss in misses:
            if _miss_still_missed(miss, item, found):
                for tally in [*tallies, per_rule[miss.code]]:
                    tally.known_misses += 1
    return Scored(overall, per_rule, per_kind, per_variant, unjudged, lost)


def _add_finding(tally: Tally, verdict: Verdict | None) -> None:
    tally.findings += 1
    if verdict is None:
        tally.unjudged += 1
    elif verdict.verdict == "FP":
        tally.fp += 1
    else:
        tally.tp += 1
        if verdict.value == "useful":
            tally.useful += 1
        else:
            tally.low += 1


def in_split(items: list[Item], split: str) -> list[Item]:
    return items if split == "all" else [item for item in items if item.split == split]
