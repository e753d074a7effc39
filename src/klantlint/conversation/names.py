"""Names in a call: the name a caller gives, and whether the agent uses it later.

A caller gives a name with "met Jansen", "u spreekt met Kim de Groot", "mijn naam is ...", or by answering
the agent's question for it ("Mag ik uw naam?" - "De Vries."). The agent uses it when a later turn has the
surname with its particles ("de groot", not the word "groot"), with or without meneer/mevrouw or the first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from klantlint.conversation.cues import CALLER_NAME_INTRO, NAME_PARTICLES, NAME_QUESTION, NOT_A_NAME, TITLES
from klantlint.conversation.view import CallView, ViewTurn

NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|'t")
WORD_CHARS = re.compile(r"[^\W_]+")
CLAUSE_MARKS = ".,;:!?"
COMMA_AFTER = re.compile(r"\s*,\s*")
FORMAL = re.compile(r"\b(?:u|uw)\b")
MAX_NAME_WORDS = 4
SHORT_ANSWER_WORDS = 8
# Words before the name in an answer: "Ja, dat is Pietersen", "het is De Vries".
ANSWER_LEAD = frozenset({"dat", "het", "is", "mijn", "naam", "achternaam", "ik", "heet", "met"})
# "met Janssens van de Vlasstraat": after "van (de)" a street is the caller's address, not part of the name.
STREET_ENDINGS = ("straat", "straatje", "laan", "steenweg", "dreef", "plein", "kaai", "singel", "gracht", "weg")
FILLERS = frozenset({"eh", "ehm", "uh", "uhm", "hm", "ja", "jazeker", "zeker", "natuurlijk", "nou", "oke", "ok"})


@dataclass(frozen=True)
class GivenName:
    """A name the caller gave in turn `turn_index`, its words as written."""

    turn_index: int
    words: tuple[str, ...]
    # The last name with its particles: ("de", "vries") for Pieter de Vries, ("jansen",) for Jansen.
    surname: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        lowered = [word.lower() for word in self.words]
        start = len(lowered) - 1
        while start > 0 and lowered[start - 1] in NAME_PARTICLES:
            start -= 1
        object.__setattr__(self, "surname", tuple(lowered[start:]))


def name_after(text: str, lower: str, position: int, *, cased: bool) -> tuple[str, ...]:
    """The name words starting at `position`: optional titles, then name words and particles.

    Stops at punctuation, at a word that is not a name (a function word, a filler) and, in text with
    capitals, at a lowercase word that is not a particle ("met Jansen en ik bel over ...").
    """
    words: list[str] = []
    cursor = position
    for match in NAME_WORD.finditer(text, position):
        gap = text[cursor : match.start()]
        cursor = match.end()
        # A title may end in a full stop ("mevr. Bakker"); otherwise punctuation ends the name.
        if gap.strip(" \t'\"“”‘’") and not (not words and gap.strip() == "."):
            break
        word, low = match.group(), lower[match.start() : match.end()]
        if not words and (
            low in TITLES or low in FILLERS or (low == "de" and lower.startswith("heer", match.end() + 1))
        ):
            continue
        if len(low) == 1:  # spelling it out: "nijenhuis n i j e n ..."
            break
        if low in NAME_PARTICLES:
            words.append(word)
        elif low in NOT_A_NAME or low in FILLERS or (cased and not word[0].isupper()) or _address_after(words, low):
            break
        else:
            words.append(word)
        if len(words) >= MAX_NAME_WORDS:
            break
    while words and words[-1].lower() in NAME_PARTICLES:
        words.pop()
    return tuple(words)


def _address_after(words: list[str], word: str) -> bool:
    """`word` is a street after a particle ("van de Vlasstraat"): the caller's address follows the name."""
    if not words or words[-1].lower() not in NAME_PARTICLES:  # the cheap test first: it rules out most words
        return False
    return any(word.endswith(ending) and len(word) > len(ending) + 2 for ending in STREET_ENDINGS)


def _is_cased(text: str) -> bool:
    """Script style (capitals used) rather than lowercase transcript style."""
    return text != text.lower()


def caller_names(view: CallView) -> list[GivenName]:
    """Names the caller gave, in call order."""
    return view.shared("caller_names", _caller_names)


def _caller_names(view: CallView) -> list[GivenName]:
    names: list[GivenName] = []
    asking: ViewTurn | None = None  # the agent's turn since the customer last spoke, which may ask for the name
    for turn in view.turns:
        if turn.is_agent:
            asking = turn
            continue
        if not turn.is_customer:
            continue
        # Worked out once per turn text: "ja hallo met Jansen" recurs across calls.
        given = turn.fact(_introduced_name) or (
            turn.fact(_answered_name) if asking is not None and asking.has(NAME_QUESTION) else None
        )
        if given:
            names.append(GivenName(turn.index, given))
        asking = None
    return names


def _introduced_name(turn: ViewTurn) -> tuple[str, ...] | None:
    lower = turn.lower
    # Most customer turns introduce nobody: neither the cue's gate nor "hier" is in them, and whether the text is
    # written with capitals is never asked.
    if not CALLER_NAME_INTRO.may_match(lower) and "hier" not in lower:
        return None
    cased = _is_cased(turn.text)
    for match in CALLER_NAME_INTRO.finditer(lower):
        cue = match.group()
        # "met" introduces a name only at the start of what the caller says ("ja hallo, met Jansen").
        # (A speech-to-text stutter apart: "ja goeiemorgen met eh met luc vermeersch".)
        if cue == "met" and not starts_clause(turn.lower, match.start(), STUTTER):
            continue
        # "ik ben" only before a capitalised name ("ik ben Karin Visser", not "ik ben verhuisd").
        if cue.startswith("ik") and cue.endswith("ben") and not cased:
            continue
        words = name_after(turn.text, turn.lower, match.end(), cased=cased)
        if words:
            return _fuller(turn, words, match.end(), cased) or words
    return _name_then_hier(turn, cased)


STUTTER = frozenset({"met", *FILLERS})
# "Dag, Marc Dierickx hier.", "ja goeiemiddag an de wolf hier": the name at the start of a clause, then "hier".
NAME_HIER = re.compile(r"(?:^|[.,;:!?]\s*)((?:[^\W\d_][\w'’-]*\s+){1,5}?)hier\b(?!\s+(?:is|ben|woon|op|in|bij|aan))")
MIN_LOWERCASE_HIER_NAME = 2


def _name_then_hier(turn: ViewTurn, cased: bool) -> tuple[str, ...] | None:
    """A name said before "hier" at the start of a clause, greetings apart; in lowercase text only a name of at
    least two words that are no particles ("marc dierickx hier", not "de buurman hier")."""
    if "hier" not in turn.lower:
        return None
    for match in NAME_HIER.finditer(turn.lower):
        position = match.start(1)
        for word in NAME_WORD.finditer(turn.lower, position, match.end(1)):
            if word.group() not in OPENING_WORDS and word.group() not in FILLERS:
                position = word.start()
                break
        words = name_after(turn.text, turn.lower, position, cased=cased)
        said = len(NAME_WORD.findall(turn.lower, position, match.end(1)))
        if not words or len(words) != said:
            continue
        if not cased and sum(word.lower() not in NAME_PARTICLES for word in words) < MIN_LOWERCASE_HIER_NAME:
            continue
        return words
    return None


def _fuller(turn: ViewTurn, words: tuple[str, ...], after: int, cased: bool) -> tuple[str, ...] | None:
    """The name said again in full right after: "met Okafor, Daniel Okafor", "met Karin, Karin Visser"."""
    position = turn.lower.find(words[-1].lower(), after) + len(words[-1])
    comma = COMMA_AFTER.match(turn.lower, position)
    if comma is None:
        return None
    again = name_after(turn.text, turn.lower, comma.end(), cased=cased)
    said = {word.lower() for word in words}
    if len(again) > len(words) and said & {word.lower() for word in again}:
        return again
    return None


# Words that may stand before "met <naam>" at the start of what someone says.
OPENING_WORDS = frozenset(
    """hallo goedemorgen goedemiddag goedenavond goeiemorgen goeiemiddag goedendag dag hoi hai hey ha ja jazeker
    eh ehm uh uhm nou oh morgen middag avond goeiedag goeiendag goeienavond goeieavond goeienmorgen goeienmiddag
    allee awel""".split()
)


def starts_clause(lower: str, position: int, also: frozenset[str] = frozenset()) -> bool:
    """Only greetings and fillers (and words in `also`) stand before `position` in its clause ("Goedemorgen, met
    Jansen")."""
    clause_start = max(lower.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    # Word by word: the first word that is none of them settles it, and the words after it are never read.
    for word in WORD_CHARS.finditer(lower, clause_start, position):
        if word.group() not in OPENING_WORDS and word.group() not in also:
            return False
    return True


def _answered_name(turn: ViewTurn) -> tuple[str, ...] | None:
    """A short answer to the agent's name question: "De Vries.", "eh jansen met een s"."""
    tokens = turn.lower.split()
    if not tokens or len(tokens) > SHORT_ANSWER_WORDS + 4:
        return None
    cased = _is_cased(turn.text)
    start = 0
    for match in NAME_WORD.finditer(turn.lower):
        if match.group() not in FILLERS and match.group() not in OPENING_WORDS and match.group() not in ANSWER_LEAD:
            start = match.start()
            break
    else:
        return None
    words = name_after(turn.text, turn.lower, start, cased=cased and turn.text[start : start + 1].isupper())
    return words or None


TURN_SEPARATOR = " | "


def name_used_in(normalised_text: str, name: GivenName, *, informal: bool = False, text: str | None = None) -> bool:
    """The agent uses the surname with its particles ("meneer De Vries", "de vries"), alone or in the full name;
    in a call in which the agent says "je", the first name counts too ("Graag gedaan, Sem").

    `text`: the original of `normalised_text` (turns joined by TURN_SEPARATOR). With it, a name the caller gave
    with a capital is not used by a lowercase word in a turn written with capitals: "Als het lampje groen wordt"
    after "mijn naam is Groen" is the colour. (In lowercase transcripts the case tells nothing.)"""
    search = _name_search(name.words, name.surname, informal)
    if not any(word in normalised_text for word in search.words):  # the usual call: the name is not there at all
        return False
    if text is None or not name.words[-1][:1].isupper():
        return search.pattern.search(normalised_text) is not None
    return any(_said_as_name(text, match) for match in search.pattern.finditer(normalised_text))


def _said_as_name(text: str, match: re.Match[str]) -> bool:
    """The match is capitalised where the name's last word starts, or its turn is written without capitals."""
    last_word = text.rfind(" ", match.start(), match.end()) + 1 or match.start()
    if text[last_word].isupper():
        return True
    turn_start = text.rfind(TURN_SEPARATOR, 0, match.start())
    turn_end = text.find(TURN_SEPARATOR, match.end())
    turn = text[turn_start + len(TURN_SEPARATOR) if turn_start >= 0 else 0 : turn_end if turn_end >= 0 else len(text)]
    return not _is_cased(turn)


@dataclass(frozen=True)
class NameSearch:
    """The ways the agent may say a given name, as one regex over normalised text, and words of which every match
    contains one: a substring test for them rules out most calls before the regex runs."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]


@lru_cache(maxsize=4096)
def _name_search(words: tuple[str, ...], surname: tuple[str, ...], informal: bool) -> NameSearch:
    """How to find a given name in what the agent says (see `NameSearch`)."""
    keys = [surname]
    if "-" in surname[-1]:  # "Van Leeuwen-Bos" is also "mevrouw Van Leeuwen"
        keys.append((*surname[:-1], surname[-1].split("-")[0]))
    if informal and len(words) > len(surname):
        keys.append((words[0].lower(),))
    spoken = "|".join(r"\s+".join(re.escape(part) for part in key) for key in keys)
    # Each alternative is its words as written (lowercase), so a match contains the last of them.
    contained = [key[-1] for key in keys]
    if len(words) > len(surname):
        # Said surname first ("vermeersch luc", as on Belgian forms): "meneer Vermeersch" uses it.
        spoken += rf"|(?:meneer|mevrouw)\s+{re.escape(words[0].lower())}"
        contained.append(words[0].lower())
    return NameSearch(re.compile(rf"(?<![^\W_])(?:{spoken})(?![^\W_])"), tuple(dict.fromkeys(contained)))


INFORMAL = re.compile(r"\b(?:je|jij|jou|jouw)\b")


def addresses_informally(view: CallView) -> bool:
    """The agent says "je"/"jij" to the caller somewhere and never "u"."""
    agent_text = " ".join(turn.lower for turn in view.agent_turns)
    return bool(INFORMAL.search(agent_text)) and not FORMAL.search(agent_text)
