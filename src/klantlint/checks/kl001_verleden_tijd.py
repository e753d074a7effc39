"""KL001 verleden-tijd-gegevens: past tense when asking for the caller's own, still-valid details."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, GateCue, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import match_case
from klantlint.nlp.lexicon import ADDRESS_POSSESSIVES, ADDRESS_PRONOUNS, DISCOURSE_OPENERS, QUESTION_WORDS
from klantlint.nlp.surface import chunk_start, ends_word_chunk, splits_full_stop

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns for details a caller still has. Compounds ending in these are included ("klantnummer").
DETAIL_NOUNS = frozenset(
    "naam voornaam achternaam familienaam meisjesnaam roepnaam voorletter voorletters initiaal initialen adres "
    "postcode huisnummer toevoeging woonplaats plaats straat straatnaam geboortedatum geboortedag telefoonnummer "
    "nummer mobiel e-mailadres emailadres mailadres e-mail klantnummer relatienummer contractnummer polisnummer "
    "rekeningnummer accountnummer abonnementsnummer lidnummer bedrijfsnaam iban bsn kenteken".split()
)
DETAIL_SUFFIXES = ("nummer", "naam", "adres")
# Het-words among the details: every "-nummer" and "-adres" ("het klantnummer", "het e-mailadres"), "het kenteken".
HET_SUFFIXES = ("nummer", "adres")
HET_NOUNS = frozenset({"kenteken", "bsn"})


def article_of(noun: str) -> str:
    """The definite article of a detail noun: "het klantnummer", "de naam"."""
    lower = noun.lower()
    return "het" if lower.endswith(HET_SUFFIXES) or lower in HET_NOUNS else "de"


DEFINITE_DETERMINERS = frozenset({"de", "het", "die", "dat"})
# Past forms that ask for a detail: "was/waren" (zijn), "had" (hebben), "heette" (heten), "woonde" (wonen).
PAST_COPULA = frozenset({"was", "waren"})
PAST_HAVING = frozenset({"had", "hadden"})
PAST_NAMING = {"heette": "heet", "heetten": "heten", "woonde": "woont", "woonden": "wonen"}
# Substrings of every form in PAST_COPULA and PAST_HAVING ("hadden" holds "had").
PAST_VERB_STEMS = ("was", "waren", "had")
# How many tokens from the verb the detail may be: after "was/waren" (owned by the addressee), after "had" (anyone's).
DETAIL_REACH = 6
HAVING_REACH = 4
PRESENT_OF = {"was": "is", "waren": "zijn", "had": "heeft", "hadden": "hebben", **PAST_NAMING}
# Words after a verb that ends a recall question: "En uw huisnummer was (ook alweer)?"
RECALL_TAIL = frozenset({"ook", "alweer", "weer", "nog", "nou", "dan", "eh", "ehm", "uh", "mevrouw", "meneer"})
QUESTION_OPENERS = DISCOURSE_OPENERS | {"even", "kijken"}
# A sentence about an earlier state is legitimately in the past tense.
PAST_MARKERS = frozenset(
    "oud oude vorig vorige eerder eerdere vroeger vroegere toen destijds voorheen daarvoor ex oorspronkelijk "
    "oorspronkelijke geboortenaam verhuizing verhuisd meisjesnaam".split()
)
# Substrings that every detail noun above contains (the cheap test before parsing), also by its lemma: of the words
# with "mail" only "e-mail" and its forms ("e-mails", "e-mailtje") are detail nouns without a stem of their own
# ("mailadres" has "adres"), so "mail" alone ("u krijgt een mail") does not let a text through. The lemmatizer's
# exceptions make "namen" and "straten" detail nouns by their lemmas "naam" and "straat".
DETAIL_STEMS = (
    "naam",
    "namen",
    "nummer",
    "adres",
    "postcode",
    "plaats",
    "straat",
    "straten",
    "datum",
    "geboortedag",
    "voorletter",
    "initia",
    "toevoeging",
    "mobiel",
    "e-mail",
    "iban",
    "bsn",
    "kenteken",
)
NAME_NOUNS = frozenset({"naam", "voornaam", "achternaam", "familienaam", "meisjesnaam", "roepnaam", "bedrijfsnaam"})


def is_detail_noun(token: Token) -> bool:
    word = token.lower_
    lemma = token.lemma_.lower()
    return ((word in DETAIL_NOUNS or lemma in DETAIL_NOUNS or word.endswith(DETAIL_SUFFIXES)) and token.is_alpha) or (
        word in {"e-mailadres", "e-mail"}
    )


def asks_for_it(sentence: Span, verb: Token) -> bool:
    """Whether the sentence asks (rather than states): by '?', a question word right before the verb,
    verb-first order, or a recall question that ends on the verb ("En uw huisnummer was (ook alweer)?").
    Transcripts have no question marks, so the word order carries the question."""
    if any(t.text == "?" for t in sentence):
        return True
    before = [t for t in sentence.doc[sentence.start : verb.i] if not t.is_punct and t.lower_ not in QUESTION_OPENERS]
    if not before:
        return True
    if any(t.lower_ in QUESTION_WORDS for t in before[-3:]):
        return True
    after = [t for t in sentence.doc[verb.i + 1 : sentence.end] if not t.is_punct]
    return all(t.lower_ in RECALL_TAIL for t in after) or any(t.lower_ == "alweer" for t in after)


def _past_verbs(sentence: Span) -> Iterator[Token]:
    for token in sentence:
        word = token.lower_
        if word in PAST_NAMING or word in PAST_HAVING:
            yield token
        elif word in PAST_COPULA:
            # "de was" (laundry) is a noun; keep the verb reading only when the parse or the context says so.
            previous = token.nbor(-1).lower_ if token.i > sentence.start else ""
            if token.pos_ in ("AUX", "VERB") or previous not in ("de", "het", "een", "uw", "je", "jouw", "mijn"):
                yield token


def _owned_by_addressee(sentence: Span, noun: Token) -> bool:
    """'uw naam', 'de naam van uw bedrijf', 'het e-mailadres waarop u ... ontvangt', 'welk adres (had u)'."""
    doc = sentence.doc
    before = doc[max(sentence.start, noun.i - 3) : noun.i]
    if any(t.lower_ in ADDRESS_POSSESSIVES for t in before):
        return True
    after = doc[noun.i + 1 : min(sentence.end, noun.i + 4)]
    if len(after) >= 2 and after[0].lower_ == "van":
        return after[1].lower_ in ADDRESS_POSSESSIVES or after[1].lower_ in ADDRESS_PRONOUNS
    rest = doc[noun.i + 1 : sentence.end]
    return any(t.lower_ in ADDRESS_PRONOUNS for t in rest) and any(t.lower_ in DEFINITE_DETERMINERS for t in before)


def _addressee_detail(sentence: Span, verb: Token) -> Token | None:
    """The caller's own detail noun near the verb."""
    for token in sentence:
        if abs(token.i - verb.i) <= 6 and is_detail_noun(token) and _owned_by_addressee(sentence, token):
            return token
    return None


def _addressee_subject(sentence: Span, verb: Token) -> Token | None:
    window = sentence.doc[max(sentence.start, verb.i - 2) : min(sentence.end, verb.i + 3)]
    for token in window:
        if token.lower_ in ADDRESS_PRONOUNS and token.i != verb.i:
            return token
    return None


def _has_participle_after(sentence: Span, verb: Token) -> bool:
    """'Welk nummer had u gebeld?' is a past event (pluperfect), not a detail in the past tense."""
    for token in sentence.doc[verb.i + 1 : sentence.end]:
        if "VerbForm=Part" in str(token.morph) or (
            token.lower_.startswith("ge") and token.lower_.endswith(("d", "t")) and token.pos_ in ("VERB", "AUX", "ADJ")
        ):
            return True
    return False


def _detail_any_owner(sentence: Span, verb: Token) -> Token | None:
    for token in sentence:
        if abs(token.i - verb.i) <= HAVING_REACH and is_detail_noun(token):
            return token
    return None


# The marks that end a sentence: the gate cuts the text at those that surely do.
_SENTENCE_MARK = re.compile(r"[.?!]")


def _sure_sentence_ends(text: str) -> list[int]:
    """The offsets of the ".", "?" and "!" in `text` that surely end a sentence.

    A mark that ends a chunk of letters ("huisnummer? Hoe", "mail. Wat") is a token of its own (`ends_word_chunk`; a
    full stop unless `splits_full_stop` says otherwise), and in a text with a sentence mark every mark token ends a
    sentence (`klantlint_sentences` presets the boundaries, which the parser keeps).
    """
    ends = []
    for mark in _SENTENCE_MARK.finditer(text):
        at = mark.start()
        if not ends_word_chunk(text, at):
            continue
        if mark.group() == "." and not splits_full_stop(text[chunk_start(text, at) : at]):
            continue
        ends.append(at)
    return ends


def _sure_sentence_parts(text: str, lowered: str) -> list[str]:
    """`lowered` (`text.lower()`) cut at the marks that surely end a sentence, the marks left out: each part holds
    whole sentences, so a verb and a detail in different parts are never in one sentence, where `check` looks for
    both."""
    if len(lowered) != len(text):
        return [lowered]  # lower-casing moved the offsets (rare Unicode): no cuts
    parts = []
    start = 0
    for end in _sure_sentence_ends(text):
        parts.append(lowered[start:end])
        start = end + 1
    parts.append(lowered[start:])
    return parts


def _detail_near_past_verb(lowered: str) -> bool:
    """Whether a word with a detail stem is at most `DETAIL_REACH` words from one holding "was", "waren" or "had".

    `check` looks for the detail at most that many tokens from the verb. Tokens never span whitespace, so between
    two tokens lie at most as many whitespace-separated words as tokens: the test passes wherever `check` can fire.
    """
    words = lowered.split()
    for index, word in enumerate(words):
        if any(verb in word for verb in PAST_VERB_STEMS):
            nearby = words[max(0, index - DETAIL_REACH) : index + DETAIL_REACH + 1]
            if any(stem in other for other in nearby for stem in DETAIL_STEMS):
                return True
    return False


class PastTenseDetails(Rule):
    info = RuleInfo(
        code="KL001",
        name="verleden-tijd-gegevens",
        severity="warning",
        summary="Vraag naar gegevens van de beller in de verleden tijd ('Wat was uw naam?').",
        rationale="De beller heeft die naam of dat adres nog steeds; 'was' klinkt alsof het niet meer geldt en "
        "laat horen dat u niet goed luisterde.",
        explanation=Explanation(
            wat_gaat_er_mis="U vraagt naar gegevens die de beller nog steeds heeft (naam, adres, postcode, "
            "geboortedatum, telefoonnummer, klantnummer) in de verleden tijd: 'Wat was uw naam ook alweer?'.",
            waarom="De naam is niet veranderd sinds het begin van het gesprek. De verleden tijd klinkt alsof de beller "
            "er niet meer is, en laat horen dat u het de eerste keer niet hebt onthouden.",
            voorbeeld="Wat was uw naam ook alweer?\nHoe heette u?\nWat was je postcode?",
            beter="Zeg waarom u het opnieuw vraagt en vraag te spellen: 'Ik heb uw naam niet goed verstaan. Hoe "
            "spel ik die?' Of vraag gewoon in de tegenwoordige tijd: 'Wat is uw postcode?'.",
            vlaanderen="Ook hier in de tegenwoordige tijd: 'Wat is uw gsm-nummer?', niet 'Wat was uw gsm-nummer?'.",
            veilig="Ja, voor de tegenwoordige tijd ('was' wordt 'is', 'heette' wordt 'heet'): de vraag blijft "
            "dezelfde. De zin met de reden erbij is een voorstel dat u zelf afmaakt.",
        ),
        bad_examples=[
            "Wat was uw naam ook alweer?",
            "Hoe heette u?",
            "Wat was je postcode?",
            "en uw geboortedatum was",
            "wat was uw klantnummer",
            "Welk adres had u ook alweer?",
            "Wat was de naam van uw bedrijf?",
        ],
        good_examples=[
            "Hoe was het weekend?",
            "Wat was de oorzaak van de storing?",
            "Wat is uw naam?",
            "Uw oude adres was Dorpsstraat 5, klopt dat?",
            "Ik heb de was al binnengehaald.",
            "Hoe heette uw vorige leverancier?",
            "Welk nummer had u gebeld?",
            "Wat was de naam van de monteur?",
        ],
    )
    triggers = frozenset(PRESENT_OF)
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def cues(self) -> tuple[GateCue, ...]:
        """A trigger, and a past verb that names a detail ("woonde") or a detail word ("postcode") in the text."""
        return GateCue(words=self.triggers), GateCue(words=frozenset(PAST_NAMING), substrings=frozenset(DETAIL_STEMS))

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """A past-tense verb and, for was/had, a detail word near it."""
        if self.triggers.isdisjoint(found):
            return False
        if not found.isdisjoint(PAST_NAMING):
            return True
        lowered = text.lower()
        if not any(stem in lowered for stem in DETAIL_STEMS):
            return False
        # Speech-to-text turns often hold two questions: "Mag ik uw postcode? Hoe was het weekend?"
        return any(_detail_near_past_verb(part) for part in _sure_sentence_parts(text, lowered))

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        for sentence in doc.sents:
            if any(t.lower_ in PAST_MARKERS for t in sentence):
                continue
            for verb in _past_verbs(sentence):
                hit = self._judge(sentence, verb)
                if hit is not None:
                    yield hit
                    break

    def _judge(self, sentence: Span, verb: Token) -> Hit | None:
        if not asks_for_it(sentence, verb):
            return None
        word = verb.lower_
        if word in PAST_COPULA:
            detail = _addressee_detail(sentence, verb)
            return self._hit(sentence, verb, detail) if detail is not None else None
        subject = _addressee_subject(sentence, verb)
        if subject is None:
            return None
        if word in PAST_HAVING:
            detail = _detail_any_owner(sentence, verb)
            if detail is None or _has_participle_after(sentence, verb):
                return None
            return self._hit(sentence, verb, detail)
        if _addressee_detail(sentence, verb) is None and (word.startswith("heet") or _asks_where(sentence)):
            return self._hit(sentence, verb, subject)
        return None

    def _hit(self, sentence: Span, verb: Token, about: Token) -> Hit:
        informal = any(t.lower_ in ("je", "jij", "jouw") for t in sentence)
        present = PRESENT_OF[verb.lower_]
        if verb.lower_ == "had" and informal:
            present = "heb" if verb.i + 1 < sentence.end and verb.nbor(1).lower_ in ("je", "jij") else "hebt"
        if verb.lower_ == "woonde" and informal:
            present = "woon" if verb.i + 1 < sentence.end and verb.nbor(1).lower_ in ("je", "jij") else "woont"
        tense_fix = ProposedFix(
            replacement=match_case(present, verb.text, at_sentence_start=verb.i == sentence.start),
            start=verb.idx,
            end=verb.idx + len(verb),
            description=f"Vraag in de tegenwoordige tijd: '{present}' in plaats van '{verb.text}'.",
            safe=True,
        )
        noun = about.lower_ if about.lower_ not in ADDRESS_PRONOUNS else "naam"
        pointer = "dat" if article_of(noun) == "het" else "die"  # "het klantnummer ... dat", "de postcode ... die"
        follow_up = (
            "Hoe spel ik die?"
            if noun in NAME_NOUNS
            else (f"Wil je {pointer} nog een keer noemen?" if informal else f"Wilt u {pointer} nog een keer noemen?")
        )
        verstaan = "Ik heb je" if informal else "Ik heb uw"
        reason_fix = ProposedFix(
            replacement=f"{verstaan} {noun} niet goed verstaan. {follow_up}",
            start=sentence.start_char,
            end=sentence.end_char,
            description="Zeg waarom u het opnieuw vraagt en vraag te spellen of te herhalen.",
            safe=False,
        )
        message = (
            f"'{verb.text}' is verleden tijd, maar {article_of(noun)} {noun} van de beller geldt nog steeds. "
            "Vraag in de tegenwoordige tijd, of zeg waarom u het opnieuw vraagt."
        )
        return Hit(
            start=min(verb.idx, about.idx),
            end=max(verb.idx + len(verb), about.idx + len(about)),
            message=message,
            fixes=(tense_fix, reason_fix),
        )


def _asks_where(sentence: Span) -> bool:
    return any(t.lower_ == "waar" for t in sentence)
