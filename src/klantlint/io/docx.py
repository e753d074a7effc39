"""Word scripts (.docx): the paragraphs of the body and its tables as one text, each offset mapped to its run.

Paragraphs are separated by a blank line, so each is a segment of its own; a dialogue table (a row whose first
cell is a speaker such as "Agent" or "Klant") becomes an `Agent: ...` turn, as in a text script. Headers and
footers are not script text and are left out. Paragraph numbers count the non-empty paragraphs in reading order.
"""

from __future__ import annotations

import copy
import zipfile
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from klantlint.errors import InputError
from klantlint.findings import Finding
from klantlint.io.os_errors import describe_os_error
from klantlint.io.segments import role_of

try:
    import docx
    from docx.document import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.hyperlink import Hyperlink
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
except ImportError as error:  # pragma: no cover - depends on the installed extras
    raise InputError(
        f"Word-bestanden lezen vraagt een extra pakket ({error.name}); installeer klantlint[docx]"
    ) from None

PARAGRAPH_SEPARATOR = "\n\n"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Word format (.doc)
HEADING_STYLES = ("heading", "kop", "title", "titel")
# Run children that `Run.text` renders one to one and that can be split without losing anything.
SPLITTABLE = frozenset({qn("w:rPr"), qn("w:t"), qn("w:tab")})


@dataclass(frozen=True)
class RunSpan:
    """A run and where its text lies in the script text (end exclusive)."""

    start: int
    end: int
    run: Run


@dataclass
class DocxParagraph:
    number: int
    start: int  # where the paragraph's text starts in the script text
    text: str
    heading: str | None  # the heading the paragraph falls under
    paragraph: Paragraph

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def runs(self) -> list[RunSpan]:
        """The paragraph's runs (also those inside hyperlinks) with their offsets, read fresh from the XML."""
        spans = []
        position = self.start
        for run in _runs(self.paragraph):
            length = len(run.text)
            spans.append(RunSpan(position, position + length, run))
            position += length
        return spans


@dataclass
class DocxScript:
    path: str
    document: Document
    text: str
    paragraphs: list[DocxParagraph] = field(default_factory=list)

    def paragraph_at(self, offset: int) -> DocxParagraph | None:
        index = bisect_right([p.start for p in self.paragraphs], offset) - 1
        return self.paragraphs[index] if index >= 0 else None

    def runs_between(self, start: int, end: int) -> list[RunSpan]:
        """The runs holding text of `[start, end)`, in order (across paragraphs if the range is)."""
        return [
            span
            for paragraph in self.paragraphs
            if paragraph.start < end and paragraph.end > start
            for span in paragraph.runs()
            if span.start < end and span.end > start
        ]

    def located(self, findings: list[Finding]) -> list[Finding]:
        """Findings with `line` as the paragraph number, `column` within the paragraph, and the heading named."""
        located = []
        for finding in findings:
            paragraph = self.paragraph_at(finding.start)
            if paragraph is None:
                located.append(finding)
                continue
            message = finding.message
            if paragraph.heading:
                message = f"{message} (onder de kop '{paragraph.heading}')"
            column = max(finding.start - paragraph.start, 0) + 1
            located.append(finding.model_copy(update={"line": paragraph.number, "column": column, "message": message}))
        return located


def _runs(paragraph: Paragraph) -> Iterator[Run]:
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            yield from item.runs
        else:
            yield item


def _paragraph_text(paragraph: Paragraph) -> str:
    # A line break inside a paragraph becomes a space: one paragraph stays one line, offsets stay the same.
    return "".join(run.text for run in _runs(paragraph)).replace("\n", " ").replace("\r", " ")


def open_document(path: str) -> Document:
    """Open a .docx file; every problem is an InputError in Dutch naming the file and the reason."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: bestand bestaat niet")
    try:
        with file.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise InputError(f"{path}: kan niet worden gelezen: {describe_os_error(error, writing=False)}") from None
    if head == OLE2_MAGIC:
        raise InputError(f"{path}: oud binair Word-formaat (.doc); sla het in Word op als .docx (Word-document)")
    if not zipfile.is_zipfile(file):
        raise InputError(f"{path}: geen geldig Word-document (.docx): het bestand is beschadigd of geen .docx")
    try:
        return docx.Document(str(file))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        # python-docx and zipfile say what is missing in English ("There is no item named 'word/document.xml'"):
        # the detail stays, behind a Dutch reason.
        raise InputError(f"{path}: geen geldig Word-document (.docx): onvolledig of beschadigd ({error})") from None
    except Exception as error:  # lxml and python-docx raise many kinds for a damaged package
        raise InputError(
            f"{path}: Word-document kan niet worden gelezen: onvolledig of beschadigd ({type(error).__name__}: {error})"
        ) from None


class _Builder:
    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.paragraphs: list[DocxParagraph] = []
        self.heading: str | None = None

    def _append(self, text: str) -> int:
        if self.pieces:
            self.pieces.append(PARAGRAPH_SEPARATOR)
            self.length += len(PARAGRAPH_SEPARATOR)
        start = self.length
        self.pieces.append(text)
        self.length += len(text)
        return start

    def paragraph(self, paragraph: Paragraph, prefix: str = "", joined: bool = False) -> None:
        text = _paragraph_text(paragraph)
        if not text.strip():
            return
        if joined:  # a further paragraph of the same dialogue turn: one line down, same segment
            self.pieces.append("\n")
            self.length += 1
            start = self.length
            self.pieces.append(text)
            self.length += len(text)
        else:
            start = self._append(prefix + text) + len(prefix)
        self.paragraphs.append(DocxParagraph(len(self.paragraphs) + 1, start, text, self.heading, paragraph))
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if style.startswith(HEADING_STYLES):
            self.heading = text.strip()

    def table(self, table: Table) -> None:
        for row in table.rows:
            cells = []
            for cell in row.cells:  # a merged cell appears once per grid column it spans
                if not any(cell._tc is seen._tc for seen in cells):
                    cells.append(cell)
            label = cells[0].text.strip().rstrip(":").strip() if len(cells) >= 2 else ""
            if label and role_of(label) is not None:
                turn = [p for cell in cells[1:] for p in cell.paragraphs if _paragraph_text(p).strip()]
                for index, paragraph in enumerate(turn):
                    self.paragraph(paragraph, prefix=f"{label}: ", joined=index > 0)
                continue
            for cell in cells:
                self.blocks(cell.iter_inner_content())

    def blocks(self, blocks: Iterator[Paragraph | Table]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block)
            else:
                self.table(block)


def read_docx(path: str) -> DocxScript:
    return build_script(path, open_document(path))


def build_script(path: str, document: Document) -> DocxScript:
    """The script text of an open document (again after changing its runs)."""
    builder = _Builder()
    builder.blocks(document.iter_inner_content())
    return DocxScript(path, document, "".join(builder.pieces), builder.paragraphs)


def split_run(run: Run, at: int) -> Run | None:
    """Split `run` after `at` characters into two runs with the same formatting; the second is returned.
    None when the run holds more than text and tabs (a drawing, a field, a break), which is never split."""
    element = run._r
    if any(child.tag not in SPLITTABLE for child in element):
        return None
    text = run.text
    if not 0 < at < len(text):
        return None
    second = copy.deepcopy(element)
    element.addnext(second)
    run.text = text[:at]
    tail = Run(second, run._parent)
    tail.text = text[at:]
    return tail


def isolate(script: DocxScript, start: int, end: int) -> list[RunSpan]:
    """The runs covering exactly `[start, end)` where the runs can be split there, else the runs around it."""
    spans = script.runs_between(start, end)
    if not spans:
        return []
    first = spans[0]
    if first.start < start and split_run(first.run, start - first.start) is not None:
        spans = script.runs_between(start, end)
    last = spans[-1]
    if last.end > end and split_run(last.run, end - last.start) is not None:
        spans = script.runs_between(start, end)
    return spans
