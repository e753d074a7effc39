"""benchmarks/real_world.py: reading the judgements and the arithmetic of the figures, on a tiny synthetic corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import real_world
from benchmarks.real_world_scoring import (
    Found,
    InputFault,
    Item,
    Judgements,
    Miss,
    Verdict,
    in_split,
    read_judgements,
    score,
)

CODES = {"KL001", "KL002", "KL003"}
TEXT = "aaaaa bbbb ccccccccc dddddddddddd bar"
ITEMS = [
    Item("a", TEXT, "script", "nl-BE", "dev"),
    Item("b", TEXT, "script", "nl-NL", "dev"),
    Item("c", TEXT, "faq", "nl-NL", "dev"),
    Item("d", TEXT, "faq", "nl-BE", "dev"),
    Item("e", TEXT, "faq", "nl-NL", "dev"),
    Item("f", TEXT, "faq", "nl-NL", "dev"),
    Item("g", TEXT, "letter", "nl-NL", "dev"),
    Item("h", TEXT, "letter", "nl-NL", "test"),
]
FINDINGS = {
    "a": [Found("a", "KL001", 0, 5, "aaaaa"), Found("a", "KL002", 6, 10, "bbbb")],
    "b": [Found("b", "KL001", 0, 4, "aaaa"), Found("b", "KL003", 5, 9, " bbb")],
    "g": [Found("g", "KL002", 0, 3, "aaa")],
    "h": [Found("h", "KL001", 0, 5, "aaaaa")],
}


def _judgements() -> Judgements:
    return Judgements(
        verdicts={
            ("a", "KL001", 0, 5): Verdict("TP", "useful", "r", "aaaaa"),
            ("a", "KL002", 6, 10): Verdict("FP", None, "r", "bbbb"),
            ("a", "KL003", 20, 25): Verdict("TP", "useful", "found by an older version", "ddddd"),  # lost
            ("b", "KL001", 0, 4): Verdict("TP", "low", "r", "aaaa"),
            ("g", "KL002", 0, 3): Verdict("TP", "useful", "r", "aaa"),
            ("h", "KL001", 0, 5): Verdict("FP", None, "r", "aaaaa"),
        },
        # c: one miss of a selected rule and one of a rule not selected; d: nothing missed.
        sampled={"c": [Miss("c", "KL001", "bbbb", "r"), Miss("c", "KL015", "cc", "r")], "d": []},
        known_misses=[Miss("g", "KL001", "bar", "r")],
    )


def test_overall_figures() -> None:
    scored = score(in_split(ITEMS, "dev"), FINDINGS, _judgements(), CODES)
    t = scored.overall
    assert (t.items, t.findings, t.tp, t.fp, t.useful, t.low, t.unjudged) == (7, 5, 3, 1, 2, 1, 1)
    assert t.precision == 0.75 and t.useful_share == 0.5
    # 1 miss in a sample of 2 of the 4 no-finding items scales to 2; plus g's known miss and a's lost TP.
    assert (t.no_finding_items, t.sampled, t.sample_misses, t.known_misses) == (4, 2, 1, 2)
    assert t.estimated_misses == 4.0
    assert t.estimated_recall == pytest.approx(3 / 7)
    assert [f.key for f in scored.unjudged] == [("b", "KL003", 5, 9)]
    assert [key for key, _ in scored.lost] == [("a", "KL003", 20, 25)]


def test_per_rule_kind_and_variant() -> None:
    scored = score(in_split(ITEMS, "dev"), FINDINGS, _judgements(), CODES)
    kl001, kl002, kl003 = (scored.per_rule[code] for code in ("KL001", "KL002", "KL003"))
    assert (kl001.findings, kl001.precision, kl001.useful_share, kl001.known_misses) == (2, 1.0, 0.5, 2)
    assert (kl002.findings, kl002.precision, kl002.useful_share, kl002.known_misses) == (2, 0.5, 0.5, 0)
    assert (kl003.findings, kl003.unjudged, kl003.precision, kl003.known_misses) == (1, 1, None, 1)
    script, faq, letter = (scored.per_kind[kind] for kind in ("script", "faq", "letter"))
    assert (script.precision, script.estimated_recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert (faq.findings, faq.estimated_misses, faq.estimated_recall) == (0, 2.0, 0.0)
    assert letter.estimated_recall == 0.5
    flemish, dutch = scored.per_variant["nl-BE"], scored.per_variant["nl-NL"]
    assert (flemish.items, flemish.precision, flemish.estimated_misses, flemish.estimated_recall) == (2, 0.5, 1.0, 0.5)
    assert (dutch.items, dutch.precision, dutch.useful_share) == (5, 1.0, 0.5)
    assert (dutch.estimated_misses, dutch.estimated_recall) == (4.0, pytest.approx(2 / 6))


def test_test_split_and_all() -> None:
    test = score(in_split(ITEMS, "test"), FINDINGS, _judgements(), CODES).overall
    # No TP and no miss: recall is undefined, not 0.
    assert (test.items, test.findings, test.fp, test.precision, test.estimated_recall) == (1, 1, 1, 0.0, None)
    assert score(ITEMS, FINDINGS, _judgements(), CODES).overall.items == 8


def test_no_sample_means_no_recall_estimate() -> None:
    judgements = _judgements()
    judgements.sampled.clear()
    t = score(in_split(ITEMS, "dev"), FINDINGS, judgements, CODES).overall
    assert t.estimated_misses is None and t.estimated_recall is None


def test_a_sampled_item_that_now_has_a_finding_keeps_only_its_uncovered_misses() -> None:
    items = [Item("x", "Wat was uw naam? En uw adres?", "script", "nl-NL", "dev")]
    findings = {"x": [Found("x", "KL001", 4, 7, "was")]}
    judgements = Judgements(
        verdicts={("x", "KL001", 4, 7): Verdict("TP", "useful", "r", "was")},
        sampled={"x": [Miss("x", "KL001", "was uw naam", "r"), Miss("x", "KL002", "uw adres", "r")]},
    )
    t = score(items, findings, judgements, {"KL001", "KL002"}).overall
    # The KL001 miss is now covered by a finding of its code; the KL002 miss still counts, as a known miss.
    assert (t.no_finding_items, t.sampled, t.known_misses, t.estimated_recall) == (0, 0, 1, 0.5)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ({"id": "a", "code": "KL001", "start": 0, "end": 5, "verdict": "TP", "value": None}, "'useful' of 'low'"),
        ({"id": "a", "code": "KL001", "start": 0, "end": 5, "verdict": "FP", "value": "low"}, "value null"),
        ({"id": "a", "code": "KL001", "start": 5, "end": 5, "verdict": "FP", "value": None}, "start < end"),
        ({"id": "a", "code": "KL001", "start": 0, "end": 5, "verdict": "maybe"}, "geen TP of FP"),
        ({"id": "zz", "sample": "no-finding", "misses": []}, "staat niet in het corpus"),
        ({"id": "a", "miss": {"code": "KL001"}}, "'text' ontbreekt"),
        ({"id": "a", "note": "?"}, "'verdict', 'sample': 'no-finding' of 'miss'"),
    ],
)
def test_a_bad_judgement_line_names_file_line_and_reason(tmp_path: Path, line: dict[str, Any], reason: str) -> None:
    path = tmp_path / "judgements.jsonl"
    good = {"id": "b", "code": "KL001", "start": 0, "end": 4, "verdict": "TP", "value": "low", "reason": "r"}
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputFault, match=rf"judgements\.jsonl:3: .*{reason}"):
        read_judgements(path, {"a", "b"})


def test_a_finding_judged_twice_is_refused(tmp_path: Path) -> None:
    line = {"id": "a", "code": "KL001", "start": 0, "end": 5, "verdict": "FP", "value": None}
    path = tmp_path / "judgements.jsonl"
    path.write_text(json.dumps(line) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputFault, match=r"judgements\.jsonl:2: bevinding .* is al beoordeeld"):
        read_judgements(path, {"a"})


# -- the script end to end, with klantlint itself ----------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    records = [
        {"id": "r1", "text": "Wat was uw naam ook alweer?", "kind": "script", "variant": "nl-NL", "split": "dev"},
        {"id": "r2", "text": "Uw aanvraag wordt behandeld.", "kind": "letter", "variant": "nl-BE", "split": "dev"},
        {
            "id": "r3",
            "text": "Goeiedag, waarvoor mag ik u helpen?",
            "kind": "script",
            "variant": "nl-BE",
            "split": "test",
        },
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_dump_judge_and_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, judgements = _corpus(tmp_path), tmp_path / "judgements.jsonl"
    dump, unjudged = tmp_path / "dump.jsonl", tmp_path / "unjudged.jsonl"
    paths = ["--corpus", str(corpus), "--judgements", str(judgements)]
    assert real_world.main([*paths, "--split", "dev", "--select", "ALL", "--dump-findings", str(dump)]) == 0
    dumped = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert {(d["id"], d["code"]) for d in dumped} >= {("r1", "KL001"), ("r2", "KL015")}
    first = next(d for d in dumped if d["code"] == "KL001")
    assert first["item_text"][first["start"] : first["end"]] == first["text"] == "was uw naam"
    assert (first["kind"], first["variant"], first["split"]) == ("script", "nl-NL", "dev")

    verdict = {key: first[key] for key in ("id", "code", "start", "end", "text")}
    judgements.write_text(json.dumps({**verdict, "verdict": "TP", "value": "useful", "reason": "r"}) + "\n")
    results_md, results_json = tmp_path / "real_world.md", tmp_path / "real_world.json"
    outputs = ["--results-md", str(results_md), "--results-json", str(results_json)]
    assert real_world.main([*paths, *outputs, "--split", "dev", "--write-unjudged", str(unjudged)]) == 0
    data = json.loads(results_json.read_text(encoding="utf-8"))
    assert (data["split"], data["select"], data["unjudged"]) == ("dev", "default", 0)
    assert "KL015" not in data["codes"] and data["overall"]["findings"] == 1
    assert data["per_rule"]["KL001"]["precision"] == 1.0 and data["per_variant"]["nl-NL"]["useful_share"] == 1.0
    assert unjudged.read_text(encoding="utf-8") == ""
    assert "split **dev**" in results_md.read_text(encoding="utf-8")

    capsys.readouterr()
    assert real_world.main([*paths, *outputs, "--select", "ALL", "--write-unjudged", str(unjudged)]) == 0
    assert "UNJUDGED r2 KL015" in capsys.readouterr().out
    assert [json.loads(line)["code"] for line in unjudged.read_text(encoding="utf-8").splitlines()] == ["KL015"]
    assert "Incomplete: 1 findings are not judged yet" in results_md.read_text(encoding="utf-8")


def test_a_bad_corpus_line_stops_with_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "x", "text": "Hallo.", "kind": "faq", "variant": "nl-NL", "split": "train"}\n')
    assert real_world.main(["--corpus", str(corpus), "--judgements", str(tmp_path / "none.jsonl")]) == 2
    assert "corpus.jsonl:1: split 'train' is geen dev of test" in capsys.readouterr().err
