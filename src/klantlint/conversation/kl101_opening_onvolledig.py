"""KL101 opening-onvolledig: the agent's opening lacks a greeting, the agent's name, the organisation, or
(inbound) an offer of help."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.cues import GREETING, NOT_A_NAME, OFFER_OF_HELP, OWN_NAME_INTRO, TITLES
from klantlint.conversation.names import CLAUSE_MARKS, OPENING_WORDS, WORD_CHARS, name_after, starts_clause
from klantlint.conversation.organisation import is_organisation_word, names_organisation, organisation_words
from klantlint.conversation.text import stripped_span
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Explanation, RuleInfo

# Distinct opening texts whose verdict is remembered.
OPENINGS_REMEMBERED = 4096
# Words that may stand between the greeting and "met <naam>" besides the organisation's name.
CAPITALISED_WORD = re.compile(r"[^\W\d_][\w'-]*")
DEPARTMENT_WORDS = frozenset(
    {"klantenservice", "servicedesk", "helpdesk", "afdeling", "team", "de", "het", "van", "bij"}
)


# The name before the organisation: "Sandra Bakker hier van FitFabriek", "met sanne hier bij de woonwinkel".
# Tried only where a run of word characters starts (from its first letter, as before), with blanks taken whole:
# a long run of letters or of blanks is read once.
NAME_THEN_HIER = re.compile(
    r"(?<![\w'-])[\d_'-]*+([^\W\d_][\w'-]*+)(?:\s*+,\s++|\s++)hier(?:\s*+,\s++|\s++)(?:van|bij|namens|met)\b"
)


# The Flemish order, "hier" after the organisation: "Sofie van de Kempenbank hier", "met jan van lumigas hier".
NAME_ORGANISATION_HIER = re.compile(
    r"(?<![\w'-])([^\W\d_][\w'-]*+)\s++(?:van|bij)\s++((?:[\w'-]++\s++){1,5}?)hier(?![\w'-])"
)


# "Karim aan de telefoon", "met u aan de lijn: Karim" is not one.
NAME_ON_THE_LINE = re.compile(
    r"(?<![\w'-])([^\W\d_][\w'-]*+)(?:\s*+,\s*+|\s++)aan\s++de\s++(?:telefoon|lijn)(?![\w'-])"
)


def _name_before_hier(turn: ViewTurn, organisations: tuple[str, ...], cased: bool) -> bool:
    """A name right before "hier van/bij <organisation>", before "van <organisation> hier" or before "aan de
    telefoon": a word that is no function word, greeting or part of the organisation's name, and in text with
    capitals a capitalised one."""
    lower = turn.lower
    if "hier" not in lower and "aan de " not in lower:  # the usual opening: no regex needed
        return False
    candidates = [match.start(1) for match in NAME_THEN_HIER.finditer(lower)]
    candidates += [match.start(1) for match in NAME_ON_THE_LINE.finditer(lower)]
    candidates += [
        match.start(1)
        for match in NAME_ORGANISATION_HIER.finditer(turn.lower)
        if names_organisation(match.group(2), organisations)
    ]
    for start in candidates:
        word = CAPITALISED_WORD.match(turn.lower, start)
        if word is None:
            continue
        name = word.group()
        if name in NOT_A_NAME or is_organisation_word(name, organisations) or name in DEPARTMENT_WORDS:
            continue
        if cased and not turn.text[start].isupper():
            continue
        return True
    return False


# "goedemiddag mevrouw van leeuwen met yasmin van ...": the customer addressed by name before "met <naam>".
MAX_ADDRESSED_NAME_WORDS = 4


def _after_addressing(lower: str, position: int) -> bool:
    """Before `position` in its clause stand only greetings, then meneer/mevrouw and at most four name words."""
    clause_start = max(lower.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    words = WORD_CHARS.findall(lower, clause_start, position)
    title = next((index for index, word in enumerate(words) if word in TITLES or word == "mijnheer"), None)
    if title is None or not all(word in OPENING_WORDS for word in words[:title]):
        return False
    return 0 < len(words) - title - 1 <= MAX_ADDRESSED_NAME_WORDS


def _words_before_met(turn: ViewTurn, organisations: tuple[str, ...]) -> frozenset[str]:
    """The organisation's words, department words, and the turn's capitalised words: they may be an organisation
    that is not configured ("Goedemiddag Woonwinkel Linde met Sanne")."""
    capitalised = {word.lower() for word in CAPITALISED_WORD.findall(turn.text) if word[0].isupper()}
    return organisation_words(organisations) | DEPARTMENT_WORDS | capitalised


def _has_own_name(turn: ViewTurn, organisations: tuple[str, ...]) -> bool:
    """'u spreekt met Sanne', 'mijn naam is ...', 'met Sanne' after the greeting or the organisation
    ("goedemiddag kidsshop kwebbel met jesse"), or 'Sanne hier van ...'."""
    cased = turn.text != turn.text.lower()
    if _name_before_hier(turn, organisations, cased):
        return True
    before_met: frozenset[str] | None = None  # words that may stand before "met <naam>", read on the first "met"
    for match in OWN_NAME_INTRO.finditer(turn.lower):
        if match.group() == "met":
            if before_met is None:
                before_met = _words_before_met(turn, organisations)
            if not (
                starts_clause(turn.lower, match.start(), before_met) or _after_addressing(turn.lower, match.start())
            ):
                continue
        words = name_after(turn.text, turn.lower, match.end(), cased=cased)
        if words and not is_organisation_word(words[0], organisations):
            return True
    return False


def missing_parts(view: CallView, opening: ViewTurn) -> list[str]:
    """What the opening lacks, in the order a good opening has it."""
    return list(_missing_in_opening(opening.text, view.organisations, view.direction == "inbound"))


@lru_cache(maxsize=OPENINGS_REMEMBERED)
def _missing_in_opening(text: str, organisations: tuple[str, ...], inbound: bool) -> tuple[str, ...]:
    """`missing_parts` of an opening text: it depends on nothing else, and scripted openings repeat."""
    opening = ViewTurn(0, "agent", text)
    missing = []
    if not opening.has(GREETING):
        missing.append("een groet")
    if not _has_own_name(opening, organisations):
        missing.append("uw eigen naam")
    if not names_organisation(opening.lower, organisations):
        missing.append("de naam van de organisatie")
    if inbound and not opening.has(OFFER_OF_HELP):
        missing.append("een hulpaanbod ('Waarmee kan ik u helpen?')")
    return tuple(missing)


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


class IncompleteOpening(ConversationRule):
    info = RuleInfo(
        code="KL101",
        name="opening-onvolledig",
        severity="warning",
        summary="De opening van de medewerker mist een groet, de eigen naam of de organisatie, of bij een inkomend "
        "gesprek een hulpaanbod.",
        rationale="In de eerste zin hoort de beller bij wie hij is en met wie hij spreekt; dat geeft vertrouwen en "
        "voorkomt dat hij het later moet vragen.",
        explanation=Explanation(
            wat_gaat_er_mis="De eerste beurt van de medewerker is onvolledig: de beller wordt niet begroet, hoort "
            "niet met wie hij spreekt of van welke organisatie, of krijgt bij een inkomend gesprek geen hulp "
            "aangeboden. De melding noemt wat er ontbreekt.",
            waarom="De opening zet de toon. Wie zijn naam en organisatie noemt, maakt het gesprek persoonlijk en "
            "laat de beller weten dat hij goed zit. Zonder hulpaanbod moet de beller zelf het gesprek op gang "
            "brengen.",
            voorbeeld="Agent: Klantenservice, zegt u het maar.\nAgent: Goedemorgen, waarmee kan ik u helpen?",
            beter="Noem in de eerste zin een groet, uw naam en de organisatie, en bied daarna hulp aan: "
            "'Goedemorgen, u spreekt met Sanne van Zonnedal Energie. Waarmee kan ik u helpen?' Belt u zelf, zeg "
            "dan na de groet, uw naam en de organisatie waarom u belt: 'Ik bel u omdat ...'.",
            vlaanderen="'Goeiedag' en 'Goeiemiddag' zijn volwaardige groeten, en 'Waarvoor mag ik u helpen?' is "
            "daar het gewone hulpaanbod: 'Goeiedag, u spreekt met Lien van Wonen Oost. Waarvoor mag ik u helpen?'",
            veilig="Nee: klantlint weet uw naam niet en schrijft de opening niet voor u. Stel de organisatienaam in "
            "met 'organisation' in de configuratie, dan herkent klantlint hem zeker.",
        ),
        bad_examples=[
            "Agent: Goedemorgen, waarmee kan ik u helpen?\nKlant: Ik heb een vraag over mijn factuur.",
            "Agent: Klantenservice Zonnedal Energie, met Sanne.\nKlant: Goedemorgen, ik bel over mijn meterstand.",
            "Agent: Met Sanne van Zonnedal Energie, waarmee kan ik u helpen?\nKlant: Ik wil mijn adres wijzigen.",
            "Klant: Met Jansen.\nAgent: Ja, ik bel over uw offerte.\nKlant: O ja?",
        ],
        good_examples=[
            "Agent: Goedemorgen, u spreekt met Sanne van Zonnedal Energie. Waarmee kan ik u helpen?\n"
            "Klant: Ik heb een vraag over mijn factuur.",
            "Agent: goedemiddag u spreekt met daan van netlijn waarmee kan ik u helpen\nKlant: ja hallo",
            "Klant: Met Jansen.\nAgent: Goedemiddag meneer Jansen, u spreekt met Jeroen Smit van Bonenland "
            "Koffieservice. Ik bel u omdat u een offerte heeft aangevraagd.\nKlant: Klopt.",
        ],
    )

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        opening = view.opening
        if opening is None:
            return
        missing = missing_parts(view, opening)
        if not missing:
            return
        span = stripped_span(opening.text)
        message = f"De opening mist {_listed(missing)}. Begin met een groet, uw naam en de organisatie" + (
            ", en bied dan hulp aan." if view.direction == "inbound" else ", en zeg dan waarom u belt."
        )
        yield ConversationHit(opening.index, span.start, span.end, message)
