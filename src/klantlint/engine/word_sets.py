"""Named word sets in YAML packs: `$negations` in a token pattern stands for the lexicon's set of that name.

A reference may stand for the whole list (`{LOWER: {IN: $negations}}`) or be one item of a list, whose words it
adds (`{LOWER: {IN: [$negations, onmogelijk]}}`). It is allowed where spaCy expects a list of words (`IN`,
`NOT_IN`, `IS_SUBSET`, `IS_SUPERSET`, `INTERSECTS`) and in `phrases`. Besides the lexicon's sets
(`klantlint.nlp.lexicon`), a pack may define its own under a top-level `sets:` mapping (name: list of words); such
a list may itself use the lexicon's sets. References are resolved when the pack is loaded: an unknown name stops
the load with an error naming the file, the rule and the key.
"""

from __future__ import annotations

import re
from typing import Any

from klantlint.nlp.lexicon import named_sets

SET_NAME = re.compile(r"[a-z][a-z0-9_]*")
# The Matcher's operators whose value is a list of words.
LIST_OPERATORS = frozenset({"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS"})
# The keys of a rule entry that hold token patterns.
PATTERN_KEYS = ("patterns", "when", "unless")


class UnknownWordSet(ValueError):
    """A `$name` that names no set; the message is Dutch and names the key where it stands."""


def pack_sets(raw: object) -> dict[str, frozenset[str]]:
    """The sets a pack can reference: the lexicon's, plus the pack's own `sets:` (which may use the lexicon's)."""
    sets = named_sets()
    if raw is None:
        return sets
    if not isinstance(raw, dict):
        raise UnknownWordSet("sets: verwacht een mapping van naam naar een lijst woorden")
    own: dict[str, frozenset[str]] = {}
    for name, words in raw.items():
        where = f"sets.{name}"
        if not isinstance(name, str) or not SET_NAME.fullmatch(name):
            raise UnknownWordSet(f"{where}: een setnaam bestaat uit kleine letters, cijfers en '_'")
        if name in sets:
            raise UnknownWordSet(f"{where}: de set '${name}' bestaat al in het lexicon; kies een andere naam")
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise UnknownWordSet(f"{where}: verwacht een lijst woorden")
        own[name] = frozenset(_splice(words, sets, where))
    return sets | own


def resolve_entry(entry: dict[str, Any], sets: dict[str, frozenset[str]]) -> dict[str, Any]:
    """A copy of a rule entry with every `$name` in its patterns, conditions and phrases replaced by the words."""
    resolved = dict(entry)
    for key in PATTERN_KEYS:
        if key in entry:
            resolved[key] = _resolve(entry[key], sets, key, in_list_operator=False)
    phrases = entry.get("phrases")
    if isinstance(phrases, (list, str)):
        resolved["phrases"] = _words(phrases, sets, "phrases")
    return resolved


def _resolve(value: Any, sets: dict[str, frozenset[str]], where: str, *, in_list_operator: bool) -> Any:
    if isinstance(value, dict):
        return {
            key: _resolve(item, sets, f"{where}.{key}", in_list_operator=str(key) in LIST_OPERATORS)
            for key, item in value.items()
        }
    if in_list_operator and isinstance(value, (list, str)):
        return _words(value, sets, where)
    if isinstance(value, list):
        return [_resolve(item, sets, f"{where}[{index}]", in_list_operator=False) for index, item in enumerate(value)]
    return value


def _words(value: list[Any] | str, sets: dict[str, frozenset[str]], where: str) -> Any:
    """A list of words with its references spliced in, or a lone reference as a sorted list."""
    if isinstance(value, str):
        return sorted(_lookup(value, sets, where)) if value.startswith("$") else value
    return _splice(value, sets, where)


def _splice(items: list[Any], sets: dict[str, frozenset[str]], where: str) -> list[Any]:
    words: list[Any] = []
    for index, item in enumerate(items):
        if isinstance(item, str) and item.startswith("$"):
            words += sorted(_lookup(item, sets, f"{where}[{index}]"))
        else:
            words.append(item)
    return words


def _lookup(reference: str, sets: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    found = sets.get(reference[1:])
    if found is None:
        known = ", ".join(f"${name}" for name in sorted(sets))
        raise UnknownWordSet(f"{where}: onbekende woordenset '{reference}' (bekende sets: {known})")
    return found
