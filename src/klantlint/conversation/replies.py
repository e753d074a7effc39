"""How the customer answers what the agent proposes: taking it ("Doe dat maar.") or turning it down ("Nee, laat
maar.", "dan ben ik er niet, kan het ook in het weekend?"). A proposal turned down agrees nothing, and an
alternative turned down resolves no refusal."""

from __future__ import annotations

from klantlint.conversation.cues import CUSTOMER_ACCEPTS, CUSTOMER_DECLINES
from klantlint.conversation.view import CallView, ViewTurn


def reply_to(view: CallView, turn: ViewTurn) -> ViewTurn | None:
    """The customer's first turn after `turn`, before the agent speaks again."""
    for later in view.turns[turn.index + 1 :]:
        if later.is_customer:
            return later
        if later.is_agent:
            return None
    return None


def turned_down(view: CallView, turn: ViewTurn) -> bool:
    reply = reply_to(view, turn)
    return reply is not None and reply.has(CUSTOMER_DECLINES)


def taken(view: CallView, turn: ViewTurn) -> bool:
    reply = reply_to(view, turn)
    return reply is not None and reply.has(CUSTOMER_ACCEPTS) and not reply.has(CUSTOMER_DECLINES)
