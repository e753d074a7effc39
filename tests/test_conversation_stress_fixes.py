"""Failure classes of the conversation rules found with the stress call set (`tests/corpus/calls/stress_conv.jsonl`):
diarised and speech-to-text calls, back-channels, Flemish wording and organisations named by a short form. Every
call here is written for the test; none copies a turn of a labelled set."""

from __future__ import annotations

import pytest

from klantlint import Config, Linter
from klantlint.transcripts import Call, Turn


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(select=["ALL"]))


def _timed_call(*turns: tuple[str, str, float, float], organisation: str = "Zeelicht") -> Call:
    return Call(
        call_id="t",
        turns=[Turn(speaker=speaker, text=text, start=start, end=end) for speaker, text, start, end in turns],
        organisation=[organisation],
    )


def _call(*turns: tuple[str, str], organisation: str = "Zeelicht", **metadata: object) -> Call:
    return Call(
        call_id="c",
        turns=[Turn(speaker=speaker, text=text) for speaker, text in turns],
        organisation=[organisation],
        **metadata,  # type: ignore[arg-type]
    )


def _findings(linter: Linter, call: Call) -> set[tuple[str, int]]:
    return {(item.finding.code, item.turn_index) for item in linter.check_call(call).findings}


def _codes(linter: Linter, call: Call) -> set[str]:
    return {code for code, _ in _findings(linter, call)}


# KL107: back-channels are listening, not talking over the customer ------------------------------------------------

TIMED_OPENING = ("Agent", "goedemorgen zeelicht met noor waarmee kan ik u helpen", 0.2, 3.4)
LONG_STORY = (
    "Klant",
    "ja ik heb gisteren gebeld over de storing en toen zou er iemand langskomen maar er kwam niemand",
    3.9,
    10.5,
)


@pytest.mark.parametrize("sound", ["mm-hm", "ja ja", "ah oké", "hm"])
def test_kl107_an_agent_back_channel_inside_the_customers_turn_is_no_interruption(linter: Linter, sound: str) -> None:
    call = _timed_call(
        TIMED_OPENING,
        LONG_STORY,
        ("Agent", sound, 6.0, 6.5),
        ("Agent", "dat is vervelend ik kijk wat er mis is gegaan", 10.9, 13.2),
        ("Klant", "graag", 13.6, 14.0),
    )
    assert "KL107" not in _codes(linter, call)


def test_kl107_an_interruption_after_a_back_channel_is_still_found_at_its_own_turn(linter: Linter) -> None:
    call = _timed_call(
        TIMED_OPENING,
        LONG_STORY,
        ("Agent", "mm-hm", 6.0, 6.5),
        ("Agent", "ja maar dat ligt aan de netbeheerder", 8.6, 10.9),
        ("Klant", "o", 11.3, 11.6),
    )
    assert ("KL107", 3) in _findings(linter, call)
    assert ("KL107", 2) not in _findings(linter, call)


def test_kl107_starting_while_the_customer_only_says_ja_is_no_interruption(linter: Linter) -> None:
    call = _timed_call(
        TIMED_OPENING,
        ("Klant", "mijn meter geeft een foutcode", 3.8, 5.6),
        ("Agent", "dan stuur ik een monteur die kan donderdag tussen acht en twaalf", 6.0, 9.0),
        ("Klant", "ja ja ja", 8.8, 10.6),
        ("Agent", "en u krijgt er een sms over", 9.1, 10.8),
    )
    assert "KL107" not in _codes(linter, call)
