"""spaCy imported without its command-line package (`klantlint.nlp.spacy_import`), each test in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from klantlint.nlp.spacy_import import index_entry_points

SRC = Path(__file__).resolve().parent.parent / "src"


def _run(code: str) -> dict[str, object]:
    """Run `code` in a fresh Python; it prints one JSON object last, which is returned."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loading_the_pipeline_does_not_import_spacys_commands() -> None:
    report = _run(
        """
import json, sys
from klantlint.nlp.pipeline import load_pipeline
nlp = load_pipeline("auto")
doc = nlp("Ik heb uw mail ontvangen.")
print(json.dumps({
    "cli": sorted(name for name in sys.modules if name == "spacy.cli" or name.startswith("spacy.cli.")),
    "weasel": "weasel" in sys.modules,
    "tokens": [token.text for token in doc],
}))
"""
    )
    assert report == {"cli": [], "weasel": False, "tokens": ["Ik", "heb", "uw", "mail", "ontvangen", "."]}


def test_spacy_commands_and_info_still_work_afterwards() -> None:
    """The stand-in is gone once spaCy is imported: `spacy.cli` is the real package, `spacy.info` the real function."""
    report = _run(
        """
import json, sys
from klantlint.nlp.spacy_import import import_spacy
spacy = import_spacy()
stand_in_left = "spacy.cli.info" in sys.modules
import spacy.cli
import spacy.cli.info
details = spacy.info(markdown=False, silent=True)
print(json.dumps({
    "stand_in_left": stand_in_left,
    "real_info": sys.modules["spacy.cli.info"].__file__.endswith("info.py"),
    "has_download": hasattr(spacy.cli, "download"),
    "version": details["spacy_version"] == spacy.__version__,
}))
"""
    )
    assert report == {"stand_in_left": False, "real_info": True, "has_download": True, "version": True}


def test_a_spacy_imported_before_is_returned_as_it_is() -> None:
    report = _run(
        """
import json, sys
import spacy
from klantlint.nlp.spacy_import import import_spacy
print(json.dumps({"same": import_spacy() is spacy, "cli": "spacy.cli" in sys.modules}))
"""
    )
    assert report == {"same": True, "cli": True}


def test_spacys_registries_find_the_same_entry_points_through_the_index() -> None:
    """After `import_spacy`, `catalogue.AVAILABLE_ENTRY_POINTS` is indexed by group, and a registry finds the entry
    points of its group that `importlib.metadata` lists, in the same order."""
    report = _run(
        """
import json
from importlib import metadata
from klantlint.nlp.spacy_import import import_spacy
spacy = import_spacy()
import catalogue
groups = sorted(metadata.entry_points().groups | {"no_such_group"})
print(json.dumps({
    "indexed": type(catalogue.AVAILABLE_ENTRY_POINTS).__name__,
    "same": [
        [ep.value for ep in catalogue.AVAILABLE_ENTRY_POINTS.select(group=group)]
        == [ep.value for ep in metadata.entry_points(group=group)]
        for group in groups
    ],
    "architectures": [ep.name for ep in spacy.registry.architectures._get_entry_points()]
    == [ep.name for ep in metadata.entry_points(group="spacy_architectures")],
}))
"""
    )
    assert report["indexed"] == "_GroupIndex"
    assert report["same"] and all(report["same"])  # type: ignore[arg-type]
    assert report["architectures"] is True


def test_catalogue_reads_its_entry_points_by_group_at_each_look_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the index relies on (catalogue 2.0): a registry that takes entry points reads them at each look-up as
    `catalogue.AVAILABLE_ENTRY_POINTS.select(group=...)`, its namespace prefixed by what `create` is given."""
    import catalogue

    asked: list[dict[str, object]] = []

    class Spy:
        def select(self, **params: object) -> metadata.EntryPoints:
            asked.append(params)
            return metadata.EntryPoints(())

    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", Spy())
    registry = catalogue.create("klantlint_probe", entry_points=True)  # registers nothing: can be made again
    registry.get_all()
    registry.get_entry_point("anything")
    assert asked == [{"group": "klantlint_probe"}, {"group": "klantlint_probe"}]


@pytest.mark.parametrize("python_311", [True, False], ids=["SelectableGroups", "EntryPoints"])
def test_the_index_selects_what_entry_points_select(python_311: bool) -> None:
    """By group: the same entry points in the same order; by anything else: `EntryPoints.select` itself."""
    entry_points = metadata.EntryPoints(
        [
            metadata.EntryPoint(name=name, value=f"package.{name}", group=group)
            for name, group in [("a", "one"), ("b", "two"), ("c", "one"), ("d", "three"), ("e", "one")]
        ]
    )
    available: object = entry_points
    if python_311:
        if not hasattr(metadata, "SelectableGroups"):
            pytest.skip("SelectableGroups is Python 3.11's")
        available = metadata.SelectableGroups.load(entry_points)
    indexed = index_entry_points(available)
    for group in ("one", "two", "three", "none"):
        assert list(indexed.select(group=group)) == list(entry_points.select(group=group))
    assert [ep.name for ep in indexed.select(group="one")] == ["a", "c", "e"]
    assert list(indexed.select(name="d")) == list(entry_points.select(name="d"))
    assert index_entry_points(indexed) is indexed
