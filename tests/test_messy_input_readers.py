"""Messy real-world transcript input (issue 13): broken subtitles, bad turn rows, deep JSON, duplicate ids, Excel and
Windows exports, UTF-16, stdin without a format. Nothing may be lost without an error record naming file and line."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from klantlint.batch.runner import SUMMARY_CSV_FIELDS, BatchOptions, StrictStop, run_batch
from klantlint.config import Config
from klantlint.engine.linter import Linter
from klantlint.errors import InputError, KlantlintError
from klantlint.io.files import decode
from klantlint.report.html import build_report
from klantlint.transcripts import Call, RecordError, iter_records, read
from klantlint.transcripts.readers import ReadOptions, expand_inputs_with_roots
from tests.cli_helpers import run_cli

GREETING = "Goedemorgen, u spreekt met Kim van Zonnestroom. Waarmee kan ik u helpen?"
TURN_ROWS = [
    ("c1", "Agent", GREETING),
    ("c1", "Klant", "Ik bel over mijn café-rekening."),
    ("c1", "Agent", "Dat is helaas niet mogelijk."),
    ("c2", "Agent", GREETING),
    ("c2", "Klant", "Mijn factuur klopt niet."),
]


def records_of(path: Path, **options: str) -> list[Call | RecordError]:
    return list(iter_records(str(path), options=ReadOptions(**options) if options else None))


def calls_and_errors(records: list[Call | RecordError]) -> tuple[list[Call], list[RecordError]]:
    return (
        [r for r in records if isinstance(r, Call)],
        [r for r in records if isinstance(r, RecordError)],
    )


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# -- 1. VTT/SRT: every cue becomes a turn or an error record -----------------------------------------------------

BROKEN_VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:03.000\n<v Agent>Goedemorgen, u spreekt met Kim van Zonnestroom.\n\n"
    "00:00:04.000 -> 00:00:06.000\n<v Klant>Ik bel over mijn rekening.\n\n"  # line 6: '->'
    "rommel zonder tijd\n\n"  # line 9: a garbage block
    "00:00:07.000 --> 00:00:09.000\n<v Agent>Dat is helaas niet mogelijk.\n"
)


def test_vtt_bad_timing_and_garbage_block_are_error_records_and_the_call_is_incomplete(tmp_path: Path) -> None:
    # Before: both cues were dropped without a word and the call looked complete.
    path = tmp_path / "a.vtt"
    path.write_text(BROKEN_VTT, encoding="utf-8")
    calls, errors = calls_and_errors(records_of(path))
    assert [(e.line, e.call_id) for e in errors] == [(6, "a"), (9, "a")]
    assert "tijdregel onleesbaar: '00:00:04.000 -> 00:00:06.000'" in errors[0].reason
    assert "zonder tijdregel" in errors[1].reason and "rommel zonder tijd" in errors[1].reason
    [call] = calls
    assert [t.text for t in call.turns] == [
        "Goedemorgen, u spreekt met Kim van Zonnestroom.",
        "Dat is helaas niet mogelijk.",
    ]
    assert (call.turns_lost, call.incomplete) == (2, True)


def test_vtt_with_every_timestamp_broken_names_each_cue_not_an_empty_call(tmp_path: Path) -> None:
    # Before: one error "leeg gesprek: geen beurten met tekst" although all the text was there.
    path = tmp_path / "b.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 -> 00:00:03.000\n<v Agent>Goedemorgen.\n\n00:00:04,000 - 00:00:06,000\n<v Klant>Hoi.\n",
        encoding="utf-8",
    )
    records = records_of(path)
    assert all(isinstance(r, RecordError) for r in records)
    assert [(r.line, "tijdregel onleesbaar" in r.reason) for r in records] == [(3, True), (6, True)]
    assert not any("leeg gesprek" in r.reason for r in records)


def test_srt_bad_cue_fails_the_run_instead_of_hiding_its_finding(tmp_path: Path, linter: Linter) -> None:
    # Before: the cue with the finding was dropped, the run had 0 errors (exit 0 from the CLI).
    path = tmp_path / "g.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nAgent: Goedemorgen, u spreekt met Kim van Zonnestroom.\n\n"
        "2\n00:00:04,000 -> 00:00:06,000\nAgent: Dat is helaas niet mogelijk.\n",
        encoding="utf-8",
    )
    errors_path = tmp_path / "e.jsonl"
    totals = run_batch(
        linter, BatchOptions(inputs=[str(path)], output=None, summary=tmp_path / "s.jsonl", errors=errors_path)
    )
    assert totals.errors == 1
    [error] = read_jsonl(errors_path)
    assert (error["source"], error["line"], error["call_id"]) == (str(path), 6, "g")
    [summary] = read_jsonl(tmp_path / "s.jsonl")
    assert (summary["incomplete"], summary["turns_lost"]) == (True, 1)


def test_srt_cue_over_two_lines_and_vtt_cue_with_two_voices_lose_no_text(tmp_path: Path) -> None:
    # Before: a two-line SRT cue made the whole file an error; a second voice in a VTT cue was dropped silently.
    srt = tmp_path / "m.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:03,000\nAgent: Goedemorgen,\nmet Kim.\n", encoding="utf-8")
    [call] = list(read(srt))
    assert [(t.speaker, t.text) for t in call.turns] == [("Agent", "Goedemorgen, met Kim.")]
    vtt = tmp_path / "v.vtt"
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Agent>Hallo.</v><v Klant>Hoi.</v>\n", encoding="utf-8")
    [call] = list(read(vtt))
    assert [(t.speaker, t.text) for t in call.turns] == [("Agent", "Hallo."), ("Klant", "Hoi.")]


# -- 2. A bad turn row: an error record, and the call marked incomplete --------------------------------------------


def write_turn_csv(path: Path, rows: list[tuple[str, ...]], **options: str) -> None:
    encoding = options.pop("encoding", "utf-8")
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=options.pop("delimiter", ","))
        writer.writerow(["call_id", "speaker", "text"])
        writer.writerows(rows)


def test_csv_row_without_speaker_is_an_error_and_its_call_incomplete(tmp_path: Path) -> None:
    # Before: c1 was summarised as a complete call of two turns.
    path = tmp_path / "turns.csv"
    rows = list(TURN_ROWS)
    rows[1] = ("c1", "", "Ik bel over mijn rekening.")
    write_turn_csv(path, rows)
    calls, errors = calls_and_errors(records_of(path))
    assert [(e.line, e.call_id, e.reason) for e in errors] == [(3, "c1", "spreker ('speaker') ontbreekt")]
    assert [(c.call_id, len(c.turns), c.turns_lost) for c in calls] == [("c1", 2, 1), ("c2", 2, 0)]


def test_jsonl_turn_row_that_is_not_json_counts_for_the_call_around_it_or_both_neighbours(tmp_path: Path) -> None:
    def turn(call_id: str, speaker: str, text: str) -> str:
        return json.dumps({"call_id": call_id, "speaker": speaker, "text": text})

    inside = tmp_path / "inside.jsonl"
    inside.write_text("\n".join([turn(*TURN_ROWS[0]), "{kapot", *(turn(*row) for row in TURN_ROWS[2:])]) + "\n")
    calls, errors = calls_and_errors(records_of(inside))
    assert [e.line for e in errors] == [2]
    assert [(c.call_id, c.turns_lost) for c in calls] == [("c1", 1), ("c2", 0)]
    between = tmp_path / "between.jsonl"
    between.write_text("\n".join([*(turn(*row) for row in TURN_ROWS[:3]), "{kapot", turn(*TURN_ROWS[3])]) + "\n")
    calls, _errors = calls_and_errors(records_of(between))
    assert [(c.call_id, c.turns_lost) for c in calls] == [("c1", 1), ("c2", 1)]


def test_summary_csv_has_stable_columns_for_incomplete_calls_and_the_report_reads_it(
    tmp_path: Path, linter: Linter
) -> None:
    path = tmp_path / "turns.csv"
    rows = list(TURN_ROWS)
    rows[2] = ("c1", "Agent", "")  # no text: an error row
    write_turn_csv(path, rows)
    summary, findings = tmp_path / "s.csv", tmp_path / "f.jsonl"
    run_batch(linter, BatchOptions(inputs=[str(path)], output=findings, summary=summary, errors=tmp_path / "e.jsonl"))
    with summary.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        table = list(reader)
    assert reader.fieldnames == SUMMARY_CSV_FIELDS
    assert [(r["call_id"], r["incomplete"], r["turns_lost"], r["duplicate_call_id"]) for r in table] == [
        ("c1", "True", "1", "False"),
        ("c2", "False", "0", "False"),
    ]
    data, _page = build_report(findings, summary, linter.rule_infos())
    assert data.overall.calls == 2


def test_resume_refuses_a_summary_csv_with_other_columns(tmp_path: Path, linter: Linter) -> None:
    path = tmp_path / "turns.csv"
    write_turn_csv(path, TURN_ROWS)
    summary = tmp_path / "s.csv"
    summary.write_text(",".join(SUMMARY_CSV_FIELDS[:-3]) + "\n", encoding="utf-8")  # written by an older version
    options = BatchOptions(inputs=[str(path)], output=None, summary=summary, errors=None, resume=True)
    with pytest.raises(KlantlintError, match="kolommen wijken af"):
        run_batch(linter, options)


# -- 3. Deeply nested JSON: an error record, and the run goes on ------------------------------------------------


def test_deeply_nested_json_line_is_an_error_record_and_later_lines_are_read(tmp_path: Path) -> None:
    # Before: RecursionError out of the reader: a traceback, exit 1, the third line never read.
    good = json.dumps({"call_id": "ok", "turns": [{"speaker": "Agent", "text": "Dag"}]})
    path = tmp_path / "deep.jsonl"
    path.write_text(f"{good}\n{'[' * 100_000}\n{good.replace('ok', 'ok2')}\n", encoding="utf-8")
    records = records_of(path)
    assert [(type(r).__name__, r.line) for r in records] == [("Call", 1), ("RecordError", 2), ("Call", 3)]
    assert "te diep genest" in records[1].reason


def test_deeply_nested_whisper_json_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"segments": ' + "[" * 100_000, encoding="utf-8")
    [record] = records_of(path)
    assert isinstance(record, RecordError) and "te diep genest" in record.reason


def test_whisper_segment_without_speaker_is_an_error_record_and_the_rest_a_call(tmp_path: Path) -> None:
    # Before: one segment that diarisation left without a speaker rejected the whole file (no call, one error).
    path = tmp_path / "call.json"
    segments = [
        {"start": 0.0, "end": 2.0, "speaker": "SPEAKER_00", "text": " Goedemiddag, u spreekt met Sanne."},
        {"start": 2.0, "end": 2.4, "text": " ja"},
        {"start": 2.4, "end": 5.0, "speaker": "SPEAKER_01", "text": " Ik bel over mijn factuur."},
        {"start": "laat", "end": 6.0, "speaker": "SPEAKER_00", "text": " Een moment."},
    ]
    path.write_text(json.dumps({"segments": segments}), encoding="utf-8")
    calls, errors = calls_and_errors(records_of(path))
    assert [error.reason for error in errors] == [
        "segment 1 zonder spreker (gebruik WhisperX met diarisatie)",
        "segment 3: 'start'/'end' moeten getallen (seconden) zijn",
    ]
    [call] = calls
    assert [turn.text for turn in call.turns] == ["Goedemiddag, u spreekt met Sanne.", "Ik bel over mijn factuur."]
    assert (call.turns_lost, call.incomplete) == (2, True)


def test_whisper_without_any_speaker_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "call.json"
    segments = [{"start": 0.0, "end": 1.0, "text": " hallo"}, {"start": 1.0, "end": 2.0, "text": " ja"}]
    path.write_text(json.dumps({"segments": segments}), encoding="utf-8")
    [record] = records_of(path)
    assert isinstance(record, RecordError) and "geen enkel segment heeft een spreker" in record.reason


# -- 4. Call ids of file-per-call formats, and duplicate ids ------------------------------------------------------


def test_file_per_call_ids_are_paths_relative_to_the_input_folder(tmp_path: Path) -> None:
    # Before: both calls were called "transcript".
    for month, name in (("2026-11", "a"), ("2026-11", "b")):
        folder = tmp_path / "calls" / month / name
        folder.mkdir(parents=True)
        (folder / "transcript.vtt").write_text(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>Dag.\n", encoding="utf-8"
        )
    ids = [
        record.call_id
        for path, root in expand_inputs_with_roots([str(tmp_path / "calls")])
        for record in iter_records(path, root=root)
    ]
    assert ids == ["2026-11/a/transcript", "2026-11/b/transcript"]
    single = tmp_path / "calls" / "2026-11" / "a" / "transcript.vtt"
    assert [record.call_id for record in iter_records(str(single))] == ["transcript"]


def write_calls(path: Path, ids: list[str]) -> None:
    turns = [{"speaker": "Agent", "text": GREETING}, {"speaker": "Klant", "text": "Hoi."}]
    path.write_text("".join(json.dumps({"call_id": i, "turns": turns}) + "\n" for i in ids), encoding="utf-8")


def test_duplicate_call_id_is_flagged_in_summary_and_closing_line(tmp_path: Path, linter: Linter) -> None:
    path = tmp_path / "calls.jsonl"
    write_calls(path, ["x", "y", "x"])
    summary = tmp_path / "s.jsonl"
    totals = run_batch(linter, BatchOptions(inputs=[str(path)], output=None, summary=summary, errors=None))
    assert [(r["call_id"], r["duplicate_call_id"]) for r in read_jsonl(summary)] == [
        ("x", False),
        ("y", False),
        ("x", True),
    ]
    assert "1 gesprek met een call_id die al eerder voorkwam" in totals.closing_line()


def test_duplicate_call_id_stops_a_strict_run(tmp_path: Path, linter: Linter) -> None:
    path = tmp_path / "calls.jsonl"
    write_calls(path, ["x", "x"])
    errors = tmp_path / "e.jsonl"
    options = BatchOptions(inputs=[str(path)], output=None, summary=tmp_path / "s.jsonl", errors=errors, strict=True)
    with pytest.raises(StrictStop, match="call_id 'x' komt al eerder voor"):
        run_batch(linter, options)
    assert [(r["line"], r["call_id"]) for r in read_jsonl(errors)] == [(2, "x")]


# -- 5. Excel and Windows CSV exports --------------------------------------------------------------------------


def test_excel_csv_utf8_with_bom_is_read(tmp_path: Path) -> None:
    # Before: every row "'call_id' ontbreekt" (the header's first cell was '\ufeffcall_id').
    path = tmp_path / "excel.csv"
    write_turn_csv(path, TURN_ROWS, encoding="utf-8-sig")
    positions: list[int] = []  # as for the progress bar of `batch`
    calls, errors = calls_and_errors(list(iter_records(str(path), on_position=positions.append)))
    assert errors == [] and [c.call_id for c in calls] == ["c1", "c2"]
    assert positions[-1] == path.stat().st_size


def test_dutch_excel_semicolon_csv_is_read(tmp_path: Path) -> None:
    # Before: 0 calls, every row "'call_id' ontbreekt".
    path = tmp_path / "puntkomma.csv"
    write_turn_csv(path, [(*row[:2], row[2].replace(".", ", zeg maar.")) for row in TURN_ROWS], delimiter=";")
    calls, errors = calls_and_errors(records_of(path))
    assert errors == []
    assert [(c.call_id, len(c.turns)) for c in calls] == [("c1", 3), ("c2", 2)]
    assert calls[0].turns[2].text == "Dat is helaas niet mogelijk, zeg maar."


def test_cp1252_csv_names_the_line_and_the_fix_and_reads_with_encoding(tmp_path: Path) -> None:
    # Before: the row became "geen geldige UTF-8" with no hint, and c1 was summarised as complete.
    path = tmp_path / "windows.csv"
    write_turn_csv(path, TURN_ROWS, encoding="cp1252", delimiter=";")
    calls, errors = calls_and_errors(records_of(path))
    [error] = errors
    assert (error.line, error.call_id) == (3, "c1")
    assert (
        "geen geldige UTF-8" in error.reason
        and "sla het bestand op als UTF-8 of geef --encoding cp1252" in error.reason
    )
    assert [(c.call_id, c.turns_lost) for c in calls] == [("c1", 1), ("c2", 0)]
    calls, errors = calls_and_errors(records_of(path, encoding="cp1252"))
    assert errors == [] and calls[0].turns[1].text == "Ik bel over mijn café-rekening."


def test_encoding_and_delimiter_are_config_keys_and_are_checked() -> None:
    config = Config.model_validate({"encoding": "cp1252", "csv_delimiter": "tab"})
    assert (config.encoding, config.csv_delimiter) == ("cp1252", "\t")
    with pytest.raises(ValueError, match="onbekende tekenset"):
        Config.model_validate({"encoding": "klingon"})
    with pytest.raises(ValueError, match="één teken"):
        Config.model_validate({"csv_delimiter": ";;"})


def test_cli_encoding_and_delimiter_options(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    # A header the delimiter cannot be told from: without --delimiter nothing would be read.
    with path.open("w", encoding="cp1252", newline="") as handle:
        handle.write("call_id|speaker|text\r\n")
        handle.writelines(f"{c}|{s}|{t}\r\n" for c, s, t in TURN_ROWS)
    result = run_cli(
        "batch", "export.csv", "--encoding", "cp1252", "--delimiter", "|", "--summary", "s.jsonl", cwd=tmp_path
    )
    assert result.returncode in (0, 1), result.stderr
    assert [row["call_id"] for row in read_jsonl(tmp_path / "s.jsonl")] == ["c1", "c2"]
    bad = run_cli("batch", "export.csv", "--encoding", "klingon", cwd=tmp_path)
    assert bad.returncode == 2 and "onbekende tekenset 'klingon'" in bad.stderr


# -- 6. BOM in JSONL, UTF-16 -----------------------------------------------------------------------------------


def test_jsonl_with_utf8_bom_is_read(tmp_path: Path) -> None:
    # Before: line 1 "geen geldige JSON" in batch, while `check` accepted the BOM.
    path = tmp_path / "bom.jsonl"
    write_calls(path, ["x"])
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    assert [r.call_id for r in records_of(path) if isinstance(r, Call)] == ["x"]


def test_utf16_with_bom_is_decoded_in_batch_and_check(tmp_path: Path) -> None:
    # Before: every line an error in batch; "binair bestand" in check.
    path = tmp_path / "utf16.jsonl"
    write_calls(path, ["x", "y"])
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert [r.call_id for r in records_of(path)] == ["x", "y"]
    csv_path = tmp_path / "utf16.csv"
    write_turn_csv(csv_path, TURN_ROWS, encoding="utf-16")
    calls, errors = calls_and_errors(records_of(csv_path))
    assert errors == [] and calls[0].turns[1].text == "Ik bel over mijn café-rekening."
    assert decode("Agent: Goedemorgen.\n".encode("utf-16"), "s.txt") == "Agent: Goedemorgen.\n"


def test_utf16_without_bom_says_what_it_is_and_how_to_convert(tmp_path: Path) -> None:
    # Before: "binair bestand" (check) and an error per line (batch), with no word of UTF-16.
    path = tmp_path / "le.jsonl"
    write_calls(path, ["x"])
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    [error] = records_of(path)
    assert isinstance(error, RecordError)
    assert error.reason == "UTF-16-tekst zonder BOM: sla op als UTF-8 of geef --encoding utf-16-le"
    assert [r.call_id for r in records_of(path, encoding="utf-16-le")] == ["x"]
    with pytest.raises(InputError, match="UTF-16-tekst zonder BOM"):
        decode("Agent: Goedemorgen.\n".encode("utf-16-be"), "s.txt")


# -- 7. stdin without --input-format; the first errors on stderr ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (BROKEN_VTT.split("00:00:04")[0], ["Agent"]),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nAgent: Dag.\n\n2\n00:00:02,500 --> 00:00:03,000\nKlant: Hoi.\n",
            ["Agent", "Klant"],
        ),
        (json.dumps({"segments": [{"speaker": "S0", "text": "Dag."}]}, indent=2), ["S0"]),
        ("call_id;speaker;text\nc1;Agent;Dag.\n", ["Agent"]),
        ("Agent: Dag.\nKlant: Hoi.\n", ["Agent", "Klant"]),
        (json.dumps({"call_id": "c", "turns": [{"speaker": "Agent", "text": "Dag."}]}) + "\n", ["Agent"]),
    ],
    ids=["vtt", "srt", "whisper", "csv", "txt", "jsonl"],
)
def test_input_without_a_name_gets_its_format_from_its_first_bytes(text: str, speakers: list[str]) -> None:
    # Before: an open file (and stdin) without a format was always read as JSONL.
    [call] = list(read(io.BytesIO(text.encode("utf-8"))))
    assert [turn.speaker for turn in call.turns] == speakers


def test_stdin_vtt_is_sniffed_and_the_first_errors_are_shown_without_errors_file(tmp_path: Path) -> None:
    # Before: stdin VTT was read as JSONL (an error per line) and stderr said only "N fouten".
    result = run_cli("batch", "-", "--summary", "s.jsonl", cwd=tmp_path, stdin=BROKEN_VTT.encode("utf-8"))
    assert result.returncode == 2
    assert [row["call_id"] for row in read_jsonl(tmp_path / "s.jsonl")] == ["stdin"]
    assert "<stdin>:6: tijdregel onleesbaar" in result.stderr and "<stdin>:9: blok zonder tijdregel" in result.stderr
    many = "".join("{kapot\n" for _ in range(7))
    result = run_cli("batch", "-", "--input-format", "jsonl", cwd=tmp_path, stdin=many.encode("utf-8"))
    shown = [line for line in result.stderr.splitlines() if "<stdin>:" in line]
    assert len(shown) == 5 and "en nog 2 fouten; --errors BESTAND schrijft ze allemaal" in result.stderr


@pytest.mark.parametrize("timing", [{"s": 1}, [1.5], {"start": 2.0}])
def test_jsonl_turn_time_that_is_a_list_or_object_is_an_error_record_and_later_calls_are_read(
    tmp_path: Path, timing: object
) -> None:
    # Before: float() of a list or object raised a TypeError that stopped the run as an internal error.
    path = tmp_path / "calls.jsonl"
    rows = [
        {"call_id": "a", "turns": [{"speaker": "Agent", "text": "Goedemorgen", "start": timing}]},
        {"call_id": "b", "turns": [{"speaker": "Agent", "text": "Goedemorgen", "start": 0.0, "end": timing}]},
        {"call_id": "c", "turns": [{"speaker": "Agent", "text": "Goedemorgen, waarmee kan ik u helpen?"}]},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    calls, errors = calls_and_errors(records_of(path))
    assert [(error.line, error.call_id, error.reason) for error in errors] == [
        (1, "a", "beurt 0: 'start'/'end' moeten getallen (seconden) zijn"),
        (2, "b", "beurt 0: 'start'/'end' moeten getallen (seconden) zijn"),
    ]
    assert [call.call_id for call in calls] == ["c"]


@pytest.mark.parametrize("timing", ["true", "false", "Infinity", "-Infinity", "1e999", '"inf"'])
def test_jsonl_turn_time_that_is_a_truth_value_or_infinite_is_an_error_record(tmp_path: Path, timing: str) -> None:
    # Before: `true` was read as 1 second and `false` as 0, and an infinite time passed as a time.
    path = tmp_path / "calls.jsonl"
    path.write_text(
        f'{{"call_id": "a", "turns": [{{"speaker": "Agent", "text": "Goedemorgen", "start": {timing}}}]}}\n'
        '{"call_id": "b", "turns": [{"speaker": "Agent", "text": "Goedemorgen", "start": 1.5}]}\n',
        encoding="utf-8",
    )
    calls, errors = calls_and_errors(records_of(path))
    assert [(error.line, error.reason) for error in errors] == [
        (1, "beurt 0: 'start'/'end' moeten getallen (seconden) zijn")
    ]
    assert [(call.call_id, call.turns[0].start) for call in calls] == [("b", 1.5)]


@pytest.mark.parametrize("missing", ["NaN", '"nan"', '""', "null"])
def test_jsonl_turn_time_written_as_nan_is_a_missing_time(tmp_path: Path, missing: str) -> None:
    # Data frames write a missing value as NaN: the turn is read without a time, as with null or "".
    path = tmp_path / "calls.jsonl"
    path.write_text(
        f'{{"call_id": "a", "turns": [{{"speaker": "Agent", "text": "Goedemorgen", "start": {missing}, "end": 2}}]}}\n',
        encoding="utf-8",
    )
    [call] = records_of(path)
    assert isinstance(call, Call) and (call.turns[0].start, call.turns[0].end) == (None, 2.0)


def test_csv_turn_time_nan_is_missing_and_true_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "turns.csv"
    path.write_text("call_id,speaker,text,start\na,Agent,Goedemorgen,nan\nb,Agent,Goedemorgen,true\n", encoding="utf-8")
    calls, errors = calls_and_errors(records_of(path))
    assert [(call.call_id, call.turns[0].start) for call in calls] == [("a", None)]
    assert [error.call_id for error in errors] == ["b"] and "moeten getallen" in errors[0].reason
