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


# KL101: organisations named by a short form, Flemish greetings before "met <naam>", "<naam> van <organisatie> hier" -


@pytest.mark.parametrize(
    ("organisation", "opening"),
    [
        (
            "Regionale Energie Coöperatie Duinrand",
            "Goedemorgen, Duinrand, u spreekt met Kees. Waarmee kan ik u helpen?",
        ),
        ("Vlaamse Thuiszorg Kempen", "Goeiedag, VTK, u spreekt met Lore. Waarvoor mag ik u helpen?"),
        ("Algemeen Ziekenhuis Maria Middelares", "goeiemiddag az maria middelares met tom waarvoor mag ik u helpen"),
    ],
)
def test_kl101_an_organisation_named_by_a_short_form_is_named(linter: Linter, organisation: str, opening: str) -> None:
    call = _call(("Agent", opening), ("Klant", "Ik heb een vraag over mijn rekening."), organisation=organisation)
    assert "KL101" not in _codes(linter, call)


def test_kl101_a_generic_word_of_the_organisation_does_not_name_it(linter: Linter) -> None:
    call = _call(
        ("Agent", "Goedemorgen, u spreekt met Kees van de energie. Waarmee kan ik u helpen?"),
        ("Klant", "Ik heb een vraag over mijn rekening."),
        organisation="Duinrand Energie",
    )
    assert "KL101" in _codes(linter, call)


@pytest.mark.parametrize(
    "opening",
    [
        "goeiedag zeelicht met arne waarvoor mag ik u helpen",
        "Goeiemiddag meneer Pauwels, Lies van Zeelicht hier. Ik bel u over uw aanvraag.",
    ],
)
def test_kl101_flemish_ways_of_giving_the_agents_name(linter: Linter, opening: str) -> None:
    direction = "outbound" if "bel u" in opening else "inbound"
    call = _call(("Agent", opening), ("Klant", "Ja, zeg het maar."), direction=direction)
    assert "KL101" not in _codes(linter, call)


# Roles: diarised labels, the customer first (an IVR cut-in), a Flemish offer of help, a short organisation name ----


def test_the_agent_of_a_diarised_flemish_call_is_found_by_a_waarvoor_offer_and_a_short_name(linter: Linter) -> None:
    call = _call(
        ("spreker 1", "ja eh voor een afspraak"),
        ("spreker 2", "goeiemorgen kustzorg met ine waarvoor mag ik u helpen"),
        ("spreker 1", "ja goeiemorgen met lambrecht van de dorpsstraat ik had graag een afspraak gemaakt"),
        ("spreker 2", "dat kan meneer lambrecht ik heb dinsdag om tien uur"),
        ("spreker 1", "dat is goed"),
        ("spreker 2", "dus dinsdag om tien uur bij ons in de dorpsstraat nog een goeie dag meneer lambrecht"),
        organisation="Woonzorg Kustzorg Oostende",
    )
    result = linter.check_call(call)
    assert result.roles.agent_speaker == "spreker 2"
    assert ("KL101", 1) not in {(item.finding.code, item.turn_index) for item in result.findings}


# KL106: a recap put as a check, a call that ends in a transfer, an unpunctuated "dag meneer X" -----------------------

OPENING = ("Agent", "Goedemorgen, Zeelicht, u spreekt met Noor. Waarmee kan ik u helpen?")
BOOKED = [
    OPENING,
    ("Klant", "Goedemorgen, met Aksoy. Ik wil een afspraak voor het plaatsen van een laadpaal."),
    ("Agent", "Dat kan, meneer Aksoy. Dan plan ik de installateur in op maandag 3 maart tussen één en vijf."),
    ("Klant", "Moet ik zelf nog iets doen?"),
    ("Agent", "Zorg dat de meterkast vrij is."),
    ("Klant", "Komt goed."),
]


@pytest.mark.parametrize(
    "recap",
    [
        "Dus de installateur komt maandag 3 maart tussen één en vijf en de meterkast is vrij, klopt dat?",
        "oké dus maandag drie maart tussen een en vijf komt de installateur en u maakt de meterkast vrij klopt dat",
        "Heb ik het goed dat de installateur maandag 3 maart tussen één en vijf komt en u de meterkast vrijmaakt?",
    ],
)
def test_kl106_a_recap_put_as_a_check_before_the_greeting_is_a_summary(linter: Linter, recap: str) -> None:
    call = _call(*BOOKED, ("Agent", recap), ("Klant", "Ja."), ("Agent", "Fijn. Een fijne dag nog, meneer Aksoy."))
    assert "KL106" not in _codes(linter, call)


def test_kl106_a_fact_checked_with_dus_before_the_agreement_is_no_summary(linter: Linter) -> None:
    call = _call(
        OPENING,
        ("Klant", "Goedemorgen, met Aksoy. Mijn laadpaal laadt niet meer."),
        ("Agent", "Dus de laadpaal geeft sinds gisteren een rood lampje en laadt niet meer, klopt dat?"),
        ("Klant", "Ja."),
        ("Agent", "Dan plan ik een monteur in op maandag 3 maart tussen één en vijf, meneer Aksoy."),
        ("Klant", "Goed."),
        ("Agent", "Een fijne dag nog."),
    )
    assert "KL106" in _codes(linter, call)


@pytest.mark.parametrize(
    "closing",
    ["Dan verbind ik u nu door. Een fijne dag nog, meneer Aksoy.", "ik zet u nu door fijne dag meneer aksoy"],
)
def test_kl106_a_call_that_ends_by_putting_the_customer_through_needs_no_summary(linter: Linter, closing: str) -> None:
    call = _call(
        OPENING,
        ("Klant", "Goedemorgen, met Aksoy. Ik wil bezwaar maken tegen mijn eindafrekening."),
        ("Agent", "Bezwaren behandelt de afdeling Geschillen. Ik verbind u door met de afdeling Geschillen."),
        ("Klant", "Graag."),
        ("Agent", closing),
    )
    assert "KL106" not in _codes(linter, call)


def test_kl106_an_unpunctuated_dag_meneer_at_the_end_is_a_closing_greeting(linter: Linter) -> None:
    call = _call(
        OPENING,
        ("Klant", "met aksoy hoe laat is de balie open"),
        ("Agent", "de balie is open van negen tot vijf"),
        ("Klant", "oké dank u"),
        ("Agent", "graag gedaan dan weet u dat dag meneer aksoy"),
    )
    assert "KL106" not in _codes(linter, call)


def test_kl106_an_outbound_opening_that_says_why_the_agent_calls_agrees_nothing(linter: Linter) -> None:
    call = _call(
        ("Klant", "met de wit"),
        ("Agent", "goedemiddag meneer de wit u spreekt met noor van zeelicht ik bel u over de storing van vanochtend"),
        ("Klant", "ja"),
        ("Agent", "de storing is verholpen heeft u weer stroom"),
        ("Klant", "ja alles doet het weer"),
        ("Agent", "fijn om te horen nog een fijne dag meneer de wit"),
        direction="outbound",
    )
    assert "KL106" not in _codes(linter, call)


# KL102: "met Janssens van de Kerkstraat" gives the name Janssens ---------------------------------------------------


def test_kl102_a_street_after_the_callers_name_is_not_part_of_it(linter: Linter) -> None:
    call = _call(
        ("Agent", "goeiemorgen zeelicht met noor waarvoor mag ik u helpen"),
        ("Klant", "ja goeiemorgen met maes van de kapelstraat de bel werkt niet"),
        ("Agent", "dat kijk ik na meneer maes het is een losse draad"),
        ("Klant", "ah oké merci"),
        ("Agent", "graag gedaan nog een goeie dag meneer maes"),
    )
    assert "KL102" not in _codes(linter, call)


# KL104: a long silence the agent did not announce is a hold too --------------------------------------------------


def _silence_call(agent_before: str, customer_between: str, agent_back_at: float) -> Call:
    return _timed_call(
        TIMED_OPENING,
        ("Klant", "met ramdin mijn laatste termijn is twee keer afgeschreven", 3.9, 7.5),
        ("Agent", agent_before, 8.0, 9.6),
        ("Klant", customer_between, 10.0, 11.8),
        ("Agent", "ja ik zie de dubbele afschrijving ik zet het bedrag terug", agent_back_at, agent_back_at + 3.5),
    )


def test_kl104_an_unannounced_silence_of_ninety_seconds_is_too_long(linter: Linter) -> None:
    call = _silence_call("ik kijk even", "ja", 100.0)
    assert ("KL104", 4) in _findings(linter, call)


@pytest.mark.parametrize(
    ("agent_before", "customer_between", "back_at"),
    [
        ("ik kijk even", "ja", 40.0),  # under a minute
        ("mag ik uw klantnummer", "momentje ik pak mijn pasje erbij", 100.0),  # the customer went away
    ],
)
def test_kl104_a_short_silence_or_the_customers_own_wait_is_no_overrun(
    linter: Linter, agent_before: str, customer_between: str, back_at: float
) -> None:
    call = _silence_call(agent_before, customer_between, back_at)
    assert "KL104" not in _codes(linter, call)


@pytest.mark.parametrize(
    "introduction",
    ["Dag, Hilde Wuyts hier. Mijn vuilniszak is niet opgehaald.", "ja goeiemiddag hilde wuyts hier mijn vuilniszak"],
)
def test_kl102_a_name_said_before_hier_is_the_callers_name(linter: Linter, introduction: str) -> None:
    call = _call(
        ("Agent", "Goeiedag, Zeelicht, met Noor. Waarvoor mag ik u helpen?"),
        ("Klant", introduction),
        ("Agent", "Die wordt morgen alsnog opgehaald."),
        ("Klant", "Merci."),
        ("Agent", "Graag gedaan, nog een goeie dag."),
    )
    assert ("KL102", 4) in _findings(linter, call)


def test_kl103_a_stuttered_met_before_the_name_still_gives_the_name(linter: Linter) -> None:
    call = _call(
        ("Agent", "goeiemorgen zeelicht met noor waarvoor mag ik u helpen"),
        ("Klant", "ja goeiemorgen met eh met an verbeke ik wil een afspraak"),
        ("Agent", "momentje"),
        ("Agent", "sorry voor het wachten en eh hoe was uw naam"),
        ("Klant", "verbeke"),
        ("Agent", "dank u mevrouw verbeke ik heb dinsdag om tien uur dus dinsdag om tien uur nog een goeie dag"),
    )
    assert ("KL103", 3) in _findings(linter, call)


def test_kl102_a_name_given_surname_first_is_used_with_meneer_and_the_surname(linter: Linter) -> None:
    call = _call(
        ("Agent", "goeiemorgen zeelicht met noor waarvoor mag ik u helpen"),
        ("Klant", "ik wil een vraag stellen over mijn factuur"),
        ("Agent", "mag ik uw naam"),
        ("Klant", "verbeke an"),
        ("Agent", "dank u mevrouw verbeke de factuur is de jaarafrekening"),
        ("Klant", "ah oké merci"),
        ("Agent", "graag gedaan nog een goeie dag"),
    )
    assert "KL102" not in _codes(linter, call)


# Second stress batch: more closing formulas, ways to give one's name, "ah zo" ------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Graag gedaan. Tot wederhoren, meneer Claes.",
        "graag gedaan het ga u goed meneer claes",
        "Graag gedaan, en nog een prettige voortzetting, meneer Claes.",
    ],
)
def test_kl106_formal_and_flemish_telephone_closings_are_greetings(linter: Linter, closing: str) -> None:
    call = _call(
        ("Agent", "Goedemorgen, Zeelicht, u spreekt met Noor. Waarmee kan ik u helpen?"),
        ("Klant", "Met Claes. Tot wanneer kan ik mijn meterstand doorgeven?"),
        ("Agent", "Tot het einde van de maand, meneer Claes."),
        ("Klant", "Dank u."),
        ("Agent", closing),
    )
    assert "KL106" not in _codes(linter, call)


@pytest.mark.parametrize(
    "opening",
    [
        "Goedemiddag, Zeelicht, Karim aan de telefoon. Waarmee kan ik u helpen?",
        "goedemiddag zeelicht u bent verbonden met karim waarmee kan ik u helpen",
    ],
)
def test_kl101_the_agents_name_aan_de_telefoon_or_after_verbonden_met(linter: Linter, opening: str) -> None:
    call = _call(("Agent", opening), ("Klant", "Ik heb een vraag over mijn rekening."))
    assert "KL101" not in _codes(linter, call)


def test_kl101_the_department_aan_de_lijn_is_no_name(linter: Linter) -> None:
    call = _call(
        ("Agent", "goedemiddag zeelicht u heeft de klantenservice aan de lijn waarmee kan ik u helpen"),
        ("Klant", "ik heb een vraag over mijn rekening"),
    )
    assert "KL101" in _codes(linter, call)


def test_kl107_ah_zo_inside_the_customers_turn_is_a_back_channel(linter: Linter) -> None:
    call = _timed_call(
        TIMED_OPENING,
        LONG_STORY,
        ("Agent", "ah zo", 7.0, 7.6),
        ("Agent", "dat is vervelend ik kijk wat er mis is gegaan", 10.9, 13.2),
    )
    assert "KL107" not in _codes(linter, call)


# Wording probes: Flemish and spoken variants of the parts the rules look for ---------------------------------------

INFO_CALL = [
    ("Agent", "Goedemorgen, Zeelicht, u spreekt met Noor. Waarmee kan ik u helpen?"),
    ("Klant", "Met Claes. Tot wanneer kan ik mijn meterstand doorgeven?"),
    ("Agent", "Tot het einde van de maand, meneer Claes."),
    ("Klant", "Dank u."),
]


@pytest.mark.parametrize(
    "closing",
    [
        "Graag gedaan, meneer Claes. Salut!",
        "graag gedaan meneer claes ik wens u nog een aangename dag",
        "Graag gedaan, meneer Claes, en nog een goeie!",
        "Graag gedaan, meneer Claes. Veel beterschap gewenst.",
    ],
)
def test_kl106_more_spoken_closings_are_greetings(linter: Linter, closing: str) -> None:
    assert "KL106" not in _codes(linter, _call(*INFO_CALL, ("Agent", closing)))


@pytest.mark.parametrize(
    "opening",
    [
        "Goeiedag, Zeelicht, met Noor, zeg het eens.",
        "Goeiemiddag, Zeelicht, u spreekt met Noor. Wat is er van uw dienst?",
        "Bonjour, Zeelicht, u spreekt met Noor. Waarmee kan ik u helpen?",
    ],
)
def test_kl101_flemish_offers_of_help(linter: Linter, opening: str) -> None:
    call = _call(("Agent", opening), ("Klant", "Ik heb een vraag over mijn rekening."), direction="inbound")
    assert "KL101" not in _codes(linter, call)


@pytest.mark.parametrize(
    "recap",
    [
        "Mag ik het even herhalen? De installateur komt maandag 3 maart tussen één en vijf.",
        "Heb ik alles goed genoteerd: maandag 3 maart tussen één en vijf, en de meterkast is vrij?",
    ],
)
def test_kl106_a_recap_announced_as_a_repetition_is_a_summary(linter: Linter, recap: str) -> None:
    call = _call(*BOOKED, ("Agent", recap), ("Klant", "Ja."), ("Agent", "Fijn. Een fijne dag nog, meneer Aksoy."))
    assert "KL106" not in _codes(linter, call)


@pytest.mark.parametrize(
    "announcement",
    ["ik zet u efkes on hold", "efkes geduld alstublieft", "ik ga het efkes navragen", "wacht u even"],
)
def test_kl104_flemish_and_english_hold_announcements_start_a_hold(linter: Linter, announcement: str) -> None:
    # Back after 25 s: a silence that short after a turn that announces nothing is no hold.
    call = _timed_call(
        TIMED_OPENING,
        ("Klant", "met ramdin mijn laatste termijn is twee keer afgeschreven", 3.9, 7.5),
        ("Agent", announcement, 8.0, 9.6),
        ("Klant", "ja hoor", 10.0, 10.8),
        ("Agent", "ik zie de dubbele afschrijving en zet het bedrag terug", 35.0, 38.5),
    )
    assert linter.check_call(call).holds == 1


@pytest.mark.parametrize(
    "turns",
    [
        # the customer speaks first (an IVR cut-in), the agent's opening names no organisation and offers no help
        [
            ("SPEAKER_00", "hallo"),
            ("SPEAKER_01", "goeiedag met an"),
            ("SPEAKER_00", "ja dag ik heb een vraag over mijn afvalkalender"),
            ("SPEAKER_01", "zeg het maar"),
        ],
        # outbound: the agent says why they call, without the organisation
        [
            ("SPEAKER_00", "hallo"),
            ("SPEAKER_01", "ja goedemiddag u spreekt met kim ik bel u over uw offerte"),
            ("SPEAKER_00", "ah ja"),
        ],
    ],
)
def test_the_agent_of_a_diarised_call_with_a_poor_opening_is_still_found(
    linter: Linter, turns: list[tuple[str, str]]
) -> None:
    result = linter.check_call(_call(*turns, organisation="Fluvia Netbeheer"))
    assert result.roles.agent_speaker == "SPEAKER_01"
    assert ("KL101", 1) in {(item.finding.code, item.turn_index) for item in result.findings}


def test_two_speakers_who_both_sound_like_customers_get_no_agent(linter: Linter) -> None:
    result = linter.check_call(
        _call(("spreker 1", "ik heb een vraag over mijn factuur"), ("spreker 2", "ik heb een klacht over mijn pakket"))
    )
    assert result.roles.agent_speaker is None


# Third stress batch --------------------------------------------------------------------------------------------------


def test_kl106_a_flemish_hold_announcement_agrees_nothing(linter: Linter) -> None:
    call = _call(
        *INFO_CALL[:2],
        ("Agent", "ik zet u efkes in de wacht ik kijk het na"),
        ("Agent", "tot het einde van de maand meneer claes"),
        ("Klant", "merci"),
        ("Agent", "graag gedaan nog een goeie dag meneer claes"),
    )
    assert "KL106" not in _codes(linter, call)


def test_kl106_a_remote_reset_during_the_call_agrees_nothing(linter: Linter) -> None:
    call = _call(
        ("Agent", "goedemiddag zeelicht met noor waarmee kan ik u helpen"),
        ("Klant", "met claes mijn decoder geeft geen beeld"),
        ("Agent", "ik stuur een reset naar uw decoder ziet u weer beeld"),
        ("Klant", "ja het werkt weer"),
        ("Agent", "fijn nog een fijne avond meneer claes"),
    )
    assert "KL106" not in _codes(linter, call)


def test_kl106_someone_who_comes_at_a_time_is_an_agreement_that_needs_a_recap(linter: Linter) -> None:
    call = _call(
        ("Klant", "met claes"),
        ("Agent", "goedemiddag meneer claes met noor van zeelicht ik bel over uw melding"),
        ("Klant", "ja"),
        ("Agent", "vanaf dinsdag komt er elke week iemand om de tuin te maaien"),
        ("Klant", "oh fijn en hoe laat"),
        ("Agent", "rond negen uur"),
        ("Klant", "dank u wel"),
        ("Agent", "graag gedaan tot ziens meneer claes"),
        direction="outbound",
    )
    assert ("KL106", 7) in _findings(linter, call)


def test_kl101_the_customer_addressed_by_name_before_met_and_the_agents_name(linter: Linter) -> None:
    call = _call(
        ("Klant", "met claes"),
        ("Agent", "goedemiddag meneer claes met noor van zeelicht ik bel over uw melding"),
        ("Klant", "ja"),
        direction="outbound",
    )
    assert "KL101" not in _codes(linter, call)


# KL105: Flemish and spoken refusals, and next steps said the Flemish way ---------------------------------------------

REQUEST = [
    ("Agent", "Goeiedag, Zeelicht, met Noor. Waarvoor mag ik u helpen?"),
    ("Klant", "Met Claes. Kunt u mijn factuur van maart nog aanpassen?"),
]


@pytest.mark.parametrize(
    "refusal",
    ["Dat lukt spijtig genoeg niet.", "Dat is bij ons niet mogelijk.", "Daar heb ik geen zicht op."],
)
def test_kl105_flemish_refusals_without_a_next_step(linter: Linter, refusal: str) -> None:
    call = _call(*REQUEST, ("Agent", refusal), ("Klant", "Jammer."), ("Agent", "Nog een goeie dag, meneer Claes."))
    assert ("KL105", 2) in _findings(linter, call)


@pytest.mark.parametrize(
    "next_step",
    [
        "Mijn collega belt u morgenvoormiddag terug.",
        "De dienst facturatie belt u donderdag terug.",
        "We contacteren u morgen in de loop van de dag.",
    ],
)
def test_kl105_flemish_call_backs_are_next_steps(linter: Linter, next_step: str) -> None:
    call = _call(
        *REQUEST,
        ("Agent", f"Dat kan ik zelf niet aanpassen. {next_step}"),
        ("Klant", "Goed."),
        ("Agent", "Nog een goeie dag, meneer Claes."),
    )
    assert "KL105" not in _codes(linter, call)
