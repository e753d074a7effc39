"""KL001 verleden-tijd-gegevens: past tense when asking for the caller's own, still-valid details."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import match_case

# Nouns for details a caller still has. Compounds ending in these are included ("klantnummer").
DETAIL_NOUNS = frozenset(
    [
        "naam",
        "voornaam",
        "achternaam",
        "familienaam",
        "meisjesnaam",
        "roepnaam",
        "voorletter",
        "voorletters",
        "initiaal",
        "initialen",
        "adres",
        "postcode",
        "huisnummer",
        "toevoeging",
        "woonplaats",
        "plaats",
        "straat",
        "straatnaam",
        "geboortedatum",
        "geboortedag",
        "telefoonnummer",
        "nummer",
        "mobiel",
        "e-mailadres",
        "emailadres",
        "mailadres",
        "e-mail",
        "klantnummer",
        "relatienummer",
        "contractnummer",
        "polisnummer",
        "rekeningnummer",
        "accountnummer",
        "abonnementsnummer",
        "lidnummer",
        "bedrijfsnaam",
        "organisatie",
        "iban",
        "bsn",
        "kenteken",
    ]
)
DETAIL_SUFFIXES = ("nummer", "naam", "adres")
ADDRESSEE_POSSESSIVES = frozenset({"uw", "je", "jouw", "jullie"})
ADDRESSEE_PRONOUNS = frozenset({"u", "je", "jij", "jullie"})
# Past forms that ask for a detail: "was/waren" (zijn), "heette" (heten), "woonde" (wonen).
PAST_COPULA = frozenset({"was", "waren"})
PAST_NAMING = {"heette": "heet", "heetten": "heten", "woonde": "woont", "woonden": "wonen"}
PRESENT_OF = {"was": "is", "waren": "zijn", **PAST_NAMING}
QUESTION_WORDS = frozenset({"wat", "hoe", "welk", "welke", "wie", "waar", "en"})
# A sentence about an earlier state is legitimately in the past tense.
PAST_MARKERS = frozenset(
    [
        "oud",
        "oude",
        "vorig",
        "vorige",
        "vorig",
        "eerder",
        "eerdere",
        "vroeger",
        "vroegere",
        "toen",
        "destijds",
        "voorheen",
        "daarvoor",
        "ex",
        "oorspronkelijk",
        "oorspronkelijke",
        "geboortenaam",
        "verhuizing",
        "verhuisd",
    ]
)
NAME_NOUNS = frozenset({"naam", "voornaam", "achternaam", "familienaam", "meisjesnaam", "roepnaam", "bedrijfsnaam"})


def is_detail_noun(token: Token) -> bool:
    word = token.lower_
    lemma = token.lemma_.lower()
    return ((word in DETAIL_NOUNS or lemma in DETAIL_NOUNS or word.endswith(DETAIL_SUFFIXES)) and token.is_alpha) or (
        word in {"e-mailadres", "e-mail"}
    )


def is_question(sentence: Span) -> bool:
    """A question by punctuation, by a question word up front, or by verb-first order (transcripts lack '?')."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words:
        return False
    if any(t.text == "?" for t in sentence):
        return True
    fillers = {"eh", "ehm", "uh", "oké", "ok", "ja", "nou", "en", "dus", "even", "goed"}
    content = [t for t in words if t.lower_ not in fillers] or words
    first = content[0].lower_
    return first in QUESTION_WORDS or first in PAST_COPULA or first in PAST_NAMING or words[-1].lower_ in PAST_COPULA


def _past_verbs(sentence: Span) -> Iterator[Token]:
    for token in sentence:
        word = token.lower_
        if word in PAST_NAMING:
            yield token
        elif word in PAST_COPULA:
            # "de was" (laundry) is a noun; keep the verb reading only when the parse or the context says so.
            previous = token.nbor(-1).lower_ if token.i > sentence.start else ""
            if token.pos_ in ("AUX", "VERB") or previous not in ("de", "het", "een", "uw", "je", "jouw", "mijn"):
                yield token


def _addressee_detail(sentence: Span, verb: Token) -> Token | None:
    """A detail noun that belongs to the addressee (uw/je naam) near the verb, or u/je as the one named."""
    for token in sentence:
        if abs(token.i - verb.i) > 6 or not is_detail_noun(token):
            continue
        owners = [t for t in sentence[max(0, token.i - sentence.start - 3) : token.i - sentence.start]]
        if any(owner.lower_ in ADDRESSEE_POSSESSIVES for owner in owners):
            if token.i + 1 < sentence.end and token.nbor(1).lower_ == "van":
                continue
            return token
    return None


def _addressee_subject(sentence: Span, verb: Token) -> Token | None:
    window = sentence.doc[max(sentence.start, verb.i - 2) : min(sentence.end, verb.i + 3)]
    for token in window:
        if token.lower_ in ADDRESSEE_PRONOUNS and token.i != verb.i:
            return token
    return None


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
            veilig="Ja, voor de tegenwoordige tijd ('was' wordt 'is', 'heette' wordt 'heet'): de vraag blijft "
            "dezelfde. De zin met de reden erbij is een voorstel dat u zelf afmaakt.",
        ),
        bad_examples=[
            "Wat was uw naam ook alweer?",
            "Hoe heette u?",
            "Wat was je postcode?",
            "en uw geboortedatum was",
            "wat was uw klantnummer",
        ],
        good_examples=[
            "Hoe was het weekend?",
            "Wat was de oorzaak van de storing?",
            "Wat is uw naam?",
            "Uw oude adres was Dorpsstraat 5, klopt dat?",
            "Ik heb de was al binnengehaald.",
            "Hoe heette uw vorige leverancier?",
        ],
    )
    triggers = frozenset(PRESENT_OF)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        for sentence in doc.sents:
            if not is_question(sentence) or any(t.lower_ in PAST_MARKERS for t in sentence):
                continue
            for verb in _past_verbs(sentence):
                detail = _addressee_detail(sentence, verb)
                if verb.lower_ in PAST_COPULA and detail is not None:
                    yield self._hit(sentence, verb, detail)
                    break
                if verb.lower_ in PAST_NAMING and detail is None:
                    subject = _addressee_subject(sentence, verb)
                    if subject is not None and (verb.lower_.startswith("heet") or _asks_where(sentence)):
                        yield self._hit(sentence, verb, subject)
                        break

    def _hit(self, sentence: Span, verb: Token, about: Token) -> Hit:
        informal = any(t.lower_ in ("je", "jij", "jouw") for t in sentence)
        present = PRESENT_OF[verb.lower_]
        if verb.lower_ == "woonde" and informal:
            present = "woon" if verb.i + 1 < sentence.end and verb.nbor(1).lower_ in ("je", "jij") else "woont"
        tense_fix = ProposedFix(
            replacement=match_case(present, verb.text, at_sentence_start=verb.i == sentence.start),
            start=verb.idx,
            end=verb.idx + len(verb),
            description=f"Vraag in de tegenwoordige tijd: '{present}' in plaats van '{verb.text}'.",
            safe=True,
        )
        noun = about.lower_ if about.lower_ not in ADDRESSEE_PRONOUNS else "naam"
        follow_up = (
            "Hoe spel ik die?"
            if noun in NAME_NOUNS
            else ("Wil je die nog een keer noemen?" if informal else "Wilt u die nog een keer noemen?")
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
            f"'{verb.text}' is verleden tijd, maar de {noun} van de beller geldt nog steeds. "
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
