"""The result types of the public API: findings, suggestions and fix results.

Their validators are built on first use (`defer_build`): `klantlint rules` and a check without findings never pay
for them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
Variant = Literal["nl-NL", "nl-BE"]  # Dutch as written in the Netherlands, or in Flanders
VARIANTS: tuple[Variant, ...] = ("nl-NL", "nl-BE")


class Suggestion(BaseModel):
    """A proposed rewrite of `text[start:end]`; `safe` ones are applied by `fix()`."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    replacement: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    description: str
    safe: bool = False


class Finding(BaseModel):
    """One rule violation; offsets are character offsets into the checked text (end exclusive)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    code: str
    name: str
    severity: Severity
    message: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str
    suggestions: list[Suggestion] = Field(default_factory=list)


class FixResult(BaseModel):
    """What `fix()` did: the rewritten text, the findings it fixed and those left for a human."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    applied: list[Finding]
    remaining: list[Finding]
