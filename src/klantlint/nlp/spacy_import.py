"""Importing spaCy without its command-line package.

`import spacy` imports `spacy.cli`, every `spacy` command with what they need (weasel, typer, requests, ...), for the
one name `spacy.info` that its `__init__` takes from `spacy.cli.info`: about a third of spaCy's import time, paid by
every `klantlint batch` and `check` that loads the model. klantlint runs no spaCy command, so while spaCy is imported
here a stand-in module answers for `spacy.cli.info`; it is removed again at once, so a later `import spacy.cli`
imports the real package, and the stand-in's `info` imports the real one when it is called.

spaCy's registries (the `catalogue` package) look their entry points up by group in `catalogue.AVAILABLE_ENTRY_POINTS`,
every installed package's entry points read once, with `select(group=...)`: a scan of all of them in pure Python, for
each of the some 140 look-ups of a model load (about 13 ms with this project's test extras installed). Before spaCy
is imported they are indexed by group here (`index_entry_points`): the same entry points, in the same order, each
look-up a dict read. tests/test_spacy_import.py pins how `catalogue` reads them.
"""

from __future__ import annotations

import sys
from importlib import metadata
from types import ModuleType
from typing import Any

CLI_INFO = "spacy.cli.info"


def import_spacy() -> ModuleType:
    """The `spacy` module, imported without `spacy.cli` if it is not imported yet."""
    imported = sys.modules.get("spacy")
    if imported is not None:
        return imported
    stand_in = ModuleType(CLI_INFO, "Stands in for spacy.cli.info while spaCy is imported (klantlint).")
    stand_in.info = info  # type: ignore[attr-defined]
    sys.modules.setdefault(CLI_INFO, stand_in)
    _index_catalogue_entry_points()
    try:
        import spacy
    finally:
        if sys.modules.get(CLI_INFO) is stand_in:
            del sys.modules[CLI_INFO]
    return spacy


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info` as spaCy defines it, imported from `spacy.cli` when it is called."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)


def _index_catalogue_entry_points() -> None:
    """Replace `catalogue.AVAILABLE_ENTRY_POINTS` by the same entry points indexed by group (once)."""
    import catalogue

    catalogue.AVAILABLE_ENTRY_POINTS = index_entry_points(catalogue.AVAILABLE_ENTRY_POINTS)


# Python 3.11's `metadata.entry_points()` without arguments gives `SelectableGroups` (a dict by group, deprecated);
# 3.12 and later give `EntryPoints`.
_SelectableGroups: type[Any] | None = getattr(metadata, "SelectableGroups", None)


class _GroupIndex(metadata.EntryPoints):
    """`EntryPoints` whose `select(group=...)` reads an index by group, made on the first such look-up: the entry
    points `EntryPoints.select` finds, in the same order. Any other selection is `EntryPoints.select` itself."""

    _by_group: dict[str, metadata.EntryPoints] | None = None

    def select(self, **params: Any) -> metadata.EntryPoints:
        if params.keys() != {"group"}:
            return super().select(**params)
        if self._by_group is None:
            by_group: dict[str, list[metadata.EntryPoint]] = {}
            for entry_point in self:
                by_group.setdefault(entry_point.group, []).append(entry_point)
            self._by_group = {group: metadata.EntryPoints(members) for group, members in by_group.items()}
        return self._by_group.get(params["group"], _NONE)


_NONE = metadata.EntryPoints(())


def index_entry_points(available: Any) -> Any:
    """`available` (what `metadata.entry_points()` gave) with `select(group=...)` from an index; anything else as
    it is (an index already made, or a type this does not know)."""
    if type(available) is metadata.EntryPoints:
        return _GroupIndex(available)
    if _SelectableGroups is not None and type(available) is _SelectableGroups:
        return _GroupIndex(entry_point for group in dict.values(available) for entry_point in group)
    return available
