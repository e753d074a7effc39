"""The report's figures, gathered in one streaming pass over a batch run's calls.

Memory is bounded by what the report shows, not by the number of calls: totals per agent and per day,
fixed score bins, the most frequent phrases per rule (a counter that is pruned when it grows large) and at
most `EXAMPLES_PER_RULE` examples per rule, the worst ones (lowest call score, then highest severity).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from klantlint.findings import SEVERITY_RANK, Severity, Suggestion
from klantlint.report.html.inputs import FindingRow, SummaryRow

EXAMPLES_PER_RULE = 5
TOP_PHRASES = 10
# A rule's phrase counter is cut back to its most frequent half when it holds more phrases than this.
PHRASE_LIMIT = 10_000
SCORE_BIN_WIDTH = 10
SCORE_BINS = 100 // SCORE_BIN_WIDTH
WARNING_SEVERITIES = frozenset({"warning", "error"})


@dataclass
class CallTotals:
    """Totals over a group of calls: all of them, one agent's, one day's."""

    calls: int = 0
    agent_words: int = 0
    findings: int = 0
    calls_without_warnings: int = 0
    score_total: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, row: SummaryRow, findings: list[FindingRow], has_warning: bool) -> None:
        self.calls += 1
        self.agent_words += row.agent_words
        self.findings += row.findings
        self.calls_without_warnings += not has_warning
        self.score_total += row.score
        self.counts.update(finding.code for finding in findings)

    def merge(self, other: CallTotals) -> None:
        self.calls += other.calls
        self.agent_words += other.agent_words
        self.findings += other.findings
        self.calls_without_warnings += other.calls_without_warnings
        self.score_total += other.score_total
        self.counts.update(other.counts)

    @property
    def findings_per_100_words(self) -> float:
        return self.findings * 100 / self.agent_words if self.agent_words else 0.0

    @property
    def share_without_warnings(self) -> float:
        return self.calls_without_warnings / self.calls if self.calls else 0.0

    @property
    def average_score(self) -> float:
        return self.score_total / self.calls if self.calls else 0.0

    @property
    def top_code(self) -> str | None:
        return self.counts.most_common(1)[0][0] if self.counts else None


@dataclass(frozen=True)
class Example:
    """One finding shown in the report, with the call it came from."""

    call_id: str
    agent_id: str | None
    call_score: float
    severity: Severity
    message: str
    turn_text: str | None
    start: int
    end: int
    text: str
    suggestion: Suggestion | None
    order: int  # position in the input, so equally bad examples keep input order

    @property
    def rank(self) -> tuple[float, int, int]:
        """Smaller is worse: lowest call score first, then the most severe, then the earliest."""
        return (self.call_score, -SEVERITY_RANK[self.severity], self.order)


@dataclass
class RuleTotals:
    """What the report shows for one rule code."""

    code: str
    name: str
    severity: Severity
    count: int = 0
    calls: int = 0
    phrases: Counter[str] = field(default_factory=Counter)
    examples: list[Example] = field(default_factory=list)

    def add(self, finding: FindingRow, call: SummaryRow, order: int) -> None:
        self.count += 1
        if SEVERITY_RANK[finding.severity] > SEVERITY_RANK[self.severity]:
            self.severity = finding.severity
        self.phrases[normalise_phrase(finding.text)] += 1
        if len(self.phrases) > PHRASE_LIMIT:
            self.phrases = Counter(dict(self.phrases.most_common(PHRASE_LIMIT // 2)))
        self._offer(finding, call, order)

    def _offer(self, finding: FindingRow, call: SummaryRow, order: int) -> None:
        # Examples are built only when kept. One per turn text: the same sentence five times teaches nothing.
        rank = (call.score, -SEVERITY_RANK[finding.severity], order)
        for index, kept in enumerate(self.examples):
            if kept.turn_text == finding.turn_text and kept.text == finding.text:
                if rank < kept.rank:
                    self.examples[index] = _example(call, finding, order)
                return
        if len(self.examples) < EXAMPLES_PER_RULE:
            self.examples.append(_example(call, finding, order))
            return
        worst_kept = max(range(len(self.examples)), key=lambda i: self.examples[i].rank)
        if rank < self.examples[worst_kept].rank:
            self.examples[worst_kept] = _example(call, finding, order)

    def top_phrases(self) -> list[tuple[str, int]]:
        return self.phrases.most_common(TOP_PHRASES)

    def worst_examples(self) -> list[Example]:
        return sorted(self.examples, key=lambda example: example.rank)


def normalise_phrase(text: str) -> str:
    return " ".join(text.lower().split())


def call_date(value: str | None) -> date | None:
    """The day of a call from its `date` field (`2026-11-03` or an ISO timestamp); None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


@dataclass
class ReportData:
    """Everything the HTML report shows."""

    overall: CallTotals = field(default_factory=CallTotals)
    rules: dict[str, RuleTotals] = field(default_factory=dict)
    score_bins: list[int] = field(default_factory=lambda: [0] * SCORE_BINS)
    agents: dict[str, CallTotals] = field(default_factory=dict)
    days: dict[date, CallTotals] = field(default_factory=dict)
    calls_without_agent: int = 0
    calls_without_date: int = 0
    findings_seen: int = 0

    def add_call(self, row: SummaryRow, findings: list[FindingRow]) -> None:
        has_warning = any(finding.severity in WARNING_SEVERITIES for finding in findings)
        self.overall.add(row, findings, has_warning)
        self.score_bins[min(int(row.score // SCORE_BIN_WIDTH), SCORE_BINS - 1)] += 1
        if row.agent_id:
            self.agents.setdefault(row.agent_id, CallTotals()).add(row, findings, has_warning)
        else:
            self.calls_without_agent += 1
        day = call_date(row.date)
        if day is not None:
            self.days.setdefault(day, CallTotals()).add(row, findings, has_warning)
        else:
            self.calls_without_date += 1
        for code in {finding.code for finding in findings}:
            self._rule(findings, code).calls += 1
        for finding in findings:
            self.findings_seen += 1
            self._rule(findings, finding.code).add(finding, row, self.findings_seen)

    def _rule(self, findings: list[FindingRow], code: str) -> RuleTotals:
        if code not in self.rules:
            first = next(finding for finding in findings if finding.code == code)
            self.rules[code] = RuleTotals(code=code, name=first.name, severity=first.severity)
        return self.rules[code]

    def rules_by_severity(self) -> list[RuleTotals]:
        """Errors first, then warnings, then info; within each, the most frequent rule first."""
        return sorted(self.rules.values(), key=lambda rule: (-SEVERITY_RANK[rule.severity], -rule.count, rule.code))


def _example(row: SummaryRow, finding: FindingRow, order: int) -> Example:
    return Example(
        call_id=row.call_id,
        agent_id=row.agent_id,
        call_score=row.score,
        severity=finding.severity,
        message=finding.message,
        turn_text=finding.turn_text,
        start=finding.start,
        end=finding.end,
        text=finding.text,
        suggestion=finding.suggestions[0] if finding.suggestions else None,
        order=order,
    )


DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DAYS_SHOWN_PER_DAY = 62
DAYS_SHOWN_PER_WEEK = 2 * 366


@dataclass(frozen=True)
class Trend:
    unit: str  # "dag", "week" or "maand"
    periods: list[tuple[str, CallTotals]]  # Dutch label and totals, oldest first


def trend_periods(days: dict[date, CallTotals]) -> Trend:
    """Totals per day, per week or per month, whichever keeps the chart readable."""
    span = (max(days) - min(days)).days if days else 0
    unit = "dag" if span <= DAYS_SHOWN_PER_DAY else "week" if span <= DAYS_SHOWN_PER_WEEK else "maand"
    periods: dict[tuple[int, int, int], tuple[str, CallTotals]] = {}
    for day in sorted(days):
        if unit == "dag":
            key, label = (day.year, day.month, day.day), f"{day.day} {DUTCH_MONTHS[day.month - 1]}"
        elif unit == "week":
            year, week, _ = day.isocalendar()
            key, label = (year, week, 0), f"wk {week} {year}"
        else:
            key, label = (day.year, day.month, 0), f"{DUTCH_MONTHS[day.month - 1]} {day.year}"
        periods.setdefault(key, (label, CallTotals()))[1].merge(days[day])
    return Trend(unit, [periods[key] for key in sorted(periods)])


def aggregate(calls: Iterable[tuple[SummaryRow, list[FindingRow]]]) -> ReportData:
    data = ReportData()
    for row, findings in calls:
        data.add_call(row, findings)
    return data
