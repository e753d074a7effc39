"""The header of every file in benchmarks/results/, and writing such a file whole.

A results file says when it was written, from which commit (`git rev-parse --short HEAD`, with "+dirty" when
tracked files differ from it), by which command line, and how busy the machine was (load averages and CPU
count): figures from a shared machine mean little without the load. Scripts build their report body and hand it
to `write_results`; nothing is added to a results file by hand.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def commit_label(repo: Path = REPO) -> str:
    """The short commit hash of HEAD, with "+dirty" when tracked files have changes; "unknown" without git."""

    def git(*args: str) -> str:
        try:
            result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
        except OSError:
            return ""
        return result.stdout.strip() if result.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD")
    if not head:
        return "unknown"
    return f"{head}+dirty" if git("status", "--porcelain", "--untracked-files=no") else head


def machine_load() -> str:
    """The load averages over 1, 5 and 15 minutes and the CPU count, as one phrase."""
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


def command_line(argv: list[str] | None = None) -> str:
    """The command that ran the script, relative to the repository where possible."""
    args = list(sys.argv if argv is None else argv)
    script = Path(args[0]).resolve() if args else Path("?")
    shown = script.relative_to(REPO) if script.is_relative_to(REPO) else script
    return " ".join(["python", str(shown), *args[1:]])


def results_header(title: str, *, command: str | None = None, today: datetime.date | None = None) -> list[str]:
    """The title line and the provenance line every results file starts with."""
    date = (today or datetime.date.today()).isoformat()
    return [
        f"# {title}",
        "",
        f"Written {date} by `{command or command_line()}` at commit {commit_label()}; machine: {machine_load()} "
        "when the file was written.",
        "",
    ]


def write_results(path: Path, title: str, body: list[str], *, command: str | None = None) -> str:
    """Write `path` whole: the header, then `body` (lines); returns the text written."""
    text = "\n".join([*results_header(title, command=command), *body]).rstrip("\n") + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text
