"""Why a text is no valid JSON or CSV, in Dutch, from the English messages of Python's `json` and `csv` modules.

Error lines name the file, the line and the reason in Dutch; `json.JSONDecodeError.msg` and `csv.Error` are English
("Expecting value"). Each module's messages are a short, fixed list (for json: json/decoder.py, json/scanner.py and
the C scanner; for csv: Modules/_csv.c); each maps to a Dutch reason by its opening words. A message not in the
list (a later Python) keeps its English text behind a Dutch lead, so no reason is lost.
"""

from __future__ import annotations

import re

# Opening words of each message of Python's json module (some end in a position or a character), and the Dutch reason.
_JSON_REASONS = (
    ("Expecting value", "hier hoort een waarde (tekst tussen dubbele aanhalingstekens, getal, object of lijst)"),
    ("Expecting property name enclosed in double quotes", "hier hoort een veldnaam tussen dubbele aanhalingstekens"),
    ("Expecting ':' delimiter", "hier ontbreekt een dubbele punt (:) tussen veldnaam en waarde"),
    ("Expecting ',' delimiter", "hier ontbreekt een komma tussen twee waarden"),
    ("Unterminated string starting at", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    (
        "Invalid control character",
        "een tab, regeleinde of ander stuurteken staat zonder backslash in een tekst tussen aanhalingstekens",
    ),
    ("Invalid \\uXXXX escape", "ongeldige \\u-code in een tekst"),
    ("Invalid \\escape", "ongeldige backslash-code in een tekst"),
    ("Extra data", "na de JSON-waarde staat nog meer tekst"),
    ("Illegal trailing comma", "een komma vlak voor het einde van een object of lijst"),
    ("Unexpected UTF-8 BOM", "de tekst begint met een byte-order mark (BOM)"),
)


# csv's "field larger than field limit (131072)": the only csv.Error a reader that is given lines with their line
# ends (newline="") and is not strict raises on text. It is nearly always a quote that is never closed, which makes
# the rest of the file one field.
_FIELD_LIMIT = re.compile(r"field larger than field limit \((\d+)\)")


def dutch_json_reason(message: str) -> str:
    """The Dutch reason for `message`, the `msg` of a `json.JSONDecodeError`."""
    for opening, reason in _JSON_REASONS:
        if message.startswith(opening):
            return reason
    return f"onleesbaar ({message})"


def dutch_csv_reason(error: Exception) -> str:
    """The Dutch reason for a `csv.Error`."""
    limit = _FIELD_LIMIT.fullmatch(str(error))
    if limit is not None:
        return (
            f"een veld is langer dan {int(limit.group(1)):,} tekens".replace(",", ".")
            + "; meestal staat er ergens een aanhalingsteken dat niet wordt gesloten"
        )
    return f"onleesbaar ({error})"
