"""The config and Linter for each document: the CLI's config walk-up per folder, one Linter per config.

Configs are cached per folder and Linters per config, so a keystroke never reads a config file or compiles
rules; `reload` forgets both when a config file or rule pack changes.
"""

from __future__ import annotations

from pathlib import Path

from klantlint.api import Linter
from klantlint.config import Config, resolve_config
from klantlint.errors import KlantlintError


class LinterStore:
    """Linters by config, configs by folder; a broken config is remembered as its error message."""

    def __init__(self, default_folder: Path) -> None:
        self.default_folder = default_folder
        self._configs: dict[Path, Config | str] = {}
        self._linters: dict[str, Linter | str] = {}

    def reload(self) -> None:
        self._configs.clear()
        self._linters.clear()

    def linter_for(self, path: Path | None) -> Linter:
        """The Linter for a file (or, for an unsaved document, the default folder); KlantlintError if its
        config, rule packs or model cannot be loaded."""
        folder = (path.parent if path is not None else self.default_folder).resolve()
        config = self._configs.get(folder)
        if config is None:
            try:
                config = resolve_config(None, folder)
            except KlantlintError as error:
                config = str(error)
            self._configs[folder] = config
        if isinstance(config, str):
            raise KlantlintError(config)
        key = config.cache_key()
        linter = self._linters.get(key)
        if linter is None:
            try:
                linter = Linter(config)
                linter.load()  # a long-lived server: load now, so a broken model shows as the config's problem
            except KlantlintError as error:
                linter = str(error)
            self._linters[key] = linter
        if isinstance(linter, str):
            raise KlantlintError(linter)
        return linter
