"""Which rules run: `select` / `ignore` with codes, prefixes and `ALL`, as Ruff does.

The most specific matching entry wins (a full code beats a prefix, a prefix beats ALL); on a tie
`ignore` wins.
"""

from __future__ import annotations

from collections.abc import Iterable

from klantlint.errors import ConfigError

ALL = "ALL"


def _specificity(entry: str, code: str) -> int | None:
    if entry == ALL:
        return 0
    if code.startswith(entry):
        return len(entry)
    return None


def is_enabled(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    best_select = max((s for e in select if (s := _specificity(e, code)) is not None), default=None)
    best_ignore = max((s for e in ignore if (s := _specificity(e, code)) is not None), default=None)
    if best_select is None:
        return False
    return best_ignore is None or best_select > best_ignore


def check_known(entries: Iterable[str], known_codes: set[str], where: str) -> None:
    """Every entry must be ALL, a known code or a prefix of one; otherwise a ConfigError naming `where`."""
    for entry in entries:
        if entry == ALL or any(code.startswith(entry) for code in known_codes):
            continue
        available = ", ".join(sorted(known_codes))
        raise ConfigError(f"{where}: onbekende regelcode '{entry}'; bekende codes: {available}")
