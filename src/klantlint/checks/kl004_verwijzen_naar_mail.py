"""KL004 verwijzen-naar-mail: sending the caller off to e-mail ("Stuur maar een mailtje", "u kunt het mailen")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from klantlint.engine.base import Explanation, Hit, Rule, RuleContext, RuleInfo
from klantlint.nlp.clauses import (
    ARTICLES,
    DETERMINERS,
    clauses,
    content,
    invites_later_contact,
    is_past,
    negated,
    sentence_rewrite,
    subject_of,
    utterance,
)

# The verb "mailen" in the forms that can be an instruction (not the participle "gemaild": that is a fact).
MAIL_VERBS = frozenset(
    """mail mailt mailen e-mail e-mailt e-mailen email emailt emailen doormailen opmailen toemailen terugmailen
    namailen""".split()
)
MAIL_NOUNS = frozenset(
    """mail mailtje mails mailtjes e-mail e-mailtje e-mails email emailtje emails mailbericht e-mailbericht""".split()
)
MAIL_ADDRESS_NOUNS = frozenset({"mailadres", "e-mailadres", "emailadres"})
MAIL_WORDS = frozenset(
    {form for word in MAIL_VERBS | MAIL_NOUNS | MAIL_ADDRESS_NOUNS for form in (word, word.split("-")[-1])}
)
# Verbs of sending something in: with "een mail(tje)" as object or a mail address as goal.
SEND_VERBS = frozenset(
    """stuur stuurt sturen opsturen toesturen doorsturen versturen insturen nasturen zend zendt zenden opzenden
    toezenden inzenden doe doet doen schrijf schrijft schrijven""".split()
)
# Verbs of receiving, looking or consenting: "U krijgt een e-mail", "Wilt u de bevestiging per e-mail
# ontvangen?", "Gaat u akkoord met post per e-mail?"
RECEIVE_VERBS = frozenset(
    """ontvang ontvangt ontvangen krijg krijgt krijgen lees leest lezen zie ziet zien open opent openen bekijk
    bekijkt bekijken vind vindt vinden terugvinden kijk kijkt kijken verwacht verwachten staat staan heb hebt
    heeft hebben binnenkomen komt komen akkoord kies kiest kiezen""".split()
)
# Before "mailen" these make it a noun ("het mailen"); "ons" and "je" are pronouns there ("naar ons mailen").
NOUN_MARKERS = (ARTICLES - {"je"}) | {"deze", "dit", "die"}
MODALS = frozenset(
    "wil wilt willen kan kun kunt kunnen moet moeten mag mogen zal zult zullen zou zouden hoeft hoef hoeven".split()
)
CHANNEL_PREPOSITIONS = frozenset({"per", "via", "op", "met"})
# "per mail of per post": offering a choice of channel is not sending the caller off.
OTHER_CHANNELS = frozenset({"post", "telefoon", "telefonisch", "brief", "sms", "app", "whatsapp", "balie"})
IMPERSONAL_VERBS = frozenset({"moet", "moeten", "kan", "kunnen", "gaat", "gaan", "loopt", "verloopt", "gebeurt"})


def _mail_cue(words: list[Token]) -> tuple[Token, bool] | None:
    """The word that brings e-mail into the clause as the customer's channel, and whether it is the verb."""
    lowers = [w.lower_ for w in words]
    has_send_verb = any(w in SEND_VERBS for w in lowers)
    for index, word in enumerate(words):
        lower = lowers[index]
        previous = lowers[index - 1] if index > 0 else ""
        # "mail" is also a noun; as a verb it opens the clause or follows its subject ("mail het maar").
        verb_position = lower not in MAIL_NOUNS or index == 0 or previous in ("u", "je", "jij", "maar", "even")
        if lower in MAIL_VERBS and verb_position and previous not in NOUN_MARKERS | CHANNEL_PREPOSITIONS:
            return word, True
        if lower in MAIL_NOUNS:
            # "per mail", "via de mail", "op de mail", "met een mailtje"
            channel = previous in CHANNEL_PREPOSITIONS or (
                previous in ("de", "een") and index > 1 and lowers[index - 2] in CHANNEL_PREPOSITIONS
            )
            if channel or (has_send_verb and previous in ("een", "'n", "even", "maar", "gewoon", "")):
                return word, False
        address = (lower in MAIL_ADDRESS_NOUNS and previous in ("naar", "ons", "het")) or (
            word.like_email and previous == "naar"
        )
        if address and has_send_verb:
            return word, False
    return None


def _offers_channel_choice(words: list[Token]) -> bool:
    lowers = [w.lower_ for w in words]
    return "of" in lowers and any(w in OTHER_CHANNELS for w in lowers)


def _past_or_perfect(words: list[Token], cue: Token) -> bool:
    """'Heeft u de mail al gestuurd?', 'U mailde gisteren': a fact about the caller, not an instruction."""
    return any(is_past(w) or "VerbForm=Part" in str(w.morph) for w in words if w.i != cue.i)


def refers_to_mail(clause: Span) -> Token | None:
    """The mail cue when the clause tells the caller to use e-mail: an imperative, the caller as subject
    ("u kunt ... mailen"), or an impersonal rule ("dat moet per e-mail", "opzeggen kan alleen per e-mail")."""
    words = content(clause)
    found = _mail_cue(words)
    if found is None or negated(words) or _offers_channel_choice(words) or invites_later_contact(utterance(found[0])):
        return None
    cue, is_verb = found
    if any(w.lower_ in RECEIVE_VERBS for w in words) or _past_or_perfect(words, cue):
        return None
    role, verb = subject_of(clause)
    if role == "addressee":
        # "Wilt u een bevestiging per mail?" wants something sent; the caller only acts with a verb of doing.
        return cue if is_verb or (verb is not None and _action_verb(words, cue, verb)) else None
    if verb is None:
        return cue if role == "none" and cue.i == words[0].i else None
    if role == "none" and verb.i == words[0].i and not verb.lower_.endswith("en"):
        return cue  # imperative: "Stuur maar een mailtje", "Zet het maar op de mail"
    addressed = any(w.lower_ in ("u", "je", "jou", "jij") for w in words)
    if verb.lower_ in IMPERSONAL_VERBS and cue.lower_ in MAIL_NOUNS and not addressed and _impersonal(words, verb):
        return cue
    return None


def _action_verb(words: list[Token], cue: Token, verb: Token) -> bool:
    """A verb of doing besides a modal: the finite verb itself, or an infinitive ("moet u ... opsturen")."""
    if verb.lower_ not in MODALS:
        return True
    # The infinitive after the modal and its subject: a verb by the tagger, or by its -en ending.
    later = [w for w in words if w.i > verb.i + 1 and w.i != cue.i and w.lower_ not in MODALS]
    return any(w.lower_ in SEND_VERBS or w.pos_ == "VERB" or _infinitive_form(w) for w in later)


def _infinitive_form(word: Token) -> bool:
    """'doorgeven', 'aanvragen': an -en word that is not a short function word ("een", "ben")."""
    return word.is_alpha and len(word) > 4 and word.lower_.endswith("en") and word.lower_ not in DETERMINERS


def _impersonal(words: list[Token], verb: Token) -> bool:
    """'Dat moet per e-mail', 'Opzeggen kan alleen per e-mail': a rule about how things are done.

    A fronted noun phrase is a thing being sent ("De bevestiging gaat per e-mail"), not a rule.
    """
    fronted = [w for w in words if w.i < verb.i]
    if not fronted:
        return False
    head = fronted[-1]
    if head.lower_ in ("dat", "dit", "het", "zoiets", "alles"):
        return True
    return head.lower_.endswith("en") and (head.pos_ == "VERB" or "Number=Plur" not in str(head.morph))


class ReferralToMail(Rule):
    info = RuleInfo(
        code="KL004",
        name="verwijzen-naar-mail",
        severity="warning",
        summary="De beller wordt naar de e-mail verwezen ('Stuur maar een mailtje', 'U kunt het mailen').",
        rationale="Wie belt, wil nu geholpen worden; 'stuur maar een e-mail' voelt als afschepen en houdt "
        "persoonlijk contact tegen.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker stuurt de beller door naar de e-mail: 'Stuur maar een mailtje', 'U kunt "
            "uw klacht mailen naar ...', 'Zet het maar op de mail', 'Dat moet per e-mail'.",
            waarom="De beller koos voor persoonlijk contact en voelt zich aan het lijntje gehouden. Een e-mail sturen "
            "betekent opnieuw uitleggen en wachten op antwoord, terwijl de vraag nu aan de lijn ligt.",
            voorbeeld="Stuur maar een mailtje naar klantenservice@voorbeeld.nl.\nZet het maar op de mail.\n"
            "U kunt uw klacht het beste mailen naar de afdeling facturen.",
            beter="Help de beller nu, of spreek een terugbelmoment af. Gebruik e-mail alleen als bevestiging van uw "
            "kant: 'Ik regel het nu met u. Daarna stuur ik u een bevestiging per e-mail.'",
            veilig="Nee: of u de vraag nu kunt afhandelen, weet alleen u. klantlint stelt een zin voor, maar past die "
            "niet vanzelf toe.",
        ),
        bad_examples=[
            "Stuur maar een mailtje naar klantenservice@voorbeeld.nl.",
            "Zet het maar op de mail.",
            "Dat moet per e-mail.",
            "U kunt uw klacht het beste mailen naar de afdeling facturen.",
            "je kan het beste een mailtje sturen met je bestelnummer",
            "mail uw bankafschrift maar naar ons toe",
        ],
        good_examples=[
            "Ik mail u de bevestiging binnen een kwartier.",
            "Zal ik het u mailen?",
            "U ontvangt van mij vandaag nog een e-mail met de nieuwe datum.",
            "U hoeft niets te mailen; ik regel het nu telefonisch met u.",
            "Wilt u de bevestiging per e-mail of per post ontvangen?",
            "ik zie uw mail van maandag hier binnenkomen",
            "Mail ons gerust als u later nog vragen heeft.",
        ],
    )
    # A mail word, or a verb of sending with an e-mail address as its goal ("stuur het naar info@...").
    triggers = MAIL_WORDS | SEND_VERBS

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        return not found.isdisjoint(MAIL_WORDS) or (not found.isdisjoint(SEND_VERBS) and "@" in text)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        reported: set[int] = set()
        for clause in clauses(doc):
            cue = refers_to_mail(clause)
            if cue is None:
                continue
            unit = utterance(cue)
            if unit.start in reported:
                continue
            reported.add(unit.start)
            fix = sentence_rewrite(
                unit,
                "Ik regel het nu met u. Daarna stuur ik u een bevestiging per e-mail.",
                "Ik regel het nu met je. Daarna stuur ik je een bevestiging per e-mail.",
                "Help de beller nu (of spreek een terugbelmoment af) en bied e-mail alleen aan als bevestiging.",
            )
            message = (
                f"'{cue.text}': u verwijst de beller naar de e-mail. Dat voelt als afschepen; help nu, of spreek een "
                "terugbelmoment af, en gebruik e-mail alleen als bevestiging van uw kant."
            )
            yield Hit(cue.idx, cue.idx + len(cue), message, (fix,))
