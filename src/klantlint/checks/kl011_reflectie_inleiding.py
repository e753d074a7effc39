"""KL011 reflectie-inleiding: a reflection wrapped in a formula ("Ik begrijp dat ...", "Ik hoor u zeggen dat ...")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import uses_je
from klantlint.nlp.domain import AUX_LEMMAS
from klantlint.nlp.lexicon import (
    ADDRESS_PRONOUNS_WITH_JOU,
    DETERMINERS,
    DISCOURSE_OPENERS,
    FIRST_PERSON,
    NEGATIONS,
    NOUN_ONLY_DETERMINERS,
)
from klantlint.nlp.spans import punctuation_runs
from klantlint.nlp.surface import ends_word_chunk, searchable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

UNDERSTAND = frozenset({"begrijp", "begrijpen", "begrijpt", "snap", "snappen"})
HEAR = frozenset({"hoor", "hoorde", "horen"})
# What may stand between the formula's verb and "dat" without changing what it is: degree words and
# "van u" (the source is the customer). "uit de notitie" or "uw vraag" make it something else.
MODIFIERS = frozenset(
    "goed heel erg best natuurlijk helemaal echt wel ook volkomen volledig zeker absoluut heus zo ontzettend prima "
    "uiteraard me mij ons kan kunnen".split()
)
FORMULA_OPENERS = DISCOURSE_OPENERS | {"ach"}
# After "dat" these words show "dat" is the object ("ik begrijp dat wel"), not the start of a clause.
OBJECT_DAT_FOLLOWERS = MODIFIERS | frozenset({"niet", "allemaal", "best", "volkomen", "precies", "even", "toch"})
CLAUSE_END = frozenset({",", ";", ":", ".", "?", "!", "…", "–", "—"})
EMBEDDED_CLAUSE_OPENERS = frozenset(
    {"omdat", "als", "waar", "wanneer", "terwijl", "want", "doordat", "zodat", "nadat", "voordat"}
)
# These open a clause only when a subject follows ("die we stuurden"); else they are pronouns or link words.
CLAUSE_LINKS = frozenset({"dat", "die", "wat", "en", "maar", "of"})
# Prefixes of separable verbs ("opzegt", "vastloopt"); a verb starting with one is not moved (see below).
PARTICLE_PREFIXES = tuple(
    "terug samen binnen kapot thuis langs tegen vast open dicht neer weg mee aan af bij in los na op toe uit mis "
    "stil over door voor om onder achter rond".split()
)
PRONOUN_SUBJECTS = frozenset(
    "u je jij het dit dat hij zij ze we wij ik er niemand iemand alles iets niets niks jullie men die".split()
)
PARTICIPLES = frozenset(form for form, _ in AUX_LEMMAS.items() if form.startswith("ge") and form != "geweest") | {
    "geweest"
}
FINITE_AUX = frozenset(form for form in AUX_LEMMAS if form not in PARTICIPLES and form != "zijnde")
# "Ik begrijp uw frustratie": the formula names the feeling. The reflection says it as a statement about the
# customer: what follows the verb for u and for je ("U bent gefrustreerd", "Je maakt je zorgen").
FEELINGS: dict[str, tuple[str, str]] = {
    "frustratie": ("bent gefrustreerd", "bent gefrustreerd"),
    "frustraties": ("bent gefrustreerd", "bent gefrustreerd"),
    "ergernis": ("ergert zich", "ergert je"),
    "irritatie": ("bent geïrriteerd", "bent geïrriteerd"),
    "boosheid": ("bent boos", "bent boos"),
    "woede": ("bent boos", "bent boos"),
    "teleurstelling": ("bent teleurgesteld", "bent teleurgesteld"),
    "onvrede": ("bent ontevreden", "bent ontevreden"),
    "ongerustheid": ("bent ongerust", "bent ongerust"),
    "bezorgdheid": ("maakt zich zorgen", "maakt je zorgen"),
    "zorgen": ("maakt zich zorgen", "maakt je zorgen"),
    "ongenoegen": ("bent ontevreden", "bent ontevreden"),
}
POSSESSIVES = {"uw": "u", "je": "je", "jouw": "je"}


@dataclass(frozen=True)
class Formula:
    start: Token  # first token of the formula ("Ik", "Wat")
    end: Token  # its last token: the "dat" that opens the reflection (or "is" / ":" before it)


def _opens_clause(dat: Token, sentence: Span) -> bool:
    """Whether "dat" starts a subordinate clause ("dat u boos bent") rather than being an object ("dat wel")."""
    if dat.i + 1 >= sentence.end:
        return False
    following = dat.nbor(1)
    return not (following.is_punct or following.lower_ in OBJECT_DAT_FOLLOWERS)


def _understand_formula(token: Token, sentence: Span) -> Formula | None:
    """ "ik begrijp (heel goed) dat ...", "we begrijpen dat ...", "natuurlijk begrijp ik dat ..."."""
    doc = token.doc
    before = [t for t in doc[sentence.start : token.i] if not t.is_punct]
    start: Token | None = None
    if (before and before[-1].lower_ in FIRST_PERSON) or (
        len(before) >= 2 and before[-1].lower_ in ("kan", "kunnen") and before[-2].lower_ in FIRST_PERSON
    ):
        # "ik begrijp", "ik kan begrijpen" (with "me"/"goed" between allowed by MODIFIERS below)
        start = before[-1] if before[-1].lower_ in FIRST_PERSON else before[-2]
    elif token.i + 1 < sentence.end and token.nbor(1).lower_ in FIRST_PERSON:
        # Inverted: only after a fronted adverb ("Natuurlijk begrijp ik dat"); up front it is a check
        # question ("Begrijp ik goed dat ...?").
        content = [t for t in before if t.lower_ not in FORMULA_OPENERS]
        if not content or content[-1].lower_ in ("dat", "dit", "het", "wat", "hoe"):
            return None
        if token.i + 2 < sentence.end and token.nbor(2).lower_ in ("goed", "het"):
            return None
        # The formula starts at the fronted adverb ("(Heel) natuurlijk begrijp ik dat").
        start = content[-1]
        for earlier in reversed(content[:-1]):
            if earlier.lower_ not in MODIFIERS or earlier.i != start.i - 1:
                break
            start = earlier
    else:
        # "ik kan me goed begrijpen dat": speaker a few words back, only modifiers between
        start = _speaker_before(token, sentence, 5)
    if start is None:
        return None
    index = token.i + 1
    while index < sentence.end and (doc[index].lower_ in MODIFIERS or doc[index].lower_ in FIRST_PERSON):
        index += 1
    # "van u" / "van je": the customer is the source, which makes it a reflection too.
    if index + 1 < sentence.end and doc[index].lower_ == "van" and doc[index + 1].lower_ in ADDRESS_PRONOUNS_WITH_JOU:
        index += 2
    if index < sentence.end and doc[index].lower_ == "dat" and _opens_clause(doc[index], sentence):
        return Formula(start, doc[index])
    return None


def _hear_formula(token: Token, sentence: Span) -> Formula | None:
    """ "ik hoor u zeggen dat ...", "wat ik u hoor zeggen is dat ...", "ik hoor dat u ..."."""
    doc = token.doc
    before = [t.lower_ for t in doc[max(sentence.start, token.i - 3) : token.i]]
    after = [t.lower_ for t in doc[token.i + 1 : min(sentence.end, token.i + 5)]]
    if before[-1:] != ["ik"]:
        return None
    speaker = token.nbor(-1)
    if any(w in NEGATIONS for w in after[:3]):
        return None  # "ik hoor u niet goed" is about the line, not a reflection
    if after[:2] in ([a, "zeggen"] for a in ADDRESS_PRONOUNS_WITH_JOU) and len(after) >= 4:
        # "ik hoor u zeggen dat ...", or "ik hoor u zeggen: ..."
        opener = token.nbor(3)
        if opener.text == ":" or (opener.lower_ == "dat" and _opens_clause(opener, sentence)):
            return Formula(speaker, opener)
        return None
    if token.lower_ == "hoor" and len(after) >= 2 and after[0] == "dat" and after[1] in ("u", "je", "jij"):
        # "ik hoor dat u boos bent": the customer's own state ("ik hoor van ..." is a report)
        return Formula(speaker, token.nbor(1))
    return None


def _what_i_hear(token: Token, sentence: Span) -> Formula | None:
    """ "wat ik (u) hoor (zeggen), is (dat) ...", "wat ik (van u) begrijp, is dat ...": up to "is"/"dat"."""
    doc = token.doc
    before = [t for t in doc[max(sentence.start, token.i - 4) : token.i]]
    words = [t.lower_ for t in before]
    if words[-2:] == ["wat", "ik"]:
        start = before[-2]
    elif words[-3:-1] == ["wat", "ik"] and words[-1] in ADDRESS_PRONOUNS_WITH_JOU:
        start = before[-3]
    elif words[-4:-2] == ["wat", "ik"] and words[-2] == "van" and words[-1] in ADDRESS_PRONOUNS_WITH_JOU:
        start = before[-4]
    else:
        return None
    index = token.i + 1
    while index < sentence.end and (doc[index].lower_ == "zeggen" or doc[index].text == ","):
        index += 1
    if index >= sentence.end or doc[index].lower_ != "is":
        return None
    end = doc[index]
    if index + 1 < sentence.end and (doc[index + 1].lower_ == "dat" or doc[index + 1].text == ":"):
        end = doc[index + 1]
    return Formula(start, end)


def _speaker_before(token: Token, sentence: Span, reach: int) -> Token | None:
    """The speaker ("ik", "we") at most `reach` words before `token` in its sentence, with only modifiers between;
    None when another word comes first."""
    doc = token.doc
    for index in range(token.i - 1, max(sentence.start, token.i - reach) - 1, -1):
        word = doc[index].lower_
        if word in FIRST_PERSON:
            return doc[index]
        if word not in MODIFIERS:
            return None
    return None


def _feeling_formula(token: Token, sentence: Span) -> Formula | None:
    """ "ik begrijp uw frustratie", "we snappen je ergernis heel goed": the speaker, the verb of understanding and
    the customer's feeling by name."""
    doc = token.doc
    start = _speaker_before(token, sentence, 4)
    if start is None:
        return None
    index = token.i + 1
    while index < sentence.end and doc[index].lower_ in MODIFIERS:
        index += 1
    if index + 1 < sentence.end and doc[index].lower_ in POSSESSIVES and doc[index + 1].lower_ in FEELINGS:
        return Formula(start, doc[index + 1])
    return None


def find_formula(sentence: Span) -> Formula | None:
    for token in sentence:
        word = token.lower_
        if word not in UNDERSTAND and word not in HEAR:
            continue
        formula = _what_i_hear(token, sentence)
        if formula is not None:
            return formula
        if word in UNDERSTAND:
            formula = _understand_formula(token, sentence) or _feeling_formula(token, sentence)
        elif word in HEAR:
            formula = _hear_formula(token, sentence)
        else:
            continue
        if formula is not None:
            return formula
    return None


def _is_finite(token: Token) -> bool:
    if token.lower_ in PARTICIPLES:
        return False
    if "Fin" in token.morph.get("VerbForm"):
        return True
    return token.lower_ in FINITE_AUX and token.pos_ in ("AUX", "VERB")


def _subject_end(clause: list[Token]) -> int | None:
    """Index in `clause` just past its subject: a pronoun, or a determiner with its noun."""
    word = clause[0].lower_
    tags = [t.pos_ for t in clause[1:4]]
    noun_follows = tags[:1] in (["NOUN"], ["PROPN"]) or (tags[:1] == ["ADJ"] and tags[1:2] in (["NOUN"], ["PROPN"]))
    if word in NOUN_ONLY_DETERMINERS or (word in DETERMINERS and noun_follows):
        # An article always starts a noun phrase: skip its adjectives and take the next word, whatever its tag
        # (the tagger calls "pas" in "de pas" an adverb).
        index = 1
        while index < len(clause) - 1 and clause[index].pos_ == "ADJ":
            index += 1
        return index + 1 if index < len(clause) else None
    if word in PRONOUN_SUBJECTS:
        return 1
    if clause[0].pos_ in ("NOUN", "PROPN"):
        return 1
    return None


def _opens_embedded_clause(clause: list[Token], index: int) -> bool:
    """A subordinator, or a relative/coordinated clause start ("die we stuurden", "en de monteur ...")."""
    word = clause[index].lower_
    if word in EMBEDDED_CLAUSE_OPENERS:
        return True
    following = clause[index + 1] if index + 1 < len(clause) else None
    starts_subject = following is not None and (following.lower_ in PRONOUN_SUBJECTS or following.lower_ in DETERMINERS)
    return word in CLAUSE_LINKS and starts_subject


def _finite_index(clause: list[Token], after: int) -> int | None:
    """The finite verb of a simple verb-final clause, or None.

    Only a simple clause is rewritten: with an embedded clause before the verb ("de monteur die we
    stuurden ...") the rule falls back to a plainer suggestion rather than guess the word order.
    """
    scope: list[int] = []
    for index in range(after, len(clause)):
        if _opens_embedded_clause(clause, index):
            break
        scope.append(index)
    for index in scope:
        if _is_finite(clause[index]):
            return index
    for index in scope:
        # The tagger may miss the finite form but still see a verb.
        if clause[index].pos_ in ("VERB", "AUX") and not clause[index].morph.get("VerbForm"):
            return index
    # The tagger misses verbs in speech; in a verb-final clause the last word ending in -t/-de/-te is it.
    if scope and scope[-1] == len(clause) - 1:
        last = clause[-1]
        if last.lower_.endswith(("t", "de", "te", "den", "ten")) and last.pos_ not in ("DET", "PRON", "ADP"):
            return len(clause) - 1
    return None


def _may_be_separable(verb: Token) -> bool:
    """Whether the verb may be separable ("vastloopt" becomes "loopt ... vast" in a main clause).

    Without a verb lexicon "opzegt" (separable) and "opent" or "informeert" (not) look alike, so such
    clauses get the plainer suggestion instead of a guessed word order.
    """
    word = verb.lower_
    return word not in FINITE_AUX and any(word.startswith(p) and len(word) > len(p) + 2 for p in PARTICLE_PREFIXES)


def as_statement(clause: list[Token]) -> str | None:
    """Turn a verb-final clause ("dat u boos bent") into a main clause ("u bent boos"), or None."""
    if not clause:
        return None
    subject_end = _subject_end(clause)
    if subject_end is None or subject_end >= len(clause):
        return None
    head = clause[subject_end - 1].lower_
    if subject_end > 1 and clause[0].lower_ in PRONOUN_SUBJECTS and len(head) > 5 and head.endswith("end"):
        # "dat het frustrerend is": a present participle is the predicate, not a noun after "het",
        # whatever the tagger says.
        subject_end = 1
    finite = _finite_index(clause, subject_end)
    if finite is None or _may_be_separable(clause[finite]):
        return None
    doc = clause[0].doc
    subject = doc.text[clause[0].idx : clause[subject_end - 1].idx + len(clause[subject_end - 1])]
    middle = doc.text[clause[subject_end].idx : clause[finite].idx].strip() if finite > subject_end else ""
    rest = ""
    if finite + 1 < len(clause):
        rest = doc.text[clause[finite + 1].idx : clause[-1].idx + len(clause[-1])]
    return " ".join(part for part in (subject, clause[finite].text, middle, rest) if part)


def reflection_clause(formula: Formula, sentence: Span) -> list[Token]:
    """The words of the reflection after the formula, up to the end of its clause."""
    clause: list[Token] = []
    for token in sentence.doc[formula.end.i + 1 : sentence.end]:
        if token.text in CLAUSE_END:
            break
        if not token.is_space:
            clause.append(token)
    return clause


class ReflectionOpener(Rule):
    info = RuleInfo(
        code="KL011",
        name="reflectie-inleiding",
        severity="info",
        summary="Een reflectie verpakt in een formule: 'Ik begrijp dat ...', 'Ik hoor u zeggen dat ...'.",
        rationale="Een vaste inleiding klinkt als een trucje uit een training; de klant hoort de formule en niet "
        "het begrip. Zeg de reflectie zelf, kort, als uitspraak.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker verpakt een reflectie in een formule: 'Ik begrijp dat u boos bent', 'Ik "
            "hoor u zeggen dat de monteur niet is geweest', 'Wat ik u hoor zeggen is dat ...'.",
            waarom="Een reflectie laat de klant horen dat u luistert. Met een vaste inleiding ervoor klinkt het als "
            "een aangeleerde zin: de klant hoort de formule, niet het begrip. Kort en als uitspraak komt het wel "
            "aan.",
            voorbeeld="Ik begrijp dat u boos bent.\nIk hoor u zeggen dat de monteur niet is geweest.\nWat ik u hoor "
            "zeggen is dat de factuur te hoog is.",
            beter="Zeg de reflectie zelf, kort, als uitspraak: 'U bent boos.', 'De monteur is niet geweest.', 'U "
            "baalt ervan dat de factuur te hoog is.'",
            veilig="Nee: klantlint zet de bijzin om in een hoofdzin ('dat u boos bent' wordt 'U bent boos'), maar "
            "of dat de toon treft, beoordeelt u zelf. Het voorstel wordt alleen met --unsafe toegepast.",
        ),
        bad_examples=[
            "Ik begrijp dat u boos bent.",
            "Ik hoor u zeggen dat de monteur niet is geweest.",
            "Wat ik u hoor zeggen is dat de factuur te hoog is.",
            "ja ik begrijp dat het frustrerend is",
            "Ik hoor je zeggen dat je bestelling nog niet binnen is.",
        ],
        good_examples=[
            "Ik begrijp het.",
            "Ik begrijp uw vraag.",
            "Begrijp ik goed dat de pas het tot vrijdag deed?",
            "Ik begrijp uit de notitie dat de monteur dinsdag bij u was.",
            "ik hoor u niet zo goed",
            "U baalt ervan dat de monteur niet kwam.",
        ],
    )
    triggers = frozenset(UNDERSTAND | HEAR)
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """One of the formulas `find_formula` looks for, word for word, outside a question (see `_may_wrap`)."""
        if self.triggers.isdisjoint(found):
            return False
        return _may_wrap(searchable(text))

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        for sentence in punctuation_runs(doc):
            if any(t.text == "?" for t in sentence):
                continue  # "Ik begrijp dat u wilt opzeggen, klopt dat?" checks; it does not wrap a reflection
            formula = find_formula(sentence)
            if formula is None:
                continue
            yield Hit(
                start=formula.start.idx,
                end=formula.end.idx + len(formula.end),
                message=f"'{sentence.doc.text[formula.start.idx : formula.end.idx + len(formula.end)]}' is een "
                "formule voor een reflectie. Zeg de reflectie zelf, kort, als uitspraak.",
                fixes=(_rewrite(formula, sentence),),
            )


def _feeling_rewrite(formula: Formula, sentence: Span) -> ProposedFix:
    """ "Ik begrijp uw frustratie (heel goed)" becomes "U bent gefrustreerd"; what follows the feeling ("over de
    factuur") stays."""
    doc = formula.end.doc
    formal, informal = FEELINGS[formula.end.lower_]
    person = POSSESSIVES[formula.end.nbor(-1).lower_]
    statement = f"{person} {formal if person == 'u' else informal}"
    if formula.start.text[:1].isupper():
        statement = statement[0].upper() + statement[1:]
    last = formula.end
    while last.i + 1 < sentence.end and doc[last.i + 1].lower_ in MODIFIERS:
        last = doc[last.i + 1]
    description = "Zeg de reflectie zelf, als uitspraak, zonder inleiding."
    return ProposedFix(statement, formula.start.idx, last.idx + len(last), description, False)


def _rewrite(formula: Formula, sentence: Span) -> ProposedFix:
    if formula.end.lower_ in FEELINGS:
        return _feeling_rewrite(formula, sentence)
    start = formula.start.idx
    capital = formula.start.text[:1].isupper()
    clause = reflection_clause(formula, sentence)
    if formula.end.text == ":" and clause:
        # "Ik hoor u zeggen: het duurt te lang." The reflection after the colon is already a statement.
        first = clause[0]
        letter = first.text[:1].upper() if capital else first.text[:1]
        return ProposedFix(letter, start, first.idx + 1, "Laat de formule weg; de reflectie staat er al.", False)
    statement = as_statement(clause)
    if statement is not None:
        end = clause[-1].idx + len(clause[-1])
        description = "Zeg de reflectie zelf, als uitspraak, zonder inleiding."
    else:
        # Without a clear clause: keep the reflection, but as a plain statement about the customer.
        statement = "je geeft aan" if uses_je(sentence) else "u geeft aan"
        end = formula.end.idx if formula.end.lower_ == "dat" else formula.end.idx + len(formula.end)
        statement += " " if formula.end.lower_ == "dat" else " dat"
        description = "Geef de reflectie weer als uitspraak over de klant, zonder de formule."
    if capital:
        statement = statement[0].upper() + statement[1:]
    elif statement[:1].isupper() and clause and not clause[0].text[:1].isupper():
        statement = statement[0].lower() + statement[1:]
    return ProposedFix(replacement=statement, start=start, end=end, description=description, safe=False)


# -- The gate (`ReflectionOpener.may_fire`) -----------------------------------------------------------------------
# `find_formula` reads consecutive tokens, so each formula is a regex over the raw text: `\s*` where two tokens
# follow each other (a token boundary needs no space), `[\W_]*` where punctuation may come between. A "?" right
# after a letter is a token of its own; when it is the first sentence mark or line break after the formula, it
# ends the formula's punctuation run, which `check` skips.


def _either(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


_VERBS = _either(UNDERSTAND | HEAR)
_ADDRESSED = _either(ADDRESS_PRONOUNS_WITH_JOU)
# After "dat": the start of a clause ("dat u boos bent"), not an object ("dat wel", "dat.") or the end. The token
# after "dat" is the next word only across at most one space (more whitespace is a token of its own), and only a
# sure token (a whole chunk, or one with a mark split off) rules the clause out.
_CLAUSE_AFTER = rf"dat\b(?! ?(?:{_either(OBJECT_DAT_FOLLOWERS)})(?=[\s,;:!?…]|\Z))(?! ?(?:[.,;:!?…](?=\s|\Z)|\Z))"
# From the verb of understanding to "dat": modifiers or the speaker, "van u", then "dat".
_UNDERSTAND_TO_DAT = (
    rf"(?:\s*(?:{_either(MODIFIERS | FIRST_PERSON)})\b)*(?:\s*van\s*(?:{_ADDRESSED})\b)?\s*{_CLAUSE_AFTER}"
)
_FORMULAS = re.compile(
    # "wat ik (u / van u) hoor (zeggen), is"
    rf"\bwat\s*ik\s*(?:(?:van\s*)?(?:{_ADDRESSED})\s*)?(?:{_VERBS})\b(?:\s*(?:zeggen\b|,))*\s*is\b"
    # "ik (kan me goed) begrijp(en) ... dat u"
    rf"|\b(?:ik|wij|we)\b(?:[\W_]*(?:{_either(MODIFIERS)})\b)*[\W_]*(?:{_either(UNDERSTAND)}){_UNDERSTAND_TO_DAT}"
    # "ik hoor u zeggen dat / :", "ik hoor dat u"
    rf"|\bik\s*(?:{_either(HEAR)})\s*(?:{_ADDRESSED})\s*zeggen\s*(?::|{_CLAUSE_AFTER})"
    rf"|\bik\s*hoor\s*dat\s*(?:u|je|jij)\b"
    # "ik begrijp (goed) uw frustratie"
    rf"|\b(?:ik|wij|we)\b(?:\s*(?:{_either(MODIFIERS)})\b)*\s*(?:{_either(UNDERSTAND)})\b"
    rf"(?:\s*(?:{_either(MODIFIERS)})\b)*\s*(?:{_either(POSSESSIVES)})\s*(?:{_either(FEELINGS)})\b"
)
# "natuurlijk begrijp ik dat u": inverted, not the check question "begrijp ik goed dat".
_INVERTED_FORMULA = re.compile(
    rf"\b(?:{_either(UNDERSTAND)})\s*(?=(?:ik|wij|we)\b)"
    rf"(?!(?:ik|wij|we) (?:goed|het)(?=[\s,;:!?…]|\Z)){_UNDERSTAND_TO_DAT}"
)
# "dat begrijp ik dat ...": a pronoun before the inverted verb (fillers apart, one space between sure words)
# makes `_understand_formula` give up.
_PRONOUN_BEFORE = re.compile(rf"(?:^|\s)(?:dat|dit|het|wat|hoe)(?: (?:{_either(FORMULA_OPENERS)}))* \Z")
_RUN_MARK = re.compile(r"[.!?…\n]")


def _may_wrap(lowered: str) -> bool:
    """Whether `ReflectionOpener.check` could find a formula in `lowered` (a necessary condition)."""
    if any(not _in_question(lowered, match.start()) for match in _FORMULAS.finditer(lowered)):
        return True
    return any(
        not _in_question(lowered, match.start()) and not _PRONOUN_BEFORE.search(lowered, 0, match.start())
        for match in _INVERTED_FORMULA.finditer(lowered)
    )


def _in_question(lowered: str, at: int) -> bool:
    """The punctuation run from offset `at` on surely ends in a question mark."""
    mark = _RUN_MARK.search(lowered, at)
    return mark is not None and mark.group() == "?" and ends_word_chunk(lowered, mark.start())
