"""KL103 naam-opnieuw-gevraagd: the agent asks for the name again after the caller gave it, without saying why."""

from __future__ import annotations

import re
from collections.abc import Iterable

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.cues import NAME_QUESTION, NAME_REASON, REASON_CONNECTIVE
from klantlint.conversation.names import caller_names
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Explanation, RuleInfo

SENTENCE_END = re.compile(r"[.?!;:](?:\s|$)")


def _reason_given(turn: ViewTurn, question: re.Match[str]) -> bool:
    """The asking turn says why: not heard well, an identity check, a document that needs the name ("voor de
    bevestiging"), anywhere in the turn; or a causal link ("want", "omdat") in the asking sentence or the one
    before it. Having a record open is no reason ("uw klantkaart staat open, wat was uw naam")."""
    if turn.has(NAME_REASON):
        return True
    if not turn.has(REASON_CONNECTIVE):
        return False
    ends = [match.end() for match in SENTENCE_END.finditer(turn.lower, 0, question.start())]
    window_start = ends[-2] if len(ends) >= 2 else 0
    following = SENTENCE_END.search(turn.lower, question.end())
    window_end = following.start() if following else len(turn.lower)
    return REASON_CONNECTIVE.search(turn.lower, window_start, window_end) is not None


class NameAskedAgain(ConversationRule):
    info = RuleInfo(
        code="KL103",
        name="naam-opnieuw-gevraagd",
        severity="warning",
        summary="De medewerker vraagt opnieuw naar de naam die de beller al noemde, zonder te zeggen waarom.",
        rationale="Opnieuw naar de naam vragen laat horen dat er niet geluisterd is; met een reden erbij (verstaan, "
        "spelling, controle) is het een zorgvuldige vraag.",
        explanation=Explanation(
            wat_gaat_er_mis="De beller heeft zijn naam al genoemd, en de medewerker vraagt er later opnieuw naar "
            "('Wat was uw naam ook alweer?', 'Met wie spreek ik?') zonder uit te leggen waarom. Vaak valt dit samen "
            "met KL001 (verleden tijd).",
            waarom="De beller hoort dat zijn naam niet is opgeschreven of dat er niet geluisterd is. Dat kost "
            "vertrouwen, juist aan het begin van het gesprek.",
            voorbeeld="Klant: Goedemiddag, u spreekt met mevrouw Bakker.\nAgent: Momentje.\n"
            "Agent: Wat was uw naam ook alweer?",
            beter="Noteer de naam meteen. Moet u hem toch opnieuw vragen, zeg dan eerst waarom: 'Ik heb uw naam niet "
            "goed verstaan, hoe spel ik die?' of 'Voor de controle van uw identiteit: wat is uw volledige naam?'",
            veilig="Nee: alleen u weet waarom u de naam nodig heeft. klantlint wijst de vraag aan, maar herschrijft "
            "hem niet.",
        ),
        bad_examples=[
            "Agent: Goedemiddag, met Sanne van Woonwinkel Linde, waarmee kan ik u helpen?\n"
            "Klant: Goedemiddag, u spreekt met mevrouw Bakker.\nAgent: Momentje.\n"
            "Agent: Wat was uw naam ook alweer?",
            "Agent: Goedemorgen, met Kim van Netlijn. Waarmee kan ik u helpen?\n"
            "Klant: Met Jansen, mijn internet doet het niet.\nAgent: Vervelend. Met wie spreek ik?",
            "Agent: goedemorgen met kim van netlijn waarmee kan ik u helpen\n"
            "Klant: ja met pieter de vries ik heb een storing\nAgent: oke en wat is uw naam",
        ],
        good_examples=[
            "Agent: Goedemiddag, met Sanne van Woonwinkel Linde, waarmee kan ik u helpen?\n"
            "Klant: Goedemiddag, u spreekt met mevrouw Bakker.\n"
            "Agent: Ik heb uw naam niet goed verstaan, hoe spel ik die?",
            "Agent: Goedemorgen, met Kim van Netlijn. Waarmee kan ik u helpen?\nKlant: Met Jansen.\n"
            "Agent: Voor de controle van uw identiteit: wat is uw volledige naam en geboortedatum?",
            "Agent: Goedemorgen, met Kim van Netlijn. Waarmee kan ik u helpen?\nKlant: Mijn internet doet het niet.\n"
            "Agent: Vervelend. Mag ik uw naam?",
        ],
    )

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        names = caller_names(view)
        if not names:
            return
        first_given = names[0].turn_index
        for turn in view.agent_turns:
            if turn.index <= first_given:
                continue
            question = turn.search(NAME_QUESTION)
            if question is None or _reason_given(turn, question):
                continue
            message = (
                f"'{turn.text[question.start() : question.end()]}': de beller noemde zijn naam al. Noteer hem meteen; "
                "moet u hem toch opnieuw vragen, zeg dan eerst waarom (niet goed verstaan, spelling, controle)."
            )
            yield ConversationHit(turn.index, question.start(), question.end(), message)
