"""The action plan as files: an editable Word document and a CSV, from the same rows the plan page shows."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .dates import format_date
from .export_files import to_csv
from .queries.plan import PlanRow

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HEADER = ("Action", "Section", "Responsible", "Due date", "Status", "Note")
# Relative widths of the Word table's columns: the action and the note need the room.
WIDTHS = (6.5, 3.5, 3.5, 2.5, 2.5, 6.0)


@dataclass(frozen=True)
class PlanFile:
    organisation: str
    submitted_on: date
    made_on: date
    summary: str  # "2 of 6 actions done, 1 overdue"
    rows: list[PlanRow]


def _status(row: PlanRow) -> str:
    if row.dropped_reason:
        return f"{row.status}: {row.dropped_reason}"
    return f"{row.status} (overdue)" if row.overdue else row.status


def plan_csv(plan: PlanFile) -> bytes:
    """One row per action. Dates are written 2027-03-27 so spreadsheets sort them; every cell is formula-safe."""
    header = ("Action", "Section", "Responsible", "Due date", "Status", "Why dropped", "Note")
    rows = [
        (row.text, row.section, row.owner, row.due_on.isoformat() if row.due_on else "", row.status,
         row.dropped_reason, row.note)
        for row in plan.rows
    ]  # fmt: skip
    return to_csv(header, rows)


def _repeat_as_header(row) -> None:
    """Mark a table row as its header: Word repeats it on each page and screen readers announce it."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def plan_docx(plan: PlanFile) -> bytes:
    """A landscape Word document: a heading, what the plan covers, and a table to keep editing."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.core_properties.title = f"Action plan: {plan.organisation}"
    document.core_properties.language = "en-GB"
    document.styles["Normal"].font.size = Pt(11)

    document.add_heading(f"Action plan: {plan.organisation}", level=1)
    document.add_paragraph(
        f"From the inclusion health self-audit submitted on {format_date(plan.submitted_on)}. "
        f"Downloaded on {format_date(plan.made_on)}: {plan.summary}."
    )
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_as_header(table.rows[0])
    for row in plan.rows:
        cells = table.add_row().cells
        values = (row.text, row.section, row.owner, row.due, _status(row), row.note)
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    for column, width in zip(table.columns, WIDTHS, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)
    document.add_paragraph(
        "You can change this document as you like. Changes here are not saved to the service: update the plan "
        "online too, so reminders and your next audit use it. Do not write anything about the people you support."
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
