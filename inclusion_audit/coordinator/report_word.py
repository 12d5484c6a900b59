"""The board report as a Word document (python-docx), for pasting into a board paper: the same headings, numbered
figures and tables, and source lines as the PDF (`report_data`). Each figure is given as a table of its numbers,
with the same number and title as the PDF's chart. Real heading styles, header rows marked as such, and the
document's language set to British English, as in the organisations' Word guide.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ..charts import Palette
from .report_data import BoardReport, Heading, SpreadFigure, TableItem, Text, TrendFigure
from .report_pdf import LEAD, SERVICE

LANGUAGE = "en-GB"
SECONDARY_COLOUR = RGBColor.from_string(Palette.SECONDARY_TEXT.removeprefix("#"))


def render_report_docx(report: BoardReport) -> bytes:
    doc = Document()
    _properties(doc, report)
    doc.add_paragraph(SERVICE)
    doc.add_heading("Report for boards and partners", 0)
    _small(doc, f"Made on {report.made_on_text}")
    _small(doc, f"Filters: {report.filters}")
    doc.add_paragraph(LEAD)
    for item in report.items:
        if isinstance(item, Heading):
            doc.add_heading(item.text, item.level)
        elif isinstance(item, Text):
            doc.add_paragraph(item.text)
        elif isinstance(item, TableItem):
            _captioned(doc, item.caption, item.header, item.rows, item.source)
        elif isinstance(item, SpreadFigure | TrendFigure):
            header, rows = item.table()
            _captioned(doc, item.caption, header, rows, item.source)
            if isinstance(item, SpreadFigure):
                _small(doc, f"Middle band: {item.row.middle}.")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _properties(doc: DocxDocument, report: BoardReport) -> None:
    core = doc.core_properties
    core.title = f"{SERVICE}: report, {report.filters}"
    core.subject = f"Filters: {report.filters}"
    core.author = core.last_modified_by = SERVICE
    core.comments = f"Made on {report.made_on_text}"
    core.created = core.modified = datetime.datetime.combine(report.made_on, datetime.time(), tzinfo=datetime.UTC)
    core.language = LANGUAGE
    core.revision = 1
    for style in ("Normal", "Title", *(f"Heading {level}" for level in range(1, 4))):
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), LANGUAGE)
        doc.styles[style].element.get_or_add_rPr().append(language)


def _captioned(doc: DocxDocument, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], source: str):
    doc.add_heading(caption, 2)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    marker = OxmlElement("w:tblHeader")  # the header row repeats on each page and is read out as headers
    marker.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(marker)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    _small(doc, source)


def _small(doc: DocxDocument, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.font.size = Pt(9)
    run.font.color.rgb = SECONDARY_COLOUR
