"""Back-channels: the listener's short "ja", "mm-hm", "oké" while the other speaker talks.

Diarised and timestamped exports give them a turn of their own, often inside the other speaker's turn. They
show that the listener follows; they take no turn from the speaker.
"""

from __future__ import annotations

import re

from klantlint.conversation.view import ViewTurn

# At most this many words, every one a listening sound or a one-word acknowledgement.
MAX_BACKCHANNEL_WORDS = 3
BACKCHANNEL_WORD = re.compile(
    r"ja|jaja|jawel|ja hoor|mm+|mm-?hm+|m-?hm+|hm+|uh-?huh|oke|ok|okay|ah|aha|oh|o|juist|precies|klopt|zeker|"
    r"inderdaad|goed|allee|zo"
)
_WORD = re.compile(r"[\w-]+")


def is_backchannel(turn: ViewTurn) -> bool:
    """The turn says nothing but listening sounds ("mm-hm", "ja ja", "ah oké"), in at most three words."""
    return turn.fact(_only_listening)


def _only_listening(turn: ViewTurn) -> bool:
    words = _WORD.findall(turn.lower)
    return 0 < len(words) <= MAX_BACKCHANNEL_WORDS and all(BACKCHANNEL_WORD.fullmatch(word) for word in words)
