"""Reading YAML data (rule packs, the jargon list) with libyaml's C parser where PyYAML was built with it.

The pure-Python parser takes most of a second on the bundled packs, which `klantlint rules` and every check read;
both parsers build the same plain data (mappings, lists, strings, numbers, booleans) from a safe document.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def load_yaml(text: str) -> Any:
    """The data of one YAML document, as `yaml.safe_load` reads it (tags that build objects are refused)."""
    return yaml.load(text, Loader=SafeLoader)  # a safe loader: no tags that build objects
