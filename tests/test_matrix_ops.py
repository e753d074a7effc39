"""The loaded pipeline multiplies its layers' matrices with numpy's BLAS on one thread, not with BLIS."""

from __future__ import annotations

import numpy
import pytest
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from klantlint import load_pipeline
from klantlint.nlp.matrix_ops import OneThreadNumpyOps, multiply_with_numpy
from klantlint.nlp.pipeline import load_pipeline as load_uncached
from tests.pipeline_texts import corpus_texts


class RecordingLibrary:
    """Stands in for a threadpoolctl library controller: its thread count, and every change made to it."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.changes: list[int] = []

    def get_num_threads(self) -> int:
        return self.threads

    def set_num_threads(self, threads: int) -> None:
        self.threads = threads
        self.changes.append(threads)


def layers(nlp: Language) -> list[object]:
    return [
        layer
        for _, pipe in nlp.pipeline
        if hasattr(getattr(pipe, "model", None), "walk")
        for layer in pipe.model.walk()
    ]


def analyses(nlp: Language, texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [
        [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc]
        for doc in nlp.pipe(texts, batch_size=64)
    ]


def test_no_layer_of_the_loaded_pipeline_multiplies_with_blis() -> None:
    nlp = load_pipeline("bundled")
    found = layers(nlp)
    assert len(found) > 20
    assert all(isinstance(layer.ops, OneThreadNumpyOps) for layer in found)  # type: ignore[attr-defined]
    assert not any(layer.ops.use_blis for layer in found)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False), (True, True)])
def test_gemm_runs_on_one_thread_and_gives_the_threads_back(trans1: bool, trans2: bool) -> None:
    busy, single = RecordingLibrary(threads=4), RecordingLibrary(threads=1)
    seen: list[tuple[int, int]] = []
    ops = OneThreadNumpyOps([busy, single])  # type: ignore[list-item]
    original = numpy.dot

    def watched_dot(*args: object, **kwargs: object) -> object:
        seen.append((busy.threads, single.threads))
        return original(*args, **kwargs)

    generator = numpy.random.default_rng(1)
    x = generator.standard_normal((7, 5) if not trans1 else (5, 7)).astype("float32")
    y = generator.standard_normal((5, 3) if not trans2 else (3, 5)).astype("float32")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(numpy, "dot", watched_dot)
        product = ops.gemm(x, y, trans1=trans1, trans2=trans2)
    expected = (x.T if trans1 else x) @ (y.T if trans2 else y)
    assert numpy.allclose(product, expected, atol=1e-5)
    assert seen == [(1, 1)]  # the product ran with every BLAS library on one thread
    assert busy.changes == [1, 4] and busy.threads == 4  # lowered for the product, then put back
    assert single.changes == []  # one thread already: left alone


def test_a_real_blas_keeps_its_thread_count() -> None:
    controller = ThreadpoolController()
    libraries = controller.select(user_api="blas").lib_controllers
    if not libraries:
        pytest.skip("numpy has no BLAS library that threadpoolctl controls here")
    with controller.limit(limits=2, user_api="blas"):
        before = [library.get_num_threads() for library in libraries]
        OneThreadNumpyOps(libraries).gemm(numpy.ones((4, 3), "float32"), numpy.ones((3, 2), "float32"))
        assert [library.get_num_threads() for library in libraries] == before


def test_analyses_match_blis_on_the_corpus() -> None:
    """The two BLAS libraries round differently in the last bits; on the corpus that changes no analysis (a near-tie
    may come out the other way: 1 of 20,000 transcript turns measured)."""
    nlp = load_uncached.__wrapped__("bundled")
    texts = corpus_texts()
    ours = analyses(nlp, texts)
    blis = NumpyOps()
    for layer in layers(nlp):
        layer.ops = blis  # type: ignore[attr-defined]
    theirs = analyses(nlp, texts)
    differing = sum(mine != other for mine, other in zip(ours, theirs, strict=True))
    assert differing <= 1, differing
    assert multiply_with_numpy(nlp) == len(layers(nlp))  # and back again
