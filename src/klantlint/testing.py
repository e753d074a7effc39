"""Helpers for testing rules, built-in or plugin: run a rule's examples, and hold it to what fast mode relies on.

Fast mode (the default) is only as right as what each rule declares: its gate (`triggers`, `may_fire`) must pass
every text on which `check` fires, it must read no more of the analysis than its `needs`, and with
`scope = "segment"` nothing of the document. Full mode ignores the gates and parses everything, so it is the
reference. Plain functions raising `AssertionError` with the offending texts, for pytest or any test runner:

    from klantlint import Linter
    from klantlint.testing import (
        ALL_RULES, assert_examples, assert_fast_equals_full, assert_gate_sound, assert_needs_declared, variants,
    )

    linter = Linter(ALL_RULES)                       # every rule, opt-in ones too; build it once per test module
    assert_examples(linter, "ACME001")               # bad examples fire, good ones stay quiet
    texts = variants(["U hoort nu wachtmuziek."])    # the texts in capitals, without punctuation, ...
    assert_gate_sound(linter, "ACME001", texts)      # the gate passes wherever `check` fires
    assert_needs_declared(linter, "ACME001", texts)  # the same hits on the doc its `needs` gets as on the full parse
    assert_fast_equals_full(texts, ALL_RULES)        # the linter's own answer in both modes

A rule runs here as the engine runs it: on an agent's text, with the context its `scope` allows (a segment-scoped
rule that reads the document raises `UndeclaredRead`).

`install_plugin` installs a plugin for the length of a `with` block without pip, so that a test can try a rule as
klantlint finds plugins (through its entry points):

    with install_plugin(tmp_path, "acme-rules", {"klantlint.rules": {"acme": "acme_rules:NoHold"}},
                        modules={"acme_rules": SOURCE}):
        assert "ACME001" in {info.code for info in klantlint.rules()}
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from klantlint.api import Linter
from klantlint.config import Config
from klantlint.engine.base import Hit, Rule, RuleContext
from klantlint.engine.triggers import TriggerScanner
from klantlint.nlp.staged import StagedPipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Every rule, opt-in ones too: tests of a rule's gate and check must see it whether or not it is in the default set.
ALL_RULES = Config(select=["ALL"])

__all__ = [
    "ALL_RULES",
    "agent_context",
    "assert_examples",
    "assert_fast_equals_full",
    "assert_gate_sound",
    "assert_needs_declared",
    "check_fires",
    "example_failures",
    "fires",
    "gate_passes",
    "install_plugin",
    "reported",
    "rule_of",
    "variants",
]


def rule_of(linter: Linter, code: str) -> Rule:
    """The phrase rule with this code among those `linter` runs (AssertionError when it does not run it), compiled
    against the pipeline, which a Linter loads on first need."""
    linter.load()
    rule = next((rule for rule in linter.rules if rule.info.code == code), None)
    assert rule is not None, f"{code} is not among the rules this linter runs (select it, e.g. with ALL_RULES)"
    return rule


def agent_context(linter: Linter, text: str) -> RuleContext:
    """The context of an agent's text that is a whole document of its own."""
    return RuleContext(config=linter.config, text=text, speaker="agent", document_segments=(text,))


def gate_passes(linter: Linter, code: str, text: str) -> bool:
    """Whether the rule's gate lets `text` through, with the trigger words of all of the linter's rules found."""
    rule = rule_of(linter, code)
    scanner = TriggerScanner(word for other in linter.rules for word in (other.triggers or ()))
    return rule.may_fire(text, scanner.scan(text), agent_context(linter, text).for_rule(rule))


def _hits(rule: Rule, linter: Linter, docs: Iterable[Doc]) -> list[list[Hit]]:
    return [list(rule.check(doc, agent_context(linter, doc.text).for_rule(rule))) for doc in docs]


def check_fires(linter: Linter, code: str, texts: Sequence[str]) -> list[bool]:
    """Whether the rule's `check` (without its gate) reports something on each text's full parse."""
    return [bool(hits) for hits in _hits(rule_of(linter, code), linter, linter.nlp.pipe(texts))]


def fires(linter: Linter, code: str, text: str) -> bool:
    """Whether the rule's `check` fires on one text (its gate not asked)."""
    return check_fires(linter, code, [text])[0]


def reported(linter: Linter, code: str, text: str) -> bool:
    """What the linter reports in fast mode: the gate must let the text through and `check` must fire."""
    return gate_passes(linter, code, text) and fires(linter, code, text)


def example_failures(linter: Linter, code: str) -> list[str]:
    """What is wrong with the rule's own examples (phrase or conversation rule): each bad example must get a
    finding of the rule from `linter`, each good example none."""
    info = next((info for info in linter.rule_infos() if info.code == code), None)
    assert info is not None, f"{code} is not in the linter's catalogue"
    assert code in linter.enabled_codes(), f"{code} is not enabled in this linter (select it, e.g. with ALL_RULES)"
    problems = []
    for text in info.bad_examples:
        if code not in {finding.code for finding in linter.check(text)}:
            problems.append(f"{code} does not fire on its bad example {text!r}")
    for text in info.good_examples:
        if code in {finding.code for finding in linter.check(text)}:
            problems.append(f"{code} fires on its good example {text!r}")
    return problems


def assert_examples(linter: Linter, code: str) -> None:
    """The rule's bad examples fire it and its good examples do not."""
    problems = example_failures(linter, code)
    assert not problems, "\n".join(problems)


def assert_gate_sound(linter: Linter, code: str, texts: Sequence[str], *, min_firing: int = 0) -> None:
    """Every text on which the rule's `check` fires on the full parse passes its gate (else fast mode would lose
    that finding); and `check` fires on at least `min_firing` of the texts, so the test can fail."""
    fired = check_fires(linter, code, texts)
    missed = [text for text, fire in zip(texts, fired, strict=True) if fire and not gate_passes(linter, code, text)]
    assert not missed, f"{code}: the gate turns away texts on which the rule fires: {missed}"
    assert sum(fired) >= min_firing, f"{code} fires on {sum(fired)} of the texts, fewer than {min_firing}"


def _docs_at_declared_level(rule: Rule, linter: Linter, texts: Sequence[str]) -> list[Doc]:
    """The docs fast mode may hand the rule: as little analysis as its `needs` allows."""
    if rule.needs == "tree":
        return list(linter.nlp.pipe(texts))
    if rule.needs == "tags":
        # The parser is skipped where the punctuation fixes the sentences, as fast mode does.
        return [doc for doc, _ in StagedPipeline(linter.nlp).parse(list(texts), [False] * len(texts), batch_size=64)]
    if rule.needs == "tokens":
        return [linter.nlp.make_doc(text) for text in texts]
    from spacy.tokens import Doc

    # "characters": one token holding the whole text, so that a rule reading tokens shows it.
    vocab = linter.nlp.vocab
    return [Doc(vocab, words=[text], spaces=[False]) if text else linter.nlp.make_doc(text) for text in texts]


def assert_needs_declared(linter: Linter, code: str, texts: Sequence[str]) -> None:
    """The rule yields the same hits on the doc its declared `needs` gets as on the full parse: it reads no tags,
    lemmas or tree it did not declare. (With the context its `scope` allows, so reading the document without
    `scope = "document"` raises `UndeclaredRead`.)"""
    rule = rule_of(linter, code)
    full = _hits(rule, linter, linter.nlp.pipe(texts))
    declared = _hits(rule, linter, _docs_at_declared_level(rule, linter, texts))
    differing = [text for text, a, b in zip(texts, full, declared, strict=True) if a != b]
    assert not differing, (
        f"{code} declares needs = {rule.needs!r} but finds something else without more analysis on: {differing}; "
        "declare the level it reads"
    )


def assert_fast_equals_full(texts: Sequence[str], config: Config = ALL_RULES) -> None:
    """The linter reports the same findings in fast mode (gates, caches, less parsing) as in full mode."""
    fast = list(Linter(config, mode="fast").pipe(texts))
    full = list(Linter(config, mode="full").pipe(texts))
    differing = [
        (text, [f.code for f in a], [f.code for f in b]) for text, a, b in zip(texts, fast, full, strict=True) if a != b
    ]
    assert not differing, f"fast mode differs from full mode (text, fast, full): {differing}"


def variants(texts: Iterable[str]) -> list[str]:
    """The texts as written, in capitals, without punctuation, with a filler, a line break or a double space: what
    transcripts do to a sentence, and where a gate on characters tends to be too sharp."""
    out: list[str] = []
    for text in texts:
        bare = "".join(ch for ch in text if ch not in ".,;:!?")
        words = bare.split(" ")
        middle = len(words) // 2
        out += [
            text,
            text.upper(),
            bare.lower(),
            " ".join([*words[:middle], "eh", *words[middle:]]),
            " ".join(words[:middle]) + "\n" + " ".join(words[middle:]),
            " ".join(words[:middle]) + "  " + " ".join(words[middle:]),
        ]
    return out


@contextmanager
def install_plugin(
    folder: Path,
    name: str,
    entry_points: Mapping[str, Mapping[str, str]],
    *,
    modules: Mapping[str, str] | None = None,
    version: str = "1.0",
) -> Iterator[metadata.Distribution]:
    """Install a plugin as `pip install` would, for the length of a `with` block, without pip or the network.

    `entry_points` is what `[project.entry-points]` of the plugin's `pyproject.toml` declares: per group
    (`klantlint.rules`, `klantlint.conversation_rules`) the entry-point names and the `module:attribute` each points
    to. `modules` maps a top-level module name to its source (its common indentation removed, so an indented string
    in a test will do); leave it out when the modules are importable already.

    Into `folder` (made if missing) go the modules and a `NAME-VERSION.dist-info` folder holding the entry points,
    which is what pip leaves in site-packages; `folder` goes first on `sys.path`, so `importlib.metadata`, and with
    it every `Linter` and `klantlint.rules()` built inside the block, finds the plugin. Yields the installed
    distribution. Afterwards the plugin is gone again: the files it wrote are removed, the modules it wrote are
    dropped from `sys.modules` and `folder` leaves `sys.path` (unless it was there before). Several plugins may share
    a folder. A module file or dist-info folder that exists already is not overwritten (`FileExistsError`).
    """
    sources = {module: textwrap.dedent(source) for module, source in (modules or {}).items()}
    folder.mkdir(parents=True, exist_ok=True)
    normalized = re.sub(r"[-_.]+", "_", name).lower()
    dist_info = folder / f"{normalized}-{version}.dist-info"
    written: list[Path] = []
    on_path = str(folder) in sys.path
    try:
        for module, source in sources.items():
            module_file = folder / f"{module}.py"
            with module_file.open("x", encoding="utf-8") as out:
                out.write(source)
            written.append(module_file)
        dist_info.mkdir()
        written.append(dist_info)
        (dist_info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
        )
        groups = [
            f"[{group}]\n" + "".join(f"{point} = {target}\n" for point, target in points.items())
            for group, points in entry_points.items()
        ]
        (dist_info / "entry_points.txt").write_text("\n".join(groups), encoding="utf-8")
        if not on_path:
            sys.path.insert(0, str(folder))
        # The import system and importlib.metadata cache what they found in a folder: make them look again.
        importlib.invalidate_caches()
        yield metadata.Distribution.at(dist_info)
    finally:
        for path in written:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        for module in sources:
            sys.modules.pop(module, None)
        _remove_bytecode(folder, sources)
        if not on_path and str(folder) in sys.path:
            sys.path.remove(str(folder))
        importlib.invalidate_caches()


def _remove_bytecode(folder: Path, modules: Mapping[str, str]) -> None:
    """Remove the bytecode Python cached for `modules` in `folder/__pycache__` when the block imported them (unless
    writing bytecode is off), and the `__pycache__` folder itself once nothing else is in it."""
    cache = folder / "__pycache__"
    for module in modules:
        for compiled in cache.glob(f"{module}.*.pyc"):
            compiled.unlink()
    if cache.is_dir() and not any(cache.iterdir()):
        cache.rmdir()
