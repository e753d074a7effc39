"""The default rule set (like Ruff's): opt-in rules run only when selected, by `select`, `extend_select` or ALL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klantlint import Config, Linter
from klantlint.config import load_config
from klantlint.engine.selection import is_enabled
from klantlint.errors import ConfigError
from klantlint.rulesdoc import NOT_MEASURED, rules_markdown_table
from tests.cli_helpers import run_cli

PASSIVE = "Uw aanvraag wordt behandeld."  # KL015, opt-in
LONG = (
    "Ik heb uw gegevens voor me en ik zie dat de monteur vorige week is langsgekomen maar dat de storing daarna "
    "opnieuw is begonnen in de meterkast."
)  # KL016, opt-in
OPT_IN = {"KL002", "KL003", "KL005", "KL007", "KL010", "KL015", "KL016", "KL018"}


# -- selection ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("select", "ignore", "extend", "in_default", "expected"),
    [
        (None, [], [], True, True),  # the default set runs without a select
        (None, [], [], False, False),  # an opt-in rule does not
        (None, ["KL0"], [], True, False),  # a prefix in ignore beats the default set
        (None, [], ["KL015"], False, True),  # extend_select adds an opt-in rule
        (None, ["KL01"], ["KL015"], False, True),  # the full code beats the ignored prefix
        (None, ["KL015"], ["KL015"], False, False),  # on a tie ignore wins
        (["ALL"], [], [], False, True),  # ALL selects opt-in rules too
        (["KL01"], [], [], False, True),  # so does an explicit prefix
        (["KL001"], [], [], True, False),  # an explicit select replaces the default set
        (["KL001"], [], ["KL015"], False, True),  # extend_select adds to an explicit select
    ],
)
def test_selection(
    select: list[str] | None, ignore: list[str], extend: list[str], in_default: bool, expected: bool
) -> None:
    assert is_enabled("KL015", select, ignore, extend_select=extend, in_default_set=in_default) is expected


# -- the linter -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_linter() -> Linter:
    return Linter()


def _codes(linter: Linter, text: str) -> set[str]:
    return {finding.code for finding in linter.check(text)}


def test_the_catalogue_marks_the_opt_in_rules(default_linter: Linter) -> None:
    infos = default_linter.rule_infos()
    assert {info.code for info in infos if not info.default} == OPT_IN
    assert all(info.opt_in_reason for info in infos if not info.default)
    assert {rule.info.code for rule in default_linter.rules}.isdisjoint(OPT_IN)
    assert "KL001" in {rule.info.code for rule in default_linter.rules}


def test_opt_in_rules_are_quiet_by_default_and_run_when_extended(default_linter: Linter) -> None:
    text = f"{PASSIVE} {LONG} Wat was uw naam ook alweer?"
    assert _codes(default_linter, text) == {"KL001"}
    extended = Linter(Config(extend_select=["KL015"]))
    assert _codes(extended, text) == {"KL001", "KL015"}
    assert _codes(Linter(Config(select=["ALL"])), text) == {"KL001", "KL015", "KL016"}


def test_extend_select_in_a_config_file_with_a_hyphen(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text('extend-select = ["kl016"]\n', encoding="utf-8")
    config = load_config(tmp_path / "klantlint.toml")
    assert config.select is None and config.extend_select == ["KL016"]
    assert _codes(Linter(config), LONG) == {"KL016"}


def test_unknown_code_in_extend_select_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "klantlint.toml").write_text('extend-select = ["KL777"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"klantlint\.toml: extend_select: onbekende regelcode 'KL777'"):
        Linter(load_config(tmp_path / "klantlint.toml"))


def test_a_pack_rule_can_be_opt_in(tmp_path: Path) -> None:
    (tmp_path / "huis.yaml").write_text(
        """
rules:
  - code: HUIS001
    name: wachtmuziek
    severity: info
    summary: "Wachtmuziek noemen."
    message: "Noem de wachtmuziek niet."
    default: false
    opt_in_reason: "Alleen voor teams zonder wachtmuziek."
    phrases: ["wachtmuziek"]
    explanation: {wat_gaat_er_mis: a, waarom: b, voorbeeld: c, beter: d, veilig: e}
    examples: {bad: ["U hoort wachtmuziek."], good: ["U hoort niets."]}
""",
        encoding="utf-8",
    )
    info = next(i for i in Linter(Config(rule_paths=[tmp_path])).rule_infos() if i.code == "HUIS001")
    assert not info.default and info.opt_in_reason == "Alleen voor teams zonder wachtmuziek."
    assert "HUIS001" not in _codes(Linter(Config(rule_paths=[tmp_path])), "U hoort wachtmuziek.")
    chosen = Linter(Config(rule_paths=[tmp_path], extend_select=["HUIS"]))
    assert "HUIS001" in _codes(chosen, "U hoort wachtmuziek.")


# -- the rules table ------------------------------------------------------------------------------------------------


def test_markdown_table_gives_status_reason_and_measured_figures(default_linter: Linter) -> None:
    infos = default_linter.rule_infos()
    reasons = {info.code: info.opt_in_reason for info in infos}
    plain = rules_markdown_table(infos)
    assert "| KL001 | verleden-tijd-gegevens | warning | standaard |" in plain
    assert "| KL015 | lijdende-vorm | info | opt-in |" in plain
    assert f"| KL015 | {reasons['KL015']} | {NOT_MEASURED} |" in plain
    figures = {"split": "test", "per_rule": {"KL015": {"findings": 40, "precision": 0.95, "useful_share": 0.25}}}
    measured = rules_markdown_table(infos, figures)
    assert f"| KL015 | {reasons['KL015']} | 0,95 | 0,25 | 40 (test) |" in measured
    assert f"| KL016 | {reasons['KL016']} | {NOT_MEASURED} |" in measured


# -- the command line -----------------------------------------------------------------------------------------------


def test_cli_check_uses_the_default_set_and_extends_it(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text(f"{PASSIVE}\n{LONG}\n", encoding="utf-8")
    assert run_cli("check", "script.txt", "--fail-on", "info", cwd=tmp_path).returncode == 0
    (tmp_path / "klantlint.toml").write_text('extend-select = ["KL016"]\nfail-on = "info"\n', encoding="utf-8")
    from_config = run_cli("check", "script.txt", "--format", "jsonl", cwd=tmp_path)
    assert [json.loads(line)["code"] for line in from_config.stdout.splitlines()] == ["KL016"]
    both = run_cli("check", "script.txt", "--format", "jsonl", "--extend-select", "KL015", cwd=tmp_path)
    assert [json.loads(line)["code"] for line in both.stdout.splitlines()] == ["KL015", "KL016"]
    assert both.returncode == 1


def test_cli_rules_shows_which_rules_are_on_by_default(tmp_path: Path) -> None:
    lines = run_cli("rules", cwd=tmp_path).stdout.splitlines()
    status = {line.split()[0]: line.split()[3] for line in lines}
    assert status["KL015"] == status["KL016"] == "opt-in"
    assert status["KL001"] == status["KL101"] == "standaard"
    explained = run_cli("explain", "KL015", cwd=tmp_path).stdout
    assert "Opt-in: staat niet standaard aan." in explained


def test_batch_uses_the_default_set_unless_configured(tmp_path: Path) -> None:
    call = {"call_id": "c1", "turns": [{"speaker": "Agent", "text": PASSIVE}, {"speaker": "Klant", "text": "Oké."}]}
    (tmp_path / "calls.jsonl").write_text(json.dumps(call) + "\n", encoding="utf-8")
    run_cli("batch", "calls.jsonl", "--output", "quiet.jsonl", "--agent-speaker", "Agent", cwd=tmp_path)
    quiet = (tmp_path / "quiet.jsonl").read_text(encoding="utf-8").splitlines()
    assert "KL015" not in {json.loads(line)["code"] for line in quiet}
    (tmp_path / "klantlint.toml").write_text('extend-select = ["KL015"]\n', encoding="utf-8")
    run_cli("batch", "calls.jsonl", "--output", "found.jsonl", "--agent-speaker", "Agent", cwd=tmp_path)
    found = (tmp_path / "found.jsonl").read_text(encoding="utf-8").splitlines()
    assert "KL015" in {json.loads(line)["code"] for line in found}
