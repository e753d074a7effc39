"""KL018 u-moet: commanding the customer with "u moet", "je moet" or "moet u".

The rule looks for a finite "moet" (or "moeten" with "jullie") whose *subject* is the addressee, in a
main clause that is not a question. Word order decides who the subject is, because Dutch is V2:
- "U moet ..." / "Je moet ...": the pronoun before the finite verb is the subject, unless it stands
  in a subordinate clause ("het formulier dat u moet invullen") or is an object ("dat ik u moet bellen").
- "Dan moet u ..." / "Die foto's moet u ...": with inversion the pronoun after the verb is the subject,
  unless the fronted word is itself a subject ("Ik moet u eerlijk zeggen", "De monteur moet u bellen").
Not a command: questions about what the customer needs ("Moet u vandaag nog weg?", "Wat moet u nog
doen?"), epistemic "moet" with a perfect infinitive ("U moet de brief inmiddels hebben ontvangen")
and "dat moet u zelf weten" (the choice is the customer's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.nlp.lexicon import (
    AGENT_NOUNS,
    CLAUSE_MARKS,
    LEAD_WORDS,
    QUESTION_WORDS,
    SENTENCE_END_MARKS,
    SEPARABLE_PARTICLES,
    SUBJECTS_BEFORE_OBJECT_U,
    SUBORDINATORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Addressee pronouns with the form of "moeten" they agree with and the request verb that replaces it.
AGREEMENT = {"u": "moet", "je": "moet", "jij": "moet", "jullie": "moeten"}
# Other finite verbs of an order: formal "u dient ... te ...", and "u zult ... moeten" (the order in the future).
OBLIGING = {"dient": "moet", "dienen": "moeten", "zult": "moet", "zal": "moet", "zul": "moet", "zullen": "moeten"}
FUTURE = frozenset({"zult", "zal", "zul", "zullen"})
# "U moet niets doen, wij regelen het": nothing to do is reassurance, not an order.
NOTHING = frozenset({"niets", "niks"})
REQUEST_VERB = {"u": "wilt", "je": "wil", "jij": "wil", "jullie": "willen"}
ADVICE_VERB = {"u": "kunt", "je": "kunt", "jij": "kunt", "jullie": "kunnen"}
ADVICE_VERB_INVERTED = {"u": "kunt", "je": "kun", "jij": "kun", "jullie": "kunnen"}
# Words that open a subordinate clause: there "u moet" states a condition or a fact, not an order.
SUBORDINATE_OPENERS = SUBORDINATORS | frozenset(
    "indien mits die wat waar wie welke hoe waarom waarmee waarvoor waarop waarin waaraan waarnaar waardoor".split()
)
# Adverbials that open a main clause before an inverted "moet u" ("Dan moet u ...", "Hier moet u ...").
TOPIC_ADVERBS = frozenset(
    "dan daar dat dit die deze hier eerst daarna daarvoor hiervoor daarmee hiermee daarom daarbij nu ook toch zo "
    "straks morgen vandaag vanavond vanmiddag voortaan dus soms altijd meestal anders misschien natuurlijk "
    "eigenlijk uiteraard vervolgens verder bovendien wellicht sowieso echt gewoon zeker wel".split()
)
# Particles that mark an unpunctuated verb-first clause as an instruction rather than a question.
INSTRUCTION_PARTICLES = frozenset({"wel", "eerst"})
# After these words a new main clause follows the comma, so the request can end there with "?".
MAIN_CLAUSE_OPENERS = frozenset({"anders", "dan", "daarna", "want", "dus"})
PERFECT_AUXILIARY_INFINITIVES = frozenset({"hebben", "zijn"})
# A past participle: (separable particle) + ge-/be-/ver-/ont-/her-/er- + stem + -d/-t/-en.
PARTICIPLE_SHAPE = re.compile(
    r"^(?:terug|door|mee|aan|af|bij|in|na|om|op|over|toe|uit|vast|voor|weg)?"
    r"(?:ge|be|ver|ont|her|er)[a-zëïü]{2,}(?:d|t|en)$"
)


# The cheap gate: "u moet", "moet je", "jullie moeten", ... as adjacent whole words (only whitespace between).
_ADDRESSEE_NEXT_TO_MOET = re.compile(
    r"(?<![^\W\d_])(?:(?:u|je|jij)\s+(?:moet|dient)|(?:moet|dient)\s+(?:u|je|jij)|jullie\s+(?:moeten|dienen)"
    r"|(?:moeten|dienen)\s+jullie)(?![^\W\d_])"
)
# "u zult ... moeten": the future form next to the addressee, and "moeten" later.
_ADDRESSEE_NEXT_TO_ZULT = re.compile(
    r"(?<![^\W\d_])(?:(?:u|je|jij)\s+(?:zult|zal|zul)|(?:zult|zal|zul)\s+(?:u|je|jij)|jullie\s+zullen"
    r"|zullen\s+jullie)(?![^\W\d_])"
)


def _is_participle(token: Token) -> bool:
    # By shape too: the tagger misreads participles in unpunctuated speech.
    return "VerbForm=Part" in str(token.morph) or bool(PARTICIPLE_SHAPE.match(token.lower_))


def _units(doc: Doc, punctuated: bool) -> list[Span]:
    """Sentences where the writer punctuated; unpunctuated speech is one unit, read with surface cues,
    because the parser's sentence breaks in transcripts are unreliable."""
    return list(doc.sents) if punctuated else [doc[:]]


def _clause_bounds(sentence: Span, verb: Token) -> tuple[int, int]:
    """Token range of the clause around `verb`: between clause punctuation inside the sentence."""
    start = verb.i
    while start > sentence.start and sentence.doc[start - 1].text not in CLAUSE_MARKS:
        start -= 1
    end = verb.i + 1
    while end < sentence.end and sentence.doc[end].text not in CLAUSE_MARKS | SENTENCE_END_MARKS:
        end += 1
    return start, end


def _front_start(doc: Doc, verb: Token, clause_start: int) -> int:
    """First token of the constituent before an inverted "moet" ("dan", "die foto's", "voor een nieuw paspoort")."""
    index = verb.i - 1
    if index < clause_start:
        return verb.i
    head = doc[index]
    if head.lower_ in TOPIC_ADVERBS:
        return index
    if head.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PART") or head.lower_ in LEAD_WORDS:
        return verb.i
    if head.pos_ in ("ADV", "ADJ") and head.lower_ not in TOPIC_ADVERBS:
        # "ik kijk even | moet u ...": "even" or "klaar" does not open a Dutch main clause, so a new clause
        # starts at "moet" (unpunctuated speech).
        return verb.i
    if head.pos_ in ("NOUN", "PROPN") or head.lower_.endswith("'s"):
        # Extend over the noun phrase and a preposition that governs it.
        while (
            index - 1 >= clause_start
            and (doc[index - 1].pos_ in ("DET", "ADJ", "NUM", "PRON") or doc[index - 1].lower_ in QUESTION_WORDS)
            and (doc[index - 1].lower_ not in AGREEMENT)
        ):
            index -= 1
        if index - 1 >= clause_start and doc[index - 1].pos_ == "ADP":
            index -= 1
    return index


def _repeat_start(doc: Doc, index: int, stop: int) -> int:
    """First token of the run of repetitions ending at `index` ("u u moet" in transcripts), not before `stop`."""
    while index > stop and doc[index - 1].lower_ == doc[index].lower_:
        index -= 1
    return index


def _repeat_end(doc: Doc, index: int, stop: int) -> int:
    """Last token of the run of repetitions starting at `index` ("moet moet u"), before `stop`."""
    while index + 1 < stop and doc[index + 1].lower_ == doc[index].lower_:
        index += 1
    return index


def _leading_words_end(doc: Doc, start: int, stop: int) -> int:
    while start < stop and (doc[start].lower_ in LEAD_WORDS or doc[start].is_punct):
        start += 1
    return start


class UMoet(Rule):
    info = RuleInfo(
        code="KL018",
        name="u-moet",
        severity="info",
        summary="De klant een opdracht geven met 'u moet', 'je moet' of 'moet u'.",
        default=False,
        group="gesprek",
        opt_in_reason="Op echte teksten juist, maar driekwart van de meldingen was het herschrijven niet waard: "
        "in FAQ en brieven is 'je moet' meestal een echte voorwaarde.",
        rationale="'U moet' klinkt als een bevel; een verzoek of een uitleg werkt beter en de klant doet het even "
        "goed.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker zegt de klant wat hij moet doen: 'U moet eerst de meterstand doorgeven', "
            "'Dan moet je de router opnieuw opstarten'.",
            waarom="'Moeten' klinkt als een bevel van bovenaf. De klant voelt zich betutteld en gaat eerder in de "
            "verdediging. Een verzoek ('Wilt u ...?') of een uitleg ('Het werkt het best als u ...') geeft dezelfde "
            "informatie en laat de klant de keuze.",
            voorbeeld="U moet eerst de meterstand doorgeven.\nDan moet je de router opnieuw opstarten.\n"
            "Eerst moet u uw pas blokkeren via de app.",
            beter="Wilt u eerst de meterstand doorgeven?\nWil je de router opnieuw opstarten?\n"
            "Het werkt het best als u eerst uw pas blokkeert via de app.",
            veilig="Nee. Van een verplichting een verzoek maken verandert de toon, en soms de inhoud: bij een "
            "echte termijn ('binnen veertien dagen betalen') wilt u misschien uitleggen wat er gebeurt als het niet "
            "lukt. klantlint stelt een herschrijving voor, maar past die alleen toe als u daarom vraagt.",
        ),
        bad_examples=[
            "U moet eerst de meterstand doorgeven.",
            "Dan moet u de router opnieuw opstarten.",
            "je moet de stekker er even uit halen",
            "Die foto's moet u per mail opsturen.",
            "Moet u wel even de oude meterstand op een briefje zetten.",
        ],
        good_examples=[
            "Ik moet nog bij mijn collega navragen hoe het zit.",
            "U hoeft niets te doen.",
            "Moet u vandaag nog weg? Dan plan ik de monteur morgen in.",
            "Wilt u de router opnieuw opstarten?",
            "Ik moet u eerlijk zeggen dat de levering een week later komt.",
            "Het formulier dat u moet invullen, stuur ik u vandaag toe.",
            "U moet de brief inmiddels hebben ontvangen.",
        ],
    )
    triggers = frozenset({"moet", "moeten", "dient", "dienen"})
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        # `check` needs an addressee pronoun as the token right before or after an agreeing "moet(en)" or
        # "dient/dienen", or next to "zult/zal/zullen" with "moeten" in the text.
        if self.triggers.isdisjoint(found):
            return False
        lowered = text.lower()
        if _ADDRESSEE_NEXT_TO_MOET.search(lowered) is not None:
            return True
        return "moeten" in found and _ADDRESSEE_NEXT_TO_ZULT.search(lowered) is not None

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        polite_in_text = any(t.lower_ in ("u", "uw") for t in doc)
        punctuated = any(t.text in SENTENCE_END_MARKS for t in doc)
        for sentence in _units(doc, punctuated):
            for verb in sentence:
                if verb.lower_ not in ("moet", "moeten") and not self._obliging(sentence, verb):
                    continue
                if _repeat_start(doc, verb.i, sentence.start) != verb.i:
                    continue  # a stutter ("moet moet") is read once, at its first "moet"
                found = self._addressee_subject(sentence, verb, punctuated)
                if found is None:
                    continue
                pronoun, inverted = found
                # Generic "je" ("dan moet je maar afwachten") in a text that addresses the customer with "u".
                if pronoun.lower_ != "u" and pronoun.lower_ != "jullie" and polite_in_text:
                    continue
                if self._not_a_command(sentence, verb, pronoun):
                    continue
                yield self._hit(sentence, verb, pronoun, inverted)

    def _obliging(self, sentence: Span, verb: Token) -> bool:
        """ "dient" with "te" + infinitive later in the clause, or "zult/zal" with "moeten" later in it."""
        if verb.lower_ not in OBLIGING:
            return False
        _, clause_end = _clause_bounds(sentence, verb)
        later = [t.lower_ for t in sentence.doc[verb.i + 1 : clause_end]]
        if verb.lower_ in FUTURE:
            return "moeten" in later
        return "te" in later

    def _addressee_subject(self, sentence: Span, verb: Token, punctuated: bool) -> tuple[Token, bool] | None:
        """The addressee pronoun that is the subject of `verb`, and whether the order is inverted."""
        doc = sentence.doc
        clause_start, _ = _clause_bounds(sentence, verb)
        before = doc[verb.i - 1] if verb.i > sentence.start else None
        # Transcripts repeat words: "moet moet u" is read as "moet u", "u u moet" as "u moet".
        after_index = _repeat_end(doc, verb.i, sentence.end) + 1
        after = doc[after_index] if after_index < sentence.end else None
        form = OBLIGING.get(verb.lower_, verb.lower_)
        if before is not None and before.i >= clause_start and AGREEMENT.get(before.lower_) == form:
            # "U moet ...": the pronoun must open a main clause, not follow a subject or a subordinator.
            pronoun_start = _repeat_start(doc, before.i, clause_start)
            previous = doc[pronoun_start - 1] if pronoun_start > clause_start else None
            if previous is None or previous.lower_ in LEAD_WORDS - {"of"}:
                return before, False
            subordinate = previous.lower_ in SUBORDINATE_OPENERS or previous.lower_ in SUBJECTS_BEFORE_OBJECT_U
            # A noun before "u" is the subject of a subordinate clause ("dat de monteur u moet bellen").
            if subordinate or previous.pos_ in ("NOUN", "PROPN", "PRON", "DET"):
                return None
            return before, False
        if after is None or AGREEMENT.get(after.lower_) != form:
            return None
        first = _leading_words_end(doc, clause_start, verb.i)
        if first == verb.i:
            return self._verb_first(sentence, after, punctuated)
        front_start = _front_start(doc, verb, clause_start)
        if front_start == verb.i:
            return self._verb_first(sentence, after, punctuated)
        # "Welk formulier moet u invullen?": a question about the customer's situation.
        if any(t.lower_ in QUESTION_WORDS for t in doc[front_start : verb.i]):
            return None
        fronted = doc[verb.i - 1]
        if fronted.lower_ in SUBJECTS_BEFORE_OBJECT_U or fronted.lower_ in SUBORDINATE_OPENERS - {"dat", "die", "wat"}:
            return None
        if fronted.pos_ in ("NOUN", "PROPN") and (
            fronted.lemma_.lower() in AGENT_NOUNS
            or fronted.lower_ in AGENT_NOUNS
            or fronted.pos_ == "PROPN"
            or (fronted.dep_ == "nsubj" and after.dep_ in ("obj", "iobj"))
        ):
            return None
        return after, True

    def _verb_first(self, sentence: Span, pronoun: Token, punctuated: bool) -> tuple[Token, bool] | None:
        """Verb first is a yes/no question ("Moet u vandaag nog weg?") unless it is said as an instruction."""
        if any(t.text == "?" for t in sentence):
            return None
        rest = sentence.doc[pronoun.i : sentence.end]
        if not punctuated and not any(t.lower_ in INSTRUCTION_PARTICLES for t in rest):
            return None
        return pronoun, True

    def _not_a_command(self, sentence: Span, verb: Token, pronoun: Token) -> bool:
        _, clause_end = _clause_bounds(sentence, verb)
        verb_end = _repeat_end(sentence.doc, verb.i, clause_end)
        rest = [t for t in sentence.doc[verb_end + 1 : clause_end] if t.i != pronoun.i]
        lowers = [t.lower_ for t in rest]
        # Epistemic "moet" + perfect infinitive: a supposition, not an order.
        if any(word in PERFECT_AUXILIARY_INFINITIVES for word in lowers) and any(_is_participle(t) for t in rest):
            return True
        # "Dan moet u de afdeling schade hebben": "moeten hebben" is needing something, not an order.
        verbs = [t for t in rest if t.pos_ in ("VERB", "AUX") or t.lower_ == "hebben"]
        if verbs and verbs[-1].lower_ == "hebben":
            return True
        # "U moet niets doen, wij regelen het": there is nothing for the customer to do.
        if lowers[:1] and lowers[0] in NOTHING:
            return True
        # "Dat moet u zelf weten": the decision is left to the customer.
        return any(a == "zelf" and b in ("weten", "bepalen", "beslissen") for a, b in pairwise(lowers))

    def _hit(self, sentence: Span, verb: Token, pronoun: Token, inverted: bool) -> Hit:
        doc = sentence.doc
        clause_start, clause_end = _clause_bounds(sentence, verb)
        # A stutter ("u u moet", "moet moet u") belongs to the finding and to its rewrite.
        first = min(_repeat_start(doc, pronoun.i, clause_start), verb.i)
        last = max(pronoun.i, _repeat_end(doc, verb.i, clause_end))
        message = (
            f"'{doc[first : last + 1].text}' klinkt als een bevel aan de klant. "
            "Maak er een verzoek of een uitleg van: 'Wilt u ...?' of 'Het werkt het best als u ...'."
        )
        return Hit(
            doc[first].idx, doc[last].idx + len(doc[last]), message, self._fixes(sentence, verb, pronoun, inverted)
        )

    def _fixes(self, sentence: Span, verb: Token, pronoun: Token, inverted: bool) -> tuple[ProposedFix, ...]:
        """'Dan moet u de router herstarten.' -> 'Wilt u dan de router herstarten?' / 'Dan kunt u het best ...'"""
        doc = sentence.doc
        who = pronoun.lower_
        clause_start, clause_end = _clause_bounds(sentence, verb)
        if inverted:
            start = _front_start(doc, verb, _leading_words_end(doc, clause_start, verb.i))
        else:
            start = _repeat_start(doc, pronoun.i, clause_start)
        front = doc[start : verb.i].text if inverted else ""
        rest_tokens = list(doc[max(_repeat_end(doc, verb.i, clause_end), pronoun.i) + 1 : clause_end])
        if verb.lower_ in OBLIGING:
            rest_tokens = [t for t in rest_tokens if t.lower_ != "moeten"]
        # Modal particles of an order ("u moet wel/maar ...") do not fit a request or advice.
        if rest_tokens and rest_tokens[0].lower_ == "maar":
            rest_tokens = rest_tokens[1:]
        rest = _without_te(rest_tokens) if verb.lower_ in OBLIGING else "".join(t.text_with_ws for t in rest_tokens)
        rest = rest.strip()
        plain = [t for t in rest_tokens if t.lower_ != "wel"]
        plain_rest = (_without_te(plain) if verb.lower_ in OBLIGING else "".join(t.text_with_ws for t in plain)).strip()
        end = doc[clause_end - 1].idx + len(doc[clause_end - 1])
        request_end = end
        capital = doc[start].text[:1].isupper()
        # A statement that becomes a request ends with a question mark; unpunctuated speech stays unpunctuated.
        stop = advice_stop = ""
        if clause_end < sentence.end and doc[clause_end].text in (".", "!"):
            stop, advice_stop = "?", doc[clause_end].text
            end = request_end = doc[clause_end].idx + 1
        elif (
            clause_end + 1 < sentence.end
            and doc[clause_end].text == ","
            and doc[clause_end + 1].lower_ in MAIN_CLAUSE_OPENERS
            and sentence[-1].text in (".", "!")
        ):
            # "..., anders vervalt de garantie." -> "...? Anders vervalt de garantie."
            following = doc[clause_end + 1]
            stop, request_end = "? " + following.text[:1].upper(), following.idx + 1
        elif clause_end == sentence.end and len(rest) > 1 and rest[-1] in ".!" and rest[-2].isalpha():
            # The tokenizer sometimes keeps the full stop on the last word ("via de app.").
            stop, advice_stop, rest, plain_rest = "?", rest[-1], rest[:-1], plain_rest[:-1]
        pronoun_text = "u" if who == "u" else pronoun.text.lower()
        lowered_front = front if not front or doc[start].pos_ == "PROPN" else front[:1].lower() + front[1:]
        request = " ".join(part for part in (f"{REQUEST_VERB[who]} {pronoun_text}", lowered_front, rest) if part)
        # Verb-first after a fronted clause keeps the inversion ("Als het lampje rood is, kunt u het best ...").
        keeps_inversion = bool(front) or (inverted and start > sentence.start and doc[start - 1].text == ",")
        if keeps_inversion:
            advice = " ".join(part for part in (front, ADVICE_VERB_INVERTED[who], pronoun_text, "het best") if part)
        else:
            advice = f"{pronoun_text} {ADVICE_VERB[who]} het best"
        advice = " ".join(part for part in (advice, plain_rest) if part) + advice_stop
        return (
            ProposedFix(_cased(request, capital) + stop, doc[start].idx, request_end, "Vraag het als verzoek."),
            ProposedFix(_cased(advice, capital), doc[start].idx, end, "Maak van de verplichting een advies."),
        )


def _without_te(tokens: list[Token]) -> str:
    """ "het formulier in te vullen" -> "het formulier invullen": "dient ... te" becomes a bare infinitive."""
    pieces: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.lower_ == "te" and following is not None and following.pos_ in ("VERB", "AUX"):
            if pieces and tokens[index - 1].lower_ in SEPARABLE_PARTICLES and index > 0:
                pieces[-1] = tokens[index - 1].text  # the particle joins the verb: "in" + "vullen"
                pieces.append("\x00")
            continue
        pieces.append(token.text_with_ws)
    return "".join(pieces).replace("\x00", "")


def _cased(text: str, capital: bool) -> str:
    return text[:1].upper() + text[1:] if capital else text[:1].lower() + text[1:]
