"""click's own words (usage line, help headings, usage errors) come out in Dutch in the command line, and only there."""

from __future__ import annotations

import ast
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest

from klantlint.click_dutch import CLICK_MODULES, MESSAGES, PLURALS, TYPE_NAMES
from tests.cli_helpers import run_cli

ENGLISH = ("Usage:", "Options:", "Commands:", "Error:", "Try '", "No such", "Missing", "Invalid value", "[OPTIONS]")


def click_messages() -> tuple[set[str], set[str]]:
    """The messages click's modules pass to `_` and the singulars they pass to `ngettext`, read from the source."""
    singles: set[str] = set()
    plurals: set[str] = set()
    for name in CLICK_MODULES:
        source = Path(sys.modules["click"].__file__).with_name(f"{name}.py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    {"_": singles, "ngettext": plurals}.get(node.func.id, set()).add(first.value)
    return singles, plurals


def fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_translated_message_is_one_the_installed_click_uses() -> None:
    # A message click rewords in a new version would silently stay English: this names it.
    singles, plurals = click_messages()
    assert set(MESSAGES) - singles == set()
    assert set(PLURALS) - plurals == set()
    assert all(hasattr(click.types, name) for name in TYPE_NAMES)


@pytest.mark.parametrize("english", [*MESSAGES, *PLURALS])
def test_a_dutch_message_uses_only_placeholders_click_fills_in(english: str) -> None:
    dutch = [MESSAGES[english]] if english in MESSAGES else list(PLURALS[english])
    allowed = fields(english) | {"possibilities", "choices", "nargs", "len"}  # the plural forms' own placeholders
    for text in dutch:
        assert fields(text) <= allowed
        assert ("%(prog)s" in text) == ("%(prog)s" in english)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--foo"], "Fout: Onbekende optie '--foo'."),
        (["batch"], "Fout: Argument ontbreekt 'INVOER...'."),
        (["chek"], "Fout: Onbekende opdracht 'chek'. Bedoelt u 'check'?"),
        (["check", "--fail-on", "hoog", "x.txt"], "'hoog' is geen van deze: 'error', 'warning', 'info'."),
        (["check", "--fail-on"], "Fout: Optie '--fail-on' heeft een waarde nodig."),
        (["rules", "extra"], "Fout: Onverwacht extra argument (extra)"),
    ],
)
def test_usage_errors_are_dutch_and_exit_2(tmp_path: Path, arguments: list[str], said: str) -> None:
    result = run_cli(*arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert said in result.stderr
    assert not any(word in result.stderr for word in ENGLISH), result.stderr


def test_help_is_dutch_from_usage_line_to_placeholders(tmp_path: Path) -> None:
    top = run_cli("--help", cwd=tmp_path).stdout
    assert top.startswith("Gebruik: ") and top.splitlines()[0].endswith("klantlint [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert "Opties:" in top and "Opdrachten:" in top and "Toon deze hulp en stop." in top
    batch = run_cli("batch", "--help", cwd=tmp_path).stdout
    assert batch.splitlines()[0].endswith("klantlint batch [OPTIES] INVOER...")
    assert "--encoding TEKST" in batch and "[standaard: fast]" in batch
    assert not any(word in top + batch for word in (*ENGLISH, " TEXT", "INTEGER", "Show this message"))


def test_importing_klantlint_leaves_click_in_english() -> None:
    # Only the command line speaks Dutch; a program that imports klantlint beside its own click commands keeps them.
    probe = "import gettext, klantlint, click.core; print(click.core._ is gettext.gettext, click.types.STRING.name)"
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["True", "text"]
