"""KL107 door-klant-heen-praten: agent turns that start more than a second before the customer has finished."""

from __future__ import annotations

from collections.abc import Iterable

from klantlint.conversation.backchannels import is_backchannel
from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.text import stripped_span
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Explanation, RuleInfo

MAX_OVERLAP_SECONDS = 1.0


def interruptions(view: CallView) -> list[ViewTurn]:
    """Agent turns right after a customer turn that start while the customer speaks, more than
    `MAX_OVERLAP_SECONDS` before the customer's turn ends."""
    found = []
    for turn in view.agent_turns:
        # The timing first: it rules out most turns, and the back-channel tests read the text.
        if turn.start is None:
            continue
        previous = _turn_before(view, turn)
        if previous is None or not previous.is_customer or previous.end is None:
            continue
        if not previous.end - turn.start > MAX_OVERLAP_SECONDS:
            continue
        # Only an agent who starts while the customer is already speaking talks over the customer; an agent turn
        # that began before the customer's turn (diarised calls list turns by their end) was interrupted itself.
        if previous.start is not None and turn.start < previous.start:
            continue
        # A back-channel ("mm-hm", "ja") inside the customer's turn is listening, not talking over them; and
        # starting while the customer says "ja" or "mm-hm" cuts nobody off.
        if is_backchannel(turn) or is_backchannel(previous):
            continue
        found.append(turn)
    return found


def _turn_before(view: CallView, turn: ViewTurn) -> ViewTurn | None:
    """The turn before `turn`, the agent's own back-channels in between passed over: after "mm-hm" during the
    customer's turn, the agent's next turn follows the customer's turn, not the "mm-hm"."""
    for earlier in reversed(view.turns[: turn.index]):
        if not (earlier.is_agent and is_backchannel(earlier)):
            return earlier
    return None


class TalkingOverCustomer(ConversationRule):
    info = RuleInfo(
        code="KL107",
        name="door-klant-heen-praten",
        severity="info",
        summary="De medewerker begint te praten terwijl de klant nog meer dan een seconde aan het woord is "
        "(één melding per gesprek, met het aantal keer).",
        rationale="Wie door de klant heen praat, luistert niet; eerst uit laten praten, dan samenvatten en doorvragen.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker begint aan zijn beurt terwijl de klant nog meer dan een seconde aan het "
            "woord is. klantlint meldt dit één keer per gesprek, bij de eerste keer, met het aantal keer. Deze "
            "regel heeft begin- en eindtijden nodig; zonder wordt hij overgeslagen (de samenvatting zegt dat).",
            waarom="Een klant die niet uit mag praten, voelt zich niet gehoord en herhaalt zich, of haakt af. Het "
            "gesprek duurt er ook langer door: wat de klant nog wilde zeggen, komt later toch.",
            voorbeeld="[00:10-00:18] Klant: Ik heb vorige week gebeld en toen zei uw collega dat ...\n"
            "[00:15-00:19] Agent: Ja, dat zie ik, maar ...",
            beter="Laat de klant uitpraten, wacht een tel, en vat dan samen wat u hoorde: 'U heeft vorige week "
            "gebeld en toen is u iets toegezegd. Wat was dat precies?' Luisteren, samenvatten, doorvragen.",
            veilig="Nee: dit gaat over de timing van het gesprek, niet over een zin.",
        ),
        bad_examples=[
            "[00:00-00:04] Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\n"
            "[00:04-00:12] Klant: Ik heb vorige week gebeld en toen zei uw collega dat de monteur zou komen.\n"
            "[00:10-00:14] Agent: Ja, dat zie ik hier staan.",
            "[00:00-00:04] Agent: Goedemiddag, met Sanne van Zonnedal.\n"
            "[00:04-00:09] Klant: Mijn termijnbedrag is veel te hoog.\n"
            "[00:07-00:10] Agent: Dat klopt wel.\n"
            "[00:10-00:15] Klant: Nee, want ik verbruik veel minder dan vorig jaar.\n"
            "[00:13-00:16] Agent: Dat zie ik.",
            "[0:00-0:03] Agent: goedemorgen met kim van de gemeente\n"
            "[0:03-0:11] Klant: ik bel over de vuilnisbak die al twee weken niet is geleegd\n"
            "[0:09-0:12] Agent: ja dat ligt aan de route",
        ],
        good_examples=[
            "[00:00-00:04] Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\n"
            "[00:04-00:12] Klant: Ik heb vorige week gebeld en toen zei uw collega dat de monteur zou komen.\n"
            "[00:13-00:17] Agent: Dat zie ik hier staan.",
            "[00:00-00:04] Agent: Goedemiddag, met Sanne van Zonnedal.\n"
            "[00:04-00:09] Klant: Mijn termijnbedrag is veel te hoog.\n"
            "[00:08.2-00:11] Agent: Dat kijk ik na.",
            "Agent: Goedemorgen, met Kim van de gemeente.\nKlant: Ik bel over de vuilnisbak.\n"
            "Agent: Dat kijk ik voor u na.",
        ],
    )
    needs = "timestamps"

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        found = interruptions(view)
        if not found:
            return
        first = found[0]
        span = stripped_span(first.text)
        times = "één keer" if len(found) == 1 else f"{len(found)} keer"
        message = (
            f"U begon {times} te praten terwijl de klant nog meer dan een seconde aan het woord was. Laat de klant "
            "uitpraten, en vat dan samen wat u hoorde."
        )
        yield ConversationHit(first.index, span.start, span.end, message)
