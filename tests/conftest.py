from __future__ import annotations

import pytest

from klantlint import Config, Linter


@pytest.fixture(scope="session")
def linter() -> Linter:
    """One Linter for the session with every rule selected, opt-in ones too: loading the pipeline is the slow part."""
    return Linter(Config(select=["ALL"]))
