"""Reading YAML data (rule packs, the jargon list) with libyaml's C parser where PyYAML was built with it.

The pure-Python parser takes most of a second on the bundled packs, which `klantlint rules` and every check read;
both parsers build the same plain data (mappings, lists, strings, numbers, booleans) from a safe document.

A YAML file may have a JSON copy of its data beside it (`core.yaml.json`, written by `write_json_copy`), holding
the SHA-256 of the YAML text it was read from: `load_yaml_file` reads that copy while the YAML text is unchanged.
The bundled files have one, so that a check or batch run neither imports PyYAML nor parses them (about 13 ms of
every process); `python -m klantlint.io.yaml_data FILE...` writes them, and tests/test_yaml_data.py checks that they
are current.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from klantlint.io.parser_reasons import dutch_yaml_reason

JSON_COPY_SUFFIX = ".json"


class YAMLDataError(ValueError):
    """A YAML document that cannot be read; the message is the parser's reason, in Dutch, with line and column."""


def load_yaml(text: str) -> Any:
    """The data of one YAML document, as `yaml.safe_load` reads it (tags that build objects are refused), except
    that a key given twice in one mapping is an error: YAML's loaders keep the last one silently, so a rule pack's
    second `message:` would replace the first without a word (TOML refuses the same)."""
    import yaml  # only where a YAML text is parsed: not for files read from their JSON copy

    try:
        return yaml.load(text, Loader=_unique_key_loader())  # a safe loader: no tags that build objects
    except yaml.YAMLError as error:
        raise YAMLDataError(dutch_yaml_reason(error)) from None


@functools.cache
def _unique_key_loader() -> type:
    """libyaml's safe loader (PyYAML's own where it was built without it) that refuses a key given twice."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[object] = set()
            for key_node, _value in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":  # "<<": merging another mapping in is no repeat
                    continue
                key = self.construct_object(key_node, deep=deep)
                try:
                    repeated = key in seen
                    seen.add(key)
                except TypeError:  # an unhashable key: the safe constructor names it
                    continue
                if repeated:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"found duplicate key {key!r}", key_node.start_mark
                    )
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def load_yaml_file(path: Path) -> Any:
    """The data of the YAML file `path`: from its JSON copy if it has a current one, else parsed. Reading errors
    (OSError, UnicodeDecodeError) are the file's; a text that is no valid YAML raises YAMLDataError."""
    text = path.read_text(encoding="utf-8")
    found, data = _read_json_copy(json_copy_path(path), text)
    return data if found else load_yaml(text)


def json_copy_path(path: Path) -> Path:
    return path.with_name(path.name + JSON_COPY_SUFFIX)


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_json_copy(copy: Path, text: str) -> tuple[bool, Any]:
    """(True, data) from the JSON copy `copy` when it was written from exactly `text`; (False, None) otherwise (no
    copy, an unreadable one, or one of an older text)."""
    try:
        stored = json.loads(copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, None
    if not isinstance(stored, dict) or stored.get("yaml_sha256") != _text_digest(text) or "data" not in stored:
        return False, None
    return True, stored["data"]


def write_json_copy(path: Path) -> None:
    """Write the JSON copy of the YAML file `path`; ValueError if JSON cannot hold its data as YAML reads it (keys
    that are not strings, dates, ...), which would make the copy read differently."""
    text = path.read_text(encoding="utf-8")
    data = load_yaml(text)
    if json.loads(json.dumps(data)) != data:
        raise ValueError(f"{path}: JSON kan deze gegevens niet ongewijzigd bewaren")
    document = {"yaml_sha256": _text_digest(text), "data": data}
    json_copy_path(path).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        write_json_copy(Path(name))
