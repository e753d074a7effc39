"""Inputs that cannot be read whole: a damaged .gz keeps what was read before the damage and says why in Dutch; a
folder without transcripts stops the run as a glob without matches does."""

from __future__ import annotations

import errno
import gzip
import json
import os
from pathlib import Path

import pytest

from klantlint.errors import InputError
from klantlint.io.files import read_source
from klantlint.transcripts import Call, RecordError, iter_records
from tests.cli_helpers import run_cli

CALLS = 400
ENGLISH = ("Compressed", "Error -3", "Not a gzipped", "CRC", "decompressing")


def gzipped_calls() -> bytes:
    lines = (
        json.dumps({"call_id": f"c{number}", "turns": [{"speaker": "agent", "text": "Stuur maar een e-mail."}]})
        for number in range(CALLS)
    )
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))


def cut_short(data: bytes) -> bytes:
    return data[: len(data) // 2]


def damaged(data: bytes) -> bytes:
    middle = bytearray(data)
    for position in range(len(data) // 2, len(data) // 2 + 40):
        middle[position] ^= 0xFF
    return bytes(middle)


def not_compressed(_data: bytes) -> bytes:
    return b'{"call_id": "x", "turns": []}\n'


@pytest.mark.parametrize(
    ("spoil", "reason", "some_read"),
    [
        (cut_short, "het gzip-bestand is afgebroken", True),
        (damaged, "het gzip-bestand is beschadigd", True),  # zlib.error: an internal error before
        (not_compressed, "geen gzip-bestand", False),
    ],
)
def test_a_spoilt_gzip_file_is_an_error_record_after_what_could_be_read(
    tmp_path: Path, spoil, reason: str, some_read: bool
) -> None:
    path = tmp_path / "calls.jsonl.gz"
    path.write_bytes(spoil(gzipped_calls()))
    records = list(iter_records(str(path)))
    calls = [record for record in records if isinstance(record, Call)]
    assert isinstance(records[-1], RecordError) and records[-1].reason.startswith(f"kan niet worden gelezen: {reason}")
    assert not any(word in records[-1].reason for word in ENGLISH)
    assert (0 < len(calls) < CALLS) if some_read else calls == []


def test_batch_over_a_damaged_gzip_goes_on_with_the_next_file_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl.gz").write_bytes(damaged(gzipped_calls()))
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"call_id": "b1", "turns": [{"speaker": "agent", "text": "Stuur maar een e-mail."}]}) + "\n",
        encoding="utf-8",
    )
    result = run_cli("batch", "a.jsonl.gz", "b.jsonl", "-o", "f.jsonl", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "a.jsonl.gz:0: kan niet worden gelezen: het gzip-bestand is beschadigd" in result.stderr
    assert "interne fout" not in result.stderr and "Traceback" not in result.stderr
    assert '"b1"' in (tmp_path / "f.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("other_files", "said"), [(0, "geen bestanden"), (2, "geen transcriptbestanden, alleen 2 bestanden")]
)
def test_a_folder_without_transcripts_stops_the_run_like_a_glob_without_matches(
    tmp_path: Path, other_files: int, said: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for number in range(other_files):
        (folder / f"notes{number}.docx").write_bytes(b"")
    result = run_cli("batch", "exports", "-o", "f.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert f"exports: deze map bevat {said}" in result.stderr and ".jsonl" in result.stderr
    assert not (tmp_path / "f.jsonl").exists()


def test_a_path_through_a_file_is_named_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text("Goedemorgen.\n", encoding="utf-8")
    result = run_cli("check", "script.txt/deel2.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "script.txt/deel2.txt: niet bereikbaar: een deel van het pad is geen map" in result.stderr
    assert "Not a directory" not in result.stderr


def test_a_read_fault_is_named_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "script.txt"
    path.write_text("Goedemorgen.\n", encoding="utf-8")

    def refused(_self: Path) -> bytes:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "read_bytes", refused)  # running as root, file modes do not refuse anything
    with pytest.raises(InputError, match=r"script\.txt: kan niet worden gelezen: geen toegang$"):
        read_source(str(path))
