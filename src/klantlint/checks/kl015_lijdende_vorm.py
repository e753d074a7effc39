"""KL015 lijdende-vorm: passive voice ("Uw aanvraag wordt behandeld", "De factuur is verstuurd").

A Dutch passive is a form of "worden" or "zijn" with a past participle in the same verb cluster. The
participle is recognised by the tagger (VerbForm=Part) or by its shape (ge-...-d/t/en, or an unstressed
prefix be-/ver-/ont-/her-/er- without ge-), so lowercase transcripts that the tagger misreads still count.
Two lexical facts keep the rule quiet where Dutch grammar says it is not a passive:
- "zijn" is also the perfect auxiliary of verbs of motion and change ("is aangekomen", "is gestegen",
  "is verlopen", "is gelukt"); their participles are recognised by their stem;
- some participles are adjectives ("bekend", "tevreden", "geboren", "gesloten"): a state, not an action
  that someone performs, so there is no "wij" to put in front.
"worden" with an adjective ("het wordt drukker", "achttien geworden") has no participle and never fires.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.nlp.lexicon import (
    CLAUSE_OR_SENTENCE_MARKS,
    FIRST_PERSON,
    HEBBEN_FORMS,
    HESITATIONS,
    NOUN_ONLY_DETERMINERS,
    SEPARABLE_PARTICLES,
    SUBORDINATORS,
)
from klantlint.nlp.surface import chunk_after, chunk_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden"})
ZIJN = frozenset({"ben", "bent", "is", "zijn", "was", "waren"})
PAST_PASSIVE_AUXILIARIES = frozenset({"werd", "werden", "was", "waren"})
# Participle shapes: (particle)ge-stem-d/t/en, or a prefix that takes no ge- (be-, ver-, ont-, her-, er-);
# plus the short strong participles in -aan (gedaan, gegaan, gestaan, ontstaan, toegestaan).
PARTICIPLE_SHAPE = re.compile(
    rf"^(?:{'|'.join(SEPARABLE_PARTICLES)})?(?:(?:ge|be|ver|ont|her|er)[a-zëïüé]{{2,}}(?:d|t|en)"
    r"|(?:ge|ver|ont|be)(?:d|g|st|sl)aan)$"
)
# Participles of verbs whose perfect tense takes "zijn": "is aangekomen" is not a passive.
ZIJN_VERB_ENDINGS = (
    "komen",
    "gaan",
    "vallen",
    "bleven",
    "worden",
    "weest",
    "stegen",
    "daald",
    "lukt",
    "beurd",
    "dwenen",
    "schenen",
    "overleden",
    "storven",
    "ontstaan",
    "opgestaan",
    "gonnen",
    "slaagd",
    "zakt",
    "groeid",
    "vlucht",
    "reisd",
    "vlogen",
    "lopen",
    "vertrokken",
    "verhuisd",
    "veranderd",
    "toegenomen",
    "afgenomen",
    "stopt",
    "stapt",
    "keerd",
    "raakt",
    "sprongen",
    "ongelukt",
    "eindigd",
    "gestart",
    "vergeten",
    "gereden",
    "verschoven",
    "verdwenen",
    "gebleven",
    "ontsnapt",
    "geland",
    "verslechterd",
    "gezakt",
    "gedoken",
    # Change-of-state verbs common in service calls ("de app is gecrasht", "de leiding is gebarsten").
    "bleken",
    "gecrasht",
    "barsten",
    "verstreken",
    "verouderd",
    "vroren",
    "zonken",
    "geknapt",
    "ontploft",
    "ingestort",
    "doorgebrand",
    "afgebrand",
    "geëxplodeerd",
    "gekrompen",
    "gesmolten",
    "verdampt",
    "versleten",
    "verwelkt",
    "opgehouden",
    "ingeslapen",
    "geëmigreerd",
    "gepromoveerd",
)
# Participles that are adjectives in use: they describe a state, nobody performs them.
ADJECTIVAL = frozenset(
    "bekend onbekend verkeerd tevreden ontevreden gewend verplicht geboren benieuwd geïnteresseerd verbaasd "
    "verrast teleurgesteld gerust gesloten geopend bedoeld gebaseerd inbegrepen bezet gelegen betrokken "
    "gewenst geschikt gereed bereid bewust verschuldigd gemotiveerd verliefd verloofd getrouwd gescheiden "
    "overtuigd genoodzaakt geleden gevestigd bevoegd gemachtigd gehaast gespannen opgelucht gezond gemeen "
    "ervaren beperkt verboden toegestaan verbonden verwant geschrokken verdwaald beroemd berucht "
    "gewapend verwend gebonden bedankt uitgesloten ingewikkeld gecompliceerd gemiddeld verkouden verlegen "
    "ontspannen geïrriteerd gefrustreerd geërgerd gestrest gepensioneerd gehandicapt".split()
)
# Participles that describe a person's state after "ik ben" / "u bent", but an action on a thing otherwise.
PERSON_STATES = frozenset({"bezorgd", "verzekerd", "aangesloten", "geholpen"})
PERSONAL_SUBJECTS = frozenset({"ik", "u", "je", "jij", "we", "wij", "hij", "zij", "ze", "jullie"})
# Nouns that look like participles ("dat is beleid"); participle-nouns like "verzet" are read as verbs.
NOUNS_OF_PARTICIPLE_SHAPE = frozenset(
    "beleid bestand verband verstand gebied gezicht bericht geduld geluid gerecht geweld gewicht bezit besluit "
    "verleden gegeven geweten vertrouwen vermogen verlangen ontbijt gebit gevecht verbod gebod verlof gelid "
    "beeld gebed geheugen".split()
)
# Address words and fillers after a clause-final participle in speech ("de storing is verholpen mevrouw").
TRAILING_WORDS = frozenset("mevrouw meneer hoor dus eh ehm hè he toch nu al ook".split())
# Words that open a new clause: the participle of a passive stays inside its own clause.
NEW_CLAUSE_WORDS = SUBORDINATORS | frozenset("en maar want dus die waar wat hoe welke wie".split())
CLAUSE_STARTS = frozenset("ik je jij u hij zij ze we wij jullie men het dat dit die dan er daarna nu toen".split())
PREPOSITIONS = frozenset("op mee voor in aan naar door bij uit over van heen tegen achter om onder tussen".split())
ATTRIBUTIVE_BEFORE = frozenset("een de het deze die dit dat uw mijn onze ons zijn haar hun geen elk elke".split())
MAX_DISTANCE = 10
# KL015 reports a passive only where it hides who is responsible: for something that went wrong or was refused
# ("Uw aanvraag is afgewezen", "Er is een fout gemaakt", "De betaling is niet verwerkt"), in any tense; or for an
# action still to be done ("Er wordt contact met u opgenomen": who calls?). A completed neutral confirmation
# ("Uw afspraak is bevestigd voor dinsdag", "De factuur is verstuurd") stays quiet: there is nobody to blame and
# nothing left to promise.
REFUSAL_PARTICIPLES = frozenset(
    """afgewezen geweigerd geannuleerd afgekeurd stopgezet ingetrokken geschrapt beëindigd opgeschort geblokkeerd
    afgesloten uitgesteld vergeten gemist verhoogd beschadigd overgeslagen genegeerd verwisseld geweigerd
    afgeboekt teruggedraaid ontbonden verworpen ongeldig onterecht""".split()
)
WRONG_WORDS = frozenset(
    """niet geen nooit nergens niets fout fouten foutje vergissing misverstand verkeerd verkeerde onterecht
    onterechte abusievelijk foutief foutieve dubbel ongeluk onrechte hoofd""".split()
)
# "te laat", "te veel": too late or too much.
TOO = frozenset({"laat", "veel", "weinig", "vroeg", "hoog"})


def _is_participle(token: Token) -> bool:
    word = token.lower_
    if word in ADJECTIVAL or not token.is_alpha or len(word) < 5:
        return False
    if word in NOUNS_OF_PARTICIPLE_SHAPE or token.pos_ in ("DET", "PRON", "ADP", "NUM"):
        return False
    if token.pos_ in ("NOUN", "PROPN") and word.endswith("en"):
        return False  # plural nouns: "dat zijn verzekeringen", "onze berichten"
    lemma = token.lemma_.lower()
    if word.endswith("en") and word.startswith(("be", "her", "er")) and lemma == word:
        return False  # an infinitive or noun ("beunhazen"); strong be-participles differ from their lemma
    if word.endswith("en") and lemma and lemma != word and not lemma.endswith("n"):
        return False  # a plural noun with its singular as lemma ("gesprekken" -> "gesprek")
    if "VerbForm=Fin" in str(token.morph) and word.endswith("t"):
        return False  # 3rd person present ("ontvangt"); a participle tagged finite ends in -d ("bezorgd")
    if word.endswith("end") and not word.endswith("kend"):
        return False  # present participles and adjectives ("dringend", "verschillend")
    # The shape decides, not the tag: the tagger misreads participles as nouns ("is verzet") or finite verbs
    # ("wordt bezorgd"), and adjectives as participles ("groen").
    return bool(PARTICIPLE_SHAPE.match(word))


def _person_state(participle: Token, aux: Token) -> bool:
    """ "ik ben bezorgd" (worried), "u bent verzekerd" (insured): a state of a person, not an action on a thing."""
    if participle.lower_ not in PERSON_STATES or aux.lower_ not in ZIJN:
        return False
    doc = participle.doc
    neighbours = [doc[i].lower_ for i in (aux.i - 1, aux.i + 1) if 0 <= i < len(doc)]
    return any(word in PERSONAL_SUBJECTS for word in neighbours)


def _first_person_subject(aux: Token) -> bool:
    """ "Wij zijn gespecialiseerd in ...", "ik word vaak gebeld": the speaker is already the subject, so there
    is nobody to bring to the front; mostly these describe the speaker's state."""
    doc = aux.doc
    return any(doc[i].lower_ in ("ik", "wij", "we") for i in (aux.i - 1, aux.i + 1) if 0 <= i < len(doc))


def _takes_zijn(participle: Token) -> bool:
    return participle.lower_.endswith(ZIJN_VERB_ENDINGS) or participle.lemma_.lower() in ("zijn", "worden", "blijven")


def _is_auxiliary(token: Token) -> bool:
    word = token.lower_
    if word not in WORDEN and word not in ZIJN:
        return False
    # "zijn gegevens": the possessive, not the verb; "de was": the laundry (the domain layer tags it NOUN).
    if word == "was" and token.pos_ == "NOUN":
        return False
    return not (word == "zijn" and (token.pos_ == "DET" or token.dep_ in ("det", "nmod:poss")))


def _right_participles(doc: Doc, aux: Token, limit: int) -> list[Token]:
    """Participles after the auxiliary in its clause ("is [per 1 maart] opgezegd", "wordt door X behandeld")."""
    found = []
    for index in range(aux.i + 1, min(limit, aux.i + 1 + MAX_DISTANCE)):
        token = doc[index]
        if token.text in CLAUSE_OR_SENTENCE_MARKS or _opens_clause(token) or token.lower_ in HEBBEN_FORMS:
            break
        if _is_participle(token):
            if not _attributive(doc, token, aux) and doc[index - 1].lower_ != "te":
                found.append(token)
            continue
        # Another finite verb starts another clause (unpunctuated speech); misread participles were taken above.
        if "VerbForm=Fin" in str(token.morph) and token.lower_ not in WORDEN | ZIJN:
            break
    return found


def _opens_clause(token: Token) -> bool:
    # "waarop", "waarmee", ... open a relative clause just like "waar" (not "waarschijnlijk").
    word = token.lower_
    if word in ("en", "of"):
        # "tussen negen en twaalf", "de factuur en de bon": coordination inside a phrase; a new clause
        # starts with a subject, "dan"/"er" or a verb.
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or following.lower_ in CLAUSE_STARTS or "VerbForm=Fin" in str(following.morph)
    return word in NEW_CLAUSE_WORDS or (word.startswith("waar") and word[4:] in PREPOSITIONS)


def _attributive(doc: Doc, participle: Token, aux: Token) -> bool:
    """ "is een gesloten systeem": the participle describes a noun after it; "te verwachten" is no participle."""
    previous = doc[participle.i - 1]
    if previous.i == aux.i or previous.lower_ not in ATTRIBUTIVE_BEFORE:
        return False
    if previous.lower_ in NOUN_ONLY_DETERMINERS:
        return True  # "onze berichten", "een gesloten deur": part of a noun phrase
    following = doc[participle.i + 1] if participle.i + 1 < len(doc) else None
    return (
        following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ") and following.lower_ not in TRAILING_WORDS
    )


def _left_participle(doc: Doc, aux: Token, start: int) -> Token | None:
    """A participle right before the auxiliary, in verb-final order ("dat het verstuurd is", "gekeken worden")."""
    index = aux.i - 1
    while index >= start and doc[index].lower_ in HESITATIONS:
        index -= 1
    if index < start or not _is_participle(doc[index]) or doc[index].pos_ == "NOUN":
        return None
    if index > start and doc[index - 1].lower_ in ("de", "een"):
        return None  # a noun subject ("de ontvangst is slecht")
    # "Wat u heeft besteld is onderweg": the participle belongs to "heeft", the "is" to the main clause.
    if any(t.lower_ in HEBBEN_FORMS for t in doc[start:index]):
        return None
    return doc[index]


# The cheap gate (`LijdendeVorm.may_fire`) reads the raw lowercased text. A token that is a whole word is a
# maximal run of letters, and a chunk between whitespace that is exactly a word is exactly one token. Every
# whitespace gap separates at least two tokens, so a participle within MAX_DISTANCE tokens of its auxiliary has
# at most MAX_DISTANCE gaps between them.
# The end of a participle-shaped word (without its separable particle), cheap to search for.
_PARTICIPLE_END = re.compile(r"(?:[gb]e|h?er|ver|ont)(?:[a-zëïüé]{2,}(?:d|t|en)|(?:d|g|st|sl)aan)(?![^\W\d_])")
# An auxiliary at the end of a run of letters (whether the run starts there is tested after: a lookbehind is slow).
_AUXILIARY_END = re.compile(r"(?:" + "|".join(sorted(WORDEN | ZIJN, key=len, reverse=True)) + r")(?![^\W\d_])")
_LETTERS = re.compile(r"[^\W\d_]+")
_ONLY_FILLERS = re.compile(r"(?:\s+(?:" + "|".join(HESITATIONS) + r"))*\s+")
_GAP = re.compile(r"\s+")
# Whole chunks that stop `_right_participles` for sure: a form of "hebben" or a clause opener ("en"/"of" only
# sometimes), a word with clause punctuation the tokenizer always splits off ("verstuurd,"; not "bv.", an
# abbreviation), or a clause mark on its own.
_BREAK_WORDS = HEBBEN_FORMS | (NEW_CLAUSE_WORDS - {"en", "of"}) | frozenset(f"waar{p}" for p in PREPOSITIONS)
_CLAUSE_BREAK = re.compile(
    r"(?<!\S)(?:" + "|".join(sorted(_BREAK_WORDS, key=len, reverse=True)) + r"|[^\W\d_]+[,;:!?…]|[,;:()–—.!?…])(?=\s)"
)


def _passive_possible(lowered: str) -> bool:
    """A necessary condition for `LijdendeVorm.check`, from the characters alone: an auxiliary without a
    first-person pronoun right next to it, with a participle-shaped word right before it (fillers apart), or
    after it within MAX_DISTANCE gaps and before clause punctuation, a form of "hebben" or a clause opener."""
    participles = _participle_shaped_words(lowered)
    if not participles:
        return False
    for aux in _AUXILIARY_END.finditer(lowered):
        aux_start, aux_end, aux_word = aux.start(), aux.end(), aux.group()
        if (aux_start > 0 and _LETTERS.match(lowered, aux_start - 1)) or _first_person_next_to(
            lowered, aux_start, aux_end
        ):
            continue
        for start, end, word in participles:
            if aux_word in ZIJN and word.endswith(ZIJN_VERB_ENDINGS):
                continue  # "is aangekomen": a perfect tense; such a participle in the cluster silences it
            if end <= aux_start:
                # Verb-final order, the participle the token before the auxiliary: "dat het verstuurd (eh) is".
                if _ONLY_FILLERS.fullmatch(lowered, end, aux_start):
                    return True
            elif start >= aux_end and _reaches(lowered, aux_start, aux_end, start):
                return True
    return False


def _participle_shaped_words(lowered: str) -> list[tuple[int, int, str]]:
    """Whole words that `_is_participle` could accept, with their offsets."""
    found = []
    for match in _PARTICIPLE_END.finditer(lowered):
        start = match.start()
        while start > 0 and lowered[start - 1].isalpha():
            start -= 1
        word = lowered[start : match.end()]
        if len(word) < 5 or word in ADJECTIVAL or word in NOUNS_OF_PARTICIPLE_SHAPE:
            continue
        if word.endswith("end") and not word.endswith("kend"):
            continue
        if PARTICIPLE_SHAPE.match(word):
            found.append((start, match.end(), word))
    return found


def _reaches(lowered: str, aux_start: int, aux_end: int, start: int) -> bool:
    """Whether `_right_participles` can reach a participle at `start` from the auxiliary."""
    if len(_GAP.findall(lowered, aux_end, start)) > MAX_DISTANCE:
        return False
    if _CLAUSE_BREAK.search(lowered, aux_start, start):
        return False
    return chunk_before(lowered, start) != "te"  # "is niet te verwachten"


def _first_person_next_to(lowered: str, start: int, end: int) -> bool:
    """ "ik word", "zijn we": `check` skips an auxiliary with ik/wij/we as the token right before or after it."""
    whole_chunk = (start == 0 or lowered[start - 1].isspace()) and (end == len(lowered) or lowered[end].isspace())
    if not whole_chunk:
        return False
    return chunk_before(lowered, start) in FIRST_PERSON or chunk_after(lowered, end) in FIRST_PERSON


class LijdendeVorm(Rule):
    info = RuleInfo(
        code="KL015",
        name="lijdende-vorm",
        severity="info",
        summary="Lijdende vorm die verbergt wie verantwoordelijk is ('Uw aanvraag is afgewezen', 'Er wordt "
        "contact met u opgenomen').",
        default=False,
        group="stijl",
        opt_in_reason="Vaak juist en duidelijk ('Uw afspraak is bevestigd'), zelden het herschrijven waard.",
        rationale="In de lijdende vorm verdwijnt wie er iets doet; actief, met 'wij' of 'ik', klinkt het "
        "persoonlijk en neemt u verantwoordelijkheid.",
        explanation=Explanation(
            wat_gaat_er_mis="Een zin in de lijdende vorm verbergt wie verantwoordelijk is: voor iets wat misging "
            "of werd geweigerd ('Uw aanvraag is afgewezen', 'Er is een fout gemaakt', 'De betaling is niet "
            "verwerkt'), of voor iets wat nog moet gebeuren ('Er wordt contact met u opgenomen'). Een neutrale "
            "bevestiging ('Uw afspraak is bevestigd voor dinsdag') meldt klantlint niet.",
            waarom="De lijdende vorm klinkt ambtelijk en afstandelijk. De klant hoort niet wie er iets doet, en dus "
            "ook niet wie verantwoordelijk is. Aan de telefoon werkt een actieve zin met 'wij' of 'ik' beter: "
            "korter, persoonlijker, en u belooft iets.",
            voorbeeld="Uw aanvraag is afgewezen.\nEr wordt contact met u opgenomen.\nEr is een fout gemaakt.",
            beter="Wij hebben uw aanvraag afgewezen, omdat ...\nIk neem morgen contact met u op.\nWij hebben een "
            "fout gemaakt.",
            veilig="Nee. Alleen u weet wie het doet: u zelf, 'wij', of een collega of andere partij. klantlint "
            "stelt een actieve zin met 'wij' voor, maar past die niet vanzelf toe. Voltooide tijden met 'zijn' "
            "('Het pakket is aangekomen') zijn geen lijdende vorm en blijven staan.",
        ),
        bad_examples=[
            "Uw aanvraag wordt behandeld.",
            "Er wordt contact met u opgenomen.",
            "Uw aanvraag is afgewezen.",
            "Uw nieuwe paspoort kan vanaf donderdag worden opgehaald.",
            "er is een fout gemaakt met de afrekening mevrouw",
        ],
        good_examples=[
            "Het pakket is aangekomen.",
            "hij is net vertrokken",
            "Wij hebben de factuur gisteren verstuurd.",
            "Het wordt morgen drukker aan de telefoon.",
            "Wanneer bent u geboren?",
            "Er is iets misgegaan met de afschrijving; ik zet het nu recht.",
            "Uw afspraak is bevestigd voor dinsdag.",
        ],
    )
    triggers = WORDEN | ZIJN
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        if self.triggers.isdisjoint(found):
            return False
        return _passive_possible(text.lower())

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        taken: set[int] = set()
        for aux, participle, start in self._passives(doc):
            if aux.i in taken or participle.i in taken:
                continue
            taken.update({aux.i, participle.i})
            first, last = (aux, participle) if aux.i < participle.i else (participle, aux)
            phrase = doc[first.i : last.i + 1]
            words = f"{first.text} ... {last.text}" if len(phrase) > 3 else phrase.text
            message = (
                f"'{words}' is lijdende vorm: de klant hoort niet wie het doet. "
                "Zeg wie het doet, met 'wij' of 'ik' als onderwerp."
            )
            fixes = tuple(_active_rewrite(doc, aux, participle, start))
            yield Hit(first.idx, last.idx + len(last), message, fixes)

    def _passives(self, doc: Doc) -> Iterator[tuple[Token, Token, int]]:
        """(auxiliary, participle, clause start) for every passive verb cluster."""
        clause_start = 0
        for token in doc:
            if token.text in CLAUSE_OR_SENTENCE_MARKS or _opens_clause(token):
                clause_start = token.i + 1
            if not _is_auxiliary(token) or _first_person_subject(token):
                continue
            limit = _clause_limit(doc, token)
            participles = _right_participles(doc, token, limit)
            left = _left_participle(doc, token, clause_start)
            if left is not None:
                participles = [left, *participles]
            if not participles:
                continue
            participles = [p for p in participles if not _person_state(p, token)]
            if not participles:
                continue
            # Any participle of a zijn-verb in the cluster makes it a perfect tense ("is verloren gegaan").
            if token.lower_ in ZIJN and any(_takes_zijn(p) for p in participles):
                continue
            if token.lower_ in WORDEN and any(p.lemma_.lower() == "worden" for p in participles):
                continue
            if _completed(token) and not _went_wrong(doc, token, participles, clause_start):
                continue  # a neutral confirmation: "Uw afspraak is bevestigd voor dinsdag"
            yield token, participles[0], clause_start


def _completed(aux: Token) -> bool:
    """A passive of something done: "is/zijn/was ... bevestigd", "werd ... verstuurd"."""
    return aux.lower_ in ZIJN or aux.lower_ in PAST_PASSIVE_AUXILIARIES


def _went_wrong(doc: Doc, aux: Token, participles: list[Token], clause_start: int) -> bool:
    """Something went wrong or was refused: a participle of refusal ("afgewezen"), a negation ("is niet
    verwerkt"), an error ("Er is een fout gemaakt") or a wrong manner ("verkeerd", "te laat") in the clause."""
    if any(p.lower_ in REFUSAL_PARTICIPLES for p in participles):
        return True
    words = [t.lower_ for t in doc[clause_start : _clause_limit(doc, aux)]]
    if WRONG_WORDS.intersection(words):
        return True
    return any(word == "te" and following in TOO for word, following in pairwise(words))


def _clause_limit(doc: Doc, aux: Token) -> int:
    index = aux.i + 1
    while index < len(doc) and doc[index].text not in CLAUSE_OR_SENTENCE_MARKS:
        index += 1
    return index


def _active_rewrite(doc: Doc, aux: Token, participle: Token, clause_start: int) -> Iterator[ProposedFix]:
    """'De factuur is verstuurd.' -> 'Wij hebben de factuur verstuurd.' for a plain main clause.

    Only the simple shape is rewritten: [subject] [aux] [middle] [participle] at the end of a main clause,
    with "worden"/"zijn" finite and no agent ("door ...") and no modal. Anything else is left to the writer.
    """
    if aux.i > participle.i or ("VerbForm=Fin" not in str(aux.morph) and aux.lower_ not in WORDEN | ZIJN):
        return
    subject = [t for t in doc[clause_start : aux.i] if not t.is_space]
    middle = " ".join(t.text for t in doc[aux.i + 1 : participle.i] if t.lower_ not in HESITATIONS)
    following = doc[participle.i + 1] if participle.i + 1 < len(doc) else None
    # What follows the participle stays: punctuation, an address word, an extraposed phrase ("naar vrijdag")
    # or the next clause ("zodra u belt").
    ends_cluster = (
        following is None
        or following.is_punct
        or following.lower_ in TRAILING_WORDS
        or following.lower_ in NEW_CLAUSE_WORDS
    )
    # An agent ("door een collega") names who does it: the active subject is not "wij".
    agent = any(t.lower_ == "door" for t in doc[aux.i : _clause_limit(doc, aux)])
    if not subject or agent or not (ends_cluster or following.pos_ == "ADP"):
        return
    if any("VerbForm=Fin" in str(t.morph) or t.pos_ in ("AUX", "VERB") for t in subject):
        return
    first = subject[0]
    subject_text = doc[first.i : aux.i].text
    if first.lower_ == "er":
        # "Er wordt ...": nothing before the verb; "dat er contact met u wordt opgenomen": what stands between.
        obj = doc[first.i + 1 : aux.i].text
    elif first.lower_ in ("u", "je", "jij"):
        obj = "je" if first.lower_ in ("je", "jij") else "u"
    elif first.lower_ in PERSONAL_SUBJECTS or first.lower_ == "men":
        return  # "ik word gebeld": the object form and the right subject need the writer
    elif first.pos_ in ("DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM"):
        obj = subject_text if first.pos_ == "PROPN" else subject_text[:1].lower() + subject_text[1:]
    else:
        return
    if aux.lower_ in ZIJN:
        verb = "hadden" if aux.lower_ in PAST_PASSIVE_AUXILIARIES else "hebben"
        tail = participle.text
    elif aux.lower_ in ("werd", "werden"):
        verb, tail = "hebben", participle.text
    else:
        present = _present_plural(participle)
        if present is None:
            return
        verb, tail = present
    opener = doc[clause_start - 1].lower_ if clause_start > 0 else ""
    if opener in SUBORDINATORS:
        # A subordinate clause puts the verb last: "dat wij het rond vier uur hebben opgelost", "dat wij contact
        # met u opnemen" (a separable particle joins the verb).
        cluster = f"{verb} {tail}" if aux.lower_ in ZIJN | PAST_PASSIVE_AUXILIARIES else f"{tail}{verb}"
        parts = ["wij", obj, middle, cluster]
    else:
        parts = ["wij", verb, obj, middle, tail]
    replacement = " ".join(part for part in parts if part)
    if first.text[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    yield ProposedFix(
        replacement=replacement,
        start=first.idx,
        end=participle.idx + len(participle),
        description="Zeg wie het doet: een actieve zin met 'wij' (of 'ik', of de afdeling die het doet).",
        safe=False,
    )


def _present_plural(participle: Token) -> tuple[str, str] | None:
    """The plural present of the participle's verb, split for separable verbs: ('nemen', 'op') for 'opgenomen'.

    Uses the lemma, and only when lemma and participle agree on the particle; otherwise None.
    """
    lemma = participle.lemma_.lower()
    word = participle.lower_
    if not lemma.endswith("en") or (lemma == word and not word.startswith(("be", "ver", "ont", "her", "er"))):
        return None
    for particle in SEPARABLE_PARTICLES:
        if (
            lemma.startswith(particle)
            and word.startswith(particle)
            and word[len(particle) :].startswith(("ge", "be", "ver", "ont", "her", "er"))
        ):
            rest = lemma[len(particle) :]
            if len(rest) > 3:
                return rest, particle
    if word.startswith("ge") and not lemma.startswith("ge"):
        return lemma, ""
    if word.startswith(("be", "ver", "ont", "her", "er")) and lemma[:2] == word[:2]:
        return lemma, ""
    return None
