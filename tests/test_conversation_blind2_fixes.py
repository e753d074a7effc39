"""Failure classes of the conversation rules found by the one blind scoring of the second blind call set
(`tests/corpus/calls/blind2.jsonl`), fixed in general. Every call here is written for the test (Dutch and Flemish);
none copies a sentence of that set."""

from __future__ import annotations

import pytest

from klantlint import Config, Linter
from klantlint.transcripts import Call, Turn


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(select=["ALL"]))


def _call(*turns: tuple[str, str], **metadata: object) -> Call:
    return Call(
        call_id="c",
        turns=[Turn(speaker=speaker, text=text) for speaker, text in turns],
        organisation=["Stroomlijn"],
        **metadata,  # type: ignore[arg-type]
    )


def _codes(linter: Linter, call: Call) -> set[str]:
    return {item.finding.code for item in linter.check_call(call).findings}


OPENING = ("Agent", "Goeiedag, Stroomlijn, u spreekt met Jens. Waarmee kan ik u helpen?")
OPENING_LOWER = ("Agent", "goeiemiddag stroomlijn u spreekt met jens waarvoor mag ik u helpen")

# An information-only call: nothing agreed, so only the greeting is judged.
QUESTION_ANSWERED = [
    OPENING,
    ("Klant", "Met Claes. Tot wanneer kan ik mijn meterstand doorgeven?"),
    ("Agent", "Dat kan tot het einde van de maand, meneer Claes."),
    ("Klant", "Ah, dat is goed om te weten."),
]


# KL106: Flemish closing greetings and "tot" with a part of the day -------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Graag gedaan, nog een goeie dag verder, meneer Claes.",
        "allee graag gedaan nog een goeie avond meneer claes",
        "Graag gedaan. Nog een schone dag, meneer Claes.",
        "Graag gedaan, meneer Claes. Goeiendag.",
        "Graag gedaan, meneer Claes, en tot vanmiddag aan de balie.",
    ],
)
def test_kl106_flemish_and_part_of_day_closings_are_greetings(linter: Linter, closing: str) -> None:
    call = _call(*QUESTION_ANSWERED, ("Agent", closing), ("Klant", "Merci, dag."))
    assert "KL106" not in _codes(linter, call)


@pytest.mark.parametrize("closing", ["Graag gedaan, meneer Claes.", "Merci.", "ja top"])
def test_kl106_a_closing_without_greeting_is_still_reported(linter: Linter, closing: str) -> None:
    call = _call(*QUESTION_ANSWERED, ("Agent", closing), ("Klant", "Dag."))
    assert "KL106" in _codes(linter, call)


# KL106: a recap in the closing turn after "dus" or a short lead-in with a colon -------------------------------------

AGREED = [
    OPENING,
    ("Klant", "Met Wuyts. Mijn voorschot is te hoog sinds ik zonnepanelen heb."),
    ("Agent", "Ik verlaag uw voorschot vanaf volgende maand naar tachtig euro, mevrouw Wuyts."),
    ("Klant", "Perfect, merci."),
]


@pytest.mark.parametrize(
    "closing",
    [
        "Ik noteer: uw voorschot wordt tachtig euro vanaf volgende maand. Nog een goeie dag, mevrouw Wuyts.",
        "Dan is het zo geregeld: tachtig euro per maand vanaf de volgende maand. Fijne dag nog, mevrouw Wuyts.",
        "Goed. Dus vanaf volgende maand betaalt u tachtig euro. Tot ziens, mevrouw Wuyts.",
        "graag gedaan dus vanaf volgende maand is uw voorschot tachtig euro nog een fijne avond mevrouw wuyts",
    ],
)
def test_kl106_a_recap_lead_in_in_the_closing_turn_is_a_summary(linter: Linter, closing: str) -> None:
    call = _call(*AGREED, ("Agent", closing), ("Klant", "Dag."))
    assert "KL106" not in _codes(linter, call)


@pytest.mark.parametrize(
    "closing",
    [
        "Graag gedaan, nog een goeie dag, mevrouw Wuyts.",
        "Ik noteer: oké. Nog een goeie dag, mevrouw Wuyts.",
    ],
)
def test_kl106_a_closing_that_restates_nothing_is_still_reported(linter: Linter, closing: str) -> None:
    call = _call(*AGREED, ("Agent", closing), ("Klant", "Dag."))
    assert "KL106" in _codes(linter, call)


# KL106: a closing turn that states the agreement itself --------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Dan verbind ik u nu door met de afdeling facturatie. Nog een goeie dag, meneer Claes.",
        "dan bel ik u donderdag tussen twee en drie uur terug fijne middag meneer claes",
    ],
)
def test_kl106_a_closing_turn_that_states_the_agreement_summarises_it(linter: Linter, closing: str) -> None:
    call = _call(
        OPENING_LOWER,
        ("Klant", "Met Claes. Ik heb een vraag over een aanmaning die ik niet begrijp."),
        (
            "Agent",
            "Dat kan mijn collega van facturatie beter uitleggen. Zal ik u doorverbinden of u laten terugbellen?",
        ),
        ("Klant", "Hm, doe maar wat het snelst gaat."),
        ("Agent", closing),
        ("Klant", "Oké, merci."),
    )
    assert "KL106" not in _codes(linter, call)


def test_the_inverted_transfer_is_a_next_step(linter: Linter) -> None:
    """ "Dan verbind ik u door met de afdeling X" commits to a transfer as "ik verbind u door" does: after a refusal
    it is the follow-up, so KL105 stays quiet."""
    call = _call(
        OPENING,
        ("Klant", "Met Claes. Kunt u mijn contract vandaag nog opzeggen?"),
        ("Agent", "Dat kan ik helaas niet vanaf hier, meneer Claes."),
        ("Klant", "Wie dan wel?"),
        ("Agent", "Dan verbind ik u nu door met de afdeling contracten. Nog een goeie dag."),
        ("Klant", "Merci."),
    )
    assert "KL105" not in _codes(linter, call)


# KL106: "genoteerd" takes down what the customer chose -------------------------------------------------------------

SLOT_CHOSEN = [
    ("Agent", "Goedemorgen, Stroomlijn, u spreekt met Jens. Waarmee kan ik u helpen?"),
    ("Klant", "Met Wuyts. Ik wil een afspraak voor het vervangen van mijn meter."),
    ("Agent", "Ik heb dinsdag om negen uur of woensdag om half twee, mevrouw Wuyts."),
    ("Klant", "Woensdag graag."),
]


@pytest.mark.parametrize("taken_down", ["Staat genoteerd. Zorgt u dat de meterkast vrij is?", "genoteerd"])
def test_kl106_a_choice_taken_down_is_an_agreement_to_summarise(linter: Linter, taken_down: str) -> None:
    call = _call(
        *SLOT_CHOSEN,
        ("Agent", taken_down),
        ("Klant", "Doe ik, dank u wel."),
        ("Agent", "Graag gedaan, fijne dag."),
    )
    assert "KL106" in _codes(linter, call)


def test_kl106_a_choice_taken_down_and_summed_up_is_clean(linter: Linter) -> None:
    call = _call(
        *SLOT_CHOSEN,
        ("Agent", "Staat genoteerd."),
        ("Klant", "Dank u wel."),
        ("Agent", "Samengevat: woensdag om half twee komt de monteur uw meter vervangen. Fijne dag, mevrouw Wuyts."),
    )
    assert "KL106" not in _codes(linter, call)


# KL105: refusals it missed: a request with the object before "willen" or with "kan er", an unknown fronted before
# "weet ik niet", and the request sent elsewhere ("gaat niet via ons", "daar hebben wij geen invloed op") ------------

KL105_MISSED = [
    (
        "Met Claes. Ik zou mijn abonnement willen pauzeren tijdens mijn reis.",
        "Dat gaat niet, meneer Claes, een abonnement loopt altijd door.",
    ),
    (
        "met claes kan er deze week nog iemand naar mijn verwarming komen kijken",
        "nee dat gaat niet de planning zit vol",
    ),
    (
        "Met Claes. Mijn pakket is nog steeds niet aangekomen. Wanneer komt het?",
        "ja wanneer de vervoerder het bezorgt weet ik niet",
    ),
    (
        "Met Claes. Kan de schade aan mijn fiets vergoed worden?",
        "Schade aan fietsen gaat niet via ons, dat regelt de verzekeraar.",
    ),
    (
        "Met Claes. De bezorger heeft mijn tuinhek beschadigd.",
        "Dat klopt misschien, maar daar hebben wij geen invloed op.",
    ),
]


@pytest.mark.parametrize(("request_turn", "refusal"), KL105_MISSED)
def test_kl105_reports_refusals_it_missed(linter: Linter, request_turn: str, refusal: str) -> None:
    call = _call(
        OPENING,
        ("Klant", request_turn),
        ("Agent", refusal),
        ("Klant", "Hm, jammer."),
        ("Agent", "Nog een goeie dag, meneer Claes."),
    )
    assert ("KL105", 2) in {(item.finding.code, item.turn_index) for item in linter.check_call(call).findings}


@pytest.mark.parametrize(
    "refusal",
    [
        "wanneer de vervoerder het bezorgt weet ik niet. Ik bel u morgen voor twaalf uur terug als ik het weet.",
        "Schade aan fietsen gaat niet via ons. Ik verbind u door met de afdeling schade.",
    ],
)
def test_kl105_a_refusal_with_a_next_step_stays_quiet(linter: Linter, refusal: str) -> None:
    call = _call(
        OPENING,
        ("Klant", "Met Claes. Ik zou graag weten waar mijn pakket blijft."),
        ("Agent", refusal),
        ("Klant", "Goed, merci."),
        ("Agent", "Nog een goeie dag, meneer Claes."),
    )
    assert "KL105" not in _codes(linter, call)


def test_kl105_i_do_not_know_whether_is_no_refusal(linter: Linter) -> None:
    """ "Hoe lang het duurt, weet ik niet of ..." is cut short; "ik weet niet of" wonders, it refuses nothing."""
    call = _call(
        OPENING,
        ("Klant", "Met Claes. Is mijn aanvraag al verwerkt?"),
        ("Agent", "Ja, die is verwerkt. Ik weet niet of u de brief al heeft, die is gisteren verstuurd."),
        ("Klant", "Nog niet, maar dan komt hij wel."),
        ("Agent", "Dus de aanvraag is verwerkt en de brief is onderweg. Nog een goeie dag, meneer Claes."),
    )
    assert "KL105" not in _codes(linter, call)
