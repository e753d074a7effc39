"""Failure classes found on customer-service text written outside this project (issue 14, part 2).

Each class has cases in our own wording, Dutch (nl-NL) and Flemish (nl-BE): what must be reported (the rule's
cheap gate lets it through and its `check` fires on the full parse, so fast mode reports it too) and what must
stay quiet.
"""

from __future__ import annotations

import pytest

from klantlint import Config, Linter, Suggestion
from klantlint.transcripts import Call, Turn
from tests.labelled_cases import reported_and_quiet_tests


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(select=["ALL"]), mode="full")  # opt-in rules (KL015) too


# KL012 waarom-vraag: "waarvoor" asks the purpose; "waarom niet?" followed by a yes agrees ----------------------------

KL012_QUESTIONS = [
    "Waarom wilt u overstappen naar een andere leverancier?",
    "waarom heeft u de factuur niet betaald",
    "Waarom niet?",
    "Waarom niet? U heeft toch een contract bij ons.",
    "Waarom niet? Ik snap het niet.",
    "Mag ik vragen waarom u wilt stoppen?",
    # A stutter in a transcript.
    "ehm waarom waarom heeft u de meter niet doorgegeven",
    "Waarom, waarom wilt u opzeggen?",
]

KL012_QUIET = [
    # The Flemish offer of help and questions about the purpose of the call.
    "Goeiedag, waarvoor mag ik u helpen?",
    "goeiemiddag waarvoor mag ik u helpen",
    "Waarvoor belt u vandaag, mevrouw?",
    "waarvoor belt u precies",
    "Waarvoor kan ik u van dienst zijn?",
    "Waarvoor heeft u het attest nodig?",
    # "Waarom niet?" as a yes.
    "Waarom niet? Prima, dan zet ik de afspraak op vrijdag.",
    "Waarom niet, dat kan zeker.",
    "Waarom niet? We passen het vandaag nog aan.",
    "waarom niet ik zet het meteen voor u klaar",
    "Waarom niet? Natuurlijk, ik boek het voor u.",
]

# KL009 herhaalde-beller: Flemish "steeds" (always) and instructions are no remarks ----------------------------------

KL009_REMARKS = [
    "U belt nu al voor de vierde keer over de verwarming.",
    "U belt steeds over dezelfde rekening.",
    "u belt telkens weer",
    "Belt u nou alweer over die aansluiting?",
    "U heeft steeds gebeld over de meter.",
    "Belt u opnieuw over de levering?",
]

KL009_QUIET = [
    # Flemish "steeds" = always: a habit or an instruction.
    "U belt steeds naar het centrale nummer tussen acht en vijf.",
    "u belt best steeds naar het onthaal",
    "Voor een afspraak belt u steeds naar de balie van uw gemeente.",
    "Belt u telkens naar dit nummer als de lift stilstaat.",
    # Instructions: what the caller does next.
    "Als de app het niet doet, belt u ons opnieuw.",
    "als het niet lukt belt u gewoon opnieuw",
    "Werkt het morgen niet, dan belt u opnieuw.",
    "Mocht de monteur niet komen, belt u dan gerust opnieuw.",
    "Indien de betaling mislukt, belt u opnieuw met uw klantnummer.",
]

# KL004 verwijzen-naar-mail: e-mail from us is no referral; a referral after a fronted phrase or with "ook" is -------

KL004_REFERRALS = [
    "Voor vragen over uw factuur kunt u mailen naar facturen@voorbeeld.nl.",
    "Met klachten kunt u ons mailen.",
    "Bij problemen met de app kan je een mailtje sturen naar de helpdesk.",
    "Voor een attest kunt u steeds mailen naar onthaal@gemeente.be.",
    "U kunt ook een mailtje sturen naar de klantendienst.",
    "je kan ook gewoon mailen",
    "Ook kunt u ons een e-mail sturen met de foto's.",
    "Houdt u ons per mail op de hoogte.",
]

KL004_QUIET = [
    "U hoort het per mail van ons zodra de monteur is ingepland.",
    "u hoort het via de mail van ons",
    "Ge hoort van ons via e-mail wanneer uw paspoort klaarligt.",
    "We houden u per e-mail op de hoogte van de levering.",
    "U blijft via e-mail op de hoogte van uw aanvraag.",
    "Wij laten u per mail weten wanneer de herstelling klaar is.",
]

# KL005 onaangekondigde-wacht: transfers that say to whom, queue messages, time for the caller, a counter -----------

KL005_HOLDS = [
    "Eén moment.",
    "Één momentje, ik zoek het op.",
    "E\u0301e\u0301n moment alstublieft.",
    "eén moment",
    "Momentje, dan zet ik u door.",
    "Ogenblikje, ik kijk het even na in uw dossier.",
]

KL005_QUIET = [
    "Een moment, ik verbind u door met de dienst burgerzaken.",
    "momentje ik zet je door naar mijn collega van de technische dienst",
    "Ogenblikje, ik schakel u door naar de afdeling vergunningen.",
    "Ik ga u doorverbinden met de klantendienst, een momentje.",
    "Een moment geduld alstublieft, al onze medewerkers zijn in gesprek.",
    "U bent de derde in de wachtrij. Blijf aan de lijn.",
    "Momentje geduld, u wordt zo spoedig mogelijk geholpen.",
    "Neem gerust even de tijd om uw pas te zoeken.",
    "Neemt u rustig de tijd, ik wacht wel even.",
    "Een ogenblikje, neemt u gerust plaats in de wachtzaal.",
    "Momentje, ik haal uw paspoort en kom zo terug naar het loket.",
]

# KL002 helaas-zonder-alternatief: not hearing the caller is no bad news; an offer without "wel"/"maar" is one -------

KL002_BARE = [
    "Helaas kunnen we de kosten niet vergoeden.",
    "Het spijt me, ik kan dat niet voor u regelen.",
    "Helaas is de cursus vol. U kunt zich niet meer inschrijven.",
    "jammer genoeg is uw pakket zoekgeraakt",
    "Helaas, ik kan daar niets aan doen.",
]

KL002_QUIET = [
    "Het spijt me, ik heb u niet goed verstaan.",
    "sorry maar ik versta u niet goed de lijn kraakt",
    "Het spijt me, ik heb uw straatnaam niet goed gehoord.",
    "Helaas kunnen we dat niet terugbetalen. We kunnen namens u een klacht indienen bij de vervoerder.",
    "Helaas is de workshop volgeboekt. U kunt zich inschrijven voor de sessie in september.",
    "Helaas kan de technieker morgen niet langskomen. Ik kan hem voor vrijdag inplannen.",
]

# KL015 lijdende-vorm: only passives that hide who is responsible for what went wrong, was refused or is pending -----

KL015_HIDING = [
    "Uw aanvraag voor een bouwvergunning is afgewezen.",
    "er is een fout gemaakt bij uw afrekening",
    "Uw terugbetaling is nog niet verwerkt.",
    "Het voorschot werd dubbel aangerekend.",
    "U bent verkeerd geïnformeerd over de termijn.",
    "Uw bestelling is te laat verzonden.",
    "Er wordt morgen contact met u opgenomen.",
]

KL015_QUIET = [
    "Uw afspraak bij de tandarts is bevestigd voor donderdag.",
    "De herinnering is gisteren verstuurd.",
    "uw adreswijziging is doorgevoerd hoor",
    "Uw attest is klaargemaakt en ligt aan het onthaal.",
    "Ik zie dat uw betaling is ontvangen.",
]

# KL018 u-moet: "moet u" before a comma clause, "zult u ... moeten", formal "dient u ... te"; "niets" reassures -------

KL018_ORDERS = [
    "Dan moet u, zodra het lampje rood wordt, de stekker eruit trekken.",
    "U moet, voor u langskomt, een afspraak maken.",
    "U zult de aanvraag opnieuw moeten indienen.",
    "Dan zult u uw meterstand zelf moeten doorgeven.",
    "U dient uw identiteitskaart mee te brengen.",
    "Dient u het attest binnen de week binnen te steken.",
    "Daarna dient u het formulier te ondertekenen.",
]

KL018_QUIET = [
    "U moet niets doen, wij regelen het.",
    "u moet niks meer doen hoor ik zet het door",
    "De technieker zal u moeten terugbellen.",
    "Dient u nog iets af te geven?",
    "Het document dat u dient op te sturen, mail ik u vandaag.",
    "Zult u eraan denken dat de winkel morgen dicht is?",
]

REPORTED: list[tuple[str, str]] = [("KL012", text) for text in KL012_QUESTIONS]
REPORTED += [("KL009", text) for text in KL009_REMARKS]
QUIET: list[tuple[str, str]] = [("KL012", text) for text in KL012_QUIET]
QUIET += [("KL009", text) for text in KL009_QUIET]
REPORTED += [("KL004", text) for text in KL004_REFERRALS]
QUIET += [("KL004", text) for text in KL004_QUIET]
REPORTED += [("KL005", text) for text in KL005_HOLDS]
QUIET += [("KL005", text) for text in KL005_QUIET]
REPORTED += [("KL002", text) for text in KL002_BARE]
QUIET += [("KL002", text) for text in KL002_QUIET]
REPORTED += [("KL015", text) for text in KL015_HIDING]
QUIET += [("KL015", text) for text in KL015_QUIET]
REPORTED += [("KL018", text) for text in KL018_ORDERS]
QUIET += [("KL018", text) for text in KL018_QUIET]


def _applied(text: str, fix: Suggestion) -> str:
    return text[: fix.start] + fix.replacement + text[fix.end :]


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("Ik zie dat uw aanvraag niet is verwerkt.", "Ik zie dat wij uw aanvraag niet hebben verwerkt."),
        ("Ik denk dat er morgen contact met u wordt opgenomen.", "Ik denk dat wij morgen contact met u opnemen."),
        ("Het klopt dat uw vergunning werd geweigerd.", "Het klopt dat wij uw vergunning hebben geweigerd."),
        ("Uw aanvraag is afgewezen.", "Wij hebben uw aanvraag afgewezen."),
    ],
)
def test_kl015_rewrite_keeps_the_verb_last_in_a_subordinate_clause(linter: Linter, text: str, rewritten: str) -> None:
    findings = [f for f in linter.check(text) if f.code == "KL015"]
    assert len(findings) == 1
    assert _applied(text, findings[0].suggestions[0]) == rewritten


test_reported, test_stays_quiet = reported_and_quiet_tests(REPORTED, QUIET)


@pytest.mark.parametrize(
    ("text", "polite"),
    [
        ("U dient het formulier in te vullen.", "Wilt u het formulier invullen?"),
        ("Dan zult u de meterstand opnieuw moeten doorgeven.", "Wilt u dan de meterstand opnieuw doorgeven?"),
    ],
)
def test_kl018_request_drops_te_and_moeten(linter: Linter, text: str, polite: str) -> None:
    findings = [f for f in linter.check(text) if f.code == "KL018"]
    assert _applied(text, findings[0].suggestions[0]) == polite


# Conversation rules: Flemish openings, organisations by their short form, a recap in the closing turn, overlap -------


def _call(*turns: tuple[str, str, float | None, float | None], **metadata: object) -> Call:
    return Call(
        call_id="c",
        turns=[Turn(speaker=speaker, text=text, start=start, end=end) for speaker, text, start, end in turns],
        **metadata,  # type: ignore[arg-type]
    )


def _conversation_codes(linter: Linter, call: Call) -> set[tuple[str, int]]:
    return {(item.finding.code, item.turn_index) for item in linter.check_call(call).findings}


FLEMISH_OPENINGS = [
    "Goeiemiddag, u spreekt met Lien van Wonen Oost. Waarvoor mag ik u helpen?",
    "goeiedag u spreekt met Lien van wonen oost waarvoor mag ik u helpen",
    "Goedendag, Wonen Oost, u spreekt met Lien. Waarmee kan ik u van dienst zijn?",
]


@pytest.mark.parametrize("opening", FLEMISH_OPENINGS)
def test_kl101_accepts_flemish_openings_and_the_short_name(linter: Linter, opening: str) -> None:
    call = _call(
        ("Agent", opening, None, None),
        ("Klant", "Met Peeters, mijn verwarming doet het niet.", None, None),
        ("Agent", "Ik stuur morgen een technieker, mevrouw Peeters. Fijne dag nog.", None, None),
        organisation=["Stichting Wonen Oost"],
    )
    assert ("KL101", 0) not in _conversation_codes(linter, call)


def test_kl101_still_reports_an_opening_without_the_organisation(linter: Linter) -> None:
    call = _call(
        ("Agent", "Goeiemiddag, u spreekt met Lien. Waarvoor mag ik u helpen?", None, None),
        ("Klant", "Met Peeters, mijn verwarming doet het niet.", None, None),
        ("Agent", "Ik stuur morgen een technieker, mevrouw Peeters. Fijne dag nog.", None, None),
        organisation=["Stichting Wonen Oost"],
    )
    assert ("KL101", 0) in _conversation_codes(linter, call)


AGREED = [
    ("Agent", "Goedemorgen, u spreekt met Kim van Netlijn. Waarmee kan ik u helpen?", None, None),
    ("Klant", "Met Peeters. Mijn pas is kapot.", None, None),
    ("Agent", "Ik stuur u vandaag een nieuwe pas, mevrouw Peeters.", None, None),
    ("Klant", "Fijn, dank u.", None, None),
]


@pytest.mark.parametrize(
    "closing",
    [
        "Dus u krijgt maandag een nieuwe pas met de post. Fijne dag, mevrouw Peeters.",
        "dus de nieuwe pas komt maandag met de post fijne dag mevrouw peeters",
        "Oké, dus ik vraag de pas vandaag aan en u heeft hem maandag. Nog een fijne dag.",
    ],
)
def test_kl106_a_recap_in_the_closing_turn_is_a_summary(linter: Linter, closing: str) -> None:
    call = _call(*AGREED, ("Agent", closing, None, None))
    assert not {code for code, _ in _conversation_codes(linter, call)} & {"KL106"}


def test_kl106_a_closing_without_recap_is_stillreported(linter: Linter) -> None:
    call = _call(*AGREED, ("Agent", "Dus. Fijne dag, mevrouw Peeters.", None, None))
    assert "KL106" in {code for code, _ in _conversation_codes(linter, call)}


def _overlap(agent_start: float) -> Call:
    return _call(
        ("Agent", "Goedemorgen, u spreekt met Kim van Netlijn. Waarmee kan ik u helpen?", 0, 4),
        ("Klant", "Met Peeters. Ik heb een vraag over mijn factuur van maart.", 5, 11),
        ("Agent", "Ja, die zie ik hier, mevrouw Peeters.", agent_start, 13),
    )


def test_kl107_only_when_the_agent_starts_while_the_customer_speaks(linter: Linter) -> None:
    assert ("KL107", 2) in _conversation_codes(linter, _overlap(8))  # started mid-sentence
    assert ("KL107", 2) not in _conversation_codes(linter, _overlap(4.5))  # started before the customer


# KL001: de/het in the message and the rewrite -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "pointer"),
    [
        ("Wat was uw klantnummer ook alweer?", "het klantnummer", "dat"),
        ("wat was uw e-mailadres ook weer", "het e-mailadres", "dat"),
        ("Wat was uw postcode ook alweer?", "de postcode", "die"),
    ],
)
def test_kl001_uses_the_right_article(linter: Linter, text: str, phrase: str, pointer: str) -> None:
    [finding] = [f for f in linter.check(text) if f.code == "KL001"]
    assert f"maar {phrase} van de beller" in finding.message
    assert any(f"{pointer} nog een keer noemen" in s.replacement.lower() for s in finding.suggestions)
