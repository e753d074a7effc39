"""KL005 onaangekondigde-wacht: putting the caller on hold without saying how long or offering a choice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import uses_je
from klantlint.nlp.accents import fold
from klantlint.nlp.clauses import (
    clauses,
    content,
    is_past,
    negated,
    styled,
    subject_of,
    utterance,
    words_of,
)
from klantlint.nlp.surface import chunk_after, chunk_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "Momentje", "ogenblikje": the idiom itself asks the caller to wait.
HOLD_DIMINUTIVES = frozenset({"momentje", "ogenblikje", "secondje"})
# "Moment" and "ogenblik" only ask to wait as "(een) moment geduld" or as a clause on their own ("Eén moment.").
HOLD_NOUNS = frozenset({"moment", "ogenblik"})
PATIENCE = frozenset({"geduld"})
# Words that may surround a bare hold noun without making it part of a sentence ("Eén moment alstublieft").
HOLD_COMPANIONS = frozenset(
    "een één 'n nog heel klein kort even eventjes alstublieft alsjeblieft graag hoor dan maar eh ja oké u".split()
)
# Before a hold word these make it a point in time or an occasion: "op dit moment", "een goed moment".
NOT_A_HOLD_BEFORE = frozenset(
    "op in na tot vanaf sinds binnen over voor dit dat het elk ieder zo'n goed goede handig ander mooi".split()
)
WAIT_VERBS = frozenset({"wachten", "wacht"})
# "blijft u even hangen", "blijf aan de lijn", "blijft u even wachten"
STAY_ON = frozenset({"hangen", "lijn", "wachten"})
# Waiting for something else ("wacht u tot het lampje brandt", "wacht even met betalen") is advice, not a hold.
WAIT_OBJECT = frozenset({"tot", "totdat", "op", "met", "voordat", "voor"})
HOLD_PLACES = frozenset({"wacht", "wachtstand"})
# "Heeft u even geduld?", "Wilt u even geduld hebben?"
PATIENCE_REQUEST = frozenset({"heeft", "hebt", "wilt", "hebben", "je"})
# "ik zet / laat / houd u in de wacht"
HOLD_SETTERS = frozenset({"zet", "zetten", "laat", "laten", "houd", "hou", "houden"})
# A duration: a number with a unit of time ("twee minuten", "een halve minuut", "dertig seconden").
DURATION_UNITS = frozenset("seconde seconden secondes minuut minuten minuutje minuutjes kwartier kwartiertje".split())
# A call-back: "terugbellen", "terugbelverzoek", "teruggebeld", or "bel ... terug" / "terug te bellen".
CALLBACK_PREFIXES = ("terugbel", "teruggebeld")


# An announced transfer says what happens next and to whom: "ik verbind u door met de afdeling X", "ik zet je
# door naar mijn collega"; a bare "dan verbind ik u door" does not say to whom.
TRANSFER_VERBS = frozenset({"verbind", "verbinden", "zet", "zetten", "schakel", "schakelen", "geef", "geven"})
TRANSFER_WORDS = ("doorverbind", "doorverbond", "doorgeschakeld", "doorschakel")
ADDRESSED = frozenset({"u", "je", "jou", "jullie"})
# A recorded queue message (IVR): the caller waits in a queue, not on an agent's hold.
QUEUE_WORDS = frozenset({"wachtrij", "wachtrijpositie", "oproep"})
# "al onze medewerkers zijn in gesprek", "u wordt zo spoedig mogelijk geholpen"
BUSY = (("in", "gesprek"), frozenset({"medewerkers", "collega's", "lijnen", "adviseurs", "agenten"}))
SOON = (("zo", "spoedig", "mogelijk"), ("zo", "snel", "mogelijk"))
SERVED = frozenset({"geholpen", "beantwoord", "woord", "doorverbonden"})
# At a counter the customer sees what happens: "neemt u plaats", "in de wachtruimte", "aan de balie".
COUNTER_WORDS = frozenset({"balie", "loket", "wachtruimte", "wachtzaal", "volgnummer", "nummertje", "onthaalbalie"})
TAKING = frozenset({"neem", "neemt", "nemen"})
# A recorded phone menu: "druk 1 voor facturen, of blijf aan de lijn", "toets 2", "druk op 3".
MENU_KEYS = frozenset({"druk", "drukt", "toets", "toetst", "kies", "kiest"})
# A device or app that is busy: "wacht even terwijl de software wordt geladen" is a status, not a caller on hold.
DEVICE_PROCESS_STEMS = (
    "laad",
    "laden",
    "geladen",
    "install",
    "geïnstalleer",
    "geinstalleer",
    "bijgewerkt",
    "bijwerk",
    "opstart",
    "opgestart",
    "download",
    "synchronis",
    "gesynchroniseer",
    "koppel",
    "gekoppeld",
)


def _has_phrase(lowers: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(lowers[index : index + size]) == phrase for index in range(len(lowers) - size + 1))


def _destination(lowers: list[str], index: int) -> bool:
    """Whether the transfer at `lowers[index]` says to whom: "met", "naar" or "aan" with what follows."""
    around = lowers[max(0, index - 4) : index + 3]
    return any(word in ("met", "naar", "aan") for word in around) and index + 1 < len(lowers)


def _no_hold_by_agent(doc: Doc) -> bool:
    """Waiting that is no unannounced hold: an announced transfer ("Een moment, ik verbind u door met de
    afdeling X"), a recorded queue message or phone menu ("druk 1 ..., of blijf aan de lijn"), the caller given
    time ("neem gerust even de tijd"), a counter where the customer takes a seat, or a device or app that is busy
    loading, installing or pairing."""
    lowers = [t.lower_ for t in doc]
    for index, word in enumerate(lowers):
        if word.startswith(TRANSFER_WORDS) and _destination(lowers, index):
            return True
        window = lowers[index + 1 : index + 5]
        through = lowers.index("door", index) if "door" in lowers[index + 1 : index + 7] else -1
        if word in TRANSFER_VERBS and ADDRESSED & set(window) and through > 0 and _destination(lowers, through):
            return True
        if word in TAKING and ({"tijd", "plaats"} & set(lowers[index + 1 : index + 6])):
            return True
        if word in MENU_KEYS and _key_follows(doc, index + 1):
            return True
    words = set(lowers)
    if words & QUEUE_WORDS or words & COUNTER_WORDS:
        return True
    if any(word.startswith(DEVICE_PROCESS_STEMS) for word in lowers):
        return True
    if _has_phrase(lowers, BUSY[0]) and words & BUSY[1]:
        return True
    return bool(words & SERVED) and any(_has_phrase(lowers, phrase) for phrase in SOON)


def _key_follows(doc: Doc, index: int) -> bool:
    """A key number at `index`, or after "op" there: "druk 1", "druk op 1", "toets op 0"."""
    if index < len(doc) and doc[index].lower_ == "op":
        index += 1
    return index < len(doc) and doc[index].like_num


def _announced(doc: Doc) -> bool:
    """A duration or a call-back anywhere in the turn: the caller knows what to expect or can choose."""
    lowers = [t.lower_ for t in doc]
    if any(word in DURATION_UNITS or word.startswith(CALLBACK_PREFIXES) for word in lowers):
        return True
    return any(
        word in ("bel", "belt", "bellen") and "terug" in lowers[max(0, index - 2) : index + 8]
        for index, word in enumerate(lowers)
    )


# The cheap gate reads whitespace-separated chunks of the raw text: a chunk that is exactly a word is one token,
# and so is a word with one mark the tokenizer always splits off ("minuten.", "momentje?").
# A duration or a call-back that `_announced` finds for sure: a chunk that is a unit of time (with one mark), one
# that starts with "terugbel"/"teruggebeld" (its first token starts there too), or "bel ... terug" with at most six
# plain words (one token each) between.
_SURELY_ANNOUNCED = re.compile(
    r"(?<!\S)(?:(?:"
    + "|".join(sorted(DURATION_UNITS, key=len, reverse=True))
    + r")[.,;:!?…]?(?!\S)|"
    + "|".join(CALLBACK_PREFIXES)
    + r"|(?:bel|belt|bellen)(?: [^\W\d_]+){0,6} terug[.,;:!?…]?(?!\S))"
)
_HOLD_WORD = re.compile(r"(?<![^\W\d_])(?:momentje|moment|ogenblikje|ogenblik|secondje)(?![^\W\d_])")
_SKIPPED_BEFORE_HOLD = frozenset({"een", "één", "eén", "nog", "heel", "klein", "kort"})
_PATIENCE_AFTER_HOLD = re.compile(r"(?:momentje|moment|ogenblikje|ogenblik|even)\s+geduld")
_STAYS = frozenset({"blijft", "blijf", "blijven"})
_WAITS = WAIT_VERBS | HOLD_PLACES


def _surely_announced(lowered: str) -> bool:
    return _SURELY_ANNOUNCED.search(lowered) is not None


def _hold_possible(lowered: str, found: frozenset[str]) -> bool:
    """A necessary condition for a hold in `check`: a hold word, "(moment) geduld", a form of "wachten" or
    "in de wacht", or "blijven" with "hangen", "lijn" or "wachten"."""
    if not found.isdisjoint(_WAITS):
        return True
    if not (found.isdisjoint(HOLD_DIMINUTIVES) and found.isdisjoint(HOLD_NOUNS)) and any(
        _may_be_hold_word(lowered, match.start(), match.end()) for match in _HOLD_WORD.finditer(lowered)
    ):
        return True
    if "geduld" in found and _PATIENCE_AFTER_HOLD.search(lowered):
        return True
    return not found.isdisjoint(_STAYS) and not {"hangen", "lijn"}.isdisjoint(words_of(lowered))


def _may_be_hold_word(lowered: str, start: int, end: int) -> bool:
    """Whether `_hold_word` could accept the hold word at `lowered[start:end]`: not when the token before it
    ("op dit moment", "een goed moment") or after it ("momentje voor ...", "moment geduld") rules it out."""
    word = lowered[start:end]
    following = chunk_after(lowered, end)
    if following in (("voor", "om", "van") if word in HOLD_DIMINUTIVES else ("geduld",)):
        return False  # "moment geduld" is judged on "geduld"
    previous = chunk_before(lowered, start)
    while previous in _SKIPPED_BEFORE_HOLD:
        start -= len(previous) + 1
        previous = chunk_before(lowered, start)
    return previous not in NOT_A_HOLD_BEFORE or not previous.isalpha()


def _before(token: Token, skip: frozenset[str]) -> Token | None:
    """The word before `token`, passing over the words in `skip` ("een", "klein")."""
    index = token.i - 1
    while index >= 0 and token.doc[index].lower_ in skip:
        index -= 1
    return token.doc[index] if index >= 0 else None


def _hold_word(token: Token, clause: Span) -> bool:
    """'momentje', 'een ogenblik geduld', 'Eén moment.'; not 'op dit moment' or 'een goed moment'."""
    lower = token.lower_
    if lower not in HOLD_DIMINUTIVES and lower not in HOLD_NOUNS and lower not in PATIENCE:
        return False
    previous_token = _before(token, frozenset({"een", "één", "eén", "'n", "nog", "heel", "klein", "kort"}))
    previous = previous_token.lower_ if previous_token is not None else ""
    if previous in NOT_A_HOLD_BEFORE:
        return False
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if lower in PATIENCE:
        # "(een) moment(je) geduld" holds; "even geduld" only as a request on its own ("Heel even geduld, hoor"):
        # "uw geduld" thanks, "we hebben even geduld nodig" is not a hold.
        before = token.nbor(-1).lower_ if token.i > 0 else ""
        if following in WAIT_OBJECT:
            return False
        others = [t.lower_ for t in content(clause) if t.i != token.i]
        request = all(w in HOLD_COMPANIONS or w in PATIENCE_REQUEST for w in others)
        return before in ("moment", "momentje", "ogenblik", "ogenblikje") or (before == "even" and request)
    if lower in HOLD_DIMINUTIVES:
        # "heeft u een momentje voor een paar vragen?" asks for the caller's time, not to wait; after an
        # adjective it is a moment in a story ("een spannend momentje").
        story = previous_token is not None and previous_token.pos_ == "ADJ"
        return not story and following not in ("voor", "om", "van")
    if following in PATIENCE:
        return False  # reported on "geduld"
    others = [t for t in content(clause) if t.i != token.i]
    # "Eén moment", also with the accent on both letters or typed as combining marks.
    return all(t.lower_ in HOLD_COMPANIONS or fold(t.text) in HOLD_COMPANIONS for t in others)


def _hold_request(clause: Span) -> list[Token] | None:
    """'blijft u even hangen', 'blijf aan de lijn', 'wilt u even wachten', 'ik zet u in de wacht'."""
    words = content(clause)
    if not words or negated(words):
        return None
    lowers = [w.lower_ for w in words]
    role, verb = subject_of(clause)
    if verb is not None and is_past(verb):
        return None  # "Dank u dat u even wilde wachten": thanks for a hold that is over
    # "Even wachten, alstublieft", "Wacht!": a clause that is nothing but the request to wait.
    waits = [w for w in words if w.lower_ in WAIT_VERBS]
    if waits and all(w in WAIT_VERBS or w in HOLD_COMPANIONS for w in lowers):
        return [waits[0]]
    if "wacht" in lowers or "wachtstand" in lowers:
        place = lowers.index("wacht") if "wacht" in lowers else lowers.index("wachtstand")
        if place >= 2 and lowers[place - 2 : place] == ["in", "de"]:
            setter = [w for w in words if w.lower_ in HOLD_SETTERS]
            # The caller is the one put on hold ("ik zet u in de wacht"), not an order or a task.
            caller = any(w in ("u", "je", "jou") for w in lowers)
            if setter and caller and role in ("speaker", "none"):
                return [setter[0], words[place]]
    # "ik laat u even wachten": the agent announces the hold without saying how long.
    if role == "speaker" and verb is not None and verb.lower_ in ("laat", "laten") and "wachten" in lowers:
        return [verb, words[lowers.index("wachten")]]
    if role not in ("addressee", "none") or verb is None:
        return None
    stays = [w for w in words if w.lower_ in ("blijft", "blijf", "blijven")]
    if stays:
        target = [w for w in words if w.lower_ in STAY_ON]
        if target and (target[0].lower_ != "wachten" or "even" in lowers):
            return [stays[0], target[0]]
    # "Wilt u even wachten?", "Wacht u even": a request to wait, not waiting for something else.
    if waits and any(w in ("even", "eventjes", "effe") for w in lowers):
        after = lowers[lowers.index(waits[0].lower_) + 1 :]
        if not any(w in WAIT_OBJECT for w in after):
            return [waits[0]]
    return None


class UnannouncedHold(Rule):
    info = RuleInfo(
        code="KL005",
        name="onaangekondigde-wacht",
        severity="warning",
        summary="De beller moet wachten zonder te horen hoe lang, en zonder keuze ('momentje', 'blijft u even "
        "hangen').",
        default=False,
        group="gesprek",
        opt_in_reason="Op echte teksten juist, maar geen melding was het herschrijven waard: korte "
        "wachtmeldingen van keuzemenu's.",
        rationale="Een 'momentje' wordt in de praktijk minuten met wachtmuziek; dat wekt irritatie.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker zet de beller in de wacht met 'momentje', 'ogenblikje', 'blijft u even "
            "hangen' of 'ik zet u in de wacht', zonder te zeggen hoe lang het duurt en zonder keuze te bieden.",
            waarom="Zo'n momentje duurt in de praktijk vaak minuten, soms met wachtmuziek. De beller weet niet waar "
            "hij aan toe is en raakt geïrriteerd.",
            voorbeeld="Heeft u een momentje?\nOgenblikje, ik kijk even.\nIk zet u even in de wacht.",
            beter="Zeg wat u gaat doen en hoe lang het duurt, en bied een keuze: 'Ik zoek het voor u op; dat duurt "
            "ongeveer twee minuten. Wilt u zolang wachten, of zal ik u terugbellen?' Duurt het langer, kom dan "
            "terug aan de lijn en bied opnieuw de keuze.",
            vlaanderen="Ook 'efkes' zegt niets over de duur. Zeg hoe lang het duurt en bied een keuze: 'Ik zoek het "
            "voor u op; dat duurt ongeveer twee minuten. Blijft u even aan de lijn, of bel ik u terug op uw gsm?'",
            veilig="Nee: hoe lang het duurt, weet alleen u. klantlint stelt een zin met een tijdsduur en een keuze "
            "voor; vul de echte duur in.",
        ),
        bad_examples=[
            "Momentje.",
            "Heeft u een momentje?",
            "Ogenblikje, ik kijk even.",
            "Blijft u even hangen?",
            "Ik zet u even in de wacht.",
            "moment geduld ik zoek even uw polis op",
        ],
        good_examples=[
            "Ik zet u twee minuten in de wacht, is dat goed?",
            "wilt u even wachten of zal ik u terugbellen",
            "Op dit moment ligt er geen storing in uw wijk.",
            "Is dit een goed moment om uw aanvraag door te nemen?",
            "Blijft uw computer steeds hangen?",
            "Dank u wel voor uw geduld.",
            "Blijft u even hangen? Binnen een halve minuut heb ik mijn collega aan de lijn.",
        ],
    )
    triggers = frozenset(
        HOLD_DIMINUTIVES | HOLD_NOUNS | PATIENCE | HOLD_PLACES | {"blijft", "blijf", "blijven"} | WAIT_VERBS
    )
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        if self.triggers.isdisjoint(found):
            return False
        lowered = text.lower()
        return not _surely_announced(lowered) and _hold_possible(lowered, found)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        if _announced(doc) or _no_hold_by_agent(doc):
            return
        holds: list[list[Token]] = []
        for clause in clauses(doc):
            request = _hold_request(clause)
            if request is not None:
                holds.append(request)
                continue
            holds += [[token] for token in clause if _hold_word(token, clause)]
        if not holds:
            return
        fix = _announce_fix(utterance(holds[-1][0]))
        for hold in holds:
            first, last = min(hold, key=lambda t: t.i), max(hold, key=lambda t: t.i)
            start, end = first.idx, last.idx + len(last)
            quoted = doc.text[start:end]
            message = (
                f"'{quoted}': de beller moet wachten zonder te weten hoe lang. Zeg wat u gaat doen en hoe lang het "
                "duurt, en bied een keuze: blijven wachten of teruggebeld worden."
            )
            yield Hit(start, end, message, (fix,))


def _announce_fix(unit: Span) -> ProposedFix:
    """Add a duration and the wait-or-call-back choice right after the sentence with the hold.

    The fix rewrites the sentence's last token, so that several holds in one turn share one edit.
    """
    informal = uses_je(unit)
    choice = (
        "Wil je zolang wachten, of zal ik je terugbellen?"
        if informal
        else ("Wilt u zolang wachten, of zal ik u terugbellen?")
    )
    addition = styled(f"Dat duurt ongeveer twee minuten. {choice}", unit)
    last = unit[-1]
    while last.is_space and last.i > unit.start:
        last = last.nbor(-1)
    return ProposedFix(
        replacement=f"{last.text} {addition}",
        start=last.idx,
        end=last.idx + len(last),
        description="Zeg hoe lang het duurt en bied de keuze: wachten of teruggebeld worden (vul de echte duur in).",
        safe=False,
    )
