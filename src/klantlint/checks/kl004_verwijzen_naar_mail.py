"""KL004 verwijzen-naar-mail: sending the caller off to e-mail ("Stuur maar een mailtje", "u kunt het mailen")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from klantlint.checks.kl010_afschuiven import (
    DETERMINERS,
    clauses,
    content,
    negated,
    sentence_rewrite,
    subject_of,
    utterance,
)
from klantlint.engine.base import Explanation, Hit, Rule, RuleContext, RuleInfo

# The verb "mailen" in the forms that can be an instruction (not the participle "gemaild": that is a fact).
MAIL_VERBS = frozenset(
    """mail mailt mailen e-mail e-mailt e-mailen email emailt emailen doormailen opmailen toemailen terugmailen
    namailen""".split()
)
MAIL_NOUNS = frozenset(
    """mail mailtje mails mailtjes e-mail e-mailtje e-mails email emailtje emails mailbericht e-mailbericht""".split()
)
MAIL_ADDRESS_NOUNS = frozenset({"mailadres", "e-mailadres", "emailadres"})
# Verbs of sending something in: with "een mail(tje)" as object or a mail address as goal.
SEND_VERBS = frozenset(
    """stuur stuurt sturen opsturen toesturen doorsturen versturen insturen nasturen zend zendt zenden opzenden
    toezenden inzenden doe doet doen schrijf schrijft schrijven""".split()
)
# Verbs of receiving or looking: "U krijgt een e-mail", "Wilt u de bevestiging per e-mail ontvangen?"
RECEIVE_VERBS = frozenset(
    """ontvang ontvangt ontvangen krijg krijgt krijgen lees leest lezen zie ziet zien open opent openen bekijk
    bekijkt bekijken vind vindt vinden terugvinden kijk kijkt kijken verwacht verwachten staat staan heb hebt
    heeft hebben binnenkomen komt komen""".split()
)
CHANNEL_PREPOSITIONS = frozenset({"per", "via", "op", "met"})
# "per mail of per post": offering a choice of channel is not sending the caller off.
OTHER_CHANNELS = frozenset({"post", "telefoon", "telefonisch", "brief", "sms", "app", "whatsapp", "balie"})
IMPERSONAL_VERBS = frozenset({"moet", "moeten", "kan", "kunnen", "gaat", "gaan", "loopt", "verloopt", "gebeurt"})


def _mail_cue(words: list[Token]) -> Token | None:
    """The word that brings e-mail into the clause as the customer's channel, if any."""
    lowers = [w.lower_ for w in words]
    has_send_verb = any(w in SEND_VERBS for w in lowers)
    for index, word in enumerate(words):
        lower = lowers[index]
        previous = lowers[index - 1] if index > 0 else ""
        if lower in MAIL_VERBS and previous not in DETERMINERS and previous not in CHANNEL_PREPOSITIONS:
            # "mail" is also a noun; as a verb it opens the clause or follows its subject ("mail het maar").
            if lower not in MAIL_NOUNS or index == 0 or previous in ("u", "je", "jij", "maar", "even", "gewoon"):
                return word
        if lower in MAIL_NOUNS:
            if previous in CHANNEL_PREPOSITIONS or (previous == "de" and index > 1 and lowers[index - 2] == "op"):
                return word
            if has_send_verb and previous in ("een", "'n", "even", "maar", "gewoon", "") and previous != "de":
                return word
        if lower in MAIL_ADDRESS_NOUNS and previous in ("naar", "ons", "het") and has_send_verb:
            return word
        if word.like_email and previous == "naar" and has_send_verb:
            return word
    return None


def _offers_channel_choice(words: list[Token]) -> bool:
    lowers = [w.lower_ for w in words]
    return "of" in lowers and any(w in OTHER_CHANNELS for w in lowers)


def _past_or_perfect(words: list[Token], cue: Token) -> bool:
    """'Heeft u de mail al gestuurd?', 'U mailde gisteren': a fact about the caller, not an instruction."""
    return any("Tense=Past" in str(w.morph) or "VerbForm=Part" in str(w.morph) for w in words if w is not cue)


def refers_to_mail(clause: Span) -> Token | None:
    """The mail cue when the clause tells the caller to use e-mail: an imperative, the caller as subject
    ("u kunt ... mailen"), or an impersonal rule ("dat moet per e-mail")."""
    words = content(clause)
    cue = _mail_cue(words)
    if cue is None or negated(words) or _offers_channel_choice(words):
        return None
    if any(w.lower_ in RECEIVE_VERBS for w in words) or _past_or_perfect(words, cue):
        return None
    role, verb = subject_of(clause)
    if role == "addressee":
        return cue
    if role == "none" and verb is not None:
        imperative = verb is words[0] and not verb.lower_.endswith("en")
        impersonal = verb.lower_ in IMPERSONAL_VERBS and cue.lower_ in MAIL_NOUNS
        if imperative or impersonal:
            return cue
    if role == "none" and verb is None and cue is words[0]:
        return cue
    return None


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
        ],
        good_examples=[
            "Ik mail u de bevestiging binnen een kwartier.",
            "Zal ik het u mailen?",
            "U ontvangt van mij vandaag nog een e-mail met de nieuwe datum.",
            "U hoeft niets te mailen; ik regel het nu telefonisch met u.",
            "Wilt u de bevestiging per e-mail of per post ontvangen?",
        ],
    )
    triggers = frozenset(
        {form for word in MAIL_VERBS | MAIL_NOUNS | MAIL_ADDRESS_NOUNS for form in (word, word.split("-")[-1])}
        | SEND_VERBS
    )

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
