"""KL010 afschuiven: the agent does not take the question on ("daar ga ik niet over", "belt u later nog maar eens")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, Rule, RuleContext, RuleInfo
from klantlint.nlp.clauses import (
    ADVERBIAL_SUBORDINATORS,
    CALLBACK_NOUNS,
    CLAUSE_ENDERS,
    CLAUSE_OPENERS,
    FRONTED,
    IMPERATIVE_FOLLOWERS,
    IMPERATIVE_STEMS,
    INTERJECTIONS,
    LATER,
    NOT_OWNERSHIP_AFTER,
    OWNERSHIP_FORMS,
    SUBJECT_PRONOUNS,
    U_AGREEING_STEMS,
    clauses,
    content,
    negated,
    sentence_rewrite,
    subject_of,
    takes_ownership,
    utterance,
)
from klantlint.nlp.lexicon import (
    ADDRESS_PRONOUNS,
    CLAUSE_FILLERS,
    CLAUSE_OPENING_PRONOUNS,
    FIRST_PERSON,
    NEGATIONS,
    QUESTION_WORDS,
)
from klantlint.nlp.surface import chunk_start, in_order, searchable, splits_full_stop

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# -- KL010 -----------------------------------------------------------------------------------------------

ABOUT = frozenset({"daar", "dat", "dit", "hier", "daarover", "hierover", "daarvoor", "hiervoor"})
# "(iets voor de gemeente,) niet voor ons", "niet aan mij".
MINE = [[preposition, owner] for preposition in ("voor", "bij", "aan") for owner in ("ons", "mij")]
MEANING_VERBS = frozenset({"bedoelt", "bedoel", "zegt", "zeg", "vraagt", "wilt", "wil", "heeft", "hebt"})
CONTRAST_STARTS = frozenset("de het een er wel dan misschien mijn onze daar dat als".split())
# Nouns for one's own remit: "dat is mijn afdeling niet", "niet ons probleem".
REMIT_NOUNS = frozenset(
    """afdeling taak werk terrein vakgebied probleem zaak verantwoordelijkheid pakkie-an pakkie afdelingen
    bevoegdheid loket""".split()
)
TRY_AGAIN_VERBS = frozenset("bel belt bellen terugbellen terugbelt probeer probeert proberen opbellen contact".split())
TIME_NOUNS = frozenset({"uur", "uurtje", "dag", "dagen", "week", "weken", "maand", "kwartier"})
AGAIN = frozenset({"eens", "opnieuw", "terug"})
WHEREABOUTS = frozenset({"is", "zit", "uithangt", "gebleven", "naartoe"})
REDIRECT_VERBS = frozenset(
    "vragen navragen regelen uitzoeken melden aankaarten aanvragen achteraan informeren bellen zijn".split()
)
OTHER_PARTIES = frozenset({"afdeling", "instantie", "collega", "partij", "organisatie", "dienst"})
HANDLING_VERBS = frozenset({"regelt", "regelen", "doet", "doen", "behandelt", "behandelen", "gaat", "gaan"})
WRONG_PLACE = frozenset({"verkeerde"})
# Words that turn a negation into a cue: "ga niet over", "mijn afdeling niet", "niet voor ons", "weet niet".
NEGATED_CUE_WORDS = REMIT_NOUNS | {"over", "van", "voor", "bij", "aan", "mee", "weet", "weten"}
PLACE_NOUNS = frozenset({"adres", "afdeling", "loket", "nummer", "persoon", "instantie"})
FIRST_PERSON_SINGULAR = frozenset({"ik", "me", "mij", "mijn", "'k"})
# The first word of a question-word clause about what was just said: "wat dat betekent", "wie dit bericht stuurde".
JUST_SAID = frozenset({"dat", "dit", "het"})
# How far `_names_a_gap` looks after "weet": the question word within WH_REACH words, its clause within GAP_REACH.
WH_REACH = 5
GAP_REACH = 20


class ShiftingResponsibility(Rule):
    info = RuleInfo(
        code="KL010",
        name="afschuiven",
        severity="warning",
        summary="De medewerker neemt de vraag niet aan: 'daar ga ik niet over', 'belt u later nog maar eens'.",
        default=False,
        group="gesprek",
        opt_in_reason="Op echte teksten zelden raak: een spraakassistent of keuzemenu die iets niet weet, "
        "schuift meestal geen vraag af.",
        rationale="De beller wordt aan zijn lot overgelaten; wie de vraag aanneemt, noteert hem en belt terug "
        "op een afgesproken tijd.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker schuift de vraag af: 'daar ga ik niet over', 'dat is mijn afdeling niet', "
            "'ik weet niet waar hij is', 'probeert u het na het weekend nog eens', zonder dat er iets met de vraag "
            "gebeurt: geen notitie, geen doorverbinding, geen terugbelafspraak.",
            waarom="De beller staat met lege handen en moet zelf opnieuw beginnen. Dat is slecht voor het imago: de "
            "klant voelt zich aan zijn lot overgelaten, terwijl de organisatie de vraag had kunnen aannemen.",
            voorbeeld="Daar ga ik niet over.\nNet was hij er nog, maar waar hij nu is?\n"
            "Probeert u het na het weekend nog eens.",
            beter="Neem de vraag aan: 'Ik noteer uw vraag en zorg dat mijn collega u vandaag voor vijf uur "
            "terugbelt.' Of verbind door: 'Mijn collega van facturen weet dit; ik verbind u nu met haar door.'",
            veilig="Nee: alleen u weet wie de vraag oppakt en wanneer de beller antwoord krijgt. klantlint stelt een "
            "zin voor met een terugbeltijd, maar past die niet vanzelf toe.",
        ),
        bad_examples=[
            "Daar ga ik niet over.",
            "Dat is mijn afdeling niet.",
            "belt u later nog maar eens",
            "Ik weet niet waar hij is.",
            "Net was ze er nog, maar waar ze nu is?",
            "Dat weet ik niet, daar moet u zelf achteraan.",
            "ja daar weet ik niks van belt u maandag nog maar eens",
        ],
        good_examples=[
            "Daar ga ik niet over, maar ik verbind u nu door met mijn collega van facturen.",
            "Ik weet niet waar hij is, maar ik noteer uw vraag en hij belt u vanmiddag terug.",
            "Belt u gerust terug als u nog vragen heeft.",
            "Ik weet niet of u het al gezien heeft, maar de nieuwe factuur staat klaar.",
            "Hij belt u morgen om tien uur terug.",
            "Helaas kan ik daar niets aan doen.",
        ],
    )
    # Every cue needs one of these: a negation, or the word that carries a cue without one.
    triggers = NEGATIONS | TRY_AGAIN_VERBS | {"verkeerde", "verkeerd", "idee", "waar", "andere", "moet", "moeten"}
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """The cues' necessary words, tested per stretch between sure clause breaks; no when the agent surely takes
        the question on (see `_may_shift`)."""
        if self.triggers.isdisjoint(found):
            return False
        return _may_shift(text)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        if takes_ownership(doc):
            return
        parts = clauses(doc)
        reported: set[int] = set()
        for part in parts:
            cue = _shifting_cue(part)
            if cue is None:
                continue
            first, last = min(cue, key=lambda t: t.i), max(cue, key=lambda t: t.i)
            unit = utterance(first)
            if unit.start in reported:
                continue
            reported.add(unit.start)
            start, end = first.idx, last.idx + len(last)
            fixes = (
                sentence_rewrite(
                    unit,
                    "Ik zoek het voor u uit en bel u vandaag voor vijf uur terug.",
                    "Ik zoek het voor je uit en bel je vandaag voor vijf uur terug.",
                    "Neem de vraag aan: zeg wat u doet en wanneer de beller antwoord krijgt.",
                ),
                sentence_rewrite(
                    unit,
                    "Ik verbind u nu door met de collega die dit voor u regelt.",
                    "Ik verbind je nu door met de collega die dit voor je regelt.",
                    "Of verbind door met iemand die de vraag oppakt.",
                ),
            )
            message = (
                f"'{doc.text[start:end]}' schuift de vraag af: de beller blijft met lege handen achter. Neem de vraag "
                "aan: noteer hem, verbind door of spreek een terugbeltijd af."
            )
            yield Hit(start, end, message, fixes)


def _shifting_cue(clause: Span) -> list[Token] | None:
    words = content(clause)
    if not words:
        return None
    for finder in CUE_FINDERS:
        cue = finder(words, clause)
        if cue:
            return cue
    return None


def _not_in_charge(words: list[Token], clause: Span) -> list[Token] | None:
    """'daar ga ik niet over', 'daar zijn wij niet van', 'daar ben ik niet voor', 'daar hebben wij niets mee te
    maken'."""
    role, verb = subject_of(clause)
    if role != "speaker" or verb is None or not negated(words):
        return None
    lowers = [w.lower_ for w in words]
    if verb.lower_ in ("ga", "gaan") and "over" in lowers and lowers.index("over") > lowers.index(verb.lower_):
        return [verb, words[lowers.index("over")]]
    if verb.lower_ in ("ben", "zijn") and lowers[-1] in ("van", "voor") and lowers[0] in ABOUT:
        return [words[0], words[-1]]
    # "daar hebben wij niets mee te maken"
    if lowers[-3:] == ["mee", "te", "maken"] or lowers[-2:] == ["mee", "temaken"]:
        return [verb, words[-1]]
    return None


def _not_my_remit(words: list[Token], clause: Span) -> list[Token] | None:
    """'dat is mijn afdeling niet', 'niet ons probleem', 'iets voor de gemeente, niet voor ons'."""
    lowers = [w.lower_ for w in words]
    if not negated(words):
        return None
    for index, word in enumerate(lowers[:-1]):
        if word in ("mijn", "onze", "ons") and lowers[index + 1] in REMIT_NOUNS:
            return words[index : index + 2]
        # Only at the end: "niet bij ons binnengekomen" is a fact, "niet voor ons" a refusal of the question.
        if word == "niet" and lowers[index + 1 :] in MINE:
            return words[index : index + 3]
    return None


def _wrong_place(words: list[Token], clause: Span) -> list[Token] | None:
    """'u bent bij mij aan het verkeerde adres', 'daarvoor zit u hier verkeerd'."""
    if not any(w.lower_ in ("u", "je", "jij") for w in words):
        return None
    for index, word in enumerate(words[:-1]):
        if word.lower_ in WRONG_PLACE and words[index + 1].lower_ in PLACE_NOUNS:
            return words[index : index + 2]
    # "daarvoor zit u hier verkeerd"
    sits = [w for w in words if w.lower_ in ("zit", "zitten")]
    wrong = [w for w in words if w.lower_ == "verkeerd"]
    return [sits[0], wrong[0]] if sits and wrong else None


def _ignorance(words: list[Token], clause: Span) -> list[Token] | None:
    """'dat weet ik niet', 'daar weet ik niks van', 'geen idee'; not the hedges 'ik weet niet of ...' and
    'ik weet niet hoe ..., maar ...'."""
    lowers = [w.lower_ for w in words]
    role, verb = subject_of(clause)
    if lowers[:2] == ["geen", "idee"] or (role == "speaker" and "idee" in lowers and "geen" in lowers):
        return words[lowers.index("idee") - 1 : lowers.index("idee") + 1]
    if role != "speaker" or verb is None or verb.lower_ not in ("weet", "weten"):
        return None
    if words[0] == verb and _then_follows(clause):
        return None
    after = lowers[lowers.index(verb.lower_) + 1 :]
    following = clause.doc[clause.end].lower_ if clause.end < len(clause.doc) else ""
    if not negated(words) or "of" in after or following == "of":
        return None
    # "Ik weet het niet zeker": a hedge; the speaker is unsure, nothing is pushed away.
    if "zeker" in after:
        return None
    if _names_a_gap(clause, verb):
        return None
    # "Ik weet niet wat u bedoelt" asks the caller to explain; it does not leave the question.
    if any(w in ("u", "je", "jij") for w in after) and any(w in MEANING_VERBS for w in after):
        return None
    # "Ik weet niet hoe het bij u zit, maar ...": the agent goes on with what they do know.
    rest = clause.doc[verb.i + 1 : max(clause.end, utterance(clause[0]).end)]
    if any(_contrasts(t) for t in rest):
        return None
    return [verb, next(w for w in words if w.lower_ in NEGATIONS)]


def _names_a_gap(clause: Span, verb: Token) -> bool:
    """'Ik weet niet wat dat betekent', 'ik weet niet wie dit bericht stuurde', 'ik weet niet hoe lang het duurde':
    a question-word clause about what was just said (its first word 'dat', 'dit' or 'het') says the speaker did not
    understand it, and asks for it again; it does not turn the question away. Not knowing when the technician comes
    or where a colleague is stays a cue, and so does not knowing how to help ('... hoe ik u daarmee kan helpen')."""
    # The question word comes within a few words of the verb ("weet het niet zeker waar"); its clause is read up to
    # a mark. Both reads are bounded, so a long unpunctuated turn costs no more per cue.
    end = min(max(clause.end, utterance(clause[0]).end), verb.i + 1 + GAP_REACH)
    rest = [t for t in clause.doc[verb.i + 1 : end] if not t.is_space]
    start = next((i for i, t in enumerate(rest[:WH_REACH]) if t.lower_ in QUESTION_WORDS), None)
    if start is None:
        return False
    complement: list[str] = []
    for token in rest[start + 1 :]:
        if token.is_punct:
            break
        complement.append(token.lower_)
    if rest[start].lower_ == "hoe" and complement[:1] == ["lang"]:
        complement = complement[1:]
    if any(word.startswith("help") for word in complement):
        return False
    return bool(complement) and complement[0] in JUST_SAID


def _then_follows(clause: Span) -> bool:
    """'Weet ik het niet? Dan ...', 'Weet ik het niet, neem dan ...': a verb-first clause that a 'dan' right after
    answers is a condition (what happens when the speaker does not know), not a statement of not knowing."""
    following = [t.lower_ for t in clause.doc[clause.end : clause.end + 4] if not t.is_punct]
    return "dan" in following[:3]


def _contrasts(token: Token) -> bool:
    """'maar' joining a clause ("..., maar de meeste klanten"), not the particle ("belt u nog maar eens")."""
    if token.lower_ != "maar" or token.i + 1 >= len(token.doc):
        return False
    previous = token.nbor(-1).lower_ if token.i > 0 else ""
    following = token.nbor(1).lower_
    return previous == "," or (previous != "nog" and (following in SUBJECT_PRONOUNS or following in CONTRAST_STARTS))


def _whereabouts(words: list[Token], clause: Span) -> list[Token] | None:
    """'maar waar ze nu is?': a question about a colleague's whereabouts left hanging."""
    lowers = [w.lower_ for w in words]
    if lowers[0] != "waar" or len(lowers) < 3 or lowers[1] not in ("hij", "ze", "zij", "die"):
        return None
    if lowers[-1] in WHEREABOUTS:
        return [words[0], words[-1]]
    return None


def _try_again_later(words: list[Token], clause: Span) -> list[Token] | None:
    """'belt u later nog maar eens', 'probeert u het na het weekend nog eens', 'dan belt u maandag maar terug'."""
    role, verb = subject_of(clause)
    if role not in ("addressee", "none") or verb is None or negated(words):
        return None
    lowers = [w.lower_ for w in words]
    verbs = [w for w in words if w.lower_ in TRY_AGAIN_VERBS]
    if not verbs:
        return None
    if role == "none" and verb.lower_ not in ("bel", "probeer"):
        return None
    if role == "none" and verb.lower_ == "probeer" and not _speaker_voice(clause.doc):
        return None
    # Trying again later is the point of "probeert u het morgen"; a call needs "nog eens", "maar" or "terug".
    again = any(w in AGAIN or w.startswith("terugbel") or w.startswith("probeer") for w in lowers) or "maar" in lowers
    if not (_later(lowers) and again):
        return None
    if _customer_condition(clause):
        return None
    return [verbs[0], words[-1]]


def _speaker_voice(doc: Doc) -> bool:
    """Whether someone speaks as 'ik' in the text. A bare 'Probeer het later nog eens' with nobody speaking is an
    app's or a website's retry instruction after a technical failure; an agent who turns the question away
    speaks for themself ('Dat weet ik niet. Probeer het morgen nog eens.')."""
    return any(token.lower_ in FIRST_PERSON_SINGULAR for token in doc)


def _later(lowers: list[str]) -> bool:
    """A later time: 'later', 'morgen', 'maandag', 'na het weekend', 'na de lunch', 'over een uur'."""
    for index, word in enumerate(lowers):
        following = lowers[index + 1 : index + 3]
        if word in LATER:
            return True
        if word == "na" and following[:1] in (["de"], ["het"]):
            return True
        if word == "over" and len(following) == 2 and following[1] in TIME_NOUNS:
            return True
    return False


def _customer_condition(clause: Span) -> bool:
    """'belt u terug als u de pas bij de hand heeft': an invitation on the caller's own terms."""
    sentence = utterance(clause[0])
    tokens = list(sentence)
    for index, token in enumerate(tokens[:-1]):
        if token.lower_ in ("als", "wanneer", "zodra", "mocht") and tokens[index + 1].lower_ in ("u", "je", "jij"):
            return True
    return False


def _elsewhere(words: list[Token], clause: Span) -> list[Token] | None:
    """'dat regelt een andere afdeling': the question belongs to someone else, and nobody passes it on."""
    lowers = [w.lower_ for w in words]
    for index, word in enumerate(lowers[:-1]):
        if word == "andere" and lowers[index + 1] in OTHER_PARTIES:
            verb = subject_of(clause)[1]
            if verb is not None and verb.lower_ in HANDLING_VERBS:
                return [verb, words[index + 1]]
    return None


def _redirect(words: list[Token], clause: Span) -> list[Token] | None:
    """'dat moet u bij de verhuurder vragen', 'daar moet u zelf achteraan', 'dat moet de verzekeraar maar uitzoeken'."""
    role, verb = subject_of(clause)
    if verb is None or verb.lower_ not in ("moet", "moeten") or negated(words):
        return None
    lowers = [w.lower_ for w in words]
    if role == "addressee":
        # "zelf", "bij / aan de ..." or the dismissive "maar": the caller is sent to do it elsewhere.
        if "zelf" in lowers and any(w in REDIRECT_VERBS or w.endswith("achteraan") for w in lowers):
            return [verb, words[-1]]
        if ("bij" in lowers or "aan" in lowers or "maar" in lowers) and lowers[-1] in REDIRECT_VERBS:
            return [verb, words[-1]]
        return None
    if role in ("other", "none") and "maar" in lowers and lowers[-1] in REDIRECT_VERBS:
        return [verb, words[-1]]
    return None


CUE_FINDERS = (
    _not_in_charge,
    _not_my_remit,
    _wrong_place,
    _ignorance,
    _whereabouts,
    _try_again_later,
    _elsewhere,
    _redirect,
)


# -- The gate (`ShiftingResponsibility.may_fire`) ----------------------------------------------------------------
# It reads the raw text and never the parse. `clauses` always breaks at a *sure break*: a newline, or a mark at the
# end of a chunk of letters, which the tokenizer always splits off: one of ?!;:…, a full stop after a word that is
# no abbreviation, or a comma right before a pronoun or clause opener. So a cue lies within one stretch between
# sure breaks, and each cue is looked for per stretch, with the words it needs in the order it needs them. A regex
# word is a superset of the tokens (a token never spans two regex words), so such a search never misses a cue.
# The other way round, to rule a text out, only *sure words* count: a whitespace-separated chunk that is one run
# of letters (or one with a mark the tokenizer splits off) is exactly one token. Sure words separated by single
# spaces, where `clauses` cannot split between them (`_split_possible`), lie in one clause.

# Between two words whose tokens are neighbours among a clause's words (punctuation skipped); always followed by a
# letter, so the run is taken whole.
_GAP = r"[\W_]++"


def _either(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


_SURE_BREAK = re.compile(
    r"\n|(?:^|(?<=\s))(?P<word>[^\W\d_]+)"
    rf"(?P<mark>[?!;:….]|,(?= (?:{_either(set(SUBJECT_PRONOUNS) | CLAUSE_OPENERS)})(?:[\s,.;:!?…]|\Z)))(?=\s|\Z)",
    re.IGNORECASE,
)
_ITEM = re.compile(r"(\S+)(\s*)")
_WORD = re.compile(r"\w+")  # every token that is a word is one of these, or holds one (see `_cue_possible`)
_SURE_WORD = re.compile(r"([^\W\d_]+)([,;:!?….]?)")
# Words where `clauses` may start a clause without punctuation (`_opens_clause`), whatever precedes them.
_OPENS_ANYWHERE = ADVERBIAL_SUBORDINATORS | CLAUSE_OPENERS | FRONTED
_NOT_BEFORE_SPLITTING_PRONOUN = CLAUSE_OPENERS | frozenset(SUBJECT_PRONOUNS) | QUESTION_WORDS

# The cues, as searches within one stretch (see the cue finders above for what each one needs). "A, later B, later
# C" is searched word by word (`in_order`), not as `A.*B.*C`, which reads the rest of the text again from every A.
_SPEAKER_WORD = re.compile(r"\b(?:ik|we|wij)\b")
# _not_in_charge: "daar ga ik niet over", "daar zijn wij niet van", "daar hebben wij niets mee te maken".
_GO = re.compile(r"\b(?:ga|gaan)\b")
_GO_WITH_SUBJECT = re.compile(rf"\b(?:ga|gaan){_GAP}(?:ik|we|wij|u)\b")
_OVER = re.compile(r"\bover\b")
_ABOUT = re.compile(rf"\b(?:{_either(ABOUT)})\b")
_BE_WITH_SUBJECT = re.compile(rf"\b(?:ben|zijn){_GAP}(?:ik|we|wij|u)\b")
_OF_FOR = re.compile(r"\b(?:van|voor)\b")
_NEGATION = re.compile(rf"\b(?:{_either(NEGATIONS)})\b")
_NOTHING_TO_DO_WITH = re.compile(rf"\bmee{_GAP}te{_GAP}maken\b|\bmee{_GAP}temaken\b")
# _not_my_remit: "dat is mijn afdeling niet", "niet voor ons".
_MY_REMIT = re.compile(rf"\b(?:mijn|onze|ons){_GAP}(?:{_either(REMIT_NOUNS)})\b")
_NOT_MINE = re.compile(rf"\bniet{_GAP}(?:voor|bij|aan){_GAP}(?:ons|mij)\b")
# _ignorance: "dat weet ik niet", "ik weet het niet" (the speaker as subject).
_KNOW = re.compile(r"\b(?:weet|weten)\b")
_KNOWS_WITH_SUBJECT = re.compile(rf"\b(?:weet|weten){_GAP}(?:ik|we|wij)\b|\bweten{_GAP}u\b")
_WRONG_ADDRESS = re.compile(rf"\bverkeerde{_GAP}(?:{_either(PLACE_NOUNS)})\b")
_WHERE_SOMEONE = re.compile(rf"\bwaar{_GAP}(?:hij|ze|zij|die)\W")
_WHEREABOUTS = re.compile(rf"\b(?:{_either(WHEREABOUTS)})\b")
_ELSEWHERE = re.compile(rf"\bandere{_GAP}(?:{_either(OTHER_PARTIES)})\b")
# "na de/het ...", "over <a word> uur" (that word may be any token, so any time noun after "over" counts).
_AFTER_THE = re.compile(rf"\bna{_GAP}(?:de|het)\b")
_TIME_NOUN = re.compile(rf"\b(?:{_either(TIME_NOUNS)})\b")
_CALL = re.compile(rf"\b(?:{_either(TRY_AGAIN_VERBS)})\b")
_ADDRESSEE_WORD = re.compile(rf"\b(?:{_either(ADDRESS_PRONOUNS)})\b")
_PRONOUN_SPACE_BEFORE = re.compile(rf"(?:^|\s)(?:{_either(SUBJECT_PRONOUNS)}) \Z")
# How far before a word `_pronoun_space_before` needs to look: the longest pronoun, a blank before and one after.
_PRONOUN_REACH = max(map(len, SUBJECT_PRONOUNS)) + 2
# "bel"/"probeer" as the verb of a clause without subject: not with a subject pronoun (a sure token) right after.
_BARE_CALL = re.compile(rf"\b(?:bel|probeer)\b(?!\s+(?:{_either(set(SUBJECT_PRONOUNS) - {'je'})})(?=[\s,;:!?…]|\Z))")


def _pronoun_space_before(lowered: str, at: int) -> bool:
    """`lowered[:at]` ends in a subject pronoun and one space (a clause cannot start at `at`); reads only the few
    characters before `at`, so asking this for every word costs time linear in the text."""
    return _PRONOUN_SPACE_BEFORE.search(lowered, max(0, at - _PRONOUN_REACH), at) is not None


def _may_shift(text: str) -> bool:
    """Whether `ShiftingResponsibility.check` could find a cue in `text` (a necessary condition)."""
    if len(text.lower()) != len(text):
        return True  # lower-casing moved the offsets (rare Unicode): no finer test
    if not _cue_possible(text):
        return False
    stretches = _stretches(text)
    if len(stretches) > 1 and not any(_cue_possible(stretch) for stretch in stretches):
        return False
    return not any(_surely_takes_ownership(stretch) for stretch in stretches)


def _stretches(text: str) -> list[str]:
    """`text` cut at its sure breaks: every clause lies within one of the pieces."""
    cuts = [0]
    for match in _SURE_BREAK.finditer(text):
        if match.group("mark") is None:
            cuts.append(match.start())  # a line break
        elif match.group("mark") != "." or splits_full_stop(match.group("word")):
            cuts.append(match.start("mark"))
    cuts.append(len(text))
    return [text[start:end] for start, end in pairwise(cuts) if end > start]


def _cue_possible(text: str) -> bool:
    lowered = searchable(text)
    words = set(_WORD.findall(lowered))
    if not words.isdisjoint(NEGATIONS) and _negated_cue_possible(lowered, words):
        return True
    if "idee" in words and "geen" in words:
        return True
    if not words.isdisjoint(("u", "je", "jij")) and (
        _WRONG_ADDRESS.search(lowered) or ("verkeerd" in words and not words.isdisjoint(("zit", "zitten")))
    ):
        return True
    if "waar" in words and in_order(lowered, _WHERE_SOMEONE, _WHEREABOUTS) is not None:
        return True
    if not words.isdisjoint(HANDLING_VERBS) and _ELSEWHERE.search(lowered):
        return True
    if not words.isdisjoint(("moet", "moeten")) and _redirect_possible(words):
        return True
    return not words.isdisjoint(TRY_AGAIN_VERBS) and _try_again_possible(text, lowered, words)


def _negated_cue_possible(lowered: str, words: set[str]) -> bool:
    """The cues that need a negation in their clause: not in charge, not my remit, not knowing."""
    if (
        "over" in words
        and not words.isdisjoint(("ga", "gaan"))
        and (
            in_order(lowered, _SPEAKER_WORD, _GO, _OVER) is not None
            or in_order(lowered, _GO_WITH_SUBJECT, _OVER) is not None
        )
    ):
        return True
    if not words.isdisjoint(("ben", "zijn")) and not words.isdisjoint(("van", "voor")):
        about = in_order(lowered, _ABOUT, _BE_WITH_SUBJECT, _OF_FOR)
        if about is not None and in_order(lowered, _NEGATION, _OF_FOR, position=about) is not None:
            return True
    if "mee" in words and _NOTHING_TO_DO_WITH.search(lowered):
        return True
    if not words.isdisjoint(REMIT_NOUNS) and _MY_REMIT.search(lowered):
        return True
    if "niet" in words and not words.isdisjoint(("ons", "mij")) and _NOT_MINE.search(lowered):
        return True
    return not words.isdisjoint(("weet", "weten")) and (
        in_order(lowered, _SPEAKER_WORD, _KNOW) is not None or _KNOWS_WITH_SUBJECT.search(lowered) is not None
    )


def _redirect_possible(words: set[str]) -> bool:
    """`_redirect`: "zelf" with a verb of asking, or "bij"/"aan"/"maar" with one (the clause's last word)."""
    asks = not words.isdisjoint(REDIRECT_VERBS)
    if "zelf" in words and (asks or any(word.endswith("achteraan") for word in words)):
        return True
    return asks and not words.isdisjoint(("bij", "aan", "maar"))


def _try_again_possible(text: str, lowered: str, words: set[str]) -> bool:
    """`_try_again_later`: a verb of calling, a later time and "again" in a clause that is not negated, does not
    have the agent act, and has the caller (or nobody) as subject: u/je first, u/je right after the verb, or a bare
    "bel"/"probeer" as the verb."""
    again = not words.isdisjoint(AGAIN) or "maar" in words or any(w.startswith(("terugbel", "probeer")) for w in words)
    later = (
        not words.isdisjoint(LATER)
        or _AFTER_THE.search(lowered) is not None
        or in_order(lowered, _OVER, _TIME_NOUN) is not None
    )
    if not again or not later:
        return False
    calls = [(match.start(), match.end()) for match in _CALL.finditer(lowered)]
    spans: list[tuple[int, int]] = []
    for pronoun in _ADDRESSEE_WORD.finditer(lowered):
        # The caller as first word: a clause cannot start right after a pronoun ("zal ik u ...").
        if not _pronoun_space_before(lowered, pronoun.start()):
            spans += _nearest_spans(pronoun.span(), calls, before=False)
        # The caller right after the clause's verb; a sure word before it that cannot be that verb rules it out.
        verb = _sure_word_before(text, pronoun.start())
        if verb and (
            verb in INTERJECTIONS or verb in SUBJECT_PRONOUNS or (pronoun.group() == "u" and not _agrees_with_u(verb))
        ):
            continue
        # The span must lie within the clause: from the pronoun (the verb before it may be longer than it looks).
        spans += _nearest_spans(pronoun.span(), calls, before=True)
    for call in _BARE_CALL.finditer(lowered):
        if not _pronoun_space_before(lowered, call.start()):
            spans.append((call.start(), call.end()))
    return any(not _surely_excluded(_whole_chunks(text, start, end)) for start, end in _innermost(spans))


def _nearest_spans(pronoun: tuple[int, int], calls: list[tuple[int, int]], *, before: bool) -> list[tuple[int, int]]:
    """The spans from a pronoun to the nearest call after it (and with `before`, from the nearest call before it).
    A span holding another holds all its words, so it is surely excluded when the smaller one is (see
    `_innermost`): the pronoun's spans to calls further away need no test."""
    start, end = pronoun
    index = bisect_right(calls, (start, start))
    spans = [(start, calls[index][1])] if index < len(calls) else []
    if before and index > 0:
        spans.append((calls[index - 1][0], end))
    return spans


def _innermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that hold no other span of `spans`. A clause span that is surely excluded (a negation or the agent
    acting among its sure words) makes every span around it surely excluded too, so only these need testing; they
    overlap little, so testing them costs time linear in the text."""
    innermost: list[tuple[int, int]] = []
    smallest_end = None
    for start, end in sorted(set(spans), key=lambda span: (-span[0], span[1])):
        if smallest_end is None or end < smallest_end:
            innermost.append((start, end))
            smallest_end = end
    return innermost


def _sure_word_before(text: str, at: int) -> str:
    """The token right before the word at `at` among the clause's words, when that is sure: the chunk before is a
    run of letters (a splitting mark may follow it) and only whitespace lies between. "" when not sure."""
    if at == 0 or not text[at - 1].isspace():
        return ""
    chunk_end = at - 1
    while chunk_end > 0 and text[chunk_end - 1].isspace():
        chunk_end -= 1
    word_start = chunk_start(text, chunk_end)
    if word_start == chunk_end:
        return ""
    word, _ = _sure_word(text[word_start:chunk_end])
    return word


def _whole_chunks(text: str, start: int, end: int) -> str:
    """`text[start:end]` without a chunk cut in two at either end (a cut-off piece is no sure token)."""
    if start > 0 and not text[start - 1].isspace():
        while start < end and not text[start].isspace():
            start += 1
    if end < len(text) and not text[end].isspace():
        word_start = chunk_start(text, end, start)
        chunk_end = end
        while chunk_end < len(text) and not text[chunk_end].isspace():
            chunk_end += 1
        word, marked = _sure_word(text[word_start:chunk_end])
        if not (word and marked and chunk_end == end + 1):  # "terugbellen?" keeps its word
            end = word_start
    return text[start:end]


def _agrees_with_u(verb: str) -> bool:
    """The verb forms that take u as their subject (see `subject_of`): "belt u", "kunt u", "wilt u"."""
    return verb.endswith(("t", "d", "de", "te", "den", "ten")) or verb in U_AGREEING_STEMS


def _surely_excluded(span: str) -> bool:
    """A span of one clause that surely holds a negation, or the agent acting: the clause cannot send the caller
    away to call again."""
    chunks = _sure_chunks(span)
    return any(not NEGATIONS.isdisjoint(chunk) for chunk in chunks) or any(_acts(chunk) for chunk in chunks)


def _surely_takes_ownership(stretch: str) -> bool:
    """`takes_ownership` holds for sure: a callback noun, or "ik" and a verb of action in one clause, with no
    negation anywhere in the stretch."""
    chunks = _sure_chunks(stretch)
    if any(not CALLBACK_NOUNS.isdisjoint(chunk) for chunk in chunks):
        return True
    return NEGATIONS.isdisjoint(_WORD.findall(searchable(stretch))) and any(_acts(chunk) for chunk in chunks)


def _acts(chunk: list[str]) -> bool:
    """ "ik"/"we" and a verb of action (not a leading filler like "kijk", not "vraag me") in one clause."""
    seen_speaker = False
    last_speaker = max((index for index, word in enumerate(chunk) if word in FIRST_PERSON), default=-1)
    for index, word in enumerate(chunk):
        if word in FIRST_PERSON:
            seen_speaker = True
            continue
        if word not in OWNERSHIP_FORMS or (word in CLAUSE_FILLERS and not seen_speaker):
            continue
        excluded = NOT_OWNERSHIP_AFTER.get(word)
        if excluded is not None and (index + 1 >= len(chunk) or chunk[index + 1] in excluded):
            continue
        if seen_speaker or last_speaker > index:
            return True
    return False


def _split_possible(previous: str, word: str, following: str | None) -> bool:
    """Whether `clauses` may start a clause at `word` right after `previous` (one space apart, no punctuation);
    `following` is the token after `word`: a word, "" for a mark, None when unknown."""
    if word in _OPENS_ANYWHERE:
        return True
    if previous in CLAUSE_ENDERS and (following is None or following in SUBJECT_PRONOUNS):
        return True
    if word in IMPERATIVE_STEMS and previous not in SUBJECT_PRONOUNS and previous != "te":
        return following is None or following in IMPERATIVE_FOLLOWERS
    return word in CLAUSE_OPENING_PRONOUNS and previous not in _NOT_BEFORE_SPLITTING_PRONOUN


def _sure_chunks(text: str) -> list[list[str]]:
    """Runs of sure words (lowercase) that lie within one clause."""
    items = [(*_sure_word(item.group(1)), item.group(2) == " ") for item in _ITEM.finditer(text)]
    chunks: list[list[str]] = []
    current: list[str] = []
    for index, (word, marked, spaced) in enumerate(items):
        if word and current and _split_possible(current[-1], word, _following(items, index)):
            chunks.append(current)
            current = []
        if word:
            current.append(word)
        if not word or marked or not spaced:
            chunks.append(current)
            current = []
    chunks.append(current)
    return [chunk for chunk in chunks if chunk]


def _following(items: list[tuple[str, bool, bool]], index: int) -> str | None:
    """The token after the sure word `items[index]`: the next sure word, "" for its mark, None when unknown."""
    _, marked, spaced = items[index]
    if marked:
        return ""
    if spaced and index + 1 < len(items) and items[index + 1][0]:
        return items[index + 1][0]
    return None


def _sure_word(chunk: str) -> tuple[str, bool]:
    """The lowercase word that a whitespace-separated chunk surely is as a token ("" if none), and whether a mark
    follows it as a token of its own."""
    match = _SURE_WORD.fullmatch(chunk)
    if match is None:
        return "", False
    word, mark = match.group(1), match.group(2)
    if mark == "." and not splits_full_stop(word):
        return "", False
    return word.lower(), bool(mark)
