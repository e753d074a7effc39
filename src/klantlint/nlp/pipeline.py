"""Resolving and loading the Dutch spaCy pipeline, in one place.

`auto` prefers an installed `nl_core_news_sm`/`md`/`lg` and falls back to the pipeline bundled in
this package. Whichever is loaded gets klantlint's domain layer appended. A package loads through `spacy.load`; a
pipeline folder (the bundled model) as `spacy.load` would, with faster lookup tables (`fast_load`).
"""

from __future__ import annotations

import functools
import gc
import importlib.util
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klantlint.errors import ModelError
from klantlint.nlp.bare_tokenizer import (
    bare_tokenizer_config,
    register_bare_tokenizer,
    restore_tokenizer_config,
    uses_spacy_tokenizer,
)
from klantlint.nlp.domain import COMPONENT_NAME, SENTENCES_COMPONENT, register_components
from klantlint.nlp.fast_load import load_folder
from klantlint.nlp.spacy_import import import_spacy

if TYPE_CHECKING:
    from spacy.language import Language

BUNDLED_MODEL = Path(__file__).resolve().parent.parent / "models" / "nl_klantlint_sm"
PREFERRED_PACKAGES = ("nl_core_news_sm", "nl_core_news_md", "nl_core_news_lg")


def is_package(name: str) -> bool:
    """Whether a distribution of this name is installed (as `spacy.util.is_package` decides, without importing
    spaCy: resolving the model must not cost a check where no rule needs it the import)."""
    try:
        metadata.distribution(name)
    except (metadata.PackageNotFoundError, ValueError):
        return False
    return True


def installed_dutch_packages() -> list[str]:
    return [name for name in PREFERRED_PACKAGES if is_package(name)]


def resolve_model(model: str) -> str | Path:
    """What `model` refers to: a package name or a pipeline folder (ModelError if neither); nothing is loaded."""
    if model == "auto":
        installed = installed_dutch_packages()
        return installed[0] if installed else BUNDLED_MODEL
    if model == "bundled":
        return BUNDLED_MODEL
    if is_package(model):
        return model
    path = Path(model).expanduser()
    if path.exists():
        return path
    available = ", ".join(["auto", "bundled", *installed_dutch_packages()])
    raise ModelError(
        f"model '{model}' niet gevonden: geen geïnstalleerd spaCy-pakket en geen map. Beschikbaar: {available}, "
        "of een pad naar een spaCy-pijplijn"
    )


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = "auto") -> Language:
    """Load the Dutch pipeline `model` ("auto", "bundled", a package name or a path) with the domain layer."""
    with _collections_paused():
        return _load_pipeline(model)


@contextmanager
def _collections_paused() -> Iterator[None]:
    """No automatic garbage collection while the body runs; what exists after it goes to the oldest generation,
    and the thresholds are put back.

    Importing spaCy and loading a pipeline make some 60,000 objects the collector tracks, nearly all of which live
    as long as the pipeline. Collections during the load walk them again and again, and the full collection the
    load sets off walks every object of the process (together about 40 ms of every process that loads the pipeline,
    to free some 3,000 objects); left young, the first collection after the load would walk them all once more
    (another 20 to 35 ms). `gc.freeze()` and `gc.unfreeze()` move every object to the oldest generation without
    walking it, where only a full collection looks at it again, as it would once the young collections had passed
    it on. Not when the caller has frozen objects itself: unfreezing would release those too. (A first threshold
    of 0 is how `gc` is told not to collect; `gc.disable` would not hold: srsly enables collection after reading
    msgpack.)"""
    thresholds = gc.get_threshold()
    gc.set_threshold(0, *thresholds[1:])
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.set_threshold(*thresholds)


def _load_pipeline(model: str) -> Language:
    spacy = import_spacy()
    target = resolve_model(model)
    register_components()
    try:
        overrides = _load_overrides(target)
        nlp = load_folder(target, overrides) if isinstance(target, Path) else spacy.load(target, config=overrides)
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"model '{model}' ({target}) kan niet worden geladen: {error}") from None
    if overrides:
        restore_tokenizer_config(nlp)
    from klantlint.nlp.matrix_ops import multiply_with_numpy  # imports thinc: only once spaCy is

    multiply_with_numpy(nlp)
    if nlp.lang != "nl":
        raise ModelError(f"model '{model}' ({target}) is geen Nederlandse pijplijn (taal: {nlp.lang})")
    if COMPONENT_NAME not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, last=True)
    if SENTENCES_COMPONENT not in nlp.pipe_names:
        segmenter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
        nlp.add_pipe(SENTENCES_COMPONENT, before=segmenter) if segmenter else nlp.add_pipe(SENTENCES_COMPONENT)
    return nlp


def _load_overrides(target: str | Path) -> dict[str, Any]:
    """Config overrides for loading `target`: the tokenizer of a pipeline folder (the bundled model) saved with
    spaCy's own factory is built bare, as `from_disk` fills it (`bare_tokenizer`); packages load as they are."""
    if isinstance(target, Path) and uses_spacy_tokenizer(target):
        register_bare_tokenizer()
        return bare_tokenizer_config()
    return {}


def pipeline_label(nlp: Language) -> str:
    """`name version` of a loaded pipeline, for --version and report metadata."""
    return f"{nlp.meta.get('lang', 'nl')}_{nlp.meta.get('name', 'pipeline')} {nlp.meta.get('version', '?')}"


def model_folder(model: str = "auto") -> Path:
    """The folder on disk of the pipeline `model` resolves to (a package's install folder for a package)."""
    target = resolve_model(model)
    if isinstance(target, Path):
        return target
    spec = importlib.util.find_spec(target)  # found, not imported (as spacy.util.get_package_path would)
    if spec is None or spec.origin is None:
        raise ModelError(f"model '{model}': pakket {target} is geïnstalleerd maar niet te vinden")
    return Path(spec.origin).parent


def describe_model(model: str = "auto") -> str:
    """`name version` of the pipeline `model` resolves to, read from its metadata without loading it."""
    folder = model_folder(model)
    if not (folder / "meta.json").exists():
        candidates = sorted(p for p in folder.iterdir() if (p / "meta.json").exists()) if folder.is_dir() else []
        if not candidates:
            return str(resolve_model(model))
        folder = candidates[0]
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return f"{meta.get('lang', 'nl')}_{meta.get('name', 'pipeline')} {meta.get('version', '?')}"
