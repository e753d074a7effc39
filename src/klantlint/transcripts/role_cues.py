"""The phrases that tell the agent from the customer in a call's first turns, each behind a cheap gate.

Cues are case-insensitive regexes matched against `fluent_words` of a turn: lowercase words one space apart,
fillers, particles such as "even", repeated words and false starts left out, and "." between sentences.

Most turns hold no cue, so each cue has a gate: strings of which every match contains one, once the text is
`ascii_folded`. A substring test is much cheaper than a regex search, and a cue whose gate is shut cannot match.
Folding is what keeps the gate sound: under `re.IGNORECASE` the literal "s" also matches "ſ", "i" matches "ı" and
"İ", and "k" the Kelvin sign, so a plain substring test on the text itself could shut out a match.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

# Every character that `re.IGNORECASE` matches to an ASCII letter, as that lowercase letter (the uppercase ASCII
# letters and four others; `tests/test_role_cues.py` reads all of Unicode to hold this list complete).
_ASCII_FOLD = str.maketrans(
    {
        **{upper: upper.lower() for upper in string.ascii_uppercase},
        "\u0130": "i",  # İ, capital I with dot
        "\u0131": "i",  # ı, dotless i
        "\u017f": "s",  # ſ, long s
        "\u212a": "k",  # K, Kelvin sign
    }
)


def ascii_folded(text: str) -> str:
    """`text`, as long as it is, with each character that `re.IGNORECASE` takes for an ASCII letter made that
    lowercase letter: a case-insensitive match of an ASCII literal is then that literal in the folded text."""
    if text.isascii():
        return text.lower()
    return text.translate(_ASCII_FOLD)


@dataclass(frozen=True)
class WeightedCue:
    """A case-insensitive regex, what a match adds to a speaker's score, and its gate: strings of which every
    match contains one (in the `ascii_folded` text). `tests/test_role_cues.py` checks each gate against its
    regex."""

    pattern: re.Pattern[str]
    weight: float
    gate: tuple[str, ...]

    def found_in(self, text: str, folded: str) -> bool:
        """Whether the regex matches `text`; `folded` is `ascii_folded(text)`."""
        # A plain loop: cheaper than any() over a generator, and this runs for every cue of every first turn.
        for piece in self.gate:
            if piece in folded:
                return self.pattern.search(text) is not None
        return False


def _cue(pattern: str, weight: float, gate: tuple[str, ...]) -> WeightedCue:
    return WeightedCue(re.compile(pattern, re.IGNORECASE), weight, gate)


AGENT_CUES = (
    # "waarmee kan ik u helpen", Flemish "waarvoor mag ik u helpen", "hoe kan ik u verder helpen"
    _cue(
        r"\b(waarmee|waarvoor|wat|hoe|waar) (kan|mag) ik (voor )?(u|je|jou|jullie) (mee |verder |voor )?"
        r"(van dienst zijn|helpen|doen)\b",
        3.0,
        ("kan ik ", "mag ik "),
    ),
    # Callers say "u spreekt met Jansen" too; with "van <organisation>" it is the agent's opening.
    _cue(r"\b(u|je) spreekt met [\w ]{1,40}? van\b", 3.0, ("spreekt met ",)),
    _cue(r"\b(u|je) spreekt met\b", 1.0, ("spreekt met",)),
    _cue(r"\bwelkom (bij|in)\b", 2.0, ("welkom ",)),
    _cue(r"\bmet \w+( \w+)? van\b", 2.0, ("met ",)),
    _cue(
        r"\b(klantenservice|servicedesk|helpdesk|afdeling)\b",
        1.0,
        ("klantenservice", "servicedesk", "helpdesk", "afdeling"),
    ),
    _cue(r"\bik bel (u|je) (namens|van|omdat|over|in verband met|ivm|vanwege)\b", 2.0, ("ik bel ",)),
    # Flemish offers of help: "zeg het eens", "wat is er van uw dienst"
    _cue(r"\bzeg (het )?(maar|eens)\b|\bwat is er van (uw|je) dienst\b", 2.0, ("zeg ", "wat is er van ")),
    _cue(r"\bmag ik (uw|je) (naam|klantnummer|postcode|geboortedatum)\b", 2.0, ("mag ik ",)),
)
CUSTOMER_CUES = (
    # "Ik bel even over ...": "even" is left out before matching, so "ik bel" may also end the sentence.
    _cue(r"\bik bel (over|voor|omdat|want)\b|\bik bel( \.|$)", 2.0, ("ik bel",)),
    _cue(r"\bik heb een (vraag|klacht|probleem)\b", 2.0, ("ik heb een ",)),
    _cue(r"\bmijn (factuur|pakket|bestelling|rekening|contract|abonnement)\b", 1.0, ("mijn ",)),
    _cue(r"\bik wil (graag )?(opzeggen|klagen|weten)\b", 1.0, ("ik wil ",)),
)


def cue_score(words: str) -> float:
    """How much `words` (a turn's `fluent_words`) sounds like the agent; negative: like the customer."""
    folded = ascii_folded(words)
    agent = sum(cue.weight for cue in AGENT_CUES if cue.found_in(words, folded))
    return agent - sum(cue.weight for cue in CUSTOMER_CUES if cue.found_in(words, folded))
