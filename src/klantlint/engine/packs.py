"""Loading rules: YAML packs (bundled and from `rule_paths`) and plugins from entry points (`klantlint.catalogue`
puts them together).

Every problem names the file, the rule and what is wrong, and stops the load (a half-loaded
catalogue would silently check less than the user asked for).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import ValidationError

from klantlint.engine.base import Rule, RuleInfo
from klantlint.engine.declarative import DeclarativeRule, DeclarativeSpec
from klantlint.engine.word_sets import UnknownWordSet, pack_sets, resolve_entry
from klantlint.errors import RulePackError
from klantlint.io.encoding import undecodable_line
from klantlint.io.os_errors import describe_os_error
from klantlint.io.validation_reasons import dutch_validation_reason
from klantlint.io.yaml_data import YAMLDataError, load_yaml_file

ENTRY_POINT_GROUP = "klantlint.rules"


class _HasInfo(Protocol):
    info: RuleInfo


class EntryPointSource(Protocol):
    """What `installed_entry_points` gives: the installed packages' entry points, selectable by group."""

    def select(self, *, group: str) -> Iterable[metadata.EntryPoint]: ...


RuleType = TypeVar("RuleType", bound=_HasInfo)
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
        data = load_yaml_file(path)
    except OSError as error:
        raise RulePackError(f"{path}: kan niet worden gelezen: {describe_os_error(error, writing=False)}") from None
    except UnicodeDecodeError as error:
        line = undecodable_line(error)
        raise RulePackError(f"{path}:{line}: geen UTF-8-tekst (sla het bestand op als UTF-8)") from None
    except YAMLDataError as error:
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
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {dutch_validation_reason(e)}" for e in error.errors()
            )
            raise RulePackError(f"{path}: {label}: {problems}") from None
        except ValueError as error:
            raise RulePackError(f"{path}: {label}: {error}") from None
    return rules


def installed_entry_points() -> EntryPointSource:
    """Every installed package's entry points, read in one pass over the installed packages: a catalogue selects
    both its plugin groups from them instead of reading every package's metadata once per group."""
    return metadata.entry_points()


def plugin_rules(installed: EntryPointSource | None = None) -> list[Rule]:
    """Fresh instances of the phrase rules that installed packages register under the `klantlint.rules` group (from
    `installed`, if given: see `installed_entry_points`)."""
    return plugin_instances(ENTRY_POINT_GROUP, Rule, installed)


def plugin_instances(group: str, base: type[RuleType], installed: EntryPointSource | None = None) -> list[RuleType]:
    """Fresh instances of the rules registered under the entry-point `group`, each a subclass of `base`.

    An entry point names a factory: a rule class, or a callable returning an iterable of rules (instances, or
    classes to instantiate). Each call makes new instances, so every Linter configures rules of its own; a factory
    that hands out an instance it handed out before (a module-level instance) is refused, as is an instance
    registered directly.
    """
    rules: list[RuleType] = []
    found = installed.select(group=group) if installed is not None else metadata.entry_points(group=group)
    for entry_point in found:
        origin = f"plugin {entry_point.name} ({entry_point.value})"
        try:
            loaded = entry_point.load()
        except Exception as error:
            raise RulePackError(f"{origin}: kan niet worden geladen: {error}") from None
        rules += _instances(loaded, base, origin)
    return rules


# Every plugin rule instance handed out, so that one handed out twice (shared between Linters) is caught.
_handed_out: weakref.WeakSet[object] = weakref.WeakSet()


def _instances(loaded: Any, base: type[RuleType], origin: str) -> list[RuleType]:
    kind = base.__name__
    if isinstance(loaded, type) and issubclass(loaded, base):
        candidates: Iterable[Any] = [loaded]
    elif isinstance(loaded, base):
        raise RulePackError(
            f"{origin}: verwijst naar een {kind}-instantie; registreer de klasse of een functie die nieuwe regels "
            "maakt, zodat elke Linter eigen regels krijgt"
        )
    elif callable(loaded):
        try:
            candidates = list(loaded())
        except Exception as error:
            raise RulePackError(f"{origin}: de functie gaf een fout: {error}") from None
    else:
        raise RulePackError(f"{origin}: verwacht een {kind}-klasse of een functie die regels geeft")
    rules = []
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, base):
            candidate = candidate()
        if not isinstance(candidate, base) or not hasattr(candidate, "info"):
            raise RulePackError(f"{origin}: {candidate!r} is geen {kind} met 'info'")
        if candidate in _handed_out:
            raise RulePackError(
                f"{origin}: {candidate.info.code}: de functie geeft steeds dezelfde instantie; laat haar bij elke "
                "aanroep nieuwe regels maken, zodat elke Linter eigen regels krijgt"
            )
        _handed_out.add(candidate)
        if not getattr(candidate.info, "source", ""):
            candidate.info = candidate.info.model_copy(update={"source": origin})
        rules.append(candidate)
    return rules
