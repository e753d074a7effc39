"""Clauses of a spoken or written turn, and who the subject of each is.

Transcripts have no punctuation and the parser splits them badly, so rules that must know who does
what (the caller, the agent, someone else) split a turn into clauses themselves, find each clause's
finite verb from agreement and known verb forms (the tagger only as a fallback), and ask whether the
agent takes the question on somewhere in the turn. Used by KL004, KL005, KL009 and KL010.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from klantlint.engine.base import ProposedFix
from klantlint.engine.rewrite import uses_je
from klantlint.nlp.domain import AUX_LEMMAS
from klantlint.nlp.lexicon import (
    AGENT_NOUNS,
    CLAUSE_FILLERS,
    DETERMINERS,
    NEGATIONS,
    NOMINATIVE_PRONOUNS,
    PAST_FORMS,
    QUESTION_WORDS,
    SENTENCE_END_MARKS,
    SUBORDINATORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Subject = Literal["addressee", "speaker", "other", "none"]

# Conjunctions and fronted adverbs after which a new clause starts when a subject or a finite verb follows.
CLAUSE_OPENERS = frozenset(
    "en maar want dus of dan daarna anders dat omdat zodat als wanneer terwijl zodra toen tenzij mocht".split()
)
# Subordinators that always open a clause of their own when a subject follows ("als er weer iets is").
ADVERBIAL_SUBORDINATORS = frozenset("als wanneer omdat zodat terwijl zodra tenzij mocht".split())
CLAUSE_SUBJECT_STARTS = frozenset("er het de die dit dat uw mijn een".split())
SUBJECT_PRONOUNS: dict[str, Subject] = {
    "u": "addressee",
    "je": "addressee",
    "jij": "addressee",
    "jullie": "addressee",
    "ik": "speaker",
    "we": "speaker",
    "wij": "speaker",
    "hij": "other",
    "zij": "other",
    "ze": "other",
    "men": "other",
}
ARTICLES = frozenset("de het een 'n uw je jouw mijn onze zijn haar hun welke elke ieder iedere zo'n".split())
INDEFINITES = frozenset({"zoiets", "iets", "alles", "niets", "niks", "dat", "dit", "die", "deze", "het"})
# Words that are never the finite verb, though the tagger sometimes says so ("alstublieft").
INTERJECTIONS = frozenset({"alstublieft", "alsjeblieft", "hoor", "graag", "dank", "bedankt", "sorry", "oké", "ja"})
PARTICLES = frozenset("van over mee aan voor op uit naar bij toe af na door terug".split())
# Words a clause can end on but not start with, so a verb after them opens a new clause.
# Stranded particles belong here too: "daar weet ik niks van | belt u maandag maar terug".
CLAUSE_ENDERS = NEGATIONS | INTERJECTIONS | {"toch", "he", "hè", "mevrouw", "meneer", "nou"} | PARTICLES
IMPERATIVE_STEMS = frozenset({"mail", "stuur", "zet", "bel", "probeer", "blijf", "wacht", "doe", "geef", "schrijf"})
IMPERATIVE_FOLLOWERS = frozenset({"het", "maar", "even", "ons", "uw", "gewoon", "dan", "die", "dat"})
# Nouns that take a "dat"-clause of their own: "de vierde keer dat u belt", "op het moment dat ...".
OCCASION_NOUNS = frozenset(
    {"keer", "moment", "feit", "reden", "idee", "dag", "week", "maand", "jaar", "ochtend", "middag", "avond"}
)
# Adverbs and pronouns that can open a main clause before the finite verb ("daar ga ik niet over").
FRONTED = frozenset("daar hier dat dit die dan nu toen daarna daarom daarvoor daarover hierover morgen".split())
# Finite forms the tagger may miss in lowercase transcripts: auxiliaries plus the verbs these rules look for.
EXTRA_FINITE = frozenset(
    "bel belt belde belden stuur stuurt stuurde mail mailt mailde zet zette blijf blijft probeer probeert wacht "
    "weet weten wist regel regelt doe doet geef geeft zoek zoekt kijk kijkt vraag vraagt ga gaat sta staat "
    "schrijf schrijft zend zendt laat".split()
)
FINITE_AUX = frozenset(form for form in AUX_LEMMAS if not form.startswith("ge"))
# Forms whose subject can only be u/je: "Wijzigingen kunt u ..." has u as subject whatever comes first.
SECOND_PERSON_ONLY = frozenset({"kunt", "wilt", "zult", "bent", "hebt"})
# A verb before "u" agrees with u as subject only in its -t form ("belt u") or as one of these;
# "bel u" is "(ik) bel u".
U_AGREEING_STEMS = frozenset("kan wil zal mag moet zou kon wou mocht moest had was".split())

# Taking the question on: first-person forms (stems, plural/infinitive, participle) of verbs of action,
# as a trainer lists them: regel, los op, zoek uit, vraag na, bel terug, verbind door, noteer, leg voor, ...
OWNERSHIP_FORMS = frozenset(
    """regel regelen geregeld los lossen oplossen opgelost zorg zorgen gezorgd pak pakken oppakken opgepakt
    zoek zoeken uitzoeken opzoeken uitgezocht opgezocht vraag vragen navragen nagevraagd kijk kijken nakijken
    bekijk bekijken bekeken nagekeken bel bellen terugbel terugbellen gebeld teruggebeld verbind verbinden
    doorverbind doorverbinden doorverbonden noteer noteren genoteerd schrijf opschrijven opgeschreven leg leggen
    voorleggen voorgelegd geef geven doorgeven doorgegeven zet zetten doorzetten doorgezet plan plannen inplannen
    ingepland maak maken afmaken gemaakt aanmaken aangemaakt handel afhandelen afgehandeld rond afronden afgerond
    help helpen geholpen stuur sturen opsturen versturen gestuurd verstuurd pas aanpassen aangepast herstel
    herstellen hersteld vergoed vergoeden stort terugstorten teruggestort betaal terugbetalen terugbetaald
    neem nemen opnemen genomen loop lopen informeer informeren kom terugkomen controleer controleren
    gecontroleerd check checken meld melden gemeld mail mailen gemaild doe doen reken rekenen uitrekenen
    uitgerekend bereken berekenen boek boeken geboekt reserveer reserveren annuleer annuleren geannuleerd wijzig
    wijzigen gewijzigd verwerk verwerken verwerkt corrigeer corrigeren gecorrigeerd crediteer crediteren
    blokkeer blokkeren activeer activeren verleng verlengen onderzoek onderzoeken behandel behandelen overleg
    overleggen leg uitleggen licht toelichten voeg toevoegen""".split()
)
# "ik vraag me af" is wondering, not asking around.
NOT_OWNERSHIP_AFTER = {"vraag": frozenset({"me", "mij"})}
# Times that put something off to later (also: a capitalised one at the start of a clause is no name).
LATER = frozenset(
    """later straks morgen overmorgen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend
    volgende volgend vanmiddag vanavond morgenochtend morgenmiddag""".split()
)
CALL_FORMS = frozenset("bel belt bellen belde belden terugbellen terugbelt terugbel".split())
FOLLOW_UP_VERBS = frozenset({"hoort", "krijgt", "ontvangt"})
CALLBACK_NOUNS = frozenset({"terugbelverzoek", "terugbelafspraak", "terugbelnotitie", "terugbelactie"})


def is_finite(token: Token) -> bool:
    """A finite verb: an auxiliary form, or a verb by the tagger or by the lexicon that does not follow an
    article or possessive (then it is a noun: "uw vraag", "de bel")."""
    previous = token.nbor(-1).lower_ if token.i > 0 else ""
    # "het is", "je kan": there "het" and "je" are the subject; "de was", "uw vraag" are nouns.
    if (previous in ARTICLES and previous not in ("het", "je")) or token.lower_ in INTERJECTIONS:
        return False
    if token.lower_ in FINITE_AUX or token.lower_ in EXTRA_FINITE:
        return True
    return token.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(token.morph)


def is_past(verb: Token) -> bool:
    """A past-tense finite verb, by the tagger or by form (the tagger misses "wilde" in "u even wilde wachten")."""
    return "Tense=Past" in str(verb.morph) or verb.lower_ in PAST_FORMS


WORD_WITH_PARTS = re.compile(r"\w+(?:[-']\w+)*")
PART_BREAK = re.compile(r"[-']")


def words_of(text: str) -> set[str]:
    """The lowercase words of a raw text, hyphenated words also in their parts, for cheap pre-parse tests."""
    words = set(WORD_WITH_PARTS.findall(text.lower()))
    return words | {part for word in words if "-" in word or "'" in word for part in PART_BREAK.split(word)}


_PUNCTUATED_KEY = "klantlint_punctuated"


def is_punctuated(doc: Doc) -> bool:
    """Whether the writer ended a sentence with a mark somewhere in `doc`. Asked for every match and every word of
    some rules, so the answer is kept with the doc: reading an unpunctuated doc each time costs quadratic time."""
    known = doc.user_data.get(_PUNCTUATED_KEY)
    if known is None:
        known = doc.user_data[_PUNCTUATED_KEY] = any(token.text in SENTENCE_END_MARKS for token in doc)
    return bool(known)


def utterance(token: Token) -> Span:
    """The sentence around `token`: by punctuation where the writer punctuated, else the whole line."""
    doc = token.doc
    if is_punctuated(doc):
        return token.sent
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = token.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return doc[start:end]


def _inverted_after(doc: Doc, index: int) -> bool:
    """A finite verb at `index` with its subject pronoun right after it ("daar [moet u]", "dan [kijken ze]").

    A plain word before a nominative pronoun can only be that verb, so the tagger is not needed for it.
    """
    if index + 1 >= len(doc):
        return False
    word, after = doc[index], doc[index + 1].lower_
    if is_finite(word):
        return after in SUBJECT_PRONOUNS or after in ("het", "er")
    plain = word.is_alpha and word.lower_ not in SUBJECT_PRONOUNS and word.lower_ not in DETERMINERS
    return plain and after in NOMINATIVE_PRONOUNS


def _opens_clause(doc: Doc, index: int) -> bool:
    """Whether a new clause starts at `doc[index]` although no punctuation marks it."""
    token = doc[index]
    if index + 1 >= len(doc) or index == 0:
        return False
    following, previous = doc[index + 1], doc[index - 1]
    if token.lower_ in ADVERBIAL_SUBORDINATORS and (
        following.lower_ in SUBJECT_PRONOUNS or following.lower_ in CLAUSE_SUBJECT_STARTS
    ):
        return True  # "... bellen als er weer iets is"
    if token.lower_ in CLAUSE_OPENERS:
        # "de vierde keer dat u belt": a clause after a noun belongs to that noun.
        if token.lower_ == "dat" and (previous.pos_ == "NOUN" or previous.lower_ in OCCASION_NOUNS):
            return False
        return (following.lower_ in SUBJECT_PRONOUNS and not _possessive(following)) or _inverted_after(doc, index + 1)
    if previous.pos_ == "ADP" or previous.lower_ in DETERMINERS:
        return False
    # "... uitzoeken daar zijn wij niet van": a fronted adverb with an inverted verb and subject.
    if token.lower_ in FRONTED and _inverted_after(doc, index + 1):
        return True
    # "mijn collega is er niet belt u morgen maar terug": a verb-first clause after a word that ends a clause.
    if previous.lower_ in CLAUSE_ENDERS and is_finite(token) and following.lower_ in SUBJECT_PRONOUNS:
        return True
    # "we doen dat niet telefonisch mail het maar": an imperative stem with its object or particle.
    if token.lower_ in IMPERATIVE_STEMS and following.lower_ in IMPERATIVE_FOLLOWERS:
        return not is_finite(previous) and previous.lower_ not in SUBJECT_PRONOUNS and previous.lower_ != "te"
    # "blijft u even hangen ik vraag het na": a subject pronoun plus finite verb after a word that cannot
    # take it as an inverted subject starts a new clause in unpunctuated speech.
    return (
        token.lower_ in ("ik", "u", "we", "wij", "jij")
        and is_finite(following)
        and not is_finite(previous)
        and previous.lower_ not in CLAUSE_OPENERS
        and previous.lower_ not in SUBJECT_PRONOUNS
        and previous.lower_ not in QUESTION_WORDS  # "ik weet niet wat u bedoelt" is one clause
        and not previous.is_punct
    )


def clauses(doc: Doc) -> list[Span]:
    """The clauses of a turn: split at sentence punctuation, at a comma before a clause opener, and at
    conjunctions, adverbs or pronouns that open a clause in unpunctuated speech."""
    starts = [0]
    for index in range(1, len(doc)):
        previous = doc[index - 1]
        hard_break = previous.text in SENTENCE_END_MARKS or previous.text in (";", ":") or "\n" in previous.text
        opener = doc[index].lower_ in SUBJECT_PRONOUNS or doc[index].lower_ in CLAUSE_OPENERS
        inverted = _inverted_after(doc, index) or _inverted_after(doc, index + 1)
        comma_break = previous.text == "," and (opener or inverted)
        if hard_break or comma_break or _opens_clause(doc, index):
            starts.append(index)
    bounds = [*starts, len(doc)]
    spans = [doc[start:end] for start, end in pairwise(bounds) if end > start]
    return [span for span in spans if any(not t.is_punct and not t.is_space for t in span)]


def content(clause: Span) -> list[Token]:
    """The clause's words without punctuation and without leading fillers and subordinators."""
    words = [t for t in clause if not t.is_punct and not t.is_space]
    index = 0
    while index < len(words) - 1 and (
        words[index].lower_ in CLAUSE_FILLERS or _subordinator(words[index], words[index + 1])
    ):
        index += 1
    return words[index:]


def _subordinator(word: Token, following: Token) -> bool:
    """'dat u eerder belde' opens a subordinate clause; in 'dat moet per e-mail' "dat" is the subject."""
    return word.lower_ in SUBORDINATORS and not is_finite(following)


def _possessive(token: Token) -> bool:
    """'je' before a noun is 'your' ("je bestelnummer"), not the subject."""
    if token.lower_ != "je" or token.i + 1 >= len(token.doc):
        return False
    following = token.nbor(1)
    return following.pos_ in ("NOUN", "ADJ", "PROPN") and not is_finite(following)


def _agrees_with_u(verb: Token) -> bool:
    word = verb.lower_
    return word.endswith(("t", "d", "de", "te", "den", "ten")) or word in U_AGREEING_STEMS


def _agent_phrase(words: list[Token]) -> bool:
    """A fronted phrase that names a person or organisation ("mijn collega", "Sandra", "hij")."""
    for word in words:
        if word.lower_ in ("hij", "zij", "ze", "men", "mijn", "onze", "ons") or word.lower_ in AGENT_NOUNS:
            return True
        # A name ("Sandra belt u morgen"); a capitalised adverb or pronoun at the start is not one.
        if word.pos_ == "PROPN" and word.lower_ not in LATER | FRONTED | CLAUSE_FILLERS | INDEFINITES:
            return True
    return False


def subject_of(clause: Span) -> tuple[Subject, Token | None]:
    """Who does what the clause says, and its finite verb: the addressee (u/je), the speaker (ik/wij),
    someone else, or nobody named (an imperative, or an impersonal "dat moet per e-mail")."""
    words = content(clause)
    if not words:
        return "none", None
    first = words[0]
    verb_at = next((i for i, word in enumerate(words) if is_finite(word) and word.lower_ not in SUBJECT_PRONOUNS), None)
    if first.lower_ in SUBJECT_PRONOUNS and not _possessive(first) and (verb_at is None or verb_at > 0):
        return SUBJECT_PRONOUNS[first.lower_], words[verb_at] if verb_at is not None else None
    if verb_at is None:
        return "none", None
    verb = words[verb_at]
    after = words[verb_at + 1] if verb_at + 1 < len(words) else None
    fronted = words[:verb_at]
    if after is not None and after.lower_ in SUBJECT_PRONOUNS and not _possessive(after):
        role = SUBJECT_PRONOUNS[after.lower_]
        if role != "addressee":
            return role, verb
        if after.lower_ == "u" and not _agrees_with_u(verb):
            # "(ik) bel u terug": the subject was left out, u is the object.
            return "speaker", verb
        # "kunt", "wilt", "bent" agree only with u; "De monteur belt u" has u as its object.
        if fronted and verb.lower_ not in SECOND_PERSON_ONLY and _agent_phrase(fronted):
            return "other", verb
        return "addressee", verb
    if not fronted:
        # "Blijft uw computer hangen?": a verb in the third person before a noun phrase asks about that thing;
        # the imperative is the bare stem ("Stuur uw bankafschrift ...").
        third_person = verb.lower_.endswith("t") and verb.lower_[:-1] in FINITE_AUX | EXTRA_FINITE
        return ("other" if third_person and after is not None else "none"), verb
    if len(fronted) == 1 and fronted[0].lower_ in ("dat", "dit", "het", "daar", "zoiets", "alles"):
        return "none", verb
    return "other", verb


def negated(words: Iterable[Token]) -> bool:
    return any(word.lower_ in NEGATIONS for word in words)


def takes_ownership(doc: Doc) -> bool:
    """Whether the agent takes the question on somewhere in the turn: an action in the first person
    ("ik zoek het uit", "ik verbind u door", "zal ik een terugbelafspraak maken"), a call-back arranged
    ("zij belt u morgen voor twaalf uur", "een terugbelverzoek"), not negated."""
    if any(token.lower_ in CALLBACK_NOUNS for token in doc):
        return True
    parts = clauses(doc)
    for part in parts:
        role, verb = subject_of(part)
        words = content(part)
        if negated(words):
            continue
        # The first person and a verb of action in one clause: "ik zoek het uit", "dan zoeken we het samen uit".
        if any(word.lower_ in ("ik", "we", "wij") for word in words) and _has_action(words):
            return True
        # The organisation comes back to the caller: "u hoort morgen van ons", "u krijgt vandaag bericht van mij".
        if role == "addressee" and verb is not None and verb.lower_ in FOLLOW_UP_VERBS and _from_us(words):
            return True
        # Someone else calls the caller: "zij belt u morgen voor twaalf uur".
        calls_caller = verb is not None and verb.lower_ in CALL_FORMS
        if role == "other" and calls_caller and any(w.i > verb.i and w.lower_ in ("u", "je", "jou") for w in words):
            return True
    return False


def _from_us(words: list[Token]) -> bool:
    lowers = [w.lower_ for w in words]
    return any(w == "van" and lowers[i + 1 : i + 2] in (["ons"], ["mij"]) for i, w in enumerate(lowers))


def _has_action(words: list[Token]) -> bool:
    for index, word in enumerate(words):
        if word.lower_ not in OWNERSHIP_FORMS:
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and following.lower_ in NOT_OWNERSHIP_AFTER.get(word.lower_, frozenset()):
            continue
        return True
    return False


def invites_later_contact(sentence: Span) -> bool:
    """'... als u nog vragen heeft': an open invitation for later, not sending the current question away."""
    tokens = [t.lower_ for t in sentence]
    return any(
        word in ("als", "mocht", "wanneer", "zodra")
        and tokens[index + 1] in ("u", "je", "jij", "er")
        and any(w in ("nog", "later", "ooit", "weer") for w in tokens[index + 2 : index + 6])
        for index, word in enumerate(tokens[:-1])
    )


def styled(replacement: str, unit: Span) -> str:
    """`replacement` written like `unit`: lowercase without punctuation in a transcript, else a sentence."""
    if not any(ch.isupper() for ch in unit.text) and not any(t.text in SENTENCE_END_MARKS for t in unit):
        return replacement.lower().translate(str.maketrans("", "", ".,;?!"))
    return replacement


def sentence_rewrite(unit: Span, formal: str, informal: str, description: str) -> ProposedFix:
    """Replace the whole sentence (with its end punctuation) by a rewrite in the speaker's form of address."""
    text = styled(informal if uses_je(unit) else formal, unit)
    last = unit[-1]
    while last.is_space and last.i > unit.start:
        last = last.nbor(-1)
    return ProposedFix(text, unit.start_char, last.idx + len(last), description, safe=False)
