"""Measuring how the time a function takes grows with the size of its input, for growth (not speed) tests.

A function that is linear in its input takes about 10 times as long on an input 10 times as long; a quadratic
one about 100 times. `growth` times both sizes (the median of a few runs) and divides, with a floor under the
small timing so that a few microseconds of noise cannot make a fast function look superlinear.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

# The ratio above which growth counts as superlinear when the input grows by a factor of 10: linear code on a
# loaded machine stays well below it, quadratic code (about 100) far above.
SUPERLINEAR_RATIO = 30.0
# Timings below this count as this much: noise at that scale is not growth.
FLOOR_SECONDS = 0.005


def median_seconds(function: Callable[[str], object], text: str, runs: int = 3) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function(text)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def growth(
    function: Callable[[str], object],
    make_input: Callable[[int], str],
    size: int,
    *,
    factor: int = 10,
    runs: int = 3,
    floor: float = FLOOR_SECONDS,
) -> float:
    """How many times longer `function` takes on `make_input(size * factor)` than on `make_input(size)`."""
    function(make_input(size))  # warm up: caches, lazy imports
    small = median_seconds(function, make_input(size), runs)
    large = median_seconds(function, make_input(size * factor), runs)
    return large / max(small, floor)


def assert_linear(
    function: Callable[[str], object], make_input: Callable[[int], str], size: int, *, what: str, runs: int = 3
) -> None:
    ratio = growth(function, make_input, size, runs=runs)
    assert ratio < SUPERLINEAR_RATIO, f"{what}: 10x the input took {ratio:.0f}x the time (superlinear)"
