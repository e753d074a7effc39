"""The gates of KL004, KL008, KL009 and KL014 as they were before they were sped up (main at 780cf11), kept as
references: tests/test_gate_equivalence.py holds each sped-up gate to exactly these verdicts. KL004's has since been
sharpened on purpose (issue 16: a mail noun after a filler, `_may_be_channel_noun`), and this copy with it.

Copied verbatim where the code changed; the helpers that did not change are imported from the rules' modules.
"""

from __future__ import annotations

import re

from klantlint.checks.kl004_verwijzen_naar_mail import (
    CHANNEL_BEFORE,
    CHANNEL_PREPOSITIONS,
    KILLS_REFERRAL,
    LEADING_WORDS,
    MAIL_ADDRESS_NOUNS,
    MAIL_CUES,
    MAIL_NOUNS,
    MAIL_VERBS,
    MAIL_WORDS,
    MAY_OPEN_CLAUSE,
    MODALS,
    NOUN_MARKERS,
    SEND_VERBS,
    SPLIT_MARKS,
    SURE_FINITE,
    U_AGREEING_STEMS,
    VERB_POSITION_BEFORE,
    _may_open_clause,
    _maybe_in,
)
from klantlint.checks.kl008_schuld_bij_klant import (
    _CONDITION_ADDRESSEE,
    _COUNTERFACTUAL_AUX,
    _HAD,
    ADDRESS_POSSESSIVES,
    ADDRESS_PRONOUNS,
    CONDITIONAL_OPENERS,
    ERROR_WORDS,
    FAULT_NOUNS,
    REFLEXIVE_ADDRESSEE,
    REPETITION_MARKERS,
    SAY_VERBS,
    SchuldBijKlant,
    _clause_may_blame,
    _reminds_as_said,
)
from klantlint.checks.kl009_herhaalde_beller import CONTACT_WORDS, EVERY, FREQUENT, REPEAT_WORDS, RepeatCaller
from klantlint.nlp.address import JE_FORMS, Form, addresses
from klantlint.nlp.clauses import CLAUSE_ENDERS, words_of
from klantlint.nlp.lexicon import ADDRESS_SUBJECTS, CLAUSE_FILLERS, FIRST_PERSON
from klantlint.nlp.surface import in_order, searchable, splits_full_stop

# KL004 verwijzen-naar-mail: `ReferralToMail.may_fire` -----------------------------------------------------------------

_CHUNK = re.compile(r"\S+")
_GAP = re.compile(r"\s+")
_LEADING_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def kl004_gate(text: str, found: frozenset[str]) -> bool:
    """`ReferralToMail.may_fire`."""
    if found.isdisjoint(MAIL_WORDS):
        return not found.isdisjoint(SEND_VERBS) and "@" in text
    return _referral_possible(text.lower(), found)


class _Chunks:
    """A lowercased text as chunks: the word each starts with (None if it starts otherwise), what follows that word
    in the chunk, and whether exactly one space separates it from the chunk before."""

    def __init__(self, lowered: str) -> None:
        chunks = lowered.split()
        if " ".join(chunks) == lowered:  # the usual case: single spaces only
            self.spaced = [index > 0 for index in range(len(chunks))]
            self.leading_space, self.trailing = False, ""
        else:
            gaps = _GAP.findall(lowered)
            self.leading_space = bool(lowered) and lowered[0].isspace()
            self.trailing = gaps[-1] if lowered and lowered[-1].isspace() else ""
            between = gaps[1:] if self.leading_space else gaps
            self.spaced = [index > 0 and between[index - 1] == " " for index in range(len(chunks))]
        self.words: list[str | None] = []
        self.tails: list[str] = []
        for chunk in chunks:
            if chunk.isalpha():
                self.words.append(chunk)
                self.tails.append("")
                continue
            word = _LEADING_WORD.match(chunk)
            self.words.append(word.group() if word else None)
            self.tails.append(chunk[word.end() :] if word else chunk)
        self._lowered = lowered
        self._starts: list[int] | None = None

    def index_at(self, offset: int) -> int | None:
        """The chunk that starts at character `offset`, if any."""
        if self._starts is None:
            self._starts = [match.start() for match in _CHUNK.finditer(self._lowered)]
        return self._starts.index(offset) if offset in self._starts else None

    def plain(self, index: int) -> str | None:
        """The word that chunk `index` is exactly, if it is one."""
        if 0 <= index < len(self.words) and not self.tails[index]:
            return self.words[index]
        return None

    def token_before(self, index: int) -> str | None:
        """The token before the word of chunk `index`: "" at the start of the text, None when unknown."""
        if index == 0:
            return None if self.leading_space else ""
        return self.plain(index - 1) if self.spaced[index] else None

    def token_after(self, index: int) -> str | None:
        """The first token after plain chunk `index`: "" at the end of the text, None when unknown. The next chunk's
        word stands for its first token: a longer token ("mail.") is in none of the word lists either."""
        if index + 1 == len(self.words):
            return "" if self.trailing in ("", " ") else None
        return self.words[index + 1] if self.spaced[index + 1] else None

    def joined(self, index: int) -> bool:
        """Whether `clauses()` surely does not start a clause at the word of chunk `index`."""
        previous, word, tail = self.token_before(index), self.words[index], self.tails[index]
        if not previous or word is None:
            return False
        if word not in MAY_OPEN_CLAUSE and previous not in CLAUSE_ENDERS:
            return True  # no rule of `_opens_clause` applies
        before_previous = self.token_before(index - 1)
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
        after = self.token_after(index + 1) if following is not None and self.plain(index + 1) else None
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
        neighbours = words[max(0, index - 1) : index] + words[index + 1 : index + 2]
        if word in FIRST_PERSON and any(other in SURE_FINITE for other in neighbours):
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


def _may_refer(chunks: _Chunks, cue: int, sends: bool) -> bool:
    """Whether `check` could report the word of chunk `cue`: `_mail_cue` could take it, no word of its stretch
    rules a referral out, and `_speaker_sends` does not. `sends`: a verb of sending occurs in the text."""
    word = chunks.words[cue]
    start = chunks.stretch_start(cue)
    clause_start = start if start < cue or _token_may_open(chunks, cue) else chunks.stretch_start(cue - 1)
    previous = chunks.words[cue - 1] if clause_start < cue else None  # None: maybe none (a clause may start here)
    # "het" before the mail word may be its object ("u kunt het mailen"): the words before "het" decide ("" at the
    # start of the text; None, outside plain chunks: maybe the addressee or a modal).
    before, before_that = (chunks.plain(index) if index >= 0 else "" for index in (cue - 2, cue - 3))
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
    if not (as_verb or as_noun or as_address) or _speaker_sends(chunks, start, cue):
        return False
    for index in range(clause_start, chunks.stretch_end(cue) + 1):
        sure_token = not chunks.tails[index] or chunks.tails[index][0] in SPLIT_MARKS
        if index != cue and sure_token and chunks.words[index] in KILLS_REFERRAL:
            return False  # "u krijgt een mail", "u hoeft niets te mailen"
    return True


# Sharpened after main at 680a967 (issue 16): a mail noun after a filler ("een ehm mail", "per dus mail") is not a
# channel `_mail_cue` takes, and a clause opening at "mail." only when "mail." is one token has no mail word.
_SENT_NOUN_BEFORE = frozenset({"een", "'n", "even", "maar", "gewoon"})


def _token_may_open(chunks: _Chunks, index: int) -> bool:
    """`_Chunks.joined` negated, with a word and a tail such as "." taken as split only."""
    tail = chunks.tails[index]
    if not tail or tail[0] in SPLIT_MARKS:
        return not chunks.joined(index)
    previous, word = chunks.token_before(index), chunks.words[index]
    if not previous or word is None:
        return True
    if word not in MAY_OPEN_CLAUSE and previous not in CLAUSE_ENDERS:
        return False
    return _may_open_clause(previous, word, tail[0], None, chunks.token_before(index - 1))


def _may_be_channel_noun(chunks: _Chunks, start: int, cue: int, sends: bool) -> bool:
    """Whether `_mail_cue` could take the mail noun of chunk `cue` as the channel (see the rule's copy)."""
    previous = chunks.words[cue - 1] if start < cue else chunks.token_before(cue)
    if previous is None:
        return sends or _previous_letters(chunks, cue) in CHANNEL_BEFORE
    if previous in CHANNEL_PREPOSITIONS:
        return True
    if previous in ("de", "een") and (cue - 1 <= start or chunks.words[cue - 2] in CHANNEL_PREPOSITIONS):
        return True
    if not sends:
        return False
    if previous in _SENT_NOUN_BEFORE:
        return True
    after = [(chunks.words[index] or "") + chunks.tails[index] for index in range(cue + 1, len(chunks.words))]
    sends_after = any(run in SEND_VERBS for chunk in [chunks.tails[cue], *after] for run in _LETTER_RUN.findall(chunk))
    return sends_after and all(chunks.words[index] in LEADING_WORDS for index in range(start, cue))


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
    for index, word in enumerate(chunks.words):
        if word in MAIL_CUES:
            if _may_refer(chunks, index, sends):
                return True
        elif "mail" in chunks.tails[index] or (word is not None and "-" in word and "mail" in word):
            return True  # a mail word inside a chunk ("(mail", "post/mail", "klanten-mail"): not modelled
    return False


# KL008 schuld-bij-klant: `SchuldBijKlant.may_fire` --------------------------------------------------------------------

_SURE_CLAUSE_BREAK = re.compile(r"(?:^|(?<=\s))([^\W\d_]+)([,;:?!….])(?=\s|\Z)|(?:^|(?<=\s))[()–—](?=\s|\Z)")
_WORD = re.compile(r"\w+")


def kl008_gate(text: str, found: frozenset[str]) -> bool:
    """`SchuldBijKlant.may_fire`."""
    if SchuldBijKlant.triggers.isdisjoint(found):
        return False
    return _may_blame(text)


def _may_blame(text: str) -> bool:
    """Whether `SchuldBijKlant.check` could find blame in `text` (a necessary condition)."""
    lowered = searchable(text)
    words = set(_WORD.findall(lowered))
    if not _words_may_blame(words):
        return False
    if len(lowered) != len(text):
        return True  # lower-casing moved the offsets (rare Unicode): no finer test
    if "zoals" in words and _reminds_as_said(lowered):
        return True
    conditional = not words.isdisjoint(CONDITIONAL_OPENERS)
    if conditional and in_order(lowered, _CONDITION_ADDRESSEE, _HAD, _COUNTERFACTUAL_AUX) is not None:
        return True
    return any(_clause_may_blame(text, stretch, lowered) for stretch in _clause_stretches(text, lowered))


def _words_may_blame(words: set[str]) -> bool:
    """The words that some finder needs anywhere in the text."""
    if not words.isdisjoint(SAY_VERBS) and (
        "zoals" in words  # "zoals ik al zei"
        or (not words.isdisjoint(REPETITION_MARKERS) and not words.isdisjoint(FIRST_PERSON))  # "ik zei het al"
    ):
        return True
    if not words.isdisjoint(FAULT_NOUNS) and not words.isdisjoint(ADDRESS_POSSESSIVES):
        return True  # "uw eigen schuld"
    if not words.isdisjoint(REFLEXIVE_ADDRESSEE) or ("ligt" in words and "aan" in words):
        return True  # "aan uzelf te danken", "het ligt aan u"
    if words.isdisjoint(ADDRESS_PRONOUNS):
        return False
    if not words.isdisjoint(("had", "hadden", "was", "waren")) and (
        not words.isdisjoint(("moeten", "kunnen", "maar")) or not words.isdisjoint(CONDITIONAL_OPENERS)
    ):
        return True  # "had u ... moeten", "had u ... maar", "als u ... had ..., had u ..."
    return not words.isdisjoint(ERROR_WORDS) or ("niet" in words and not words.isdisjoint(("goed", "juist", "correct")))


def _clause_stretches(text: str, lowered: str) -> list[tuple[int, int]]:
    """`text` cut at its sure clause breaks (the marks left out), as (start, end) offsets."""
    stretches = []
    start = 0
    for match in _SURE_CLAUSE_BREAK.finditer(text):
        word, mark = match.group(1), match.group(2)
        if mark == "." and not splits_full_stop(word):
            continue
        stretches.append((start, match.start(2) if mark else match.start()))
        start = match.end()
    stretches.append((start, len(lowered)))
    return [(start, end) for start, end in stretches if end > start]


# KL009 herhaalde-beller: `RepeatCaller.may_fire` ----------------------------------------------------------------------


def kl009_gate(text: str, found: frozenset[str]) -> bool:
    """`RepeatCaller.may_fire`."""
    if RepeatCaller.triggers.isdisjoint(found):
        return False
    words = words_of(text)
    counted = words & (REPEAT_WORDS | EVERY | {"keer"})
    return bool(
        (words & CONTACT_WORDS and counted and words & ADDRESS_SUBJECTS)
        or (words & {"beller", "belster"} and words & FREQUENT)
        or words & {"weer", "alweer", "wéér"}
    )


# KL014 aanspreekvorm-wisselen: the je-word prefilter of `MixedAddress.may_fire_in_document` ---------------------------

MAY_HOLD_JE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(JE_FORMS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


def deviating_form(segments: tuple[str, ...], preferred: str) -> Form | None:
    """`deviating_form` of KL014, which `MixedAddress.may_fire` asks (uncached here)."""
    if preferred in ("u", "je"):
        return "je" if preferred == "u" else "u"
    uses = [a.form for text in segments for a in addresses(text)]
    if "u" not in uses or "je" not in uses:
        return None
    # The rarer form is the slip; on a tie "je" is, since "u" is the professional default.
    return "u" if uses.count("u") < uses.count("je") else "je"
