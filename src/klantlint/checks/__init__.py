"""Built-in Python rules: the ones that need more than patterns (see `rules/` for declarative ones).

Every module here that defines a `Rule` subclass with `info` contributes one instance of it; adding a
rule is adding a module.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from klantlint.engine.base import Rule


def builtin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Rule) and cls.__module__ == module.__name__ and hasattr(cls, "info"):
                rules.append(cls())
    return sorted(rules, key=lambda rule: rule.info.code)
