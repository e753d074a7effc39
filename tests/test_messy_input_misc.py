"""Messy real-world input (issue 13): speaker roles in disfluent speech, a missing --agent-speaker, the position
fields of findings.jsonl."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_transcripts import generate
from klantlint import Linter
from klantlint.batch.runner import BatchOptions, run_batch
from klantlint.report.html.inputs import FindingRow
from klantlint.transcripts import Call, Turn
from klantlint.transcripts.roles import detect_agent
from klantlint.transcripts.spoken import fluent_words
from tests.cli_helpers import run_cli


def _call(*turns: tuple[str, str]) -> Call:
    return Call(call_id="c", turns=[Turn(speaker=speaker, text=text) for speaker, text in turns])


def _unlabelled(raw: dict[str, Any], customer_first: bool) -> Call:
    """A generated call with neutral speaker names (so the roles must be detected), maybe customer first."""
    call = Call.model_validate(raw)
    agent = call.turns[0].speaker
    turns = [Turn(speaker="S0" if t.speaker == agent else "S1", text=t.text) for t in call.turns]
    if customer_first:
        turns[0], turns[1] = turns[1], turns[0]
    return call.model_copy(update={"turns": turns})


@pytest.mark.parametrize(
    "greeting",
    [
        "Goedemiddag, met Kim. Wat kan ik voor hè u doen?",
        "Goedemiddag, met Kim. Wat kan ik, eh, zeg maar, voor u doen?",
        "goedemiddag met kim wat kan ik ik voor u doen",
        "Goedemiddag met Kim, waar- waarmee kan ik u uhm helpen?",
        "Goedemiddag, met Kim, waarmee kan ik u kan ik u helpen?",
        "Goedemiddag, Zonnestroom, met Kim. Wat kan ik nou even voor u doen?",
    ],
)
def test_the_agent_is_found_through_fillers_and_disfluencies_in_the_greeting(greeting: str) -> None:
    for customer_first in (False, True):
        turns = [("S0", greeting), ("S1", "Ja hallo, met Jansen.")]
        call = _call(*(reversed(turns) if customer_first else turns))
        assert detect_agent(call).agent_speaker == "S0"


@pytest.mark.parametrize(
    "customer",
    [
        "eh ja hallo, ik ik bel eh over mijn factuur",
        "Ehm, goedemorgen, u spreekt met met Jansen, ik bel nou even omdat mijn pakket niet kwam.",
        "hallo eh ik heb ik heb een uh vraag over mijn rekening",
    ],
)
def test_a_customer_who_speaks_first_with_fillers_is_not_taken_for_the_agent(customer: str) -> None:
    agent = "Goedemorgen, eh, Zonnestroom, met Kim, wat kan ik voor hè u doen?"
    for turns in ([("S1", customer), ("S0", agent)], [("S0", agent), ("S1", customer)]):
        assert detect_agent(_call(*turns)).agent_speaker == "S0"


@pytest.mark.parametrize("varied", [False, True])
@pytest.mark.parametrize("customer_first", [False, True])
def test_every_generated_call_gets_its_agent_detected(varied: bool, customer_first: bool) -> None:
    # The project's own corpus: with --varied, 5.5% of the calls had no agent before fillers were seen through.
    calls = [_unlabelled(raw, customer_first) for raw in generate(600, seed=7, varied=varied)]
    chosen = [detect_agent(call).agent_speaker for call in calls]
    assert chosen.count(None) == 0
    assert set(chosen) == {"S0"}


def test_fluent_words_leaves_out_fillers_repeats_and_false_starts_but_keeps_boundaries() -> None:
    assert fluent_words("Wat kan ik, eh, zeg maar, voor hè u u doen?") == "wat kan ik voor u doen ."
    assert fluent_words("waar- waarmee kan ik kan ik u… helpen") == "waarmee kan ik u helpen"
    assert fluent_words("Met Jansen. Van de week, ja, belde ik") == "met jansen . van de week belde ik"
    assert fluent_words("Ik stuur een e-mail, dat is goed.") == "ik stuur een e-mail , dat is goed ."


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def test_an_agent_speaker_who_is_not_in_the_call_gets_an_error_naming_the_call_the_name_and_the_speakers(
    tmp_path: Path,
) -> None:
    opening = "Goedemorgen, u spreekt met Kim van Zonnestroom, waarmee kan ik u helpen?"
    _write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"call_id": "met-kim", "turns": [{"speaker": "Kim", "text": opening}, {"speaker": "Jan", "text": "Hoi."}]},
            {
                "call_id": "zonder-kim",
                "turns": [{"speaker": "Agent", "text": opening}, {"speaker": "Klant", "text": "Hoi."}],
            },
        ],
    )
    run_cli("batch", "in.jsonl", "--agent-speaker", "kim", "--summary", "s.jsonl", "--errors", "e.jsonl", cwd=tmp_path)
    summary = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["call_id"] for row in summary] == ["met-kim"]
    assert [(row["call_id"], row["line"]) for row in errors] == [("zonder-kim", 2)]
    reason = errors[0]["reason"]
    assert "geen agent te bepalen" not in reason
    assert "--agent-speaker 'kim'" in reason and "'zonder-kim'" in reason and "'Agent', 'Klant'" in reason


# -- findings.jsonl: positions that say what they point into ---------------------------------------------------------

GREETING = "Goedemorgen, u spreekt met Kim van Zonnestroom, waarmee kan ik u helpen?"


def _batch(linter: Linter, inputs: list[Path], folder: Path, *, resume: bool = False) -> list[dict[str, Any]]:
    options = BatchOptions(
        inputs=[str(path) for path in inputs],
        output=folder / "f.jsonl",
        summary=folder / "s.jsonl",
        errors=folder / "e.jsonl",
        resume=resume,
    )
    run_batch(linter, options)
    return _read_jsonl(folder / "f.jsonl")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_findings_name_the_record_line_the_turn_line_and_offsets_inside_the_turn(
    linter: Linter, tmp_path: Path
) -> None:
    turns = tmp_path / "beurten.jsonl"
    _write_jsonl(
        turns,
        [
            {"call_id": "a", "speaker": "Agent", "text": GREETING},
            {"call_id": "b", "speaker": "Agent", "text": GREETING},
            {"call_id": "b", "speaker": "Klant", "text": "Ik bel over mijn factuur."},
            {"call_id": "b", "speaker": "Agent", "text": "Dank u. Wat was uw naam ook alweer?"},
        ],
    )
    vtt = tmp_path / "gesprek.vtt"
    vtt.write_text(
        f"WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Agent>{GREETING}\n\n"
        "00:00:05.000 --> 00:00:06.000\n<v Klant>Hallo.\n\n"
        "00:00:07.000 --> 00:00:09.000\n<v Agent>Dank u. Wat was uw naam ook alweer?\n",
        encoding="utf-8",
    )
    rows = [row for row in _batch(linter, [turns, vtt], tmp_path) if row["code"] == "KL001"]
    # A file-per-call transcript's record line is the line of its first readable cue (the timing line, 3).
    assert [(row["call_id"], row["record_line"], row["turn_line"]) for row in rows] == [("b", 2, 4), ("gesprek", 3, 9)]
    for row in rows:
        assert "line" not in row
        assert row["turn_text"][row["start"] : row["end"]] == row["text"]
        assert (row["line_in_turn"], row["column"]) == (1, row["start"] + 1)
    timing_line = rows[1]["turn_line"]  # a cue's text follows its timing line
    assert vtt.read_text(encoding="utf-8").splitlines()[timing_line - 1 : timing_line + 1] == [
        "00:00:07.000 --> 00:00:09.000",
        "<v Agent>Dank u. Wat was uw naam ook alweer?",
    ]


def test_resume_keeps_findings_written_with_the_old_line_field(linter: Linter, tmp_path: Path) -> None:
    calls = tmp_path / "in.jsonl"
    bad = {"speaker": "Agent", "text": "Wat was uw naam ook alweer?"}
    _write_jsonl(
        calls,
        [{"call_id": f"c{n}", "turns": [{"speaker": "Agent", "text": GREETING}, bad]} for n in range(1, 4)],
    )
    complete = _batch(linter, [calls], tmp_path)
    assert {row["call_id"] for row in complete} == {"c1", "c2", "c3"}
    assert all("record_line" in row and "line" not in row for row in complete)
    # A findings file from before `record_line`, and a run killed after the second call.
    old = [{("line" if key == "record_line" else key): value for key, value in row.items()} for row in complete]
    _write_jsonl(tmp_path / "f.jsonl", old)
    summary = (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "s.jsonl").write_text("".join(summary[:2]), encoding="utf-8")
    resumed = _batch(linter, [calls], tmp_path, resume=True)
    assert [row["call_id"] for row in resumed] == [row["call_id"] for row in complete]
    assert resumed[-1] == complete[-1]


def test_the_report_reads_findings_files_with_record_line_and_older_ones_with_line() -> None:
    fields = {"call_id": "c", "code": "KL001", "severity": "warning", "start": 4, "end": 7, "text": "was"}
    assert FindingRow.model_validate_json(json.dumps({**fields, "record_line": 7})).key == ("", 7, "c")
    assert FindingRow.model_validate_json(json.dumps({**fields, "line": 7})).key == ("", 7, "c")
