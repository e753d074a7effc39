"""docs/writing-a-rule.md runs: its files are written to a temporary folder, its package is installed there and its
Python blocks are executed in order, in one namespace, so the guide cannot rot.

Fenced blocks whose info string names a file (```python file=acme-klantregels/acme_klantregels.py) are written to
that path. A ```sh block's `pip install DIR` is done as pip would do it, without the network and without touching
the test environment: `klantlint.testing.install_plugin` writes the package's modules into a folder put on
`sys.path`, beside a `.dist-info` folder holding the entry points its `pyproject.toml` declares, until the test
ends. Other ```python blocks are executed.
"""

from __future__ import annotations

import re
import tomllib
from contextlib import AbstractContextManager, ExitStack
from importlib import metadata
from pathlib import Path

import pytest

from klantlint.testing import install_plugin

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "writing-a-rule.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(markdown: str) -> list[tuple[str, dict[str, str], str]]:
    """(language, attributes such as file=..., body) of each fenced block, in order."""
    found = []
    for language, info, body in FENCE.findall(markdown):
        attributes = dict(part.split("=", 1) for part in info.split() if "=" in part)
        found.append((language, attributes, body))
    return found


def install(package: Path, site: Path) -> AbstractContextManager[metadata.Distribution]:
    """What `pip install PACKAGE` does, for a setuptools package of top-level modules, until the context closes."""
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    modules = project["tool"]["setuptools"]["py-modules"]
    meta = project["project"]
    return install_plugin(
        site,
        meta["name"],
        meta.get("entry-points", {}),
        modules={module: (package / f"{module}.py").read_text(encoding="utf-8") for module in modules},
        version=meta["version"],
    )


def test_the_guide_builds_installs_configures_and_tests_a_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, site = tmp_path / "work", tmp_path / "site"
    work.mkdir()
    site.mkdir()
    monkeypatch.chdir(work)
    namespace: dict[str, object] = {"__name__": "guide"}
    installed: list[str] = []
    executed = 0
    with ExitStack() as plugins:
        for language, attributes, body in blocks(GUIDE.read_text(encoding="utf-8")):
            if "file" in attributes:
                target = work / attributes["file"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            elif language == "sh":
                for command in body.splitlines():
                    assert command.startswith("pip install "), f"the guide's shell blocks only install: {command}"
                    package = work / command.removeprefix("pip install ").strip()
                    installed.append(plugins.enter_context(install(package, site)).name)
            elif language == "python":
                exec(compile(body, f"{GUIDE.name} block {executed + 1}", "exec"), namespace)
                executed += 1
    assert installed == ["acme-klantregels"]
    assert executed == 4
