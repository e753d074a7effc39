"""KL105 geen-vervolgafspraak: the agent could not help or refused, and no next step follows in the call (nor an
alternative the customer takes)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.cues import (
    AGENT_QUESTION,
    ALTERNATIVE_AFTER,
    FACT_QUESTION,
    NON_RESOLUTION,
    REFUSAL_AFTER_REQUEST,
    REQUEST,
)
from klantlint.conversation.next_steps import accepted_alternative, first_next_step
from klantlint.conversation.text import Span
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Explanation, RuleInfo

# Phrase findings that mean a refusal or non-resolution; KL003 (a bare "nee") only after a request.
REFUSAL_CODES = frozenset({"KL002", "KL010"})
REFUSAL_AFTER_REQUEST_CODES = frozenset({"KL003"})


CONDITION_BEFORE = re.compile(r"\b(?:anders|tenzij|zonder\s+\w+)\s*,?\s*$")
# Looking back for the customer's request: past at most this many short answers to the agent's own questions.
MAX_ANSWERS_BACK = 3
SHORT_ANSWER_WORDS = 8


def _sentence_end(text: str, position: int) -> int:
    ends = [index for mark in ".?!" if (index := text.find(mark, position)) >= 0]
    return min(ends, default=len(text))


def _asked_for_something(view: CallView, turn: ViewTurn) -> bool:
    """The customer's turn right before asks for something ("kunt u ...", "ik wil mijn afspraak verplaatsen"), or it
    is a short answer to the agent's own question ("mag ik het boekingsnummer" - "zr 2026 4418") and the request
    came before that. A question of fact ("Kan het zijn dat de meter verkeerd telt?") asks for nothing."""
    index = turn.index - 1
    for _ in range(MAX_ANSWERS_BACK + 1):
        said = view.turns[index] if index >= 0 else None
        if said is None or not said.is_customer:
            return False
        if said.has(REQUEST):
            return _requests_beyond_fact_questions(said)
        asked = view.turns[index - 1] if index > 0 else None
        if asked is None or not asked.is_agent or not _answers(said, asked):
            return False
        index -= 2
    return False


def _requests_beyond_fact_questions(said: ViewTurn) -> bool:
    """A request cue that is not the start of a question of fact ("Kan die schimmel gevaarlijk zijn?" asks nothing)."""
    facts = [match.start() for match in FACT_QUESTION.finditer(said.lower)]
    return any(match.start() not in facts for match in REQUEST.finditer(said.lower))


def _answers(said: ViewTurn, asked: ViewTurn) -> bool:
    """`said` is a short answer to a question in `asked` (an order number, a date, a name)."""
    return len(said.lower.split()) <= SHORT_ANSWER_WORDS and asked.has(AGENT_QUESTION)


def non_resolution(view: CallView, turn: ViewTurn) -> Span | None:
    """Where the agent could not help or refused: a KL002/KL010 finding (KL003 after a request), or a cue ("dat
    weet ik niet"; "dat kan niet" after a request) in a statement not followed by an alternative ("..., maar ik
    kan wel ...")."""
    if not turn.phrase_findings and not turn.has(NON_RESOLUTION) and not turn.has(REFUSAL_AFTER_REQUEST):
        return None  # the usual turn: nothing that could refuse
    after_request = any(code in REFUSAL_AFTER_REQUEST_CODES for code, _, _ in turn.phrase_findings) or turn.has(
        REFUSAL_AFTER_REQUEST
    )
    asked = after_request and _asked_for_something(view, turn)
    codes = REFUSAL_CODES | (REFUSAL_AFTER_REQUEST_CODES if asked else frozenset())
    spans = [Span(start, end) for code, start, end in turn.phrase_findings if code in codes]
    patterns = (NON_RESOLUTION, REFUSAL_AFTER_REQUEST) if asked else (NON_RESOLUTION,)
    for pattern in patterns:
        if not turn.has(pattern):
            continue
        for match in pattern.finditer(turn.lower):
            end = _sentence_end(turn.lower, match.end())
            if turn.lower[end : end + 1] == "?" or ALTERNATIVE_AFTER.search(turn.lower, match.end(), end):
                continue
            if CONDITION_BEFORE.search(turn.lower[max(0, match.start() - 25) : match.start()]):
                continue  # "..., anders kan ik niets voor u doen": a condition, not (yet) a refusal
            spans.append(Span(match.start(), match.end()))
    if not spans:
        return None
    first = min(spans, key=lambda span: span.start)
    # The whole statement, from the cue to the end of its sentence: "Helaas kunnen wij dat niet terugbetalen".
    return Span(first.start, max(first.end, _sentence_end(turn.lower, first.start)))


class NoNextStep(ConversationRule):
    """Reported once per call, at the first refusal after which neither a next step nor a taken alternative
    follows."""

    info = RuleInfo(
        code="KL105",
        name="geen-vervolgafspraak",
        severity="warning",
        summary="De medewerker kan iets niet oplossen of weigert, en verderop in het gesprek volgt geen "
        "vervolgafspraak (terugbellen met tijd, doorverbinden, schriftelijke bevestiging).",
        rationale="Een 'nee' of 'dat weet ik niet' zonder vervolg laat de beller met lege handen achter; een "
        "concrete volgende stap houdt de vraag in behandeling.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker kon de vraag niet oplossen of wees iets af ('dat weet ik niet', 'dat kan "
            "niet', 'daar gaan wij niet over'), en in de rest van het gesprek spreekt hij geen volgende stap af: "
            "geen terugbelafspraak met een tijd, geen doorverbinding met een genoemde collega of afdeling, geen "
            "schriftelijke bevestiging. Een alternatief dat de beller aanneemt, lost de weigering wel op. klantlint "
            "meldt het één keer per gesprek, bij de eerste weigering waarna niets meer volgt.",
            waarom="De beller blijft zitten met zijn vraag en moet zelf opnieuw beginnen. Dat is het moment waarop "
            "klanten afhaken; wie de vraag aanneemt en zegt wat er gebeurt en wanneer, houdt ze.",
            voorbeeld="Agent: Dat weet ik niet, dat bepaalt de backoffice.\nKlant: En wanneer hoor ik dan iets?\n"
            "Agent: Geen idee.",
            beter="Neem de vraag aan en spreek iets concreets af: 'Dat weet ik nu niet. Ik vraag het na bij de "
            "backoffice en bel u morgen voor twaalf uur terug.' Of verbind door: 'Mijn collega van facturen weet "
            "dit; ik verbind u nu met haar door.' Of bevestig schriftelijk: 'U krijgt vandaag een e-mail met wat "
            "we hebben afgesproken.'",
            veilig="Nee: alleen u weet welke volgende stap mogelijk is. klantlint wijst de beurt aan waar de vraag "
            "bleef liggen.",
        ),
        bad_examples=[
            "Agent: Goedemiddag, met Sanne van Woonwinkel Linde.\nKlant: Wanneer krijg ik mijn geld terug?\n"
            "Agent: Dat weet ik niet, dat bepaalt de backoffice.\nKlant: O.\nAgent: Fijne dag nog.",
            "Agent: Goedemorgen, met Kim van Netlijn.\nKlant: Kan de monteur morgen komen?\n"
            "Agent: Nee, dat kan niet.\nKlant: Jammer.\nAgent: Tot ziens.",
            "Agent: goedemorgen met kim van de gemeente\nKlant: kunt u mijn afvalpas opsturen\n"
            "Agent: daar gaan wij niet over\nKlant: oke\nAgent: fijne dag",
        ],
        good_examples=[
            "Agent: Goedemiddag, met Sanne van Woonwinkel Linde.\nKlant: Wanneer krijg ik mijn geld terug?\n"
            "Agent: Dat weet ik nu niet. Ik vraag het na en bel u morgen voor twaalf uur terug.\nKlant: Goed.",
            "Agent: Goedemorgen, met Kim van Netlijn.\nKlant: Kan de monteur morgen komen?\n"
            "Agent: Morgen kan helaas niet.\nKlant: Jammer.\n"
            "Agent: Ik verbind u door met de afdeling planning, die kijkt met u naar een andere dag.",
            "Agent: Goedemorgen, met Kim van de gemeente.\nKlant: Kunt u mijn afvalpas opsturen?\n"
            "Agent: Dat kan niet telefonisch.\nKlant: Hoe dan wel?\n"
            "Agent: Ik stuur u vandaag een e-mail met het formulier.",
        ],
    )

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        for turn in view.agent_turns:
            span = non_resolution(view, turn)
            if span is None:
                continue
            if first_next_step(view, turn.index, span.end) is not None or accepted_alternative(view, turn, span.end):
                continue
            cue = turn.text[span.start : span.end]
            message = (
                f"'{cue}': de beller krijgt geen vervolg. Spreek een volgende stap af: terugbellen met een tijd, "
                "doorverbinden met een genoemde collega of afdeling, of een schriftelijke bevestiging."
            )
            yield ConversationHit(turn.index, span.start, span.end, message)
            return  # once per call: everything after this turn is already without a next step
