"""Spoken text without its disfluencies, for matching cue phrases in transcribed speech.

Speech-to-text output has fillers ("eh", "hè", "nou", "zeg maar"), light particles ("even", "dus"), words said
twice ("u u", "kan ik kan ik") and false starts ("waar- waarmee") inside the phrases that tell who is speaking:
"Wat kan ik voor hè u doen?". `fluent_words` gives the words as they were meant, lowercased and one space
apart, with a sentence boundary kept as "." and a comma (or colon) as ",", so that a cue cannot match across
them; commas that only set off a filler ("kan ik, eh, voor u") go with it. It is linear in the length of the
text.
"""

from __future__ import annotations

import re

from klantlint.nlp.lexicon import SPOKEN_FILLERS

# Fillers of more than one word, by their last word: the words before it.
MULTI_WORD_FILLERS = {"maar": ("zeg",), "je": ("weet",)}
# Words (a trailing hyphen marks one broken off: "waar-"), sentence ends, commas, and ellipses (a pause, no
# boundary).
_TOKEN = re.compile(r"\.{2,}|…|[^\W_]+(?:['’-][^\W_]+)*-?|[.?!;,:]")
_SENTENCE_END = frozenset(".?!;")
_COMMA = frozenset(",:")
# Longest run of words that a speaker repeats and that is collapsed ("kan ik kan ik" -> "kan ik").
MAX_REPEAT_WORDS = 3


def fluent_words(text: str) -> str:
    """The words of `text` as meant: lowercase, fillers, broken-off words and immediate repeats left out."""
    words: list[str] = []
    after_filler = False
    for token in _TOKEN.findall(text.lower()):
        if token in _SENTENCE_END:
            token = "."
        elif token in _COMMA:
            if after_filler:
                continue
            token = ","
        elif not token[0].isalnum():  # an ellipsis
            continue
        # (`_ends_multi_word_filler` only for the last word of one: a call for every word would cost more than the rest)
        if (
            token in SPOKEN_FILLERS
            or token[-1] == "-"
            or (token in MULTI_WORD_FILLERS and _ends_multi_word_filler(words, token))
        ):
            if words and words[-1] == ",":  # the comma before a filler goes with it, and the one after
                words.pop()
            after_filler = True
            continue
        after_filler = False
        words.append(token)
        if token in words[-1 - MAX_REPEAT_WORDS : -1]:  # a repeat of any size ends with the word it repeats
            _drop_repeat(words)
    return " ".join(words)


def _ends_multi_word_filler(words: list[str], token: str) -> bool:
    """Whether `token` completes a filler of several words ("zeg maar"); then its first words are dropped."""
    head = MULTI_WORD_FILLERS.get(token)
    if head is None or tuple(words[len(words) - len(head) :]) != head:
        return False
    del words[len(words) - len(head) :]
    return True


def _drop_repeat(words: list[str]) -> None:
    """Leave out the last few words when they repeat the words right before them."""
    last, count = words[-1], len(words)
    for size in range(1, min(MAX_REPEAT_WORDS, count // 2) + 1):
        # Cheap test first: a repeat of `size` words ends with the word `size` places back.
        if words[-1 - size] == last and words[-size:] == words[-2 * size : -size]:
            del words[-size:]
            return
