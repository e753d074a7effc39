"""Importing spaCy without its command-line package.

`import spacy` imports `spacy.cli`, every `spacy` command with what they need (weasel, typer, requests, ...), for the
one name `spacy.info` that its `__init__` takes from `spacy.cli.info`: about a third of spaCy's import time, paid by
every `klantlint batch` and `check` that loads the model. klantlint runs no spaCy command, so while spaCy is imported
here a stand-in module answers for `spacy.cli.info`; it is removed again at once, so a later `import spacy.cli`
imports the real package, and the stand-in's `info` imports the real one when it is called.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

CLI_INFO = "spacy.cli.info"


def import_spacy() -> ModuleType:
    """The `spacy` module, imported without `spacy.cli` if it is not imported yet."""
    imported = sys.modules.get("spacy")
    if imported is not None:
        return imported
    stand_in = ModuleType(CLI_INFO, "Stands in for spacy.cli.info while spaCy is imported (klantlint).")
    stand_in.info = info  # type: ignore[attr-defined]
    sys.modules.setdefault(CLI_INFO, stand_in)
    try:
        import spacy
    finally:
        if sys.modules.get(CLI_INFO) is stand_in:
            del sys.modules[CLI_INFO]
    return spacy


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info` as spaCy defines it, imported from `spacy.cli` when it is called."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)
