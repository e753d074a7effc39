"""KL014 aanspreekvorm-wisselen: addressing the customer with both "u" and "je".

With `aanspreekvorm = "auto"` (the default) the finding is a mix within one checked text (or one
conversation: the linter passes every linted turn in `context.document_segments`): the form used less
often is reported, on a tie "je" (the professional default is "u"). With `aanspreekvorm = "u"` or `"je"`, every use
of the other form is reported.

Only "je" that addresses the customer counts. Generic "je" ("dan weet je het maar nooit", "zo'n
storing, daar word je niet vrolijk van", "met een nieuwe meter kun je je verbruik zien") is a general
truth about anyone, and text in quotes ("de melding 'Je pakket komt eraan'") is not the agent's voice.
The judgement is made on the words of a clause, not on the parse, so every turn of a conversation is
judged alike without parsing the others; the parse only shapes the suggested rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from klantlint.config import Config
from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import match_case
from klantlint.nlp.address import (
    FIRST_PERSON,
    JE_FORMS,
    U_FORMS,
    WORD,
    Address,
    Form,
    addresses,
)
from klantlint.nlp.lexicon import COPULAS, PAST_FORMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Where `_forms_in` finds a je-word, this finds it too: the word's letters match case-insensitively, and the token
# has no word character on either side. Few conversations have one, so most need no list of their words. Every
# je-word starts with "j", which only "j" and "J" match case-insensitively: the pattern starts with that letter (the
# regex engine then skips ahead to it) and looks behind it for a word character only where it found one.
_MAY_HOLD_JE = re.compile(
    r"[jJ](?<!\w[jJ])(?i:" + "|".join(sorted((form[1:] for form in JE_FORMS), key=len, reverse=True)) + r")(?!\w)"
)


@lru_cache(maxsize=64)
def _both_forms_in(segments: tuple[str, ...]) -> bool:
    """Whether u- and je-words both occur (cached: every turn of a conversation asks about the same turns)."""
    # One search over the joined segments: the line break between two is no word character, so it finds a je-word
    # exactly where a search of each segment would, without a call per segment (most turns are new texts).
    if _MAY_HOLD_JE.search("\n".join(segments)) is None:
        return False
    has_u = has_je = False
    for segment in segments:
        u_here, je_here = _forms_in(segment)
        has_u, has_je = has_u or u_here, has_je or je_here
        if has_u and has_je:
            return True
    return False


@lru_cache(maxsize=4096)
def _forms_in(segment: str) -> tuple[bool, bool]:
    """Whether a u-word and whether a je-word occurs in one segment (turns repeat across conversations)."""
    words = {word.lower() for word in WORD.findall(segment)}
    return not words.isdisjoint(U_FORMS), not words.isdisjoint(JE_FORMS)


def _conversation(context: RuleContext, text: str) -> tuple[str, ...]:
    """The texts whose addresses decide the deviating form: the conversation's, with `text` among them."""
    segments = context.document_segments or (text,)
    return segments if text in segments else (*segments, text)


@lru_cache(maxsize=64)
def deviating_form(segments: tuple[str, ...], preferred: str) -> Form | None:
    """The form that should not be there: the other one when configured, else the rarer (on a tie "je")."""
    if preferred in ("u", "je"):
        return "je" if preferred == "u" else "u"
    # A text without a u- or je-word has no address (`_forms_in` is the cheaper test, and cached).
    uses = [a.form for text in segments if any(_forms_in(text)) for a in addresses(text)]
    if "u" not in uses or "je" not in uses:
        return None
    # The rarer form is the slip; on a tie "je" is, since "u" is the professional default.
    return "u" if uses.count("u") < uses.count("je") else "je"


# -- rewriting one address ---------------------------------------------------------------------

# Finite verb forms that change with the pronoun: after inversion "heb je" / "heeft u".
JE_TO_U_INVERTED = {
    "heb": "heeft",
    "hebt": "heeft",
    "ben": "bent",
    "kan": "kunt",
    "kun": "kunt",
    "wil": "wilt",
    "zal": "zult",
    "zul": "zult",
    "ga": "gaat",
    "doe": "doet",
    "sta": "staat",
    "zie": "ziet",
    "sla": "slaat",
    "hou": "houdt",
}
JE_TO_U_FRONT = {"heb": "heeft", "hebt": "heeft", "wil": "wilt", "kan": "kunt", "zal": "zult"}
U_TO_JE_INVERTED = {
    "heeft": "heb",
    "hebt": "heb",
    "bent": "ben",
    "kunt": "kun",
    "wilt": "wil",
    "zult": "zul",
    "gaat": "ga",
    "doet": "doe",
    "staat": "sta",
    "ziet": "zie",
    "slaat": "sla",
    "houdt": "hou",
}
U_TO_JE_FRONT = {"heeft": "hebt"}
# Verb forms that end in -t as part of the stem: they stay the same with either pronoun.
STEM_T = frozenset({"moet", "weet", "laat", "zet", "eet", "zit", "praat", "wacht", "let", "meet", "vat", "zat", "at"})
SUBJECTS = frozenset({"ik", "we", "wij", "hij", "zij", "ze", "het", "dat", "die", "er", "men", "u", "je", "jij"})
TIME_WORDS = frozenset(
    "morgen vandaag straks zo vanmiddag vanavond vanochtend overmorgen maandag dinsdag woensdag donderdag "
    "vrijdag zaterdag zondag even nog".split()
)


COPULAS_AND_KLOPT = COPULAS | {"klopt"}
# Words after "je" that make it an object, not a possessive: "ik zet het voor je klaar", "ik bel je even".
NOT_A_NOUN = frozenset(
    "klaar terug aan op uit door mee na toe over voor bij even eventjes nog wel niet ook al graag direct meteen "
    "zo straks morgen vandaag vanmiddag vanavond".split()
)
Role = Literal["possessive", "object", "inverted", "front"]


def _is_verb(token: Token | None) -> bool:
    if token is None:
        return False
    word = token.lower_
    return (
        token.pos_ in ("VERB", "AUX")
        or word in JE_TO_U_INVERTED
        or word in U_TO_JE_INVERTED
        or word in COPULAS_AND_KLOPT
    )


def _nbor(token: Token, offset: int) -> Token | None:
    index = token.i + offset
    return token.doc[index] if 0 <= index < len(token.doc) else None


def _noun_follows(token: Token) -> bool:
    after = _nbor(token, 1)
    if after is None or not after.is_alpha or after.lower_ in NOT_A_NOUN | TIME_WORDS:
        return False
    if after.pos_ in ("NOUN", "PROPN", "NUM"):
        return True
    following = _nbor(after, 1)
    return after.pos_ == "ADJ" and following is not None and following.pos_ == "NOUN"


def _role(token: Token) -> Role | None:
    """What a pronoun of address does here, from its neighbours: 'je' is subject, object or possessive."""
    before, after = _nbor(token, -1), _nbor(token, 1)
    previous = _nbor(before, -1) if before is not None else None
    noun = _noun_follows(token)
    clause_start = before is None or before.is_punct
    # Right after a subject comes the finite verb ("ik bel je"), whatever tag the parser gave it.
    verb_before = _is_verb(before) or (previous is not None and previous.lower_ in FIRST_PERSON)
    if clause_start or (before is not None and not verb_before and before.lower_ not in SUBJECTS):
        if before is not None and before.pos_ == "ADP":
            return "possessive" if noun else "object"
        if _is_verb(after):
            return "front"
        return "possessive" if noun else None
    if before is not None and before.lower_ in U_FORMS | JE_FORMS:
        # Right after the subject "u je ..." is a possessive, or reflexive before an infinitive ("u je aanmelden").
        reflexive = after is None or not after.is_alpha or (after.pos_ == "VERB" and after.lower_.endswith("en"))
        return None if reflexive or after.lower_ in NOT_A_NOUN else "possessive"
    if before is not None and before.lower_ in SUBJECTS:
        return "possessive" if noun else "object"
    if previous is not None and previous.lower_ in SUBJECTS:
        return "possessive" if noun else "object"
    if before is not None and before.lower_ in COPULAS_AND_KLOPT and noun:
        return "possessive"
    return "inverted"


def _je_to_u(token: Token) -> tuple[int, int, str] | None:
    """(first token, end token, replacement) that says the same with "u"."""
    simple = {"jouw": "uw", "jouwe": "uw", "jou": "u", "jezelf": "uzelf"}
    if token.lower_ in simple:
        return token.i, token.i + 1, simple[token.lower_]
    role = "inverted" if token.lower_ == "jij" and _is_verb(_nbor(token, -1)) else _role(token)
    before, after = _nbor(token, -1), _nbor(token, 1)
    if role == "possessive" and token.lower_ == "je":
        return token.i, token.i + 1, "uw"
    if role == "object":
        return token.i, token.i + 1, "u"
    if role == "inverted" and before is not None:
        verb = _verb_for_u(before.lower_, JE_TO_U_INVERTED)
        return (before.i, token.i + 1, f"{verb} u") if verb else None
    if role == "front" and after is not None:
        return token.i, token.i + 2, f"u {JE_TO_U_FRONT.get(after.lower_, after.lower_)}"
    return None


def _verb_for_u(form: str, table: dict[str, str]) -> str | None:
    if form in table:
        return table[form]
    if form in PAST_FORMS or form.endswith(("de", "te", "den", "ten")) or form in STEM_T:
        return form
    if not form.isalpha() or form.endswith("t"):
        return None
    return form + "t"


def _u_to_je(token: Token) -> tuple[int, int, str] | None:
    word = token.lower_
    if word in ("uw", "uwe"):
        return token.i, token.i + 1, "je"
    if word == "uzelf":
        return token.i, token.i + 1, "jezelf"
    role = _role(token)
    before, after = _nbor(token, -1), _nbor(token, 1)
    if role == "inverted" and before is not None:
        return before.i, token.i + 1, f"{_verb_for_je(before)} je"
    if role == "front" and after is not None:
        return token.i, token.i + 2, f"je {U_TO_JE_FRONT.get(after.lower_, after.lower_)}"
    # "u" is never possessive: after a preposition or a subject it is the object.
    return token.i, token.i + 1, "je"


def _verb_for_je(verb: Token) -> str:
    form = verb.lower_
    if form in U_TO_JE_INVERTED:
        return U_TO_JE_INVERTED[form]
    if form in STEM_T or form in PAST_FORMS or not form.endswith("t"):
        return form
    # "wordt" -> "word", "krijgt" -> "krijg"; a stem that itself ends in -t ("weet") is in STEM_T.
    return form[:-1]


def rewrite(doc: Doc, address: Address, target: Form) -> ProposedFix | None:
    token = doc.char_span(address.start, address.end)
    if token is None or len(token) != 1:
        return None
    found = _je_to_u(token[0]) if target == "u" else _u_to_je(token[0])
    if found is None:
        return None
    first, last, replacement = found
    span = doc[first:last]
    at_start = first == 0 or doc[first - 1].text in (".", "?", "!", "…")
    return ProposedFix(
        replacement=match_case(replacement, span.text, at_sentence_start=at_start),
        start=span.start_char,
        end=span.end_char,
        description=f"Spreek de klant hier ook met '{target}' aan.",
        safe=False,
    )


class MixedAddress(Rule):
    info = RuleInfo(
        code="KL014",
        name="aanspreekvorm-wisselen",
        severity="warning",
        summary="De klant wordt in één tekst of gesprek zowel met 'u' als met 'je' aangesproken.",
        rationale="Wisselen tussen 'u' en 'je' klinkt slordig en onprofessioneel; kies één aanspreekvorm.",
        explanation=Explanation(
            wat_gaat_er_mis="U spreekt dezelfde klant afwisselend aan met 'u/uw' en met 'je/jij/jouw', in één "
            "zin, één beurt of één gesprek. Is in de configuratie een aanspreekvorm afgesproken (aanspreekvorm = "
            "'u' of 'je'), dan telt elk gebruik van de andere vorm.",
            waarom="Wie wisselt, klinkt slordig en onzeker: de klant weet niet of hij als 'u' of als 'je' "
            "benaderd wordt, en het wisselen valt meer op dan de vorm zelf. Eén aanspreekvorm het hele gesprek "
            "door is professioneel. Algemene 'je' ('dan weet je het maar nooit') spreekt de klant niet aan en "
            "telt niet mee.",
            voorbeeld="Wat is uw postcode? En je huisnummer?\nKunt u je wachtwoord opnieuw instellen via de app?",
            beter="Wat is uw postcode? En uw huisnummer?\nKunt u uw wachtwoord opnieuw instellen via de app?",
            veilig="Nee. Bij een andere aanspreekvorm hoort soms een andere werkwoordsvorm ('heb je' wordt 'heeft "
            "u'); klantlint doet een voorstel waar het dat kan, maar welke vorm de afspraak is, weet u zelf.",
        ),
        bad_examples=[
            "Wat is uw postcode? En je huisnummer?",
            "Kunt u je wachtwoord opnieuw instellen via de app?",
            "Dank u wel voor het wachten. Heb je de factuur bij de hand?",
            "ja dus u krijgt eh je krijgt een nieuwe meter",
            "Ik stuur jou de bevestiging naar uw e-mailadres.",
        ],
        good_examples=[
            "Dan weet je het maar nooit; ik zet het voor u in de notities.",
            "Heb je je klantnummer bij de hand? Dan zoek ik je gegevens op.",
            "In de app ziet u de melding 'Je pakket komt eraan'.",
            "U krijgt een sms met de tekst: je pakket komt eraan.",
            "zo'n storing daar word je niet vrolijk van ik kijk meteen voor u wat er aan de hand is",
            "Met een nieuwe meter kun je je verbruik per dag zien; wilt u dat ik hem voor u aanvraag?",
        ],
    )
    triggers = frozenset(U_FORMS | JE_FORMS)
    needs = "tags"  # reads no dependency tree
    # Which form deviates is decided over the whole conversation.
    scope = "document"
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """Exactly when `check` reports something: the conversation has a deviating form and this text
        addresses the customer in it. The word checks come first, as they rule out most texts for free."""
        preferred = context.config.aanspreekvorm
        if preferred == "u":
            possible = not found.isdisjoint(JE_FORMS)
        elif preferred == "je":
            possible = not found.isdisjoint(U_FORMS)
        else:
            # A mix needs both forms somewhere in the whole text (or conversation).
            conversation = context.document_segments or (text,)
            possible = not found.isdisjoint(self.triggers) and self.may_fire_in_document(conversation, context.config)
        if not possible:
            return False
        deviant = deviating_form(_conversation(context, text), preferred)
        return deviant is not None and any(address.form == deviant for address in addresses(text))

    def may_fire_in_document(self, document_segments: tuple[str, ...], config: Config) -> bool:
        # Without a preferred form, `may_fire` asks this of every segment: both forms in the conversation.
        return config.aanspreekvorm in ("u", "je") or _both_forms_in(document_segments)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        preferred = context.config.aanspreekvorm
        deviant = deviating_form(_conversation(context, doc.text), preferred)
        if deviant is None:
            return
        target: Form = "u" if deviant == "je" else "je"
        for address in addresses(doc.text):
            if address.form != deviant:
                continue
            if preferred == "auto":
                message = (
                    f"Hier spreekt u de klant aan met '{address.word}', elders met '{target}'. Kies één "
                    "aanspreekvorm en houd die vast: wisselen klinkt slordig."
                )
            else:
                message = (
                    f"De afgesproken aanspreekvorm is '{target}', maar hier staat '{address.word}'. Spreek de "
                    "klant steeds op dezelfde manier aan."
                )
            fix = rewrite(doc, address, target)
            yield Hit(address.start, address.end, message, (fix,) if fix else ())
