"""click's own words in Dutch: the usage line, the help headings, value placeholders and usage errors.

click marks its messages for gettext (`from gettext import gettext as _`, and `ngettext`, in each of its modules)
but ships no translations, and gettext would pick a language from the environment. klantlint speaks Dutch whatever
the locale, so `speak_dutch` points the names `_` and `ngettext` in click's modules at a lookup in the tables below.
A message not in them (a newer click) stays English: nothing is lost. `klantlint.cli` calls it before it declares
its commands, because click evaluates some words (a path option's "file") when an option is declared; importing
`klantlint` itself leaves click alone. `tests/test_click_dutch.py` pins the message texts to the installed click.
"""

from __future__ import annotations

import importlib

import click

# click's English message → Dutch. Placeholders are click's own and must stay; a Dutch text may leave one out.
MESSAGES = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Aborted!": "Afgebroken.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing {param_type}": "Ontbreekt: {param_type}",
    "Missing command.": "Opdracht ontbreekt.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen ja/nee-waarde; mogelijk: {states}"
    ),
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "Could not open file {filename!r}: {message}": "Bestand {filename!r} kan niet worden geopend: {message}",
    "unknown error": "onbekende fout",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(dynamisch)",
    "deprecated": "verouderd",
}
# click's English singular → the Dutch singular and plural.
PLURALS = {
    "Did you mean {possibility}?": ("Bedoelt u {possibility}?", "(Bedoelt u een van deze: {possibilities}?)"),
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    "{value!r} is not {choice}.": ("{value!r} is niet {choice}.", "{value!r} is geen van deze: {choices}."),
    "Takes {nargs} values but 1 was given.": (
        "Neemt {nargs} waarden, maar er is 1 gegeven.",
        "Neemt {nargs} waarden, maar er zijn er {len} gegeven.",
    ),
}
# The click modules that call `_` or `ngettext` for a message a klantlint user can see.
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")
# Names of click's value types, which the help shows as an option's placeholder ("--encoding TEXT").
TYPE_NAMES = {
    "StringParamType": "tekst",
    "IntParamType": "getal",
    "FloatParamType": "getal",
    "IntRange": "getal",
    "FloatRange": "getal",
    "BoolParamType": "ja/nee",
}
# The placeholders of a command's usage line ("klantlint check [OPTIONS] PATHS...").
OPTIONS_METAVAR = "[OPTIES]"
SUBCOMMAND_METAVAR = "OPDRACHT [ARGUMENTEN]..."


def dutch(message: str) -> str:
    """The Dutch text of one click message, or the message itself when it has none."""
    return MESSAGES.get(message, message)


def dutch_plural(singular: str, plural: str, count: int) -> str:
    """`ngettext` in Dutch: the form for `count` of the message, or click's English form when it has none."""
    if singular in PLURALS:
        one, many = PLURALS[singular]
        return one if count == 1 else many
    return singular if count == 1 else plural


def speak_dutch() -> None:
    """Have click's messages and value-type names come out in Dutch from now on, in this process."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = dutch  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = dutch_plural  # type: ignore[attr-defined]
    for type_name, dutch_name in TYPE_NAMES.items():
        kind = getattr(click.types, type_name, None)
        if kind is not None:
            kind.name = dutch_name
