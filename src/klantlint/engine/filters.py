"""Filters for declarative rules: named Python predicates that a YAML rule applies to its matches.

A rule entry names them with `filter: name` (or a list of names); a match is reported only when every filter
returns True for it, after the `when`/`unless` conditions. This keeps a rule data where one test needs code, as
LanguageTool's `<filter class=...>` does. A plugin registers its own before its packs load:

    from klantlint.engine.filters import register_filter

    @register_filter("geen_vraag")
    def not_a_question(match: Span, context: RuleContext) -> bool: ...

A filter only drops matches, so a rule's gate (`may_fire`) stays sound with any filter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from klantlint.engine.base import RuleContext
from klantlint.nlp.lexicon import ADDRESS_POSSESSIVES, ADDRESS_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span

MatchFilter = Callable[["Span", RuleContext], bool]

FILTERS: dict[str, MatchFilter] = {}


def register_filter(name: str) -> Callable[[MatchFilter], MatchFilter]:
    """Register `function` as the filter `name`; a name registered twice is a programming error."""

    def register(function: MatchFilter) -> MatchFilter:
        if name in FILTERS and FILTERS[name] is not function:
            raise ValueError(f"filter {name!r} is already registered")
        FILTERS[name] = function
        return function

    return register


def filter_named(name: str) -> MatchFilter:
    """The registered filter `name`; a ValueError with a Dutch message naming the known filters otherwise."""
    found = FILTERS.get(name)
    if found is None:
        known = ", ".join(sorted(FILTERS)) or "geen"
        raise ValueError(f"filter: onbekend filter '{name}' (bekende filters: {known})")
    return found


@register_filter("addresses_customer")
def addresses_customer(match: Span, context: RuleContext) -> bool:
    """The match's sentence addresses the customer: u/je/jij/jullie or uw/jouw."""
    return any(token.lower_ in ADDRESS_PRONOUNS or token.lower_ in ADDRESS_POSSESSIVES for token in match.sent)


@register_filter("not_a_question")
def not_a_question(match: Span, context: RuleContext) -> bool:
    """The match's sentence does not end on a question mark."""
    return not match.sent.text.rstrip().endswith("?")
