"""Config discovery and validation: clear errors naming the file and the key; exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantlint.config import Config, find_config_file, load_config, resolve_config
from klantlint.errors import ConfigError
from tests.cli_helpers import run_cli


def test_pyproject_section_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.klantlint]\nselect = ["KL001"]\nfail-on = "error"\n')
    nested = tmp_path / "scripts" / "retour"
    nested.mkdir(parents=True)
    assert find_config_file(nested / "x.md") == tmp_path / "pyproject.toml"
    config = resolve_config(None, nested)
    assert config.select == ["KL001"] and config.fail_on == "error"
    assert config.source == tmp_path / "pyproject.toml"


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.black]\n")
    assert find_config_file(tmp_path / "sub") is None or find_config_file(tmp_path / "sub").parent != tmp_path


def test_klantlint_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.klantlint]\nselect = ["KL001"]\n')
    (tmp_path / ".klantlint.toml").write_text('select = ["KL006"]\njargon = ["SLA"]\n')
    config = resolve_config(None, tmp_path)
    assert config.select == ["KL006"] and config.jargon == {"SLA": ""}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('selekt = ["KL001"]\n', "onbekende sleutel 'selekt'"),
        ("max_sentence_words = 'veel'\n", "sleutel 'max_sentence_words'"),
        ('aanspreekvorm = "jij"\n', "sleutel 'aanspreekvorm'"),
        ("select = [\n", "geen geldige TOML"),
    ],
)
def test_invalid_config_names_file_and_key(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "klantlint.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and expected in str(error.value)


def test_cli_reports_invalid_config_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text('ignore = ["KL123"]\n')
    (tmp_path / "a.txt").write_text("Goedemorgen.\n")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "klantlint.toml: ignore: onbekende regelcode 'KL123'" in result.stderr
    assert "Traceback" not in result.stderr


def test_exclude_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text('exclude = ["archief/*"]\n[per_file_ignores]\n"citaten/*" = ["KL001"]\n')
    for folder in ("archief", "citaten", "actueel"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "s.txt").write_text("Wat was uw naam?\n")
    out = run_cli("check", ".", "--format", "jsonl", cwd=tmp_path).stdout
    assert "actueel/s.txt" in out and "archief" not in out and "citaten" not in out


def test_config_merged_keeps_unset_overrides() -> None:
    config = Config(select=["KL001"]).merged(select=None, fail_on="info")
    assert config.select == ["KL001"] and config.fail_on == "info"


def test_unknown_model_in_config_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text('model = "nl_bestaat_niet"\n')
    (tmp_path / "a.txt").write_text("Goedemorgen.\n")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "klantlint.toml: sleutel 'model': model 'nl_bestaat_niet' niet gevonden" in result.stderr
    assert "Beschikbaar: auto, bundled" in result.stderr and "Traceback" not in result.stderr
