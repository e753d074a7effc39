"""KL010 afschuiven: the agent does not take the question on ("daar ga ik niet over", "belt u later nog maar eens")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from klantlint.engine.base import Explanation, Hit, Rule, RuleContext, RuleInfo
from klantlint.nlp.clauses import (
    LATER,
    NEGATIONS,
    SUBJECT_PRONOUNS,
    clauses,
    content,
    negated,
    sentence_rewrite,
    subject_of,
    takes_ownership,
    utterance,
    words_of,
)

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


class ShiftingResponsibility(Rule):
    info = RuleInfo(
        code="KL010",
        name="afschuiven",
        severity="warning",
        summary="De medewerker neemt de vraag niet aan: 'daar ga ik niet over', 'belt u later nog maar eens'.",
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

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """The cheap version of the cues: the words each one needs together ("niet" alone is not enough)."""
        if not super().may_fire(text, found, context):
            return False
        words = words_of(text)
        return any(
            (
                words & NEGATIONS and words & NEGATED_CUE_WORDS,
                "verkeerde" in words and words & PLACE_NOUNS,
                "verkeerd" in words and words & {"zit", "zitten"},
                "idee" in words and "geen" in words,
                "waar" in words and words & WHEREABOUTS,
                words & TRY_AGAIN_VERBS and (words & LATER or words & {"na", "over"}),
                "andere" in words and words & OTHER_PARTIES,
                words & {"moet", "moeten"} and words & {"zelf", "bij", "aan", "maar"},
            )
        )

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
    after = lowers[lowers.index(verb.lower_) + 1 :]
    following = clause.doc[clause.end].lower_ if clause.end < len(clause.doc) else ""
    if not negated(words) or "of" in after or following == "of":
        return None
    # "Ik weet niet wat u bedoelt" asks the caller to explain; it does not leave the question.
    if any(w in ("u", "je", "jij") for w in after) and any(w in MEANING_VERBS for w in after):
        return None
    # "Ik weet niet hoe het bij u zit, maar ...": the agent goes on with what they do know.
    rest = clause.doc[verb.i + 1 : max(clause.end, utterance(clause[0]).end)]
    if any(_contrasts(t) for t in rest):
        return None
    return [verb, next(w for w in words if w.lower_ in NEGATIONS)]


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
    # Trying again later is the point of "probeert u het morgen"; a call needs "nog eens", "maar" or "terug".
    again = any(w in AGAIN or w.startswith("terugbel") or w.startswith("probeer") for w in lowers) or "maar" in lowers
    if not (_later(lowers) and again):
        return None
    if _customer_condition(clause):
        return None
    return [verbs[0], words[-1]]


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
