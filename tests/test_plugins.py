"""Pluggable rules: an organisation's YAML pack via rule_paths, and a Python plugin via entry points."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from klantlint import Config, Linter
from klantlint.catalogue import build_catalogue
from klantlint.errors import RulePackError
from klantlint.testing import install_plugin
from tests.plugin_helpers import no_hold_plugin

PACK = """
rules:
  - code: ORG001
    name: geen-beste-klant
    severity: info
    summary: "'Beste klant' is onpersoonlijk."
    message: "Spreek de beller aan met naam in plaats van 'beste klant'."
    phrases: ["beste klant"]
    suggestions:
      - replacement: "meneer/mevrouw [naam]"
        description: Gebruik de naam van de beller.
    explanation:
      wat_gaat_er_mis: "De medewerker zegt 'beste klant' tegen de beller."
      waarom: "Het klinkt als een standaardbrief; de beller is geen nummer."
      voorbeeld: "Beste klant, ik help u graag."
      beter: "Mevrouw Jansen, ik help u graag."
      veilig: "Nee, alleen u kent de naam."
    examples:
      bad: ["Beste klant, ik help u graag.", "Dank u, beste klant.", "beste klant wat kan ik doen"]
      good: ["Mevrouw Jansen, ik help u graag.", "Onze beste klanten bellen vaak.", "Dank u wel."]
"""


def test_rule_paths_pack_adds_rules(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(PACK, encoding="utf-8")
    linter = Linter(Config(rule_paths=[tmp_path]))
    info = next(i for i in linter.rule_infos() if i.code == "ORG001")
    for bad in info.bad_examples:
        assert "ORG001" in [f.code for f in linter.check(bad)]
    for good in info.good_examples:
        assert "ORG001" not in [f.code for f in linter.check(good)]


def test_pack_reusing_a_code_fails_naming_file_and_rule(tmp_path: Path) -> None:
    (tmp_path / "dubbel.yaml").write_text(PACK.replace("ORG001", "KL006"), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"dubbel\.yaml: KL006: code wordt al gebruikt"):
        Linter(Config(rule_paths=[tmp_path]))


def test_malformed_pattern_fails_naming_file_and_rule(tmp_path: Path) -> None:
    broken = PACK.replace('phrases: ["beste klant"]', "patterns:\n      - [{LOWERR: beste}]")
    (tmp_path / "kapot.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(RulePackError, match=r"kapot\.yaml: ORG001: patroon ongeldig"):
        Linter(Config(rule_paths=[tmp_path]))


def test_missing_field_fails_naming_file_and_rule(tmp_path: Path) -> None:
    (tmp_path / "half.yaml").write_text(PACK.replace("    severity: info\n", ""), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"half\.yaml: ORG001: severity"):
        Linter(Config(rule_paths=[tmp_path]))


def test_entry_point_plugin_is_loaded(tmp_path: Path) -> None:
    entry_points = {"klantlint.rules": {"acme": "acme_rules:NoHold"}}
    with install_plugin(tmp_path, "acme-rules", entry_points, modules={"acme_rules": no_hold_plugin()}):
        linter = Linter()
        assert "ACME001" in {info.code for info in linter.rule_infos()}
        findings = linter.check("U hoort nu wachtmuziek.")
    assert [(f.code, f.text, f.message) for f in findings] == [("ACME001", "wachtmuziek", "Wachtmuziek irriteert.")]


def test_a_catalogue_reads_the_installed_entry_points_once_for_both_plugin_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both groups (`klantlint.rules`, `klantlint.conversation_rules`) are selected from one read of every installed
    package's metadata, not one read per group."""
    reads: list[dict[str, object]] = []
    read_entry_points = metadata.entry_points

    def counted(**params: object) -> object:
        reads.append(params)
        return read_entry_points(**params)  # type: ignore[arg-type]

    monkeypatch.setattr(metadata, "entry_points", counted)
    entry_points = {"klantlint.rules": {"acme": "acme_rules:NoHold"}}
    with install_plugin(tmp_path, "acme-rules", entry_points, modules={"acme_rules": no_hold_plugin()}):
        catalogue = build_catalogue()
    assert "ACME001" in catalogue.codes() and {"KL101", "KL107"} <= catalogue.codes()
    assert reads == [{}]
