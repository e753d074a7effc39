"""Which words of a text address the listener, and in which form ("u" or "je").

Only "je" that addresses the customer counts: generic "je" ("dan weet je het maar nooit", "zo'n
storing, daar word je niet vrolijk van") is a truth about anyone, and quoted text ("de melding
'Je pakket komt eraan'") is not the speaker's voice. Judged on the words of a clause, not on the
parse, so every turn of a conversation is judged alike. Used by KL013 and KL014.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from klantlint.nlp.lexicon import CLAUSE_OR_SENTENCE_MARKS, CLAUSE_SUBJECTS, FIRST_PERSON

Form = Literal["u", "je"]
U_FORMS = frozenset({"u", "uw", "uwe", "uzelf"})
JE_FORMS = frozenset({"je", "jij", "jou", "jouw", "jouwe", "jezelf"})
WORD = re.compile(r"\w+(?:['’]\w+)*(?:-\w+)*|[^\w\s]")
# Conjunctions that always open a clause; "maar" does so only when a subject follows ("maar ik kan wel ..."):
# "je weet maar nooit" is a particle.
SURE_CLAUSE_CONJUNCTIONS = frozenset({"dus", "want", "omdat", "zodat", "terwijl", "doordat", "hoewel"})
# Words that make a clause a statement about anyone, not about this customer.
GENERIC_MARKERS = frozenset(
    {
        "tegenwoordig",
        "nooit",
        "zo'n",
        "zo’n",
        "zoiets",
        "zulke",
        "zulk",
        "iedereen",
        "niemand",
        "iemand",
        "eenmaal",
        "doorgaans",
        "gewoonlijk",
        "meestal",
        "vaak",
        "soms",
        "weleens",
    }
)
# A fronted phrase with an indefinite noun sets a general condition: "Met een nieuwe meter kun je ...".
FRONTED_PREPOSITIONS = frozenset({"met", "bij", "na", "zonder", "door", "tijdens", "in", "op", "voor"})
INDEFINITE_ARTICLES = frozenset({"een", "zo'n", "zo’n"})
# Opening quotes; an apostrophe before s/t/n/k and a non-letter is an elision ('s avonds, 't), not a quote.
QUOTE_PAIRS = {"'": "'", '"': '"', "‘": "’", "“": "”", "„": "”", "«": "»"}
DOUBLE_QUOTES = frozenset({'"', "“", "”", "„", "»"})
ANNOUNCED_TEXT = re.compile(
    r"\b(?:tekst|melding|bericht|sms|mail|e-mail|onderwerp|titel|knop|staat|stond|zegt|zei|zeggen|luidt|leest)"
    r"\b[^.?!:\n]{0,20}:[ \t]*",
    re.IGNORECASE,
)
SENTENCE_STOP = re.compile(r"[.?!…](?:\s|$)|\n")
ELISION = re.compile(r"'[stnk](?![A-Za-zÀ-ÿ])")


@dataclass(frozen=True)
class Address:
    """One word that addresses the customer: its character span and form."""

    start: int
    end: int
    word: str
    form: Form


def _quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks."""
    ranges = []
    index = 0
    while index < len(text):
        char = text[index]
        opens = char in QUOTE_PAIRS and (index == 0 or not text[index - 1].isalnum())
        if opens and not ELISION.match(text, index):
            close = _closing(text, index + 1, QUOTE_PAIRS[char])
            if close is not None:
                ranges.append((index, close + 1))
                index = close + 1
                continue
        index += 1
    return ranges + list(_quoted_after_colon(text))


def _quoted_after_colon(text: str) -> Iterator[tuple[int, int]]:
    """'U krijgt een sms met de tekst: je pakket komt eraan.' Words that announce a text, then a colon: the
    rest of the sentence is that text, not the agent addressing the customer."""
    for match in ANNOUNCED_TEXT.finditer(text):
        end = SENTENCE_STOP.search(text, match.end())
        yield match.end(), end.start() if end else len(text)


def _closing(text: str, start: int, quote: str) -> int | None:
    # Typed text mixes curly and straight double quotes ("“...“", "“...\""): any double quote closes one.
    closers = {quote} if quote == "'" else {quote, *DOUBLE_QUOTES}
    for index in range(start, len(text)):
        if text[index] == "\n":
            return None
        if text[index] in closers and (index + 1 == len(text) or not text[index + 1].isalnum()):
            return index if index > start else None
    return None


def _clauses(words: list[tuple[str, int, int]]) -> Iterator[list[int]]:
    """Indices of the words of each clause: cut at punctuation, conjunctions and a new first-person subject."""
    current: list[int] = []
    for index, (word, _, _) in enumerate(words):
        if word in CLAUSE_OR_SENTENCE_MARKS:
            if current:
                yield current
            current = []
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        conjunction = word in SURE_CLAUSE_CONJUNCTIONS or (word == "maar" and following in CLAUSE_SUBJECTS)
        if current and (conjunction or word in FIRST_PERSON):
            yield current
            current = []
        current.append(index)
    if current:
        yield current


def _generic_clause(clause: list[str]) -> bool:
    """A clause that says something about anyone ('je weet maar nooit'), judged on its words."""
    if any(word in GENERIC_MARKERS for word in clause):
        return True
    # "daar word je niet vrolijk van": a feeling anyone gets from a situation.
    # Idioms with a generic "je": "dat is niet je van het", "een storing van je welste", "je reinste ...".
    if any(clause[k : k + 3] in (["je", "van", "het"], ["van", "je", "welste"]) for k in range(len(clause))):
        return True
    if any(clause[k : k + 2] == ["je", "reinste"] for k in range(len(clause))):
        return True
    feeling = any(clause[k] in ("word", "wordt") and clause[k + 1] == "je" for k in range(len(clause) - 1))
    if feeling and "van" in clause[clause.index("je") :]:
        return True
    # "Het is schrikken als je ...", "Dat is lastig wanneer je ...": a comment on a situation anyone can be in.
    if clause[:1] in (["het"], ["dat"], ["'t"]) and "is" in clause[1:3] and _condition_with_je(clause):
        return True
    # "Met een nieuwe meter kun je ...": a general condition in front, then the generic subject.
    return (
        len(clause) > 2
        and clause[0] in FRONTED_PREPOSITIONS
        and any(word in INDEFINITE_ARTICLES for word in clause[1:3])
        and "je" in clause
    )


def _spelled_letter(words: list[tuple[str, int, int]], index: int) -> bool:
    """'een u of een o', 'u van Utrecht': the letter, when a name is spelled."""
    before = words[index - 1][0] if index > 0 else ""
    after = [w for w, _, _ in words[index + 1 : index + 3]]
    return before in ("een", "letter") or (len(after) == 2 and after[0] == "van" and after[1].startswith("u"))


def _condition_with_je(clause: list[str]) -> bool:
    return any(clause[k] in ("als", "wanneer", "zodra") and clause[k + 1] == "je" for k in range(len(clause) - 1))


@lru_cache(maxsize=4096)
def addresses(text: str) -> tuple[Address, ...]:
    """Every u- and je-form in `text` that addresses the customer, outside quotes and generic clauses."""
    quoted = _quoted(text)
    words = [
        (m.group().lower(), m.start(), m.end())
        for m in WORD.finditer(text)
        if not any(start <= m.start() < end for start, end in quoted)
    ]
    found: list[Address] = []
    for clause in _clauses(words):
        lowered = [words[k][0] for k in clause]
        generic = _generic_clause(lowered)
        for k in clause:
            word, start, end = words[k]
            if word == "u" and _spelled_letter(words, k):
                continue
            if word in U_FORMS:
                found.append(Address(start, end, text[start:end], "u"))
            elif word in JE_FORMS and not (generic and word in ("je", "jezelf")):
                found.append(Address(start, end, text[start:end], "je"))
    return tuple(found)
