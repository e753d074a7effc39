"""KL104 wachttijd-overschreden: after announcing a hold, the agent comes back later than announced."""

from __future__ import annotations

from collections.abc import Iterable

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.holds import DEFAULT_HOLD_SECONDS, holds
from klantlint.conversation.text import stripped_span
from klantlint.conversation.view import CallView
from klantlint.engine.base import Explanation, RuleInfo


def spoken_seconds(seconds: float) -> str:
    """'45 seconden', '2 minuten', '2 minuten en 10 seconden'."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if minutes == 0:
        return f"{rest} seconden"
    unit = "minuut" if minutes == 1 else "minuten"
    return f"{minutes} {unit}" if rest == 0 else f"{minutes} {unit} en {rest} seconden"


class HoldTooLong(ConversationRule):
    info = RuleInfo(
        code="KL104",
        name="wachttijd-overschreden",
        severity="warning",
        summary="Na een aangekondigde wachttijd komt de medewerker later terug dan gezegd (of na meer dan 60 "
        "seconden), zonder tussendoor terug te komen.",
        rationale="Een 'momentje' dat minuten duurt, ergert. Wie terugkomt als het langer duurt en de keuze biedt "
        "tussen wachten en teruggebeld worden, houdt de beller aan boord.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker zette de beller in de wacht en kwam pas terug na meer tijd dan "
            "aangekondigd ('twee minuutjes' werd drie minuten), of na meer dan 60 seconden als er geen duur werd "
            "genoemd ('momentje'). Tussendoor kwam hij niet even terug; een tussentijds 'nog even geduld' geldt als "
            "nieuwe aankondiging (60 seconden, of de tijd die hij noemt). Een stilte van meer dan 60 seconden die hij "
            "niet aankondigde ('ik kijk even' en dan niets), telt ook. Deze regel heeft tijden nodig; zonder "
            "tijdstempels wordt hij overgeslagen (de samenvatting zegt dat).",
            waarom="Wachten zonder te weten hoe lang is de grootste ergernis aan de telefoon. Een beller die merkt "
            "dat de afgesproken tijd voorbij is, voelt zich vergeten.",
            voorbeeld="[00:40] Agent: Ik zoek het na, dat duurt twee minuutjes.\n[03:30] Agent: Zo, daar ben ik weer.",
            beter="Zeg wat u gaat doen en hoe lang het duurt. Duurt het langer, kom dan op tijd even terug: 'Het "
            "duurt iets langer dan ik dacht. Wilt u nog even wachten, of zal ik u vanmiddag voor drie uur "
            "terugbellen?'",
            veilig="Nee: dit gaat over wat u doet tijdens het gesprek, niet over een zin die klantlint kan "
            "herschrijven.",
        ),
        bad_examples=[
            "[00:00-00:05] Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\n"
            "[00:05-00:09] Klant: Mijn internet doet het niet.\n"
            "[00:09-00:14] Agent: Ik zoek het voor u na, dat duurt twee minuutjes.\n"
            "[00:14-00:15] Klant: Goed.\n"
            "[02:24-02:30] Agent: Dank u voor het wachten, er is een storing in uw wijk.",
            "[00:00-00:04] Agent: Goedemiddag, met Sanne van Zonnedal.\n"
            "[00:04-00:08] Klant: Ik heb een vraag over mijn factuur.\n"
            "[00:08-00:10] Agent: Momentje.\n"
            "[01:30-01:36] Agent: Ik zie het, de factuur is gisteren verstuurd.",
            "[0:00-0:04] Agent: goedemorgen met kim van de gemeente\n"
            "[0:04-0:09] Klant: ik wil weten of mijn paspoort klaar is\n"
            "[0:09-0:13] Agent: ik zet u even in de wacht dat duurt een halve minuut\n"
            "[1:10-1:15] Agent: ja uw paspoort ligt klaar",
        ],
        good_examples=[
            "[00:00-00:05] Agent: Goedemorgen, met Kim van Netlijn, waarmee kan ik u helpen?\n"
            "[00:05-00:09] Klant: Mijn internet doet het niet.\n"
            "[00:09-00:14] Agent: Ik zoek het voor u na, dat duurt twee minuutjes.\n"
            "[00:14-00:15] Klant: Goed.\n"
            "[02:04-02:10] Agent: Dank u voor het wachten, er is een storing in uw wijk.",
            "[00:00-00:04] Agent: Goedemiddag, met Sanne van Zonnedal.\n"
            "[00:04-00:08] Klant: Ik heb een vraag over mijn factuur.\n"
            "[00:08-00:12] Agent: Ik kijk het na, dat duurt twee minuten.\n"
            "[01:50-01:56] Agent: Het duurt iets langer, nog twee minuutjes geduld alstublieft.\n"
            "[03:30-03:36] Agent: Dank u voor het wachten, de factuur is gisteren verstuurd.",
            "Agent: Goedemiddag, met Sanne van Zonnedal.\nKlant: Ik heb een vraag over mijn factuur.\n"
            "Agent: Momentje.\nAgent: Ik zie het, de factuur is gisteren verstuurd.",
        ],
    )
    needs = "start_times"

    def check(self, view: CallView) -> Iterable[ConversationHit]:
        for hold in holds(view):
            for wait in hold.waits:
                if not wait.overrun or wait.next_agent_turn is None or wait.waited is None:
                    continue
                turn = view.turns[wait.next_agent_turn]
                span = stripped_span(turn.text)
                promised = (
                    f"u had {spoken_seconds(wait.allowed)} aangekondigd"
                    if hold.announced_seconds is not None or wait.allowed != DEFAULT_HOLD_SECONDS
                    else "u noemde geen duur (dan is 60 seconden de grens)"
                )
                message = (
                    f"De beller wachtte {spoken_seconds(wait.waited)}, maar {promised}. Kom op tijd even terug en "
                    "bied de keuze: blijven wachten of teruggebeld worden."
                    if hold.announced
                    else f"De beller wachtte {spoken_seconds(wait.waited)} zonder dat u een wachttijd aankondigde. "
                    "Zeg wat u gaat doen en hoe lang het duurt, en kom na uiterlijk een minuut even terug."
                )
                yield ConversationHit(turn.index, span.start, span.end, message)
