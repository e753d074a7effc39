"""The public API: the `Linter` and the module-level `check`, `fix` and `rules` (one cached Linter per config)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from klantlint.batch.parallel import lint_records
from klantlint.catalogue import build_catalogue
from klantlint.config import Config
from klantlint.engine.base import Rule, RuleInfo
from klantlint.engine.linter import Linter as EngineLinter
from klantlint.engine.linter import Mode
from klantlint.findings import Finding, FixResult
from klantlint.io.characters import require_text
from klantlint.transcripts.linting import check_calls_in_process
from klantlint.transcripts.models import Call, CallResult


class Linter(EngineLinter):
    """Checks Dutch customer-service texts and calls with every rule of the catalogue; build once and reuse
    (loading the pipeline is the slow part).

    The engine's Linter checks texts with the rules it is given; this one builds them from the config's
    catalogue and adds calls, which are linted by `klantlint.transcripts` and, for many calls in worker
    processes, by `klantlint.batch`: layers the engine must not import.
    """

    def __init__(
        self, config: Config | None = None, *, mode: Mode = "fast", builtin_rules: Iterable[Rule] | None = None
    ) -> None:
        config = config or Config()
        super().__init__(config, catalogue=build_catalogue(config.rule_paths, builtin=builtin_rules), mode=mode)

    def check_call(self, call: Call, *, agent_speaker: str | None = None) -> CallResult:
        """Findings for one call: roles are assigned, the agent's turns are linted as one conversation."""
        return next(check_calls_in_process(self, [call], agent_speaker))

    def check_calls(
        self, calls: Iterable[Call], jobs: int = 1, *, agent_speaker: str | None = None
    ) -> Iterator[CallResult]:
        """Results for many calls in input order; with `jobs > 1` this process and `jobs - 1` forked from it
        share the work (see `klantlint.batch.forked`)."""
        for _, result in lint_records(calls, self, jobs=jobs, agent_speaker=agent_speaker):
            assert isinstance(result, CallResult)
            yield result


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
    groups = set(linter.groups.values())
    check_known(select or [], linter.known_codes, "select", groups)
    check_known(ignore or [], linter.known_codes, "ignore", groups)
    return [f for f in findings if is_enabled(f.code, select or ["ALL"], ignore or [], group=linter.groups.get(f.code))]


def fix(text: str, *, config: Config | None = None, unsafe: bool = False) -> FixResult:
    """Apply safe suggestions (all, with `unsafe=True`); returns the text and what was and was not fixed."""
    return _linter(config).fix(require_text(text, "klantlint.fix"), unsafe=unsafe)


def rules(config: Config | None = None) -> list[RuleInfo]:
    """Every rule in the catalogue (built-in, packs, plugins, conversation rules), sorted by code; the pipeline is
    not loaded."""
    config = config or Config()
    catalogue = build_catalogue(config.rule_paths)
    catalogue.check_config(config)
    return catalogue.infos()


__all__ = ["Linter", "check", "fix", "rules"]
