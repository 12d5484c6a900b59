"""The board report: the dashboard's filtered view as a PDF and a Word document, with the date and the filters it
was made with, numbered figures and tables with sources, the same figures as the dashboard, and logged."""

from __future__ import annotations

import io
import re
import subprocess  # nosec B404 (pdftotext, on a file this test wrote)

import docx
import pytest
from sqlalchemy import select

from inclusion_audit.dates import format_date
from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, utcnow
from tests.conftest import get_page

from .fixture import SPECS, build
from .helpers import is_safe_count, sign_in_staff

FILTERS = "?period=12m&size_band=under_10"
CAPTION = re.compile(r"^(Figure|Table) (\d+): (.+)$")


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)  # nosec B603 B607
    return result.stdout.decode()


def captions(lines) -> list[tuple[str, int, str]]:
    found = []
    for line in lines:
        match = CAPTION.match(" ".join(line.split()))
        if match:
            found.append((match[1], int(match[2]), match[3]))
    return found


def dashboard_words(coordinator) -> tuple[str, dict[str, str]]:
    page = get_page(coordinator, f"/coordinator/{FILTERS}")
    showing = next(p.get_text() for p in page.soup.select("p.govuk-body") if p.get_text().startswith("Showing: "))
    keys = [" ".join(k.get_text().split()) for k in page.soup.select(".govuk-summary-list__key")]
    values = [" ".join(v.get_text().split()) for v in page.soup.select(".govuk-summary-list__value")]
    return showing.removeprefix("Showing: ").rstrip("."), dict(zip(keys, values, strict=True))


def test_the_pdf_carries_its_filters_date_numbered_figures_and_sources(coordinator, tmp_path):
    filters, headline = dashboard_words(coordinator)
    assert filters.startswith("Last 12 months") and filters.endswith("All areas, Fewer than 10 paid staff"), filters
    response = coordinator.get(f"/coordinator/report.pdf{FILTERS}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="inclusion-audit-report-')
    text = pdf_text(response.data, tmp_path)
    flat = " ".join(text.split())
    today = format_date(utcnow().date())
    assert f"Made on {today}" in flat and f"Filters: {filters}" in flat
    found = captions(text.splitlines())
    figures = [number for kind, number, _ in found if kind == "Figure"]
    tables = [number for kind, number, _ in found if kind == "Table"]
    assert figures == list(range(1, len(figures) + 1)) and len(figures) >= 1
    assert tables == list(range(1, 6))
    assert ("Table", 1, "Headline figures") in found and ("Table", 4, "Training needs by topic") in found
    assert (
        flat.count(f"Source: Inclusion health self-audits, verified organisations, {filters}, {today}.")
        >= len(found) - 1
    )  # the pipeline's source says the period does not apply
    for part in ("1. Headline figures", "3. Trends", "5. Pipeline", "6. About these figures", "Small numbers"):
        assert part in flat
    # No organisation is named anywhere in it.
    assert not [spec.name for spec in SPECS if spec.name in flat]
    # Its headline figures are the dashboard's, for the same filters.
    for label, value in headline.items():
        if label.startswith(("Organisations", "Audits")):
            assert re.search(rf"{re.escape(label)}\s+{re.escape(value)}\b", text), (label, value)


def test_the_word_document_has_the_same_figures_and_tables(coordinator, tmp_path):
    filters, headline = dashboard_words(coordinator)
    pdf_captions = captions(pdf_text(coordinator.get(f"/coordinator/report.pdf{FILTERS}").data, tmp_path).splitlines())
    response = coordinator.get(f"/coordinator/report.docx{FILTERS}")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.data))
    paragraphs = [p.text for p in document.paragraphs]
    assert f"Filters: {filters}" in paragraphs
    assert f"Made on {format_date(utcnow().date())}" in paragraphs
    assert captions(paragraphs) == pdf_captions
    assert document.core_properties.subject == f"Filters: {filters}"
    # Table 1 is the headline figures, each a safe count and the dashboard's.
    first = document.tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in first.rows[1:]}
    assert all(is_safe_count(value) for value in rows.values())
    assert {label: headline[label] for label in rows} == rows
    # Headings are real heading styles: the numbered headings, then captions below them.
    styles = {p.style.name for p in document.paragraphs if CAPTION.match(p.text)}
    assert styles == {"Heading 2"}


def test_each_report_is_logged_with_its_filters(app, coordinator):
    filters, _ = dashboard_words(coordinator)
    coordinator.get(f"/coordinator/report.pdf{FILTERS}")
    coordinator.get(f"/coordinator/report.docx{FILTERS}")
    assert coordinator.get("/coordinator/report.txt").status_code == 404
    with app.app_context():
        logged = db.session.execute(
            select(AccessLog.action, AccessLog.detail).where(AccessLog.action.like("export_report%"))
        ).all()
    assert logged == [("export_report_pdf", filters), ("export_report_docx", filters)]


def test_the_dashboard_offers_the_report_with_its_filters(coordinator):
    page = get_page(coordinator, f"/coordinator/{FILTERS}")
    links = {a.get_text(): a["href"] for a in page.soup.select("a[download]")}
    pdf = links["Download a report of this view for a board paper (PDF)"]
    assert pdf.startswith("/coordinator/report.pdf?") and "size_band=under_10" in pdf and "period=12m" in pdf
    assert links["Download a report of this view for a board paper (Word)"].startswith("/coordinator/report.docx?")


def test_the_reports_pipeline_and_needs_are_the_pages_figures(coordinator):
    document = docx.Document(io.BytesIO(coordinator.get(f"/coordinator/report.docx{FILTERS}").data))
    captioned = [p.text for p in document.paragraphs if CAPTION.match(p.text)]
    tables = dict(zip(captioned, document.tables, strict=True))  # each caption is followed by its table
    pipeline = {row.cells[0].text: row.cells[1].text for row in tables["Table 5: Where organisations are"].rows[1:]}
    page = get_page(coordinator, f"/coordinator/pipeline{FILTERS}")
    keys = [" ".join(k.get_text().split()) for k in page.soup.select(".govuk-summary-list__key")]
    values = [" ".join(v.get_text().split()) for v in page.soup.select(".govuk-summary-list__value")]
    assert pipeline == dict(zip(keys, values, strict=True))
    needs = tables["Table 4: Training needs by topic"]
    assert [cell.text for cell in needs.rows[0].cells][:3] == ["Rank", "Training topic", "Organisations that need it"]
    assert all(is_safe_count(row.cells[2].text) for row in needs.rows[1:])
