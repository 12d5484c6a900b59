"""The Excel downloads as a person using them would notice: numbers that add up, percentages and dates a
spreadsheet understands, every sheet with a visible filtered header row and readable columns, and an
"About this data" sheet that says what the figures mean and how they are protected."""

from __future__ import annotations

import datetime
import io

import pytest
from openpyxl import load_workbook

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.explanation import ABOUT_FIGURES, EXPLANATION
from inclusion_audit.export_files import DATE_FORMAT, PERCENT_FORMAT, Percent, Sheet, to_xlsx
from tests.conftest import get_page

from .fixture import build
from .helpers import read_csv, sign_in_staff


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def open_workbook(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.data))


def column(sheet, heading: str) -> list:
    """The cells under a heading in the first row."""
    index = [cell.value for cell in sheet[1]].index(heading)
    return [row[index] for row in sheet.iter_rows(min_row=2)]


def assert_usable(sheet) -> None:
    """Header row frozen, bold and filtered over every row and column; every column given a width."""
    assert sheet.freeze_panes == "A2", sheet.title
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}", sheet.title
    assert all(cell.font.bold for cell in sheet[1]), sheet.title
    for cells in sheet.iter_cols(max_row=1):
        width = sheet.column_dimensions[cells[0].column_letter].width
        assert 8 <= width <= 60, (sheet.title, cells[0].value, width)


def about(workbook) -> dict:
    return {row[0]: row[1] for row in workbook["About this data"].iter_rows(min_row=2, values_only=True)}


def test_summary_figures_are_numbers_percentages_and_words(coordinator):
    workbook = open_workbook(coordinator.get("/coordinator/export/summary.xlsx"))
    assert workbook.sheetnames == ["Spread of scores", "Trends", "Needs", "Gaps", "About this data"]
    for sheet in workbook.worksheets:
        assert_usable(sheet)
    spread = workbook["Spread of scores"]
    csv_row = read_csv(coordinator.get("/coordinator/export/summary.csv"))[1]
    # The same figures as the CSV and the dashboard: 16 organisations (changed by up to 2), bands, a middle band.
    first = [cell.value for cell in spread[2]]
    assert first[0] == csv_row[0] == "Commitment and leadership"
    assert isinstance(first[1], int) and abs(first[1] - 16) <= 2 and spread["B2"].data_type == "n"
    assert [str(value) for value in first[1:]] == csv_row[1:]
    assert all(isinstance(value, int) or value == "fewer than 5" for value in first[1:7])
    assert isinstance(first[5], int)  # 9 organisations in 60 to 79%: always shown, as a number
    assert first[7] in ("40 to 59%", "60 to 79%") and spread["H2"].data_type == "s"  # a band, not a percentage
    trends = workbook["Trends"]
    shares = [cell for row in trends.iter_rows(min_row=2, min_col=3) for cell in row]
    assert shares and all(
        (isinstance(cell.value, float) and cell.number_format == PERCENT_FORMAT) or cell.value == "fewer than 10"
        for cell in shares
    )
    assert any(isinstance(cell.value, float) for cell in shares)
    assert all(isinstance(cell.value, int) or cell.value == "fewer than 5" for cell in column(trends, "Organisations"))
    gaps = workbook["Gaps"]
    counts = column(gaps, "Not started") + column(gaps, "Not sure")
    assert counts and all(isinstance(cell.value, int) or cell.value == "fewer than 5" for cell in counts)
    # Long question text wraps inside a column of readable width rather than one very wide column. Which
    # questions are listed depends on the changed counts, so whether any is long enough to wrap does too.
    questions = [cell for (cell,) in gaps.iter_rows(min_row=2, min_col=1, max_col=1)]
    longest = max(len(str(cell.value)) for cell in questions)
    width = gaps.column_dimensions["A"].width
    assert width <= 60
    if longest + 2 > 60:
        assert width == 60 and all(cell.alignment.wrap_text for cell in questions)
    else:
        assert width >= longest


def test_about_this_data_carries_the_dashboards_explanation_the_filters_and_the_date(coordinator):
    workbook = open_workbook(coordinator.get("/coordinator/export/summary.xlsx?area=north_northamptonshire"))
    page = get_page(coordinator, "/coordinator/")
    explanation = [" ".join(p.get_text().split()) for p in page.soup.select("#about-figures p")][: len(EXPLANATION)]
    terms = about(workbook)
    assert [terms[heading] for heading, _ in ABOUT_FIGURES] == explanation == list(EXPLANATION)
    assert terms["Filters"] == "All time, North Northamptonshire"
    assert terms["Downloaded"].date() == datetime.date.today()
    assert workbook["About this data"]["B2"].number_format == DATE_FORMAT
    # Every column of the figures sheets is explained.
    assert {"Section", "Middle band", "60% or more (Trends)", "Guidance topics", "Core20PLUS5"} <= set(terms)


def test_shared_results_have_dates_percentages_and_an_about_sheet(coordinator):
    workbook = open_workbook(coordinator.get("/coordinator/export/audits.xlsx"))
    assert workbook.sheetnames == ["Audits", "About this data"]
    for sheet in workbook.worksheets:
        assert_usable(sheet)
    audits = workbook["Audits"]
    csv_rows = read_csv(coordinator.get("/coordinator/export/audits.csv"))
    names = [cell.value for cell in column(audits, "Organisation name")]
    kilo = csv_rows[[row[1] for row in csv_rows].index("Kettering Kilo Trust")]
    row = names.index("Kettering Kilo Trust") + 2
    submitted = audits.cell(row, 8)
    assert isinstance(submitted.value, datetime.datetime) and submitted.number_format == DATE_FORMAT
    assert submitted.value.date().isoformat() == kilo[7]  # the CSV keeps ISO dates
    overall = audits.cell(row, audits.max_column - 1)
    assert overall.value == 0.3 and overall.number_format == PERCENT_FORMAT and kilo[19] == "30"
    assert isinstance(audits.cell(row, 1).value, int)
    assert "share their results with coordinators by name" in about(workbook)["Who is included"]


def test_text_that_looks_like_a_formula_stays_text_in_a_typed_sheet():
    body = to_xlsx([Sheet("Check", ["Name", "Score"], [['=HYPERLINK("x")', Percent(12)], ["", None]])])
    sheet = load_workbook(io.BytesIO(body))["Check"]
    assert sheet["A2"].value == '\'=HYPERLINK("x")' and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 0.12 and sheet["B3"].value is None


def test_the_csv_summary_still_has_a_byte_order_mark_and_the_shown_words(coordinator):
    response = coordinator.get("/coordinator/export/summary.csv")
    assert response.data.startswith("\ufeff".encode())
    assert read_csv(response)[1][2] == "fewer than 5"


def test_the_needs_sheet_has_ranks_counts_and_percentages(app, coordinator):
    workbook = open_workbook(coordinator.get("/coordinator/export/summary.xlsx"))
    needs = workbook["Needs"]
    assert_usable(needs)
    rows = list(needs.iter_rows(min_row=2))
    with app.app_context():
        assert len(rows) == len(get_content().config.training_topics)
    # Six organisations need the leadership topic: the one ranked row, with a number and a percentage.
    first = rows[0]
    assert first[0].value == 1 and first[1].value == "Leading and planning for inclusion health"
    assert isinstance(first[2].value, int) and first[2].data_type == "n" and abs(first[2].value - 6) <= 2
    assert isinstance(first[3].value, float) and first[3].number_format == PERCENT_FORMAT
    for row in rows[1:]:
        assert row[0].value == "not ranked" and row[2].value == "fewer than 5" and row[3].value == "not shown"
    assert all(isinstance(c.value, int) or c.value == "fewer than 5" for c in column(needs, "Not sure"))
    assert "Rank (Needs)" in about(workbook)
