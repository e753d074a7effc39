"""The bundled model loads its tokenizer through a bare factory (no Dutch defaults built only to be thrown away);
the tokenizer it ends up with is the one spaCy's own factory gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from klantlint import load_pipeline
from klantlint.nlp import pipeline
from klantlint.nlp.bare_tokenizer import SPACY_TOKENIZER, uses_spacy_tokenizer
from klantlint.nlp.pipeline import BUNDLED_MODEL
from tests.pipeline_texts import corpus_texts


@pytest.fixture(scope="module")
def loaded() -> Language:
    return load_pipeline("bundled")


@pytest.fixture(scope="module")
def reference() -> Language:
    """The bundled model loaded as before, with spaCy's own tokenizer factory (and the domain layer)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "_load_overrides", lambda target: {})
        nlp = pipeline.load_pipeline.__wrapped__("bundled")
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": SPACY_TOKENIZER}
    return nlp


def test_the_bundled_model_qualifies_for_the_bare_tokenizer() -> None:
    assert uses_spacy_tokenizer(BUNDLED_MODEL)


def test_a_folder_without_a_saved_tokenizer_does_not(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text(f'[nlp.tokenizer]\n@tokenizers = "{SPACY_TOKENIZER}"\n\n', encoding="utf-8")
    assert not uses_spacy_tokenizer(tmp_path)


def test_loaded_tokenizer_has_the_saved_special_cases_and_settings(loaded: Language, reference: Language) -> None:
    ours, theirs = loaded.tokenizer, reference.tokenizer
    assert ours.rules == theirs.rules
    assert len(ours.rules) > 1000  # the special cases were loaded, not left empty
    for attribute in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        mine, other = getattr(ours, attribute), getattr(theirs, attribute)
        assert (mine.__self__.pattern if mine else None) == (other.__self__.pattern if other else None), attribute
    assert ours.faster_heuristics == theirs.faster_heuristics
    # The vocab is left out: the cached pipeline's string store grows with every text other tests parse with it.
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])


def test_loaded_tokenizer_splits_text_as_spacys_factory_does(loaded: Language, reference: Language) -> None:
    texts = corpus_texts()
    assert len(texts) > 500
    for text in texts:
        ours = [(token.text, token.whitespace_, token.norm_) for token in loaded.tokenizer(text)]
        theirs = [(token.text, token.whitespace_, token.norm_) for token in reference.tokenizer(text)]
        assert ours == theirs, text


def test_loaded_pipeline_parses_as_before(loaded: Language, reference: Language) -> None:
    assert loaded is not reference and loaded.pipe_names == reference.pipe_names
    texts = corpus_texts()[:300]
    for ours, theirs in zip(loaded.pipe(texts), reference.pipe(texts), strict=True):
        assert [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in ours] == [
            (t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in theirs
        ]


def test_loaded_config_names_spacys_tokenizer_factory(loaded: Language, reference: Language) -> None:
    assert loaded.config["nlp"]["tokenizer"] == reference.config["nlp"]["tokenizer"]
    assert loaded.config["nlp"]["tokenizer"] == {"@tokenizers": SPACY_TOKENIZER}
