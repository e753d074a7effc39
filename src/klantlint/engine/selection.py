"""Which rules run: `select` / `extend_select` / `ignore` with codes, prefixes and `ALL`, as Ruff does.

Without a `select` the default set runs: the rules whose `RuleInfo.default` is true. It counts like `ALL`
restricted to those rules, so any prefix or code in `ignore` still beats it. `extend_select` adds rules
(opt-in ones too) to whatever `select` gives. The most specific matching entry wins (a full code beats a
prefix, a prefix beats ALL and the default set); on a tie `ignore` wins.
"""

from __future__ import annotations

from collections.abc import Iterable

from klantlint.errors import ConfigError

ALL = "ALL"
DEFAULT_SET_SPECIFICITY = 0


def _specificity(entry: str, code: str) -> int | None:
    if entry == ALL:
        return 0
    if code.startswith(entry):
        return len(entry)
    return None


def _best(entries: Iterable[str], code: str) -> int | None:
    return max((s for e in entries if (s := _specificity(e, code)) is not None), default=None)


def is_enabled(
    code: str,
    select: Iterable[str] | None,
    ignore: Iterable[str],
    *,
    extend_select: Iterable[str] = (),
    in_default_set: bool = True,
) -> bool:
    """Whether rule `code` runs; `select` None means the default set (`in_default_set` tells membership)."""
    scores = [score for score in (_best(select or (), code), _best(extend_select, code)) if score is not None]
    if select is None and in_default_set:
        scores.append(DEFAULT_SET_SPECIFICITY)
    if not scores:
        return False
    best_ignore = _best(ignore, code)
    return best_ignore is None or max(scores) > best_ignore


def check_known(entries: Iterable[str], known_codes: set[str], where: str) -> None:
    """Every entry must be ALL, a known code or a prefix of one; otherwise a ConfigError naming `where`."""
    for entry in entries:
        if entry == ALL or any(code.startswith(entry) for code in known_codes):
            continue
        available = ", ".join(sorted(known_codes))
        raise ConfigError(f"{where}: onbekende regelcode '{entry}'; bekende codes: {available}")
