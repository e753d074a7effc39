"""File-system faults and exit codes (issue 13): one Dutch line naming the path and the cause, exit code 2, never
a traceback and never exit code 1 (which means findings); outputs locked per run; outputs never replace what
they are given (symlinks, devices, FIFOs); a broken pyproject.toml is a config error.

The tests run as root, where a read-only folder does not stop a write: a missing folder, a path under a regular
file, /dev/full and a file-size limit (RLIMIT_FSIZE, the kernel's EFBIG) stand in for unwritable places.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from tests.test_batch import make_calls, read_jsonl

SCRIPT = "Goedemorgen, u spreekt met Kim. Wat was uw naam ook alweer?\nHelaas kan dat niet.\n"


def run(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    stdout: IO[Any] | int = subprocess.PIPE,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -m klantlint ARGS` (or `python -c CODE` when args start with "-c"), stdout and stderr as text."""
    command = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-m", "klantlint", *args]
    completed = subprocess.run(
        command,
        cwd=cwd,
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        preexec_fn=preexec_fn,
        check=False,
    )
    text = completed.stdout.decode("utf-8") if isinstance(completed.stdout, bytes) else ""
    return subprocess.CompletedProcess(command, completed.returncode, text, completed.stderr.decode("utf-8"))


def assert_clean_failure(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit code 2 and one Dutch line on stderr that contains every fragment; no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], result.stderr


def file_size_limit(limit: int) -> Callable[[], None]:
    """A child whose writes past `limit` bytes fail with EFBIG, as on a full disk (SIGXFSZ ignored, not fatal)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.fixture
def calls(tmp_path: Path) -> Path:
    make_calls(tmp_path / "in.jsonl", 12, seed=3)
    (tmp_path / "plain").write_text("een gewoon bestand\n", encoding="utf-8")
    return tmp_path


# --- output paths that cannot be written ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "where", "cause"),
    [
        ("-o", "missing/x.jsonl", "map bestaat niet"),
        ("--summary", "plain/x.jsonl", "een deel van het pad is geen map"),
        ("--errors", "missing/x.jsonl", "map bestaat niet"),
    ],
)
def test_output_that_cannot_be_created_is_one_line_and_exit_2(calls: Path, option: str, where: str, cause: str) -> None:
    result = run("batch", "in.jsonl", option, where, cwd=calls)
    assert_clean_failure(result, f"kan niet schrijven naar {where}", cause)


def test_a_bad_output_path_leaves_the_other_outputs_of_an_earlier_run_alone(calls: Path) -> None:
    earlier = run("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", cwd=calls)
    assert earlier.returncode == 1
    before = (calls / "f.jsonl").read_bytes(), (calls / "s.jsonl").read_bytes()
    result = run("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", "--errors", "plain/e.jsonl", cwd=calls)
    assert_clean_failure(result, "plain/e.jsonl")
    assert ((calls / "f.jsonl").read_bytes(), (calls / "s.jsonl").read_bytes()) == before


def test_full_disk_as_output_is_exit_2(calls: Path) -> None:
    result = run("batch", "in.jsonl", "--summary", "/dev/full", cwd=calls)
    assert_clean_failure(result, "kan niet schrijven naar /dev/full: schijf vol")


def test_full_disk_on_standard_output_is_exit_2(calls: Path) -> None:
    (calls / "script.txt").write_text(SCRIPT, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        result = run("check", "script.txt", "--format", "json", cwd=calls, stdout=full)
    assert_clean_failure(result, "kan niet schrijven naar standaarduitvoer: schijf vol")


def test_output_cut_off_by_a_full_disk_is_complete_so_far_and_resumable(calls: Path) -> None:
    make_calls(calls / "many.jsonl", 120, seed=5)
    outputs = ("-o", "f.jsonl", "--summary", "s.jsonl", "--errors", "e.jsonl")
    whole = run("batch", "many.jsonl", "-o", "whole-f.jsonl", "--summary", "whole-s.jsonl", cwd=calls)
    assert whole.returncode == 1
    cut = run("batch", "many.jsonl", *outputs, cwd=calls, preexec_fn=file_size_limit(6000))
    assert_clean_failure(cut, "kan niet schrijven naar", "bestand te groot", "--resume")
    assert 0 < len(read_jsonl(calls / "s.jsonl")) < 120, cut.stderr
    resumed = run("batch", "many.jsonl", *outputs, "--resume", cwd=calls)
    assert resumed.returncode == 1, resumed.stderr
    assert (calls / "s.jsonl").read_bytes() == (calls / "whole-s.jsonl").read_bytes()
    assert (calls / "f.jsonl").read_bytes() == (calls / "whole-f.jsonl").read_bytes()


# --- symlink loops ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["batch"]])
def test_a_symlink_loop_as_argument_is_named(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "loop").symlink_to("loop")
    result = run(*command, "loop", cwd=tmp_path)
    assert_clean_failure(result, "loop", "symbolische koppeling verwijst naar zichzelf (lus)")


# --- a missing extra, an unexpected exception ------------------------------------------------------------------------


def test_engine_dask_without_dask_installed_is_exit_2(calls: Path) -> None:
    # The dask extra is installed here; None in sys.modules makes `import dask` fail as if it were not.
    code = (
        "import sys; sys.modules.update(dask=None, distributed=None); "
        "sys.argv = ['klantlint', 'batch', 'in.jsonl', '--engine', 'dask', '-o', 'f.jsonl']; "
        "from klantlint.cli import main; main()"
    )
    result = run("-c", code, cwd=calls)
    assert_clean_failure(result, "--engine dask heeft Dask nodig", "pip install 'klantlint[dask]'")
    assert not (calls / "f.jsonl").exists()


CRASHING_CHECK = (
    "import sys; from klantlint.engine.linter import Linter\n"
    "def crash(*args, **kwargs): raise ValueError('onverwacht')\n"
    "Linter.check = crash\n"
    "sys.argv = ['klantlint', 'check', 'script.txt']\n"
    "from klantlint.cli import main; main()\n"
)


def test_an_unexpected_exception_is_exit_2_with_a_short_message(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text(SCRIPT, encoding="utf-8")
    result = run("-c", CRASHING_CHECK, cwd=tmp_path, env={"KLANTLINT_DEBUG": ""})
    assert_clean_failure(result, "interne fout", "ValueError: onverwacht", "KLANTLINT_DEBUG=1")
    debug = run("-c", CRASHING_CHECK, cwd=tmp_path, env={"KLANTLINT_DEBUG": "1"})
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr and "interne fout" in debug.stderr


# --- standard output closed by the reader (`| head`) ---------------------------------------------------------------


def run_into_closed_pipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the first byte, as `head` does after its lines
    try:
        return run(*args, cwd=cwd, stdout=writer)
    finally:
        os.close(writer)


@pytest.mark.parametrize("args", [["rules"], ["--help"]])
def test_a_closed_pipe_on_stdout_ends_quietly_without_exit_code_1(tmp_path: Path, args: list[str]) -> None:
    result = run_into_closed_pipe(*args, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_closed_pipe_keeps_the_exit_code_of_the_findings(tmp_path: Path) -> None:
    # A guard for the quiet broken-pipe handling above: it must not turn the findings' exit code 1 into 0.
    (tmp_path / "script.txt").write_text(SCRIPT, encoding="utf-8")
    result = run_into_closed_pipe("check", "script.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")


# --- two runs on the same outputs ------------------------------------------------------------------------------------


def start_batch_on_stdin(cwd: Path, *outputs: str) -> subprocess.Popen[bytes]:
    """A batch that reads its calls from a pipe the test keeps open: it holds its outputs until the pipe closes."""
    command = [sys.executable, "-m", "klantlint", "batch", "-", *outputs, "--resume"]
    return subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for_holder(lock: Path, process: subprocess.Popen[bytes]) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        if lock.exists() and lock.read_text(encoding="utf-8").endswith("\n"):
            return json.loads(lock.read_text(encoding="utf-8"))
        time.sleep(0.1)
    raise AssertionError("the first run never took its lock")


def test_a_second_run_on_locked_outputs_says_who_holds_them_and_exits_2(calls: Path) -> None:
    outputs = ("-o", "f.jsonl", "--summary", "s.jsonl", "--errors", "e.jsonl")
    records = (calls / "in.jsonl").read_bytes()
    first = start_batch_on_stdin(calls, *outputs)
    try:
        assert first.stdin is not None
        first.stdin.write(records)
        first.stdin.flush()
        holder = wait_for_holder(calls / "s.jsonl.lock", first)
        assert holder["pid"] == first.pid
        second = run("batch", "in.jsonl", *outputs, "--resume", cwd=calls)
        assert_clean_failure(second, "in gebruik door een andere klantlint-run", f"pid {first.pid}", holder["started"])
        first.stdin.close()
        assert first.wait(timeout=300) == 1
    finally:
        first.kill()
        first.wait()
    summary = read_jsonl(calls / "s.jsonl")
    assert len(summary) == len({row["line"] for row in summary}) == 12
    assert not (calls / "s.jsonl.lock").exists()


def test_a_lock_left_by_a_killed_run_does_not_block(calls: Path) -> None:
    outputs = ("-o", "f.jsonl", "--summary", "s.jsonl")
    first = start_batch_on_stdin(calls, *outputs)
    try:
        wait_for_holder(calls / "f.jsonl.lock", first)
        first.kill()
        first.wait()
    finally:
        first.kill()
    assert (calls / "f.jsonl.lock").exists()  # left behind, but no longer locked
    resumed = run("batch", "in.jsonl", *outputs, "--resume", cwd=calls)
    assert resumed.returncode == 1, resumed.stderr
    assert len(read_jsonl(calls / "s.jsonl")) == 12


# --- outputs do not replace what they are given --------------------------------------------------------------------


@pytest.fixture
def batch_outputs(calls: Path) -> Path:
    result = run("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", cwd=calls)
    assert result.returncode == 1, result.stderr
    return calls


def test_report_through_a_symlink_writes_its_target_and_keeps_mode(batch_outputs: Path) -> None:
    target = batch_outputs / "rapport.html"
    target.write_text("oud\n", encoding="utf-8")
    target.chmod(0o640)
    (batch_outputs / "link.html").symlink_to("rapport.html")
    result = run("report", "f.jsonl", "s.jsonl", "-o", "link.html", cwd=batch_outputs)
    assert result.returncode == 0, result.stderr
    assert (batch_outputs / "link.html").is_symlink()
    assert target.read_text(encoding="utf-8").startswith("<!")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in batch_outputs.iterdir() if p.name.startswith(".")) == []  # no temporary left


def special_files(folder: Path) -> list[tuple[Path, str]]:
    fifo = folder / "pijp"
    os.mkfifo(fifo)
    found = [(fifo, "is een pijp (FIFO), geen gewoon bestand")]
    try:  # a copy of /dev/null's device node (root may create one; skipped where it may not)
        os.mknod(folder / "apparaat", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found.append((folder / "apparaat", "is een apparaat, geen gewoon bestand"))
    except PermissionError:
        pass
    return found


def test_report_refuses_device_nodes_and_fifos(batch_outputs: Path) -> None:
    commands = (["batch", "in.jsonl", "--report"], ["report", "f.jsonl", "s.jsonl", "-o"])
    for (special, cause), args in zip(special_files(batch_outputs), commands, strict=False):
        kind = stat.S_IFMT(special.lstat().st_mode)
        result = run(*args, special.name, cwd=batch_outputs)
        assert_clean_failure(result, f"kan niet schrijven naar {special.name}: {cause}")
        assert stat.S_IFMT(special.lstat().st_mode) == kind  # still the device or FIFO, not replaced


def test_resume_keeps_a_symlinked_output_a_symlink(calls: Path) -> None:
    (calls / "out").mkdir()
    (calls / "f.jsonl").symlink_to("out/real.jsonl")
    first = run("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", cwd=calls)
    assert first.returncode == 1
    before = (calls / "out" / "real.jsonl").read_bytes()
    resumed = run("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", "--resume", cwd=calls)
    assert resumed.returncode == 0, resumed.stderr  # nothing left to do
    assert (calls / "f.jsonl").is_symlink()
    assert (calls / "out" / "real.jsonl").read_bytes() == before


def test_fix_that_cannot_write_keeps_the_original_file(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    original = "Wat was uw naam ook alweer? " * 40 + "\n"
    script.write_text(original, encoding="utf-8")
    script.chmod(0o640)
    result = run("fix", "script.txt", cwd=tmp_path, preexec_fn=file_size_limit(len(original) // 2))
    assert result.returncode == 2
    assert "kan niet schrijven naar script.txt: bestand te groot" in result.stderr
    assert "0 bevindingen hersteld. 1 bestand niet weggeschreven." in result.stderr  # nothing was fixed after all
    assert "Traceback" not in result.stderr
    assert script.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["script.txt"]


def test_fix_with_a_missing_file_fixes_the_others_and_counts_what_it_could_not_read(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text("Wat was uw naam ook alweer?\n", encoding="utf-8")
    result = run("fix", "script.txt", "weg.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "1 bevinding hersteld. 1 bestand niet gelezen." in result.stderr
    assert "weg.txt: bestand bestaat niet" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "script.txt").read_text(encoding="utf-8") != "Wat was uw naam ook alweer?\n"


def test_fix_through_a_symlink_writes_the_target_and_keeps_mode(tmp_path: Path) -> None:
    # A guard for the atomic write: the old in-place write did this; a plain rename over the path would not.
    script = tmp_path / "script.txt"
    script.write_text("Wat was uw naam ook alweer?\n", encoding="utf-8")
    script.chmod(0o600)
    (tmp_path / "link.txt").symlink_to("script.txt")
    result = run("fix", "link.txt", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert (tmp_path / "link.txt").is_symlink()
    assert script.read_text(encoding="utf-8") != "Wat was uw naam ook alweer?\n"
    assert stat.S_IMODE(script.stat().st_mode) == 0o600


# --- configuration ---------------------------------------------------------------------------------------------------


def test_a_toml_syntax_error_in_pyproject_is_exit_2_with_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.klantlint]\nselect = ["KL001"\nignore = []\n', encoding="utf-8")
    (tmp_path / "script.txt").write_text(SCRIPT, encoding="utf-8")
    result = run("check", "script.txt", cwd=tmp_path)
    assert_clean_failure(result, "pyproject.toml: geen geldige TOML", "(regel 3, kolom 1)")
