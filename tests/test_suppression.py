"""Inline suppressions and KL900 for suppressions that are unknown or suppress nothing."""

from __future__ import annotations

from klantlint import Linter


def codes(linter: Linter, text: str, text_format: str = "text") -> list[str]:
    return [f.code for f in linter.check(text, text_format=text_format)]  # type: ignore[arg-type]


def test_ignore_on_the_same_line(linter: Linter) -> None:
    assert codes(linter, "Wat was uw naam? # klantlint: ignore[KL001] -- citaat van klant") == []
    assert codes(linter, "Wat was uw naam? # klantlint: ignore[KL002]") == ["KL001", "KL900"]


def test_ignore_comment_above_applies_to_next_line_in_markdown(linter: Linter) -> None:
    text = "<!-- klantlint: ignore[KL001] -->\nWat was uw naam?\n\nWat was uw naam?\n"
    findings = linter.check(text, text_format="markdown")
    assert [(f.code, f.line) for f in findings] == [("KL001", 4)]


def test_disable_enable_region(linter: Linter) -> None:
    text = "<!-- klantlint: disable=KL001 -->\nWat was uw naam?\n<!-- klantlint: enable=KL001 -->\nHoe heette u?\n"
    findings = linter.check(text, text_format="markdown")
    assert [(f.code, f.line) for f in findings] == [("KL001", 4)]


def test_unknown_and_unused_suppressions_are_reported(linter: Linter) -> None:
    unknown = linter.check("Goedemorgen. # klantlint: ignore[KL999]")
    assert [f.code for f in unknown] == ["KL900"] and "KL999" in unknown[0].message
    unused = linter.check("Goedemorgen. # klantlint: ignore[KL001]")
    assert [f.code for f in unused] == ["KL900"] and "onderdrukt hier niets" in unused[0].message


def test_fix_removes_unused_suppression(linter: Linter) -> None:
    result = linter.fix("Goedemorgen. # klantlint: ignore[KL001]\nTot ziens.")
    assert result.text == "Goedemorgen.\nTot ziens."


def test_kl900_can_be_ignored() -> None:
    from klantlint import Config

    quiet = Linter(Config(ignore=["KL900"]))
    assert quiet.check("Goedemorgen. # klantlint: ignore[KL999]") == []
