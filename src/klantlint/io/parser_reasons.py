"""Why a text is no valid JSON, CSV, TOML or YAML, in Dutch, from the English messages of Python's `json`, `csv`
and `tomllib` modules and of PyYAML.

Error lines name the file, the line and the reason in Dutch; `json.JSONDecodeError.msg`, `csv.Error`,
`tomllib.TOMLDecodeError` and PyYAML's errors are English ("Expecting value"). Each parser's messages are a short,
fixed list (json: json/decoder.py, json/scanner.py and the C scanner; csv: Modules/_csv.c; tomllib:
tomllib/_parser.py; PyYAML: its scanner, parser and constructor, in Python and libyaml); each maps to a Dutch reason
by its opening words. A message not in the list (a later Python) keeps its English text behind a
Dutch lead, so no reason is lost.
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


def invalid_csv_record(error: Exception, first_line: int, last_line: int) -> str:
    """Why a CSV record that starts on `first_line` could not be read, naming the lines the reader took for it up to
    `last_line` when it ran on (a quote that is never closed swallows the lines after it)."""
    through = f" (regel {first_line} t/m {last_line})" if last_line > first_line else ""
    return f"geen geldige CSV{through}: {dutch_csv_reason(error)}"


# tomllib's messages; "Expected '...'" with any other expected text is the last, generic entry.
_TOML_REASONS = (
    ("Cannot overwrite a value", "deze sleutel heeft al een waarde"),
    ("Cannot mutate immutable namespace", "deze tabel is al helemaal gegeven ({ ... }) en kan niet worden aangevuld"),
    ("Cannot redefine namespace", "deze tabel is al eerder gegeven"),
    ("Cannot declare", "deze tabel staat twee keer in het bestand"),
    ("Duplicate inline table key", "een sleutel staat twee keer tussen dezelfde { }"),
    (
        "Unescaped '\\' in a string",
        "een backslash in een tekst moet dubbel (\\\\), of zet de tekst tussen enkele aanhalingstekens",
    ),
    ("Illegal character", "een teken dat in een tekst niet mag (zoals een tab of regeleinde)"),
    ("Found invalid character", "een ongeldig teken"),
    ("Expected ']]' at the end of an array declaration", "hier hoort ]] om de tabelnaam af te sluiten"),
    ("Expected ']' at the end of a table declaration", "hier hoort ] om de tabelnaam af te sluiten"),
    ("Expected '=' after a key in a key/value pair", "na een sleutel hoort een = met een waarde"),
    ("Unterminated string", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("Unclosed inline table", "een { wordt niet afgesloten met }"),
    ("Unclosed array", "een lijst die met [ begint, wordt niet afgesloten met ]"),
    ("Invalid value", "geen geldige waarde (zet tekst tussen aanhalingstekens)"),
    ("Invalid statement", "geen geldige regel (verwacht: sleutel = waarde, of [tabel])"),
    ("Invalid initial character for a key part", "een sleutel begint met een ongeldig teken"),
    ("Invalid hex value", "ongeldige \\u-code in een tekst"),
    ("Escaped character is not a Unicode scalar value", "ongeldige \\u-code in een tekst"),
    ("Invalid date or datetime", "ongeldige datum of tijd"),
    ("Expected newline or end of document after a statement", "na een waarde hoort een nieuwe regel"),
)
# Messages that name a key or table, as a repr of its parts: "Cannot declare ('klantlint', 'severity') twice".
_TOML_NAMED = ("Cannot mutate", "Cannot redefine", "Cannot declare", "Duplicate inline table key")
_QUOTED = re.compile(r"'([^']*)'")
_TOML_EXPECTED = re.compile(r"Expected '(.+)'")
_TOML_POSITION = re.compile(r"(.*) \((?:at line (\d+), column (\d+)|at end of document)\)", re.DOTALL)


def dutch_toml_reason(error: Exception) -> str:
    """The Dutch reason for a `tomllib.TOMLDecodeError`, with its line and column in Dutch."""
    message, where = str(error), ""
    position = _TOML_POSITION.fullmatch(message)
    if position is not None:
        message = position.group(1)
        line, column = position.group(2, 3)
        where = f" (regel {line}, kolom {column})" if line else " (aan het einde van het bestand)"
    for opening, reason in _TOML_REASONS:
        if message.startswith(opening):
            named = ".".join(_QUOTED.findall(message)) if message.startswith(_TOML_NAMED) else ""
            return f"{reason}: {named}{where}" if named else reason + where
    expected = _TOML_EXPECTED.match(message)
    if expected is not None:
        return f"hier hoort {expected.group(1)}{where}"
    return f"onleesbaar ({message}){where}"


# PyYAML's problems, in libyaml's wording and in that of PyYAML's own Python parser where it differs.
_YAML_REASONS = (
    ("found unexpected end of stream", "het bestand houdt onverwacht op"),
    (
        "mapping values are not allowed",
        "een dubbele punt waar dat niet kan (zet een tekst met ': ' erin tussen aanhalingstekens)",
    ),
    (
        "found character",
        "een teken waarmee niets kan beginnen (een tab om in te springen, of @ of ` vooraan een tekst: "
        "gebruik spaties, of zet de tekst tussen aanhalingstekens)",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet: deze regel springt verder of minder ver in dan die erboven",
    ),
    ("did not find expected '-' indicator", "de inspringing klopt niet: hier hoort een lijstelement ('- ...')"),
    ("did not find expected ',' or ']'", "een lijst die met [ begint, wordt niet afgesloten met ]"),
    ("expected ',' or ']'", "een lijst die met [ begint, wordt niet afgesloten met ]"),
    ("did not find expected ',' or '}'", "een { wordt niet afgesloten met }"),
    ("expected ',' or '}'", "een { wordt niet afgesloten met }"),
    ("did not find expected node content", "hier hoort een waarde (of een [ of { wordt niet afgesloten)"),
    ("expected the node content", "hier hoort een waarde (of een [ of { wordt niet afgesloten)"),
    ("expected <block end>", "de inspringing klopt niet: deze regel springt verder of minder ver in dan die erboven"),
    ("could not find expected ':'", "hier hoort een dubbele punt (sleutel: waarde)"),
    ("found undefined alias", "een verwijzing (*naam) naar een anker dat niet bestaat"),
    ("found duplicate anchor", "een anker (&naam) staat twee keer in het bestand"),
    (
        "found unknown escape character",
        "ongeldige backslash-code in een tekst tussen dubbele aanhalingstekens (gebruik enkele aanhalingstekens)",
    ),
    ("could not determine a constructor for the tag", "een YAML-tag (!!...) die niet is toegestaan"),
    ("found unhashable key", "een sleutel die zelf een lijst of mapping is"),
)


def dutch_yaml_reason(error: Exception) -> str:
    """The Dutch reason for a PyYAML error, with its line and column (PyYAML counts both from 0)."""
    problem = str(getattr(error, "problem", None) or error)
    context = str(getattr(error, "context", None) or "")
    mark = getattr(error, "problem_mark", None)
    where = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark is not None else ""
    if problem.startswith("found unexpected end of stream") and "quoted scalar" in context:
        opened = getattr(error, "context_mark", None)  # where the quote opens says more than the end of the file
        if opened is not None:
            where = f" (vanaf regel {opened.line + 1}, kolom {opened.column + 1})"
        return f"een tekst tussen aanhalingstekens wordt niet afgesloten{where}"
    if problem.startswith("found duplicate key "):  # klantlint's own loader (io/yaml_data.py) names the key
        return f"de sleutel {problem.removeprefix('found duplicate key ')} staat twee keer in dezelfde mapping{where}"
    for opening, reason in _YAML_REASONS:
        if problem.startswith(opening):
            return reason + where
    return f"onleesbaar ({f'{context}: ' if context else ''}{problem}){where}"
