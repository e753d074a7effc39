"""False-positive classes found in the third tuning round on text written outside this project (issue 14).

Each class in our own wording (Dutch and Flemish): what must stay quiet, and the neighbouring cases the rule must
still report (its gate lets them through and its `check` fires on the full parse).
"""

from __future__ import annotations

import pytest

from klantlint import Config, Linter
from tests.labelled_cases import reported_and_quiet_tests


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(select=["ALL"]), mode="full")  # opt-in rules too


REPORTED: list[tuple[str, str]] = []
QUIET: list[tuple[str, str]] = []

# KL010 afschuiven: not understanding what was just said, or a hedge, turns no question away ------------------------

REPORTED += [
    ("KL010", "Ik weet niet waar hij is."),
    ("KL010", "Ik weet niet wanneer de monteur langskomt."),
    ("KL010", "Ik weet echt niet hoe ik u hiermee kan helpen."),
    ("KL010", "Dat weet ik niet."),
    ("KL010", "Ik weet niet waar mijn collega zit, ze is niet op haar plaats."),
]
QUIET += [
    ("KL010", "Ik weet niet wat dat woord betekent. Kunt u het anders zeggen?"),
    ("KL010", "Ik weet niet wie dat is."),
    ("KL010", "Sorry, ik weet niet hoe lang het heeft geduurd. Zeg het nog eens."),
    ("KL010", "Ik weet niet wie dit bericht heeft achtergelaten."),
    ("KL010", "Ik weet het niet zeker, ik kijk het even voor u na."),
    ("KL010", "Ik weet niet zeker waar dat dorp ligt."),
    ("KL010", "Ik weet het niet zeker."),
]

# KL004 verwijzen-naar-mail: a mail to the customer's own people ("stuur de link naar een vriend") -----------------

REPORTED += [
    ("KL004", "Mail uw vraag gerust naar onze klantendienst."),
    ("KL004", "Mail het maar naar mijn collega van de boekhouding."),
    ("KL004", "U kunt ook een e-mail sturen."),
]
QUIET += [
    ("KL004", "E-mail deze pagina naar een vriend."),
    ("KL004", "Mail het recept naar uzelf of naar uw familie."),
    ("KL004", "Je kunt de uitnodiging ook mailen naar je vrienden."),
]

# KL012 waarom-vraag: a question that opens the text and that the text then answers is a heading ------------------

REPORTED += [
    ("KL012", "Waarom wilt u opzeggen? Dan kijk ik even wat ik voor u kan doen."),
    ("KL012", "Goedemiddag. Waarom belt u eigenlijk? Ik zie hier niets. Het is al geregeld."),
    ("KL012", "Waarom wil je de bestelling annuleren?"),
]
QUIET += [
    ("KL012", "Waarom vraag je om mijn postcode? We tonen de winkel bij jou in de buurt. Je postcode bewaren we niet."),
    ("KL012", "Waarom moet u uw rijksregisternummer ingeven? Zo vinden we uw dossier. Dat nummer delen we niet."),
]

# KL007 vakjargon: "FAQ" is a word customers know from every website ---------------------------------------------

REPORTED += [
    ("KL007", "Uw ticket is geëscaleerd naar de tweede lijn."),
]
QUIET += [
    ("KL007", "Lees de antwoorden op onze FAQ-pagina."),
    ("KL007", "Op de FAQ vindt u meer uitleg over de levering."),
]

# KL002 helaas-zonder-alternatief: the next step as an imperative in the next sentence -----------------------------

REPORTED += [
    ("KL002", "Helaas is die schoen in uw maat uitverkocht."),
    ("KL002", "Helaas is uw pas verlopen."),
]
QUIET += [
    ("KL002", "Ik heb helaas geen afspraak op die naam gevonden. Herhaal uw naam of zeg uw geboortedatum."),
    ("KL002", "Helaas is uw pas verlopen. Vraag een nieuwe pas aan bij het loket."),
    ("KL002", "Helaas is de link niet meer geldig. Ververs de pagina en probeer het nog eens."),
]

# KL005 onaangekondigde-wacht: a phone menu with "druk op 1" offers the choice -------------------------------------

REPORTED += [
    ("KL005", "Blijft u even aan de lijn."),
]
QUIET += [
    ("KL005", "Toets op 2 om een bericht in te spreken, anders blijft u aan de lijn."),
    ("KL005", "Druk op 9 voor de receptie of blijf aan de lijn."),
]


# KL003 botte-nee: "Nee, we ... alleen ..." takes away a worry about what we see or keep ---------------------------

REPORTED += [
    ("KL003", "Nee, wij leveren alleen in Nederland."),
    ("KL003", "Nee, u krijgt alleen de helft terug."),
    ("KL003", "Nee, dat mag alleen met een machtiging."),
]
QUIET += [
    ("KL003", "Nee, wij bewaren alleen uw e-mailadres."),
    ("KL003", "Nee, de camera neemt enkel beelden op als u op de knop drukt."),
    ("KL003", "Neen, de app gebruikt slechts uw postcode, niet uw adres."),
]


test_reported, test_stays_quiet = reported_and_quiet_tests(REPORTED, QUIET)
