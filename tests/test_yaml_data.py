"""The JSON copies of the bundled YAML files (`klantlint.io.yaml_data`): current, read instead of the YAML while
it is unchanged, and never read for another text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from klantlint.engine.packs import bundled_pack_dir, load_pack
from klantlint.errors import RulePackError
from klantlint.io.yaml_data import YAMLDataError, json_copy_path, load_yaml, load_yaml_file, write_json_copy

BUNDLED_YAML = sorted([*bundled_pack_dir().glob("*.yaml"), *bundled_pack_dir().glob("data/*.yaml")])


def test_the_bundled_yaml_files_are_core_and_jargon() -> None:
    assert [path.name for path in BUNDLED_YAML] == ["core.yaml", "jargon.yaml"]


@pytest.mark.parametrize("path", BUNDLED_YAML, ids=lambda path: path.name)
def test_every_bundled_yaml_file_has_a_current_json_copy(path: Path) -> None:
    """Fails after a bundled YAML file changes until `python -m klantlint.io.yaml_data FILE` is run for it."""
    copy = json.loads(json_copy_path(path).read_text(encoding="utf-8"))
    parsed = load_yaml(path.read_text(encoding="utf-8"))
    assert copy["data"] == parsed and repr(copy["data"]) == repr(parsed)  # the same values, types and order
    assert load_yaml_file(path) == parsed


def test_the_copy_is_read_while_the_yaml_is_unchanged_and_not_after(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - code: XX001\n", encoding="utf-8")
    write_json_copy(path)
    stored = json.loads(json_copy_path(path).read_text(encoding="utf-8"))
    json_copy_path(path).write_text(json.dumps({**stored, "data": "uit de kopie"}), encoding="utf-8")
    assert load_yaml_file(path) == "uit de kopie"  # the copy, not a parse
    path.write_text("rules:\n  - code: XX002\n", encoding="utf-8")
    assert load_yaml_file(path) == {"rules": [{"code": "XX002"}]}  # a changed text is parsed
    json_copy_path(path).write_text("{niet json", encoding="utf-8")
    assert load_yaml_file(path) == {"rules": [{"code": "XX002"}]}


def test_data_json_cannot_hold_gets_no_copy(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text("1: een\n", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON"):
        write_json_copy(path)
    assert not json_copy_path(path).exists()


def test_a_pack_that_is_no_valid_yaml_names_the_file_and_the_parsers_reason_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("rules: [\n", encoding="utf-8")
    reason = "hier hoort een waarde (of een [ of { wordt niet afgesloten) (regel 2, kolom 1)"
    with pytest.raises(YAMLDataError, match=re.escape(reason)):
        load_yaml_file(path)
    with pytest.raises(RulePackError, match=re.escape(f"broken.yaml: geen geldige YAML: {reason}")):
        load_pack(path)


def test_a_key_given_twice_in_a_pack_is_refused_with_its_name_and_line(tmp_path: Path) -> None:
    # YAML's loaders keep the last of two equal keys silently: the first message would vanish without a word.
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - code: KL500\n    message: eerste\n    message: tweede\n", encoding="utf-8")
    reason = "de sleutel 'message' staat twee keer in dezelfde mapping (regel 4, kolom 5)"
    with pytest.raises(RulePackError, match=re.escape(f"pack.yaml: geen geldige YAML: {reason}")):
        load_pack(path)


def test_merging_a_mapping_in_and_overriding_its_keys_is_no_repeat() -> None:
    data = load_yaml("basis: &basis {severity: info, name: a}\nregel:\n  <<: *basis\n  name: b\n")
    assert data["regel"] == {"severity": "info", "name": "b"}
