"""Writing tables to CSV and XLSX, safely: no cell can become a formula in a spreadsheet.

Cells are typed in Python: a number stays a number, a `Percent` is a percentage and a date a date, so a
spreadsheet can sort, filter and add them up. Text stays text, including a figure withheld as words
("fewer than 5"). Every worksheet gets a bold header row that stays in view, a filter on it, and column
widths that fit what is in them.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True)
class Percent:
    """A whole-number percentage such as 45. CSV writes the number (its column's header says '%');
    XLSX stores 0.45 formatted as a percentage, so it sorts and averages as a number."""

    value: int | float


Cell = str | int | float | datetime.date | Percent | None
# Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERCENT_FORMAT = "0%"
DATE_FORMAT = "d mmm yyyy"  # 24 Nov 2026, the same whatever the reader's locale
WHOLE_NUMBER_FORMAT = "0"
MIN_WIDTH, MAX_WIDTH = 8, 60  # characters; longer text wraps inside its column


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def defuse(value: Cell) -> Cell:
    """Text that starts like a formula gets a leading apostrophe, so it is shown, not run. Numbers pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_text(value: Cell) -> str | int | float | None:
    """A cell as CSV writes it: dates as 2026-11-24, percentages as their number."""
    if isinstance(value, Percent):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([defuse(cell) for cell in header])
    writer.writerows([defuse(as_text(cell)) for cell in row] for row in rows)
    # A byte-order mark so Excel opens UTF-8 (names with accents, en dashes) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _write(sheet: Worksheet, row: int, column: int, value: Cell) -> int:
    """Writes one cell with its type and format; returns roughly how many characters it shows."""
    target = sheet.cell(row=row, column=column)
    if isinstance(value, Percent):
        target.value = value.value / 100
        target.number_format = PERCENT_FORMAT
        return len(f"{value.value}%")
    if isinstance(value, datetime.date):
        target.value = value
        target.number_format = DATE_FORMAT
        return 11
    if isinstance(value, int | float):
        target.value = value
        if isinstance(value, int):
            target.number_format = WHOLE_NUMBER_FORMAT
        return len(str(value))
    if value is None:
        return 0
    target.value = defuse(value)
    target.data_type = TYPE_STRING  # openpyxl would otherwise store "=..." as a formula
    return max(len(line) for line in str(value).splitlines() or [""])


def _add(workbook: Workbook, data: Sheet) -> None:
    sheet = workbook.create_sheet(title=data.title[:31])
    widths = [0] * len(data.header)
    for column, heading in enumerate(data.header, start=1):
        widths[column - 1] = _write(sheet, 1, column, heading)
        sheet.cell(row=1, column=column).font = Font(bold=True)
    for row_number, values in enumerate(data.rows, start=2):
        for column, value in enumerate(values, start=1):
            shown = _write(sheet, row_number, column, value)
            widths[column - 1] = max(widths[column - 1], shown)
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        if width + 2 > MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_col=column, max_col=column):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(data.header))}{len(data.rows) + 1}"


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """One worksheet per `Sheet`. Text cells are always stored as text, never as formulas."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for data in sheets:
        _add(workbook, data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
