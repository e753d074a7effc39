"""Which rules run: `select` / `extend_select` / `ignore` with codes, prefixes, groups and `ALL`, as Ruff does.

Without a `select` the default set runs: the rules whose `RuleInfo.default` is true. It counts like `ALL`
restricted to those rules, so any prefix, group or code in `ignore` still beats it. `extend_select` adds rules
(opt-in ones too) to whatever `select` gives. A group (`RuleInfo.group`, e.g. `gesprek` or `stijl`, any case)
names the opt-in rules that declare it and counts like the letter prefix of their codes (`KL`), as a Ruff
linter name counts like its prefix. The most specific matching entry wins: a full code beats a prefix with
digits (`KL0`), that beats a group or the letter prefix, and those beat ALL and the default set; on a tie
`ignore` wins. So `extend-select = ["gesprek"]` with `ignore = ["KL003"]` runs the group without KL003, and
`ignore = ["gesprek"]` with `select = ["KL"]` leaves the group out.
"""

from __future__ import annotations

from collections.abc import Iterable

from klantlint.errors import ConfigError

ALL = "ALL"
DEFAULT_SET_SPECIFICITY = 0
CODE_DIGITS = 3  # a code is capitals followed by three digits (`CODE_PATTERN` in engine/base.py)


def _specificity(entry: str, code: str, group: str | None) -> int | None:
    if entry == ALL:
        return 0
    if group is not None and entry.lower() == group:
        return len(code) - CODE_DIGITS
    if code.startswith(entry):
        return len(entry)
    return None


def _best(entries: Iterable[str], code: str, group: str | None) -> int | None:
    return max((s for e in entries if (s := _specificity(e, code, group)) is not None), default=None)


def is_enabled(
    code: str,
    select: Iterable[str] | None,
    ignore: Iterable[str],
    *,
    extend_select: Iterable[str] = (),
    in_default_set: bool = True,
    group: str | None = None,
) -> bool:
    """Whether rule `code` (of `group`, if any) runs; `select` None means the default set (`in_default_set` tells
    membership)."""
    selected = (_best(select or (), code, group), _best(extend_select, code, group))
    scores = [score for score in selected if score is not None]
    if select is None and in_default_set:
        scores.append(DEFAULT_SET_SPECIFICITY)
    if not scores:
        return False
    best_ignore = _best(ignore, code, group)
    return best_ignore is None or max(scores) > best_ignore


def check_known(entries: Iterable[str], known_codes: set[str], where: str, groups: Iterable[str] = ()) -> None:
    """Every entry must be ALL, a known code or a prefix of one, or one of `groups` (any case); otherwise a
    ConfigError naming `where`."""
    group_names = sorted(set(groups))
    for entry in entries:
        if entry == ALL or entry.lower() in group_names or any(code.startswith(entry) for code in known_codes):
            continue
        available = ", ".join(sorted(known_codes))
        named_groups = f"; groepen: {', '.join(group_names)}" if group_names else ""
        raise ConfigError(f"{where}: onbekende regelcode '{entry}'; bekende codes: {available}{named_groups}")
