"""KL010 afschuiven: the agent does not take the question on ("daar ga ik niet over", "belt u later nog maar eens").

This module also holds the clause helpers that KL004, KL005 and KL009 share: splitting a turn into clauses
(transcripts have no punctuation, and the parser splits them badly), finding who the subject of a clause is,
and whether the agent takes ownership somewhere in the turn.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from spacy.tokens import Doc, Span, Token

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import uses_je
from klantlint.nlp.domain import AUX_LEMMAS, SENTENCE_END

Subject = Literal["addressee", "speaker", "other", "none"]

# Words that open a turn or a clause without being part of its structure.
FILLERS = frozenset(
    "eh ehm uh uhm hm hmm ja jawel nou oké oke ok okay goed prima zo hoor he hè hé toch nee dus en maar want of "
    "dan daarna anders nu alleen gewoon kijk even eventjes".split()
)
# Conjunctions and fronted adverbs after which a new clause starts when a subject or a finite verb follows.
CLAUSE_OPENERS = frozenset(
    "en maar want dus of dan daarna anders dat omdat zodat als wanneer terwijl zodra toen tenzij mocht".split()
)
SUBORDINATORS = frozenset("dat omdat zodat als wanneer terwijl zodra toen tenzij of".split())
SUBJECT_PRONOUNS: dict[str, Subject] = {
    "u": "addressee",
    "je": "addressee",
    "jij": "addressee",
    "jullie": "addressee",
    "ik": "speaker",
    "we": "speaker",
    "wij": "speaker",
    "hij": "other",
    "zij": "other",
    "ze": "other",
    "men": "other",
}
NEGATIONS = frozenset({"niet", "niets", "niks", "geen", "nooit", "nergens"})
DETERMINERS = frozenset(
    "de het een 'n uw je jouw mijn onze ons zijn haar hun die deze dit dat welke elke ieder iedere zo'n".split()
)
# Finite forms the tagger may miss in lowercase transcripts: auxiliaries plus the verbs these rules look for.
EXTRA_FINITE = frozenset(
    "bel belt belde belden stuur stuurt stuurde mail mailt mailde zet zette blijf blijft probeer probeert wacht "
    "weet weten wist regel regelt doe doet geef geeft zoek zoekt kijk kijkt vraag vraagt ga gaat sta staat".split()
)
FINITE_AUX = frozenset(form for form in AUX_LEMMAS if not form.startswith("ge"))
# A verb before "u" agrees with u as subject only in its -t form ("belt u"); "bel u" is "(ik) bel u".
U_AGREEING_STEMS = frozenset("kan wil zal mag moet zou kon wou mocht moest had was".split())
# Subjects that are a person or an organisation: before "belt u" they make u the object ("De monteur belt u").
AGENT_NOUNS = frozenset(
    """collega collega's monteur monteurs afdeling afdelingen medewerker medewerkers adviseur adviseurs team
    teamleider leidinggevende manager bezorger chauffeur planner planning klantenservice backoffice arts huisarts
    specialist expert dokter verpleegkundige behandelaar consulent bank gemeente verzekeraar leverancier""".split()
)

# Taking the question on: first-person forms (stems, plural/infinitive, participle) of verbs of action,
# as a trainer lists them: regel, los op, zoek uit, vraag na, bel terug, verbind door, noteer, leg voor, ...
OWNERSHIP_FORMS = frozenset(
    """regel regelen geregeld los lossen oplossen opgelost zorg zorgen gezorgd pak pakken oppakken opgepakt
    zoek zoeken uitzoeken opzoeken uitgezocht opgezocht vraag vragen navragen nagevraagd kijk kijken nakijken
    bekijk bekijken bekeken nagekeken bel bellen terugbel terugbellen gebeld teruggebeld verbind verbinden
    doorverbind doorverbinden doorverbonden noteer noteren genoteerd schrijf opschrijven opgeschreven leg leggen
    voorleggen voorgelegd geef geven doorgeven doorgegeven zet zetten doorzetten doorgezet plan plannen inplannen
    ingepland maak maken afmaken gemaakt aanmaken aangemaakt handel afhandelen afgehandeld rond afronden afgerond
    help helpen geholpen stuur sturen opsturen versturen gestuurd verstuurd pas aanpassen aangepast herstel
    herstellen hersteld vergoed vergoeden stort terugstorten teruggestort betaal terugbetalen terugbetaald
    neem nemen opnemen genomen loop lopen informeer informeren kom terugkomen controleer controleren
    gecontroleerd check checken meld melden gemeld mail mailen gemaild""".split()
)
# "ik vraag me af" is wondering, not asking around.
NOT_OWNERSHIP_AFTER = {"vraag": frozenset({"me", "mij"})}
CALL_FORMS = frozenset("bel belt bellen belde belden terugbellen terugbelt terugbel".split())
CALLBACK_NOUNS = frozenset({"terugbelverzoek", "terugbelafspraak", "terugbelnotitie", "terugbelactie"})


def is_finite(token: Token) -> bool:
    """A finite verb by the tagger, or a known finite form that does not follow a determiner (then it is a noun)."""
    if token.i > 0 and token.nbor(-1).lower_ in DETERMINERS:
        return False
    if token.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(token.morph):
        return True
    return token.lower_ in FINITE_AUX or token.lower_ in EXTRA_FINITE


def is_punctuated(doc: Doc) -> bool:
    return any(token.text in SENTENCE_END for token in doc)


def utterance(token: Token) -> Span:
    """The sentence around `token`: by punctuation where the writer punctuated, else the whole line."""
    doc = token.doc
    if is_punctuated(doc):
        return token.sent
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = token.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return doc[start:end]


def _opens_clause(doc: Doc, index: int) -> bool:
    """Whether a new clause starts at `doc[index]` although no punctuation marks it."""
    token = doc[index]
    following = doc[index + 1] if index + 1 < len(doc) else None
    if token.lower_ in CLAUSE_OPENERS and following is not None:
        if following.lower_ in SUBJECT_PRONOUNS and not _possessive(following):
            return True
        after = doc[index + 2] if index + 2 < len(doc) else None
        return is_finite(following) and after is not None and after.lower_ in SUBJECT_PRONOUNS | {"het", "er"}
    # "blijft u even hangen ik vraag het na": a subject pronoun plus finite verb after a word that cannot
    # take it as an inverted subject starts a new clause in unpunctuated speech.
    if token.lower_ in ("ik", "u", "we", "wij", "jij") and following is not None and index > 0:
        previous = doc[index - 1]
        return (
            is_finite(following)
            and not is_finite(previous)
            and previous.lower_ not in CLAUSE_OPENERS
            and previous.lower_ not in SUBJECT_PRONOUNS
            and not previous.is_punct
            and previous.pos_ != "ADP"
        )
    return False


def clauses(doc: Doc) -> list[Span]:
    """The clauses of a turn: split at sentence punctuation, at a comma before a clause opener, and at
    conjunctions or pronouns that open a clause in unpunctuated speech."""
    starts = [0]
    for index in range(1, len(doc)):
        previous = doc[index - 1]
        if previous.text in SENTENCE_END or previous.text in (";", ":") or "\n" in previous.text:
            starts.append(index)
        elif previous.text == "," and (_opens_clause(doc, index) or doc[index].lower_ in SUBJECT_PRONOUNS):
            starts.append(index)
        elif _opens_clause(doc, index):
            starts.append(index)
    bounds = [*starts, len(doc)]
    spans = [doc[start:end] for start, end in zip(bounds, bounds[1:], strict=False) if end > start]
    return [span for span in spans if any(not t.is_punct and not t.is_space for t in span)]


def clause_of(token: Token, parts: list[Span]) -> Span:
    return next(part for part in parts if part.start <= token.i < part.end)


def content(clause: Span) -> list[Token]:
    """The clause's words without punctuation and without leading fillers and subordinators."""
    words = [t for t in clause if not t.is_punct and not t.is_space]
    index = 0
    while index < len(words) - 1 and (words[index].lower_ in FILLERS or words[index].lower_ in SUBORDINATORS):
        index += 1
    return words[index:]


def _possessive(token: Token) -> bool:
    """'je' before a noun is 'your' ("je bestelnummer"), not the subject."""
    if token.lower_ != "je" or token.i + 1 >= len(token.doc):
        return False
    following = token.nbor(1)
    return following.pos_ in ("NOUN", "ADJ", "PROPN") and not is_finite(following)


def _agrees_with_u(verb: Token) -> bool:
    word = verb.lower_
    return word.endswith(("t", "d", "de", "te", "den", "ten")) or word in U_AGREEING_STEMS


def _agent_phrase(words: list[Token]) -> bool:
    """A fronted phrase that names a person or organisation ("mijn collega", "Sandra", "hij")."""
    for word in words:
        if word.lower_ in ("hij", "zij", "ze", "men", "mijn", "onze", "ons") or word.lower_ in AGENT_NOUNS:
            return True
        if word.pos_ == "PROPN" and word.i > word.sent.start:
            return True
    return False


def subject_of(clause: Span) -> tuple[Subject, Token | None]:
    """Who does what the clause says, and its finite verb: the addressee (u/je), the speaker (ik/wij),
    someone else, or nobody named (an imperative, or an impersonal "dat moet per e-mail")."""
    words = content(clause)
    if not words:
        return "none", None
    first = words[0]
    verb_at = next((i for i, word in enumerate(words) if is_finite(word) and word.lower_ not in SUBJECT_PRONOUNS), None)
    if first.lower_ in SUBJECT_PRONOUNS and not _possessive(first) and (verb_at is None or verb_at > 0):
        return SUBJECT_PRONOUNS[first.lower_], words[verb_at] if verb_at is not None else None
    if verb_at is None:
        return "none", None
    verb = words[verb_at]
    after = words[verb_at + 1] if verb_at + 1 < len(words) else None
    fronted = words[:verb_at]
    if after is not None and after.lower_ in SUBJECT_PRONOUNS and not _possessive(after):
        role = SUBJECT_PRONOUNS[after.lower_]
        if role != "addressee":
            return role, verb
        if after.lower_ == "u" and not _agrees_with_u(verb):
            # "(ik) bel u terug": the subject was left out, u is the object.
            return "speaker", verb
        if fronted and _agent_phrase(fronted):
            return "other", verb
        return "addressee", verb
    if not fronted:
        return "none", verb
    if any(word.lower_ in ("dat", "dit", "het", "daar", "zoiets", "alles") for word in fronted[:1]):
        return "none", verb
    return "other", verb


def negated(words: Iterable[Token]) -> bool:
    return any(word.lower_ in NEGATIONS for word in words)


def takes_ownership(doc: Doc) -> bool:
    """Whether the agent takes the question on somewhere in the turn: an action in the first person
    ("ik zoek het uit", "ik verbind u door", "zal ik een terugbelafspraak maken"), a call-back arranged
    ("zij belt u morgen voor twaalf uur", "een terugbelverzoek"), not negated."""
    if any(token.lower_ in CALLBACK_NOUNS for token in doc):
        return True
    parts = clauses(doc)
    for part in parts:
        role, verb = subject_of(part)
        words = content(part)
        if negated(words):
            continue
        if role == "speaker" and _has_action(words):
            return True
        if role == "other" and verb is not None and verb.lower_ in CALL_FORMS:
            later = words[words.index(verb) + 1 :] if verb in words else []
            if any(word.lower_ in ("u", "je", "jou") for word in later):
                return True
    return False


def _has_action(words: list[Token]) -> bool:
    for index, word in enumerate(words):
        if word.lower_ not in OWNERSHIP_FORMS:
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and following.lower_ in NOT_OWNERSHIP_AFTER.get(word.lower_, frozenset()):
            continue
        return True
    return False


def styled(replacement: str, unit: Span) -> str:
    """`replacement` written like `unit`: lowercase without punctuation in a transcript, else a sentence."""
    if not any(ch.isupper() for ch in unit.text) and not any(t.text in SENTENCE_END for t in unit):
        return replacement.lower().translate(str.maketrans("", "", ".,;?!"))
    return replacement


def sentence_rewrite(unit: Span, formal: str, informal: str, description: str) -> ProposedFix:
    """Replace the whole sentence (with its end punctuation) by a rewrite in the speaker's form of address."""
    text = styled(informal if uses_je(unit) else formal, unit)
    last = unit[-1]
    while last.is_space and last.i > unit.start:
        last = last.nbor(-1)
    return ProposedFix(text, unit.start_char, last.idx + len(last), description, safe=False)


# -- KL010 -----------------------------------------------------------------------------------------------

ABOUT = frozenset({"daar", "dat", "dit", "hier", "daarover", "hierover", "daarvoor", "hiervoor"})
# Nouns for one's own remit: "dat is mijn afdeling niet", "niet ons probleem".
REMIT_NOUNS = frozenset(
    """afdeling taak werk terrein vakgebied probleem zaak verantwoordelijkheid pakkie-an pakkie afdelingen
    bevoegdheid loket""".split()
)
LATER = frozenset(
    """later straks morgen overmorgen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend
    volgende volgend vanmiddag vanavond morgenochtend morgenmiddag""".split()
)
TRY_AGAIN_VERBS = frozenset(
    "bel belt bellen terugbellen probeer probeert proberen opbellen contact".split()
)
AGAIN = frozenset({"eens", "opnieuw", "terug"})
WHEREABOUTS = frozenset({"is", "zit", "uithangt", "gebleven", "naartoe"})
REDIRECT_VERBS = frozenset(
    "vragen navragen regelen uitzoeken melden aankaarten aanvragen achteraan informeren bellen zijn".split()
)
OTHER_PARTIES = frozenset({"afdeling", "instantie", "collega", "partij", "organisatie", "dienst"})
HANDLING_VERBS = frozenset({"regelt", "regelen", "doet", "doen", "behandelt", "behandelen", "gaat", "gaan"})
WRONG_PLACE = frozenset({"verkeerde"})
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
            "Daar kan ik niets aan doen.",
        ],
        good_examples=[
            "Daar ga ik niet over, maar ik verbind u nu door met mijn collega van facturen.",
            "Ik weet niet waar hij is, maar ik noteer uw vraag en hij belt u vanmiddag terug.",
            "Belt u gerust terug als u nog vragen heeft.",
            "Ik weet niet of u het al gezien heeft, maar de nieuwe factuur staat klaar.",
            "Hij belt u morgen om tien uur terug.",
        ],
    )
    triggers = frozenset(
        """over afdeling taak werk terrein vakgebied probleem zaak verantwoordelijkheid pakkie-an pakkie bevoegdheid
        loket weet idee waar van mee aan bel belt bellen terugbellen probeer probeert proberen opbellen contact
        moet moeten verkeerde voor""".split()
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
            unit = utterance(cue[0])
            if unit.start in reported:
                continue
            reported.add(unit.start)
            start, end = cue[0].idx, cue[-1].idx + len(cue[-1])
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
            yield Hit(start, end, _message(cue), fixes)


def _message(cue: list[Token]) -> str:
    quoted = " ".join(t.text for t in cue)
    return (
        f"'{quoted}' schuift de vraag af: de beller blijft met lege handen achter. Neem de vraag aan: noteer hem, "
        "verbind door of spreek een terugbeltijd af."
    )


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
    """'daar ga ik niet over', 'ik ga daar niet over', 'daar zijn wij niet van'."""
    role, verb = subject_of(clause)
    if role != "speaker" or verb is None or not negated(words):
        return None
    lowers = [w.lower_ for w in words]
    if verb.lower_ in ("ga", "gaan") and "over" in lowers and lowers.index("over") > lowers.index(verb.lower_):
        return [verb, words[lowers.index("over")]]
    if verb.lower_ in ("ben", "zijn") and lowers[-1:] == ["van"] and lowers[0] in ABOUT:
        return [words[0], words[-1]]
    return None


def _not_my_remit(words: list[Token], clause: Span) -> list[Token] | None:
    """'dat is mijn afdeling niet', 'niet ons probleem', 'iets voor de gemeente, niet voor ons'."""
    lowers = [w.lower_ for w in words]
    if not negated(words):
        return None
    for index, word in enumerate(lowers[:-1]):
        if word in ("mijn", "onze", "ons") and lowers[index + 1] in REMIT_NOUNS:
            return words[index : index + 2]
        if word == "niet" and lowers[index + 1] in ("voor", "bij", "aan") and index + 2 < len(lowers):
            if lowers[index + 2] in ("ons", "mij", "mijn", "onze"):
                return words[index : index + 3]
    return None


def _wrong_place(words: list[Token], clause: Span) -> list[Token] | None:
    """'u bent bij mij aan het verkeerde adres'."""
    for index, word in enumerate(words[:-1]):
        if word.lower_ in WRONG_PLACE and words[index + 1].lower_ in PLACE_NOUNS:
            if any(w.lower_ in ("u", "je", "jij") for w in words):
                return words[index : index + 2]
    return None


def _powerless(words: list[Token], clause: Span) -> list[Token] | None:
    """'daar kan ik niks mee', 'daar kan ik niets aan doen'."""
    role, verb = subject_of(clause)
    if role != "speaker" or verb is None or verb.lower_ not in ("kan", "kunnen"):
        return None
    lowers = [w.lower_ for w in words]
    if lowers[0] in ("daar", "daaraan", "daarmee", "hier") and any(w in ("niks", "niets") for w in lowers):
        tail = [w for w in words if w.lower_ in ("mee", "aan", "doen")]
        if tail:
            return [words[0], tail[-1]]
    return None


def _ignorance(words: list[Token], clause: Span) -> list[Token] | None:
    """'dat weet ik niet', 'daar weet ik niks van', 'geen idee'; not the hedge 'ik weet niet of ..., maar'."""
    lowers = [w.lower_ for w in words]
    if "idee" in lowers and lowers.index("idee") > 0 and lowers[lowers.index("idee") - 1] == "geen":
        index = lowers.index("idee")
        owner = subject_of(clause)[0]
        if owner in ("speaker", "none"):
            return words[index - 1 : index + 1]
    role, verb = subject_of(clause)
    if role != "speaker" or verb is None or verb.lower_ not in ("weet", "weten"):
        return None
    after = lowers[lowers.index(verb.lower_) + 1 :]
    if not negated(words) or "of" in after:
        return None
    return [verb, next(w for w in words if w.lower_ in NEGATIONS)]


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
    later = any(w in LATER for w in lowers) or ("na" in lowers and "weekend" in lowers)
    again = any(w in AGAIN for w in lowers) or "maar" in lowers
    if not (later and again) and not (later and "maar" in lowers):
        return None
    if _customer_condition(clause):
        return None
    return [verbs[0], words[-1]]


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
        if "zelf" in lowers and any(w in REDIRECT_VERBS or w.endswith("achteraan") for w in lowers):
            return [verb, words[-1]]
        if "bij" in lowers and lowers[-1] in REDIRECT_VERBS:
            return [verb, words[-1]]
        return None
    if role in ("other", "none") and "maar" in lowers and lowers[-1] in REDIRECT_VERBS:
        return [verb, words[-1]]
    return None


CUE_FINDERS = (
    _not_in_charge,
    _not_my_remit,
    _wrong_place,
    _powerless,
    _ignorance,
    _whereabouts,
    _try_again_later,
    _elsewhere,
    _redirect,
)
