"""The trigger scan: whole-word occurrences of the trigger words, case-insensitively, "_" not a word character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klantlint.engine.triggers import TriggerScanner

# Words that overlap each other and the text's edges: one letter, prefixes, a hyphen, spaces at either end.
WORDS = ["u", "uw", "uwe", "e-mail", "mail", "nee", " nee", "nee ", "al weer", "ü"]
# Uppercase forms, letters and digits that glue to a word, and characters that end one.
PIECES = ["U", "UW", "E-", "MAIL", "x", "1", " ", "_", ".", "Ü", "İ", "ẞ"]
SCANNER = TriggerScanner(WORDS)


def _whole_word_occurrences(lowered: str) -> frozenset[str]:
    """The reference: every word with an occurrence that has no letter or digit right before or after it."""
    found = set()
    for word in WORDS:
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                found.add(word)
            at = lowered.find(word, at + 1)
    return frozenset(found)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, *PIECES])).map("".join))
def test_the_scan_finds_exactly_the_whole_word_occurrences(text: str) -> None:
    lowered = text.lower()
    assert SCANNER.scan(text) == SCANNER.scan(text, lowered=lowered) == _whole_word_occurrences(lowered)


def test_words_at_the_edges_of_the_text_are_found() -> None:
    assert SCANNER.scan("U") == {"u"}
    assert SCANNER.scan("nee") == {"nee"}
    assert SCANNER.scan("nee u") == {"nee", "u"}  # "nee " is followed by a letter
    assert SCANNER.scan("u nee ") == {"u", "nee", "nee "}
    assert SCANNER.scan(" nee") == {"nee", " nee"}
    assert SCANNER.scan("xu ux") == frozenset()
