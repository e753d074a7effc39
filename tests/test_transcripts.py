"""Reading transcripts in every supported format, with clear errors for bad records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from klantlint.errors import InputError
from klantlint.transcripts import Call, RecordError, iter_records, read
from klantlint.transcripts.roles import assign_roles

OPENING = "Goedemorgen, u spreekt met Kim van Zonnestroom, waarmee kan ik u helpen?"
# Sounds like an outbound call (the agent says why they call), so a given direction and organisation change KL101.
OUTBOUND_SOUNDING = "Goedemiddag, met Kim van Zonnestroom. Ik bel u over uw meterstand."


def test_jsonl_call_per_line(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    path.write_text(
        json.dumps(
            {
                "call_id": "c1",
                "agent_id": "a1",
                "turns": [
                    {"speaker": "Kim", "text": OPENING, "start": 0, "end": 3.5},
                    {"speaker": "Jan", "text": "Hoi."},
                ],
            }
        )
        + "\n"
    )
    [call] = list(read(path))
    assert (call.call_id, call.agent_id, len(call.turns), call.turns[0].end, call.line) == ("c1", "a1", 2, 3.5, 1)


def test_jsonl_turn_per_line_grouped(tmp_path: Path) -> None:
    rows = [
        {"call_id": "c1", "speaker": "Kim", "text": OPENING},
        {"call_id": "c1", "speaker": "Jan", "text": "Hoi"},
        {"call_id": "c2", "speaker": "Kim", "text": "Dag"},
    ]
    path = tmp_path / "turns.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    calls = list(read(path))
    assert [(c.call_id, len(c.turns), c.line) for c in calls] == [("c1", 2, 1), ("c2", 1, 3)]


TURN_ROWS_WITH_CALL_FACTS = [
    {"call_id": "c1", "speaker": "Kim", "text": OUTBOUND_SOUNDING, "direction": "inbound", "organisation": "Zonnedal"},
    {"call_id": "c1", "speaker": "Jan", "text": "Hoi"},
    {"call_id": "c2", "speaker": "Kim", "text": "Dag", "direction": "uitgaand"},
    {"call_id": "c2", "speaker": "Jan", "text": "Hoi"},
    {"call_id": "c3", "speaker": "Kim", "text": "Dag", "organisation": ["Zonnedal", "Zonnedal Energie"]},
]


def test_turn_per_line_takes_direction_and_organisation_from_a_calls_first_turn(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in TURN_ROWS_WITH_CALL_FACTS))
    records = list(iter_records(str(path)))
    assert [(r.call_id, r.direction, r.organisation) for r in records if isinstance(r, Call)] == [
        ("c1", "inbound", ["Zonnedal"]),
        ("c3", None, ["Zonnedal", "Zonnedal Energie"]),
    ]
    errors = [(r.call_id, r.line, r.reason) for r in records if isinstance(r, RecordError)]
    assert errors == [("c2", 3, "'direction' moet 'inbound' of 'outbound' zijn, niet 'uitgaand'")]
    # The same from CSV, with the columns renamed in the config.
    csv_path = tmp_path / "turns.csv"
    csv_path.write_text("gesprek,wie,tekst,richting\nc1,Kim,Dag,outbound\nc1,Jan,Hoi,\n")
    columns = {"call_id": "gesprek", "speaker": "wie", "text": "tekst", "direction": "richting"}
    [call] = list(read(csv_path, columns=columns))
    assert call.direction == "outbound"


def test_csv_with_mapped_columns(tmp_path: Path) -> None:
    path = tmp_path / "turns.csv"
    path.write_text('gesprek,wie,tekst,van\nc1,Kim,"Goedemorgen, met Kim",0\nc1,Jan,"Hoi,\nik bel",2.5\n')
    [call] = list(read(path, columns={"call_id": "gesprek", "speaker": "wie", "text": "tekst", "start": "van"}))
    assert [t.text for t in call.turns] == ["Goedemorgen, met Kim", "Hoi,\nik bel"]
    assert call.turns[1].start == 2.5


def test_webvtt_voice_tags(tmp_path: Path) -> None:
    path = tmp_path / "gesprek-17.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Kim>Goedemorgen, met Kim.</v>\n\n"
        "00:01:05.250 --> 00:01:07.000\n<v Jan de Vries>Hallo\n"
    )
    [call] = list(read(path))
    assert call.call_id == "gesprek-17"
    assert [(t.speaker, t.text, t.start, t.end) for t in call.turns] == [
        ("Kim", "Goedemorgen, met Kim.", 1.0, 4.5),
        ("Jan de Vries", "Hallo", 65.25, 67.0),
    ]


def test_srt_speaker_prefix(tmp_path: Path) -> None:
    path = tmp_path / "g.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nAgent: Goedemorgen\n\n2\n00:00:02,500 --> 00:00:03,000\nKlant: Hoi\n"
    )
    [call] = list(read(path))
    assert [(t.speaker, t.text, t.start) for t in call.turns] == [("Agent", "Goedemorgen", 1.0), ("Klant", "Hoi", 2.5)]


def test_plain_text_and_whisperx_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Agent: Goedemorgen\nKlant: Hoi\nik bel over de factuur\n")
    [text_call] = list(read(tmp_path / "a.txt"))
    assert [t.text for t in text_call.turns] == ["Goedemorgen", "Hoi ik bel over de factuur"]
    whisper = {"segments": [{"start": 0.0, "end": 2.0, "text": " Goedemorgen.", "speaker": "SPEAKER_00"}]}
    with gzip.open(tmp_path / "b.json.gz", "wt") as handle:
        json.dump(whisper, handle)
    [whisper_call] = list(read(tmp_path / "b.json.gz"))
    assert (whisper_call.call_id, whisper_call.turns[0].speaker, whisper_call.turns[0].text) == (
        "b",
        "SPEAKER_00",
        "Goedemorgen.",
    )


def test_bad_records_become_errors_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"call_id": "ok1", "turns": [{"speaker": "A", "text": "Dag"}]}\n'
        b"{kapot\n"
        b'{"call_id": "geen-tekst", "turns": [{"speaker": "A"}]}\n'
        b'{"call_id": "latin", "turns": [{"speaker": "A", "text": "caf\xe9"}]}\n'
        b'{"call_id": "leeg", "turns": []}\n'
        b'{"call_id": "ok2", "turns": [{"speaker": "A", "text": "Dag"}]}\n'
    )
    records = list(iter_records(str(path)))
    assert [(type(r).__name__, r.line) for r in records] == [
        ("Call", 1),
        ("RecordError", 2),
        ("RecordError", 3),
        ("RecordError", 4),
        ("RecordError", 5),
        ("Call", 6),
    ]
    reasons = [r.reason for r in records if isinstance(r, RecordError)]
    assert "geen geldige JSON" in reasons[0] and "'text' ontbreekt" in reasons[1]
    assert "geen geldige UTF-8" in reasons[2] and "leeg gesprek" in reasons[3]
    with pytest.raises(InputError, match=r"mixed\.jsonl:2: geen geldige JSON"):
        list(read(path))


def test_unknown_extension_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_text("")
    with pytest.raises(InputError, match="onbekend transcriptformaat"):
        list(iter_records(str(tmp_path / "x.docx")))


def _call(*turns: tuple[str, str]) -> Call:
    from klantlint.transcripts import Turn

    return Call(call_id="c", turns=[Turn(speaker=s, text=t) for s, t in turns])


def test_roles_from_labels_config_option_and_detection() -> None:
    _, labelled = assign_roles(_call(("Klant", "Hoi"), ("Medewerker", "Dag")))
    assert (labelled.agent_speaker, labelled.method) == ("Medewerker", "label")
    _, configured = assign_roles(_call(("Kim", "Dag"), ("Jan", "Hoi")), agent_names=["kim"])
    assert (configured.agent_speaker, configured.method) == ("Kim", "config")
    _, option = assign_roles(_call(("S0", "Dag"), ("S1", "Hoi")), agent_speaker="S1")
    assert (option.agent_speaker, option.method) == ("S1", "option")
    call, detected = assign_roles(_call(("S1", "Hallo, ik bel over mijn factuur."), ("S0", OPENING)))
    assert (detected.agent_speaker, detected.method) == ("S0", "auto") and detected.confidence > 0.5
    assert [t.role for t in call.turns] == ["customer", "agent"]
    _, unknown = assign_roles(_call(("S0", "hallo"), ("S1", "hallo")))
    assert (unknown.agent_speaker, unknown.method) == (None, "none")
