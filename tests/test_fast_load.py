"""A pipeline folder (the bundled model) loaded by `fast_load` is the pipeline a plain `spacy.load` gives: the same
lookup tables (entries, order, bloom filters), tokenizer, config, serialised components and analyses. These tests
also pin the spaCy internals `fast_load` relies on: if spaCy changes them, they fail here rather than differ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
import srsly
from hypothesis import HealthCheck, given, settings
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id
from spacy.tokens import Doc

from klantlint.nlp import fast_load, pipeline
from klantlint.nlp.fast_load import load_folder, table_from_dict
from klantlint.nlp.pipeline import BUNDLED_MODEL
from klantlint.nlp.saved_tables import SavedTable
from tests.pipeline_texts import corpus_texts, dutchish_texts

LEMMA_LOOKUPS = BUNDLED_MODEL / "lemmatizer" / "lookups"
# Words the lemmatizer looks up, and some it does not have (the lookup keys are lowercase).
WORDS = ["huizen", "liep", "was", "naam", "namen", "straten", "mails", "Huizen", "xyzzy", "", "noun", "verb"]


def _plain_load(model: str) -> Language:
    """`load_pipeline(model)` through a plain `spacy.load`: no bare tokenizer, no bulk lookup tables."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "_load_overrides", lambda target: {})
        patch.setattr(pipeline, "load_folder", lambda target, config: spacy.load(target, config=config))
        return pipeline.load_pipeline.__wrapped__(model)


@pytest.fixture(scope="module")
def fast() -> Language:
    return pipeline.load_pipeline.__wrapped__("bundled")


@pytest.fixture(scope="module")
def plain() -> Language:
    return _plain_load("bundled")


def _lookups(nlp: Language) -> Lookups:
    lookups: Lookups = nlp.get_pipe("lemmatizer").lookups
    return lookups


def _analysis(doc: Doc) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.whitespace_, t.norm_, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
        for t in doc
    ]


def test_the_bundled_lemmatizer_is_read_in_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is taken for the bundled model: spaCy's per-entry `Lookups.from_bytes` reads only the vocab's
    (empty) lookups, not the lemmatizer's tables."""
    read_by_spacy: list[int] = []
    from_bytes = Lookups.from_bytes

    def spy(lookups: Lookups, data: bytes, **kwargs: Any) -> Lookups:
        read_by_spacy.append(len(data))
        return from_bytes(lookups, data, **kwargs)

    monkeypatch.setattr(Lookups, "from_bytes", spy)
    nlp = load_folder(BUNDLED_MODEL, {})
    assert len(_lookups(nlp).get_table("lemma_lookup")) > 100_000
    assert read_by_spacy and max(read_by_spacy) < 100


def test_lookup_tables_are_spacys(fast: Language, plain: Language) -> None:
    ours, theirs = _lookups(fast), _lookups(plain)
    assert ours.tables == theirs.tables == ["lemma_lookup", "lemma_rules", "lemma_exc", "lemma_index"]
    for name in theirs.tables:
        mine, other = ours.get_table(name), theirs.get_table(name)
        assert type(mine) is SavedTable and type(other) is Table and mine.name == other.name == name
        assert list(mine.items()) == list(other.items()), name  # keys, values and their order
        _assert_same_answers(mine, other, [*WORDS, *list(other)[:50]])
    assert ours.to_bytes() == theirs.to_bytes()
    assert fast.get_pipe("lemmatizer")._validated and plain.get_pipe("lemmatizer")._validated


def test_tokenizer_is_spacys(fast: Language, plain: Language) -> None:
    ours, theirs = fast.tokenizer, plain.tokenizer
    assert ours.rules == theirs.rules and len(ours.rules) > 1000
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])


def test_pipeline_serialises_as_spacys(fast: Language, plain: Language) -> None:
    """Config, meta, tokenizer and every component, lemmatizer tables included (the vocab grows as texts are parsed,
    so it is left out)."""
    assert fast.pipe_names == plain.pipe_names
    assert fast.config == plain.config and fast.meta == plain.meta
    assert fast.to_bytes(exclude=["vocab"]) == plain.to_bytes(exclude=["vocab"])


def test_pipeline_analyses_the_corpus_as_spacys(fast: Language, plain: Language) -> None:
    texts = corpus_texts()
    assert len(texts) > 1000
    for text, ours, theirs in zip(texts, fast.pipe(texts), plain.pipe(texts), strict=True):
        assert _analysis(ours) == _analysis(theirs), text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=dutchish_texts())
def test_pipeline_analyses_dutchish_text_as_spacys(fast: Language, plain: Language, text: str) -> None:
    assert _analysis(fast(text)) == _analysis(plain(text))


def test_int_keys_are_their_own_string_ids() -> None:
    """What the bulk path relies on: `get_string_id` gives an `int` key back unchanged, in range or not."""
    keys = list(srsly.msgpack_loads((LEMMA_LOOKUPS / "lookups.bin").read_bytes())["lemma_lookup"])[:1000]
    for key in [*keys, 0, 1, 2**64 - 1, 2**64, -1]:
        assert type(key) is int and get_string_id(key) == key


@pytest.mark.parametrize(
    "data",
    [{}, {get_string_id("huizen"): "huis", 7: ["a", "b"], 2**63: {"x": 1}}, {"huizen": "huis", 3: "drie"}],
    ids=["empty", "int keys", "string keys"],
)
def test_table_from_dict_answers_as_spacys_table(data: dict[Any, Any]) -> None:
    ours, theirs = table_from_dict("t", data), Table("t", data)
    assert type(ours) is (SavedTable if all(type(key) is int for key in data) else Table)
    assert ours.name == theirs.name == "t"
    assert list(ours.items()) == list(theirs.items())
    _assert_same_answers(ours, theirs, ["huizen", "drie", "x", 3, 7, 2**63, 2**64 - 1, *data])


def test_a_saved_table_is_written_as_spacys_table() -> None:
    ours, theirs = SavedTable("t", {}), Table("t", {})
    for table in (ours, theirs):
        table["huizen"] = "huis"
        table.set("liep", "lopen")
        table[get_string_id("was")] = "zijn"
    assert list(ours.items()) == list(theirs.items())
    _assert_same_answers(ours, theirs, ["huizen", "liep", "was", "lopen"])


def _assert_same_answers(ours: Any, theirs: Table, keys: list[Any]) -> None:
    """What a lemmatizer asks of a table (`get`, `[]`, `in`), for keys present and absent, as strings and ids."""
    for key in keys:
        assert (key in ours) == (key in theirs), key
        assert ours.get(key) == theirs.get(key) and ours.get(key, "-") == theirs.get(key, "-"), key
        if key in theirs:
            assert ours[key] == theirs[key], key
        else:
            with pytest.raises(KeyError):
                ours[key]


def test_read_lookups_is_lookups_from_disk(tmp_path: Path) -> None:
    ours, theirs = Lookups(), Lookups()
    for lookups in (ours, theirs):
        lookups.add_table("oud", {"x": "y"})
    fast_load.read_lookups(ours, LEMMA_LOOKUPS)
    theirs.from_disk(LEMMA_LOOKUPS)
    assert ours.tables == theirs.tables and ours.to_bytes() == theirs.to_bytes()
    fast_load.read_lookups(ours, tmp_path)  # no lookups.bin: left as it is, as from_disk leaves it
    assert ours.tables == theirs.tables


def test_another_pipeline_folder_loads_as_with_spacy(tmp_path: Path) -> None:
    """A small folder of another make: a lookup lemmatizer and a sentencizer, with a config override."""
    source = spacy.blank("nl")
    lemmatizer = source.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.lookups.add_table("lemma_lookup", {"huizen": "huis", "liep": "lopen"})
    source.add_pipe("sentencizer")
    source.to_disk(tmp_path / "klein")
    config = {"components": {"sentencizer": {"punct_chars": ["!"]}}}
    ours, theirs = load_folder(tmp_path / "klein", config), spacy.load(tmp_path / "klein", config=config)
    assert ours.config == theirs.config and ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    text = "De huizen! Hij liep. Weg"
    assert [(t.lemma_, t.is_sent_start) for t in ours(text)] == [(t.lemma_, t.is_sent_start) for t in theirs(text)]
    assert ours(text)[1].lemma_ == "huis"
