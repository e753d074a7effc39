"""Word scripts: reading paragraphs and runs, Word comments on findings, safe rewrites into a copy."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

from klantlint import Linter  # noqa: E402
from klantlint.engine.docx_fixing import fix_docx  # noqa: E402
from klantlint.io.docx import read_docx  # noqa: E402
from klantlint.report.docx_comments import annotate_file  # noqa: E402
from tests.cli_helpers import run_cli  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


def _script(path: Path) -> Path:
    """A script with formatting split over runs, a heading, a dialogue table, a header and a colleague's comment."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Nee, dat doen we niet."  # not script text
    document.add_heading("Opening", 1)
    first = document.add_paragraph("Agent: Goedemorgen. ")
    bold = first.add_run("Wat was uw ")
    bold.bold = True
    first.add_run("naam ook alweer?")
    noted = document.add_paragraph("Agent: Ik kijk het graag voor u na.")
    document.add_comment(noted.runs, text="Mooi zo.", author="Collega", initials="CO")
    document.add_heading("Afronden", 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Klant"
    table.cell(0, 1).text = "Nee, dat doen we niet."  # a customer turn: context, not linted
    table.cell(1, 0).text = "Agent"
    table.cell(1, 1).text = "Nee, dat doen we niet."
    document.save(str(path))
    return path


def _anchors(document) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """The text each comment is anchored to, by comment id, from the range markers in the body."""
    active: set[int] = set()
    anchors: dict[int, str] = {}
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            active.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            active.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for comment_id in active:
                anchors[comment_id] = anchors.get(comment_id, "") + (element.text or "")
    return anchors


def test_offsets_map_to_the_runs_that_hold_the_text(tmp_path: Path):
    script = read_docx(str(_script(tmp_path / "script.docx")))
    for paragraph in script.paragraphs:
        assert script.text[paragraph.start : paragraph.end] == paragraph.text
        assert "".join(span.run.text for span in paragraph.runs()) == paragraph.text
    start = script.text.index("was uw naam")
    spans = script.runs_between(start, start + len("was uw naam"))
    assert [span.run.text for span in spans] == ["Wat was uw ", "naam ook alweer?"]
    assert spans[0].run.bold and not spans[1].run.bold


def test_check_reads_body_and_dialogue_table_not_the_header(tmp_path: Path, linter: Linter):
    script = read_docx(str(_script(tmp_path / "script.docx")))
    assert "Klant: Nee, dat doen we niet.\n\nAgent: Nee, dat doen we niet." in script.text
    assert "Nee" not in script.text.split("Klant:")[0]  # the header's text is not there
    findings = script.located(linter.check(script.text))
    kl001 = next(f for f in findings if f.code == "KL001")
    assert (kl001.line, kl001.text) == (2, "was uw naam")  # paragraph 2, after the heading
    assert "onder de kop 'Opening'" in kl001.message
    blunt = [f for f in findings if f.code == "KL003"]
    assert len(blunt) == 1  # the agent's row; the customer's row is context
    assert blunt[0].line == 6 and "onder de kop 'Afronden'" in blunt[0].message


def test_annotate_puts_a_comment_on_each_findings_exact_text(tmp_path: Path, linter: Linter):
    source = _script(tmp_path / "script.docx")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    output = tmp_path / "script.nagekeken.docx"
    findings, added = annotate_file(linter, str(source), output)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the original is never changed
    reopened = docx.Document(str(output))
    ours = [c for c in reopened.comments if c.author == "klantlint"]
    assert added == len(ours) == len(findings) > 0
    anchors = _anchors(reopened)
    by_code = {}
    for comment in ours:
        code = comment.text.split()[0]
        by_code[code] = (anchors[comment.comment_id], comment.text)
    assert by_code["KL001"][0] == "was uw naam"
    assert "Veilig voorstel: is" in by_code["KL001"][1]
    assert by_code["KL003"][0] == "Nee"
    assert "bot" in by_code["KL003"][1]
    for finding in findings:
        anchor, text = by_code[finding.code]
        assert anchor == finding.text and finding.code in text
    colleague = [c for c in reopened.comments if c.author == "Collega"]
    assert [c.text for c in colleague] == ["Mooi zo."]
    assert anchors[colleague[0].comment_id] == "Agent: Ik kijk het graag voor u na."
    # Splitting runs for the anchors kept the formatting: the bold text is still bold, the rest is not.
    paragraph = reopened.paragraphs[1]
    assert paragraph.text == "Agent: Goedemorgen. Wat was uw naam ook alweer?"
    assert "".join(r.text for r in paragraph.runs if r.bold) == "Wat was uw "


def test_fix_writes_a_copy_and_keeps_formatting_of_untouched_runs(tmp_path: Path, linter: Linter):
    source = _script(tmp_path / "script.docx")
    before = source.read_bytes()
    output = tmp_path / "script.herschreven.docx"
    applied, remaining = fix_docx(linter, str(source), output)
    assert source.read_bytes() == before
    assert {f.code for f in applied} == {"KL001", "KL003"}
    fixed = docx.Document(str(output))
    paragraph = fixed.paragraphs[1]
    assert paragraph.text == "Agent: Goedemorgen. Wat is uw naam ook alweer?"
    assert "".join(r.text for r in paragraph.runs if r.bold) == "Wat is uw "
    assert [r.text for r in paragraph.runs if not r.bold and r.text][-1] == "naam ook alweer?"
    assert fixed.tables[0].cell(1, 1).text == "Dat doen we niet."
    assert fixed.tables[0].cell(0, 1).text == "Nee, dat doen we niet."  # the customer's words stay
    assert [c.text for c in fixed.comments] == ["Mooi zo."]
    assert not any(f.code in ("KL001", "KL003") for f in remaining)


def test_cli_check_and_annotate_on_docx(tmp_path: Path):
    folder = tmp_path / "scripts"
    folder.mkdir()
    _script(folder / "script.docx")
    (folder / "kapot.docx").write_bytes(b"PK\x03\x04 dit is geen zip")
    (folder / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    checked = run_cli("check", "scripts/script.docx", "scripts/kapot.docx", "scripts/oud.doc", cwd=tmp_path)
    assert checked.returncode == 2, checked.stderr
    assert "scripts/script.docx:2:" in checked.stdout and "KL001" in checked.stdout
    assert "scripts/kapot.docx: geen geldig Word-document (.docx)" in checked.stderr
    assert "scripts/oud.doc: oud binair Word-formaat (.doc); sla het in Word op als .docx" in checked.stderr
    assert "Traceback" not in checked.stderr
    annotated = run_cli("annotate", "scripts/script.docx", "-o", "scripts/script.docx", cwd=tmp_path)
    assert annotated.returncode == 2 and "wordt nooit overschreven" in annotated.stderr


def test_folder_check_finds_docx(tmp_path: Path):
    _script(tmp_path / "script.docx")
    (tmp_path / "klantlint.toml").write_text("extend-select = ['KL003']\n", encoding="utf-8")  # KL003 is opt-in
    checked = run_cli("check", ".", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "script.docx:6:1: KL003" in checked.stdout


def test_pre_commit_hook_runs_on_docx():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert re.search(hooks["klantlint"]["files"], "scripts/welkom.docx")
    assert re.search(hooks["klantlint"]["files"], "scripts/welkom.md")
