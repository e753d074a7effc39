"""A tokenizer factory for pipelines whose tokenizer is read from disk, used to load the bundled model.

spaCy's own factory (`spacy.Tokenizer.v1`) builds the Dutch default tokenizer, its ~9,000 special cases included,
and `Language.from_disk` then resets that tokenizer and loads the saved one: the special cases, affix patterns and
settings all come from the file, so building the defaults first only costs time (about half a second at every
model load). This factory builds an empty tokenizer for `from_disk` to fill; the loaded tokenizer splits text as
spaCy's would, and adds each saved special case when a text first contains it (`lazy_tokenizer`). Only for a
pipeline folder with a saved tokenizer made by spaCy's factory: otherwise the result could differ.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

BARE_TOKENIZER = "klantlint.BareTokenizer.v1"
SPACY_TOKENIZER = "spacy.Tokenizer.v1"
# The tokenizer section of a pipeline saved with spaCy's factory and no settings of its own.
_SPACY_TOKENIZER_SECTION = f'[nlp.tokenizer]\n@tokenizers = "{SPACY_TOKENIZER}"\n\n'


def uses_spacy_tokenizer(folder: Path) -> bool:
    """Whether the pipeline saved in `folder` has a tokenizer file, made by spaCy's factory with no settings."""
    config = folder / "config.cfg"
    if not (folder / "tokenizer").is_file() or not config.is_file():
        return False
    return _SPACY_TOKENIZER_SECTION in config.read_text(encoding="utf-8")


def bare_tokenizer_config() -> dict[str, Any]:
    """The config override that makes `spacy.load` build the tokenizer with this factory (a new one each time)."""
    return {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}


def bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """The registered function: a factory of tokenizers with no rules, to be loaded from disk."""
    from klantlint.nlp.lazy_tokenizer import LazySpecialCasesTokenizer

    def make(nlp: Language) -> Tokenizer:
        return LazySpecialCasesTokenizer(nlp.vocab)

    return make


@cache
def register_bare_tokenizer() -> None:
    """Make the factory known to spaCy; not on import, so that reading the rules does not import spaCy."""
    from spacy.util import registry

    registry.tokenizers.register(BARE_TOKENIZER, func=bare_tokenizer)


def restore_tokenizer_config(nlp: Language) -> None:
    """Name spaCy's factory in the loaded pipeline's config again, as saved: the bare one only served the load."""
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": SPACY_TOKENIZER}
