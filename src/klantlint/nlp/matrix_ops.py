"""The pipeline layers' matrix products through numpy's BLAS on one thread, instead of through BLIS.

thinc multiplies a layer's matrices (`Ops.gemm`) with BLIS by default. On the machines we run on (AMD EPYC virtual
machines), BLIS took about three times as long as numpy's OpenBLAS on one thread for the shapes of the bundled model's
layers (1,000 x 288 by 288 x 96: 2.0 against 0.65 ms), and the layers' products are about a tenth of fast mode's
time. thinc's `NumpyOps(use_blis=False)` hands the product to numpy instead.

numpy's BLAS may start threads for a product. A linter that runs one process per core must not: on a busy machine
that made the same product ten times slower. So each product runs with numpy's BLAS limited to one thread
(threadpoolctl), and its own setting is put back after it, so an application's own use of numpy keeps its threads.

The parser's transition loop multiplies through thinc's `CBlas` (BLIS) in compiled code; that part is unchanged. The
two libraries round differently in the last bits, so a near-tie in a tag or an arc can come out the other way (1 of
20,000 transcript turns had one arc differ); BLIS itself picks different kernels on different CPUs, with the same
effect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thinc.api import NumpyOps

if TYPE_CHECKING:
    from spacy.language import Language
    from threadpoolctl import LibController


class OneThreadNumpyOps(NumpyOps):
    """`NumpyOps(use_blis=False)` whose `gemm` runs with numpy's BLAS libraries on one thread."""

    def __init__(self, blas: list[LibController]) -> None:
        super().__init__(use_blis=False)
        self._blas = blas

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        raised = [(library, count) for library in self._blas if (count := library.get_num_threads()) != 1]
        for library, _ in raised:
            library.set_num_threads(1)
        try:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            for library, count in raised:
                library.set_num_threads(count)


def multiply_with_numpy(nlp: Language) -> int:
    """Give every layer of `nlp`'s components that multiplies with BLIS (`NumpyOps`) the one-thread numpy ops
    instead; how many layers changed."""
    from threadpoolctl import ThreadpoolController

    ops = OneThreadNumpyOps(ThreadpoolController().select(user_api="blas").lib_controllers)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps and layer.ops.use_blis:
                layer.ops = ops
                changed += 1
    return changed
