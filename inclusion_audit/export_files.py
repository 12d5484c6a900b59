"""Writing tables to CSV and XLSX, safely: no cell can become a formula in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

Cell = str | int | float | None
# Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def defuse(value: Cell) -> Cell:
    """Text that starts like a formula gets a leading apostrophe, so it is shown, not run. Numbers pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([defuse(cell) for cell in header])
    writer.writerows([defuse(cell) for cell in row] for row in rows)
    # A byte-order mark so Excel opens UTF-8 (names with accents, en dashes) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Cell]]]]) -> bytes:
    """One worksheet per (title, header, rows). Text cells are always stored as text, never as formulas."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        for values in [header, *rows]:
            sheet.append([defuse(value) for value in values])
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # openpyxl would otherwise store "=..." as a formula
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
