"""KL007 vakjargon: internal jargon and unexplained abbreviations.

The built-in list is `rules/data/jargon.yaml` (term -> plain alternative); config `jargon` adds terms
and `jargon_allow` removes them. A term is found in all its forms: on the lemma, and on the lowercased
surface with Dutch inflection (plural, verb endings, "ge-" participles, also "ge-escaleerd" as a
transcript writes it) and in compounds ("porteringsaanvraag", "KYC-check"). Abbreviations count only
in capitals ("SLA", not "sla" = lettuce), except in a lowercase transcript, where capitals do not exist.

Not jargon: a term explained in the same sentence ("een ticket, dat is een melding", "uw werkgever, de
SLA, ..."), a term that is mentioned rather than used ("de afkorting SLA"), and a term in its everyday
sense ("uw ticket voor de voorstelling").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import ahocorasick

from klantlint.config import Config
from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.packs import bundled_pack_dir
from klantlint.engine.rewrite import match_case
from klantlint.io.yaml_data import load_yaml_file
from klantlint.nlp.accents import fold
from klantlint.nlp.lexicon import DETERMINERS, SENTENCE_END_MARKS, SEPARABLE_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NOUN_SUFFIXES = frozenset({"", "s", "'s", "en", "n", "'en", "es"})
VERB_SUFFIXES = frozenset({"", "t", "d", "de", "te", "den", "ten", "en", "end", "ende"})
PARTICIPLE_SUFFIXES = frozenset({"d", "t", "ed", "de", "te", "den", "ten"})
DERIVATION_SUFFIXES = ("ing", "eel", "ele", "ie", "iek", "isch", "eer", "aal", "ief", "ist", "ig")
LINKING_S_ENDINGS = ("ing", "tie", "teit", "heid", "schap", "ment", "iteit")
UNSTRESSED_PREFIXES = ("be", "ge", "her", "ont", "ver", "er")
# Compounds: a term of at least this length is also found as the first part of a longer word.
MIN_COMPOUND_TERM = 7
MIN_COMPOUND_REST = 4
# Words that introduce or name an explanation right after (or before) a term.
EXPLAINERS = (
    ("dat", "is"),
    ("dat", "zijn"),
    ("dit", "is"),
    ("oftewel",),
    ("ofwel",),
    ("namelijk",),
    ("dat", "wil", "zeggen"),
    ("d.w.z.",),
    ("met", "andere", "woorden"),
    ("zeg", "maar"),
    ("dat", "betekent"),
    ("wat", "betekent"),
    ("een", "soort"),
)
MAX_PHRASE_TAIL = 3
OBJECT_PREPOSITIONS = frozenset({"aan", "naar", "bij"})
PERFECT_AUXILIARIES = frozenset(
    "word wordt worden werd werden is zijn was waren ben bent heb hebt heeft hebben had hadden".split()
)
CLAUSE_BREAKS = frozenset({"en", "maar", "dus", "want", "omdat", "zodat", "dan", "als", "die", "dat"})
NEXT_SENTENCE_EXPLAINERS = (("dat", "betekent"), ("dat", "wil", "zeggen"), ("daarmee", "bedoel"), ("oftewel",))
APPOSITION_STARTS = frozenset({"de", "het", "een", "onze", "ons", "uw", "je", "jouw", "die", "dat"})
RELATIVES = frozenset({"die", "dat", "waar", "waarin", "waarmee", "waarop", "wat"})
# "de afkorting SLA", "wat wij een ticket noemen": the word is talked about, not used on the caller.
MENTION_NOUNS = frozenset({"afkorting", "woord", "term", "begrip", "vakterm"})
NAMING_VERBS = frozenset({"noemen", "noemt", "noem", "heet", "heten", "bedoel", "bedoelen"})
SPEAKERS = frozenset({"ik", "wij", "we", "ons"})
QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "„"})


@dataclass(frozen=True)
class Term:
    term: str
    plain: str
    kind: str = "term"
    homograph: bool = False
    exceptions: frozenset[str] = frozenset()
    plain_sense: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    noun_only: bool = False
    words: tuple[str, ...] = field(init=False)
    triggers: frozenset[str] = field(init=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(fold(self.term).split()))
        object.__setattr__(self, "triggers", frozenset(_triggers(self)))
        object.__setattr__(self, "key", _key(self))

    @property
    def compounds(self) -> bool:
        """Long nouns are also found as the first part of compounds ('porteringsaanvraag', 'mutatieformulier')."""
        return len(self.words) == 1 and not self.abbreviation and not self.verb and len(self) >= MIN_COMPOUND_TERM

    @property
    def abbreviation(self) -> bool:
        return self.kind == "abbreviation"

    @property
    def verb(self) -> bool:
        return len(self.words) == 1 and not self.abbreviation and self.words[0].endswith("en") and len(self) > 5

    def __len__(self) -> int:
        return len(self.words[0])


def _verb_stem(infinitive: str) -> str:
    """'escaleren' -> 'escaleer', 'swappen' -> 'swap', 'deployen' -> 'deploy'."""
    if infinitive.endswith("eren"):
        return infinitive[:-4] + "eer"
    base = infinitive[:-2]
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
        base = base[:-1]
    return base


def _split_prefix(verb: str) -> tuple[str, str]:
    """('door', 'belasten') for 'doorbelasten'; loan verbs in -eren take no separable prefix ('installeren')."""
    if verb.endswith("eren"):
        return "", verb
    for prefix in SEPARABLE_PARTICLES:
        if verb.startswith(prefix) and len(verb) - len(prefix) > 4:
            return prefix, verb[len(prefix) :]
    return "", verb


def _triggers(term: Term) -> Iterator[str]:
    """Every whole-word surface form of the term, for the engine's trigger scan (hyphens split words there)."""
    first = term.words[0]
    if not term.verb:
        yield first
        if len(term.words) == 1:
            endings = [suffix for suffix in NOUN_SUFFIXES if suffix and suffix[0] != "'"]
            yield from (first + suffix for suffix in endings if suffix != "n" or first.endswith("e"))
            yield first + first[-1] + "en"
        return
    prefix, rest = _split_prefix(first)
    stem = _verb_stem(rest)
    yield first
    yield from (prefix + stem + suffix for suffix in VERB_SUFFIXES)
    yield from (first + suffix for suffix in ("d", "de"))
    if not rest.startswith(UNSTRESSED_PREFIXES):
        marked = {"e": "ë", "i": "ï"}.get(stem[:1], stem[:1]) + stem[1:]
        for ge in {"ge" + stem, "ge-" + stem, "ge" + marked}:
            yield from (prefix + ge + suffix for suffix in PARTICIPLE_SUFFIXES)


def _key(term: Term) -> str:
    """A piece of the folded word that every form of the term contains: a cheap first test per token."""
    first = term.words[0]
    if not term.verb:
        return first
    _, rest = _split_prefix(first)
    stem = _verb_stem(rest)
    return stem[:-2] if rest.endswith("eren") else stem


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    return tuple(load_terms(bundled_pack_dir() / "data" / "jargon.yaml"))


def load_terms(path: Path) -> Iterator[Term]:
    data = load_yaml_file(path)
    for entry in data["terms"]:
        yield Term(
            term=str(entry["term"]),
            plain=str(entry.get("plain") or ""),
            kind=str(entry.get("kind", "term")),
            homograph=bool(entry.get("homograph", False)),
            exceptions=frozenset(fold(str(w)) for w in entry.get("except", [])),
            plain_sense=frozenset(fold(str(w)) for w in entry.get("plain_sense", [])),
            not_after=frozenset(fold(str(w)) for w in entry.get("not_after", [])),
            noun_only=bool(entry.get("noun_only", False)),
        )


def configured_terms(config: Config) -> list[Term]:
    """The built-in list, plus config `jargon` (an all-capitals term is an abbreviation), minus `jargon_allow`."""
    allowed = {fold(term) for term in config.jargon_allow}
    builtin = {fold(t.term): t for t in builtin_terms()}
    extra = {
        fold(term): Term(term=term, plain=plain, kind="abbreviation" if term.isupper() else "term")
        for term, plain in config.jargon.items()
        # A built-in term listed again without an alternative keeps its built-in alternative.
        if term.strip() and (plain or fold(term) not in builtin)
    }
    terms = [t for key, t in builtin.items() if key not in extra] + list(extra.values())
    return [t for t in terms if fold(t.term) not in allowed]


# -- finding forms of a term -------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    term: Term
    start: int  # token index
    end: int
    how: str  # "form"; "compound" ('porteringsaanvraag'); "part" of a hyphenated word ('KYC-check')
    rest: str = ""  # the other part of a compound


def _is_form(word: str, lemma: str, term: Term) -> bool:
    """Whether one folded word is an inflected form of a one-word term."""
    base = term.words[0]
    if word == base or (lemma == base and not term.abbreviation):
        return True
    if term.verb:
        return _is_verb_form(word, base)
    ending = word[len(base) :] if word.startswith(base) else None
    if ending is not None and ending in NOUN_SUFFIXES and (ending != "n" or base.endswith("e")):
        return True
    # Doubled consonant in the plural: 'hoofdsom' -> 'hoofdsommen'.
    return word == base + base[-1] + "en"


def _is_verb_form(word: str, infinitive: str) -> bool:
    prefix, rest = _split_prefix(infinitive)
    stem = _verb_stem(rest)
    if not word.startswith(prefix):
        return False
    word = word[len(prefix) :]
    if word.startswith(stem) and word[len(stem) :] in VERB_SUFFIXES | {rest[len(stem) :]}:
        return True
    if word == rest or word == rest + "d" or word == rest + "de":
        return True
    for ge in ("ge-", "ge"):
        if word.startswith(ge) and not rest.startswith(UNSTRESSED_PREFIXES):
            tail = word[len(ge) :]
            if tail.startswith(stem) and tail[len(stem) :] in PARTICIPLE_SUFFIXES:
                return True
    return False


def _compound(word: str, term: Term) -> str | None:
    """The rest of `word` when it is a compound that starts with the term ('porterings|aanvraag').

    Only the first part: a term at the end of a word is too often the end of another word ('herstelwerk' is
    not a 'telwerk', 'rapportering' no 'portering'), and a compound is the jargon of its first part anyway.
    """
    base = term.words[0]
    if not term.compounds or not word.startswith(base) or len(word) - len(base) < MIN_COMPOUND_REST:
        return None
    rest = word[len(base) :]
    # 'engineer|ing', 'incident|eel': a derivation of the term, not a compound with a second word.
    if rest in NOUN_SUFFIXES or rest.startswith(DERIVATION_SUFFIXES):
        return None
    # A linking 's' follows -ing, -tie, -heid ...: 'porterings|aanvraag'.
    if rest.startswith("s") and base.endswith(LINKING_S_ENDINGS):
        rest = rest[1:]
    return rest.removeprefix("-")


def _abbreviation_written_as_such(token_text: str, term: Term, caseless: bool) -> bool:
    """Capitals make an abbreviation; in a text without any capitals (a transcript) the word must be unambiguous."""
    letters = [ch for ch in token_text if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    if capitals >= 2:
        return True
    return caseless and not term.homograph


class TermIndex:
    """The active terms, longest first (a phrase before its first word, 'backorder' before 'order')."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = sorted(terms, key=lambda t: (-len(t.words), -len(t)))
        self.triggers = frozenset(trigger for term in self.terms for trigger in term.triggers)
        # Compounds are one word, so the whole-word trigger scan cannot see the term inside them.
        self._compound_parts = ahocorasick.Automaton()
        for term in self.terms:
            if term.compounds:
                self._compound_parts.add_word(term.words[0], term.words[0])
        self._has_compounds = len(self._compound_parts) > 0
        if self._has_compounds:
            self._compound_parts.make_automaton()

    def may_hold_compound(self, text: str) -> bool:
        return self._has_compounds and next(self._compound_parts.iter(fold(text)), None) is not None

    def matches(self, doc: Doc) -> Iterator[Match]:
        caseless = not any(ch.isupper() for ch in doc.text)
        taken: set[int] = set()
        for token in doc:
            if token.i in taken or not any(ch.isalpha() for ch in token.text):
                continue
            match = self._match_at(doc, token, caseless)
            if match is not None:
                taken.update(range(match.start, match.end))
                yield match

    def _match_at(self, doc: Doc, token: Token, caseless: bool) -> Match | None:
        word = fold(token.text)
        lemma = fold(token.lemma_)
        for term in self.terms:
            if (term.key not in word and lemma != term.words[0]) or word in term.exceptions:
                continue
            if len(term.words) > 1:
                if self._phrase_at(doc, token.i, term):
                    return Match(term, token.i, token.i + len(term.words), "form")
                continue
            if term.abbreviation:
                found = self._abbreviation(token, word, term, caseless)
            elif _is_form(word, lemma, term):
                found = Match(term, token.i, token.i + 1, "form")
            else:
                rest = _compound(word, term)
                found = Match(term, token.i, token.i + 1, "compound", rest) if rest is not None else None
            if found is not None:
                return found
        return None

    @staticmethod
    def _phrase_at(doc: Doc, index: int, term: Term) -> bool:
        if index + len(term.words) > len(doc):
            return False
        *first, last = term.words
        for offset, expected in enumerate(first):
            if fold(doc[index + offset].text) != expected:
                return False
        final = doc[index + len(first)]
        word = fold(final.text)
        return word == last or fold(final.lemma_) == last or word == last + "s"

    @staticmethod
    def _abbreviation(token: Token, word: str, term: Term, caseless: bool) -> Match | None:
        base = term.words[0]
        if word == base or (word.startswith(base) and word[len(base) :] in NOUN_SUFFIXES):
            # The whole word is the abbreviation ("RMA's", "rma-nummer" as its own entry).
            if _abbreviation_written_as_such(token.text[: len(base)], term, caseless):
                return Match(term, token.i, token.i + 1, "form")
            return None
        parts = word.split("-")
        text_parts = token.text.split("-")
        if len(parts) != len(text_parts):
            return None
        for index, part in enumerate(parts):
            # "SLA's", "KPI'en": the abbreviation with a plural ending.
            if part == base or (part.startswith(base) and part[len(base) :] in NOUN_SUFFIXES):
                if not _abbreviation_written_as_such(text_parts[index][: len(base)], term, caseless):
                    return None
                rest = "-".join(parts[:index] + parts[index + 1 :])
                return Match(term, token.i, token.i + 1, "part", rest)
        return None


# -- judging the context -----------------------------------------------------------------------


def sentence_of(doc: Doc, index: int) -> Span:
    """The sentence by punctuation; an unpunctuated turn is one sentence."""
    start = index
    while start > 0 and doc[start - 1].text not in SENTENCE_END_MARKS:
        start -= 1
    end = index
    while end < len(doc) and doc[end].text not in SENTENCE_END_MARKS:
        end += 1
    return doc[start : min(end + 1, len(doc))]


def _starts_with(doc: Doc, index: int, phrase: tuple[str, ...]) -> bool:
    if index + len(phrase) > len(doc):
        return False
    return all(doc[index + k].lower_ == word for k, word in enumerate(phrase))


def is_explained(doc: Doc, match: Match, sentence: Span) -> bool:
    """The term comes with its explanation: in brackets, after 'dat is' / 'oftewel', or as an apposition."""
    start, end = match.start, match.end
    after = end
    if after < sentence.end and doc[after].text == "(":
        return True
    if start > sentence.start and doc[start - 1].text == "(":
        return True
    # The explanation may wait for the end of the phrase: "Ik open een ticket voor uw klacht, dat is een dossier".
    pause = _next_pause(doc, after, sentence.end)
    if pause is not None:
        following = pause + 1
        if any(_starts_with(doc, following, phrase) for phrase in EXPLAINERS):
            return True
        if _apposition_at(doc, following, sentence.end):
            return True
    # "..., oftewel de SLA" / "uw werkgever, de SLA, ...": an apposition to the explaining phrase before it.
    front = start
    while front > sentence.start and doc[front - 1].lower_ in APPOSITION_STARTS:
        front -= 1
    if front > sentence.start + 1 and doc[front - 1].text == ",":
        before = doc[front - 2]
        closes = after >= sentence.end or doc[after].text in (",", ")") or doc[after].is_punct
        if closes and (before.pos_ in ("NOUN", "PROPN") or (before.is_alpha and not before.is_stop)):
            return True
    if any(
        _starts_with(doc, k, phrase)
        for k in range(max(sentence.start, start - 3), start)
        for phrase in (("oftewel",), ("ofwel",), ("ook", "wel"))
    ):
        return True
    return _explained_without_comma(doc, after, sentence.end) or _explained_next(doc, sentence, match.term)


def _explained_without_comma(doc: Doc, index: int, limit: int) -> bool:
    """A transcript has no commas: 'ik maak een ticket aan dat is een melding'. 'dat is' must lead to a noun
    phrase; 'het ticket dat is aangemaakt' is a relative clause."""
    for k in range(index, min(limit, index + MAX_PHRASE_TAIL + 1)):
        for phrase in EXPLAINERS:
            if not _starts_with(doc, k, phrase):
                continue
            following = k + len(phrase)
            if phrase[0] not in ("dat", "dit") or (following < limit and doc[following].lower_ in APPOSITION_STARTS):
                return True
        if doc[k].is_punct or doc[k].pos_ in ("NOUN", "PROPN"):
            return False
    return False


def _explained_next(doc: Doc, sentence: Span, term: Term) -> bool:
    """The next sentence explains: 'Ik maak een ticket aan. Dat is een melding die mijn collega's volgen.'"""
    following = sentence.end
    if following >= len(doc) or sentence[-1].text not in SENTENCE_END_MARKS:
        return False
    if any(_starts_with(doc, following, phrase) for phrase in NEXT_SENTENCE_EXPLAINERS):
        return True
    # "Dat is een melding ...": a plain description, recognised by the plain word ('Dat is een goed begin' is not).
    if not (_starts_with(doc, following, ("dat", "is")) or _starts_with(doc, following, ("dat", "zijn"))):
        return False
    plain_words = {w for w in fold(term.plain).split() if len(w) > 3}
    next_words = {fold(t.text) for t in sentence_of(doc, following)}
    return bool(plain_words & next_words)


def _next_pause(doc: Doc, index: int, limit: int) -> int | None:
    """The comma (or dash, colon) that ends the term's phrase: at most a particle or 'voor u' away."""
    for k in range(index, min(limit, index + MAX_PHRASE_TAIL + 1)):
        token = doc[k]
        if token.text in (",", "–", "—", ":"):
            return k
        if token.is_punct or (token.pos_ in ("NOUN", "PROPN", "VERB") and token.lower_ not in ("u", "je")):
            return None
    return None


def _apposition_at(doc: Doc, index: int, limit: int) -> bool:
    """', de afdeling die de facturen maakt' / ', het nummer van ...,': a noun phrase that describes the term."""
    if index >= limit or doc[index].lower_ not in APPOSITION_STARTS:
        return False
    k = index + 1
    while k < limit and doc[k].pos_ in ("ADJ", "ADV") and doc[k].lower_ not in RELATIVES:
        k += 1
    if k >= limit or not doc[k].is_alpha:
        return False
    noun_end = k + 1
    if noun_end >= limit:
        return True
    following = doc[noun_end]
    # A verb right after the noun makes it a new clause ('..., de monteur komt morgen'), not an apposition.
    return following.lower_ in RELATIVES or following.is_punct or following.lower_ in ("van", "voor", "met", "bij")


def _after_determiner(doc: Doc, index: int, limit: int) -> bool:
    """An article or possessive before the word, with at most one adjective between: 'uw retour', 'de late retour'."""
    k = index - 1
    # An inflected adjective ends in -e ('de late retour'), whatever tag the parser gave it.
    if k >= limit and doc[k].lower_ not in DETERMINERS and (doc[k].pos_ == "ADJ" or doc[k].lower_.endswith("e")):
        k -= 1
    return k >= limit and doc[k].lower_ in DETERMINERS


def spelled_out(match: Match, sentence: Span) -> bool:
    """An abbreviation next to the words it stands for: 'de Net Promoter Score of NPS', 'Service Level Agreement'."""
    if not match.term.abbreviation:
        return False
    letters = [ch for ch in match.term.words[0] if ch.isalpha()]
    initials = [fold(t.text)[:1] for t in sentence if t.is_alpha]
    size = len(letters)
    # Two letters match by chance too often ('de monteur' for DM).
    return size > 2 and any(initials[k : k + size] == letters for k in range(len(initials) - size + 1))


def is_mentioned(doc: Doc, match: Match, sentence: Span) -> bool:
    """'de afkorting SLA', 'wat wij een ticket noemen', 'met een ticket bedoel ik', "het woord 'ticket'"."""
    before = {t.lower_ for t in doc[max(sentence.start, match.start - 2) : match.start]}
    if not before.isdisjoint(MENTION_NOUNS):
        return True
    # Naming a word is a mention only when the speaker does it ('noemen wij'); 'kunt u het ticketnummer noemen'
    # asks the customer to say something.
    window = {t.lower_ for t in doc[max(sentence.start, match.start - 4) : min(sentence.end, match.end + 4)]}
    if not window.isdisjoint(NAMING_VERBS) and not window.isdisjoint(SPEAKERS):
        return True
    quoted_before = match.start > sentence.start and doc[match.start - 1].text in QUOTES
    quoted_after = match.end < sentence.end and doc[match.end].text in QUOTES
    return quoted_before and quoted_after


def in_plain_sense(doc: Doc, match: Match, sentence: Span) -> bool:
    term = match.term
    before = fold(doc[match.start - 1].text) if match.start > sentence.start else ""
    if before in term.not_after:
        return True
    if term.noun_only and not _after_determiner(doc, match.start, sentence.start):
        return True
    if not term.plain_sense:
        return False
    words = {fold(t.text) for t in sentence} | {fold(t.lemma_) for t in sentence}
    if words & term.plain_sense:
        return True
    compound_rest = match.rest
    return any(compound_rest.startswith(w) or compound_rest.endswith(w) for w in term.plain_sense if compound_rest)


# -- suggestions -------------------------------------------------------------------------------

STRONG_PARTICIPLES = {
    "wijzen": "gewezen",
    "staan": "gestaan",
    "brengen": "gebracht",
    "geven": "gegeven",
    "nemen": "genomen",
    "sluiten": "gesloten",
    "schrijven": "geschreven",
    "zoeken": "gezocht",
    "kopen": "gekocht",
    "denken": "gedacht",
    "houden": "gehouden",
    "zenden": "gezonden",
    "doen": "gedaan",
    "gaan": "gegaan",
    "zien": "gezien",
    "komen": "gekomen",
    "laten": "gelaten",
}


def participle(infinitive: str) -> str:
    """Past participle of a (regular or common strong) Dutch verb: 'voorleggen' -> 'voorgelegd'."""
    prefix, rest = _split_prefix(infinitive)
    if prefix and rest not in STRONG_PARTICIPLES and not _is_dutch_stem(rest):
        prefix, rest = "", infinitive
    if rest in STRONG_PARTICIPLES:
        return prefix + STRONG_PARTICIPLES[rest]
    stem = _dutch_stem(rest)
    ending = "t" if stem[-1] in "tkfsp" or stem.endswith("ch") else "d"
    if stem.endswith(("t", "d")):
        ending = ""
    ge = "" if rest.startswith(UNSTRESSED_PREFIXES) else "ge"
    if ge and stem[:1] in "ei":
        ge = "ge" + {"e": "ë", "i": "ï"}[stem[0]]
        stem = stem[1:]
    return prefix + ge + stem + ending


def _is_dutch_stem(rest: str) -> bool:
    return rest.endswith("en") and len(rest) > 3


def _dutch_stem(infinitive: str) -> str:
    """'leggen' -> 'leg', 'maken' -> 'maak', 'controleren' -> 'controleer', 'geloven' -> 'geloof'."""
    base = infinitive[:-2] if infinitive.endswith("en") else infinitive
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
        return base[:-1]
    if len(base) > 2 and base[-2] in "aeou" and base[-3] not in "aeiou" and base[-1] not in "aeiouwj":
        base = base[:-1] + base[-2] + base[-1]
    return base[:-1] + {"v": "f", "z": "s"}.get(base[-1], base[-1])


def pluralise(noun_phrase: str) -> str:
    """Plural of the head of a plain alternative: 'melding' -> 'meldingen', 'opdracht voor de monteur' -> ..."""
    words = noun_phrase.split()
    if not words:
        return noun_phrase
    index = 0 if len(words) > 1 and words[1] in ("voor", "van", "om", "aan", "met", "bij", "in") else len(words) - 1
    head = words[index]
    if head.endswith("heid"):
        plural = head[:-4] + "heden"
    elif head.endswith(("je", "ie", "é")) or head[-1] in "aiouy":
        plural = head + "s"
    elif head.endswith(("el", "er", "em", "en")) and head[-3:-2] not in ("a", "e", "i", "o", "u"):
        plural = head + "s"  # unstressed ending: 'kabel' -> 'kabels', but 'doel' -> 'doelen'
    elif head.endswith("ing"):
        plural = head + "en"
    elif len(head) > 3 and head[-2] == head[-3] and head[-2] in "aeou":
        plural = head[:-3] + head[-2] + head[-1] + "en"
    else:
        plural = head + "en"
    words[index] = plural
    return " ".join(words)


def _plain_verb(plain: str) -> tuple[str, str, str] | None:
    """(before, verb, after) of an infinitive phrase: Dutch puts the verb last, a preposition phrase may follow."""
    words = plain.split()
    verbs = [k for k, w in enumerate(words) if w.endswith("en") and len(w) > 3]
    if not verbs:
        return None
    k = verbs[-1]
    return " ".join(words[:k]), words[k], " ".join(words[k + 1 :])


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _finite(infinitive: str, suffix: str) -> tuple[str, str] | None:
    """(finite verb, separated particle): 'wijzigen' + 't' -> ('wijzigt', ''), 'voorleggen' + '' -> ('leg', 'voor')."""
    prefix, rest = _split_prefix(infinitive)
    if prefix and not _is_dutch_stem(rest):
        prefix, rest = "", infinitive
    if rest in STRONG_PARTICIPLES:
        return None  # irregular finite forms ('wees', 'stond'): leave them to the writer
    stem = _dutch_stem(rest)
    if suffix in ("", "t"):
        return stem + ("t" if suffix == "t" and not stem.endswith("t") else ""), prefix
    if suffix == "en":
        return rest, prefix
    if suffix in ("de", "te", "den", "ten"):
        past = "te" if stem[-1] in "tkfsp" or stem.endswith("ch") else "de"
        return stem + past + ("n" if suffix.endswith("n") else ""), prefix
    return None


def replacement_for(doc: Doc, match: Match) -> tuple[str, int] | None:
    """(replacement, end token) for the matched words, or None when no word swap keeps the sentence whole."""
    term = match.term
    plain = term.plain
    tokens = doc[match.start : match.end]
    word = fold(tokens.text)
    if not plain or match.how != "form":
        # Compounds ("porteringsaanvraag") and unknown alternatives: explain instead of swapping.
        return None
    if not term.verb:
        return (pluralise(plain) if _plural(word, term.words[-1], tokens[-1]) else plain), match.end
    parts = _verb_replacement(word, term, plain, tokens[0])
    if parts is None:
        return None
    before, verb, after, particle, finite = parts
    clause_end = _clause_end(doc, match.end)
    prep = after.split()[0] if after.split() and after.split()[0] in OBJECT_PREPOSITIONS else ""
    # "escaleren naar de tweede lijn" -> "voorleggen aan de tweede lijn": the sentence has its own object.
    takes_over = bool(prep) and clause_end < len(doc) and doc[clause_end].lower_ in OBJECT_PREPOSITIONS
    middle = doc[match.end : clause_end].text
    if finite and (particle or before) and middle:
        # A main clause: "ik escaleer het meteen" -> "ik leg het meteen voor aan een collega".
        closing = prep if takes_over else after
        return _join(verb, middle, before, particle, closing), clause_end + (1 if takes_over else 0)
    if takes_over and not middle:
        return _join(before, particle + verb, prep), match.end + 1
    return _join(before, particle + verb, after), match.end


def _clause_end(doc: Doc, index: int) -> int:
    """The first token after the verb that ends its clause: punctuation, a conjunction, or 'naar'/'aan'/'bij'."""
    end = index
    while end < len(doc) and not doc[end].is_punct and doc[end].lower_ not in CLAUSE_BREAKS | OBJECT_PREPOSITIONS:
        end += 1
    return end


def _plural(word: str, base: str, token: Token) -> bool:
    last = word.split()[-1]
    if last == base:
        return False
    return "Number=Plur" in str(token.morph) or last[len(base) :] in ("s", "'s", "en", "n", "es")


def _verb_replacement(word: str, term: Term, plain: str, token: Token) -> tuple[str, str, str, str, bool] | None:
    """The plain phrase in the form of the jargon verb: (words before, verb, words after, separated particle,
    whether the verb is finite: only a finite verb in a main clause leaves its particle at the end)."""
    parts = _plain_verb(plain)
    if parts is None:
        return None
    before, verb, after = parts
    infinitive = term.words[0]
    prefix, rest = _split_prefix(infinitive)
    stem = prefix + _verb_stem(rest)
    if word == infinitive and not _plural_finite(token):
        return before, verb, after, "", False
    if _is_participle(word, token, prefix):
        return before, participle(verb) + ("e" if word.endswith("e") else ""), after, "", False
    if word == infinitive or word.startswith(stem):
        finite = _finite(verb, "en" if word == infinitive else word[len(stem) :])
        return (before, finite[0], after, finite[1], True) if finite else None
    return None


def _plural_finite(token: Token) -> bool:
    """'wij crediteren', 'crediteren we': the infinitive form used as a plural finite verb."""
    neighbours = {token.nbor(k).lower_ for k in (-1, 1) if 0 <= token.i + k < len(token.doc)}
    return "VerbForm=Fin" in str(token.morph) or not neighbours.isdisjoint({"we", "wij", "jullie", "ze", "zij"})


def _is_participle(word: str, token: Token, prefix: str) -> bool:
    """'geëscaleerd', or 'doorbelast' after a form of worden/zijn/hebben ('dat wordt doorbelast')."""
    if "VerbForm=Part" in str(token.morph) or word.startswith((prefix + "ge", "ge")):
        return True
    doc = token.doc
    auxiliaries = {doc[k].lower_ for k in range(max(0, token.i - 4), token.i)}
    return word.endswith(("d", "t")) and not auxiliaries.isdisjoint(PERFECT_AUXILIARIES)


COMMON_ARTICLE = {"het": "de", "dit": "deze", "dat": "die"}
# Endings of nouns that take "de" (common gender), enough to fix the article before a plain alternative.
COMMON_ENDINGS = ("ing", "heid", "tie", "sie", "teit", "rij", "ie")


def _neuter_article(doc: Doc, match: Match) -> Token | None:
    """'het'/'dit'/'dat' before the term, with only adjectives between ('het nieuwe ticket')."""
    k = match.start - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and match.start - k <= 2:
        k -= 1
    if k >= 0 and doc[k].lower_ in COMMON_ARTICLE and doc[k].pos_ in ("DET", "PRON"):
        return doc[k]
    return None


def _is_common_gender(phrase: str) -> bool:
    words = phrase.split()
    return len(words) == 1 and words[0].endswith(COMMON_ENDINGS) and not words[0].endswith(("je", "tje"))


def suggestions(doc: Doc, match: Match) -> tuple[ProposedFix, ...]:
    tokens = doc[match.start : match.end]
    start, end = tokens.start_char, tokens.end_char
    at_start = match.start == sentence_of(doc, match.start).start
    found = replacement_for(doc, match)
    if found is not None:
        replacement, end_token = found
        replaced = doc[match.start : end_token]
        description = f"Zeg '{replacement}' in plaats van '{replaced.text}'."
        replacement = match_case(replacement, tokens.text, at_sentence_start=at_start)
        article = _neuter_article(doc, match) if not match.term.verb else None
        if article is not None and _is_common_gender(replacement):
            # "het ticket" -> "de melding": the plain word takes "de".
            between = doc[article.i + 1 : match.start].text
            common = match_case(COMMON_ARTICLE[article.lower_], article.text, at_sentence_start=True)
            replacement = _join(common, between, replacement)
            start = article.idx
            description = f"Zeg '{_join(COMMON_ARTICLE[article.lower_], between, found[0])}' in plaats van "
            description += f"'{doc[article.i : end_token].text}'."
        return (ProposedFix(replacement, start, replaced.end_char, description, safe=False),)
    # No grammatical one-word swap: keep the word and explain it in brackets, which the customer can follow.
    plain = match.term.plain or "leg hier uit wat dit betekent"
    return (
        ProposedFix(
            f"{tokens.text} ({plain})",
            start,
            end,
            f"Leg '{tokens.text}' uit in gewone woorden, of gebruik een woord dat de klant kent.",
            safe=False,
        ),
    )


class Jargon(Rule):
    info = RuleInfo(
        code="KL007",
        name="vakjargon",
        severity="info",
        summary="Intern vakjargon of een onverklaarde afkorting ('ticket', 'escaleren', 'SLA').",
        default=False,
        group="stijl",
        opt_in_reason="Op echte teksten vaak onterecht: of een term jargon is, hangt af van de lezer ('DNS' in "
        "een FAQ voor netwerkbeheerders).",
        rationale="Wat voor u dagelijkse kost is, hoort de klant voor het eerst; jargon sluit hem buiten.",
        explanation=Explanation(
            wat_gaat_er_mis="U gebruikt een intern woord of een afkorting die de klant niet kent: 'ticket', "
            "'escaleren', 'backoffice', 'tweedelijns', 'SLA', 'CRM', 'NAW-gegevens'.",
            waarom="De klant voelt zich buitengesloten en dom als hij het woord niet kent, en durft vaak niet te "
            "vragen wat het betekent. Wat voor u routine is, is voor de klant de eerste keer.",
            voorbeeld="Ik zet een ticket voor u uit.\nIk ga het escaleren naar de tweede lijn.\nVolgens de SLA "
            "hebben we vijf werkdagen.",
            beter="Ik maak een melding voor u aan.\nIk leg uw vraag voor aan mijn collega van de technische dienst."
            "\nWe hebben afgesproken dat we binnen vijf werkdagen reageren.",
            veilig="Nee. klantlint stelt een gewoon woord voor, maar lidwoord en zinsbouw moeten soms mee "
            "veranderen ('het ticket' wordt 'de melding'). Waar geen los woord past, stelt klantlint voor de term "
            "tussen haakjes uit te leggen.",
        ),
        bad_examples=[
            "Ik zet een ticket voor u uit.",
            "Ik ga het escaleren naar de tweede lijn.",
            "Volgens de SLA hebben we vijf werkdagen.",
            "die case heb ik ge-escaleerd naar tweedelijns",
            "Uw porteringsaanvraag loopt nog.",
            "Wij doen eerst een KYC-check op uw rekening.",
        ],
        good_examples=[
            "Ik maak een ticket aan, dat is een melding, zodat mijn collega's het kunnen volgen.",
            "Heeft u uw ticket voor de voorstelling van zaterdag bij de hand?",
            "U kunt het pakket gratis terugsturen.",
            "In onze afspraak met uw werkgever, de SLA, staat dat we binnen vijf werkdagen reageren.",
            "Wilt u de sla bij de boodschappen laten bezorgen?",
            "Wat is uw klantnummer? Dat staat bovenaan op uw factuur.",
        ],
    )
    needs = "tags"  # reads no dependency tree

    def __init__(self) -> None:
        self._use(configured_terms(Config()))

    def configure(self, config: Config) -> None:
        self._use(configured_terms(config))

    def _use(self, terms: list[Term]) -> None:
        self.index = TermIndex(terms)
        self.triggers = self.index.triggers

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        return not self.triggers.isdisjoint(found) or self.index.may_hold_compound(text)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        explained: set[str] = set()
        for match in self.index.matches(doc):
            sentence = sentence_of(doc, match.start)
            term = match.term
            if term.term in explained or in_plain_sense(doc, match, sentence):
                continue
            if is_explained(doc, match, sentence) or spelled_out(match, sentence):
                # Once explained, the customer knows the word for the rest of the text.
                explained.add(term.term)
                continue
            if is_mentioned(doc, match, sentence):
                continue
            tokens = doc[match.start : match.end]
            advice = f"Zeg liever '{term.plain}'." if term.plain else "Zeg het in woorden die de klant kent."
            if term.abbreviation:
                message = f"'{tokens.text}' is een afkorting die de klant vaak niet kent. {advice}"
            else:
                message = f"'{tokens.text}' is vakjargon; de klant kent dat woord vaak niet. {advice}"
            yield Hit(tokens.start_char, tokens.end_char, message, suggestions(doc, match))
