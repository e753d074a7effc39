"""Model resolution and the parses the rules rely on (with the bundled pipeline)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from klantlint import load_pipeline
from klantlint.errors import ModelError
from klantlint.nlp.abbreviations import DUTCH_ABBREVIATIONS, spacy_abbreviations
from klantlint.nlp.pipeline import BUNDLED_MODEL, _collections_paused, describe_model


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_pipeline("bundled")


def test_bundled_pipeline_is_small_and_licensed() -> None:
    size = sum(p.stat().st_size for p in BUNDLED_MODEL.rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024
    assert "CC BY-SA 4.0" in (BUNDLED_MODEL / "LICENSE.md").read_text(encoding="utf-8")
    assert describe_model("bundled").startswith("nl_klantlint_sm ")


def test_domain_layer_is_added(nlp: spacy.language.Language) -> None:
    assert nlp.pipe_names[-1] == "klantlint_domain"
    assert "klantlint_sentences" in nlp.pipe_names


def test_past_tense_was_is_aux_with_lemma_zijn(nlp: spacy.language.Language) -> None:
    was = nlp("Wat was uw naam?")[1]
    assert (was.pos_, was.lemma_) == ("AUX", "zijn")
    assert "Tense=Past" in str(was.morph)


def test_de_was_is_a_noun(nlp: spacy.language.Language) -> None:
    doc = nlp("Ik heb de was al binnengehaald.")
    assert doc[3].pos_ == "NOUN"


def test_imperative_stuur_has_no_subject(nlp: spacy.language.Language) -> None:
    doc = nlp("Stuur maar een e-mail.")
    stuur = doc[0]
    assert (stuur.pos_, stuur.lemma_) == ("VERB", "sturen")
    assert not [child for child in stuur.children if child.dep_.startswith("nsubj")]
    assert doc[3].pos_ == "NOUN"


@pytest.mark.parametrize("text", ["Wat was uw naam ook alweer?", "wat was uw postcode", "Is uw adres nog juist?"])
def test_uw_is_possessive_pronoun(nlp: spacy.language.Language, text: str) -> None:
    uw = next(t for t in nlp(text) if t.lower_ == "uw")
    assert uw.pos_ == "PRON" and "Poss=Yes" in str(uw.morph)


def test_auxiliaries_are_lemmatised(nlp: spacy.language.Language) -> None:
    doc = nlp("Ik kan u morgen terugbellen en zal het noteren.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["kan"] == "kunnen" and lemmas["zal"] == "zullen"


def test_unknown_model_lists_what_is_available() -> None:
    with pytest.raises(ModelError, match="Beschikbaar: auto, bundled"):
        load_pipeline("nl_bestaat_niet")


def test_path_to_a_pipeline_loads(tmp_path: Path) -> None:
    blank = spacy.blank("nl")
    blank.to_disk(tmp_path / "leeg")
    nlp = load_pipeline(str(tmp_path / "leeg"))
    assert "klantlint_domain" in nlp.pipe_names
    with pytest.raises(ModelError):
        load_pipeline(str(tmp_path / "bestaat-niet"))


def test_broken_pipeline_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "kapot").mkdir()
    (tmp_path / "kapot" / "config.cfg").write_text("[nlp\n")
    with pytest.raises(ModelError, match="kan niet worden geladen"):
        load_pipeline(str(tmp_path / "kapot"))


def test_auto_prefers_an_installed_nl_core_news_sm(tmp_path: Path) -> None:
    """A tiny real pipeline packaged as nl_core_news_sm and installed into a folder on PYTHONPATH."""
    source = tmp_path / "pipeline"
    tiny = spacy.blank("nl")
    tiny.add_pipe("sentencizer")
    tiny.meta.update({"name": "core_news_sm", "version": "3.8.0"})
    tiny.to_disk(source)
    packages = tmp_path / "packages"
    packages.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "package",
            str(source),
            str(packages),
            "--name",
            "core_news_sm",
            "--version",
            "3.8.0",
            "--force",
        ],
        check=True,
        capture_output=True,
    )
    site = tmp_path / "site"
    package_dir = packages / "nl_core_news_sm-3.8.0"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(site),
            str(package_dir),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import klantlint; nlp = klantlint.load_pipeline(); "
        "print(nlp.meta['name'], 'klantlint_domain' in nlp.pipe_names); "
        "print([f.code for f in klantlint.check('Ik hang u even op.')])"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["core_news_sm True", "['KL006']"]


def test_the_abbreviation_list_is_the_one_of_spacys_dutch_tokenizer() -> None:
    """The gates read the abbreviations from a file so that they need no spaCy; it must match spaCy's list (after
    a spaCy upgrade: `python -m klantlint.nlp.abbreviations` writes it again)."""
    assert set(DUTCH_ABBREVIATIONS) == spacy_abbreviations()
    assert {"bijv.", "o.a.", "z.s.m."} <= set(DUTCH_ABBREVIATIONS)


COLLECTIONS_PROBE = """
import gc, json
import klantlint.nlp.pipeline as pipeline
gc.set_threshold(500, 7, 9)
state = {"loading": False, "during": 0, "after": 0}
load = pipeline._load_pipeline
def loading(model):
    state["loading"] = True
    try:
        return load(model)
    finally:
        state["loading"] = False
def count(phase, info):
    if phase == "start":
        state["during" if state["loading"] else "after"] += 1
pipeline._load_pipeline = loading
gc.callbacks.append(count)
nlp = pipeline.load_pipeline("auto")
garbage = [[] for _ in range(2000)]  # allocations after the load: collections run again
print(json.dumps({"during": state["during"], "after": state["after"] > 0, "thresholds": gc.get_threshold(),
                  "tokens": [token.text for token in nlp("Dat klopt.")]}))
"""


def test_no_collection_runs_while_the_pipeline_loads_and_the_thresholds_come_back() -> None:
    """Loading the pipeline pauses automatic garbage collection (`_collections_paused`, about 40 ms of every
    process): none runs during the load, the caller's thresholds are put back, and collections run again after it.
    A fresh process, since `load_pipeline` is cached."""
    src = Path(__file__).resolve().parent.parent / "src"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", COLLECTIONS_PROBE], env=env, capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"during": 0, "after": True, "thresholds": [500, 7, 9], "tokens": ["Dat", "klopt", "."]}


def test_what_the_load_made_goes_to_the_oldest_generation_unwalked() -> None:
    """After a paused load its objects are in the oldest generation (no young collection walks them again), and no
    collection ran to put them there."""
    if gc.get_freeze_count():
        pytest.skip("objects are frozen in this process already")
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with _collections_paused():
            made = [[index] for index in range(5000)]
    finally:
        gc.callbacks.remove(count)
    assert collections == [] and gc.get_freeze_count() == 0
    assert any(each is made for each in gc.get_objects(generation=2))


def test_objects_the_caller_froze_stay_frozen() -> None:
    if gc.get_freeze_count():
        pytest.skip("objects are frozen in this process already")
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with _collections_paused():
            made = [[index] for index in range(100)]
        assert gc.get_freeze_count() == frozen and made
    finally:
        gc.unfreeze()
