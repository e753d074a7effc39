"""The bundled model's tokenizer adds its special cases when a text first contains them: every text is split as by
spaCy's own tokenizer with all cases added up front, whatever was split before."""

from __future__ import annotations

import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.nl import Dutch
from spacy.tokenizer import Tokenizer

from klantlint.nlp.lazy_tokenizer import LazySpecialCasesTokenizer
from klantlint.nlp.pipeline import BUNDLED_MODEL
from tests.pipeline_texts import corpus_texts

SAVED = BUNDLED_MODEL / "tokenizer"
# Building a Dutch vocab builds spaCy's default Dutch tokenizer too (half a second): the lazy tokenizers share one.
LAZY_VOCAB = Dutch().vocab


def eager() -> Tokenizer:
    """spaCy's tokenizer with the bundled model's saved special cases, all added when it is loaded."""
    return Tokenizer(Dutch().vocab).from_disk(SAVED)


def lazy() -> LazySpecialCasesTokenizer:
    return LazySpecialCasesTokenizer(LAZY_VOCAB).from_disk(SAVED)


def split(tokenizer: Tokenizer, text: str) -> list[tuple[str, str, str, int]]:
    return [(token.text, token.whitespace_, token.norm_, token.idx) for token in tokenizer(text)]


REFERENCE = eager()
SPECIAL_STRINGS = sorted(REFERENCE.rules)
# Special cases with affixes (they go through the phrase matcher), and a sample of all the others.
WITH_AFFIXES = [s for s in SPECIAL_STRINGS if any(c in s for c in ".'’:;()-/") and s.strip()]
PIECES = st.one_of(
    st.sampled_from(random.Random(7).sample(WITH_AFFIXES, 400)),
    st.sampled_from(SPECIAL_STRINGS),
    st.sampled_from(["u", "De", "bijv", "a.s", "s", "t", "zo'n", "mevr", "dhr", "nr", "ca", "enz", "etc", "Jan", "15"]),
    st.sampled_from(list(".,;:!?'’\"()[]-/…")),
    st.text(alphabet="abcdeEIijsStTK.'’:( )-\n\tſıİ\u212a\u00a0", max_size=6),
)
SEPARATORS = st.sampled_from(["", "", " ", " ", "  ", "\n", "\t", "(", ". ", "'"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(PIECES, min_size=1, max_size=12))
    return "".join(piece + draw(SEPARATORS) for piece in pieces)


def test_nothing_is_added_before_a_text_needs_it() -> None:
    tokenizer = lazy()
    assert tokenizer.rules == REFERENCE.rules
    pending = len(tokenizer._pending)
    assert pending > 4000  # only the few whitespace-only cases were added when loading
    tokenizer("Goedemorgen, u spreekt met Eva")
    tokenizer("Goedemorgen, u spreekt met Eva")
    assert len(tokenizer._pending) == pending  # nothing in that text is a special case
    tokenizer("Dat is bijv. zo'n geval, t.a.v. dhr. Jansen :)")
    added = pending - len(tokenizer._pending)
    assert 3 <= added < 40
    assert {"bijv.", "t.a.v.", "dhr.", ":)"} <= set(Tokenizer.rules.__get__(tokenizer))
    assert tokenizer.rules == REFERENCE.rules


def test_corpus_texts_split_as_with_all_cases_added() -> None:
    tokenizer = lazy()
    for text in corpus_texts():
        assert split(tokenizer, text) == split(REFERENCE, text), text


ACCUMULATING = lazy()  # one tokenizer for every example: cases added by earlier texts stay, as in a long run


@settings(max_examples=300, deadline=None)
@given(texts())
def test_generated_texts_split_as_with_all_cases_added(text: str) -> None:
    expected = split(REFERENCE, text)
    assert split(lazy(), text) == expected  # nothing added before this text
    assert split(ACCUMULATING, text) == expected  # whatever earlier texts added


@settings(max_examples=60, deadline=None)
@given(st.lists(texts(), min_size=2, max_size=6))
def test_a_sequence_of_texts_splits_as_with_all_cases_added(sequence: list[str]) -> None:
    tokenizer = lazy()
    for text in sequence:
        assert split(tokenizer, text) == split(REFERENCE, text), text


@settings(max_examples=100, deadline=None)
@given(texts())
def test_explain_is_spacys(text: str) -> None:
    assert lazy().explain(text) == REFERENCE.explain(text)


@pytest.mark.parametrize("text", ["T.v.g.…' '", "' '", "a . b .", ": ) en ; )", "bijv . zo ' n"])
def test_cases_whose_tokens_whitespace_separates(text: str) -> None:
    """The phrase matcher matches "''" over "' '": that match, never applied, still keeps the single "'" cases from
    applying, and `explain` labels by it. So a case counts when its string occurs with the text's whitespace left
    out."""
    assert split(lazy(), text) == split(REFERENCE, text)
    assert lazy().explain(text) == REFERENCE.explain(text)


def test_serialises_as_spacys_with_every_case() -> None:
    tokenizer = lazy()
    tokenizer("bijv. zo")
    assert tokenizer.to_bytes(exclude=["vocab"]) == REFERENCE.to_bytes(exclude=["vocab"])
    assert not tokenizer._pending


def test_a_new_affix_pattern_keeps_added_and_pending_cases() -> None:
    tokenizer, reference = lazy(), eager()
    tokenizer("Dat kan bijv. morgen.")
    # Setting a pattern makes spaCy flush the added cases and add them again.
    tokenizer.suffix_search = reference.suffix_search = REFERENCE.suffix_search
    assert tokenizer.rules == reference.rules
    for text in ["Dat kan bijv. morgen.", "Het is t.a.v. mevr. De Vries (zie p. 3)."]:
        assert split(tokenizer, text) == split(reference, text)


def test_a_case_added_explicitly_is_not_replaced_by_the_saved_one() -> None:
    tokenizer, reference = lazy(), eager()
    mine = [{"ORTH": "bijv"}, {"ORTH": "."}]
    tokenizer.add_special_case("bijv.", mine)
    reference.add_special_case("bijv.", mine)
    text = "Dat kan bijv. morgen, t.a.v. u."
    assert split(tokenizer, text) == split(reference, text)
    assert [t.text for t in tokenizer("bijv.")] == ["bijv", "."]


def test_setting_the_rules_replaces_pending_cases() -> None:
    tokenizer = lazy()
    tokenizer.rules = {"zo'n": [{"ORTH": "zo"}, {"ORTH": "'n"}]}
    assert tokenizer.rules == {"zo'n": [{"ORTH": "zo"}, {"ORTH": "'n"}]}
    assert [t.text for t in tokenizer("bijv. zo'n")] == [
        t.text
        for t in Tokenizer(
            tokenizer.vocab,
            rules={"zo'n": [{"ORTH": "zo"}, {"ORTH": "'n"}]},
            prefix_search=tokenizer.prefix_search,
            suffix_search=tokenizer.suffix_search,
            infix_finditer=tokenizer.infix_finditer,
            token_match=tokenizer.token_match,
            url_match=tokenizer.url_match,
        )("bijv. zo'n")
    ]


def test_pickles_with_its_pending_cases() -> None:
    tokenizer = lazy()
    tokenizer("bijv. zo")
    copy = pickle.loads(pickle.dumps(tokenizer))
    assert isinstance(copy, LazySpecialCasesTokenizer)
    assert copy.rules == REFERENCE.rules
    text = "Dat kan bijv. morgen, t.a.v. mevr. De Vries :)"
    assert split(copy, text) == split(REFERENCE, text)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t x", "a\u00a0b"])
def test_whitespace_texts(text: str) -> None:
    assert split(lazy(), text) == split(REFERENCE, text)
