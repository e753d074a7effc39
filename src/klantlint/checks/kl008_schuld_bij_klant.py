"""KL008 schuld-bij-klant: the agent blames the customer.

Blame in Dutch has a few recognisable shapes, each keyed on *who* is the subject:
- a counterfactual reproach with the customer as subject: "dan had u het zelf maar moeten doen",
  "u had beter kunnen wachten", "had u de bezorger maar niet weggestuurd", "als u de voorwaarden had
  gelezen, had u dit geweten" (with "ik"/"wij"/"mijn collega" as subject it is owning a mistake);
- fault words pinned on the customer: "uw eigen schuld", "uw fout", "het ligt aan u", "aan uzelf te danken"
  (negated, "het is niet uw schuld", they take the blame away);
- the customer as the one who did it wrong: "dat heeft u verkeerd gedaan", "u heeft het verkeerde formulier
  ingevuld" (not "u bent verkeerd doorverbonden", where someone else acted);
- "zoals ik al zei", "dat heb ik u al gezegd": the agent reminds the customer that they did not listen.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, GateCue, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import deletion_fix
from klantlint.nlp.lexicon import (
    ADDRESS_POSSESSIVES,
    ADDRESS_PRONOUNS,
    CLAUSE_OR_SENTENCE_MARKS,
    DETERMINERS,
    FIRST_PERSON,
    HEBBEN_FORMS,
    LEAD_WORDS,
    NEGATIONS,
    SENTENCE_END_MARKS,
    SINGULAR_INFORMAL_ADDRESS,
    SUBJECTS_BEFORE_OBJECT_U,
)
from klantlint.nlp.surface import chunk_start, ends_word_chunk, in_order, searchable, splits_full_stop

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

REFLEXIVE_ADDRESSEE = frozenset({"uzelf", "jezelf", "jouzelf"})
COUNTERFACTUAL_AUX = {"had": ("u", "je", "jij"), "hadden": ("jullie",)}
OPTATIVE_AUX = {"had": ("u", "je", "jij"), "hadden": ("jullie",), "was": ("u", "je", "jij"), "waren": ("jullie",)}
MODAL_INFINITIVES = frozenset({"moeten", "kunnen"})
# Verbs of receiving or undergoing: "u had een brief moeten krijgen" is the organisation's failure, not the
# customer's ("krijgen" also covers "terugkrijgen", "toegestuurd krijgen").
UNDERGOING_VERBS = frozenset(
    {"krijgen", "ontvangen", "hebben", "zijn", "worden", "horen", "wachten", "meemaken", "ervaren", "betalen"}
)
# Words that make a counterfactual about the customer's own choice ("u had beter/zelf/maar ...").
CHOICE_MARKERS = frozenset({"beter", "zelf", "maar", "liever"})
FAULT_NOUNS = frozenset({"schuld", "fout", "fouten", "verantwoordelijkheid"})
ERROR_WORDS = frozenset({"verkeerd", "verkeerde", "fout", "foute", "foutief", "foutieve", "onjuist", "onjuiste"})
SAY_VERBS = frozenset(
    "zei zeiden zeg zeggen gezegd vertelde vertelden vertel verteld uitlegde uitlegden uitgelegd leg legde "
    "aangaf aangegeven aangeven noemde genoemd meldde gemeld schreef geschreven".split()
)
REPETITION_MARKERS = frozenset({"al", "toch", "reeds"})
CONDITIONAL_OPENERS = frozenset({"als", "indien", "wanneer"})
COUNTERFACTUAL_FINITE = frozenset({"had", "hadden", "was", "waren", "zou", "zouden"})
WINDOW = 12
# A past participle: (separable particle) + ge-/be-/ver-/ont-/her-/er- + stem + -d/-t/-en.
PARTICIPLE_SHAPE = re.compile(
    r"^(?:terug|door|mee|aan|af|bij|in|na|om|op|over|toe|uit|vast|voor|weg)?"
    r"(?:(?:ge|be|ver|ont|her|er)[a-zëïü]{2,}(?:d|t|en)|(?:ge|ver|ont|be)(?:d|g|st|sl)aan)$"
)

OWN_IT = {"u": "Ik kijk nu met u hoe we dit oplossen", "je": "Ik kijk nu met je hoe we dit oplossen"}
HELP_FIX = {"u": "Ik help u het nu goed te regelen", "je": "Ik help je het nu goed te regelen"}
EXPLAIN_AGAIN = "Ik leg het graag nog een keer uit"


@dataclass(frozen=True)
class Blame:
    """One finding: the words that blame, the stretch a rewrite replaces, and the kind of blame."""

    start: int  # token indices of the blaming words
    end: int
    rewrite_start: int
    rewrite_end: int
    kind: str  # "counterfactual", "fault", "wrong", "reminder", "reminder-clause"


def _units(doc: Doc) -> list[Span]:
    """Sentences where the writer punctuated; unpunctuated speech is read as one unit with surface cues."""
    if any(t.text in SENTENCE_END_MARKS for t in doc):
        return list(doc.sents)
    return [doc[:]]


def _clause(unit: Span, index: int) -> tuple[int, int]:
    """The token range of the clause around `index`: between the nearest clause or sentence marks in `unit`."""
    breaks = _clause_breaks(unit)
    before = bisect_left(breaks, index)
    start = breaks[before - 1] + 1 if before else unit.start
    after = bisect_right(breaks, index)
    end = breaks[after] if after < len(breaks) else unit.end
    return start, end


@lru_cache(maxsize=8)
def _clause_breaks(unit: Span) -> list[int]:
    """The positions of the marks in `unit` that end a clause, found once per unit (not once per word asked about,
    which costs time quadratic in a long unpunctuated unit)."""
    return [token.i for token in unit if token.text in CLAUSE_OR_SENTENCE_MARKS]


def _after_lead_words(doc: Doc, start: int, stop: int) -> int:
    while start < stop and (doc[start].lower_ in LEAD_WORDS or doc[start].is_punct):
        start += 1
    return start


def _is_question(unit: Span) -> bool:
    return any(t.text == "?" for t in unit)


def _undergoing(token: Token) -> bool:
    lemma = token.lemma_.lower() or token.lower_
    return lemma in UNDERGOING_VERBS or token.lower_ in UNDERGOING_VERBS or lemma.endswith("krijgen")


def _negated(tokens: Iterable[Token]) -> bool:
    return any(t.lower_ in NEGATIONS for t in tokens)


def _subject_before(doc: Doc, index: int, clause_start: int) -> bool:
    """Whether the word before `index` is a subject, which makes a following "u" an object ("ik u")."""
    if index <= clause_start:
        return False
    previous = doc[index - 1]
    # A noun phrase ("mijn collega", "de monteur"), recognised by its determiner when the tagger is unsure.
    determined = index - 2 >= clause_start and doc[index - 2].lower_ in DETERMINERS
    return previous.lower_ in SUBJECTS_BEFORE_OBJECT_U or previous.pos_ in ("NOUN", "PROPN") or determined


def _counterfactual(unit: Span) -> Iterator[Blame]:
    """ "(dan) had u het zelf maar moeten doen", "u had beter kunnen wachten", "had u ... maar ..."."""
    doc = unit.doc
    for aux in unit:
        pronouns = OPTATIVE_AUX.get(aux.lower_)
        if pronouns is None:
            continue
        clause_start, clause_end = _clause(unit, aux.i)
        before = doc[aux.i - 1] if aux.i > clause_start else None
        after = doc[aux.i + 1] if aux.i + 1 < clause_end else None
        if after is not None and after.lower_ in pronouns:
            subject = after  # "dan had u": inverted, unless the fronted word is the subject ("ik had u")
            if _subject_before(doc, aux.i, clause_start):
                continue
        elif before is not None and before.lower_ in pronouns and not _subject_before(doc, before.i, clause_start):
            subject = before
        else:
            continue
        rest = list(doc[max(aux.i, subject.i) + 1 : clause_end])
        modal = next((t for t in rest if t.lower_ in MODAL_INFINITIVES), None)
        first = _after_lead_words(doc, clause_start, aux.i)
        # The consequence of a condition ("als u het had ontvangen, had u het kunnen invullen") is no reproach;
        # a reproach in the condition itself is found by `_conditional`.
        if any(t.lower_ in CONDITIONAL_OPENERS for t in doc[unit.start : aux.i]):
            continue
        if modal is not None and aux.lower_ in COUNTERFACTUAL_AUX:
            verbs = [t for t in rest if t.i > modal.i and t.pos_ in ("VERB", "AUX")] or rest[-1:]
            # "U had niet zo lang moeten wachten" sympathises; "u had beter kunnen wachten" judges a choice.
            chose = any(t.lower_ in CHOICE_MARKERS for t in rest)
            if verbs and _undergoing(verbs[-1]) and not chose:
                continue
        elif first == aux.i and any(t.lower_ == "maar" for t in rest) and not _is_question(unit):
            # Verb-first "Had u ... maar ...": a wish about what the customer should have done.
            pass
        else:
            continue
        # The rewrite starts at the fronted word ("dan", "daar"); "ja", "maar" before it stay.
        rewrite_start = subject.i if subject.i < aux.i else _after_lead_words(doc, clause_start, aux.i)
        last = modal if modal is not None else next(t for t in rest if t.lower_ == "maar")
        yield Blame(
            min(aux.i, subject.i),
            last.i + 1,
            rewrite_start,
            clause_end,
            "counterfactual",
        )


def _conditional(unit: Span) -> Iterator[Blame]:
    """ "Als u de voorwaarden had gelezen, had u dit geweten": a counterfactual condition on the customer."""
    doc = unit.doc
    for opener in unit:
        if opener.lower_ not in CONDITIONAL_OPENERS or opener.i + 1 >= unit.end:
            continue
        subject = doc[opener.i + 1]
        if subject.lower_ not in ADDRESS_PRONOUNS:
            continue
        window = doc[subject.i + 1 : min(unit.end, subject.i + WINDOW)]
        aux = next((t for t in window if t.lower_ in ("had", "hadden")), None)
        if aux is None:
            continue
        participles = [t for t in doc[subject.i + 1 : min(unit.end, aux.i + 2)] if _participle(t) and t.i != aux.i]
        if not participles or _undergoing(participles[-1]) or _negated(doc[subject.i : aux.i]):
            continue
        # The main clause must be counterfactual too ("had u ...", "was het ...", "zou ...").
        if not any(t.lower_ in COUNTERFACTUAL_FINITE for t in doc[aux.i + 1 : unit.end]):
            continue
        start = _after_lead_words(doc, unit.start, opener.i)
        end = unit.end
        while end > start and doc[end - 1].text in SENTENCE_END_MARKS:
            end -= 1
        last = aux.i + 1 if aux.i + 1 < unit.end and _participle(doc[aux.i + 1]) else aux.i
        yield Blame(opener.i, last + 1, start, end, "counterfactual")


def _participle(token: Token) -> bool:
    # By shape as well as by tag: the tagger misreads participles in speech ("ingetypt" as a foreign word).
    return "VerbForm=Part" in str(token.morph) or bool(PARTICIPLE_SHAPE.match(token.lower_))


def _fault(unit: Span) -> Iterator[Blame]:
    """ "uw eigen schuld", "dat is uw fout", "het ligt aan u", "aan uzelf te danken", "dat komt door uzelf"."""
    doc = unit.doc
    if _is_question(unit):
        return
    for token in unit:
        span = _fault_words(unit, token)
        if span is None:
            continue
        clause_start, clause_end = _clause(unit, token.i)
        if _negated(doc[clause_start:clause_end]):
            continue
        start, end = span
        yield Blame(start, end, _after_lead_words(doc, clause_start, start), clause_end, "fault")


def _fault_words(unit: Span, token: Token) -> tuple[int, int] | None:
    doc = unit.doc
    word = token.lower_
    if word in FAULT_NOUNS and token.i - 1 > unit.start:
        own = doc[token.i - 1].lower_ == "eigen"
        owner = doc[token.i - 2] if own else doc[token.i - 1]
        if owner.lower_ not in ADDRESS_POSSESSIVES or (word == "verantwoordelijkheid" and not own):
            return None
        # "uw schuld" is also a debt ("uw schuld bedraagt 300 euro"): blame only with "eigen" or as the
        # predicate of "is/was" ("dat is (echt) uw schuld").
        copula = any(t.lower_ in ("is", "was", "blijft") for t in doc[max(unit.start, owner.i - 3) : owner.i])
        return (owner.i, token.i + 1) if own or copula else None
    if word in REFLEXIVE_ADDRESSEE and token.i > unit.start:
        previous = doc[token.i - 1].lower_
        following = [t.lower_ for t in doc[token.i + 1 : min(unit.end, token.i + 3)]]
        if previous == "aan" and following[:1] == ["te"] and following[1:2] in (["danken"], ["wijten"]):
            return token.i - 1, token.i + 3
        if previous == "door":  # "dat komt door uzelf"
            return token.i - 1, token.i + 1
        return None
    followed_by_addressee = token.i + 2 < unit.end and doc[token.i + 2].lower_ in ADDRESS_PRONOUNS | REFLEXIVE_ADDRESSEE
    if word == "ligt" and followed_by_addressee and doc[token.i + 1].lower_ == "aan":
        return token.i, token.i + 3
    return None


def _error_word(doc: Doc, token: Token) -> tuple[int, int] | None:
    """ "verkeerd", "fout", "onjuist", or "niet goed/juist/correct": the words that say it went wrong."""
    if token.lower_ in ERROR_WORDS:
        return token.i, token.i + 1
    if token.lower_ in ("goed", "juist", "correct") and token.i > 0 and doc[token.i - 1].lower_ == "niet":
        return token.i - 1, token.i + 1
    return None


def _did_it_wrong(unit: Span) -> Iterator[Blame]:
    """ "Dat heeft u verkeerd gedaan", "u heeft het verkeerde formulier ingevuld", "je doet het fout"."""
    doc = unit.doc
    if _is_question(unit):
        return
    for token in unit:
        error = _error_word(doc, token)
        if error is None:
            continue
        clause_start, clause_end = _clause(unit, token.i)
        clause = list(doc[clause_start:clause_end])
        subject = _addressee_subject(doc, clause, clause_start)
        if subject is None or _negated(doc[clause_start : error[0]]):
            continue
        # Someone else acted ("u bent verkeerd doorverbonden"): a form of "zijn"/"worden" makes it passive.
        if any(t.lower_ in ("ben", "bent", "is", "word", "wordt", "werd") for t in clause):
            continue
        verbs = [t for t in clause if _main_verb_candidate(t, subject, error)]
        # The customer received it wrong ("u heeft een verkeerde factuur gekregen"): not the customer's doing.
        if not verbs or _undergoing(verbs[-1]):
            continue
        finite = [t for t in clause if "VerbForm=Fin" in str(t.morph) and t.i != subject.i]
        start = min(subject.i, error[0], *(t.i for t in finite[:1]))
        end = max(error[1], verbs[-1].i + 1)
        yield Blame(start, end, _after_lead_words(doc, clause_start, start), clause_end, "wrong")
        return


def _main_verb_candidate(token: Token, subject: Token, error: tuple[int, int]) -> bool:
    if token.i == subject.i or error[0] <= token.i < error[1] or token.lower_ in HEBBEN_FORMS:
        return False
    return token.pos_ in ("VERB", "AUX") or _participle(token)


def _finite(token: Token) -> bool:
    return "VerbForm=Fin" in str(token.morph) or token.lower_ in HEBBEN_FORMS


def _addressee_subject(doc: Doc, clause: list[Token], clause_start: int) -> Token | None:
    """ "u"/"je" next to the finite verb of the clause, as subject (not "ik heb u ...")."""
    for index, token in enumerate(clause):
        if token.lower_ not in ADDRESS_PRONOUNS:
            continue
        previous = clause[index - 1] if index > 0 else None
        following = clause[index + 1] if index + 1 < len(clause) else None
        finite_before = previous is not None and _finite(previous)
        finite_after = following is not None and _finite(following)
        if finite_before and not _subject_before(doc, previous.i, clause_start):
            return token
        if finite_after and (previous is None or previous.lower_ in LEAD_WORDS or previous.pos_ in ("ADV", "SCONJ")):
            return token
    return None


def _reminder(unit: Span) -> Iterator[Blame]:
    """ "Zoals ik al zei, ...", "zoals ik u net uitlegde: ...", "dat heb ik u toch al gezegd"."""
    doc = unit.doc
    for token in unit:
        if token.lower_ == "zoals" and token.i + 1 < unit.end and doc[token.i + 1].lower_ in FIRST_PERSON:
            window = doc[token.i + 2 : min(unit.end, token.i + 7)]
            say = next((t for t in window if t.lower_ in SAY_VERBS), None)
            if say is None or any(t.is_punct for t in doc[token.i : say.i]):
                continue
            end = say.i + 1
            # "zoals ik al heb gezegd" / "zoals ik u al had uitgelegd": take the participle too.
            while end < unit.end and (doc[end].lower_ in SAY_VERBS or doc[end].lemma_ in ("hebben", "zijn")):
                end += 1
            yield Blame(token.i, end, token.i, end, "reminder")
        elif token.lower_ in SAY_VERBS and token.lower_ not in ("zeggen", "vertellen", "uitleggen", "aangeven"):
            clause_start, clause_end = _clause(unit, token.i)
            clause = doc[clause_start:clause_end]
            words = {t.lower_ for t in clause}
            said_it_before = words & REPETITION_MARKERS and words & FIRST_PERSON
            # Said to the customer ("dat heb ik u al gezegd") or insisted on ("ik zei het toch"), not to a colleague.
            to_customer = words & {"u", "je", "jou"} or "toch" in words
            third_party = any(
                t.lower_ in ("tegen", "aan")
                and t.i + 1 < clause_end
                and doc[t.i + 1].lower_ not in ADDRESS_PRONOUNS | {"jou"}
                for t in clause
            )
            if not said_it_before or not to_customer or third_party or "zoals" in words or _is_question(unit):
                continue
            start = _after_lead_words(doc, clause_start, token.i)
            last = max([token.i, *(t.i for t in clause if t.lower_ in REPETITION_MARKERS)])
            yield Blame(start, last + 1, start, clause_end, "reminder-clause")
            return


def _delete_reminder(words: Span) -> ProposedFix:
    """Drop "zoals ik al zei" with the punctuation that belongs to it.

    Up front, `deletion_fix` also restores the word order ("Zoals ik al zei, kan dat niet" -> "Dat kan niet");
    in the middle ("De monteur komt, zoals ik al zei, dinsdag") the commas around it go too.
    """
    doc = words.doc
    description = "Laat 'zoals ik al zei' weg: de boodschap blijft dezelfde."
    after = doc[words.end] if words.end < len(doc) else None
    if after is not None and after.text in (":", "-", "–"):
        return deletion_fix(doc[words.start : words.end + 1], description, safe=True)
    before = doc[words.start - 1] if words.start > 0 else None
    if before is not None and before.text == "," and after is not None and after.text == ",":
        return ProposedFix("", before.idx, after.idx + 1, description, safe=True)
    return deletion_fix(words, description, safe=True)


class SchuldBijKlant(Rule):
    info = RuleInfo(
        code="KL008",
        name="schuld-bij-klant",
        severity="warning",
        summary="De klant de schuld geven ('dan had u het zelf maar moeten doen', 'zoals ik al zei').",
        rationale="Wie de klant verwijten maakt, beledigt de persoon van wie u uw brood verdient; het probleem "
        "is er niet minder om.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker legt de schuld bij de klant: 'Dan had u het zelf maar moeten doen', "
            "'Dat is uw eigen schuld', 'Dat heeft u verkeerd gedaan', of herinnert de klant eraan dat hij niet "
            "luisterde: 'Zoals ik al zei'.",
            waarom="Een verwijt lost niets op en de klant voelt zich dom gezet. Hij gaat in de verdediging, en het "
            "gesprek gaat over schuld in plaats van over de oplossing. Fouten van uw eigen kant benoemt u wel: "
            "'Dat had ik moeten zien' werkt juist goed.",
            voorbeeld="Dan had u het zelf maar moeten doen.\nDat is uw eigen schuld.\n"
            "Zoals ik al zei, de monteur komt dinsdag.",
            beter="Ik kijk nu met u hoe we dit oplossen.\nDat is vervelend; ik help u het nu goed te regelen.\n"
            "De monteur komt dinsdag.",
            veilig="Alleen 'zoals ik al zei' weglaten is veilig: de boodschap blijft dezelfde. Een verwijt vervangen "
            "door een oplossing vraagt kennis van het gesprek; dat voorstel past klantlint niet vanzelf toe.",
        ),
        bad_examples=[
            "Dan had u het zelf maar moeten doen.",
            "Dat is uw eigen schuld.",
            "U had beter moeten opletten bij het afsluiten van het contract.",
            "Zoals ik al zei, de monteur komt dinsdag.",
            "Dat heeft u verkeerd gedaan.",
            "Als u de voorwaarden had gelezen, had u dit geweten.",
        ],
        good_examples=[
            "Dat had ik moeten zien.",
            "Dat is niet uw schuld; de brief had duidelijker moeten zijn.",
            "Zoals u al zei, begon de storing gisteren.",
            "Nee, u heeft niets verkeerd gedaan.",
            "Mijn collega had u gisteren moeten terugbellen; dat pak ik nu op.",
            "U had gisteren een bevestiging moeten ontvangen.",
            "Uw eigen risico is dit jaar 385 euro.",
        ],
    )
    triggers = frozenset(
        {"had", "hadden", "was", "waren", "zoals", "ligt", "goed", "juist", "correct", *REFLEXIVE_ADDRESSEE}
        | FAULT_NOUNS
        | ERROR_WORDS
        | (SAY_VERBS - {"zeggen", "vertellen", "uitleggen", "aangeven"})
    )
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def cues(self) -> tuple[GateCue, ...]:
        """A trigger, and the words `_words_may_blame` needs, as whole words the trigger scan finds: `_BLAME_WORD`
        finds them as runs of word characters, so no letter or digit touches them."""
        return (GateCue(words=self.triggers), *(GateCue(words=words) for words in _BLAME_CUES))

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """The shapes of blame, from the characters: each finder's words in one clause (see `_may_blame`)."""
        if self.triggers.isdisjoint(found):
            return False
        return _may_blame(text)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        informal = any(t.lower_ in SINGULAR_INFORMAL_ADDRESS for t in doc) and not any(
            t.lower_ in ("u", "uw") for t in doc
        )
        taken: set[int] = set()
        for unit in _units(doc):
            for finder in (_reminder, _conditional, _counterfactual, _fault, _did_it_wrong):
                for blame in finder(unit):
                    if taken & set(range(blame.start, blame.end)):
                        continue
                    taken.update(range(blame.start, blame.end))
                    yield self._hit(unit, blame, informal)

    def _hit(self, unit: Span, blame: Blame, informal: bool) -> Hit:
        doc = unit.doc
        words = doc[blame.start : blame.end]
        start, end = words.start_char, words.end_char
        if blame.kind == "reminder":
            message = (
                f"'{words.text}' verwijt de klant dat hij niet luisterde. Laat het weg en zeg het gewoon nog een keer."
            )
            return Hit(start, end, message, (_delete_reminder(words),))
        form = "je" if informal else "u"
        if blame.kind == "reminder-clause":
            message = (
                f"'{words.text}' verwijt de klant dat hij niet luisterde. Leg het nog een keer uit, zonder verwijt."
            )
            replacement = EXPLAIN_AGAIN
        elif blame.kind == "counterfactual":
            message = (
                f"'{words.text}' legt de schuld bij de klant. Een verwijt achteraf helpt niemand: "
                "zoek samen met de klant naar de oplossing."
            )
            replacement = OWN_IT[form]
        else:
            message = (
                f"'{words.text}' legt de schuld bij de klant. Benoem wat er nu moet gebeuren en help de klant daarbij."
            )
            replacement = HELP_FIX[form]
        # The reproach and what hangs on it ("..., dan had ik ...") go; what came before stays.
        rewrite_end = blame.rewrite_end if blame.kind == "reminder-clause" else max(unit.end, blame.rewrite_end)
        while rewrite_end > blame.rewrite_start + 1 and doc[rewrite_end - 1].text in CLAUSE_OR_SENTENCE_MARKS:
            rewrite_end -= 1
        target = doc[blame.rewrite_start : rewrite_end]
        if target.text[:1].islower():
            replacement = replacement[:1].lower() + replacement[1:]
        target_end = target.end_char
        if len(target[-1]) > 1 and target[-1].text[-1] in ".!?":
            target_end -= 1  # the tokenizer kept the full stop on the last word ("al.")
        fix = ProposedFix(replacement, target.start_char, target_end, "Vervang het verwijt door hulp.", False)
        return Hit(start, end, message, (fix,))


# -- The gate (`SchuldBijKlant.may_fire`) -------------------------------------------------------------------------
# It reads the raw text. A *sure clause break* is a mark that the tokenizer always splits off and `_clause` always
# stops at: one of ,;:?!… after a chunk of letters, a full stop after a word that is no abbreviation, or a dash or
# bracket standing alone. A clause lies within one stretch between sure breaks, so each finder's words are looked
# for per stretch. Regex words are a superset of the tokens; to rule a clause out (a negation, a passive form),
# only a *sure word* counts (a chunk that is one run of letters, one token) in a stretch without any punctuation
# (then the stretch is one clause).
# A mark that ends its chunk: a sure clause break if the rest of its chunk is letters (a dash or bracket: if nothing).
_CHUNK_END_MARK = re.compile(r"[,;:?!….()–—](?!\S)")
_STANDING_ALONE = "()–—"
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\w+")
_PUNCTUATION = re.compile(r"[^\w\s]|\n")  # a mark may end a clause, a line break a sentence
_SENTENCE_MARK = re.compile(r"[.!?…\n]")
_SAID_BEFORE = SAY_VERBS - {"zeggen", "vertellen", "uitleggen", "aangeven"}
_ADDRESSEE_SUBJECTS = r"(?:u|je|jij)"
# "als u ... had ..., had/was/zou ...": the condition and a counterfactual main clause.
# (searched word by word with `in_order`: `A.*?B.*C` reads the rest of the text again from every A)
_CONDITION_ADDRESSEE = re.compile(r"\b(?:als|indien|wanneer)\s*+(?:u|je|jij|jullie)\b")
_HAD = re.compile(r"\b(?:had|hadden)\b")
_COUNTERFACTUAL_AUX = re.compile(r"\b(?:had|hadden|was|waren|zou|zouden)\b")
# The auxiliary right next to its subject: "had u", "u had", "hadden jullie", "jullie hadden", "was u".
_AUX_WITH_SUBJECT = re.compile(
    rf"\b(had|was){{s}}{_ADDRESSEE_SUBJECTS}\b|\b(hadden|waren){{s}}jullie\b"
    rf"|\b{_ADDRESSEE_SUBJECTS}{{s}}(had)\b|\bjullie{{s}}(hadden)\b".replace("{s}", r"\s*")
)
_FAULT_PHRASE = re.compile(
    r"\b(?:uw|je|jouw|jullie)\s*(eigen\s*)?(?:schuld|fout|fouten)\b|\b(?:uw|je|jouw|jullie)\s*eigen\s*verantwoordelijkheid\b"
    r"|\baan\s*(?:uzelf|jezelf|jouzelf)\s*te\s*(?:danken|wijten)\b|\bdoor\s*(?:uzelf|jezelf|jouzelf)\b"
    r"|\bligt\s*aan\s*(?:u|je|jij|jullie|uzelf|jezelf|jouzelf)\b"
)
_FAULT_COPULA = re.compile(r"\b(?:is|was|blijft)\b")
_ERROR = re.compile(rf"\b(?:{'|'.join(sorted(ERROR_WORDS))})\b|\bniet\s*(?:goed|juist|correct)\b")
_PASSIVE_FORMS = frozenset({"ben", "bent", "is", "word", "wordt", "werd"})
_PAST_AUX = frozenset({"had", "hadden", "was", "waren"})
_COUNTERFACTUAL_COMPLEMENTS = frozenset({"moeten", "kunnen", "maar"})
_JUDGEMENTS = frozenset({"goed", "juist", "correct"})
# Every word that `_may_blame` looks for in the whole text (each one run of word characters).
_BLAME_WORDS = (
    SAY_VERBS
    | REPETITION_MARKERS
    | FIRST_PERSON
    | FAULT_NOUNS
    | ADDRESS_POSSESSIVES
    | REFLEXIVE_ADDRESSEE
    | ADDRESS_PRONOUNS
    | _PAST_AUX
    | _COUNTERFACTUAL_COMPLEMENTS
    | CONDITIONAL_OPENERS
    | ERROR_WORDS
    | _JUDGEMENTS
    | {"zoals", "ligt", "aan", "niet"}
)


def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds each of `words` where it is a whole run of word characters (as `\\w+` would find it).
    The words are grouped by their first letter: the regex engine then tries a few alternatives at each word start,
    not all of them."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    return re.compile(rf"\b(?:{'|'.join(groups)})\b")


_BLAME_WORD = _whole_words(_BLAME_WORDS)
# `_words_may_blame` holds when one of its six shapes of words does (say: a verb of saying with "zoals" or with
# al/toch and ik; fault: a fault noun and uw/je; reflexive: uzelf; "ligt ... aan"; had/was with u and moeten/maar/als;
# u with an error word or with "niet" and goed/juist). So each of these, one part of every shape, holds too: the
# sets are the cues of the gate, for fast mode's first stage.
_BLAME_CUES = (
    SAY_VERBS
    | FAULT_NOUNS
    | REFLEXIVE_ADDRESSEE
    | {"aan"}
    | _COUNTERFACTUAL_COMPLEMENTS
    | CONDITIONAL_OPENERS
    | ERROR_WORDS
    | {"niet"},
    SAY_VERBS | FAULT_NOUNS | REFLEXIVE_ADDRESSEE | {"aan"} | ADDRESS_PRONOUNS,
)


def _may_blame(text: str) -> bool:
    """Whether `SchuldBijKlant.check` could find blame in `text` (a necessary condition)."""
    lowered = searchable(text)
    words = set(_BLAME_WORD.findall(lowered))  # the words of `_BLAME_WORDS` in the text
    if not _words_may_blame(words):
        return False
    if len(lowered) != len(text):
        return True  # lower-casing moved the offsets (rare Unicode): no finer test
    if "zoals" in words and _reminds_as_said(lowered):
        return True
    conditional = not words.isdisjoint(CONDITIONAL_OPENERS)
    if conditional and in_order(lowered, _CONDITION_ADDRESSEE, _HAD, _COUNTERFACTUAL_AUX) is not None:
        return True
    return any(_clause_may_blame(text, stretch, lowered) for stretch in _clause_stretches(text, lowered))


def _words_may_blame(words: set[str]) -> bool:
    """The words that some finder needs anywhere in the text (`words`: those of `_BLAME_WORDS` in it)."""
    if not words.isdisjoint(SAY_VERBS) and (
        "zoals" in words  # "zoals ik al zei"
        or (not words.isdisjoint(REPETITION_MARKERS) and not words.isdisjoint(FIRST_PERSON))  # "ik zei het al"
    ):
        return True
    if not words.isdisjoint(FAULT_NOUNS) and not words.isdisjoint(ADDRESS_POSSESSIVES):
        return True  # "uw eigen schuld"
    if not words.isdisjoint(REFLEXIVE_ADDRESSEE) or ("ligt" in words and "aan" in words):
        return True  # "aan uzelf te danken", "het ligt aan u"
    if words.isdisjoint(ADDRESS_PRONOUNS):
        return False
    if not words.isdisjoint(_PAST_AUX) and (
        not words.isdisjoint(_COUNTERFACTUAL_COMPLEMENTS) or not words.isdisjoint(CONDITIONAL_OPENERS)
    ):
        return True  # "had u ... moeten", "had u ... maar", "als u ... had ..., had u ..."
    return not words.isdisjoint(ERROR_WORDS) or ("niet" in words and not words.isdisjoint(_JUDGEMENTS))


def _reminds_as_said(lowered: str) -> bool:
    """ "zoals ik (u) al zei": "zoals", then ik/wij, then a verb of saying among the five tokens after it."""
    for match in re.finditer(r"\bzoals\s*(?:ik|wij|we)\b", lowered):
        following = lowered[match.end() :].split(maxsplit=5)[:5]
        if any(word in SAY_VERBS for chunk in following for word in _WORD.findall(chunk)):
            return True
    return False


def _clause_stretches(text: str, lowered: str) -> list[tuple[int, int]]:
    """`text` cut at its sure clause breaks (the marks left out), as (start, end) offsets."""
    stretches = []
    start = 0
    for match in _CHUNK_END_MARK.finditer(text):
        at = match.start()
        if match.group() in _STANDING_ALONE:
            if at and not text[at - 1].isspace():
                continue
        else:
            word_start = chunk_start(text, at)
            if not _LETTERS.fullmatch(text, word_start, at):
                continue
            if match.group() == "." and not splits_full_stop(text[word_start:at]):
                continue
        stretches.append((start, at))
        start = at + 1
    stretches.append((start, len(lowered)))
    return [(start, end) for start, end in stretches if end > start]


def _clause_may_blame(text: str, bounds: tuple[int, int], lowered: str) -> bool:
    start, end = bounds
    if _counterfactual_possible(lowered, start, end):
        return True
    if _in_question(lowered, start, end):
        return False  # `_reminder` (its second shape), `_fault` and `_did_it_wrong` skip questions
    clause = lowered[start:end]
    words = set(_WORD.findall(clause))
    # "dat heb ik u toch al gezegd": a verb of saying, "al/toch", the speaker, and the customer (or "toch").
    if (
        not words.isdisjoint(_SAID_BEFORE)
        and not words.isdisjoint(REPETITION_MARKERS)
        and not words.isdisjoint(FIRST_PERSON)
        and (not words.isdisjoint(("u", "je", "jou")) or "toch" in words)
    ):
        return True
    one_clause = _PUNCTUATION.search(clause) is None  # then the stretch is exactly one clause
    sure_words = clause.split() if one_clause else []
    negated = not NEGATIONS.isdisjoint(sure_words)
    if not negated and _FAULT_PHRASE.search(clause) and _fault_possible(lowered, start, end):
        return True
    if words.isdisjoint(ADDRESS_PRONOUNS) or not _PASSIVE_FORMS.isdisjoint(sure_words):
        return False
    for error in _ERROR.finditer(clause):
        if NEGATIONS.isdisjoint(clause[: error.start()].split() if one_clause else ()):
            return True
    return False


def _in_question(lowered: str, start: int, end: int) -> bool:
    """The clause in `lowered[start:end]` surely lies in a sentence that ends in a question mark (a token of its
    own): the first sentence mark or line break from `start` on is that question mark, after the stretch."""
    mark = _SENTENCE_MARK.search(lowered, start)
    if mark is None or mark.start() < end or mark.group() != "?":
        return False
    return ends_word_chunk(lowered, mark.start())


def _fault_possible(lowered: str, start: int, end: int) -> bool:
    """A fault phrase that blames: "eigen", a reflexive, "ligt aan", or "is/was/blijft" before "uw schuld"."""
    for match in _FAULT_PHRASE.finditer(lowered, start, end):
        possessive = match.group().startswith(("uw", "je", "jouw", "jullie"))
        if not possessive or match.group(1) or "verantwoordelijkheid" in match.group():
            return True
        if _FAULT_COPULA.search(lowered, 0, match.start()):
            return True
    return False


def _counterfactual_possible(lowered: str, start: int, end: int) -> bool:
    """ "had u ... moeten/kunnen", "u had ... moeten", "had/was u ... maar": no condition ("als") before it in
    its sentence, and no subject right before an inverted auxiliary ("ik had u ...")."""
    for match in _AUX_WITH_SUBJECT.finditer(lowered, start, end):
        aux_start = match.start(match.lastindex or 0)
        aux = match.group(match.lastindex or 0)
        rest = set(_WORD.findall(lowered[match.end() : end]))
        needs = {"moeten", "kunnen", "maar"} if aux in ("had", "hadden") else {"maar"}
        if rest.isdisjoint(needs) or _condition_before(lowered, aux_start):
            continue
        if match.start() == aux_start and _subject_right_before(lowered, aux_start):
            continue
        return True
    return False


def _condition_before(lowered: str, at: int) -> bool:
    """A conditional opener as a sure word (a whole chunk) before offset `at`, surely in the same sentence."""
    sentence_start = max((m.end() for m in _SENTENCE_MARK.finditer(lowered, 0, at)), default=0)
    chunks = lowered[sentence_start:at].split()
    if sentence_start and chunks and not lowered[sentence_start].isspace():
        chunks = chunks[1:]  # the rest of the chunk the mark was in
    return not CONDITIONAL_OPENERS.isdisjoint(chunks)


def _subject_right_before(lowered: str, at: int) -> bool:
    """ "ik had u", "mijn collega had u": a subject pronoun, or a determiner and a word, right before (single
    spaces between sure words, so the same clause)."""
    before = lowered[:at]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    chunks = before.split(" ")
    previous = chunks[-2] if len(chunks) >= 2 else ""
    if previous in SUBJECTS_BEFORE_OBJECT_U:
        return True
    return len(chunks) >= 3 and chunks[-3] in DETERMINERS and previous.isalpha()
