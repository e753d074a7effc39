"""KL102 naam-beller-niet-gebruikt: the caller gave a name and the agent never uses it afterwards."""

from __future__ import annotations

from collections.abc import Iterable

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.names import TURN_SEPARATOR, addresses_informally, caller_names, name_used_in
from klantlint.conversation.text import stripped_span
from klantlint.conversation.view import CallView
from klantlint.engine.base import Explanation, RuleInfo


class CallerNameNotUsed(ConversationRule):
    info = RuleInfo(
        code="KL102",
        name="naam-beller-niet-gebruikt",
        severity="info",
        summary="De beller noemt zijn naam, maar de medewerker gebruikt die daarna niet.",
        rationale="Wie de naam van de beller noteert en gebruikt, laat horen dat hij luistert en maakt het gesprek "
        "persoonlijk.",
        explanation=Explanation(
            wat_gaat_er_mis="De beller noemde zijn naam ('met Jansen', 'mijn naam is Kim de Groot'), maar de "
            "medewerker spreekt hem in de rest van het gesprek nergens met die naam aan.",
            waarom="Een naam gebruiken is de eenvoudigste manier om te laten horen dat u luistert. Een beller die "
            "met zijn naam wordt aangesproken, voelt zich geholpen door een mens en niet door een loket.",
            voorbeeld="Klant: Goedemorgen, met Jansen.\nAgent: Waarmee kan ik u helpen?\n...\nAgent: Fijne dag nog.",
            beter="Noteer de naam meteen en gebruik hem een paar keer, zeker bij de bevestiging en de afsluiting: "
            "'Dank u, meneer Jansen.' ... 'Een fijne dag nog, meneer Jansen.' De achternaam met meneer of mevrouw, "
            "of de volledige naam; twijfelt u hoe hij gespeld wordt, vraag het dan met de reden erbij.",
            veilig="Nee: alleen u weet waar in het gesprek de naam past. klantlint wijst de laatste beurt aan, "
            "omdat de afsluiting een natuurlijke plek is.",
        ),
        bad_examples=[
            "Agent: Goedemorgen, u spreekt met Sanne van Zonnedal. Waarmee kan ik u helpen?\n"
            "Klant: Goedemorgen, met Jansen. Ik heb een vraag over mijn factuur.\n"
            "Agent: Dat zoek ik voor u uit. Het bedrag klopt, het is de jaarafrekening.\n"
            "Klant: Dank u.\nAgent: Graag gedaan, een fijne dag nog.",
            "Agent: Goedemiddag, met Daan van Netlijn, waarmee kan ik u helpen?\n"
            "Klant: Hallo, mijn naam is Fatima El Amrani, mijn internet doet het niet.\n"
            "Agent: Er is een storing in uw wijk, vanmiddag is die opgelost.\nKlant: Dank u.\nAgent: Tot ziens.",
            "Agent: goedemorgen met kim van de gemeente waarmee kan ik u helpen\n"
            "Klant: ja goedemorgen met pieter de vries ik bel over mijn paspoort\n"
            "Agent: dat kunt u online aanvragen\nKlant: oke dank u\nAgent: graag gedaan fijne dag",
        ],
        good_examples=[
            "Agent: Goedemorgen, u spreekt met Sanne van Zonnedal. Waarmee kan ik u helpen?\n"
            "Klant: Goedemorgen, met Jansen.\nAgent: Dank u, meneer Jansen. Wat kan ik voor u doen?",
            "Agent: Goedemiddag, met Daan van Netlijn, waarmee kan ik u helpen?\n"
            "Klant: Hallo, mijn naam is Fatima El Amrani.\nAgent: Dag mevrouw El Amrani, vertelt u het maar.",
            "Agent: Goedemorgen, met Kim van de gemeente. Waarmee kan ik u helpen?\n"
            "Klant: Ik heb een vraag over mijn paspoort.\nAgent: Dat kunt u online aanvragen.",
        ],
    )

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        names = caller_names(view)
        if not names or not view.agent_turns:
            return
        first = names[0]
        later_agent_turns = [turn for turn in view.agent_turns if turn.index > first.turn_index]
        if not later_agent_turns:
            return
        # One search over the later agent turns together; " | " keeps a name from running across two turns.
        later = TURN_SEPARATOR.join(turn.lower for turn in later_agent_turns)
        later_text = TURN_SEPARATOR.join(turn.text for turn in later_agent_turns)
        with_first_name = any(len(name.words) > len(name.surname) for name in names)
        informal = with_first_name and addresses_informally(view)
        if any(name_used_in(later, name, informal=informal, text=later_text) for name in names):
            return
        last = view.agent_turns[-1]
        span = stripped_span(last.text)
        given = " ".join(first.words)
        message = (
            f"De beller noemde zijn naam ('{given}'), maar u gebruikt die daarna niet. Spreek de beller met zijn "
            "naam aan, bijvoorbeeld bij de bevestiging en de afsluiting."
        )
        yield ConversationHit(last.index, span.start, span.end, message)
