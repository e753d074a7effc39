"""Results files in benchmarks/results/ are written whole by their scripts, under one shared header."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.results_header import commit_label, write_results

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# A script writes a results file when it names the results folder.
NAMES_RESULTS = re.compile(r'"results"|benchmarks/results/')
WRITES_DIRECTLY = re.compile(r"\b(RESULTS|RESULTS_MD|results_md)\.(write_text|open)\(")


def results_scripts() -> dict[str, str]:
    scripts = {path.name: path.read_text(encoding="utf-8") for path in sorted(BENCHMARKS.glob("*.py"))}
    return {
        name: source for name, source in scripts.items() if name != "results_header.py" and NAMES_RESULTS.search(source)
    }


def test_every_results_writing_script_uses_the_shared_header() -> None:
    scripts = results_scripts()
    expected = {"dask_throughput.py", "lsp_latency.py", "model.py", "quality.py", "real_world.py", "throughput.py"}
    assert set(scripts) >= expected
    for name, source in scripts.items():
        assert "from benchmarks.results_header import" in source, name
        assert "write_results(" in source, name
        assert WRITES_DIRECTLY.search(source) is None, name


def test_write_results_writes_the_header_and_the_body_whole(tmp_path: Path) -> None:
    path = tmp_path / "results" / "demo.md"
    text = write_results(path, "Demo", ["| a | b |", "|---|---|", "| 1 | 2 |", ""], command="python benchmarks/demo.py")
    assert path.read_text(encoding="utf-8") == text
    lines = text.splitlines()
    assert lines[0] == "# Demo"
    provenance = lines[2]
    assert datetime.date.today().isoformat() in provenance
    assert "`python benchmarks/demo.py`" in provenance
    assert f"at commit {commit_label()};" in provenance
    assert re.search(rf"{os.cpu_count()} CPUs, load average \d+\.\d\d / \d+\.\d\d / \d+\.\d\d", provenance)
    assert lines[4:] == ["| a | b |", "|---|---|", "| 1 | 2 |"]
    assert text.endswith("|\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_commit_label_is_the_short_head_and_marks_a_dirty_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))

    def git(*args: str) -> str:
        command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()

    assert commit_label(tmp_path) == "unknown"  # not a repository (yet)
    git("init", "-q")
    tracked = tmp_path / "a.txt"
    tracked.write_text("one\n")
    git("add", "a.txt")
    git("commit", "-q", "-m", "first")
    head = git("rev-parse", "--short", "HEAD")
    (tmp_path / "untracked.txt").write_text("not counted\n")
    assert commit_label(tmp_path) == head
    tracked.write_text("two\n")
    assert commit_label(tmp_path) == f"{head}+dirty"
