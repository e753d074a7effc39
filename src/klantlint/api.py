"""The module-level API: `check`, `fix` and `rules`, backed by one cached Linter per config."""

from __future__ import annotations

import threading

from klantlint.config import Config
from klantlint.engine.base import RuleInfo
from klantlint.engine.linter import Linter
from klantlint.findings import Finding, FixResult
from klantlint.io.characters import require_text

_linters: dict[str, Linter] = {}
_lock = threading.Lock()


def _linter(config: Config | None) -> Linter:
    config = config or Config()
    key = config.cache_key()
    with _lock:
        linter = _linters.get(key)
        if linter is None:
            linter = _linters[key] = Linter(config)
    return linter


def check(
    text: str,
    *,
    config: Config | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> list[Finding]:
    """Findings for `text`, sorted by position. `select`/`ignore` narrow the rules further for this call."""
    findings = _linter(config).check(require_text(text, "klantlint.check"))
    if select is None and ignore is None:
        return findings
    from klantlint.engine.selection import check_known, is_enabled

    linter = _linter(config)
    check_known(select or [], linter.known_codes, "select")
    check_known(ignore or [], linter.known_codes, "ignore")
    return [f for f in findings if is_enabled(f.code, select or ["ALL"], ignore or [])]


def fix(text: str, *, config: Config | None = None, unsafe: bool = False) -> FixResult:
    """Apply safe suggestions (all, with `unsafe=True`); returns the text and what was and was not fixed."""
    return _linter(config).fix(require_text(text, "klantlint.fix"), unsafe=unsafe)


def rules(config: Config | None = None) -> list[RuleInfo]:
    """Every rule in the catalogue (built-in, packs, plugins), sorted by code."""
    return _linter(config).rule_infos()


__all__ = ["Linter", "check", "fix", "rules"]
