"""A lemmatizer's saved lookup table as a plain `dict`: what spaCy's lemmatizers read of a `Table`, without building
one.

A `Table` is an `OrderedDict` with a bloom filter: made from a saved file, every one of the bundled model's 213,000
lemmas is stored in the ordered dict and added to the filter, one call each (about 0.1 s of every model load, even
in bulk). A saved table's keys are string ids already (`int`s), so a `dict` copy of the decoded data holds the same
entries in the same order at a fraction of the cost, and answers the same questions: `get`, `[]` and `in` turn a
string key into its id (`get_string_id`, as `Table` does; an `int` key is itself), and a `dict` has no false
positives to filter. Writing (`set`, `[]=`) also keys by string id. What a lemmatizer never asks (the bloom filter,
`Table.to_bytes`) is not there. tests/test_fast_load.py compares it with spaCy's `Table` and the pipelines' analyses.

Imports spaCy: only `fast_load` imports this, when it loads a pipeline.
"""

from __future__ import annotations

from typing import Any

from spacy.strings import get_string_id


class SavedTable(dict[int, Any]):
    """A lookup table read from a pipeline folder, keyed by string id, with `Table`'s `name`."""

    def __init__(self, name: str, data: dict[int, Any]) -> None:
        super().__init__(data)
        self.name = name

    def get(self, key: str | int, default: Any = None) -> Any:
        return dict.get(self, get_string_id(key), default)

    def __getitem__(self, key: str | int) -> Any:
        return dict.__getitem__(self, get_string_id(key))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str | int) and dict.__contains__(self, get_string_id(key))

    def __setitem__(self, key: str | int, value: Any) -> None:
        dict.__setitem__(self, get_string_id(key), value)

    def set(self, key: str | int, value: Any) -> None:
        """`Table.set`: store `value` under the string id of `key`."""
        self[key] = value
