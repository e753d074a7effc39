"""KL106 afsluiting-onvolledig: the call ends without a summary of what was agreed, or without a closing greeting."""

from __future__ import annotations

import re
from collections.abc import Iterable

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.cues import (
    AGREEMENT,
    APPOINTMENT,
    CLOSING_GREETING,
    RECAP_CHECK,
    SUMMARY,
    TRANSFER_NOW,
)
from klantlint.conversation.next_steps import SENTENCE_END, next_step_in
from klantlint.conversation.replies import turned_down
from klantlint.conversation.text import Cue, stripped_span
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Explanation, RuleInfo

SUMMARY_MISSING = "summary"
# How a closing turn restates the outcome before its greeting: a "dus" ("Dus u krijgt maandag een nieuwe pas.",
# "graag gedaan dus uw pas is onderweg", also lowercase and unpunctuated), or a short lead-in that ends in a colon
# ("Ik noteer: ...", "Dan is het zo geregeld: ...").
RECAP_LEAD = re.compile(r"(?<!\w)dus(?!\w)|(?:^|[.!?]\s+)\W*(?:\w+[\s,]+){0,7}\w+\s*:")
WORD = re.compile(r"\w+")
RECAP_WORDS = 3
GREETING_MISSING = "greeting"


# What an agent turn says for the closing, worked out once per turn text (`_closing_role`).
RECAP = "recap"  # a recap of what was agreed ("Samengevat: ...", "Dus ..., klopt dat?")
PROPOSAL = "proposal"  # a commitment or a change ("Ik stuur u vandaag een nieuwe pas."), unless turned down
NEITHER = "neither"


def _closing_role(turn: ViewTurn) -> str:
    """Whether the turn recaps (a recap that agrees something new is a recap), proposes something, or neither. Only
    KL106 asks these cues, so their matches are not remembered per turn; their gates are read in one pass
    (`ViewTurn.may_have`)."""
    lower = turn.lower
    if _occurs(turn, SUMMARY, lower) or _occurs(turn, RECAP_CHECK, lower):
        return RECAP
    if _occurs(turn, AGREEMENT, lower) or _occurs(turn, APPOINTMENT, lower) or next_step_in(turn):
        return PROPOSAL
    return NEITHER


def _occurs(turn: ViewTurn, cue: Cue, lower: str) -> bool:
    return turn.may_have(cue) and cue.regex.search(lower) is not None


def _recap_lead_before_greeting(turn: ViewTurn) -> bool | None:
    """Whether a recap lead-in with at least three words comes before the turn's closing greeting; None without
    a closing greeting."""
    greeting = turn.search(CLOSING_GREETING)
    if greeting is None:
        return None
    before = turn.lower[: greeting.start()]
    if "dus" not in before and ":" not in before:  # every lead-in has one: the usual closing needs no regex
        return False
    return recap_lead_in(before)


def recap_lead_in(before: str) -> bool:
    """Whether `before` (the lowered turn up to its closing greeting) has a recap lead-in with at least three words
    after it; the greeting's own sentence ("Nog een fijne dag") restates nothing."""
    greeting_sentence = max((end.end() for end in SENTENCE_END.finditer(before)), default=0)
    for lead in RECAP_LEAD.finditer(before):
        recap_end = greeting_sentence if greeting_sentence > lead.end() else len(before)
        if len(WORD.findall(before[lead.end() : recap_end])) >= RECAP_WORDS:
            return True
    return False


def summary_missing(view: CallView) -> bool:
    """Something was agreed (and the customer did not turn it down: "de monteur komt dinsdag" - "dan ben ik er niet,
    kan het ook in het weekend?" agrees nothing), and no recap follows the last agreement; a call that ends in a
    transfer needs none.

    The closing turn also recaps when it says what was agreed before its greeting: after a recap lead-in ("Dus ...",
    "Ik noteer: ...") with at least three words, or by stating the agreement itself ("Dan verbind ik u nu door met
    de afdeling schade. Nog een fijne dag.")."""
    last = view.agent_turns[-1]
    if last.has(TRANSFER_NOW):
        # The call ends by putting the customer through: the colleague takes it from there.
        return False
    for turn in reversed(view.agent_turns):
        role = turn.fact(_closing_role)
        if role == RECAP:
            # The latest recap follows every agreement before it: earlier turns need no look.
            return False
        agrees = role == PROPOSAL and not turned_down(view, turn)
        if turn is last:
            recap_lead = turn.fact(_recap_lead_before_greeting)
            if recap_lead is not None and (recap_lead or agrees):
                return False  # the closing recaps before its greeting
        if agrees:
            return True
    return False


def greeting_missing(view: CallView) -> bool:
    """The agent's last turn has no closing greeting ("Graag gedaan" alone is none)."""
    return not view.agent_turns[-1].has(CLOSING_GREETING)


class IncompleteClosing(ConversationRule):
    info = RuleInfo(
        code="KL106",
        name="afsluiting-onvolledig",
        severity="info",
        summary="Het gesprek eindigt zonder samenvatting van wat is afgesproken (als er iets is afgesproken) of "
        "zonder afsluitende groet.",
        rationale="Een korte samenvatting voorkomt misverstanden over wat er nu gebeurt; een passende groet "
        "sluit het gesprek vriendelijk af.",
        explanation=Explanation(
            wat_gaat_er_mis="Aan het eind van het gesprek vat de medewerker niet samen wat er is afgesproken (terwijl "
            "er wel iets is afgesproken: terugbellen, een bevestiging, een aanpassing), of hij sluit af zonder "
            "groet. De melding noemt wat er ontbreekt.",
            waarom="De beller onthoudt vooral het eind van het gesprek. Een samenvatting laat hem horen dat alles "
            "goed is genoteerd en geeft hem de kans een misverstand recht te zetten. Zonder groet eindigt het "
            "gesprek abrupt.",
            voorbeeld="Agent: Ik stuur u vandaag het overzicht en bel u vrijdag om tien uur.\nKlant: Goed.\n"
            "Agent: Oké.",
            beter="Vat de afspraken kort samen, vraag of het klopt, en sluit af met een passende groet: 'Dan spreken "
            "we af: u krijgt vandaag het overzicht en ik bel u vrijdag om tien uur. Klopt dat? Een fijne dag nog, "
            "meneer Jansen.' Wacht daarna tot de beller ophangt.",
            veilig="Nee: alleen u weet wat er is afgesproken. klantlint wijst de laatste beurt aan.",
        ),
        bad_examples=[
            "Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\nKlant: Mijn internet is traag.\n"
            "Agent: Ik stuur u vandaag een nieuwe modem en bel u vrijdag om tien uur.\nKlant: Goed.\nAgent: Oké.",
            "Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\nKlant: Wat kost een extra tv-box?\n"
            "Agent: Vijf euro per maand.\nKlant: Dank u.\nAgent: Graag gedaan.",
            "Agent: goedemorgen met kim van zonnedal waarmee kan ik u helpen\nKlant: ik wil mijn termijnbedrag "
            "verlagen\nAgent: ik heb uw termijnbedrag verlaagd naar negentig euro\nKlant: top\nAgent: fijne dag",
        ],
        good_examples=[
            "Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\nKlant: Mijn internet is traag.\n"
            "Agent: Ik stuur u vandaag een nieuwe modem en bel u vrijdag om tien uur.\nKlant: Goed.\n"
            "Agent: Dan spreken we af: de modem gaat vandaag op de post en vrijdag om tien uur bel ik u. "
            "Een fijne dag nog.",
            "Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\nKlant: Wat kost een extra tv-box?\n"
            "Agent: Vijf euro per maand.\nKlant: Dank u.\nAgent: Graag gedaan, een fijne dag nog.",
            "Agent: goedemorgen met kim van zonnedal waarmee kan ik u helpen\nKlant: ik wil mijn termijnbedrag "
            "verlagen\nAgent: ik heb uw termijnbedrag verlaagd naar negentig euro\nKlant: top\n"
            "Agent: samengevat uw termijnbedrag is vanaf volgende maand negentig euro fijne dag nog",
        ],
    )

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        if len(view.agent_turns) < 2:
            return
        missing = []
        if summary_missing(view):
            missing.append(SUMMARY_MISSING)
        if greeting_missing(view):
            missing.append(GREETING_MISSING)
        if not missing:
            return
        last = view.agent_turns[-1]
        span = stripped_span(last.text)
        yield ConversationHit(last.index, span.start, span.end, _message(missing))


def _message(missing: list[str]) -> str:
    if len(missing) == 2:
        return (
            "Het gesprek eindigt zonder samenvatting van wat is afgesproken en zonder afsluitende groet. Vat kort "
            "samen wat er nu gebeurt, vraag of het klopt, en sluit af met een passende groet."
        )
    if missing[0] == SUMMARY_MISSING:
        return (
            "Het gesprek eindigt zonder samenvatting van wat is afgesproken. Vat kort samen wat er nu gebeurt en "
            "vraag of het klopt."
        )
    return "Het gesprek eindigt zonder afsluitende groet. Sluit af met een passende groet: 'Een fijne dag nog.'"
