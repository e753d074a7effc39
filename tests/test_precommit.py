"""The real pre-commit tool, in a temporary git repository of call scripts, using this checkout as hook repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def scripts_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is required for the pre-commit test")
    head = _git("rev-parse", "HEAD", cwd=REPO_ROOT).stdout.strip()
    repo = tmp_path_factory.mktemp("scripts")
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("config", "user.email", "test@example.invalid", cwd=repo)
    _git("config", "user.name", "Test", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO_ROOT}\n    rev: {head}\n    hooks:\n      - id: klantlint\n", encoding="utf-8"
    )
    _git("add", ".pre-commit-config.yaml", cwd=repo)
    _git("commit", "-q", "-m", "config", cwd=repo)
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, check=True, capture_output=True, env=_env(repo)
    )
    return repo


def _env(repo: Path) -> dict[str, str]:
    home = repo.parent / "pre-commit-home"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": path, "NO_COLOR": "1"}


def _commit_script(repo: Path, content: str) -> subprocess.CompletedProcess[str]:
    (repo / "retour.md").write_text(content, encoding="utf-8")
    _git("add", "retour.md", cwd=repo)
    return subprocess.run(
        ["git", "commit", "-m", "retour"], cwd=repo, capture_output=True, text=True, env=_env(repo), check=False
    )


def test_bad_script_is_refused_and_good_one_committed(scripts_repo: Path) -> None:
    refused = _commit_script(scripts_repo, "# Retour\n\n**Agent:** Wat was uw naam ook alweer?\n")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "retour.md:3:16: KL001 [warning]" in output

    accepted = _commit_script(scripts_repo, "# Retour\n\n**Agent:** Hoe spel ik uw naam?\n")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _git("log", "--oneline", cwd=scripts_repo).stdout.count("\n") == 2
