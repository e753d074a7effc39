"""Errors klantlint reports to users: each carries a message that names where and why."""

from __future__ import annotations


class KlantlintError(Exception):
    """Base class for user-facing errors; the CLI prints them without a traceback and exits 2."""


class ConfigError(KlantlintError):
    """An invalid configuration file or option."""


class RulePackError(KlantlintError):
    """A rule pack or plugin that cannot be loaded: names the file, the rule and the problem."""


class ModelError(KlantlintError):
    """A spaCy pipeline that cannot be resolved or loaded."""


class InputError(KlantlintError):
    """An input file that cannot be read as text."""
