"""KL004 verwijzen-naar-mail: sending the caller off to e-mail ("Stuur maar een mailtje", "u kunt het mailen")."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from klantlint.engine.base import Explanation, GateCue, Hit, Rule, RuleContext, RuleInfo
from klantlint.nlp.clauses import (
    ADVERBIAL_SUBORDINATORS,
    ARTICLES,
    CLAUSE_ENDERS,
    CLAUSE_OPENERS,
    CLAUSE_SUBJECT_STARTS,
    EXTRA_FINITE,
    FINITE_AUX,
    FRONTED,
    IMPERATIVE_FOLLOWERS,
    IMPERATIVE_STEMS,
    INTERJECTIONS,
    SUBJECT_PRONOUNS,
    U_AGREEING_STEMS,
    clauses,
    content,
    invites_later_contact,
    is_past,
    negated,
    sentence_rewrite,
    subject_of,
    utterance,
)
from klantlint.nlp.lexicon import (
    ADDRESS_SUBJECTS,
    CLAUSE_FILLERS,
    CLAUSE_OPENING_PRONOUNS,
    DETERMINERS,
    FIRST_PERSON,
    NEGATIONS,
    PAST_FORMS,
    QUESTION_WORDS,
    SUBORDINATORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    heeft hebben binnenkomen komt komen akkoord kies kiest kiezen hoort horen""".split()
)
# "U blijft per e-mail op de hoogte", "u wordt via e-mail op de hoogte gehouden": we inform the caller by e-mail,
# the recommended practice; unless the caller is to keep us informed ("Houdt u ons per mail op de hoogte").
INFORMED = frozenset({"hoogte"})
US = frozenset({"ons", "mij", "me"})
# Before "mailen" these make it a noun ("het mailen"); "ons" and "je" are pronouns there ("naar ons mailen").
NOUN_MARKERS = (ARTICLES - {"je"}) | {"deze", "dit", "die"}
MODALS = frozenset(
    "wil wilt willen kan kun kunt kunnen moet moeten mag mogen zal zult zullen zou zouden hoeft hoef hoeven".split()
)
CHANNEL_PREPOSITIONS = frozenset({"per", "via", "op", "met"})
# "stuur maar een mailtje", "stuur even e-mail": the words before a mail noun that, with a verb of sending in the
# clause, make it the channel the caller is sent to (besides a channel preposition, or none: the clause's first word).
SENT_NOUN_BEFORE = frozenset({"een", "'n", "even", "maar", "gewoon"})
# "per mail of per post": offering a choice of channel is not sending the caller off.
OTHER_CHANNELS = frozenset({"post", "telefoon", "telefonisch", "brief", "sms", "app", "whatsapp", "balie"})
IMPERSONAL_VERBS = frozenset({"moet", "moeten", "kan", "kunnen", "gaat", "gaan", "loopt", "verloopt", "gebeurt"})
# "Mail deze pagina naar een vriend", "stuur de link per e-mail door aan uzelf": the customer shares something with
# people of their own; nobody is sent off to write to us ("mail het naar mijn collega" still is: a colleague is us).
THIRD_PARTIES = frozenset(
    """vriend vriendin vrienden vriendinnen kennis kennissen familie familielid familieleden buren buurman
    buurvrouw uzelf jezelf zichzelf anderen""".split()
)


def _object_het(before: str | None, before_that: str | None) -> bool:
    """Whether "het" after these two words is the object of a mail verb ("u kunt het mailen", "kun je het
    mailen"), not the article of the noun "het mailen": it follows the addressee or the addressee's modal."""
    return before in ADDRESS_SUBJECTS or (before in MODALS and before_that in ADDRESS_SUBJECTS)


def _mail_cue(words: list[Token]) -> tuple[Token, bool] | None:
    """The word that brings e-mail into the clause as the customer's channel, and whether it is the verb."""
    lowers = [w.lower_ for w in words]
    has_send_verb = any(w in SEND_VERBS for w in lowers)
    for index, word in enumerate(words):
        lower = lowers[index]
        previous = lowers[index - 1] if index > 0 else ""
        # "mail" is also a noun; as a verb it opens the clause or follows its subject ("mail het maar").
        verb_position = lower not in MAIL_NOUNS or index == 0 or previous in ("u", "je", "jij", "maar", "even")
        noun_marker = previous in NOUN_MARKERS and not (
            previous == "het" and index > 1 and _object_het(lowers[index - 2], lowers[index - 3] if index > 2 else None)
        )
        if lower in MAIL_VERBS and verb_position and not noun_marker and previous not in CHANNEL_PREPOSITIONS:
            return word, True
        if lower in MAIL_NOUNS:
            # "per mail", "via de mail", "op de mail", "met een mailtje"
            channel = previous in CHANNEL_PREPOSITIONS or (
                previous in ("de", "een") and index > 1 and lowers[index - 2] in CHANNEL_PREPOSITIONS
            )
            if channel or (has_send_verb and (previous in SENT_NOUN_BEFORE or previous == "")):
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
    if any(w.lower_ in RECEIVE_VERBS for w in words) or _past_or_perfect(words, cue) or _to_someone_else(words):
        return None
    lowers = {w.lower_ for w in words}
    if lowers & INFORMED and not lowers & US:
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


def _to_someone_else(words: list[Token]) -> bool:
    """'naar een vriend', 'aan uw familie', 'naar uzelf': the mail goes to the customer's own people or to
    themself."""
    lowers = [w.lower_ for w in words]
    for index, word in enumerate(lowers):
        if word in ("naar", "aan") and any(w in THIRD_PARTIES for w in lowers[index + 1 : index + 4]):
            return True
    return False


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


# The cheap gate reads the lowercased text as chunks between whitespace. A chunk that is a word (letters, maybe
# joined by hyphens: "e-mail") is one token; in "mail," the word and the mark are tokens; "mail." may be one token
# (an abbreviation) or two. `_Chunks.joined` says where `clauses()` surely does not start a clause, mirroring
# `_opens_clause` for any tags; so the words around a mail word up to the nearest place where a clause could start
# (its *stretch*) are surely in the mail word's clause.
_CHUNK = re.compile(r"\S+")
_GAP = re.compile(r"\s+")
_LEADING_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
SPLIT_MARKS = ",;:!?…"  # after a word, always a token of their own
SURE_FINITE = (FINITE_AUX | EXTRA_FINITE) - INTERJECTIONS
INVERTED_SUBJECTS = frozenset(SUBJECT_PRONOUNS) | {"het", "er"}
SUBORDINATE_SUBJECTS = frozenset(SUBJECT_PRONOUNS) | CLAUSE_SUBJECT_STARTS
LEADING_WORDS = CLAUSE_FILLERS | SUBORDINATORS
# Words at which `_opens_clause` may start a clause (besides after a word of CLAUSE_ENDERS).
MAY_OPEN_CLAUSE = CLAUSE_OPENERS | FRONTED | IMPERATIVE_STEMS | CLAUSE_OPENING_PRONOUNS
# Words that rule out a referral in `refers_to_mail` wherever they stand in the clause (fillers aside: `content`
# drops a leading "kijk").
KILLS_REFERRAL = (RECEIVE_VERBS | NEGATIONS | PAST_FORMS) - CLAUSE_FILLERS
VERB_POSITION_BEFORE = frozenset({"u", "je", "jij", "maar", "even"})
CHANNEL_BEFORE = CHANNEL_PREPOSITIONS | {"de", "een"}
MAIL_CUES = MAIL_VERBS | MAIL_NOUNS | MAIL_ADDRESS_NOUNS


class _Chunks:
    """A lowercased text as chunks (the runs between whitespace): the word each starts with (None if it starts
    otherwise), what follows that word in the chunk, whether exactly one space separates it from the chunk before,
    and the token before its word."""

    def __init__(self, lowered: str) -> None:
        chunks = lowered.split()
        words: list[str | None] = []
        tails: list[str] = []
        plains: list[str | None] = []  # the chunks that are exactly a word
        for chunk in chunks:
            if chunk.isalpha():
                words.append(chunk)
                tails.append("")
                plains.append(chunk)
                continue
            word = _LEADING_WORD.match(chunk)
            words.append(word.group() if word else None)
            tails.append(chunk[word.end() :] if word else chunk)
            plains.append(word.group() if word and word.end() == len(chunk) else None)
        self.chunks, self.words, self.tails, self.plains = chunks, words, tails, plains
        # `before`: the token before the word of each chunk, "" at the start of the text, None when unknown.
        if " ".join(chunks) == lowered:  # the usual case: single spaces only
            self.spaced = [False] + [True] * (len(chunks) - 1) if chunks else []
            self.leading_space, self.trailing = False, ""
            self.before: list[str | None] = ["", *plains[:-1]] if chunks else []
        else:
            gaps = _GAP.findall(lowered)
            self.leading_space = bool(lowered) and lowered[0].isspace()
            self.trailing = gaps[-1] if lowered and lowered[-1].isspace() else ""
            between = gaps[1:] if self.leading_space else gaps
            self.spaced = [index > 0 and between[index - 1] == " " for index in range(len(chunks))]
            first = None if self.leading_space else ""
            after_first = zip(plains[:-1], self.spaced[1:], strict=True)
            self.before = [first, *(plain if spaced else None for plain, spaced in after_first)] if chunks else []
        self._lowered = lowered
        self._starts: list[int] | None = None

    def index_at(self, offset: int) -> int | None:
        """The chunk that starts at character `offset`, if any."""
        if self._starts is None:
            self._starts = [match.start() for match in _CHUNK.finditer(self._lowered)]
        return self._starts.index(offset) if offset in self._starts else None

    def plain(self, index: int) -> str | None:
        """The word that chunk `index` is exactly, if it is one."""
        return self.plains[index] if 0 <= index < len(self.plains) else None

    def token_before(self, index: int) -> str | None:
        """The token before the word of chunk `index`: "" at the start of the text, None when unknown."""
        return self.before[index]

    def token_after(self, index: int) -> str | None:
        """The first token after plain chunk `index`: "" at the end of the text, None when unknown. The next chunk's
        word stands for its first token: a longer token ("mail.") is in none of the word lists either."""
        if index + 1 == len(self.words):
            return "" if self.trailing in ("", " ") else None
        return self.words[index + 1] if self.spaced[index + 1] else None

    def joined(self, index: int) -> bool:
        """Whether `clauses()` surely does not start a clause at the word of chunk `index`."""
        previous, word, tail = self.before[index], self.words[index], self.tails[index]
        if not previous or word is None:
            return False
        if word not in MAY_OPEN_CLAUSE and previous not in CLAUSE_ENDERS:
            return True  # no rule of `_opens_clause` applies
        before_previous = self.before[index - 1]
        if tail:
            if tail[0] in SPLIT_MARKS:
                return not _may_open_clause(previous, word, tail[0], None, before_previous)
            # "mail." is "mail" and ".", or one token followed by the next chunk.
            following = self.words[index + 1] if index + 1 < len(self.words) and self.spaced[index + 1] else None
            return not (
                _may_open_clause(previous, word, tail[0], None, before_previous)
                or _may_open_clause(previous, word + tail, following, None, before_previous)
            )
        following = self.token_after(index)
        if following == "":
            return True  # `_opens_clause` is false for the last token
        after = self.token_after(index + 1) if following is not None and self.plains[index + 1] else None
        return not _may_open_clause(previous, word, following, after, before_previous)

    def stretch_start(self, index: int) -> int:
        """The first chunk of the stretch around chunk `index` (the chunks surely in its clause)."""
        while self.joined(index):
            index -= 1
        return index

    def stretch_end(self, index: int) -> int:
        """The last chunk of the stretch around chunk `index`."""
        while index + 1 < len(self.words) and self.joined(index + 1):
            index += 1
        return index


def _surely_finite(word: str, before: str | None) -> bool:
    """`is_finite` whatever the tagger says: an auxiliary or listed verb form, not after an article."""
    return before is not None and word in SURE_FINITE and not (before in ARTICLES and before not in ("het", "je"))


def _maybe_in(word: str | None, words: Collection[str]) -> bool:
    return word is None or word in words


def _may_open_clause(
    previous: str, word: str, following: str | None, after: str | None, before_previous: str | None
) -> bool:
    """Whether `_opens_clause` could hold for `word` (between `previous` and `following`, then `after`; None is
    unknown) whatever the tags: its rules in its order, each taken as true where it depends on a tag."""
    # `_inverted_after` at `following`: a finite verb, or a plain word, with a subject pronoun after it.
    inverted = bool(following) and (after is None or after in INVERTED_SUBJECTS)
    if word in ADVERBIAL_SUBORDINATORS and _maybe_in(following, SUBORDINATE_SUBJECTS):
        return True
    if word in CLAUSE_OPENERS:
        return _maybe_in(following, SUBJECT_PRONOUNS) or inverted
    if previous in DETERMINERS:
        return False
    if word in FRONTED and inverted:
        return True
    if previous in CLAUSE_ENDERS and _maybe_in(following, SUBJECT_PRONOUNS):
        return True
    if word in IMPERATIVE_STEMS and _maybe_in(following, IMPERATIVE_FOLLOWERS):
        return previous not in SUBJECT_PRONOUNS and previous != "te" and not _surely_finite(previous, before_previous)
    return (
        word in CLAUSE_OPENING_PRONOUNS
        and previous not in CLAUSE_OPENERS
        and previous not in SUBJECT_PRONOUNS
        and previous not in QUESTION_WORDS
        and not _surely_finite(previous, before_previous)
    )


def _speaker_sends(chunks: _Chunks, start: int, cue: int) -> bool:
    """Whether the speaker is the subject before the mail word, so that the speaker sends the mail and nobody is
    sent to it: its stretch holds a verb form next to ik/we/wij ("zal ik u de gegevens mailen", "ik stuur u een
    bevestiging per mail"), or opens (fillers apart) with ik/we/wij, with u right after ik/we/wij and maybe a verb
    ("zal ik ehm u de gegevens mailen", "ik stuur ehm u ...") or with a verb form that cannot have u as its subject
    and u ("(ik) stuur u ...").

    A surface condition that `check` requires too: where the clauses are cut otherwise ("klopt het dat u ... woont
    zal ik u de gegevens mailen"), the words right before the mail word still say who sends it."""
    words = [chunks.words[index] or "" for index in range(start, cue)]
    for index, word in enumerate(words):
        if word in FIRST_PERSON and (
            (index > 0 and words[index - 1] in SURE_FINITE)
            or (index + 1 < len(words) and words[index + 1] in SURE_FINITE)
        ):
            return True
    lead = 0
    while lead < len(words) and words[lead] in CLAUSE_FILLERS:
        lead += 1
    if lead < len(words) and words[lead] in ADDRESS_SUBJECTS and _speaker_right_before(chunks, start + lead):
        return True
    while lead < len(words) and words[lead] in LEADING_WORDS:
        lead += 1
    if lead == len(words):
        return False
    first, second = words[lead], words[lead + 1] if lead + 1 < len(words) else ""
    # "stuur u": a verb form that cannot have u as its subject has the speaker as its subject.
    agrees_with_u = first.endswith(("t", "d", "de", "te", "den", "ten")) or first in U_AGREEING_STEMS
    return first in FIRST_PERSON or (first in SURE_FINITE and second == "u" and not agrees_with_u)


def _speaker_right_before(chunks: _Chunks, index: int) -> bool:
    """Whether ik/we/wij, maybe with a verb form after it, is right before chunk `index`, fillers apart: "ik ehm u",
    "ik stuur ehm u"."""
    previous = _word_before(chunks, index)
    if previous[1] in SURE_FINITE:
        previous = _word_before(chunks, previous[0])
    return previous[1] in FIRST_PERSON


def _word_before(chunks: _Chunks, index: int) -> tuple[int, str | None]:
    """The chunk before chunk `index` and its word, fillers apart (the word is None when unknown)."""
    while True:
        previous = chunks.token_before(index)
        index -= 1
        if previous not in CLAUSE_FILLERS:
            return index, previous


def _speaker_sends_at(text: str, offset: int) -> bool:
    """`_speaker_sends` for the mail word that starts at `offset` in `text`."""
    chunks = _Chunks(text.lower())
    cue = chunks.index_at(offset)
    return cue is not None and _speaker_sends(chunks, chunks.stretch_start(cue), cue)


def _may_refer(chunks: _Chunks, cue: int, sends: bool) -> bool:
    """Whether `check` could report the word of chunk `cue`: `_mail_cue` could take it, no word of its stretch
    rules a referral out, and `_speaker_sends` does not. `sends`: a verb of sending occurs in the text."""
    word = chunks.words[cue]
    start = chunks.stretch_start(cue)
    # The chunks surely in the clause of the mail word: its stretch, and the one before when no clause can open at
    # the mail word as a token of its own ("per nou mail.": only "mail." as one token could open one, and that is
    # no mail word).
    clause_start = start if start < cue or _token_may_open(chunks, cue) else chunks.stretch_start(cue - 1)
    previous = chunks.words[cue - 1] if clause_start < cue else None  # None: maybe none (a clause may start here)
    # "het" before the mail word may be its object ("u kunt het mailen"): the words before "het" decide ("" at the
    # start of the text; None, outside plain chunks: maybe the addressee or a modal).
    before = chunks.plain(cue - 2) if cue >= 2 else ""
    before_that = chunks.plain(cue - 3) if cue >= 3 else ""
    noun_marker = previous in NOUN_MARKERS and not (
        previous == "het"
        and (
            _maybe_in(before, ADDRESS_SUBJECTS)
            or (_maybe_in(before, MODALS) and _maybe_in(before_that, ADDRESS_SUBJECTS))
        )
    )
    as_verb = word in MAIL_VERBS and not (noun_marker or previous in CHANNEL_PREPOSITIONS)
    if as_verb and word in MAIL_NOUNS:
        # "mail" as a verb opens its clause (fillers and subordinators apart) or follows u/je/maar/even.
        opens = all(chunks.words[index] in LEADING_WORDS for index in range(clause_start, cue))
        as_verb = opens or previous in VERB_POSITION_BEFORE
    as_noun = word in MAIL_NOUNS and _may_be_channel_noun(chunks, clause_start, cue, sends)
    as_address = word in MAIL_ADDRESS_NOUNS and sends
    # `check` asks `_speaker_sends` of the mail word's own stretch.
    if not (as_verb or as_noun or as_address) or _speaker_sends(chunks, start, cue):
        return False
    for index in range(clause_start, chunks.stretch_end(cue) + 1):
        sure_token = not chunks.tails[index] or chunks.tails[index][0] in SPLIT_MARKS
        if index != cue and sure_token and chunks.words[index] in KILLS_REFERRAL:
            return False  # "u krijgt een mail", "u hoeft niets te mailen"
    return True


def _token_may_open(chunks: _Chunks, index: int) -> bool:
    """Whether `clauses()` could start a clause at the word of chunk `index` as a token of its own: as
    `_Chunks.joined`, except that a word with a tail such as "." ("mail.") is taken as split from it only (a word
    that swallows its tail is another word)."""
    tail = chunks.tails[index]
    if not tail or tail[0] in SPLIT_MARKS:
        return not chunks.joined(index)
    previous, word = chunks.before[index], chunks.words[index]
    if not previous or word is None:
        return True
    if word not in MAY_OPEN_CLAUSE and previous not in CLAUSE_ENDERS:
        return False
    return _may_open_clause(previous, word, tail[0], None, chunks.before[index - 1])


def _may_be_channel_noun(chunks: _Chunks, start: int, cue: int, sends: bool) -> bool:
    """Whether `_mail_cue` could take the mail noun of chunk `cue` (its stretch starts at chunk `start`) as the
    channel: the word before it in its clause is a channel preposition ("per mail"), "de"/"een" after one ("via de
    mail"), or, with a verb of sending in the clause, one of `SENT_NOUN_BEFORE` or none at all. A filler in between
    ("een ehm mail", "per dus mail") is that word before it, so the noun is not taken.

    The word before is known inside the stretch (its chunks are plain words, each one token, in the clause), and at
    the stretch's start when a plain word is one space before it (if the clause starts earlier, it is that word).
    There is no word before when the clause opens at the noun or with only leading fillers and subordinators before
    it (`content` drops those): then its verb of sending can only come after the noun."""
    previous = chunks.words[cue - 1] if start < cue else chunks.token_before(cue)
    if previous is None:
        return sends or _previous_letters(chunks, cue) in CHANNEL_BEFORE
    if previous in CHANNEL_PREPOSITIONS:
        return True
    # The word before "de"/"een" is known only inside the stretch.
    if previous in ("de", "een") and (cue - 1 <= start or chunks.words[cue - 2] in CHANNEL_PREPOSITIONS):
        return True
    if not sends:
        return False
    if previous in SENT_NOUN_BEFORE:
        return True
    no_word_before = all(chunks.words[index] in LEADING_WORDS for index in range(start, cue))
    return no_word_before and _sends_after(chunks, cue)


def _sends_after(chunks: _Chunks, cue: int) -> bool:
    """Whether a verb of sending may follow the word of chunk `cue`: a run of letters after it is one."""
    rest = [chunks.tails[cue], *chunks.chunks[cue + 1 :]]
    return any(run in SEND_VERBS for chunk in rest for run in _LETTER_RUN.findall(chunk))


def _previous_letters(chunks: _Chunks, index: int) -> str:
    """The last run of letters before chunk `index` ("per" in "per, mail"): `_mail_cue` skips punctuation."""
    for other in range(index - 1, -1, -1):
        runs = _LETTER_RUN.findall((chunks.words[other] or "") + chunks.tails[other])
        if runs:
            return runs[-1]
    return ""


def _referral_possible(lowered: str, found: frozenset[str]) -> bool:
    """The gate of `ReferralToMail`: some mail word that `check` could report."""
    sends = not found.isdisjoint(SEND_VERBS)
    if sends and "@" in lowered:
        return True  # an e-mail address as the goal of sending: not modelled here
    chunks = _Chunks(lowered)
    for index in [index for index, chunk in enumerate(chunks.chunks) if "mail" in chunk]:  # each mail cue has "mail"
        word = chunks.words[index]
        if word in MAIL_CUES:
            if _may_refer(chunks, index, sends):
                return True
        elif "mail" in chunks.tails[index] or (word is not None and "-" in word and "mail" in word):
            return True  # a mail word inside a chunk ("(mail", "post/mail", "klanten-mail"): not modelled
    return False


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
    needs = "tags"  # reads no dependency tree
    triggers_required = True  # `may_fire` is false without one of `triggers`

    def cues(self) -> tuple[GateCue, ...]:
        """A trigger, and a mail word or an "@": a verb of sending alone is not enough."""
        return GateCue(words=self.triggers), GateCue(words=MAIL_WORDS, substrings=frozenset({"@"}))

    def may_fire(self, text: str, found: frozenset[str], context: RuleContext) -> bool:
        if found.isdisjoint(MAIL_WORDS):
            return not found.isdisjoint(SEND_VERBS) and "@" in text
        return _referral_possible(text.lower(), found)

    def check(self, doc: Doc, context: RuleContext) -> Iterable[Hit]:
        reported: set[int] = set()
        for clause in clauses(doc):
            cue = refers_to_mail(clause)
            if cue is None or _speaker_sends_at(doc.text, cue.idx):
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
