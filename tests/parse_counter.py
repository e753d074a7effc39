"""Counting what a linter sends through the statistical pipeline, for tests of what fast mode parses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from klantlint import Linter


def count_parses(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, every text `linter.nlp.pipe` parses is appended to the returned list."""
    parsed: list[str] = []
    original = linter.nlp.pipe

    def counting_pipe(texts: Iterator[str], **kwargs: object) -> Iterator[object]:
        texts = list(texts)
        parsed.extend(texts)
        return original(texts, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(linter.nlp, "pipe", counting_pipe)
    return parsed
