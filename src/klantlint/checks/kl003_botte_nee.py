"""KL003 botte-nee: a bare "nee" with which the agent refuses a request or contradicts the customer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo
from klantlint.engine.rewrite import uses_je
from klantlint.nlp.lexicon import (
    ADDRESS_PRONOUNS_WITH_JOU,
    COPULAS,
    DETERMINERS,
    DISCOURSE_OPENERS,
    NEGATIONS,
    SENTENCE_END_MARKS,
)
from klantlint.nlp.spans import punctuation_runs
from klantlint.nlp.surface import splits_full_stop

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NO_WORDS = frozenset({"nee", "neen"})
# "oh nee", "ach nee", "nee toch", "nee hè": dismay or sympathy, not a refusal.
DISMAY_BEFORE = frozenset({"oh", "o", "och", "ach", "ah", "jee", "jeetje", "oei"})
DISMAY_AFTER = frozenset({"toch", "hè", "he", "hé"})
# Words that go with the answering "nee" and are removed with it ("Nee hoor, ...", "nee mevrouw").
SOFTENERS = frozenset({"hoor", "hoor,"})
VOCATIVES = frozenset({"mevrouw", "meneer", "mevrouw,", "heer"})
APOLOGIES = frozenset({"helaas", "sorry", "jammer", "genoeg", "excuus", "excuses", "hoor"})
# "nee" as the object of saying, ticking or choosing is a word being talked about ("nee zeggen", "nee ingevuld").
MENTION_VERBS = frozenset(
    "zeggen zeg zegt zei zeiden gezegd antwoorden antwoord antwoordt geantwoord invullen ingevuld vul vult "
    "aanvinken aangevinkt vink vinkt aankruisen aangekruist kruis kruist kiezen kies kiest gekozen typen getypt "
    "drukken druk drukt gedrukt klikken klik klikt geklikt intoetsen ingetoetst stemmen gestemd staat stond".split()
)
# A "nee" that agrees with what the customer said: "Nee, dat klopt", "nee, u heeft gelijk".
AGREEMENT = frozenset(
    {"klopt", "kloppen", "juist", "correct", "gelijk", "precies", "inderdaad", "terecht"}
    # ... or shows understanding: "ja nee, ik begrijp dat u baalt", "Nee, dat is logisch".
    | {"begrijp", "begrijpen", "begrijpelijk", "snap", "snappen", "logisch", "vervelend", "jammer"}
    # ... or is glad to help: "Nee hoor, graag gedaan", "nee, dat doe ik graag".
    | {"graag", "plezier"}
    # ... or says all is well: "Nee hoor, dat is prima", "nee, u heeft het goed ingevuld".
    | {"prima", "goed"}
)
# A "nee" that takes a worry away: "Nee, u hoeft niets te doen", "nee, het ligt niet aan u", "nee, dat is niet erg".
# ("laat", "enige": "u bent niet te laat", "u bent niet de enige").
REASSURANCE_WORDS = frozenset(
    "hoeft hoef hoeven hoefde hoefden verkeerd fout schuld erg nodig zorgen probleem bezwaar mis stoort stoor storen "
    "gestoord bang ongerust laat enige".split()
)
REASSURING_PHRASES = ("maakt niet uit", "maakt niks uit", "geeft niet", "geeft niets", "geeft niks")
# Verbs that make "u ... niets" bad news: what the customer cannot get or do.
WITHHOLDING = frozenset("krijgen krijgt krijg kunnen kunt kan mogen mag ontvangen ontvangt terug".split())
COPULAS_AND_LUIDEN = COPULAS | {"luidt", "luidde"}
# Words that make a "nee" with a clause a refusal or a contradiction rather than a plain answer (`_informs`).
REFUSING_VERBS = frozenset(
    "kan kun kunt kunnen kon konden mag mogen mocht mochten moet moeten moest moesten hoeft hoeven gaat gaan lukt "
    "lukken wil willen zal zullen dien dient dienen".split()
)
FIRM_WORDS = frozenset("gewoon echt wel toch pas alleen slechts enkel terecht juist onmogelijk helaas".split())
LIMITING = frozenset({"alleen", "slechts", "enkel"})
# What we (or an app) do with the customer's data or words: see, record, keep, use, share, read, follow, collect.
WATCHING_VERBS = frozenset(
    """ziet zie zien neem neemt nemen bewaar bewaart bewaren gebruik gebruikt gebruiken deel deelt delen sla slaat
    slaan lees leest lezen registreer registreert registreren volg volgt volgen verzamel verzamelt verzamelen houd
    houdt houden""".split()
)
ANAPHORIC_OPENERS = frozenset("dat die dit deze daar daarvoor daarmee hier zo dan".split())
CLAUSE_BREAK = frozenset({",", ";", ":", "–", "—", "-"})
RUN_END_MARKS = ".!?…"


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _previous_word(token: Token, sentence: Span) -> Token | None:
    for index in range(token.i - 1, sentence.start - 1, -1):
        if not token.doc[index].is_space:
            return token.doc[index]
    return None


def _is_mention(token: Token, sentence: Span) -> bool:
    """ "nee" as a word talked about: ja of nee, een nee, nee zeggen, 'nee', an answer on a form."""
    doc = token.doc
    before = doc[max(sentence.start, token.i - 2) : token.i]
    after = doc[token.i + 1 : min(sentence.end, token.i + 3)]
    words_before = [t.lower_ for t in before]
    words_after = [t.lower_ for t in after]
    if words_before[-2:] in (["ja", "of"], ["ja", "en"], ["ja", "/"]) or words_after[:2] in (["of", "ja"], ["/", "ja"]):
        return True
    if any(t.text in "'\"‘’“”„" for t in [*before[-1:], *after[:1]]):
        return True
    # "een nee", "een duidelijk nee": an article right before, or before an adjective; "op nee" (a button)
    if words_before[-1:] and (words_before[-1] in DETERMINERS or words_before[-1] == "op"):
        return True
    if len(before) == 2 and words_before[0] in DETERMINERS and before[1].pos_ == "ADJ":
        return True
    following = next((t for t in after if _is_word(t)), None)
    if following is not None and following.i == token.i + 1 and following.lower_ in MENTION_VERBS:
        return True
    # "zegt u nee", "ik zeg niet meteen nee": a verb of saying shortly before, in the same clause
    close = token.doc[max(sentence.start, token.i - 3) : token.i]
    if any(t.lower_ in MENTION_VERBS for t in close) and not any(t.is_punct for t in close):
        return True
    return token.head.i != token.i and token.head.lemma_.lower() in MENTION_VERBS and token.head.i < token.i


def _answers_up_front(token: Token, sentence: Span) -> bool:
    """Whether "nee" opens the turn or a clause, as an answer does; mid-clause it is a word being quoted."""
    previous = _previous_word(token, sentence)
    if previous is None or previous.text in CLAUSE_BREAK or previous.text in ".!?…" or token.is_sent_start:
        return True
    if previous.lower_ in ("en", "maar", "dus", "want"):
        return True  # "ik heb gekeken en nee, ...": a new clause starts after the conjunction
    preceding = [t for t in token.doc[sentence.start : token.i] if _is_word(t)]
    return all(t.lower_ in DISCOURSE_OPENERS or t.lower_ in VOCATIVES for t in preceding)


def _content_before(token: Token, sentence: Span) -> list[Token]:
    """The words before "nee" in its sentence, without the openers that may precede an answer."""
    words = [t for t in token.doc[sentence.start : token.i] if _is_word(t)]
    return [] if all(t.lower_ in DISCOURSE_OPENERS or t.lower_ in VOCATIVES for t in words) else words


def _response(token: Token, sentence: Span) -> tuple[Token, Token | None, list[Token]]:
    """The "nee" group ("nee nee hoor,"): its last token, the first word after it, and the clause that follows.

    A vocative is skipped for the clause ("Nee mevrouw, dat gaat niet" answers with "dat gaat niet").
    """
    doc = token.doc
    last = token
    index = token.i + 1
    while index < sentence.end and (
        doc[index].lower_ in NO_WORDS or doc[index].lower_ in SOFTENERS or doc[index].text == ","
    ):
        if doc[index].text != ",":
            last = doc[index]
        index += 1
    next_word = next((t for t in doc[index : sentence.end] if _is_word(t)), None)
    if index < sentence.end and doc[index].lower_ in VOCATIVES:
        index += 1
        while index < sentence.end and (doc[index].text == "," or (doc[index].pos_ == "PROPN" and doc[index].is_title)):
            index += 1
    clause: list[Token] = []
    for candidate in doc[index : sentence.end]:
        if candidate.text in CLAUSE_BREAK or candidate.text in ".!?…":
            break
        if _is_word(candidate):
            clause.append(candidate)
    # A vocative or an apology alone ("nee mevrouw.", "Nee, helaas.") is not a clause.
    if all(t.lower_ in VOCATIVES or t.lower_ in APOLOGIES or t.pos_ == "PROPN" for t in clause):
        clause = []
    return last, next_word, clause


def _softens(clause: list[Token]) -> bool:
    """Agreement without negation ("dat klopt"), or a negation that takes a worry away ("u hoeft niets")."""
    words = [t.lower_ for t in clause]
    if _surely_softens(words):
        return True
    if not any(w in NEGATIONS for w in words):
        return False
    # "u bent niets vergeten", "u betaalt niets extra": nothing is asked of or lost by the customer;
    # unlike "u krijgt niets terug" or "u kunt niets meer doen".
    return (
        bool(words)
        and words[0] in ADDRESS_PRONOUNS_WITH_JOU
        and any(w in ("niets", "niks") for w in words)
        and not any(t.lemma_ in WITHHOLDING or t.lower_ in WITHHOLDING for t in clause)
    )


def _informs(clause: list[Token]) -> bool:
    """A "nee" that answers a yes/no question with a plain fact about a thing: "Nee, de app ziet uw locatie
    niet" is negated and stays reported, but "Nee, de winkel opent om tien uur" informs. A refusal or a
    contradiction carries a negation, a verb of being allowed or able, a firm word ("gewoon", "echt"), or points
    back at what the customer said ("dat", "die kosten", "daar")."""
    words = [t.lower_ for t in clause]
    firm = FIRM_WORDS - LIMITING if _limits_own_doing(words) else FIRM_WORDS
    if any(w in NEGATIONS or w in REFUSING_VERBS or w in firm for w in words):
        return False
    if words[0] == "het" and len(clause) > 1 and clause[1].pos_ in ("AUX", "VERB"):
        return False  # "het is te laat": "het" points back; "het attest komt morgen" names a thing
    return words[0] not in ANAPHORIC_OPENERS


def _limits_own_doing(words: list[str]) -> bool:
    """ "Nee, wij bewaren alleen uw postcode", "Nee, de app ziet alleen ...": 'alleen' limits what we or our system
    see, keep or use of the customer, which takes a worry away. "Nee, u krijgt alleen ..." limits what the customer
    gets, "Nee, wij leveren alleen in België" what they may have, and "Nee, dat kan alleen ..." refuses."""
    return (
        bool(words)
        and words[0] not in ADDRESS_PRONOUNS_WITH_JOU
        and not LIMITING.isdisjoint(words)
        and not WATCHING_VERBS.isdisjoint(words)
    )


def _refuses_after(clause: list[Token], sentence: Span) -> bool:
    """A refusal after the agreeing clause: "Nee, ik begrijp het, maar dat kan niet"."""
    if not clause:
        return False
    rest = [t.lower_ for t in sentence.doc[clause[-1].i + 1 : sentence.end] if _is_word(t)]
    return "maar" in rest and any(w in NEGATIONS for w in rest[rest.index("maar") :])


def _first_sentence_after(sentence: Span) -> Span | None:
    doc = sentence.doc
    following = [run for run in punctuation_runs(doc) if run.start >= sentence.end and any(_is_word(t) for t in run)]
    return following[0] if following else None


class BluntNo(Rule):
    info = RuleInfo(
        code="KL003",
        name="botte-nee",
        severity="warning",
        summary="Een kaal 'nee' waarmee de medewerker een verzoek weigert of de klant tegenspreekt.",
        default=False,
        group="gesprek",
        opt_in_reason="Op echte teksten zelden gevonden en geen melding het herschrijven waard: in een FAQ is een "
        "direct 'Nee,' op een ja/nee-vraag gewoon duidelijk.",
        rationale="'Nee' komt hard aan. De boodschap mag helder blijven, maar breng hem in vriendelijke woorden en "
        "zeg erbij wat wél kan.",
        explanation=Explanation(
            wat_gaat_er_mis="De medewerker begint een weigering of een tegenspraak met 'nee': 'Nee, dat doen we "
            "niet', 'Nee hoor.', 'nee dat kan niet'.",
            waarom="'Nee' is het eerste wat de klant hoort, en het klinkt bot: de deur gaat dicht nog voor de "
            "uitleg komt. De klant voelt zich afgewezen in plaats van geholpen.",
            voorbeeld="Nee, dat doen we niet.\nNee hoor.\nnee daar krijgt u geen korting op",
            beter="Houd de boodschap helder, maar zonder het botte 'nee', en zeg direct wat wél kan: 'Dat doen we "
            "niet, maar ik kan wel een nieuwe afspraak voor u maken.'",
            veilig="Ja, als er na 'nee' een volledige zin volgt: het weglaten van 'nee' verandert de boodschap niet. "
            "Staat 'nee' alleen, of voegt u een alternatief toe, dan moet u zelf de woorden kiezen; dat voorstel "
            "past klantlint niet vanzelf toe.",
        ),
        bad_examples=[
            "Nee, dat doen we niet.",
            "Nee hoor.",
            "nee nee dat gaat echt niet gebeuren",
            "Nee, dat klopt niet. Uw termijn liep tot 1 maart.",
            "ehm nee dat mag ik niet doen",
        ],
        good_examples=[
            "U kunt gewoon met ja of nee antwoorden.",
            "U mag gerust nee zeggen tegen het aanbod.",
            "Nee, dat klopt, u hoeft niets bij te betalen.",
            "Nee, u heeft niets verkeerd gedaan.",
            "Heeft u een nee-nee-sticker op de brievenbus?",
            "Oh nee, wat vervelend voor u!",
            "Dat doen we niet, maar ik kan wel een nieuwe afspraak voor u maken.",
        ],
    )
    triggers = frozenset(NO_WORDS)
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        """`_judge` on the tokens that are sure from the characters; any doubt lets the text through."""
        if self.triggers.isdisjoint(found):
            return False
        return _may_say_no(text)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        for sentence in punctuation_runs(doc):
            for token in sentence:
                if token.lower_ not in NO_WORDS:
                    continue
                previous = _previous_word(token, sentence)
                if previous is not None and previous.lower_ in NO_WORDS:
                    continue  # "nee nee": judged once, from the first one
                hit = self._judge(token, sentence)
                if hit is not None:
                    yield hit
                    break

    def _judge(self, token: Token, sentence: Span) -> Hit | None:
        doc = token.doc
        if _is_mention(token, sentence):
            return None
        last, next_word, clause = _response(token, sentence)
        before = _content_before(token, sentence)
        # Mid-clause "nee" is quoted ("zegt u nee"); a trailing one after a negated clause still answers
        # ("dat kan niet nee", a transcript without punctuation).
        trailing = not clause and any(t.lower_ in NEGATIONS for t in before)
        # Speech runs clauses together: "ik heb het nagekeken nee dat kan niet" answers with a negated clause.
        # Not a predicate with a comma after it: "Het antwoord was nee, dus ...".
        previous = _previous_word(token, sentence)
        run_on = token.i + 1 < sentence.end and _is_word(doc[token.i + 1])
        predicate = previous is not None and previous.lower_ in COPULAS_AND_LUIDEN
        answers_negated = run_on and not predicate and any(t.lower_ in NEGATIONS for t in clause)
        if not (_answers_up_front(token, sentence) or trailing or answers_negated):
            return None
        if previous is not None and previous.lower_ in DISMAY_BEFORE:
            return None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.lower_ in DISMAY_AFTER or after.text == "?" or after.lower_ == "dank"):
            return None
        if clause:
            context = clause
        elif before:
            context = before  # "U hoeft niets te doen, nee." is judged by the clause it follows
        else:
            following = _first_sentence_after(sentence)
            context = [t for t in following if _is_word(t)] if following is not None else []
        if clause and clause[0].lower_ in ("dank", "bedankt"):
            return None  # "Nee, dank u" politely declines an offer
        if _softens(context) and not _refuses_after(context, sentence):
            return None
        if clause and _informs(clause) and not _refuses_after(clause, sentence):
            return None
        fixes = _fixes(token, last, next_word if clause else None, clause, sentence, _ja_before(token, sentence))
        return Hit(
            start=token.idx,
            end=last.idx + len(last),
            message="Een kaal 'nee' klinkt bot en sluit de deur. Breng de boodschap vriendelijk, zonder 'nee', "
            "en zeg erbij wat wél kan.",
            fixes=fixes,
        )


def _ja_before(token: Token, sentence: Span) -> int | None:
    """Where "ja" starts in "ja nee" / "ja, nee": dropping only "nee" would leave an agreeing "ja"."""
    index = token.i - 1
    while index >= sentence.start and (token.doc[index].text == "," or token.doc[index].is_space):
        index -= 1
    return token.doc[index].idx if index >= sentence.start and token.doc[index].lower_ == "ja" else None


def _fixes(
    token: Token, last: Token, next_word: Token | None, clause: list[Token], sentence: Span, ja_start: int | None
) -> tuple[ProposedFix, ...]:
    doc = token.doc
    informal = uses_je(sentence)
    start = ja_start if ja_start is not None else token.idx
    capital = doc.text[start : start + 1].isupper()
    if next_word is not None and clause:
        return _drop_before_clause(doc, start, capital, next_word, sentence, informal)
    if _content_before(token, sentence):
        # A trailing "..., nee." repeats a refusal that is already there: drop it with its comma.
        previous = _previous_word(token, sentence)
        trail_start = previous.idx if previous is not None and previous.text in CLAUSE_BREAK else token.idx
        while trail_start > 0 and doc.text[trail_start - 1] == " ":
            trail_start -= 1
        return (ProposedFix("", trail_start, last.idx + len(last), "Laat het botte 'nee' achter de zin weg.", True),)
    words = [t for t in sentence if _is_word(t)]
    end = words[-1].idx + len(words[-1])
    fixes = []
    following = _first_sentence_after(sentence)
    if following is not None and following.text.strip():
        # The next sentence may already carry the message; whether it does is for the writer to judge.
        fixes.append(
            ProposedFix(
                "", start, following.start_char, "Laat het losse 'nee' weg; de volgende zin zegt het al.", False
            )
        )
    polite = f"Dat kan ik niet voor {'je' if informal else 'u'} doen, maar ik kijk graag wat wel kan"
    fixes.append(
        ProposedFix(
            replacement=polite if capital else polite[0].lower() + polite[1:],
            start=start,
            end=end,
            description="Vervang het kale 'nee' door een vriendelijke zin en zeg wat wél kan.",
            safe=False,
        )
    )
    return tuple(fixes)


def _drop_before_clause(
    doc: Doc, start: int, capital: bool, first: Token, sentence: Span, informal: bool
) -> tuple[ProposedFix, ...]:
    """Drop "nee" (with "hoor", the comma and the space after it): the refusal itself stays intact."""
    letter = first.text[:1]
    if capital and first.pos_ != "PROPN":
        letter = letter.upper()
    fixes = [
        ProposedFix(
            replacement=letter,
            start=start,
            end=first.idx + 1,
            description="Laat het botte 'nee' weg; de zin zegt zelf al wat niet kan.",
            safe=True,
        )
    ]
    if not any(t.lower_ in ("wel", "wél", "maar") for t in sentence):
        # The alternative goes at the end of the sentence; one with "maar" or "wel" already offers something.
        words = [t for t in sentence if _is_word(t)]
        clause_end = words[-1].idx + len(words[-1])
        alternative = f", maar ik kijk graag met {'je' if informal else 'u'} wat wel kan"
        fixes.append(
            ProposedFix(
                replacement=letter + doc.text[first.idx + 1 : clause_end] + alternative,
                start=start,
                end=clause_end,
                description="Laat 'nee' weg en zeg direct erna wat wél kan (vul zelf het alternatief in).",
                safe=False,
            )
        )
    return tuple(fixes)


# -- The gate (`BluntNo.may_fire`) ------------------------------------------------------------------------------
# It rebuilds the tokens that are sure from the characters: a chunk of letters is one token, and so are a mark the
# tokenizer always splits off after it (,;:!?… and a full stop after a word that is no abbreviation) and a mark
# standing alone; one space between chunks is no token, a single line break is one. Anything else (digits,
# hyphens, quotes, other whitespace) is *unknown*. `_judge` is then replayed on each "nee" of a punctuation run
# without unknown tokens; a "nee" in a run with one, or where `_judge` needs the tagger, lets the text through.
# Where the writer did not punctuate, the parser may start a sentence anywhere, so a "nee" counts as up front.

# Whitespace that is a token itself, or leaves one: anything but single spaces between chunks and single line breaks.
_ODD_WHITESPACE = re.compile(r"[^\S \n]|  | \n|\n |\n\n|^\s")
_LONE_MARKS = frozenset(",;:!?….–—-")
_SPLIT_MARKS = frozenset(",;:!?…")
_NO_WORD = re.compile(r"(?<![^\W_])(?:nee|neen)(?![^\W_])")  # "_" splits off like punctuation
_FIXED_NOT_NAMES = frozenset({"u", "jij", "jullie", "uw", "jouw"})  # never PROPN (see `klantlint_domain`)


# A sure token: its lowercase text and its kind, "word", "mark", "line" (a line break) or "unknown".
_Token = tuple[str, str]
_TEXT, _KIND = 0, 1


def _may_say_no(text: str) -> bool:
    """Whether `BluntNo.check` could fire on `text` (a necessary condition)."""
    tokens = _sure_tokens(text)
    if tokens is None:
        return True
    punctuated = any(t[_KIND] == "mark" and t[_TEXT] in SENTENCE_END_MARKS for t in tokens)
    positions_known = punctuated  # without punctuation the parser's sentence starts count too
    for run in _runs(tokens):
        if any(t[_KIND] == "unknown" for t in run):
            if any(_NO_WORD.search(t[_TEXT]) for t in run):
                return True
            continue
        for index, token in enumerate(run):
            if token[_TEXT] in NO_WORDS and _no_may_fire(run, index, positions_known):
                return True
    return False


def _sure_tokens(text: str) -> list[_Token] | None:
    """The tokens of `text` as far as they are sure; None when its whitespace makes tokens of its own."""
    lowered = text.lower()
    if len(lowered) != len(text) or _ODD_WHITESPACE.search(text):
        return None
    tokens: list[_Token] = []
    for number, (line, original_line) in enumerate(zip(lowered.split("\n"), text.split("\n"), strict=True)):
        if number:
            tokens.append(("\n", "line"))
        for chunk, original in zip(line.split(" "), original_line.split(" "), strict=True):
            if chunk:
                tokens += _chunk_tokens(chunk, original)
    return tokens


def _chunk_tokens(chunk: str, original: str) -> list[_Token]:
    """The tokens of one whitespace-separated chunk (lowercase; `original` as written)."""
    if chunk.isalpha():
        return [(chunk, "word")]
    if len(chunk) == 1 and chunk in _LONE_MARKS:
        return [(chunk, "mark")]
    word, mark = chunk[:-1], chunk[-1]
    if word.isalpha() and (mark in _SPLIT_MARKS or (mark == "." and splits_full_stop(original[:-1]))):
        return [(word, "word"), (mark, "mark")]
    if all(part.isalpha() for part in chunk.split("-")):
        return [(chunk, "word")]  # "nee-nee-sticker": the tokenizer keeps a hyphenated word whole
    return [(chunk, "unknown")]


def _runs(tokens: list[_Token]) -> list[list[_Token]]:
    """Like `punctuation_runs`: a run ends with a sentence mark or a line break."""
    runs: list[list[_Token]] = [[]]
    for token in tokens:
        runs[-1].append(token)
        if token[_KIND] == "line" or (token[_KIND] == "mark" and token[_TEXT] in RUN_END_MARKS):
            runs.append([])
    return [run for run in runs if run]


def _no_may_fire(run: list[_Token], index: int, positions_known: bool) -> bool:
    """`BluntNo._judge` replayed on sure tokens: False only when it surely yields nothing."""
    previous = _previous_index(run, index)
    if previous is not None and run[previous][_TEXT] in NO_WORDS:
        return False  # "nee nee": judged from the first one
    if _surely_mentioned(run, index):
        return False
    position = index + 1
    while position < len(run) and (
        run[position][_TEXT] in NO_WORDS or run[position][_TEXT] in SOFTENERS or run[position][_TEXT] == ","
    ):
        position += 1
    if position < len(run) and run[position][_TEXT] in VOCATIVES:
        return True  # a name may follow the vocative; its tag decides what the clause is
    clause = _clause_after(run, position)
    # `_response` empties a clause of vocatives, apologies and names; only the tagger knows the names, so a
    # clause without a word that is never a name (`klantlint_domain` fixes "u") may be emptied or not.
    if clause and all(run[i][_TEXT] in VOCATIVES or run[i][_TEXT] in APOLOGIES for i in clause):
        clauses: list[list[int]] = [[]]
    elif clause and not any(run[i][_TEXT] in _FIXED_NOT_NAMES for i in clause):
        clauses = [clause, []]
    else:
        clauses = [clause]
    return any(_judged_with(run, index, previous, option, positions_known) for option in clauses)


def _judged_with(run: list[_Token], index: int, previous: int | None, clause: list[int], positions_known: bool) -> bool:
    """The rest of `_judge` for one reading of the clause after "nee"."""
    words_before = [i for i in range(index) if run[i][_KIND] == "word"]
    before = (
        []
        if all(run[i][_TEXT] in DISCOURSE_OPENERS or run[i][_TEXT] in VOCATIVES for i in words_before)
        else words_before
    )
    trailing = not clause and any(run[i][_TEXT] in NEGATIONS for i in before)
    run_on = index + 1 < len(run) and run[index + 1][_KIND] == "word"
    predicate = previous is not None and run[previous][_TEXT] in COPULAS_AND_LUIDEN
    answers_negated = run_on and not predicate and any(run[i][_TEXT] in NEGATIONS for i in clause)
    up_front = (
        not positions_known
        or previous is None
        or run[previous][_TEXT] in CLAUSE_BREAK
        or run[previous][_TEXT] in RUN_END_MARKS
        or run[previous][_TEXT] in ("en", "maar", "dus", "want")
        or not before
    )
    if not (up_front or trailing or answers_negated):
        return False
    if previous is not None and run[previous][_TEXT] in DISMAY_BEFORE:
        return False
    after = run[index + 1][_TEXT] if index + 1 < len(run) else ""
    if after in DISMAY_AFTER or after in ("?", "dank"):
        return False
    context = clause or before
    if not context:
        return True  # judged by the next sentence
    if clause and run[clause[0]][_TEXT] in ("dank", "bedankt"):
        return False
    words = [run[i][_TEXT] for i in context]
    rest = [t[_TEXT] for t in run[context[-1] + 1 :] if t[_KIND] == "word"]
    refuses_after = "maar" in rest and any(w in NEGATIONS for w in rest[rest.index("maar") :])
    return not _surely_softens(words) or refuses_after


def _previous_index(run: list[_Token], index: int) -> int | None:
    for position in range(index - 1, -1, -1):
        if run[position][_KIND] != "line":
            return position
    return None


def _surely_mentioned(run: list[_Token], index: int) -> bool:
    """`_is_mention` for sure (its tagger and parser tests only add mentions)."""
    before = [t[_TEXT] for t in run[max(0, index - 2) : index]]
    after = [t[_TEXT] for t in run[index + 1 : index + 3]]
    if before[-2:] in (["ja", "of"], ["ja", "en"], ["ja", "/"]) or after[:2] in (["of", "ja"], ["/", "ja"]):
        return True
    if before[-1:] and (before[-1] in DETERMINERS or before[-1] == "op"):
        return True
    if index + 1 < len(run) and run[index + 1][_KIND] == "word" and run[index + 1][_TEXT] in MENTION_VERBS:
        return True
    close = run[max(0, index - 3) : index]
    return any(t[_TEXT] in MENTION_VERBS for t in close) and not any(t[_KIND] == "mark" for t in close)


def _clause_after(run: list[_Token], position: int) -> list[int]:
    clause = []
    for offset, token in enumerate(run[position:], start=position):
        if token[_TEXT] in CLAUSE_BREAK or (token[_KIND] == "mark" and token[_TEXT] in RUN_END_MARKS):
            break
        if token[_KIND] == "word":
            clause.append(offset)
    return clause


def _surely_softens(words: list[str]) -> bool:
    """`_softens` where it does not need a lemma: agreement, or a negation that takes a worry away."""
    if not any(w in NEGATIONS for w in words):
        return any(w in AGREEMENT for w in words)
    if any(w in REASSURANCE_WORDS for w in words):
        return True
    text = f" {' '.join(words)} "
    if any(f" {phrase} " in text for phrase in REASSURING_PHRASES):
        return True
    # "het ligt niet aan u": the negation clears the customer.
    return any(a == "aan" and b in ADDRESS_PRONOUNS_WITH_JOU for a, b in pairwise(words))
