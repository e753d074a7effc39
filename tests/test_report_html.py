"""The HTML report: figures equal those computed from the batch outputs, transcript text is escaped, bounds hold."""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from klantlint import Linter
from klantlint.batch.runner import BatchOptions, run_batch
from klantlint.config import ReportConfig
from klantlint.findings import Suggestion
from klantlint.report.html import build_report
from klantlint.report.html.aggregate import (
    EXAMPLES_PER_RULE,
    PHRASE_LIMIT,
    TOP_PHRASES,
    CallTotals,
    Example,
    ReportData,
    RuleTotals,
    normalise_phrase,
    trend_periods,
)
from klantlint.report.html.inputs import FindingRow, SummaryRow
from klantlint.report.html.render import example_view, render_report
from tests.cli_helpers import run_cli

pytest.importorskip("matplotlib", reason="the HTML report needs the report extra (pip install -e '.[test]')")

OPENING = "Goedemorgen, u spreekt met Kim van Zonnestroom, waarmee kan ik u helpen?"
AGENT_LINES = [
    "Wat was uw naam ook alweer?",
    "Dat regel ik meteen voor u.",
    "Helaas kan dat niet.",
    "Ik hang u even op.",
    "Ik stuur u vandaag nog een bevestiging.",
    "Stuur maar een mailtje.",
    "Ik maak een ticket aan voor de backoffice.",
    "Dank u wel voor het wachten.",
    "Geen probleem.",
    "U moet eerst inloggen.",
    "Ik zie het hier staan, dat klopt.",
    "Heeft u verder nog vragen?",
]
CUSTOMER_LINES = ["Ik bel over mijn factuur.", "Nee, dat klopt niet.", "Oké, dank u.", "Mijn naam is Jansen."]
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = '"><img src=x onerror=alert(1)>'


def write_calls(
    path: Path, count: int, seed: int, *, agent_ids: bool = True, dates: bool = True, extra: tuple[dict, ...] = ()
) -> None:
    """`count` calls (JSONL, one per line) with a greeting and a random mix of good and bad agent lines."""
    rng = random.Random(seed)
    first_day = date(2026, 11, 2)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            turns = [{"speaker": "Agent", "text": OPENING}]
            for _ in range(rng.randint(2, 8)):
                speaker, lines = rng.choice([("Klant", CUSTOMER_LINES), ("Agent", AGENT_LINES), ("Agent", AGENT_LINES)])
                turns.append({"speaker": speaker, "text": " ".join(rng.sample(lines, rng.randint(1, 2)))})
            call: dict[str, object] = {"call_id": f"c{number:04d}", "turns": turns}
            if agent_ids:
                call["agent_id"] = f"agent-{number % 5}"
            if dates:
                call["date"] = (first_day + timedelta(days=number % 9)).isoformat()
            handle.write(json.dumps(call, ensure_ascii=False) + "\n")
        for call in extra:
            handle.write(json.dumps(call, ensure_ascii=False) + "\n")


@dataclass
class Run:
    findings: Path
    summary: Path

    def summary_rows(self) -> list[dict]:
        if self.summary.suffix == ".csv":
            with self.summary.open(encoding="utf-8", newline="") as handle:
                return list(csv.DictReader(handle))
        return read_jsonl(self.summary)

    def finding_rows(self) -> list[dict]:
        return read_jsonl(self.findings)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def batch_run(linter: Linter, folder: Path, calls: Path, summary_name: str = "calls.jsonl") -> Run:
    run = Run(folder / "findings.jsonl", folder / summary_name)
    run_batch(linter, BatchOptions(inputs=[str(calls)], output=run.findings, summary=run.summary, errors=None))
    return run


VOID_ELEMENTS = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col", "embed"}


class Page(HTMLParser):
    """The parsed page: every start tag with its attributes, and the text inside each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts_by_id: dict[str, str] = {}
        self.script_bodies: list[str] = []
        self.text: list[str] = []
        self._open: list[tuple[str, str | None]] = []  # open elements and their ids

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self.script_bodies.append("")
        element_id = attributes.get("id")
        if element_id:
            self.texts_by_id[element_id] = ""
        if tag not in VOID_ELEMENTS:
            self._open.append((tag, element_id))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] == "script":
            self.script_bodies[-1] += data
            return
        self.text.append(data)
        for _, element_id in self._open:
            if element_id:
                self.texts_by_id[element_id] += data

    def ids(self) -> set[str]:
        return set(self.texts_by_id)

    def kpi(self, key: str) -> str:
        return self.texts_by_id[f"kpi-{key}"].split()[0]


def parse_page(page: str) -> Page:
    parsed = Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def dutch_number(text: str) -> float:
    return float(text.rstrip("%").replace(".", "").replace(",", "."))


def expected_headline(run: Run) -> dict[str, float]:
    """The headline figures, computed here from the output rows without the report's code."""
    summary = run.summary_rows()
    findings = run.finding_rows()
    warned = {(row["source"], int(row["record_line"])) for row in findings if row["severity"] in ("warning", "error")}
    calls = len(summary)
    words = sum(int(row["agent_words"]) for row in summary)
    return {
        "calls": calls,
        "agent-words": words,
        "findings-per-100-words": len(findings) * 100 / words,
        "share-without-warnings": 100 * sum((row["source"], int(row["line"])) not in warned for row in summary) / calls,
        "average-score": sum(float(row["score"]) for row in summary) / calls,
    }


DECIMALS = {"calls": 0, "agent-words": 0, "findings-per-100-words": 2, "share-without-warnings": 1, "average-score": 1}


@pytest.fixture(scope="module")
def dated_run(linter: Linter, tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("dated")
    write_calls(folder / "in.jsonl", 60, seed=11)
    return batch_run(linter, folder, folder / "in.jsonl")


def test_headline_figures_equal_those_computed_from_the_outputs(dated_run: Run, linter: Linter) -> None:
    data, page = build_report(dated_run.findings, dated_run.summary, linter.rule_infos())
    expected = expected_headline(dated_run)
    assert expected["calls"] == 60 and 0 < expected["share-without-warnings"] < 100  # the input mixes both kinds
    overall = data.overall
    assert (overall.calls, overall.agent_words) == (expected["calls"], expected["agent-words"])
    assert overall.findings_per_100_words == pytest.approx(expected["findings-per-100-words"])
    assert overall.share_without_warnings * 100 == pytest.approx(expected["share-without-warnings"])
    assert overall.average_score == pytest.approx(expected["average-score"])
    parsed = parse_page(page)
    for key, value in expected.items():
        assert dutch_number(parsed.kpi(key)) == pytest.approx(round(value, DECIMALS[key])), key


def test_per_rule_counts_phrases_and_chart_labels_match_the_findings(dated_run: Run, linter: Linter) -> None:
    data, page = build_report(dated_run.findings, dated_run.summary, linter.rule_infos())
    rows = dated_run.finding_rows()
    counts = Counter(row["code"] for row in rows)
    assert len(counts) >= 5
    assert {code: rule.count for code, rule in data.rules.items()} == dict(counts)
    parsed = parse_page(page)
    for code, count in counts.items():
        assert parsed.texts_by_id[f"count-regel-{code}"].strip() == str(count)
        assert f"regel-{code}" in parsed.ids()
        phrases = Counter(normalise_phrase(row["text"]) for row in rows if row["code"] == code)
        assert data.rules[code].top_phrases() == phrases.most_common(TOP_PHRASES)


def test_agent_table_and_trend_appear_with_agent_ids_and_dates(dated_run: Run, linter: Linter) -> None:
    data, page = build_report(dated_run.findings, dated_run.summary, linter.rule_infos())
    parsed = parse_page(page)
    assert {"agent-table", "verloop", "chart-trend"} <= parsed.ids()
    for agent_id, totals in data.agents.items():
        assert f"{agent_id}{totals.calls}" in "".join(parsed.texts_by_id["agent-table"].split())
    assert sorted(data.agents) == [f"agent-{n}" for n in range(5)]
    assert sum(totals.calls for totals in data.agents.values()) == 60
    assert len(data.days) == 9


def test_without_agent_ids_or_dates_there_is_no_agent_table_and_no_trend(linter: Linter, tmp_path: Path) -> None:
    write_calls(tmp_path / "in.jsonl", 20, seed=12, agent_ids=False, dates=False)
    run = batch_run(linter, tmp_path, tmp_path / "in.jsonl")
    data, page = build_report(run.findings, run.summary, linter.rule_infos())
    parsed = parse_page(page)
    assert not {"agent-table", "per-agent", "verloop", "chart-trend"} & parsed.ids()
    assert {"chart-rules", "chart-scores"} <= parsed.ids()
    assert data.calls_without_agent == data.calls_without_date == 20


def test_csv_summary_gives_the_same_figures_as_jsonl(linter: Linter, tmp_path: Path, dated_run: Run) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    write_calls(folder / "in.jsonl", 60, seed=11)
    run = batch_run(linter, folder, folder / "in.jsonl", summary_name="calls.csv")
    from_csv, _ = build_report(run.findings, run.summary, [])
    from_jsonl, _ = build_report(dated_run.findings, dated_run.summary, [])
    assert from_csv.overall == from_jsonl.overall
    assert from_csv.score_bins == from_jsonl.score_bins
    assert from_csv.agents == from_jsonl.agents


def test_transcript_text_is_escaped_everywhere(linter: Linter, tmp_path: Path) -> None:
    hostile = {
        "call_id": IMG_PAYLOAD,
        "agent_id": SCRIPT_PAYLOAD,
        "turns": [
            {"speaker": "Agent", "text": OPENING},
            {"speaker": "Agent", "text": f"Helaas kan dat niet. {SCRIPT_PAYLOAD} Ik hang u even op. {IMG_PAYLOAD}"},
        ],
    }
    write_calls(tmp_path / "in.jsonl", 3, seed=13, extra=(hostile,))
    run = batch_run(linter, tmp_path, tmp_path / "in.jsonl")
    assert any(SCRIPT_PAYLOAD in (row["turn_text"] or "") for row in run.finding_rows())
    _, page = build_report(run.findings, run.summary, linter.rule_infos())
    parsed = parse_page(page)
    assert not [attrs for tag, attrs in parsed.tags if tag == "img"]
    assert not [attrs for _, attrs in parsed.tags if any(name.startswith("on") for name in attrs)]
    assert len(parsed.script_bodies) == 1 and "alert" not in parsed.script_bodies[0]
    text = "".join(parsed.text)
    assert SCRIPT_PAYLOAD in text and IMG_PAYLOAD in text  # shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_and_odd_codes_still_render(dated_run: Run, linter: Linter, tmp_path: Path) -> None:
    rows = dated_run.finding_rows()
    rows[0]["code"] = "ZZ999"
    rows[1]["code"] = "<b>X"
    rows[1]["name"] = "$x^2$ <i>"
    findings = tmp_path / "findings.jsonl"
    findings.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    data, page = build_report(findings, dated_run.summary, linter.rule_infos())
    parsed = parse_page(page)
    assert data.rules["ZZ999"].count == 1 and "regel-ZZ999" in parsed.ids()
    assert "Onbekende regel" in parsed.texts_by_id["regel-ZZ999"]
    assert not [tag for tag, _ in parsed.tags if tag in ("b", "i")]
    assert "<b>X" in "".join(parsed.text)


def test_examples_are_capped_to_the_worst_distinct_turns() -> None:
    rng = random.Random(5)
    rule = RuleTotals(code="KL002", name="helaas-zonder-alternatief", severity="warning")
    offered: list[tuple[float, int, int, str]] = []  # score, -severity, order, turn text
    for order in range(400):
        turn = f"Helaas kan dat niet, variant {order % 40}."
        score = round(rng.uniform(0, 100), 1)
        severity = rng.choice(["warning", "error"])
        call = SummaryRow(call_id=f"c{order}", agent_words=50, findings=1, score=score)
        finding = FindingRow(
            call_id=f"c{order}", code="KL002", severity=severity, start=0, end=6, text="Helaas", turn_text=turn
        )
        rule.add(finding, call, order)
        offered.append((score, -2 if severity == "error" else -1, order, turn))
    worst_per_turn: dict[str, tuple[float, int, int, str]] = {}
    for candidate in offered:
        if candidate[3] not in worst_per_turn or candidate < worst_per_turn[candidate[3]]:
            worst_per_turn[candidate[3]] = candidate
    expected = sorted(worst_per_turn.values())[:EXAMPLES_PER_RULE]
    assert [(e.call_score, e.order, e.turn_text) for e in rule.worst_examples()] == [
        (e[0], e[2], e[3]) for e in expected
    ]
    assert rule.count == 400 and rule.severity == "error"


def test_phrase_counter_stays_bounded() -> None:
    rule = RuleTotals(code="KL007", name="vakjargon", severity="info")
    call = SummaryRow(call_id="c", agent_words=50, findings=1, score=50.0)
    for number in range(PHRASE_LIMIT + 50):
        text = "ticket" if number % 3 == 0 else f"afkorting{number}"
        rule.add(
            FindingRow(call_id="c", code="KL007", severity="info", start=0, end=len(text), text=text), call, number
        )
    assert len(rule.phrases) <= PHRASE_LIMIT
    assert rule.top_phrases()[0] == ("ticket", (PHRASE_LIMIT + 50 + 2) // 3)


def test_example_shows_span_in_its_turn_and_the_rewrite_beside_it() -> None:
    turn = "Goed. Helaas kan dat niet. Tot ziens."
    example = Example(
        call_id="c1",
        agent_id="a1",
        call_score=42.0,
        severity="warning",
        message="m",
        turn_text=turn,
        start=6,
        end=12,
        text="Helaas",
        suggestion=Suggestion(replacement="", start=6, end=13, description="Weg ermee.", safe=True),
        order=0,
    )
    view = example_view(example)
    assert (view.turn.before, view.turn.middle, view.turn.after) == ("Goed. ", "Helaas", " kan dat niet. Tot ziens.")
    assert view.rewrite is not None and view.rewrite.before + view.rewrite.after == "Goed. kan dat niet. Tot ziens."
    assert view.rewrite_note.startswith("Weglaten.")
    assert view.score == "42,0"


def test_trend_switches_to_weeks_for_long_spans() -> None:
    start = date(2026, 1, 5)  # a Monday
    days = {start + timedelta(days=offset): CallTotals(calls=1, agent_words=100) for offset in range(0, 140, 2)}
    trend = trend_periods(days)
    assert trend.unit == "week"
    assert len(trend.periods) == 20 and sum(totals.calls for _, totals in trend.periods) == 70
    assert trend_periods({start: CallTotals(calls=1)}).unit == "dag"


def test_report_command_and_batch_report_option(tmp_path: Path) -> None:
    write_calls(tmp_path / "in.jsonl", 12, seed=14)
    batch = run_cli("batch", "in.jsonl", "--report", "batch.html", cwd=tmp_path)
    assert batch.returncode == 1, batch.stderr  # findings
    assert (tmp_path / "batch.html").read_text(encoding="utf-8").count("<svg") >= 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["batch.html", "in.jsonl"]  # outputs went to a temp dir

    run_cli("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.csv", cwd=tmp_path)
    report = run_cli("report", "f.jsonl", "s.csv", "-o", "report.html", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "12 gesprekken" in report.stderr
    parsed = parse_page((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert parsed.kpi("calls") == "12"


@pytest.mark.parametrize(
    ("file_name", "line_number", "corrupt", "reason"),
    [
        ("f.jsonl", 2, lambda line: line[:-5], "geen geldige JSON: een tekst tussen aanhalingstekens wordt niet"),
        ("s.jsonl", 3, lambda line: line.replace('"score": ', '"score": "veel", "x": '), "veld 'score'"),
        ("f.jsonl", 1, lambda line: line.replace('"severity"', '"ernst"'), "veld 'severity' ontbreekt"),
    ],
)
def test_bad_input_line_exits_2_naming_file_and_line(
    dated_run: Run, tmp_path: Path, file_name: str, line_number: int, corrupt, reason: str
) -> None:
    for name, source in (("f.jsonl", dated_run.findings), ("s.jsonl", dated_run.summary)):
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        if name == file_name:
            lines[line_number - 1] = corrupt(lines[line_number - 1].rstrip("\n")) + "\n"
        (tmp_path / name).write_text("".join(lines), encoding="utf-8")
    result = run_cli("report", "f.jsonl", "s.jsonl", "-o", "r.html", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{file_name}:{line_number}: " in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_findings_and_summary_of_different_runs_are_refused(dated_run: Run, tmp_path: Path) -> None:
    summary_lines = dated_run.summary.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "s.jsonl").write_text("".join(reversed(summary_lines)), encoding="utf-8")
    result = run_cli("report", str(dated_run.findings), "s.jsonl", "-o", "r.html", cwd=tmp_path)
    assert result.returncode == 2 and "dezelfde batch-run" in result.stderr and "Traceback" not in result.stderr


def _agent_table_ids(parsed: Page) -> list[str]:
    return [
        attrs["data-value"] or ""
        for tag, attrs in parsed.tags
        if tag == "td" and "agent-" in (attrs.get("data-value") or "")
    ]


def test_agents_below_the_minimum_of_calls_are_listed_but_not_ranked(dated_run: Run, linter: Linter) -> None:
    # dated_run: five agents with twelve calls each.
    _, page = build_report(dated_run.findings, dated_run.summary, linter.rule_infos())
    parsed = parse_page(page)
    assert "minstens 10 gesprekken" in parsed.texts_by_id["agent-minimum"]
    assert len(_agent_table_ids(parsed)) == 5 and "unranked-agents" not in parsed.ids()

    _, page = build_report(dated_run.findings, dated_run.summary, [], ReportConfig(min_agent_calls=13))
    parsed = parse_page(page)
    assert "minstens 13 gesprekken" in parsed.texts_by_id["agent-minimum"]
    assert "agent-table" not in parsed.ids() and _agent_table_ids(parsed) == []
    unranked = parsed.texts_by_id["unranked-agents"]
    assert "5 agents met minder dan 13 gesprekken" in unranked
    assert all(f"agent-{n}12" in "".join(unranked.split()) for n in range(5))


def test_the_minimum_of_calls_comes_from_the_config_and_the_command_line(dated_run: Run, tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text("[report]\nmin_agent_calls = 13\n", encoding="utf-8")
    names = [str(dated_run.findings), str(dated_run.summary)]
    from_config = run_cli("report", *names, "-o", "config.html", cwd=tmp_path)
    from_option = run_cli("report", *names, "-o", "option.html", "--min-agent-calls", "12", cwd=tmp_path)
    assert from_config.returncode == from_option.returncode == 0, from_config.stderr + from_option.stderr
    by_config = parse_page((tmp_path / "config.html").read_text(encoding="utf-8"))
    by_option = parse_page((tmp_path / "option.html").read_text(encoding="utf-8"))
    assert "minstens 13" in by_config.texts_by_id["agent-minimum"] and _agent_table_ids(by_config) == []
    assert "minstens 12" in by_option.texts_by_id["agent-minimum"] and len(_agent_table_ids(by_option)) == 5


def test_rule_sections_are_ordered_by_severity_then_count() -> None:
    data = ReportData()
    call = SummaryRow(call_id="c", agent_words=50, findings=1, score=50.0)
    counts = {("KL007", "info"): 9, ("KL001", "warning"): 3, ("KL002", "warning"): 5, ("KL009", "error"): 1}
    order = 0
    for (code, severity), count in counts.items():
        data.rules[code] = RuleTotals(code=code, name=code.lower(), severity=severity)  # type: ignore[arg-type]
        for _ in range(count):
            order += 1
            finding = FindingRow(call_id="c", code=code, severity=severity, start=0, end=3, text=f"t{order}")  # type: ignore[arg-type]
            data.rules[code].add(finding, call, order)
    assert [rule.code for rule in data.rules_by_severity()] == ["KL009", "KL002", "KL001", "KL007"]
    page = render_report(data, [], findings_name="f.jsonl", summary_name="s.jsonl")
    sections = [
        attrs.get("id")
        for tag, attrs in parse_page(page).tags
        if tag == "section" and "rule" in (attrs.get("class") or "")
    ]
    assert sections == ["regel-KL009", "regel-KL002", "regel-KL001", "regel-KL007"]


def test_conversation_rule_examples_show_the_turn_and_what_better_sounds_like(linter: Linter, tmp_path: Path) -> None:
    turns = [
        ("Agent", "Hallo, zeg het maar."),
        ("Klant", "Ik bel over mijn factuur."),
        ("Agent", "Dat zoek ik voor u op."),
        ("Klant", "Dank u."),
        ("Agent", "Oké."),
    ]
    call = {"call_id": "kaal", "turns": [{"speaker": speaker, "text": text} for speaker, text in turns]}
    (tmp_path / "in.jsonl").write_text(json.dumps(call) + "\n", encoding="utf-8")
    run = batch_run(linter, tmp_path, tmp_path / "in.jsonl")
    infos = {info.code: info for info in linter.rule_infos()}
    _, page = build_report(run.findings, run.summary, list(infos.values()))
    parsed = parse_page(page)
    for code, said in (("KL101", "Hallo, zeg het maar."), ("KL106", "Oké.")):
        section = " ".join(parsed.texts_by_id[f"regel-{code}"].split())
        assert "Geen herschrijving voorgesteld" not in section
        assert f"Gezegd{said}" in section
        assert "Beter" + " ".join(infos[code].explanation.beter.split()) in section
