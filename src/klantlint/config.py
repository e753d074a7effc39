"""Configuration: the `Config` model, and finding and reading config files.

Config lives in `[tool.klantlint]` of `pyproject.toml`, or at the top level of `klantlint.toml` /
`.klantlint.toml`, found by walking up from the checked file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from klantlint.errors import ConfigError
from klantlint.findings import VARIANTS, Severity, Variant
from klantlint.io.columns import TRANSCRIPT_COLUMNS
from klantlint.io.encoding import check_encoding, undecodable_line
from klantlint.io.files import missing_reason
from klantlint.io.os_errors import describe_os_error
from klantlint.io.parser_reasons import dutch_toml_reason
from klantlint.io.validation_reasons import dutch_validation_reason


def check_delimiter(value: str) -> str:
    """One character ('tab' and '\\t' stand for a tab); ValueError (Dutch) otherwise."""
    delimiter = "\t" if value in ("tab", "\\t") else value
    if len(delimiter) != 1 or delimiter in '\r\n"':
        raise ValueError(f"scheidingsteken moet één teken zijn (bijvoorbeeld ';', ',' of 'tab'), niet {value!r}")
    return delimiter


CONFIG_FILENAMES = (".klantlint.toml", "klantlint.toml", "pyproject.toml")


class RolesConfig(BaseModel):
    """Speaker names (as they appear in transcripts) that are the agent or the customer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agent: list[str] = Field(default_factory=list)
    customer: list[str] = Field(default_factory=list)


class ReportConfig(BaseModel):
    """Settings of the HTML report (`klantlint report`, `batch --report`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # An agent with fewer calls is listed but not ranked: a few calls say little about how someone works.
    min_agent_calls: int = Field(default=10, ge=1)


class Config(BaseModel):
    """Settings that steer which rules run and how."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: list[str] | None = None  # None: the default set (rules with `default` true in their RuleInfo)
    extend_select: list[str] = Field(default_factory=list)  # added to `select`, e.g. opt-in rules
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = "warning"
    rule_paths: list[Path] = Field(default_factory=list)
    jargon: dict[str, str] = Field(default_factory=dict)
    jargon_allow: list[str] = Field(default_factory=list)
    competitors: list[str] = Field(default_factory=list)
    organisation: list[str] = Field(default_factory=list)  # own organisation's names, for the opening (KL101)
    aanspreekvorm: Literal["u", "je", "auto"] = "auto"
    variant: Variant | None = None  # nl-NL or nl-BE where wording differs; None accepts both
    max_sentence_words: int = Field(default=20, ge=1)  # the older spelling of [rules.KL016] max_words
    # Options per rule code, `[tool.klantlint.rules.KL016] max_words = 25`; the catalogue validates them against
    # each rule's `Options` model (the config alone does not know the rules).
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    model: str = "auto"
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    roles: RolesConfig = Field(default_factory=RolesConfig)
    columns: dict[str, str] = Field(default_factory=dict)
    encoding: str | None = None  # of transcript input (batch); None: UTF-8, or what a byte-order mark says
    csv_delimiter: str | None = None  # of CSV transcripts; None: told from the header
    report: ReportConfig = Field(default_factory=ReportConfig)

    _source: Path | None = PrivateAttr(default=None)

    @field_validator("jargon", mode="before")
    @classmethod
    def _jargon_terms(cls, value: Any) -> Any:
        # A plain list of terms is allowed: terms without a plain alternative.
        if isinstance(value, list):
            return {str(term): "" for term in value}
        return value

    @field_validator("variant", mode="before")
    @classmethod
    def _variant_spelling(cls, value: Any) -> Any:
        # "nl-be" and "NL_BE" mean nl-BE; anything else is left for the Literal check to reject.
        if isinstance(value, str):
            wanted = value.strip().replace("_", "-").lower()
            return next((variant for variant in VARIANTS if variant.lower() == wanted), value)
        return value

    @field_validator("rules", mode="before")
    @classmethod
    def _rule_tables(cls, value: Any) -> Any:
        # Codes in capitals and option keys with '_' ("max-words" is max_words), as for the top-level keys.
        if isinstance(value, dict):
            return {
                str(code).strip().upper(): (
                    {str(key).replace("-", "_"): option for key, option in table.items()}
                    if isinstance(table, dict)
                    else table
                )
                for code, table in value.items()
            }
        return value

    @field_validator("columns")
    @classmethod
    def _known_columns(cls, value: dict[str, str]) -> dict[str, str]:
        allowed = set(TRANSCRIPT_COLUMNS)
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise ValueError(f"onbekende kolom(men) {', '.join(unknown)}; toegestaan: {', '.join(sorted(allowed))}")
        return value

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        return None if value is None else check_encoding(value)

    @field_validator("csv_delimiter")
    @classmethod
    def _one_character(cls, value: str | None) -> str | None:
        return None if value is None else check_delimiter(value)

    @field_validator("select", "extend_select", "ignore", mode="before")
    @classmethod
    def _codes_upper(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            return [str(code).strip().upper() for code in value]
        return value

    @property
    def source(self) -> Path | None:
        """The file this config was read from, if any."""
        return self._source

    def cache_key(self) -> str:
        return self.model_dump_json()

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given fields replaced (None values are ignored), keeping the source file."""
        data = self.model_dump()
        data.update({key: value for key, value in overrides.items() if value is not None})
        merged = Config.model_validate(data)
        merged._source = self._source
        return merged


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a file or folder)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILENAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
    return None


def _has_tool_section(pyproject: Path) -> bool:
    # A pyproject.toml that cannot be read is an error, not a file without a section: its [tool.klantlint]
    # may be the one meant, and silently running with defaults (or a parent's config) hides that.
    tool = _read_toml(pyproject).get("tool", {})
    return isinstance(tool, dict) and "klantlint" in tool


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data; a ConfigError names the file and, for a syntax error, the line and column."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(
            f"{path}: configuratie kan niet worden gelezen: {describe_os_error(error, writing=False)}"
        ) from None
    except UnicodeDecodeError as error:
        line = undecodable_line(error)
        raise ConfigError(f"{path}:{line}: configuratie is geen UTF-8-tekst (sla het bestand op als UTF-8)") from None
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: geen geldige TOML: {dutch_toml_reason(error)}") from None


def load_config(path: Path) -> Config:
    """Read a config file; every problem becomes a ConfigError naming the file and the key."""
    data = _read_toml(path)
    section = data.get("tool", {}).get("klantlint", {}) if path.name == "pyproject.toml" else data
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.klantlint] moet een tabel zijn")
    section = {key.replace("-", "_"): value for key, value in section.items()}
    config = config_from_mapping(section, path)
    # Rule packs are resolved relative to the config file that names them.
    paths = [p if p.is_absolute() else (path.parent / p) for p in config.rule_paths]
    config = config.merged(rule_paths=paths)
    config._source = path
    return config


def config_from_mapping(section: dict[str, Any], origin: Path | str) -> Config:
    try:
        return Config.model_validate(section)
    except ValidationError as error:
        raise ConfigError(describe_validation_error(error, origin)) from None


def describe_validation_error(
    error: ValidationError,
    origin: Path | str,
    *,
    key_prefix: str = "",
    unknown_note: str | None = None,
    whole: str = "(config)",
) -> str:
    """One Dutch line per problem, naming the file and the key. `key_prefix` places the keys in the file (e.g.
    "rules.KL016."), `unknown_note` says what is allowed instead of an unknown key, `whole` names a problem with the
    section as a whole."""
    if unknown_note is None:
        unknown_note = f"toegestaan zijn: {', '.join(Config.model_fields)}"
    lines = []
    for problem in error.errors():
        key = key_prefix + (".".join(str(part) for part in problem["loc"]) or whole)
        if problem["type"] == "extra_forbidden":
            lines.append(f"{origin}: onbekende sleutel '{key}'; {unknown_note}")
        else:
            lines.append(
                f"{origin}: sleutel '{key}': {dutch_validation_reason(problem)} (gegeven: {problem.get('input')!r})"
            )
    return "\n".join(lines)


def resolve_config(explicit: Path | None, start: Path | None) -> Config:
    """The config for a run: an explicit `--config` file, else the nearest file above `start`, else defaults."""
    if explicit is not None:
        if not explicit.exists():
            raise ConfigError(f"{explicit}: configuratiebestand: {missing_reason(str(explicit))}")
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuratiebestand is geen gewoon bestand")
        return load_config(explicit)
    found = find_config_file(start or Path.cwd())
    return load_config(found) if found else Config()
