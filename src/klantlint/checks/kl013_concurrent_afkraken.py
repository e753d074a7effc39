"""KL013 concurrent-afkraken: negative words about competitors.

A finding needs two things close together: a reference to a competitor ("de concurrent", "andere
aanbieders", "die partij", a name from config `competitors`) and a negative judgement ("prutsers",
"waardeloos", "slecht", "niet te vertrouwen"). A neutral fact about a competitor ("de concurrent is ook
duurder geworden") and "slecht" about anything else ("de ontvangst is slecht") are fine.

"Close together" is the clause of the reference, or a later clause of the same sentence (or the next
sentence) that points back to it with a pronoun ("Die partij, dat zijn knoeiers"). Clauses are found
from punctuation and conjunctions, because the parse of unpunctuated transcripts is too often wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick

from klantlint.config import Config
from klantlint.engine.base import Explanation, GateCue, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.nlp.abbreviations import DUTCH_ABBREVIATIONS
from klantlint.nlp.address import addresses
from klantlint.nlp.lexicon import (
    CLAUSE_SUBJECTS,
    COPULAS,
    FIRST_PERSON_OR_ADDRESS,
    NEGATIONS,
    SENTENCE_END_MARKS,
    SINGULAR_ADDRESS_POSSESSIVES,
)
from klantlint.nlp.surface import searchable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# Words that always mean a competitor.
COMPETITOR_WORDS = ("concurrent", "concurrenten", "concurrentie", "concullega", "concullega's", "concullegas")
# Kinds of organisation: with "ander(e)", a demonstrative or "uw huidige/vorige" they point at a competitor.
ORGANISATION_HEADS = (
    "aanbieder",
    "aanbieders",
    "verzekeraar",
    "verzekeraars",
    "leverancier",
    "leveranciers",
    "provider",
    "providers",
    "winkel",
    "winkels",
    "webwinkel",
    "webwinkels",
    "webshop",
    "webshops",
    "maatschappij",
    "maatschappijen",
    "bedrijf",
    "bedrijven",
    "bank",
    "banken",
    "firma",
    "firma's",
    "organisatie",
    "organisaties",
    "club",
    "clubs",
    "partij",
    "partijen",
    "tent",
    "toko",
    "vervoerder",
    "vervoerders",
    "installateur",
    "installateurs",
)
# "de andere partij" is the other side of a claim or dispute, not a competitor; plural "andere partijen" is.
COUNTERPARTY = frozenset({"partij"})
DEMONSTRATIVES = frozenset({"die", "dat", "deze", "dit", "zo'n", "zulke"})
OTHER = frozenset({"ander", "andere", "anderen"})
CURRENT = frozenset({"huidige", "vorige", "oude", "vroegere"})
# Kinds of organisation a demonstrative can point at as a competitor ("die partij", "die club"); "die winkel" or
# "dat bedrijf" is as often the company's own shop or the customer's employer.
DEMONSTRATIVE_HEADS = frozenset(
    "partij partijen club clubs tent toko firma aanbieder aanbieders verzekeraar verzekeraars provider providers "
    "leverancier leveranciers maatschappij".split()
)

NEGATIVE_WORDS = frozenset(
    """
    slecht slechte slechter slechtere slechtst slechtste waardeloos waardeloze onbetrouwbaar onbetrouwbare
    incompetent incompetente onprofessioneel onprofessionele onkundig onkundige onbekwaam onbekwame oneerlijk
    oneerlijke belabberd belabberde beroerd beroerde rampzalig rampzalige bedroevend bedroevende abominabel
    abominabele hopeloos hopeloze ondermaats ondermaatse prutserig prutserige knullig knullige amateuristisch
    amateuristische louche dubieus dubieuze klantonvriendelijk klantonvriendelijke onbeschoft onbeschofte
    waardeloos waardeloze crap bagger
    prutser prutsers beunhaas beunhazen knoeier knoeiers oplichter oplichters oplichterij zwendel zwendelaar
    zwendelaars boef boeven cowboy cowboys sukkel sukkels idioot idioten klungel klungels klungelaar klungelaars
    rommel troep puinhoop zooi zooitje bende janboel rotzooi prutswerk knoeiwerk afzetter afzetters afzetterij
    uitbuiters criminelen dieven ramp drama
    prutsen prutst knoeien knoeit rommelen rommelt klungelen klungelt aanmodderen modderen bedriegen bedriegt
    bedrogen belazeren belazert belazerd misleiden misleidt misleidend misleidende liegen liegt gelogen
    """.split()
)
# Compounds ending in these are contemptuous too: "prutswerk", "oplichtersbende".
CONTEMPT_HEADS = ("prutsers", "beunhazen", "knoeiers", "oplichters", "bende", "prutswerk", "knoeiwerk", "zooitje")
# Positive words that become a judgement when denied: "niet te vertrouwen", "nergens goed voor".
POSITIVE_WORDS = frozenset(
    "goed goede betrouwbaar betrouwbare vertrouwen eerlijk eerlijke professioneel professionele deskundig "
    "deskundige klantvriendelijk klantvriendelijke serieus degelijk degelijke".split()
)
COPULAS_AND_TE = COPULAS | {"te"}
# Fixed expressions of contempt that carry no single negative word.
CONTEMPT_PHRASES = (
    ("deugen", "niet"),
    ("deugt", "niet"),
    ("kunnen", "er", "niks", "van"),
    ("kunnen", "er", "niets", "van"),
    ("bakken", "er", "niks", "van"),
    ("bakken", "er", "niets", "van"),
    ("brengen", "er", "niks", "van", "terecht"),
    ("brengen", "er", "niets", "van", "terecht"),
    ("zou", "ik", "niet", "naartoe", "gaan"),
    ("zou", "ik", "wegblijven"),
    ("niks", "van", "verwachten"),
    ("niets", "van", "verwachten"),
    ("weinig", "van", "verwachten"),
    ("niks", "waard"),
    ("niets", "waard"),
    ("een", "potje", "van"),
    ("in", "de", "steek"),
)
# A later clause that points back at the competitor.
ANAPHORS = frozenset(
    {"die", "dat", "ze", "zij", "het", "hun", "hen", "daar", "daarvan", "daarover", "daarbij", "daarmee", "zulke"}
)
# Where a new clause starts in a sentence: punctuation inside the sentence and clause-linking conjunctions.
CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "(", ")"})
CLAUSE_CONJUNCTIONS = frozenset(
    {"maar", "want", "omdat", "dus", "terwijl", "zodat", "doordat", "daardoor", "hoewel", "als", "wanneer"}
)
# "alleen maar", "nou maar": a particle, not a conjunction.
PARTICLES_BEFORE_MAAR = frozenset({"alleen", "even", "eens", "nou", "toch", "gewoon", "kom", "ja", "zeg", "maar"})
# Without punctuation a turn can run on; a judgement further away than this is about something else.
MAX_DISTANCE = 15

# The words `may_fire` looks for: a judgement needs one of these (or a contemptuous compound).
JUDGEMENT_WORDS = frozenset({*NEGATIVE_WORDS, *NEGATIONS, "wegblijven", "weinig", "potje", "steek"})
BASE_TRIGGERS = frozenset({*COMPETITOR_WORDS, *ORGANISATION_HEADS, *JUDGEMENT_WORDS})
# Compounds that end in a competitor or organisation word ("hoofdconcurrent", "zorgverzekeraars").
COMPOUND_HEADS = ("concurrent", "concullega", *(h for h in ORGANISATION_HEADS if len(h) >= 8))

OWN_VALUE = "Ik vertel u graag wat wij voor u kunnen betekenen"
OWN_VALUE_JE = "Ik vertel je graag wat wij voor je kunnen betekenen"


@dataclass(frozen=True)
class Reference:
    start: int
    end: int


def _norm(token: Token) -> str:
    return token.lower_.replace("’", "'")


def _is_organisation(token: Token) -> bool:
    word = _norm(token)
    return word in ORGANISATION_HEADS or (token.is_alpha and len(word) > 8 and word.endswith(ORGANISATION_HEADS))


def _is_competitor_word(token: Token) -> bool:
    word = _norm(token)
    return word in COMPETITOR_WORDS or (token.is_alpha and word.endswith(("concurrent", "concurrenten")))


class CompetitorNames:
    """Configured competitor names as lowercase token sequences; capitals are required where the text has them."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = [(name.strip(), name.strip().lower().split()) for name in names if name.strip()]

    def matches(self, doc: Doc, cased: bool) -> Iterator[Reference]:
        for name, words in self.names:
            for token in doc:
                if _name_at(doc, token.i, words) and (not cased or token.text[:1] == name[:1]):
                    yield Reference(token.i, token.i + len(words))


def _name_at(doc: Doc, index: int, words: list[str]) -> bool:
    if index + len(words) > len(doc):
        return False
    for offset, word in enumerate(words):
        text = _norm(doc[index + offset])
        last = offset == len(words) - 1
        # The last word may carry a possessive or compound tail: "Ziggo's", "Essent-klanten".
        if text != word and not (last and re.fullmatch(re.escape(word) + r"(?:'s|-\w+)", text)):
            return False
    return True


def references(doc: Doc, names: CompetitorNames) -> list[Reference]:
    found: list[Reference] = []
    for token in doc:
        if _is_competitor_word(token):
            found.append(Reference(token.i, token.i + 1))
        elif _is_organisation(token) and _points_at_competitor(token):
            found.append(Reference(token.i - 1, token.i + 1))
    cased = any(ch.isupper() for ch in doc.text)
    found += names.matches(doc, cased)
    return sorted(set(found), key=lambda r: r.start)


def _points_at_competitor(noun: Token) -> bool:
    """'andere aanbieders', 'die partij', 'uw huidige verzekeraar' (one adjective may come between)."""
    doc = noun.doc
    before = [doc[i] for i in range(max(0, noun.i - 3), noun.i)]
    words = [_norm(t) for t in before]
    if not words:
        return False
    word = _norm(noun)
    if any(w in OTHER for w in words[-2:]):
        # "de andere partij" in a claim is the other side; "andere partijen" are other companies.
        return not (word in COUNTERPARTY and "de" in words)
    if words[-1] in DEMONSTRATIVES or (len(words) > 1 and words[-2] in DEMONSTRATIVES and before[-1].pos_ == "ADJ"):
        # A following noun makes "partij" a batch ("die partij tegels").
        following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        batch = following is not None and following.pos_ in ("NOUN", "PROPN") and word in COUNTERPARTY
        return word in DEMONSTRATIVE_HEADS and not batch
    return any(w in CURRENT for w in words[-2:]) and any(w in SINGULAR_ADDRESS_POSSESSIVES for w in words)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentences by punctuation; an unpunctuated turn is one sentence (parser splits are guesses there)."""
    bounds = []
    start = 0
    for token in doc:
        if token.text in SENTENCE_END_MARKS and (
            token.i + 1 == len(doc) or doc[token.i + 1].text not in SENTENCE_END_MARKS
        ):
            bounds.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    return bounds


def _clause_starts(doc: Doc, start: int, end: int) -> list[int]:
    starts = [start]
    for token in doc[start:end]:
        if token.text in CLAUSE_PUNCT:
            starts.append(token.i + 1)
        elif token.i > start and _joins_clauses(token):
            starts.append(token.i)
    return sorted(set(starts))


def _joins_clauses(token: Token) -> bool:
    word = token.lower_
    before = token.nbor(-1).lower_
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if word == "maar":
        return before not in PARTICLES_BEFORE_MAAR
    if word == "en":
        return after in CLAUSE_SUBJECTS
    return word in CLAUSE_CONJUNCTIONS


def _clause_of(starts: list[int], index: int) -> int:
    return max(s for s in starts if s <= index)


def judgements(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Token ranges in doc[start:end] that judge someone negatively."""
    words = [_norm(t) for t in doc[start:end]]
    for k, token in enumerate(doc[start:end]):
        window = words[max(0, k - 3) : k]
        if _is_negative_word(token) and not any(w in NEGATIONS for w in window[-2:]):
            yield token.i, token.i + 1
        elif words[k] in POSITIVE_WORDS and any(w in NEGATIONS for w in window):
            context = words[max(0, k - 6) : k]
            about_them = not any(w in FIRST_PERSON_OR_ADDRESS for w in context)
            predicative = any(w in COPULAS_AND_TE for w in context) or "nergens" in window
            if about_them and predicative:
                denial = max(j for j in range(max(0, k - 3), k) if words[j] in NEGATIONS)
                yield start + denial, token.i + 1
    for phrase in CONTEMPT_PHRASES:
        for j in range(len(words) - len(phrase) + 1):
            if tuple(words[j : j + len(phrase)]) == phrase:
                yield start + j, start + j + len(phrase)


def _is_negative_word(token: Token) -> bool:
    word = _norm(token)
    if word in NEGATIVE_WORDS:
        return True
    # Compounds ending in a contemptuous noun: "prutswerk", "oplichtersbende".
    return token.is_alpha and len(word) > 7 and word.endswith(CONTEMPT_HEADS)


class CompetitorBashing(Rule):
    info = RuleInfo(
        code="KL013",
        name="concurrent-afkraken",
        severity="warning",
        summary="Negatieve woorden over concurrenten ('De concurrent is waardeloos').",
        rationale="Wie een ander afkraakt, laat de beller zich afvragen hoe u over hém praat als hij weg is.",
        explanation=Explanation(
            wat_gaat_er_mis="U zegt iets negatiefs over een concurrent: 'de concurrent', 'andere aanbieders', "
            "'die partij' of een naam uit de configuratie, samen met een oordeel als 'prutsers', 'waardeloos', "
            "'beunhazen' of 'slecht'.",
            waarom="De luisteraar vraagt zich af hoe u over hem praat als hij niet meedoet. Afkraken maakt u niet "
            "sterker; het klinkt onzeker en onprofessioneel, en misschien is de beller net tevreden over die partij.",
            voorbeeld="De concurrent is echt waardeloos.\nDie andere aanbieders zijn allemaal prutsers.",
            beter="Vertel wat u zelf te bieden heeft: 'Ik vertel u graag wat wij voor u kunnen betekenen. Bij ons "
            "komt de monteur binnen twee dagen.' Een neutraal feit over een ander mag ('De concurrent rekent ook "
            "opzegkosten').",
            veilig="Nee. klantlint stelt voor de zin te vervangen door een zin over uw eigen meerwaarde, maar wat "
            "die meerwaarde is, weet alleen u.",
        ),
        bad_examples=[
            "De concurrent is echt waardeloos.",
            "Die andere aanbieders zijn allemaal prutsers.",
            "bij de concurrent zitten echt van die beunhazen",
            "Die partij, dat zijn echte knoeiers; daar zou ik niet naartoe gaan.",
            "Andere verzekeraars zijn niet te vertrouwen.",
        ],
        good_examples=[
            "De concurrent is ook duurder geworden.",
            "Vergelijk ons gerust met andere aanbieders.",
            "De ontvangst is slecht op uw adres; ik stuur u een versterker.",
            "die partij die u noemt ken ik niet zo goed ik vertel u graag wat wij doen",
            "De andere partij heeft de schade slecht gedocumenteerd, dus ik vraag foto's op.",
            "Andere aanbieders zijn niet slechter, maar wij komen sneller langs.",
        ],
    )
    # References and judgements both: the engine scans for whole words, `may_fire` asks for one of each.
    triggers = BASE_TRIGGERS
    needs = "tags"  # reads no dependency tree

    def __init__(self) -> None:
        self.names = CompetitorNames([])

    def configure(self, config: Config) -> None:
        self.names = CompetitorNames(config.competitors)
        # A configured name is found by its first word.
        names = {words[0] for _, words in self.names.names}
        self.triggers = frozenset({*BASE_TRIGGERS, *names})

    def cues(self) -> tuple[GateCue, ...]:
        """The first two things `may_fire` asks: a judgement word or contempt head, and a reference word or the first
        word of a configured name (by the part of it that `searchable` text holds unchanged)."""
        judgement = GateCue(words=JUDGEMENT_WORDS, substrings=frozenset(CONTEMPT_HEADS))
        heads = [*COMPETITOR_WORDS, *ORGANISATION_HEADS, *(words[0] for _, words in self.names.names)]
        parts = {_unchanged_part(head) for head in heads}
        return (judgement,) if "" in parts else (judgement, GateCue(substrings=frozenset(parts)))

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """A reference and a judgement close enough for `check` to link them (see `_may_bash`)."""
        lowered = searchable(text).replace("’", "'")
        if JUDGEMENT_WORDS.isdisjoint(found) and not any(head in lowered for head in CONTEMPT_HEADS):
            return False
        names = [words for _, words in self.names.names]
        if next(_REFERENCE_SOMEWHERE.iter(lowered), None) is None and not any(n[0] in lowered for n in names):
            return False
        # Lower-casing may move offsets (rare Unicode); then there is no finer test.
        return len(lowered) != len(text) or _may_bash(text, lowered, names)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        refs = references(doc, self.names)
        if not refs:
            return
        sentences = _sentence_bounds(doc)
        reported: set[int] = set()
        for number, (start, end) in enumerate(sentences):
            in_sentence = [r for r in refs if start <= r.start < end]
            if not in_sentence:
                continue
            found = self._linked_judgement(doc, in_sentence, start, end)
            if found is None and number + 1 < len(sentences):
                # "De concurrent? Dat zijn prutsers." The next sentence points back with a pronoun.
                neg = self._judgement_pointing_back(doc, *sentences[number + 1])
                found = (in_sentence[-1], neg) if neg is not None else None
            if found is None or found[1][0] in reported:
                continue
            ref, (neg_start, neg_end) = found
            reported.add(neg_start)
            first, last = doc[min(ref.start, neg_start)], doc[max(ref.end, neg_end) - 1]
            yield Hit(
                first.idx,
                last.idx + len(last),
                "Hier praat u negatief over een concurrent. Dat schaadt vooral uw eigen geloofwaardigheid: "
                "vertel liever wat u zelf te bieden heeft.",
                (self._fix(doc, sentences, neg_start),),
            )

    def _linked_judgement(
        self, doc: Doc, refs: list[Reference], start: int, end: int
    ) -> tuple[Reference, tuple[int, int]] | None:
        starts = _clause_starts(doc, start, end)
        for neg in judgements(doc, start, end):
            for ref in refs:
                if ref.start <= neg[0] < ref.end:
                    continue
                distance = neg[0] - ref.end if neg[0] >= ref.end else ref.start - neg[1]
                if distance > MAX_DISTANCE:
                    continue
                neg_clause, ref_clause = _clause_of(starts, neg[0]), _clause_of(starts, ref.start)
                if neg_clause == ref_clause or (neg_clause > ref_clause and self._points_back(doc, neg_clause, neg[0])):
                    return ref, neg
        return None

    def _judgement_pointing_back(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        for neg in judgements(doc, start, end):
            if self._points_back(doc, start, neg[0]):
                return neg
        return None

    @staticmethod
    def _points_back(doc: Doc, clause_start: int, index: int) -> bool:
        """The clause of the judgement starts with, or holds before it, a pronoun for the competitor."""
        return any(t.lower_ in ANAPHORS for t in doc[clause_start:index])

    def _fix(self, doc: Doc, sentences: list[tuple[int, int]], index: int) -> ProposedFix:
        start, end = next((s, e) for s, e in sentences if s <= index < e)
        sentence: Span = doc[start:end]
        # Keep the speaker's form of address: "je" only when the text addresses the customer with "je" alone.
        forms = {address.form for address in addresses(doc.text)}
        informal = forms == {"je"}
        replacement = OWN_VALUE_JE if informal else OWN_VALUE
        last = sentence[-1]
        punctuated = last.text in SENTENCE_END_MARKS
        if punctuated:
            replacement += "."
        if sentence.text[:1].islower():
            replacement = replacement[0].lower() + replacement[1:]
        return ProposedFix(
            replacement=replacement,
            start=sentence.start_char,
            end=sentence.end_char,
            description="Vertel wat u zelf te bieden heeft in plaats van de concurrent af te kraken.",
            safe=False,
        )


# -- The gate (`CompetitorBashing.may_fire`) ---------------------------------------------------------------------
# It reads the raw text as whitespace-separated chunks and the words in them (every token that is a word is a
# word here). Each chunk holds at least one token, so tokens at most N apart lie at most N + 1 chunks apart, and a
# token among the N before another lies in its chunk or the N chunks before. A *sure sentence end* is a mark the
# tokenizer always splits off a chunk of letters (?!…, or a full stop after a word that is no abbreviation) with a
# word after it: `_sentence_bounds` always ends a sentence there.
# Every reference holds one of these (as a word, or at the end of a compound).
_REFERENCE_SOMEWHERE = ahocorasick.Automaton()
for _head in {*COMPETITOR_WORDS, *ORGANISATION_HEADS}:
    _REFERENCE_SOMEWHERE.add_word(_head, _head)
_REFERENCE_SOMEWHERE.make_automaton()
# The characters `may_fire` reads differently from the lowercased text: "_" (`searchable`) and "’" (read as "'").
_REREAD = re.compile("[_\x00'’]")
_CHUNK = re.compile(r"\S+")
_WORD_IN_CHUNK = re.compile(r"\w+(?:'\w+)*")
_ABBREVIATIONS = DUTCH_ABBREVIATIONS
_SURE_SENTENCE_END = re.compile(r"(?:^|(?<=\s))[^\W\d_]+?([?!…]|(?<=[^\W\d_]{2})\.)(?=\s+\w)")
_CONTEMPT_PHRASE = re.compile(
    "|".join(r"\b" + r"\s*".join(map(re.escape, phrase)) + r"\b" for phrase in CONTEMPT_PHRASES)
)
_PHRASE_STARTS = frozenset(phrase[0] for phrase in CONTEMPT_PHRASES)


@dataclass(frozen=True)
class _Word:
    text: str
    chunk: int
    start: int


@dataclass(frozen=True)
class _Place:
    """Where a reference or judgement may lie: its tokens within chunks `first` to `last`, its first token starting
    between offsets `start_min` and `start_max` (a judgement's last token starts at `start_max`)."""

    first: int
    last: int
    start_min: int
    start_max: int


def _unchanged_part(substring: str) -> str:
    """The longest part of `substring` that, wherever `may_fire` finds `substring`, the lowercased text holds as is."""
    return max(_REREAD.split(substring), key=len)


def _may_bash(text: str, lowered: str, names: list[list[str]]) -> bool:
    """Whether `CompetitorBashing.check` could link a reference to a judgement in `text` (a necessary condition):
    a judgement at most MAX_DISTANCE tokens from a reference with no sure sentence end between them, or one later
    in the next sentence after a pronoun that points back."""
    words = _words(lowered)
    refs = _references(lowered, words, names)
    if not refs:
        return False
    judged = _judgements(lowered, words)
    if not judged:
        return False
    ends = _sure_sentence_ends(text)
    anaphors = [word.start for word in words if word.text in ANAPHORS]
    for ref in refs:
        for judgement in judged:
            if judgement.start_max > ref.start_max:
                # Sentence ends that surely lie between the reference and the judgement.
                between = [at for at in ends if ref.start_max < at < judgement.start_max]
                if not between and judgement.first - ref.last <= MAX_DISTANCE + 1:
                    return True
                # The next sentence, pointing back: a pronoun after the sentence end, before the judgement.
                after = max([ref.start_min, *between[-1:]])
                if len(between) <= 1 and any(after < at < judgement.start_max for at in anaphors):
                    return True
            elif ref.first - judgement.last <= MAX_DISTANCE + 1 and not any(
                judgement.start_max < at < ref.start_min for at in ends
            ):
                return True
    return False


def _words(lowered: str) -> list[_Word]:
    words = []
    for number, chunk in enumerate(_CHUNK.finditer(lowered)):
        for match in _WORD_IN_CHUNK.finditer(chunk.group()):
            start = chunk.start() + match.start()
            words.append(_Word(match.group(), number, start))
            if "'" in match.group():  # "firma's" may be two tokens
                words += [_Word(part, number, start) for part in match.group().split("'")]
    return words


def _references(lowered: str, words: list[_Word], names: list[list[str]]) -> list[_Place]:
    chunk_starts = [chunk.start() for chunk in _CHUNK.finditer(lowered)]
    refs = []
    for index, word in enumerate(words):
        if _is_competitor_word_text(word.text):
            refs.append(_Place(word.chunk, word.chunk, word.start, word.start))
        elif _may_point_at_competitor(words, index):
            # The reference starts at the token before the noun: in the noun's chunk or the one before.
            earliest = chunk_starts[word.chunk - 1] if word.chunk else 0
            refs.append(_Place(word.chunk - 1, word.chunk, earliest, word.start))
    for name in names:
        at = lowered.find(name[0])
        while at >= 0:
            chunk = len(_CHUNK.findall(lowered, 0, at))
            refs.append(_Place(chunk, chunk + len(name) - 1, at, at))
            at = lowered.find(name[0], at + 1)
    return refs


def _is_competitor_word_text(word: str) -> bool:
    return word in COMPETITOR_WORDS or word.endswith(("concurrent", "concurrenten"))


def _may_point_at_competitor(words: list[_Word], index: int) -> bool:
    """An organisation noun after what `_points_at_competitor` needs among the tokens before it: "ander(e)" in
    the two before, a demonstrative in the two before (then only some nouns), or "huidige/vorige" in the two
    before with "uw/je" in the three before."""
    word = words[index].text
    if word not in ORGANISATION_HEADS and not (len(word) > 8 and word.endswith(ORGANISATION_HEADS)):
        return False
    near = _before(words, index, 2)
    if not OTHER.isdisjoint(near):
        return True
    if not DEMONSTRATIVES.isdisjoint(near) and word in DEMONSTRATIVE_HEADS:
        return True
    return not CURRENT.isdisjoint(near) and not SINGULAR_ADDRESS_POSSESSIVES.isdisjoint(_before(words, index, 3))


def _judgements(lowered: str, words: list[_Word]) -> list[_Place]:
    judged = []
    for index, word in enumerate(words):
        if word.text in NEGATIVE_WORDS or (len(word.text) > 7 and word.text.endswith(CONTEMPT_HEADS)):
            judged.append(_Place(word.chunk, word.chunk, word.start, word.start))
        elif _may_deny_positive(words, index):
            # The judgement starts at the denial, in the three chunks before at the earliest, in the same sentence.
            judged.append(_Place(word.chunk - 3, word.chunk, 0, word.start))
    if not _PHRASE_STARTS.isdisjoint(word.text for word in words):
        for match in _CONTEMPT_PHRASE.finditer(lowered):
            first = len(_CHUNK.findall(lowered, 0, match.start()))
            last = first + len(_CHUNK.findall(match.group())) - 1
            judged.append(_Place(first, last, match.start(), match.start()))
    return judged


def _may_deny_positive(words: list[_Word], index: int) -> bool:
    """A positive word with a denial among the three tokens before it and a copula or "nergens" among the six."""
    if words[index].text not in POSITIVE_WORDS or NEGATIONS.isdisjoint(_before(words, index, 3)):
        return False
    context = _before(words, index, 6)
    return not COPULAS_AND_TE.isdisjoint(context) or "nergens" in context


def _before(words: list[_Word], index: int, tokens: int) -> set[str]:
    """The words that may be among the `tokens` tokens before `words[index]`: in its chunk or that many before."""
    here = words[index].chunk
    return {word.text for word in words[:index] if here - word.chunk <= tokens}


def _sure_sentence_ends(text: str) -> list[int]:
    ends = []
    for match in _SURE_SENTENCE_END.finditer(text):
        mark = match.start(1)
        word = text[match.start() : mark]
        if match.group(1) != "." or (
            (word[-1].islower() or word[-2:].isupper()) and f"{word.lower()}." not in _ABBREVIATIONS
        ):
            ends.append(mark)
    return ends
