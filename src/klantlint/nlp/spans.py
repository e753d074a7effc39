"""Sentence-like runs of a parsed text that do not depend on the parser."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


RUN_END = ".!?…"


def punctuation_runs(doc: Doc) -> list[Span]:
    """Sentences by punctuation and line breaks only: an unpunctuated transcript turn is one run.

    Rules that must stay correct when the parser splits unpunctuated speech badly judge these runs.
    """
    spans: list[Span] = []
    start = 0
    for token in doc:
        if token.text in RUN_END or "\n" in token.text:
            if token.i + 1 > start:
                spans.append(doc[start : token.i + 1])
            start = token.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return spans
