"""Messy text (issue 13): pathological shapes in linear time, long turns parsed in pieces, progress on a long
file, non-text and broken characters through the API, a byte order mark through `fix`, SARIF columns."""

from __future__ import annotations

import codecs
import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import klantlint
from klantlint import Linter
from klantlint.checks.kl010_afschuiven import _may_shift
from klantlint.io import segments
from klantlint.io.masking import mask_markdown, mask_plain_text
from klantlint.io.segments import Segment, split_segments
from tests.cli_helpers import run_cli
from tests.growth import assert_linear

KNOWN = "Wat was uw naam ook alweer?"  # one KL001 finding on "was uw naam"

# -- pathological text: each took quadratic time (seconds to minutes at these sizes) -------------------------


def test_speaker_labels_read_a_line_of_spaces_once() -> None:
    # 10,000 leading spaces took 31 s: the label regex tried every split of the blanks between prefix and name.
    assert_linear(split_segments, lambda n: " " * n + "x\n", 1_000, what="leading spaces", runs=1)
    assert_linear(split_segments, lambda n: "\t" * n + "Klant ja\n", 1_000, what="leading tabs", runs=1)
    assert split_segments(" " * 1_000 + "Agent: hallo\n")[0].role == "agent"


def test_a_nested_markdown_list_is_linear(linter: Linter) -> None:
    # A 1 MB list nested by indentation took over 5 minutes.
    block = "".join("  " * depth + f"- punt {depth}\n" for depth in range(60))

    def nested(size: int) -> str:
        return (block * (size // len(block) + 1))[:size]

    assert_linear(lambda text: linter.check(text, text_format="markdown"), nested, 10_000, what="nested list", runs=1)


@pytest.mark.parametrize(
    ("shape", "make"),
    [
        ("a run of letters before '!'", lambda n: "a" * n + "!"),  # the e-mail pattern: 68 s at 100,000
        ("backticks", lambda n: "`" * n),
        ("unclosed comments", lambda n: "<!--" * (n // 4)),
        ("link openers", lambda n: "](" * (n // 2)),
        ("'a@' repeated", lambda n: "a@" * (n // 2)),
    ],
)
def test_masking_is_linear(shape: str, make: object) -> None:
    assert_linear(mask_plain_text, make, 10_000, what=f"plain text, {shape}")  # type: ignore[arg-type]
    assert_linear(mask_markdown, make, 10_000, what=f"markdown, {shape}")  # type: ignore[arg-type]


def test_masking_still_blanks_code_comments_and_addresses() -> None:
    text = "Zie `code` en <!-- weg --> of mail a.b@voorbeeld.nl, ```x`` blijft"
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert "code" not in masked and "weg" not in masked and "voorbeeld" not in masked
    assert "blijft" in masked and "Zie" in masked


@pytest.mark.parametrize(
    ("shape", "unit"),
    [
        ("pronouns and calls, every clause negated", "u bel later maar niet terug "),
        ("the speaker and 'ga' without 'over'", "ik ga "),
        ("one pronoun repeated", "u "),
        ("one call verb repeated", "bel "),
    ],
)
def test_kl010_gate_is_linear_on_unpunctuated_text(shape: str, unit: str) -> None:
    # `_try_again_possible` took 58 s on 400 KB; "u " * 25,000 took over a minute.
    def text(size: int) -> str:
        return unit * (size // len(unit)) + " later maar bel"

    # 20 KB: large enough that a few milliseconds of noise on a loaded machine cannot look like growth.
    assert_linear(_may_shift, text, 20_000, what=f"KL010 gate, {shape}", runs=3)


def test_kl010_gate_still_finds_and_rules_out() -> None:
    assert _may_shift("belt u later nog maar eens terug")
    assert _may_shift("daar ga ik niet over")
    assert not _may_shift("ik bel u later terug")


# -- a cap on what is parsed at once ---------------------------------------------------------------------------


def test_a_long_segment_is_cut_into_pieces_at_sentence_marks() -> None:
    sentence = "Dit is een gewone zin over de levering van uw pakket. "
    text = sentence * (3 * segments.MAX_PARSE_CHARS // len(sentence))
    found = segments.pieces(Segment(100, text.strip(), "agent"))
    assert len(found) >= 3
    assert all(len(piece.text) <= segments.MAX_PARSE_CHARS for piece in found)
    assert "".join(piece.text for piece in found) == text.strip()  # nothing dropped
    assert all(piece.text.rstrip().endswith(".") for piece in found)
    source = " " * 100 + text.strip()
    assert all(source[piece.start : piece.start + len(piece.text)] == piece.text for piece in found)


def test_a_piece_without_marks_ends_at_a_blank_else_at_the_cap() -> None:
    words = ("woord " * segments.MAX_PARSE_CHARS)[: 2 * segments.MAX_PARSE_CHARS]
    cut = segments.pieces(Segment(0, words, "unknown"))
    assert all(len(piece.text) <= segments.MAX_PARSE_CHARS and piece.text.endswith(" ") for piece in cut[:-1])
    letters = segments.pieces(Segment(0, "a" * (2 * segments.MAX_PARSE_CHARS + 1), "unknown"))
    assert [len(piece.text) for piece in letters] == [segments.MAX_PARSE_CHARS, segments.MAX_PARSE_CHARS, 1]


def test_findings_in_a_long_turn_point_into_the_original_text() -> None:
    filler = "Ik kijk even met u mee in het systeem en zie dat alles klopt. " * (3 * segments.MAX_PARSE_CHARS // 60)
    text = "Agent: " + filler + KNOWN + " " + filler + KNOWN
    findings = [f for f in klantlint.check(text) if f.code == "KL001"]
    assert len(findings) == 2
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text == "was uw naam"
        line_start = text.rfind("\n", 0, finding.start) + 1
        assert finding.column == finding.start - line_start + 1


# -- progress on a long file ---------------------------------------------------------------------------------


def _long_file(path: Path) -> Path:
    paragraphs = ["Goedemorgen, fijn dat u belt.\n\n"] * 999 + [KNOWN + "\n\n"]
    text = "".join(paragraphs) * (1_000_000 // sum(map(len, paragraphs)) + 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_check_shows_progress_for_a_long_file_on_a_terminal(tmp_path: Path) -> None:
    script = _long_file(tmp_path / "lang.txt")
    leader, follower = pty.openpty()
    drawn = bytearray()

    def read_terminal() -> None:  # read while it runs: a full terminal buffer would block the bar
        try:
            while chunk := os.read(leader, 65536):
                drawn.extend(chunk)
        except OSError:
            pass  # the terminal is closed

    reader = threading.Thread(target=read_terminal)
    reader.start()
    env = {**os.environ, "NO_COLOR": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "klantlint", "check", str(script), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
        check=False,
        timeout=600,
    )
    os.close(follower)
    reader.join(timeout=10)
    os.close(leader)
    assert completed.returncode == 1
    assert json.loads(completed.stdout)  # the report itself is untouched
    assert f"klantlint {script}".encode() in drawn and b"100%" in drawn


def test_check_shows_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    script = _long_file(tmp_path / "lang.txt")
    result = run_cli("check", str(script), "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert "%" not in result.stderr


# -- the API: what is not text, and characters that are not text ------------------------------------------------


@pytest.mark.parametrize("value", [None, b"Wat was uw naam?", 42])
def test_check_and_fix_say_what_they_expect(value: object) -> None:
    with pytest.raises(TypeError, match=r"klantlint\.check expects the text to lint as str"):
        klantlint.check(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"klantlint\.fix expects the text to lint as str"):
        klantlint.fix(value)  # type: ignore[arg-type]


def test_bytes_get_a_hint_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        klantlint.check(b"Wat was uw naam?")  # type: ignore[arg-type]


def test_the_linter_says_what_it_expects(linter: Linter) -> None:
    with pytest.raises(TypeError, match=r"Linter\.check expects .* not NoneType"):
        linter.check(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("odd", ["\x00", "\ud800", "\udcff", "\x07"])
@pytest.mark.parametrize("where", ["after", "before", "between words", "inside the finding"])
def test_a_nul_or_lone_surrogate_hides_no_finding(odd: str, where: str, tmp_path: Path) -> None:
    text = {
        "after": f"{KNOWN} {odd}",
        "before": f"{odd}{KNOWN}",
        "between words": KNOWN.replace(" ", odd, 1),
        "inside the finding": KNOWN.replace("uw ", f"uw{odd}"),
    }[where]
    findings = klantlint.check(text)
    assert [f.code for f in findings] == ["KL001"]
    finding = findings[0]
    assert finding.start == text.index("was") and finding.end - finding.start == len("was uw naam")
    # The output can be written: as JSON, and as UTF-8.
    (tmp_path / "out.json").write_text(finding.model_dump_json(), encoding="utf-8")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["code"] == "KL001"


def test_fix_leaves_odd_characters_where_nothing_is_fixed() -> None:
    result = klantlint.fix("Wat\ud800was uw naam ook alweer?")
    assert result.text == "Wat\ud800is uw naam ook alweer?"


# -- fix keeps a byte order mark; SARIF counts columns in code points ----------------------------------------


def test_fix_keeps_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    script = tmp_path / "script.md"
    script.write_bytes(b"\xef\xbb\xbf" + b"Agent: Wat was uw naam ook alweer?\n")
    run_cli("fix", "script.md", cwd=tmp_path)
    assert script.read_bytes() == b"\xef\xbb\xbf" + b"Agent: Wat is uw naam ook alweer?\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_fix_writes_a_utf16_or_utf32_file_back_in_its_own_encoding(tmp_path: Path, codec: str) -> None:
    # Before: the fixed text was written as UTF-8 with a UTF-8 mark, so Notepad's UTF-16 file changed encoding.
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    script = tmp_path / "script.txt"
    script.write_bytes(bom[codec] + "Agent: Wat was uw naam ook alweer?\r\n".encode(codec))
    run_cli("fix", "script.txt", cwd=tmp_path)
    assert script.read_bytes() == bom[codec] + "Agent: Wat is uw naam ook alweer?\r\n".encode(codec)


def test_fix_on_stdin_answers_in_the_encoding_it_was_given() -> None:
    given = codecs.BOM_UTF16_LE + "Agent: Wat was uw naam ook alweer?\n".encode("utf-16-le")
    completed = subprocess.run(
        [sys.executable, "-m", "klantlint", "fix", "-"], input=given, capture_output=True, check=False
    )
    assert completed.stdout == codecs.BOM_UTF16_LE + "Agent: Wat is uw naam ook alweer?\n".encode("utf-16-le")


def test_fix_writes_no_byte_order_mark_that_was_not_there(tmp_path: Path) -> None:
    script = tmp_path / "script.md"
    script.write_text("Agent: Wat was uw naam ook alweer?\n", encoding="utf-8")
    run_cli("fix", "script.md", cwd=tmp_path)
    assert script.read_bytes() == b"Agent: Wat is uw naam ook alweer?\n"


def test_sarif_columns_are_code_points_and_say_so(tmp_path: Path) -> None:
    line = "Agent: 😀👍🏽 Wat was uw naam ook alweer?"
    (tmp_path / "emoji.md").write_text(f"# Script\n\n{line}\n", encoding="utf-8")
    sarif = json.loads(run_cli("check", "emoji.md", "--format", "sarif", cwd=tmp_path).stdout)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3
    assert region["startColumn"] == line.index("was") + 1  # 16 code points; 19 UTF-16 code units
    assert region["endColumn"] == line.index("was") + 1 + len("was uw naam")
