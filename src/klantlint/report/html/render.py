"""The report as one self-contained HTML page: a Jinja2 template (autoescaped), inline SVG charts, no network.

Every piece of input text reaches the page through the template's autoescaping; only the charts (SVG that
matplotlib escapes) and the page's own sorting script are inserted as markup. A Content-Security-Policy
forbids loading anything and runs only that script (by its hash).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

import jinja2
from markupsafe import Markup

from klantlint import __version__
from klantlint.config import ReportConfig
from klantlint.engine.base import EXPLANATION_SECTIONS, RuleInfo
from klantlint.io.wording import number as nl_number
from klantlint.report.html.aggregate import SCORE_BIN_WIDTH, Example, ReportData, RuleTotals, trend_periods
from klantlint.report.html.charts import RuleBar, TrendPoint, rules_chart, score_chart, trend_chart

AGENT_ROWS = 500
DEFAULT_MIN_AGENT_CALLS = ReportConfig().min_agent_calls
CONTEXT_CHARS = 160
SAFE_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    value: float
    text: str
    note: str = ""


@dataclass(frozen=True)
class Excerpt:
    """A piece of a turn around a span: `before`, the span itself, `after` (clipped to some context)."""

    before: str
    middle: str
    after: str


@dataclass(frozen=True)
class ExampleView:
    call_id: str
    agent_id: str | None
    score: str
    severity: str
    message: str
    turn: Excerpt
    rewrite: Excerpt | None
    rewrite_note: str
    advice: str = ""  # without a rewrite: what better sounds like, from the rule's explanation ("Beter")


@dataclass(frozen=True)
class RuleView:
    anchor: str
    code: str
    name: str
    severity: str
    count: int
    calls: int
    summary: str
    explanation: list[tuple[str, str]]
    phrases: list[tuple[str, int]]
    examples: list[ExampleView]


@dataclass(frozen=True)
class AgentRow:
    agent_id: str
    calls: int
    agent_words: int
    findings: int
    per_100_words: float
    share_without_warnings: float
    average_score: float
    top_code: str


def _clip_left(text: str) -> str:
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text[-CONTEXT_CHARS:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def _clip_right(text: str) -> str:
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text[:CONTEXT_CHARS]
    return cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…"


def _excerpt(text: str, start: int, end: int, middle: str | None = None) -> Excerpt:
    return Excerpt(_clip_left(text[:start]), text[start:end] if middle is None else middle, _clip_right(text[end:]))


def example_view(example: Example, advice: str = "") -> ExampleView:
    """How one example is shown; `advice` (the rule's "Beter" section) stands in for a missing rewrite, as for the
    conversation rules, which judge a whole opening or closing and propose no rewrite of it."""
    turn_text = example.turn_text or ""
    in_context = bool(turn_text) and turn_text[example.start : example.end] == example.text
    turn = _excerpt(turn_text, example.start, example.end) if in_context else Excerpt("", example.text, "")
    rewrite: Excerpt | None = None
    note = "Geen herschrijving voorgesteld."
    suggestion = example.suggestion
    if suggestion is not None:
        if in_context and 0 <= suggestion.start <= suggestion.end <= len(turn_text):
            rewrite = _excerpt(turn_text, suggestion.start, suggestion.end, suggestion.replacement)
        else:
            rewrite = Excerpt("", suggestion.replacement, "")
        note = suggestion.description + ("" if suggestion.safe else " (controleer de herschrijving)")
        if not suggestion.replacement:
            note = "Weglaten. " + note
    return ExampleView(
        call_id=example.call_id,
        agent_id=example.agent_id,
        score=nl_number(example.call_score, 1),
        severity=example.severity,
        message=example.message,
        turn=turn,
        rewrite=rewrite,
        rewrite_note=note,
        advice="" if rewrite is not None else advice.strip(),
    )


def _anchors(rules: list[RuleTotals]) -> dict[str, str]:
    return {
        rule.code: f"regel-{rule.code}" if SAFE_CODE.match(rule.code) else f"regel-{index}"
        for index, rule in enumerate(rules)
    }


def _rule_view(rule: RuleTotals, anchor: str, info: RuleInfo | None) -> RuleView:
    explanation = (
        [(title, getattr(info.explanation, key).strip()) for key, title in EXPLANATION_SECTIONS.items()]
        if info is not None
        else []
    )
    return RuleView(
        anchor=anchor,
        code=rule.code,
        name=info.name if info is not None else rule.name,
        severity=rule.severity,
        count=rule.count,
        calls=rule.calls,
        summary=info.summary if info is not None else "Onbekende regel: geen uitleg beschikbaar.",
        explanation=explanation,
        phrases=rule.top_phrases(),
        examples=[example_view(example, info.explanation.beter if info else "") for example in rule.worst_examples()],
    )


def _headlines(data: ReportData) -> list[Headline]:
    overall = data.overall
    return [
        Headline("calls", "Gesprekken", overall.calls, nl_number(overall.calls)),
        Headline("agent-words", "Agentwoorden", overall.agent_words, nl_number(overall.agent_words)),
        Headline(
            "findings-per-100-words",
            "Bevindingen per 100 agentwoorden",
            overall.findings_per_100_words,
            nl_number(overall.findings_per_100_words, 2),
            f"{nl_number(overall.findings)} bevindingen in totaal",
        ),
        Headline(
            "share-without-warnings",
            "Gesprekken zonder waarschuwingen",
            overall.share_without_warnings * 100,
            nl_number(overall.share_without_warnings * 100, 1) + "%",
            f"{nl_number(overall.calls_without_warnings)} van {nl_number(overall.calls)}; alleen info telt niet mee",
        ),
        Headline("average-score", "Gemiddelde score", overall.average_score, nl_number(overall.average_score, 1)),
    ]


def _agent_rows(data: ReportData, min_calls: int) -> tuple[list[AgentRow], list[AgentRow]]:
    """The agents with at least `min_calls` calls, worst first (the ranking), and the others by id."""
    rows = [
        AgentRow(
            agent_id=agent_id,
            calls=totals.calls,
            agent_words=totals.agent_words,
            findings=totals.findings,
            per_100_words=totals.findings_per_100_words,
            share_without_warnings=totals.share_without_warnings * 100,
            average_score=totals.average_score,
            top_code=totals.top_code or "",
        )
        for agent_id, totals in data.agents.items()
    ]
    ranked = sorted((row for row in rows if row.calls >= min_calls), key=lambda row: (-row.per_100_words, row.agent_id))
    unranked = sorted((row for row in rows if row.calls < min_calls), key=lambda row: row.agent_id)
    return ranked, unranked


def _script() -> tuple[Markup, str]:
    script = resources.files(__package__).joinpath("sortable.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return Markup(script), f"'sha256-{digest}'"


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True)
    environment.filters["nl"] = nl_number
    return environment


def render_report(
    data: ReportData,
    rule_infos: list[RuleInfo],
    *,
    findings_name: str,
    summary_name: str,
    min_agent_calls: int = DEFAULT_MIN_AGENT_CALLS,
) -> str:
    """The whole page as a string; agents with fewer than `min_agent_calls` calls are listed but not ranked."""
    infos = {info.code: info for info in rule_infos}
    rules = data.rules_by_severity()
    anchors = _anchors(rules)
    bars = [
        RuleBar(
            rule.code,
            infos[rule.code].name if rule.code in infos else rule.name,
            rule.severity,
            rule.count,
            anchors[rule.code],
        )
        for rule in rules
    ]
    trend = trend_periods(data.days)
    points = [TrendPoint(label, totals.findings_per_100_words, totals.average_score) for label, totals in trend.periods]
    agents, unranked_agents = _agent_rows(data, min_agent_calls)
    script, script_hash = _script()
    template = _environment().from_string(
        resources.files(__package__).joinpath("report.html.j2").read_text(encoding="utf-8")
    )
    return template.render(
        title="klantlint-rapport",
        version=__version__,
        generated=datetime.now().strftime("%d-%m-%Y %H:%M"),
        findings_name=findings_name,
        summary_name=summary_name,
        headlines=_headlines(data),
        data=data,
        rules_svg=Markup(rules_chart(bars)) if bars else None,
        score_svg=Markup(score_chart(data.score_bins, SCORE_BIN_WIDTH)) if data.overall.calls else None,
        trend_svg=Markup(trend_chart(points)) if points else None,
        trend_unit=trend.unit,
        bin_width=SCORE_BIN_WIDTH,
        rules=[_rule_view(rule, anchors[rule.code], infos.get(rule.code)) for rule in rules],
        quiet_rules=[info for info in rule_infos if info.code not in data.rules],
        agents=agents[:AGENT_ROWS],
        agents_total=len(agents),
        unranked_agents=unranked_agents[:AGENT_ROWS],
        unranked_total=len(unranked_agents),
        min_agent_calls=min_agent_calls,
        script=script,
        script_hash=script_hash,
    )
