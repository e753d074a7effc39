"""One problem pydantic found in a config, a rule pack or a results file, said in Dutch.

pydantic's messages are English ("Input should be a valid integer"). Each problem carries a stable `type` and, for
some, a context with the limit or the allowed values (pydantic-core's error types); the Dutch reason is built from
those. Our own validators raise Dutch ValueErrors, which come through as they are. A type not in the list keeps
pydantic's English text behind a Dutch lead, so no reason is lost.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails

from klantlint.io.wording import counted

_FIXED = {
    "missing": "ontbreekt",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "finite_number": "moet een eindig getal zijn",
    "string_type": "moet tekst zijn",
    "string_unicode": "moet geldige tekst zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst zijn",
    "set_type": "moet een lijst zijn",
    "dict_type": "moet een tabel met sleutels en waarden zijn",
    "model_type": "moet een tabel met sleutels en waarden zijn",
    "model_attributes_type": "moet een tabel met sleutels en waarden zijn",
    "none_required": "moet leeg zijn",
    "extra_forbidden": "is geen bekende sleutel",
    "json_invalid": "geen geldige JSON",
    "json_type": "moet JSON-tekst zijn",
}
# Types whose context holds a limit: the Dutch reason with `{}` for it, and the noun it counts, if any.
_LIMITS: dict[str, tuple[str, str, tuple[str, str] | None]] = {
    "greater_than": ("gt", "moet groter zijn dan {}", None),
    "greater_than_equal": ("ge", "moet minstens {} zijn", None),
    "less_than": ("lt", "moet kleiner zijn dan {}", None),
    "less_than_equal": ("le", "mag hoogstens {} zijn", None),
    "string_too_short": ("min_length", "moet minstens {} lang zijn", ("teken", "tekens")),
    "string_too_long": ("max_length", "mag hoogstens {} lang zijn", ("teken", "tekens")),
    "too_short": ("min_length", "moet minstens {} hebben", ("element", "elementen")),
    "too_long": ("max_length", "mag hoogstens {} hebben", ("element", "elementen")),
    "string_pattern_mismatch": ("pattern", "heeft niet de vorm {}", None),
}


def dutch_validation_reason(problem: ErrorDetails) -> str:
    """What is wrong with the value at `problem["loc"]`, in Dutch (without the key: callers name it their way)."""
    kind = problem["type"]
    context: dict[str, Any] = dict(problem.get("ctx") or {})
    if kind in _FIXED:
        return _FIXED[kind]
    if kind in _LIMITS:
        name, reason, nouns = _LIMITS[kind]
        limit = context.get(name, "?")
        return reason.format(counted(limit, *nouns) if nouns and isinstance(limit, int) else limit)
    if kind in ("literal_error", "enum"):
        return f"moet een van deze zijn: {_dutch_alternatives(str(context.get('expected', '')))}"
    if kind in ("value_error", "assertion_error") and "error" in context:
        return str(context["error"])  # our validators' own (Dutch) words
    return f"ongeldig ({problem['msg']})"


def _dutch_alternatives(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as "'a', 'b' of 'c'"."""
    head, separator, last = expected.rpartition(" or ")
    return f"{head} of {last}" if separator else expected
