"""spaCy's tokenizer, adding each special case when a text first contains its string.

spaCy's `Tokenizer` adds all its special cases when it is loaded. For the bundled model's 4,670 cases that is about
0.45 s of every model load: `add_special_case` validates each case, builds its tokens and, for a case with affixes,
tokenizes it again for a phrase-matcher pattern. A special case can only change how a text is split when its string
occurs in that text, whitespace aside:
- the tokenizer looks up each whitespace-separated chunk of the text, and the parts of a chunk left after affixes
  are split off, all of them substrings of the text;
- its phrase matcher matches a case's tokens also where whitespace separates them in the text, and a match counts
  even where it is not applied: it can keep a shorter, overlapping one from applying (`_filter_special_spans` in
  spaCy's tokenizer.pyx; `explain` labels tokens by such matches too). The tokens of a match, put together, are the
  case's string without its whitespace, so that string occurs in the text with its whitespace removed.
So this tokenizer keeps the cases pending, finds with one Aho-Corasick automaton which pending strings (whitespace
removed) the text (whitespace removed) contains, and adds those, in the order spaCy adds them (sorted), before it
splits the text. Adding a case flushes the tokenizer's cache, as in spaCy, so no chunk split before a case was added
is reused after it. A case of whitespace alone would be found in nearly every text; such cases are added at once.

What differs from spaCy's tokenizer is when the work is done, and what the vocabulary holds: a case's lexemes enter
it when the case is added. `rules` lists every case, added or pending; `to_bytes` (with it `to_disk` and
`nlp.to_bytes`) adds the pending cases first, so the serialised tokenizer is spaCy's.

This relies on spaCy internals (3.8), pinned by tests/test_lazy_tokenizer.py against spaCy's own tokenizer:
`__init__` and the `rules` setter hand all cases to `_load_special_cases` (the setter after clearing them);
`_reload_special_cases` (run when an affix pattern is set) flushes the added cases and hands them back to it;
`explain` reads `rules` and the phrase matcher.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ahocorasick
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

SpecialCases = dict[str, list[dict[Any, Any]]]


class LazySpecialCasesTokenizer(Tokenizer):
    """A `Tokenizer` whose special cases are added when a text to split contains their string."""

    _pending: SpecialCases
    _finder: ahocorasick.Automaton | None

    def _load_special_cases(self, special_cases: SpecialCases | None) -> None:
        added = Tokenizer.rules.__get__(self)
        if special_cases is not None and special_cases is added:
            # `_reload_special_cases`: the cases added so far were flushed; add them again, keep the others pending.
            super()._load_special_cases(special_cases)
            return
        # `__init__` or the `rules` setter: these are all the cases now, none of them added yet.
        self._pending = dict(special_cases or {})
        self._finder = _finder(self._pending)
        self._add(sorted(string for string in self._pending if not _squeezed(string)))

    def add_special_case(self, string: str, substrings: Iterable[dict[Any, Any]]) -> None:
        self._pending.pop(string, None)  # added explicitly: no pending version may replace it later
        super().add_special_case(string, substrings)

    def add_occurring(self, text: str) -> None:
        """Add the pending special cases whose string occurs in `text`."""
        if self._finder is None or not self._pending:
            return
        pending = self._pending
        found = self._finder.iter(_squeezed(text))
        self._add(sorted({string for _, strings in found for string in strings if string in pending}))

    def _add(self, strings: list[str]) -> None:
        pending = self._pending
        for string in strings:
            super().add_special_case(string, pending.pop(string))

    def __call__(self, string: str) -> Doc:
        self.add_occurring(string)
        return super().__call__(string)

    def explain(self, text: str) -> list[tuple[str, str]]:
        self.add_occurring(text)
        return super().explain(text)  # type: ignore[no-any-return]

    @property
    def rules(self) -> SpecialCases:
        """Every special case, added or pending (a new dict when some are pending)."""
        added: SpecialCases = Tokenizer.rules.__get__(self)
        return {**added, **self._pending} if self._pending else added

    @rules.setter
    def rules(self, rules: SpecialCases) -> None:
        Tokenizer.rules.__set__(self, rules)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self._add(sorted(self._pending))
        return super().to_bytes(exclude=exclude)  # type: ignore[no-any-return]


def _squeezed(text: str) -> str:
    """`text` without its whitespace (what `str.isspace` calls whitespace, as the tokenizer does)."""
    return "".join(text.split())


def _finder(special_cases: SpecialCases) -> ahocorasick.Automaton | None:
    """An automaton that finds in a text without whitespace the cases whose string, whitespace removed, it contains
    (each found string maps to the cases it stands for); None when every case is whitespace alone."""
    by_squeezed: dict[str, list[str]] = {}
    for string in special_cases:
        if squeezed := _squeezed(string):
            by_squeezed.setdefault(squeezed, []).append(string)
    if not by_squeezed:
        return None
    automaton = ahocorasick.Automaton()
    for squeezed, strings in by_squeezed.items():
        automaton.add_word(squeezed, tuple(strings))
    automaton.make_automaton()
    return automaton
