"""Small text surgery shared by rules: deleting a word cleanly and keeping capitalisation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klantlint.engine.base import ProposedFix
from klantlint.nlp.lexicon import INFORMAL_ADDRESS, SUBJECT_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# After a dropped opener the contrast word has nothing to contrast: "Sorry, maar dat kan niet" -> "Dat kan niet".
_DANGLING_AFTER_OPENER = {"maar"}


def match_case(replacement: str, original: str, *, at_sentence_start: bool) -> str:
    """Give `replacement` the capitalisation of `original` at the start of a sentence."""
    if not replacement:
        return replacement
    if at_sentence_start and original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    if not at_sentence_start and original[:1].islower():
        return replacement[0].lower() + replacement[1:] if replacement[1:2].islower() else replacement
    return replacement


def _subject_after_verb(doc: Doc, verb_index: int, limit: int) -> int | None:
    """End index of a short subject right after a fronted finite verb ("kunnen [wij]", "gaat [de cursus]")."""
    index = verb_index + 1
    if index >= limit:
        return None
    if doc[index].lower_ in SUBJECT_PRONOUNS and doc[index].pos_ != "DET":
        return index + 1
    if doc[index].pos_ == "DET" or doc[index].lower_ in ("de", "het", "een"):
        index += 1
        while index < limit and doc[index].pos_ == "ADJ":
            index += 1
        if index < limit and doc[index].pos_ in ("NOUN", "PROPN"):
            return index + 1
    return None


def deletion_fix(span: Span, description: str, safe: bool) -> ProposedFix:
    """Remove `span` with the comma and space that belong to it, keeping a correct Dutch sentence.

    A fronted adverb ("Helaas kunnen wij ...") makes the verb come before the subject; without it the
    subject moves back to the front ("Wij kunnen ..."), else the sentence would read as a question.
    """
    doc = span.doc
    sentence = span.sent
    start = span.start_char
    end_token = span.end
    at_start = span.start == sentence.start or all(t.is_punct for t in doc[sentence.start : span.start])
    capital = span.text[:1].isupper()
    if end_token < sentence.end and doc[end_token].text == ",":
        end_token += 1
    after_conjunction = False
    if at_start and end_token < sentence.end and doc[end_token].lower_ in _DANGLING_AFTER_OPENER:
        end_token += 1
        after_conjunction = True
        if end_token < sentence.end and doc[end_token].text == ",":
            end_token += 1
    if end_token >= sentence.end or doc[end_token].is_punct:
        # Nothing but punctuation follows: take the comma and space before the span instead.
        while start > 0 and doc.text[start - 1] in " ,":
            start -= 1
        return ProposedFix("", start, span.end_char, description, safe)
    following = doc[end_token]
    if not at_start:
        return ProposedFix("", start, following.idx, description, safe)
    if not after_conjunction and following.pos_ in ("AUX", "VERB") and "VerbForm=Fin" in str(following.morph):
        subject_end = _subject_after_verb(doc, end_token, sentence.end)
        if subject_end is None:
            return ProposedFix("", start, following.idx, description, safe=False)
        subject = doc[end_token + 1 : subject_end].text
        subject = subject[:1].upper() + subject[1:] if capital else subject
        verb = following.text.lower() if following.pos_ != "PROPN" else following.text
        last = doc[subject_end - 1]
        return ProposedFix(f"{subject} {verb}", start, last.idx + len(last), description, safe)
    first = following.text[:1]
    replacement = first.upper() if capital else first
    return ProposedFix(replacement, start, following.idx + 1, description, safe)


def uses_je(span: Span) -> bool:
    """Whether the text addresses the listener informally (je/jij/jouw) rather than with u."""
    return any(token.lower_ in INFORMAL_ADDRESS for token in span)
