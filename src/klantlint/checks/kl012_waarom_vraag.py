"""KL012 waarom-vraag: a "waarom" question to the customer ("Waarom wilt u opzeggen?", "Mag ik vragen waarom ...?")."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import uses_je
from klantlint.nlp.domain import AUX_LEMMAS
from klantlint.nlp.lexicon import (
    ADDRESS_PRONOUNS,
    DISCOURSE_OPENERS,
    FIRST_PERSON,
    NEGATIONS,
    SEPARABLE_PARTICLES,
    SUBJECT_PRONOUNS,
)
from klantlint.nlp.spans import punctuation_runs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Only "waarom": "waarvoor" asks the purpose ("Waarvoor belt u?"), and "Waarvoor mag ik u helpen?" is the standard
# Flemish offer of help.
WHY = frozenset({"waarom"})
# After "waarom" in a direct question: "Waarom niet?", "Waarom dan?", "waarom eigenlijk ...".
BARE_FOLLOWERS = frozenset({"niet", "dan", "toch", "eigenlijk", "nou", "nu", "zo", "precies"})
CUSTOMER_POSSESSIVES = frozenset({"uw", "jouw", "jullie", "jou", "uzelf", "jezelf"})
# The agent asks the customer for the reason: "Mag ik vragen waarom ...", "Ik ben benieuwd waarom ...".
ASKING = frozenset({"vragen", "vraag", "vraagt", "vroeg", "afvragen", "benieuwd", "nieuwsgierig"})
# The customer is asked to give the reason: "Kunt u vertellen waarom ...?", "Weet u waarom ...?".
TELLING = frozenset(
    "vertellen vertel vertelt uitleggen leg legt zeggen zeg zegt aangeven geef geeft toelichten weet weten "
    "verklaren aan".split()
)
# "Waarom niet? Ik regel het meteen.": a bare "waarom niet" followed by a yes is agreement, not a question.
AGREEMENT_OPENERS = frozenset(
    "prima goed natuurlijk uiteraard zeker graag akkoord absoluut ok oké tuurlijk doen komt".split()
)
AGREEING_PHRASES = (("dat", "kan"), ("dat", "is", "goed"), ("dat", "doen", "we"), ("dat", "regel"), ("dat", "mag"))
# A question the agent answers right away is an explanation: "Waarom is het duurder? Dat komt door ...".
ANSWER_OPENERS = (
    ("dat", "komt"),
    ("omdat",),
    ("de", "reden"),
    ("dat", "is", "omdat"),
    ("het", "komt"),
    ("dit", "komt"),
)
NOUN_MARKERS = frozenset({"uw", "je", "jouw", "de", "die", "deze", "een", "haar", "zijn", "hun"})
MODAL_LEMMAS = frozenset({"willen", "kunnen", "moeten", "mogen", "zullen", "gaan"})
MODAL_FORMS = frozenset(form for form, lemma in AUX_LEMMAS.items() if lemma in MODAL_LEMMAS)
FINITE_FORMS = frozenset(form for form in AUX_LEMMAS if not form.startswith("ge") and form != "zijnde")


def _words(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if not (t.is_punct or t.is_space)]


def _is_finite(token: Token) -> bool:
    if "Fin" in token.morph.get("VerbForm"):
        return True
    return token.lower_ in FINITE_FORMS and token.pos_ in ("AUX", "VERB")


def _clause_start(why: Token, run: Span) -> bool:
    """Whether "waarom" opens its clause: first in the sentence (after openers) or after a comma."""
    before = run.doc[run.start : why.i]
    last = next((t for t in reversed(before) if not t.is_space), None)
    if last is None or last.text in (",", ";", ":", "–", "—"):
        return True
    # A stutter ("waarom waarom heb je ...") repeats the word: the last one opens the question.
    return all(t.lower_ in DISCOURSE_OPENERS or t.lower_ in WHY for t in _words(before))


def _direct_question(why: Token, run: Span) -> bool:
    """ "Waarom wilt u ...?", "waarom is dat", "Waarom niet?": verb-second right after "waarom", or nothing."""
    after = _words(run.doc[why.i + 1 : run.end])
    if not after:
        return True
    first = after[0]
    if first.lower_ in BARE_FOLLOWERS:
        return True
    if first.lower_ in SUBJECT_PRONOUNS or first.lower_ in NOUN_MARKERS:
        return False  # "waarom u belt", "waarom de monteur ...": a subordinate clause, verb last
    # Inversion ("waarom twijfelt u", "waarom bel je") shows a question even where the tagger misses the verb.
    second = after[1] if len(after) > 1 else None
    if second is not None and second.lower_ in SUBJECT_PRONOUNS:
        return True
    return _is_finite(first)


def _answered_at_once(run: Span, following: Span | None) -> bool:
    """A rhetorical question the agent answers right after it is an explanation, not a question to the customer."""
    if following is None:
        return False
    words = tuple(t.lower_ for t in _words(following)[:3])
    return any(words[: len(opener)] == opener for opener in ANSWER_OPENERS)


def _heading_answered(index: int, runs: list[Span]) -> bool:
    """ "Waarom vragen jullie mijn postcode? We tonen de winkel bij u in de buurt. De postcode bewaren we niet.": a
    question that opens the text and is followed by at least two statements is a heading that the text answers (as
    on a FAQ page); nobody waits for the customer's reason. A why-question to the customer ends the turn, or
    has one sentence after it ("Waarom wilt u opzeggen? Dan kijk ik wat ik kan doen.")."""
    if any(_words(run) for run in runs[:index]):
        return False
    answer = list(islice((run for run in runs[index + 1 :] if _words(run)), 2))
    return len(answer) == 2 and all(run[-1].text in ".!" for run in answer)


def _about_a_thing(why: Token, run: Span) -> bool:
    """ "Waarom is deze app belangrijk?", "Waarom duurt de levering langer?": a question about a thing, as a FAQ
    heading asks it, does not ask the customer to justify a choice. It names a thing (a noun) and nobody as the
    customer ("u", "je", "uw", ...); "Waarom is dat?" and "Waarom wilt u de app niet?" stay questions to them."""
    after = _words(run.doc[why.i + 1 : run.end])
    if any(t.lower_ in ADDRESS_PRONOUNS or t.lower_ in CUSTOMER_POSSESSIVES for t in after):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in after[1:])


def _agrees(why: Token, run: Span, following: Span | None) -> bool:
    """ "Waarom niet? Ik regel het meteen.", "Waarom niet, dat kan zeker.": the agent says yes to a proposal.

    Only a bare "waarom niet"; what follows (in the same run or the next sentence) agrees or is the agent
    acting on it ("ik regel", "we doen"), without a negation.
    """
    after = _words(run.doc[why.i + 1 : run.end])
    if [t.lower_ for t in after[:1]] != ["niet"]:
        return False
    # Unpunctuated transcripts run the reply on: "waarom niet ik zet het meteen klaar".
    reply = after[1:] or (_words(following) if following is not None else [])
    words = [t.lower_ for t in reply]
    if not words or NEGATIONS & set(words):
        return False
    if words[0] in AGREEMENT_OPENERS or any(tuple(words[: len(p)]) == p for p in AGREEING_PHRASES):
        return True
    # "Ik regel het meteen", "We zetten het vandaag nog door": the agent acts on it.
    return words[0] in FIRST_PERSON and len(reply) > 1 and _is_finite(reply[1]) and "?" not in {t.text for t in reply}


def _is_question(run: Span) -> bool:
    """A '?' at the end, or verb-first order ("Mag ik vragen ...", "kunt u vertellen ...")."""
    if any(t.text == "?" for t in run):
        return True
    words = [t for t in _words(run) if t.lower_ not in DISCOURSE_OPENERS]
    return len(words) >= 2 and _is_finite(words[0]) and words[1].lower_ in SUBJECT_PRONOUNS


def _indirect_question(why: Token, run: Span) -> bool:
    """ "Mag ik vragen waarom ...", "Kunt u vertellen waarom ...?", "ik ben benieuwd waarom u ...".

    Not the agent explaining ("Ik leg u uit waarom ...", "Zal ik uitleggen waarom ...?") and not the
    customer's own question reported back ("u vraagt zich af waarom ...", "uw vraag waarom ...").
    """
    before = _words(run.doc[run.start : why.i])
    if not before:
        return False
    determined = len(before) > 1 and (before[-2].pos_ == "DET" or before[-2].lower_ in NOUN_MARKERS)
    noun_question = before[-1].lower_ in ("vraag", "vragen") and (before[-1].pos_ == "NOUN" or determined)
    if before[-1].lower_ == "reden" or noun_question:
        return False  # "uw vraag waarom ...", "de reden waarom ..."
    words = [t.lower_ for t in before]
    agent_speaks = any(w in FIRST_PERSON for w in words)
    after = _words(run.doc[why.i + 1 : run.end])
    about_customer = bool(after) and after[0].lower_ in ADDRESS_PRONOUNS
    if any(w in ASKING for w in words[-4:]):
        # The agent asks the customer ("Mag ik vragen waarom ...?", "ik ben benieuwd waarom u ..."), not a
        # third party ("Ik vraag de monteur waarom hij ..."), nor muses ("ik vraag me af waarom de levering ...").
        return agent_speaks and (about_customer or _is_question(run))
    if any(w in TELLING for w in words[-4:]):
        # The customer is to tell ("Kunt u vertellen waarom ...?", "Vertel eens waarom ..."); with "ik" or
        # "we" in it the agent is the one explaining ("Zal ik u uitleggen waarom ...?").
        if agent_speaks:
            return False
        return (any(w in ADDRESS_PRONOUNS for w in words) and _is_question(run)) or words[0] in TELLING
    return False


def _wat_maakt_dat(why: Token, run: Span, informal: bool) -> tuple[int, int, str] | None:
    """Rewrite a direct "waarom"-question as "Wat maakt dat ...?": (start, end, replacement) or None."""
    doc = run.doc
    words = _words(doc[why.i + 1 : run.end])
    question_end = next((t.i for t in doc[why.i + 1 : run.end] if t.text in (",", ";", ":", "?", ".", "!")), run.end)
    words = [t for t in words if t.i < question_end]
    capital = why.text[:1].isupper()
    if not words or words[0].lower_ in BARE_FOLLOWERS:
        # "Waarom niet?" asks what holds the customer back; a bare "Waarom (dan)?" asks for the reason.
        you = "je" if informal else "u"
        negated = any(t.lower_ == "niet" for t in words)
        replacement = f"Wat houdt {you} tegen" if negated else f"Wat is voor {'jou' if informal else 'u'} de reden"
        last = words[-1] if words else why
        return why.idx, last.idx + len(last), replacement if capital else replacement[0].lower() + replacement[1:]
    verb = words[0]
    rest = words[1:]
    if not rest or rest[0].lower_ not in SUBJECT_PRONOUNS:
        return None
    subject = rest[0]
    middle = rest[1:]
    verb_text = _agreeing(verb.text.lower(), subject.lower_)
    # The finite verb goes before the first infinitive or participle ("dat u niet eerder heeft gebeld",
    # "dat u zo lang heeft gewacht met bellen"), else to the end, where it joins a separable particle
    # ("dat u het contract opzegt").
    modal = verb.lemma_ in MODAL_LEMMAS or verb.lower_ in MODAL_FORMS
    slot = _verb_slot(middle, modal)
    # "daar ... voor" is a split pronominal adverb, not a particle: "dat u daar niet voor kiest".
    split_adverb = any(t.lower_ in ("daar", "er", "hier", "waar") for t in middle)
    lexical = not modal and verb.lower_ not in FINITE_FORMS  # "ben je thuis" has no particle
    joins = slot == len(middle) and middle and middle[-1].lower_ in SEPARABLE_PARTICLES and not split_adverb and lexical
    if joins:
        pieces = [t.text for t in middle[:-1]] + [middle[-1].text.lower() + verb_text]
    else:
        pieces = [t.text for t in middle[:slot]] + [verb_text] + [t.text for t in middle[slot:]]
    if verb.lemma_ == "zijn" and not middle:
        pieces = ["zo", verb_text]  # "Waarom is dat?" -> "Wat maakt dat dat zo is?"
    clause = " ".join([subject.text, *pieces])
    replacement = f"{'Wat' if capital else 'wat'} maakt dat {clause}"
    last = words[-1]
    return why.idx, last.idx + len(last), replacement


def _verbal(token: Token, previous: Token | None) -> bool:
    """An infinitive or participle of the verb cluster; "met bellen" or "het bellen" is a noun."""
    if previous is not None and previous.pos_ in ("ADP", "DET"):
        return False
    forms = token.morph.get("VerbForm")
    if "Inf" in forms or "Part" in forms:
        return True
    return token.lower_.startswith("ge") and token.pos_ == "VERB" and "Fin" not in forms


def _verb_slot(middle: list[Token], modal: bool) -> int:
    """Where the finite verb goes in the subordinate clause: before the verb cluster, else at the end."""
    for index, token in enumerate(middle):
        previous = middle[index - 1] if index else None
        following = middle[index + 1] if index + 1 < len(middle) else None
        if token.lower_ == "te" and following is not None and _verbal(following, None):
            return index  # "te stoppen"
        if token.lower_ != "te" and _verbal(token, previous):
            return index
    # After a modal the last word ending in -en is its infinitive, even where the tagger calls it a noun.
    if modal and middle and middle[-1].lower_.endswith("en"):
        previous = middle[-2] if len(middle) > 1 else None
        if previous is None or previous.pos_ not in ("ADP", "DET"):
            return len(middle) - 1
    return len(middle)


def _agreeing(verb: str, subject: str) -> str:
    """The verb form after a subject: "wil je" -> "je wilt", "heb je" -> "je hebt"; others stay as they are."""
    if subject not in ("je", "jij") or verb.endswith("t") or verb in ("kan", "mag", "zal", "zou", "moet", "wou"):
        return verb
    if verb in ("kun", "zul"):
        return verb + "t"
    if verb in ("ga", "sta", "sla"):
        return verb + "at"
    return verb + "t"


class WhyQuestion(Rule):
    info = RuleInfo(
        code="KL012",
        name="waarom-vraag",
        severity="info",
        summary="Een 'waarom'-vraag aan de klant ('Waarom wilt u opzeggen?').",
        rationale="Een vraag met 'waarom' zet de klant in de verdediging: hij moet zich verantwoorden. Vraag "
        "open naar de reden: 'Wat maakt dat ...?'.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker vraagt de klant 'waarom': 'Waarom wilt u opzeggen?', 'Waarom heeft u "
            "niet eerder gebeld?', 'Mag ik vragen waarom u wilt stoppen?'.",
            waarom="Een waarom-vraag klinkt als een verwijt en zet de ander in de verdediging: de klant moet zijn "
            "keuze rechtvaardigen. Zeker bij een bezwaar of een opzegging sluit dat het gesprek in plaats van het "
            "te openen.",
            voorbeeld="Waarom wilt u opzeggen?\nWaarom heeft u de meterstand niet doorgegeven?\nMag ik vragen "
            "waarom u het abonnement wilt stoppen?",
            beter="Vraag open en zonder verwijt naar de reden: 'Wat maakt dat u wilt opzeggen?', 'Wat is voor u "
            "de belangrijkste reden om over te stappen?'. Of erken het bezwaar eerst: 'Dat is logisch.'",
            vlaanderen="'Waarvoor' vraagt daar naar het doel, niet naar een rechtvaardiging: 'Waarvoor mag ik u "
            "helpen?' en 'Waarvoor belt u?' zijn gewone, vriendelijke vragen. Vraag naar de reden van een keuze "
            "zoals hierboven: 'Wat maakt dat u wilt opzeggen?'",
            veilig="Nee: klantlint zet de vraag om naar 'Wat maakt dat ...?', maar de woordvolgorde van de "
            "bijzin kan haperen en de toon beoordeelt u zelf. Het voorstel wordt alleen met --unsafe toegepast.",
        ),
        bad_examples=[
            "Waarom wilt u opzeggen?",
            "Waarom heeft u niet eerder gebeld?",
            "waarom wil je overstappen",
            "Mag ik vragen waarom u het abonnement wilt stoppen?",
            "Waarom niet?",
        ],
        good_examples=[
            "Ik leg u uit waarom de rekening hoger is.",
            "Wat maakt dat u wilt opzeggen?",
            "Waarom dat zo is, leg ik u graag uit.",
            "Dat is precies de reden waarom ik u bel.",
            "Waarom de rekening hoger is? Dat komt door de nieuwe tarieven.",
            "u vraagt zich af waarom het bedrag omhoog ging dat komt door de nieuwe tarieven",
        ],
    )
    triggers = frozenset(WHY)
    needs = "tags"  # reads no dependency tree

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        spans = punctuation_runs(doc)
        for index, run in enumerate(spans):
            following = spans[index + 1] if index + 1 < len(spans) else None
            for why in run:
                if why.lower_ not in WHY:
                    continue
                following_word = next((t for t in run.doc[why.i + 1 : run.end] if not t.is_space), None)
                if following_word is not None and following_word.lower_ in WHY:
                    continue  # a stutter: the repeated word is judged
                direct = _clause_start(why, run) and _direct_question(why, run)
                if direct and (
                    _answered_at_once(run, following)
                    or _agrees(why, run, following)
                    or _about_a_thing(why, run)
                    or _heading_answered(index, spans)
                ):
                    continue
                if not direct and not _indirect_question(why, run):
                    continue
                yield self._hit(why, run, direct)
                break

    def _hit(self, why: Token, run: Span, direct: bool) -> Hit:
        informal = uses_je(run)
        fixes: list[ProposedFix] = []
        rewrite = _wat_maakt_dat(why, run, informal) if direct else _from_indirect(why, run)
        if rewrite is not None:
            start, end, replacement = rewrite
            first = _stutter_start(why)
            if direct and first.i < why.i:
                # "Waarom, waarom wilt u ...?": the rewrite replaces the repeated words too.
                start = first.idx
                initial = replacement[:1].upper() if first.text[:1].isupper() else replacement[:1]
                replacement = initial + replacement[1:]
            fixes.append(
                ProposedFix(replacement, start, end, "Vraag open naar de reden: 'Wat maakt dat ...?'.", safe=False)
            )
        else:
            fallback = "Wat maakt dat je daarvoor kiest" if informal else "Wat maakt dat u daarvoor kiest"
            words = _words(run)
            fixes.append(
                ProposedFix(
                    fallback,
                    words[0].idx,
                    words[-1].idx + len(words[-1]),
                    "Vraag open naar de reden, zonder 'waarom'.",
                    safe=False,
                )
            )
        return Hit(
            start=why.idx,
            end=why.idx + len(why),
            message="Een 'waarom'-vraag zet de klant in de verdediging. Vraag open naar de reden: 'Wat maakt dat "
            "...?'.",
            fixes=tuple(fixes),
        )


def _stutter_start(why: Token) -> Token:
    """The first of a run of repeated "waarom"s ending at `why` (commas between them allowed)."""
    first = why
    index = why.i - 1
    while index >= 0 and (why.doc[index].lower_ in WHY or why.doc[index].text == "," or why.doc[index].is_space):
        if why.doc[index].lower_ in WHY:
            first = why.doc[index]
        index -= 1
    return first


def _from_indirect(why: Token, run: Span) -> tuple[int, int, str] | None:
    """ "Mag ik vragen waarom u ...?" -> "Wat maakt dat u ...?": the clause after "waarom" is already verb-last."""
    words = _words(run.doc[run.start : why.i])
    content = [t for t in words if t.lower_ not in DISCOURSE_OPENERS]
    if not content:
        return None
    start = content[0]
    capital = start.text[:1].isupper()
    end = why.idx + len(why)
    replacement = f"{'Wat' if capital else 'wat'} maakt dat"
    # A statement that asked indirectly ("Ik ben benieuwd waarom ...") becomes a question.
    last = run[-1]
    if last.text == "." and not any(t.text == "?" for t in run):
        tail = run.doc.text[end : last.idx]
        return start.idx, last.idx + 1, replacement + tail + "?"
    return start.idx, end, replacement
