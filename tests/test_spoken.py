"""Repeats in spoken text: `fluent_words` drops a word or a run of up to three words said twice in a row."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klantlint.transcripts.spoken import _drop_repeat, fluent_words

WORDS = ["kan", "ik", "u", "helpen", "wat", "mag"]


def _collapsed(words: list[str]) -> str:
    """The reference: each word added, then any repeat it completes dropped (no word is a filler or a mark)."""
    kept: list[str] = []
    for word in words:
        kept.append(word)
        _drop_repeat(kept)
    return " ".join(kept)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=24))
def test_every_repeat_is_dropped_as_if_each_word_were_checked(words: list[str]) -> None:
    assert fluent_words(" ".join(words)) == _collapsed(words)


def test_repeats_of_one_to_three_words_go() -> None:
    assert fluent_words("u u kan ik kan ik wat mag ik wat mag ik helpen") == "u kan ik wat mag ik helpen"
