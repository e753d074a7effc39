"""Conversation rules KL101-KL107: on calls, on dialogue scripts, in the summary, the CLI and the config."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from klantlint import Config, Linter
from klantlint.batch.summary import summary_record
from klantlint.conversation import CONVERSATION_CODES, builtin_conversation_rules
from klantlint.conversation import cues as cue_lists
from klantlint.conversation.durations import announced_seconds
from klantlint.conversation.text import Cue, compile_cues
from klantlint.engine.base import RuleInfo
from klantlint.transcripts import Call, CallResult, RecordError, Turn, iter_records
from tests.cli_helpers import run_cli

CONVERSATION_INFOS = [rule.info for rule in builtin_conversation_rules()]
LINE = re.compile(r"^(?:\[(?P<start>[\d:.]+)(?:-(?P<end>[\d:.]+))?\]\s*)?(?P<speaker>Agent|Klant):\s*(?P<text>.*)$")


def _seconds(stamp: str | None) -> float | None:
    if stamp is None:
        return None
    minutes, seconds = stamp.split(":")
    return int(minutes) * 60 + float(seconds)


def call_from_dialogue(dialogue: str, **metadata: object) -> Call:
    """The call a rule example describes ("[mm:ss-mm:ss] Agent: ..." lines), built without the script reader."""
    turns = []
    for line in dialogue.splitlines():
        match = LINE.match(line)
        assert match is not None, line
        turns.append(
            Turn(
                speaker=match["speaker"],
                text=match["text"],
                start=_seconds(match["start"]),
                end=_seconds(match["end"]),
            )
        )
    return Call(call_id="voorbeeld", turns=turns, **metadata)  # type: ignore[arg-type]


def codes_at(result: CallResult) -> set[tuple[str, int]]:
    return {(item.finding.code, item.turn_index) for item in result.findings if item.finding.code in CONVERSATION_CODES}


def timed(*turns: tuple[str, str, float, float], **metadata: object) -> Call:
    return Call(
        call_id="c",
        turns=[Turn(speaker=speaker, text=text, start=start, end=end) for speaker, text, start, end in turns],
        **metadata,  # type: ignore[arg-type]
    )


OPENING = "Goedemorgen, u spreekt met Kim van Netlijn. Waarmee kan ik u helpen?"
CLOSING = "Graag gedaan, meneer Jansen. Een fijne dag nog."


# -- every rule's examples, as a script and as a call --------------------------------------------------------------

BAD = [(info.code, text) for info in CONVERSATION_INFOS for text in info.bad_examples]
GOOD = [(info.code, text) for info in CONVERSATION_INFOS for text in info.good_examples]


def test_every_conversation_rule_is_in_the_catalogue(linter: Linter) -> None:
    codes = [info.code for info in linter.rule_infos()]
    assert [f"KL{number}" for number in range(101, 108)] == [code for code in codes if code in CONVERSATION_CODES]
    assert codes == sorted(codes)


@pytest.mark.parametrize(("code", "text"), BAD, ids=[f"{c}-bad-{i}" for i, (c, _) in enumerate(BAD)])
def test_bad_example_fires_on_the_call_as_on_the_script(linter: Linter, code: str, text: str) -> None:
    on_call = codes_at(linter.check_call(call_from_dialogue(text)))
    assert code in {c for c, _ in on_call}, on_call
    on_script = {f.code for f in linter.check(text)}
    assert {c for c, _ in on_call} == on_script & CONVERSATION_CODES


@pytest.mark.parametrize(("code", "text"), GOOD, ids=[f"{c}-good-{i}" for i, (c, _) in enumerate(GOOD)])
def test_good_example_stays_quiet_on_the_call(linter: Linter, code: str, text: str) -> None:
    assert code not in {c for c, _ in codes_at(linter.check_call(call_from_dialogue(text)))}


@pytest.mark.parametrize("info", CONVERSATION_INFOS, ids=[info.code for info in CONVERSATION_INFOS])
def test_examples_are_dialogues_and_explanation_says_what_to_do(info: RuleInfo) -> None:
    for example in [*info.bad_examples, *info.good_examples]:
        assert all(LINE.match(line) for line in example.splitlines()), example
    assert len(info.explanation.beter) > 80


# -- KL101 ---------------------------------------------------------------------------------------------------------


def test_opening_message_names_what_is_missing(linter: Linter) -> None:
    result = linter.check_call(
        timed(("Agent", "Goedemorgen, met Kim.", 0, 2), ("Klant", "Hallo, met Jansen.", 2, 4), organisation=["Netlijn"])
    )
    [finding] = [f.finding for f in result.findings if f.finding.code == "KL101"]
    assert "de naam van de organisatie" in finding.message and "hulpaanbod" in finding.message
    assert "groet" not in finding.message.split("mist", 1)[1].split(".")[0]
    assert "eigen naam" not in finding.message


def test_outbound_call_needs_no_offer_of_help(linter: Linter) -> None:
    turns = (
        ("Klant", "Met Jansen.", 0, 1.5),
        ("Agent", "Goedemiddag meneer Jansen, u spreekt met Jeroen van Bonenland. Ik bel u over uw offerte.", 2, 8),
        ("Klant", "O ja.", 8, 9),
    )
    assert "KL101" not in {c for c, _ in codes_at(linter.check_call(timed(*turns)))}
    inbound = linter.check_call(timed(*turns, direction="inbound"))
    assert ("KL101", 1) in codes_at(inbound)


def test_configured_organisation_is_required_by_name(tmp_path: Path) -> None:
    linter = Linter(Config(organisation=["Zonnedal Energie"]))
    named = "Agent: Goedemorgen, met Sanne van Zonnedal Energie. Waarmee kan ik u helpen?\nKlant: Hallo."
    other = "Agent: Goedemorgen, met Sanne van de klantenservice. Waarmee kan ik u helpen?\nKlant: Hallo."
    assert "KL101" not in {f.code for f in linter.check(named)}
    assert "KL101" in {f.code for f in linter.check(other)}


# -- KL102 / KL103 ---------------------------------------------------------------------------------------------------


def test_surname_with_title_counts_as_using_the_name(linter: Linter) -> None:
    call = timed(
        ("Agent", OPENING, 0, 4),
        ("Klant", "Goedemorgen, met Pieter de Vries.", 4, 6),
        ("Agent", "Dank u, meneer De Vries. Wat is er aan de hand?", 6, 9),
    )
    assert "KL102" not in {c for c, _ in codes_at(linter.check_call(call))}
    unused = timed(
        ("Agent", OPENING, 0, 4),
        ("Klant", "Goedemorgen, met Pieter de Vries.", 4, 6),
        ("Agent", "Wat is er aan de hand?", 6, 9),
    )
    assert codes_at(linter.check_call(unused)) >= {("KL102", 2)}


def test_name_asked_again_with_a_reason_is_fine(linter: Linter) -> None:
    asked = "Ik heb uw naam niet goed verstaan. Hoe spel ik uw achternaam?"
    turns = [("Agent", OPENING, 0, 4), ("Klant", "Met Jansen.", 4, 5)]
    with_reason = linter.check_call(timed(*turns, ("Agent", asked, 5, 9)))
    without = linter.check_call(timed(*turns, ("Agent", "Wat was uw naam ook alweer?", 5, 9)))
    assert "KL103" not in {c for c, _ in codes_at(with_reason)}
    [finding] = [f.finding for f in without.findings if f.finding.code == "KL103"]
    assert finding.text == "Wat was uw naam"
    assert "KL001" in {f.finding.code for f in without.findings}


# -- KL104 -----------------------------------------------------------------------------------------------------------


def _hold_call(back_at: float, *, check_in_at: float | None = None, check_in: str = "") -> Call:
    turns = [
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Jansen, mijn internet doet het niet.", 4, 8),
        ("Agent", "Ik zoek het voor u uit, meneer Jansen. Dat duurt twee minuutjes.", 8, 12),
        ("Klant", "Goed.", 12, 13),
    ]
    if check_in_at is not None:
        turns.append(("Agent", check_in, check_in_at, check_in_at + 3))
    turns += [
        ("Agent", "Dank u voor het wachten. Er is een storing, die is om vier uur opgelost.", back_at, back_at + 5),
        ("Klant", "Dank u.", back_at + 5, back_at + 6),
        ("Agent", CLOSING, back_at + 6, back_at + 9),
    ]
    return timed(*turns)


def test_hold_of_two_minutes_back_at_110_s_is_fine_at_130_s_not(linter: Linter) -> None:
    assert "KL104" not in {c for c, _ in codes_at(linter.check_call(_hold_call(12 + 110)))}
    late = linter.check_call(_hold_call(12 + 130))
    assert ("KL104", 4) in codes_at(late)
    [finding] = [f.finding for f in late.findings if f.finding.code == "KL104"]
    assert "2 minuten en 10 seconden" in finding.message and "2 minuten aangekondigd" in finding.message


def test_checking_back_in_during_a_hold_restarts_the_clock(linter: Linter) -> None:
    # Back in time (100 s of 120) to say it takes longer: the check-in is a new announcement, here of two minutes.
    named = _hold_call(12 + 200, check_in_at=12 + 100, check_in="Het duurt iets langer, nog twee minuutjes geduld.")
    result = linter.check_call(named)
    assert "KL104" not in {c for c, _ in codes_at(result)}
    assert result.holds == 1 and result.hold_durations_s == [200.0]
    # A check-in that names no time allows 60 s again: back 97 s after it is too late.
    unnamed = _hold_call(12 + 200, check_in_at=12 + 100, check_in="Het duurt iets langer, nog even geduld.")
    assert ("KL104", 5) in codes_at(linter.check_call(unnamed))
    # A check-in that itself comes too late is the finding.
    late = _hold_call(12 + 200, check_in_at=12 + 150, check_in="Het duurt iets langer, nog twee minuutjes geduld.")
    assert ("KL104", 4) in codes_at(linter.check_call(late))


def test_hold_without_a_duration_allows_60_seconds(linter: Linter) -> None:
    def call(back: float) -> Call:
        return timed(
            ("Agent", OPENING, 0, 4),
            ("Klant", "Met Jansen, ik heb een vraag over mijn factuur.", 4, 8),
            ("Agent", "Momentje.", 8, 9),
            ("Agent", "Ik zie het, meneer Jansen, de factuur is gisteren verstuurd.", 9 + back, 14 + back),
        )

    assert "KL104" not in {c for c, _ in codes_at(linter.check_call(call(55)))}
    assert ("KL104", 3) in codes_at(linter.check_call(call(75)))


def test_announced_durations_in_words_and_digits() -> None:
    assert announced_seconds("dat duurt twee minuutjes") == 120
    assert announced_seconds("hooguit 30 seconden") == 30
    assert announced_seconds("een minuut of drie") == 180
    assert announced_seconds("twee à drie minuten") == 180
    assert announced_seconds("anderhalve minuut") == 90
    assert announced_seconds("een halve minuut") == 30
    assert announced_seconds("momentje") is None
    assert announced_seconds("ik bel u voor vijf uur terug") is None


# -- KL105 -----------------------------------------------------------------------------------------------------------


def test_refusal_followed_by_a_call_back_with_a_time_is_fine(linter: Linter) -> None:
    turns = [
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Jansen. Wanneer krijg ik mijn geld terug?", 4, 8),
        ("Agent", "Dat weet ik niet, meneer Jansen, dat bepaalt de backoffice.", 8, 12),
        ("Klant", "Hm.", 12, 13),
    ]
    call_back = ("Agent", "Ik vraag het na en ik bel u morgen voor twaalf uur terug.", 13, 17)
    vague = ("Agent", "Ik vraag het wel een keer na.", 13, 17)
    assert "KL105" not in {c for c, _ in codes_at(linter.check_call(timed(*turns, call_back)))}
    refused = linter.check_call(timed(*turns, vague))
    assert ("KL105", 2) in codes_at(refused)
    [finding] = [f.finding for f in refused.findings if f.finding.code == "KL105"]
    assert finding.text.lower().startswith("dat weet ik niet")


# -- KL106 -----------------------------------------------------------------------------------------------------------


def test_closing_needs_a_summary_only_when_something_was_agreed(linter: Linter) -> None:
    question = [
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Jansen. Wat kost een extra tv-box?", 4, 7),
        ("Agent", "Vijf euro per maand, meneer Jansen.", 7, 10),
        ("Klant", "Dank u.", 10, 11),
    ]
    assert "KL106" not in {c for c, _ in codes_at(linter.check_call(timed(*question, ("Agent", CLOSING, 11, 13))))}
    agreed = [
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Jansen. Mijn modem is kapot.", 4, 7),
        ("Agent", "Ik stuur u vandaag een nieuwe modem, meneer Jansen.", 7, 10),
        ("Klant", "Dank u.", 10, 11),
    ]
    result = linter.check_call(timed(*agreed, ("Agent", CLOSING, 11, 13)))
    [finding] = [f.finding for f in result.findings if f.finding.code == "KL106"]
    assert "samenvatting" in finding.message and "groet" not in finding.message
    summarised = ("Agent", "Samengevat: de modem gaat vandaag op de post. Een fijne dag nog, meneer Jansen.", 11, 15)
    assert "KL106" not in {c for c, _ in codes_at(linter.check_call(timed(*agreed, summarised)))}


# -- KL107 -----------------------------------------------------------------------------------------------------------


def _overlap_call(overlap: float) -> Call:
    return timed(
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Jansen. Ik heb vorige week al gebeld over mijn factuur.", 4, 10),
        ("Agent", "Dat zie ik, meneer Jansen.", 10 - overlap, 12),
        ("Klant", "En toen zou ik worden teruggebeld.", 12, 15),
        ("Agent", "Dat is niet gebeurd, dat spijt me.", 15 - overlap, 17),
    )


def test_overlap_of_0_8_s_is_fine_1_5_s_is_reported_once_with_the_count(linter: Linter) -> None:
    assert "KL107" not in {c for c, _ in codes_at(linter.check_call(_overlap_call(0.8)))}
    result = linter.check_call(_overlap_call(1.5))
    found = [f for f in result.findings if f.finding.code == "KL107"]
    assert [f.turn_index for f in found] == [2]
    assert "2 keer" in found[0].finding.message


# -- timestamps, summary ---------------------------------------------------------------------------------------------


def test_without_timestamps_kl104_and_kl107_are_skipped_and_listed(linter: Linter) -> None:
    late = _hold_call(12 + 130)
    untimed = late.model_copy(update={"turns": [t.model_copy(update={"start": None, "end": None}) for t in late.turns]})
    result = linter.check_call(untimed)
    assert not {c for c, _ in codes_at(result)} & {"KL104", "KL107"}
    record = summary_record(result)
    assert record["conversation_rules_skipped"] == ["KL104", "KL107"]
    assert record["longest_agent_monologue_s"] is None and record["hold_durations_s"] == []
    assert summary_record(linter.check_call(late))["conversation_rules_skipped"] == []


def test_summary_has_conversation_figures(linter: Linter) -> None:
    record = summary_record(linter.check_call(_hold_call(12 + 130)))
    assert record["holds"] == 1 and record["hold_durations_s"] == [130.0]
    assert record["conversation_rules"] == ["KL104"]
    assert record["longest_agent_monologue_s"] == 5.0  # every agent turn here is followed by the customer
    assert {"agent_talk_share", "counts", "score"} <= set(record)


def test_longest_monologue_joins_agent_turns_but_not_across_a_hold(linter: Linter) -> None:
    call = timed(
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Jansen.", 4, 5),
        ("Agent", "Dank u, meneer Jansen. Ik leg eerst uit hoe de afrekening werkt.", 5, 15),
        ("Agent", "Daarna kijken we samen naar uw verbruik.", 16, 24),
        ("Agent", "Ik zet u even in de wacht.", 24, 26),
        ("Agent", "Dank u voor het wachten.", 56, 58),
    )
    assert summary_record(linter.check_call(call))["longest_agent_monologue_s"] == 21.0


def test_batch_summary_csv_has_the_new_columns(tmp_path: Path) -> None:
    call = _hold_call(12 + 130)
    (tmp_path / "in.jsonl").write_text(json.dumps(call.model_dump(exclude={"source", "line"})) + "\n")
    result = run_cli("batch", "in.jsonl", "--summary", "s.csv", "-o", "f.jsonl", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    [row] = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert json.loads(row["hold_durations_s"]) == [130.0] and row["holds"] == "1"
    assert json.loads(row["conversation_rules"]) == ["KL104"] and json.loads(row["conversation_rules_skipped"]) == []
    findings = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text().splitlines()]
    assert [(f["code"], f["turn_index"]) for f in findings if f["code"] == "KL104"] == [("KL104", 4)]


def test_jsonl_direction_and_organisation_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    good = {
        "call_id": "a",
        "direction": "outbound",
        "organisation": "Netlijn",
        "turns": [{"speaker": "A", "text": "x"}],
    }
    bad = {**good, "call_id": "b", "direction": "uitgaand"}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    first, second = list(iter_records(str(path)))
    assert isinstance(first, Call) and (first.direction, first.organisation) == ("outbound", ["Netlijn"])
    assert isinstance(second, RecordError) and second.line == 2 and "'direction'" in second.reason


# -- selection, severity ---------------------------------------------------------------------------------------------


def test_select_ignore_prefixes_and_severity_apply_to_conversation_rules() -> None:
    call = _hold_call(12 + 130)
    only = Linter(Config(select=["KL10"], ignore=["KL104"], severity={"KL106": "error"}))
    codes = {item.finding.code for item in only.check_call(call).findings}
    assert codes <= {f"KL10{n}" for n in range(10)} and "KL104" not in codes
    assert {item.finding.code for item in Linter(Config(select=["KL104"])).check_call(call).findings} == {"KL104"}
    strict = Linter(Config(select=["KL106"], severity={"KL106": "error"}))
    no_greeting = timed(("Agent", OPENING, 0, 4), ("Klant", "Met Jansen.", 4, 5), ("Agent", "Oké.", 5, 6))
    [finding] = strict.check_call(no_greeting).findings
    assert finding.finding.severity == "error"


# -- dialogue scripts ------------------------------------------------------------------------------------------------

SCRIPT = """---
team: retouren
---
# Retour

**Agent:** Goedemiddag, Woonwinkel Linde.
**Klant:** Goedemiddag, u spreekt met mevrouw Bakker.
<!-- klantlint: ignore[KL106] -- het script stopt hier bewust -->
**Agent:** Wat was uw naam ook alweer?
"""


def test_markdown_dialogue_through_the_cli_points_into_the_file(tmp_path: Path) -> None:
    (tmp_path / "retour.md").write_text(SCRIPT, encoding="utf-8")
    result = run_cli("check", "retour.md", "--format", "json", "--select", "KL1", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    by_code = {f["code"]: f for f in findings}
    assert set(by_code) == {"KL101", "KL102", "KL103"}  # KL106 suppressed, and KL900 does not call it unused
    lines = SCRIPT.splitlines()
    opening = by_code["KL101"]
    assert (opening["line"], opening["column"]) == (6, 12)
    assert lines[5][11:].startswith(opening["text"]) and opening["text"] == "Goedemiddag, Woonwinkel Linde."
    asked = by_code["KL103"]
    assert (asked["line"], asked["column"], asked["text"]) == (9, 12, "Wat was uw naam")
    assert SCRIPT[asked["start"] : asked["end"]] == asked["text"]


def test_prose_without_speaker_labels_gets_no_conversation_findings(linter: Linter) -> None:
    prose = "Goedemorgen. Wat was uw naam ook alweer? Dat weet ik niet.\n\nDag."
    assert not {f.code for f in linter.check(prose)} & CONVERSATION_CODES
    agent_only = "Agent: Goedemorgen.\nAgent: Dat weet ik niet."
    assert not {f.code for f in linter.check(agent_only)} & CONVERSATION_CODES


def test_timestamps_in_a_script_enable_kl107(linter: Linter) -> None:
    script = (
        "[00:00-00:04] Agent: " + OPENING + "\n"
        "[00:04-00:10] Klant: Met Jansen. Ik heb vorige week al gebeld over mijn factuur.\n"
        "[00:08-00:12] Agent: Dat zie ik, meneer Jansen.\n"
    )
    [finding] = [f for f in linter.check(script) if f.code == "KL107"]
    assert finding.line == 3 and finding.text == "Dat zie ik, meneer Jansen."
    untimed = re.sub(r"\[[^\]]*\] ", "", script)
    assert "KL107" not in {f.code for f in linter.check(untimed)}


def test_explain_kl104_in_dutch() -> None:
    result = run_cli("explain", "KL104", cwd=Path.cwd())
    assert result.returncode == 0
    for title in ("## Wat gaat er mis", "## Waarom", "## Voorbeeld", "## Beter", "## Herschrijven veilig?"):
        assert title in result.stdout
    assert "terugbellen" in result.stdout


# -- cues: word edges and gates --------------------------------------------------------------------------------------


def test_cue_edges_follow_the_cue_punctuation_included() -> None:
    word_edged = compile_cues(r"stop", r"dus\s*:", r"naam\s+is\s*\?")
    assert word_edged.search("ik stop ermee") is not None and word_edged.search("het stopcontact") is None
    # A cue that ends in punctuation is bounded by it: "dus:" before a space, "is?" at the end of the text.
    assert word_edged.search("dus: het adres is gecorrigeerd").group() == "dus:"
    assert word_edged.search("en uw naam is?").group() == "naam is?"
    assert word_edged.search("modus: aan") is None


def test_a_gate_must_cover_every_alternative() -> None:
    gated = compile_cues(r"(?:ik|we)\s+bel(?:len)?\s+u", r"terugbel\w*", gate=("bel",))
    assert gated.search("morgen bellen we u") is None and gated.search("ik bel u morgen").group() == "ik bel u"
    uncovered = compile_cues(r"(?:ik|we)\s+bel\s+u", r"contact\s+opnemen", gate=("bel",))
    with pytest.raises(ValueError, match="gate"):
        uncovered.search("we bellen u")


def test_a_cue_compiles_on_first_use_and_every_cue_compiles() -> None:
    """A cue's regex is built when it is first used (`klantlint rules` never pays for it, see test_architecture);
    every cue compiles, so a gate that misses an alternative fails here rather than on the first call needing it."""
    cue = compile_cues(r"stop")
    assert not cue.compiled
    assert cue.search("ik stop") is not None and cue.compiled
    every_cue = [value for value in vars(cue_lists).values() if isinstance(value, Cue)]
    assert len(every_cue) >= 29
    for each in every_cue:
        assert each.regex.pattern


# -- held-out mistakes, generalised: new variants of each cause -------------------------------------------------------


def untimed(*turns: tuple[str, str]) -> Call:
    return Call(call_id="c", turns=[Turn(speaker=speaker, text=text) for speaker, text in turns])


def kl(code: str, result: CallResult) -> list[int]:
    return sorted(turn for c, turn in codes_at(result) if c == code)


@pytest.mark.parametrize(
    "asked",
    [
        "Ik heb uw polis voor me. Hoe was uw naam ook alweer?",  # a record open is no reason
        "zo ik zie de bestelling in het systeem wat was uw naam",
        "Sorry, hoe heette u ook alweer?",  # past tense of "heten"
        "Wie had ik ook alweer aan de lijn?",
        "oké en uw naam was",  # transcript: the question without a question mark
    ],
)
def test_name_asked_again_without_a_reason_in_other_words(linter: Linter, asked: str) -> None:
    call = untimed(
        ("Agent", OPENING),
        ("Klant", "Goedemorgen, met Marieke Doornbos. Mijn modem knippert rood."),
        ("Agent", "Vervelend, mevrouw Doornbos. Hoe lang al?"),
        ("Klant", "Sinds gisteren."),
        ("Agent", asked),
        ("Klant", "Doornbos."),
        ("Agent", "Dank u, mevrouw Doornbos. Er is een storing, die is vanavond opgelost. Fijne dag nog!"),
    )
    assert kl("KL103", linter.check_call(call)) == [4]


@pytest.mark.parametrize(
    "asked",
    [
        "Ik zet uw naam op de bevestiging, dus voor de zekerheid: hoe schrijft u uw achternaam?",
        "Ik noteer het even in uw dossier. Wat was uw naam ook alweer?",
        "De lijn kraakt erg, ik verstond het niet. Hoe was uw naam?",
        "Ik moet controleren of ik de juiste klant heb. Wat is uw volledige naam?",
        "Wat is uw achternaam, want die komt op het vervangende modem te staan?",
    ],
)
def test_name_asked_again_with_a_reason_in_other_words(linter: Linter, asked: str) -> None:
    call = untimed(
        ("Agent", OPENING),
        ("Klant", "Goedemorgen, met Marieke Doornbos. Mijn modem knippert rood."),
        ("Agent", asked),
        ("Klant", "Doornbos."),
        ("Agent", "Dank u, mevrouw Doornbos. Er is een storing, die is vanavond opgelost. Fijne dag nog!"),
    )
    assert kl("KL103", linter.check_call(call)) == []


def _lookup_call(announcement: str, back_after: float) -> Call:
    return timed(
        ("Agent", OPENING, 0, 4),
        ("Klant", "Met Okafor. Mijn bestelling is nog niet binnen.", 4, 8),
        ("Agent", announcement, 8, 12),
        ("Klant", "Goed.", 12, 13),
        ("Agent", "Daar ben ik weer, meneer Okafor. Het pakket ligt bij de buren.", 12 + back_after, 17 + back_after),
        ("Klant", "O, dank u.", 17 + back_after, 18 + back_after),
        ("Agent", CLOSING, 18 + back_after, 21 + back_after),
    )


@pytest.mark.parametrize(
    ("announcement", "allowed"),
    [
        ("ik zoek op waar het pakket nu ligt een halve minuut", 30),  # a look-up and a bare duration
        ("Ik ga even kijken, geeft u me twee minuten.", 120),
        ("laat me even kijken", 60),  # no duration named: 60 s
    ],
)
def test_a_look_up_is_a_hold_with_the_duration_it_names(linter: Linter, announcement: str, allowed: float) -> None:
    assert kl("KL104", linter.check_call(_lookup_call(announcement, allowed - 10))) == []
    assert kl("KL104", linter.check_call(_lookup_call(announcement, allowed + 25))) == [4]


def test_a_request_stands_when_the_agent_first_asks_for_a_number(linter: Linter) -> None:
    def call(request: str) -> Call:
        return untimed(
            ("Agent", OPENING),
            ("Klant", f"Goedemorgen, met Visser. {request}"),
            ("Agent", "Dat zoek ik op, meneer Visser. Wat is het ordernummer?"),
            ("Klant", "KW 4471."),
            ("Agent", "Nee, dat gaat niet meer, hij is al onderweg."),
            ("Klant", "Jammer."),
            ("Agent", "Graag gedaan, meneer Visser. Fijne dag nog."),
        )

    assert kl("KL105", linter.check_call(call("Wij willen de bezorging naar vrijdag verplaatsen."))) == [4]
    assert kl("KL105", linter.check_call(call("Kunt u de bezorging naar vrijdag verplaatsen?"))) == [4]
    # A question of fact asks for nothing: "Nee, dat gaat niet" then answers it.
    assert kl("KL105", linter.check_call(call("Kan het zijn dat de bezorger al geweest is?"))) == []


@pytest.mark.parametrize(
    ("answer", "refused"),
    [
        ("Ja, graag, dat is beter dan niets.", False),
        ("Doe dat maar.", False),
        ("Nee, laat maar, dan annuleer ik zelf wel.", True),
        ("Daar heb ik niks aan.", True),
    ],
)
def test_an_alternative_the_customer_takes_resolves_the_refusal(linter: Linter, answer: str, refused: bool) -> None:
    call = untimed(
        ("Agent", OPENING),
        ("Klant", "Met Bosman. Kan ik mijn cursus kosteloos verplaatsen naar het najaar?"),
        ("Agent", "Kosteloos verplaatsen kan ik niet: de cursus begint over een week."),
        ("Klant", "Dat is vervelend."),
        ("Agent", "Ik kan u wel een tegoed geven voor de volle cursusprijs, een jaar geldig."),
        ("Klant", answer),
        ("Agent", "Goed, meneer Bosman. Een fijne dag nog."),
    )
    assert kl("KL105", linter.check_call(call)) == ([2] if refused else [])


def test_a_written_confirmation_can_be_said_as_what_comes_by_post(linter: Linter) -> None:
    call = untimed(
        ("Agent", OPENING),
        ("Klant", "Met Bosman. Kunt u mijn abonnement per direct stoppen?"),
        ("Agent", "Per direct kan helaas niet, de opzegtermijn is een maand."),
        ("Klant", "Dan per volgende maand."),
        ("Agent", "Dat zet ik erin. Het bewijs van opzegging komt morgen per post naar u toe."),
        ("Klant", "Goed."),
        ("Agent", "Samengevat: uw abonnement stopt per volgende maand. Fijne dag nog."),
    )
    assert kl("KL105", linter.check_call(call)) == []


@pytest.mark.parametrize(
    "recap",
    [
        "Dus: de monteur komt dinsdag tussen acht en twaalf, en u krijgt vooraf een sms.",
        "Dan nog even wat we geregeld hebben: de monteur komt dinsdag en u krijgt vooraf een sms.",
        "Dan loop ik het nog even met u door: de monteur komt dinsdag en u krijgt vooraf een sms.",
        "Wat er nu afgesproken is: de monteur komt dinsdag en u krijgt vooraf een sms.",
        "dus afgesproken is dinsdag komt de monteur en vooraf krijgt u een sms",
    ],
)
def test_a_recap_in_other_words_is_a_summary(linter: Linter, recap: str) -> None:
    turns = [
        ("Agent", OPENING),
        ("Klant", "Met Jansen. Mijn cv-ketel lekt."),
        ("Agent", "Ik plan een monteur in voor dinsdag tussen acht en twaalf, meneer Jansen."),
        ("Klant", "Prima. Belt hij vooraf?"),
        ("Agent", "U krijgt een sms als hij onderweg is."),
        ("Klant", "Fijn."),
    ]
    closing = ("Agent", f"{recap} Een fijne dag nog, meneer Jansen.")
    assert kl("KL106", linter.check_call(untimed(*turns, closing))) == []
    assert kl("KL106", linter.check_call(untimed(*turns, ("Agent", CLOSING)))) == [6]


@pytest.mark.parametrize(
    ("reply", "agreed"),
    [
        ("Dat komt me slecht uit, kan het ook op maandag?", False),
        ("Donderdag, dan ben ik op mijn werk.", False),
        ("Prima, dan ben ik thuis.", True),
    ],
)
def test_a_proposal_the_customer_turns_down_agrees_nothing(linter: Linter, reply: str, agreed: bool) -> None:
    call = untimed(
        ("Klant", "Met Smit."),
        ("Agent", "Goedemiddag meneer Smit, u spreekt met Iris van Waterbedrijf Noord. Ik bel over uw watermeter."),
        ("Klant", "Ja?"),
        ("Agent", "De monteur komt donderdag tussen acht en twaalf om hem te vervangen."),
        ("Klant", reply),
        ("Agent", "Heeft u verder nog vragen?"),
        ("Klant", "Nee."),
        ("Agent", "Dan wens ik u een fijne dag, meneer Smit."),
    )
    assert kl("KL106", linter.check_call(call)) == ([7] if agreed else [])


# -- blind-set mistakes, generalised: new variants of each cause ------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "missing_name"),
    [
        ("Goedemorgen, Joris de Wit hier bij Tuinhuis Groen. Waar kan ik u mee helpen?", False),
        ("goeiemiddag ria hier van tuinhuis groen wat kan ik voor u doen", False),
        ("Goedemorgen, klantenservice hier van Tuinhuis Groen. Waar kan ik u mee helpen?", True),
    ],
)
def test_the_agent_may_give_their_name_before_hier_van(linter: Linter, opening: str, missing_name: bool) -> None:
    call = Call(
        call_id="c",
        organisation=["Tuinhuis Groen"],
        direction="inbound",
        turns=[
            Turn(speaker="Agent", text=opening),
            Turn(speaker="Klant", text="Met Bakker. Wanneer gaat de winkel open?"),
            Turn(speaker="Agent", text="Om negen uur, meneer Bakker."),
            Turn(speaker="Klant", text="Dank u."),
            Turn(speaker="Agent", text="Graag gedaan, meneer Bakker. Een fijne dag nog."),
        ],
    )
    assert kl("KL101", linter.check_call(call)) == ([0] if missing_name else [])


@pytest.mark.parametrize(
    ("said", "used"),
    [
        ("Blijft het scherm dan zwart, of ziet u het logo?", False),  # the colour, lowercase in a cased turn
        ("Blijft het scherm dan zwart, mevrouw Zwart?", True),
    ],
)
def test_a_surname_said_as_an_ordinary_word_is_no_use_of_it(linter: Linter, said: str, used: bool) -> None:
    call = untimed(
        ("Agent", OPENING),
        ("Klant", "Goedemiddag, mijn naam is Zwart. Mijn tv doet het niet meer."),
        ("Agent", "Vervelend. Heeft u hem al opnieuw opgestart?"),
        ("Klant", "Ja, twee keer."),
        ("Agent", said),
        ("Klant", "Het blijft zwart."),
        ("Agent", "Dan is het de voeding. Zet hem een minuut zonder stroom, dan start hij weer."),
        ("Klant", "Dat probeer ik. Dank u."),
        ("Agent", "Graag gedaan. Een fijne dag nog."),
    )
    assert kl("KL102", linter.check_call(call)) == ([] if used else [8])


@pytest.mark.parametrize(
    ("announcement", "allowed"),
    [
        ("Dat is twee minuten werk. Kunt u zolang even wachten?", 120),
        ("het systeem is traag vandaag wilt u daar heel even op wachten", 60),
    ],
)
def test_asking_the_caller_to_wait_is_a_hold(linter: Linter, announcement: str, allowed: float) -> None:
    assert kl("KL104", linter.check_call(_lookup_call(announcement, allowed - 10))) == []
    assert kl("KL104", linter.check_call(_lookup_call(announcement, allowed + 25))) == [4]


@pytest.mark.parametrize(
    ("question", "refused"),
    [
        ("Kan dat bruine water gevaarlijk zijn voor mijn baby?", False),  # a question of fact
        ("Kan het water vandaag nog afgesloten worden?", True),  # a request
    ],
)
def test_nee_dat_kan_niet_answers_a_question_of_fact(linter: Linter, question: str, refused: bool) -> None:
    call = untimed(
        ("Agent", OPENING),
        ("Klant", f"Goedemorgen, met De Graaf. {question}"),
        ("Agent", "Nee, dat kan niet, mevrouw De Graaf: het is ijzer uit de oude leidingen."),
        ("Klant", "Goed om te weten."),
        ("Agent", "Graag gedaan, mevrouw De Graaf. Een fijne dag nog."),
    )
    assert kl("KL105", linter.check_call(call)) == ([2] if refused else [])


def test_connecting_to_a_device_during_a_hold_agrees_nothing(linter: Linter) -> None:
    def call(action: str) -> Call:
        return untimed(
            ("Agent", OPENING),
            ("Klant", "Met Jansen. Mijn thermostaat doet niets meer."),
            ("Agent", f"{action} Blijft u even aan de lijn, meneer Jansen?"),
            ("Klant", "Ja hoor."),
            ("Agent", "De batterij is leeg. Als u die vervangt, werkt hij weer."),
            ("Klant", "O, dat doe ik. Dank u."),
            ("Agent", CLOSING),
        )

    assert kl("KL106", linter.check_call(call("Ik maak nu verbinding met uw thermostaat en lees hem uit."))) == []
    # a change the agent makes is an agreement, and this call has no summary of it
    assert kl("KL106", linter.check_call(call("Ik zet uw thermostaat terug op de fabrieksinstellingen."))) == [6]
