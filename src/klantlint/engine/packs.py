"""Loading rules: YAML packs (bundled and from `rule_paths`) and plugins from entry points (`klantlint.catalogue`
puts them together).

Every problem names the file, the rule and what is wrong, and stops the load (a half-loaded
catalogue would silently check less than the user asked for).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from klantlint.engine.base import Rule
from klantlint.engine.declarative import DeclarativeRule, DeclarativeSpec
from klantlint.engine.word_sets import UnknownWordSet, pack_sets, resolve_entry
from klantlint.errors import RulePackError

ENTRY_POINT_GROUP = "klantlint.rules"
PACKAGED_PACKS = Path(__file__).resolve().parent.parent / "packs"
SOURCE_PACKS = Path(__file__).resolve().parents[3] / "rules"


def bundled_pack_dir() -> Path:
    """Rule packs inside the wheel, or the repository's `rules/` folder in a source checkout."""
    return PACKAGED_PACKS if PACKAGED_PACKS.is_dir() else SOURCE_PACKS


def pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    if path.is_file():
        return [path]
    raise RulePackError(f"{path}: regelpakket bestaat niet")


def load_pack(path: Path) -> list[DeclarativeRule]:
    """Parse and validate one YAML pack (a mapping with a `rules` list, and optionally its own word `sets`)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RulePackError(f"{path}: kan niet worden gelezen: {error}") from None
    except yaml.YAMLError as error:
        raise RulePackError(f"{path}: geen geldige YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulePackError(f"{path}: een regelpakket is een mapping met een lijst 'rules'")
    try:
        sets = pack_sets(data.get("sets"))
    except UnknownWordSet as error:
        raise RulePackError(f"{path}: {error}") from None
    rules = []
    for index, entry in enumerate(data["rules"], start=1):
        label = entry.get("code", f"regel {index}") if isinstance(entry, dict) else f"regel {index}"
        try:
            spec = DeclarativeSpec.model_validate(resolve_entry(entry, sets) if isinstance(entry, dict) else entry)
            rules.append(DeclarativeRule(spec, source=str(path)))
        except ValidationError as error:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
            raise RulePackError(f"{path}: {label}: {problems}") from None
        except ValueError as error:
            raise RulePackError(f"{path}: {label}: {error}") from None
    return rules


def plugin_rules() -> list[Rule]:
    """Rules registered by installed packages under the `klantlint.rules` entry-point group.

    An entry point names a Rule subclass, a Rule instance, or a callable returning an iterable of rules.
    """
    rules: list[Rule] = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        origin = f"plugin {entry_point.name} ({entry_point.value})"
        try:
            loaded = entry_point.load()
        except Exception as error:
            raise RulePackError(f"{origin}: kan niet worden geladen: {error}") from None
        rules += _as_rules(loaded, origin)
    return rules


def _as_rules(loaded: Any, origin: str) -> list[Rule]:
    if isinstance(loaded, type) and issubclass(loaded, Rule):
        candidates: Iterable[Any] = [loaded()]
    elif isinstance(loaded, Rule):
        candidates = [loaded]
    elif callable(loaded):
        candidates = list(loaded())
    else:
        raise RulePackError(f"{origin}: verwacht een Rule-klasse, -instantie of een functie die regels geeft")
    rules = []
    for candidate in candidates:
        if not isinstance(candidate, Rule) or not hasattr(candidate, "info"):
            raise RulePackError(f"{origin}: {candidate!r} is geen regel met 'info'")
        if not getattr(candidate.info, "source", ""):
            candidate.info = candidate.info.model_copy(update={"source": origin})
        rules.append(candidate)
    return rules
