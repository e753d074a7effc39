"""Loading a pipeline folder as `spacy.load` does, with each lemmatizer's lookup tables read in bulk.

`Lookups.from_bytes` rebuilds every table as `Table(name, data)`, whose `update` calls the Python-level
`Table.__setitem__` once per entry: for the bundled model's 213,000 lemmas that is about a third of a second of every
model load. Here a saved table is a `SavedTable` (`saved_tables.py`): the decoded entries copied into a `dict` keyed
by string id, which answers every question a lemmatizer asks of a `Table` the same way. The rest of the load is
spaCy's own, step for step. Packages are not loaded here: `spacy.load` runs their own `load()`.

This relies on spaCy internals (3.8), each pinned by tests/test_fast_load.py against a plain `spacy.load`:
- `spacy.load` of a folder is `util.load_model_from_path`: `load_config` with the overrides in dot notation,
  `load_model_from_config` with the folder's meta, then `Language.from_disk`, which skips the components named in
  `exclude` (they are still built, only not read from disk);
- `Lemmatizer.from_disk` (inside a pipeline, whose load excludes the vocab) reads only `lookups/lookups.bin` through
  `Lookups.from_disk` and then calls `_validate_tables()`;
- `Lookups.from_bytes` is msgpack of {table name: {key: value}} and makes each table `Table(name, data)`, which
  stores each entry under `get_string_id(key)`;
- `get_string_id` returns an `int` key unchanged (a hash in range is itself, any other int is returned as given).
- the lemmatizers read a table only through `get`, `[]` and `in` (and `Lookups.to_bytes` packs it as a map).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.lookups import Lookups, Table

    from klantlint.nlp.saved_tables import SavedTable

LOOKUPS_FILE = "lookups.bin"


def load_folder(folder: Path, config: dict[str, Any]) -> Language:
    """`spacy.load(folder, config=config)`, with the lookup tables of spaCy's own lemmatizers read in bulk."""
    from spacy import util
    from spacy.errors import Errors

    if not folder.exists():
        raise OSError(Errors.E052.format(path=folder))
    overrides = util.dict_to_dot(config, for_overrides=True)
    nlp = util.load_model_from_config(
        util.load_config(folder / "config.cfg", overrides=overrides), meta=util.get_model_meta(folder)
    )
    lemmatizers = [name for name, pipe in nlp.pipeline if _reads_only_lookups(pipe)]
    nlp.from_disk(folder, exclude=lemmatizers, overrides=overrides)
    for name in lemmatizers:
        lemmatizer = nlp.get_pipe(name)
        read_lookups(lemmatizer.lookups, folder / name / "lookups")
        lemmatizer._validate_tables()
    return nlp


def _reads_only_lookups(pipe: Any) -> bool:
    """Whether `pipe` is a lemmatizer that `Lemmatizer.from_disk` loads, from its lookup tables alone."""
    from spacy.lookups import Lookups
    from spacy.pipeline import Lemmatizer

    return (
        isinstance(pipe, Lemmatizer) and type(pipe).from_disk is Lemmatizer.from_disk and type(pipe.lookups) is Lookups
    )


def read_lookups(lookups: Lookups, folder: Path) -> None:
    """`lookups.from_disk(folder)`: the tables saved in `folder`, if it has them, replace those in `lookups`."""
    import srsly

    path = folder / LOOKUPS_FILE
    if not path.exists():
        return
    saved = srsly.msgpack_loads(path.read_bytes())
    for name in lookups.tables:
        lookups.remove_table(name)
    for name, data in saved.items():
        lookups.set_table(name, table_from_dict(name, data))


def table_from_dict(name: str, data: dict[Any, Any]) -> Table | SavedTable:
    """`Table(name, data)` as a lemmatizer reads it. With keys that are all `int`s (as saved tables have: `Table`
    stores string ids), `get_string_id` returns each key as it is: a `SavedTable`, the same entries in a `dict`."""
    from spacy.lookups import Table

    from klantlint.nlp.saved_tables import SavedTable

    if not {int}.issuperset(map(type, data)):  # every key an `int` (not a bool), checked in C
        return Table(name, data)
    return SavedTable(name, data)
