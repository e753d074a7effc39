"""docs/writing-a-rule.md runs: its files are written to a temporary folder, its package is installed there and its
Python blocks are executed in order, in one namespace, so the guide cannot rot.

Fenced blocks whose info string names a file (```python file=acme-klantregels/acme_klantregels.py) are written to
that path. A ```sh block's `pip install DIR` is done as pip would do it, without the network and without touching
the test environment: the package's modules are copied into a folder put on `sys.path`, beside a `.dist-info`
folder holding the entry points its `pyproject.toml` declares. Other ```python blocks are executed.
"""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "writing-a-rule.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(markdown: str) -> list[tuple[str, dict[str, str], str]]:
    """(language, attributes such as file=..., body) of each fenced block, in order."""
    found = []
    for language, info, body in FENCE.findall(markdown):
        attributes = dict(part.split("=", 1) for part in info.split() if "=" in part)
        found.append((language, attributes, body))
    return found


def install(package: Path, site: Path) -> list[str]:
    """What `pip install PACKAGE` leaves behind, for a setuptools package of top-level modules; the module names."""
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    modules = project["tool"]["setuptools"]["py-modules"]
    for module in modules:
        shutil.copy(package / f"{module}.py", site / f"{module}.py")
    meta = project["project"]
    dist = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n", encoding="utf-8"
    )
    groups = meta.get("entry-points", {})
    lines = [
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in points.items())
        for group, points in groups.items()
    ]
    (dist / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return modules


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
    try:
        for language, attributes, body in blocks(GUIDE.read_text(encoding="utf-8")):
            if "file" in attributes:
                target = work / attributes["file"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            elif language == "sh":
                for command in body.splitlines():
                    assert command.startswith("pip install "), f"the guide's shell blocks only install: {command}"
                    installed += install(work / command.removeprefix("pip install ").strip(), site)
                monkeypatch.syspath_prepend(str(site))
            elif language == "python":
                exec(compile(body, f"{GUIDE.name} block {executed + 1}", "exec"), namespace)
                executed += 1
    finally:
        for module in installed:
            sys.modules.pop(module, None)
    assert installed == ["acme_klantregels"]
    assert executed == 3
