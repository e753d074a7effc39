"""False-positive classes of the default rules on customer-service text written outside this project (issue 14).

Each class in our own wording, Dutch (nl-NL) and Flemish (nl-BE): what must stay quiet, and the neighbouring
cases the rule must still report (its gate lets them through and its `check` fires on the full parse).
"""

from __future__ import annotations

import pytest

from klantlint import Config, Linter
from tests.labelled_cases import reported_and_quiet_tests


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(select=["ALL"]), mode="full")  # opt-in rules (KL015) too


REPORTED: list[tuple[str, str]] = []
QUIET: list[tuple[str, str]] = []

# KL010 afschuiven: an app's retry instruction and a condition ("Weet ik het niet? Dan ...") turn nothing away ------

REPORTED += [
    ("KL010", "Dat weet ik niet. Probeer het morgen nog eens."),
    ("KL010", "Ik kan daar niets mee, probeer het na het weekend nog eens."),
    ("KL010", "Weet ik niet."),
    ("KL010", "dat weet ik niet hoor, belt u maandag nog maar eens"),
]
QUIET += [
    ("KL010", "Het opslaan van uw foto is mislukt. Probeer het later nog eens."),
    ("KL010", "Er liep iets fout bij het laden van de pagina. Probeer het later opnieuw."),
    ("KL010", "De server is even niet bereikbaar. Probeer het over een uur nog eens."),
    ("KL010", "Weet ik het antwoord niet? Kijk dan bij de veelgestelde vragen."),
    ("KL010", "Weet ik het niet, dan vraag ik het na bij een collega."),
    ("KL010", "Weten we het niet? Neem dan contact op met het onthaal."),
]

# KL002 helaas-zonder-alternatief: a next step for the customer right after the bad news is the alternative -------

REPORTED += [
    ("KL002", "Helaas is die maat uitverkocht."),
    ("KL002", "Helaas kunnen we uw betaling niet verwerken. Ik vind het ook vervelend."),
    ("KL002", "Helaas gaat dat niet. Ga je akkoord?"),
]
QUIET += [
    ("KL002", "Helaas kunnen we uw betaling niet verwerken. Probeer het opnieuw met een andere kaart."),
    ("KL002", "Helaas leveren we niet in het weekend. Kies een andere dag voor de bezorging."),
    ("KL002", "Jammer genoeg is de winkel vandaag gesloten. Bestel gerust online, dan leveren we morgen."),
    ("KL002", "Helaas is die maat uitverkocht. Neemt u contact op met de winkel in uw buurt."),
    ("KL002", "Helaas kan je abonnement niet online stopgezet worden. Bel naar ons klantennummer."),
]
QUIET += [
    ("KL002", "Helaas leveren we niet naar %s. Geef een ander adres op."),
    ("KL002", "Helaas kan dat niet meer online. Bel het onthaal, dan helpen we je verder."),
]

# KL003 botte-nee: "Nee" answering a yes/no question with a plain fact is no refusal ----------------------------

REPORTED += [
    ("KL003", "Nee, de korting geldt alleen voor nieuwe klanten."),
    ("KL003", "Nee, de bezoeker moet altijd een geldig ticket tonen."),
    ("KL003", "Neen, de scanner bewaart geen namen."),
    ("KL003", "Nee, dat gaat echt niet."),
]
QUIET += [
    ("KL003", "Nee, de winkel opent op maandag om tien uur."),
    ("KL003", "Nee, uw gegevens blijven op uw eigen telefoon."),
    ("KL003", "Neen, het attest komt met de post bij u thuis."),
    ("KL003", "Nee, de verwachting voor morgen is zon en twintig graden."),
]

# KL005 onaangekondigde-wacht: a phone menu and a device that is loading are no hold by an agent ----------------

REPORTED += [
    ("KL005", "Wacht even, ik kijk het na."),
    ("KL005", "Blijft u even aan de lijn?"),
    ("KL005", "Heeft u een momentje? Dan druk ik even op de knop."),
]
QUIET += [
    ("KL005", "Druk 1 voor facturen, druk 2 voor storingen, of blijf aan de lijn."),
    ("KL005", "Toets 3 voor een afspraak of blijf even aan de lijn."),
    ("KL005", "Het toestel is gekoppeld. Wacht even terwijl de instellingen worden geladen."),
    ("KL005", "de update wordt geïnstalleerd, wacht even"),
]

# KL012 waarom-vraag: a FAQ heading asks about a thing, not the customer about their choice -----------------------

REPORTED += [
    ("KL012", "Waarom is dat?"),
    ("KL012", "Waarom wilt u de app niet?"),
    ("KL012", "Waarom heeft de monteur uw meter niet mogen vervangen?"),
    ("KL012", "waarom kies je voor een andere leverancier"),
]
QUIET += [
    ("KL012", "Waarom is deze toepassing belangrijk?"),
    ("KL012", "Waarom duurt de levering langer dan normaal?"),
    ("KL012", "Waarom is het tarief in de winter hoger?"),
]

# KL011 reflectie-inleiding: a formula that names the feeling ("Ik begrijp uw frustratie") -------------------------

REPORTED += [
    ("KL011", "Ik begrijp uw frustratie."),
    ("KL011", "ik snap je ergernis heel goed"),
    ("KL011", "Wij begrijpen uw bezorgdheid over de levering."),
    ("KL011", "Ik begrijp uw teleurstelling over de gemiste afspraak."),
]
QUIET += [
    ("KL011", "Ik begrijp uw vraag."),
    ("KL011", "Begrijp ik uw frustratie goed?"),
    ("KL011", "U bent gefrustreerd over de factuur."),
]


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("Ik begrijp uw frustratie.", "U bent gefrustreerd."),
        ("ik snap je ergernis heel goed", "je ergert je"),
        ("Wij begrijpen uw bezorgdheid over de levering.", "U maakt zich zorgen over de levering."),
    ],
)
def test_kl011_feeling_formula_becomes_a_statement(linter: Linter, text: str, rewritten: str) -> None:
    finding = next(f for f in linter.check(text) if f.code == "KL011")
    fix = finding.suggestions[0]
    assert text[: fix.start] + fix.replacement + text[fix.end :] == rewritten


test_reported, test_stays_quiet = reported_and_quiet_tests(REPORTED, QUIET)
