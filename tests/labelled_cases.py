"""The two tests every file of labelled (code, text) cases runs: reported where it must be, quiet where it must be."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from klantlint import Linter
from klantlint.testing import fires, reported

Case = tuple[str, str]


def reported_and_quiet_tests(
    reported_cases: Sequence[Case], quiet_cases: Sequence[Case]
) -> tuple[Callable[[Linter, str, str], None], Callable[[Linter, str, str], None]]:
    """`test_reported` (the gate lets each text through and the rule's check fires) and `test_stays_quiet` (the
    check does not fire), parametrised over the cases; assign them to those names in the test module."""

    @pytest.mark.parametrize(("code", "text"), reported_cases)
    def test_reported(linter: Linter, code: str, text: str) -> None:
        assert reported(linter, code, text)

    @pytest.mark.parametrize(("code", "text"), quiet_cases)
    def test_stays_quiet(linter: Linter, code: str, text: str) -> None:
        assert not fires(linter, code, text)

    return test_reported, test_stays_quiet
