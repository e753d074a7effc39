"""The stored regex sources of the built-in cues (`conversation/cue_sources.json`): exactly what `cue_source` builds
for each cue, and read instead of building it (reading the alternatives' parse costs a batch run some 40 ms)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klantlint.conversation import text
from klantlint.conversation.cue_sources import builtin_cues
from klantlint.conversation.text import (
    CUE_SOURCES_FILE,
    OPENING_LENGTH,
    Cue,
    compile_cues,
    cue_source,
    write_cue_sources,
)


def test_the_file_holds_what_cue_source_builds_for_every_builtin_cue() -> None:
    """Fails after a cue or `cue_source` changes until `python -m klantlint.conversation.cue_sources` is run."""
    stored = json.loads(CUE_SOURCES_FILE.read_text(encoding="utf-8"))
    expected = [
        {"patterns": list(cue.patterns), "gate": list(cue.gate), "source": cue_source(cue.patterns, cue.gate)}
        for cue in builtin_cues()
    ]
    assert len(expected) >= 29
    assert stored == {"opening_length": OPENING_LENGTH, "cues": expected}


def test_a_builtin_cue_is_compiled_from_its_stored_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse of the alternatives is not read for a built-in cue: its stored source is compiled as it is."""
    greeting = builtin_cues()[0]
    built = cue_source(greeting.patterns, greeting.gate)

    def not_built(patterns: tuple[str, ...], gate: tuple[str, ...]) -> str:
        raise AssertionError(f"cue_source was called for {patterns[:1]}")

    monkeypatch.setattr(text, "cue_source", not_built)
    fresh = Cue(greeting.patterns, greeting.gate)
    assert fresh.regex.pattern == built
    assert fresh.search("goedemorgen, u spreekt met Kim") is not None
    with pytest.raises(AssertionError, match="cue_source was called"):
        _ = compile_cues(r"niet\s+opgeslagen").regex  # a cue of its own is still built


def test_a_cue_without_a_stored_source_is_built_with_its_gate_checked() -> None:
    """A cue that is new (or a plugin's) is built as before, its gate checked."""
    cue = compile_cues(r"(?:ik|we)\s+bel\s+u", gate=("bel",))
    assert cue.regex.pattern == cue_source(cue.patterns, cue.gate) and cue.search("ik bel u morgen") is not None
    with pytest.raises(ValueError, match="gate"):
        _ = compile_cues(r"contact\s+opnemen", gate=("bel",)).regex


def test_a_file_for_another_opening_length_or_none_at_all_is_not_read(tmp_path: Path) -> None:
    cues = builtin_cues()[:2]
    path = tmp_path / "cue_sources.json"
    write_cue_sources(cues, path)
    assert text._read_cue_sources(path) == {
        (cue.patterns, cue.gate): cue_source(cue.patterns, cue.gate) for cue in cues
    }
    stored = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**stored, "opening_length": OPENING_LENGTH + 1}), encoding="utf-8")
    assert text._read_cue_sources(path) == {}
    assert text._read_cue_sources(tmp_path / "missing.json") == {}
