from __future__ import annotations

import pytest

from klantlint import Linter


@pytest.fixture(scope="session")
def linter() -> Linter:
    """One Linter for the session: loading the pipeline is the slow part."""
    return Linter()
