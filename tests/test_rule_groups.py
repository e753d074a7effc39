"""Named opt-in groups (`gesprek`, `stijl`): usable in select, extend-select and ignore like a code prefix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klantlint import Config, Linter
from klantlint.catalogue import build_catalogue
from klantlint.engine.selection import is_enabled
from klantlint.errors import RulePackError
from klantlint.rulesdoc import rules_markdown_table
from klantlint.testing import install_plugin
from tests.cli_helpers import run_cli
from tests.plugin_helpers import no_hold_plugin

GESPREK = {"KL002", "KL003", "KL005", "KL010", "KL018"}
STIJL = {"KL007", "KL015", "KL016"}
GROUP_OF = {**dict.fromkeys(GESPREK, "gesprek"), **dict.fromkeys(STIJL, "stijl")}
HOLD = "Agent: Momentje, ik kijk het na."  # KL005, group gesprek
PASSIVE = "Agent: Uw aanvraag wordt behandeld."  # KL015, group stijl


def _enabled(**config: object) -> set[str]:
    return Linter(Config(**config)).enabled_codes()  # type: ignore[arg-type]


DEFAULT_CODES = _enabled()


# -- membership -----------------------------------------------------------------------------------------------------


def test_every_opt_in_built_in_rule_has_a_group_and_no_default_rule_has_one() -> None:
    infos = build_catalogue(plugins=False).infos()
    assert {info.code for info in infos if not info.default and info.group is None} == set()
    assert {info.code for info in infos if info.default and info.group is not None} == set()
    groups: dict[str, set[str]] = {}
    for info in infos:
        if info.group is not None:
            groups.setdefault(info.group, set()).add(info.code)
    assert groups == {"gesprek": GESPREK, "stijl": STIJL}


# -- selection ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("group", "codes"), [("gesprek", GESPREK), ("stijl", STIJL), ("Gesprek", GESPREK)])
def test_a_group_selects_exactly_its_rules(group: str, codes: set[str]) -> None:
    assert _enabled(select=[group]) == codes
    assert _enabled(extend_select=[group]) == DEFAULT_CODES | codes
    assert not DEFAULT_CODES & codes


def test_ignoring_a_group_leaves_out_exactly_its_rules() -> None:
    everything = _enabled(select=["ALL"])
    assert _enabled(select=["ALL"], ignore=["gesprek"]) == everything - GESPREK
    assert _enabled(select=["ALL"], ignore=["stijl", "gesprek"]) == everything - GESPREK - STIJL
    assert _enabled(extend_select=["gesprek"], ignore=["gesprek"]) == DEFAULT_CODES  # a tie: ignore wins


@pytest.mark.parametrize(
    ("code", "select", "ignore", "extend", "expected"),
    [
        ("KL003", None, ["KL003"], ["gesprek"], False),  # a full code beats the group
        ("KL002", None, ["KL003"], ["gesprek"], True),
        ("KL002", None, ["KL0"], ["gesprek"], False),  # a prefix with digits beats the group
        ("KL002", ["KL"], ["gesprek"], [], False),  # the group counts like the letter prefix KL: a tie, ignore wins
        ("KL001", ["KL"], ["gesprek"], [], True),  # KL001 is in no group
        ("KL002", ["KL002"], ["gesprek"], [], True),  # a code beats the group
        ("KL015", ["gesprek"], [], [], False),  # another group's rule stays off
        ("KL015", ["ALL"], ["stijl"], [], False),  # the group beats ALL
    ],
)
def test_a_group_counts_like_the_letter_prefix(
    code: str, select: list[str] | None, ignore: list[str], extend: list[str], expected: bool
) -> None:
    group = GROUP_OF.get(code)
    assert is_enabled(code, select, ignore, extend_select=extend, in_default_set=code not in GROUP_OF, group=group) is (
        expected
    )


def test_cli_and_config_take_group_names(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text(f"{HOLD}\n{PASSIVE}\n", encoding="utf-8")

    def codes(*args: str) -> list[str]:
        result = run_cli("check", "script.txt", "--format", "jsonl", "--fail-on", "info", *args, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        return [json.loads(line)["code"] for line in result.stdout.splitlines()]

    assert codes() == []
    assert codes("--extend-select", "gesprek") == ["KL005"]
    assert codes("--extend-select", "gesprek,stijl") == ["KL005", "KL015"]
    assert codes("--select", "ALL", "--ignore", "gesprek") == ["KL015"]
    (tmp_path / "klantlint.toml").write_text('extend-select = ["gesprek"]\n', encoding="utf-8")
    assert codes() == ["KL005"]
    (tmp_path / "klantlint.toml").write_text('select = ["ALL"]\nignore = ["stijl"]\n', encoding="utf-8")
    assert codes() == ["KL005"]


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore"])
def test_an_unknown_group_is_a_config_error_naming_file_and_key(tmp_path: Path, key: str) -> None:
    (tmp_path / "script.txt").write_text(f"{HOLD}\n", encoding="utf-8")
    (tmp_path / "klantlint.toml").write_text(f'{key} = ["gesprekken"]\n', encoding="utf-8")
    result = run_cli("check", "script.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert f"klantlint.toml: {key.replace('-', '_')}: onbekende regelcode 'GESPREKKEN'" in result.stderr
    assert "groepen: gesprek, stijl" in result.stderr
    assert "Traceback" not in result.stderr


# -- rules from packs and plugins -----------------------------------------------------------------------------------

PACK_RULE = """
rules:
  - code: {code}
    name: wachtmuziek
    severity: info
    summary: "Wachtmuziek noemen."
    message: "Noem de wachtmuziek niet."
    default: {default}
    group: {group}
    phrases: ["wachtmuziek"]
    explanation: {{wat_gaat_er_mis: a, waarom: b, voorbeeld: c, beter: d, veilig: e}}
    examples: {{bad: ["U hoort wachtmuziek."], good: ["U hoort niets."]}}
"""


def test_a_plugin_rule_declaring_a_group_joins_it(tmp_path: Path) -> None:
    entry_points = {"klantlint.rules": {"acme": "acme_group_rules:NoHold"}}
    source = no_hold_plugin('default=False, opt_in_reason="Alleen voor belscripts.", group="gesprek",')
    with install_plugin(tmp_path, "acme-group-rules", entry_points, modules={"acme_group_rules": source}):
        assert "ACME001" not in _enabled()
        assert _enabled(select=["gesprek"]) == GESPREK | {"ACME001"}
        linter = Linter(Config(extend_select=["gesprek"]))
        assert [f.code for f in linter.check("U hoort nu wachtmuziek.")] == ["ACME001"]
        assert "ACME001" not in _enabled(select=["ALL"], ignore=["gesprek"])


def test_a_pack_rule_joins_a_group_or_names_its_own(tmp_path: Path) -> None:
    (tmp_path / "huis.yaml").write_text(PACK_RULE.format(code="HUIS001", default="false", group="stijl"), "utf-8")
    assert _enabled(rule_paths=[tmp_path], select=["stijl"]) == STIJL | {"HUIS001"}
    (tmp_path / "huis.yaml").write_text(PACK_RULE.format(code="HUIS001", default="false", group="muziek"), "utf-8")
    assert _enabled(rule_paths=[tmp_path], select=["muziek"]) == {"HUIS001"}
    assert _enabled(rule_paths=[tmp_path], select=["ALL"], ignore=["muziek"]) == _enabled(select=["ALL"])


@pytest.mark.parametrize(
    ("code", "default", "group", "error"),
    [
        ("HUIS001", "true", "stijl", "alleen een opt-in-regel"),  # a default rule has no group
        ("HUIS001", "false", "Stijl!", "kleine letters"),
        ("HUIS001", "false", "huis", "groep 'huis' is ook het begin van regelcode HUIS001"),  # reads as a prefix
    ],
)
def test_a_bad_group_is_refused_naming_the_pack(
    tmp_path: Path, code: str, default: str, group: str, error: str
) -> None:
    (tmp_path / "huis.yaml").write_text(PACK_RULE.format(code=code, default=default, group=group), "utf-8")
    with pytest.raises(RulePackError, match=r"huis\.yaml") as raised:
        Linter(Config(rule_paths=[tmp_path]))
    assert error in str(raised.value)


# -- klantlint rules ------------------------------------------------------------------------------------------------


def test_klantlint_rules_shows_each_opt_in_rule_s_group(tmp_path: Path) -> None:
    lines = run_cli("rules", cwd=tmp_path).stdout.splitlines()
    columns = {line.split()[0]: line.split()[3:5] for line in lines}
    assert all(columns[code] == ["opt-in", "gesprek"] for code in GESPREK)
    assert all(columns[code] == ["opt-in", "stijl"] for code in STIJL)
    assert columns["KL001"][0] == "standaard" and columns["KL001"][1] not in ("gesprek", "stijl")
    rules_json = json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)
    assert {rule["code"]: rule["group"] for rule in rules_json if rule["group"]} == GROUP_OF
    table = rules_markdown_table(build_catalogue(plugins=False).infos())
    assert "| KL015 | lijdende-vorm | info | opt-in | stijl |" in table
    assert "| KL005 | onaangekondigde-wacht | warning | opt-in | gesprek |" in table
    assert "| KL001 | verleden-tijd-gegevens | warning | standaard |  |" in table


def test_explain_names_the_group_and_how_to_turn_it_on(tmp_path: Path) -> None:
    explained = run_cli("explain", "KL005", cwd=tmp_path).stdout
    assert "Hoort bij de groep 'gesprek' (aanzetten met extend-select = [\"gesprek\"])." in explained
    assert "groep" not in run_cli("explain", "KL001", cwd=tmp_path).stdout.split("## ", 1)[0]
