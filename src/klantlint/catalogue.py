"""The rule catalogue: every rule klantlint knows, built without loading spaCy.

Built-in phrase rules (`klantlint.checks`), the bundled YAML packs (`rules/`, in the wheel `klantlint/packs`),
the packs named in `rule_paths`, entry-point plugins (groups `klantlint.rules` and `klantlint.conversation_rules`)
and the conversation rules (`klantlint.conversation`). Codes are checked for uniqueness here, once, and a config's
per-rule options against each rule's `Options`. `klantlint rules`, `klantlint explain`, the README table and the HTML
report read the rules' metadata from it; a Linter is given one and compiles its rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from klantlint.checks import builtin_rules as default_builtin_rules
from klantlint.conversation import (
    ConversationRule,
    ConversationRunner,
    builtin_conversation_rules,
    plugin_conversation_rules,
)
from klantlint.engine.base import Rule, RuleInfo, rule_options
from klantlint.engine.packs import bundled_pack_dir, installed_entry_points, load_pack, pack_files, plugin_rules
from klantlint.engine.selection import check_known
from klantlint.errors import ConfigError, RulePackError

if TYPE_CHECKING:
    from klantlint.config import Config


@dataclass
class Catalogue:
    """The rules, sorted by code: phrase rules (Python, YAML, plugins) and conversation rules."""

    phrase_rules: list[Rule]
    conversation_rules: list[ConversationRule]

    def infos(self) -> list[RuleInfo]:
        infos = [rule.info for rule in self.phrase_rules] + [rule.info for rule in self.conversation_rules]
        return sorted(infos, key=lambda info: info.code)

    def codes(self) -> set[str]:
        return {info.code for info in self.infos()}

    def groups(self) -> set[str]:
        """The named opt-in groups the rules declare (`gesprek`, `stijl`, and any a pack or plugin adds)."""
        return {info.group for info in self.infos() if info.group is not None}

    def find(self, code_or_name: str) -> RuleInfo | None:
        """The rule with this code (any case) or name, or None."""
        infos = self.infos()
        return next((i for i in infos if i.code == code_or_name.upper()), None) or next(
            (i for i in infos if i.name == code_or_name.lower()), None
        )

    def check_config(self, config: Config) -> None:
        """Every code the config names must be a known code or prefix, and every rule's options must fit its
        `Options` (a `ConfigError` names the file and the key)."""
        known, groups = self.codes(), self.groups()
        where = str(config.source or "configuratie")
        check_known(config.select or (), known, f"{where}: select", groups)
        check_known(config.extend_select, known, f"{where}: extend_select", groups)
        check_known(config.ignore, known, f"{where}: ignore", groups)
        check_known(config.severity, known, f"{where}: severity")
        for pattern, codes in config.per_file_ignores.items():
            check_known(codes, known, f"{where}: per_file_ignores.{pattern}", groups)
        unknown = sorted(set(config.rules) - known)
        if unknown:
            raise ConfigError(
                f"{where}: sleutel 'rules.{unknown[0]}': onbekende regelcode '{unknown[0]}' "
                f"(opties per regel staan onder [tool.klantlint.rules.CODE]); bekende codes: {', '.join(sorted(known))}"
            )
        for rule in [*self.phrase_rules, *self.conversation_rules]:
            rule_options(rule, config)

    def dialogue_checker(self, enabled: Callable[[str], bool], config: Config) -> ConversationRunner:
        """The enabled conversation rules, given their options and configured under `config`, for dialogue scripts
        and calls."""
        rules = [rule for rule in self.conversation_rules if enabled(rule.info.code)]
        for rule in rules:
            rule.options = rule_options(rule, config)
            rule.configure(config)
        return ConversationRunner(rules, config)


def build_catalogue(
    rule_paths: Iterable[Path] = (), *, builtin: Iterable[Rule] | None = None, plugins: bool = True
) -> Catalogue:
    """Fresh instances of every rule (a Linter compiles and configures its own); codes must be unique."""
    phrase_rules: list[Rule] = list(builtin) if builtin is not None else default_builtin_rules()
    for path in [bundled_pack_dir(), *rule_paths]:
        for pack in pack_files(path):
            phrase_rules += load_pack(pack)
    conversation_rules = builtin_conversation_rules()
    if plugins:
        installed = installed_entry_points()  # read once for both groups
        phrase_rules += plugin_rules(installed)
        conversation_rules += plugin_conversation_rules(installed)
    _check_unique_codes(phrase_rules, conversation_rules)
    _check_groups([rule.info for rule in [*phrase_rules, *conversation_rules]])
    return Catalogue(
        sorted(phrase_rules, key=lambda rule: rule.info.code),
        sorted(conversation_rules, key=lambda rule: rule.info.code),
    )


def _check_unique_codes(phrase_rules: list[Rule], conversation_rules: list[ConversationRule]) -> None:
    """A code names one rule: a later rule reusing a code is an error naming both."""
    taken: dict[str, str] = {}
    for rule in [*conversation_rules, *phrase_rules]:
        code = rule.info.code
        if code in taken:
            raise RulePackError(
                f"{rule.info.source or 'klantlint'}: {code}: code wordt al gebruikt door {taken[code]}; "
                "regelcodes moeten uniek zijn"
            )
        is_conversation = isinstance(rule, ConversationRule)
        taken[code] = f"de gespreksregel {rule.info.name}" if is_conversation else rule.info.source or "klantlint"


def _check_groups(infos: list[RuleInfo]) -> None:
    """A group name must not read as a code prefix: `stijl` would otherwise also select a code `STIJL001`."""
    codes = {info.code for info in infos}
    for info in infos:
        group = info.group
        clash = sorted(code for code in codes if group is not None and code.startswith(group.upper()))
        if clash:
            raise RulePackError(
                f"{info.source or 'klantlint'}: {info.code}: groep '{group}' is ook het begin van "
                f"regelcode {clash[0]}; kies een groepsnaam waarmee geen regelcode begint"
            )
