"""The command line end to end: formats, exit codes, bad input, fix, explain, rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli

BAD_SCRIPT = "# Retour\n\n**Agent:** Wat was uw naam ook alweer?\n\n**Agent:** Ik hang u even op.\n"
GOOD_SCRIPT = "Agent: Goedemorgen, u spreekt met Kim van Zonnestroom. Waarmee kan ik u helpen?\n"


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    (tmp_path / "slecht.md").write_text(BAD_SCRIPT, encoding="utf-8")
    (tmp_path / "goed.txt").write_text(GOOD_SCRIPT, encoding="utf-8")
    return tmp_path


def test_text_format_and_exit_code_1(scripts: Path) -> None:
    result = run_cli("check", ".", cwd=scripts)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "slecht.md:3:16: KL001 [warning]" in lines[0]
    assert any(line.startswith("slecht.md:5:12: KL006 [error]") for line in lines)
    assert "veilig: **Agent:** Wat is uw naam ook alweer?" in result.stdout


def test_clean_file_exits_0(scripts: Path) -> None:
    result = run_cli("check", "goed.txt", cwd=scripts)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Geen bevindingen" in result.stdout


def test_exit_zero_and_fail_on(scripts: Path) -> None:
    assert run_cli("check", "slecht.md", "--exit-zero", cwd=scripts).returncode == 0
    assert run_cli("check", "slecht.md", "--select", "KL001", "--fail-on", "error", cwd=scripts).returncode == 0
    assert run_cli("check", "slecht.md", "--select", "KL006", "--fail-on", "error", cwd=scripts).returncode == 1


def test_json_formats(scripts: Path) -> None:
    document = json.loads(run_cli("check", "slecht.md", "--format", "json", cwd=scripts).stdout)
    assert document["pipeline"].startswith("nl_")
    assert [f["code"] for f in document["findings"]] == ["KL001", "KL006"]
    lines = run_cli("check", "slecht.md", "--format", "jsonl", cwd=scripts).stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["slecht.md", "slecht.md"]


def test_sarif_has_rules_and_regions(scripts: Path) -> None:
    sarif = json.loads(run_cli("check", "slecht.md", "--format", "sarif", cwd=scripts).stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"KL001", "KL006"} <= {rule["id"] for rule in rules}
    assert all(rule["help"]["text"] for rule in rules)
    result = run["results"][0]
    assert result["ruleId"] == "KL001" and rules[result["ruleIndex"]]["id"] == "KL001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 16, 27)
    assert run["tool"]["driver"]["properties"]["pipeline"].startswith("nl_")


def test_github_annotations(scripts: Path) -> None:
    lines = run_cli("check", "slecht.md", "--format", "github", cwd=scripts).stdout.splitlines()
    assert lines[0].startswith("::warning file=slecht.md,line=3,col=16,")
    assert lines[1].startswith("::error file=slecht.md,line=5,col=12,")


def test_statistics(scripts: Path) -> None:
    out = run_cli("check", ".", "--statistics", cwd=scripts).stdout
    assert "     1  KL001  verleden-tijd-gegevens" in out


def test_bad_input_is_reported_and_others_still_checked(scripts: Path) -> None:
    (scripts / "latin1.txt").write_bytes("Goedemorgen\nWat was uw naam, caf\xe9?\n".encode("latin-1"))
    (scripts / "plaatje.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (scripts / "leeg.txt").write_text("", encoding="utf-8")
    result = run_cli("check", ".", cwd=scripts)
    assert result.returncode == 2
    assert "latin1.txt:2: geen geldige UTF-8" in result.stderr
    assert "plaatje.md: binair bestand" in result.stderr
    assert "Traceback" not in result.stderr
    assert "slecht.md:3:16: KL001" in result.stdout


def test_missing_file_and_unknown_option_exit_2(scripts: Path) -> None:
    missing = run_cli("check", "bestaat-niet.md", cwd=scripts)
    assert missing.returncode == 2 and "bestaat-niet.md: bestand bestaat niet" in missing.stderr
    assert run_cli("check", "--bogus", ".", cwd=scripts).returncode == 2
    unknown = run_cli("check", ".", "--select", "KL999", cwd=scripts)
    assert unknown.returncode == 2 and "KL999" in unknown.stderr and "Traceback" not in unknown.stderr


def test_stdin(scripts: Path) -> None:
    result = run_cli("check", "-", cwd=scripts, stdin=b"Hoe heette u?")
    assert result.returncode == 1 and "<stdin>:1:5: KL001" in result.stdout


def test_fix_writes_safe_fixes_and_diff_does_not(scripts: Path) -> None:
    target = scripts / "helaas.txt"
    target.write_text("Agent: Helaas kunnen wij dat niet terugbetalen.\n", encoding="utf-8")
    diff = run_cli("fix", "helaas.txt", "--diff", "--extend-select", "KL002", cwd=scripts)  # KL002 is opt-in
    assert "+Agent: Wij kunnen dat niet terugbetalen." in diff.stdout
    assert target.read_text(encoding="utf-8").startswith("Agent: Helaas")
    result = run_cli("fix", "helaas.txt", "--extend-select", "KL002", cwd=scripts)
    assert result.returncode == 0
    assert target.read_text(encoding="utf-8") == "Agent: Wij kunnen dat niet terugbetalen.\n"


def test_fix_stdin_prints_text(scripts: Path) -> None:
    result = run_cli("fix", "-", cwd=scripts, stdin=b"Wat was je postcode?")
    assert result.stdout == "Wat is je postcode?"


def test_rules_explain_version(scripts: Path) -> None:
    assert "KL006  ophangen" in run_cli("rules", cwd=scripts).stdout
    explain = run_cli("explain", "KL001", cwd=scripts).stdout
    for title in ("Wat gaat er mis", "Waarom", "Voorbeeld", "Beter", "Herschrijven veilig?"):
        assert f"## {title}" in explain
    assert run_cli("explain", "ophangen", cwd=scripts).stdout.startswith("# KL006 ophangen")
    bad = run_cli("explain", "KL999", cwd=scripts)
    assert bad.returncode == 2 and "onbekende regel" in bad.stderr
    version = run_cli("--version", cwd=scripts).stdout
    assert version.startswith("klantlint 0.1.0 (pijplijn: nl_klantlint_sm")
