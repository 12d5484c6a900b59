"""Downloads: columns, filters, scope, formula safety and the access log."""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy import select

from inclusion_audit.export_files import defuse
from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, Organisation
from tests.conftest import get_page

from .fixture import build
from .helpers import fits, read_csv, read_xlsx, sign_in_staff

HEADER = [
    "Organisation ID",
    "Organisation name",
    "Organisation type",
    "Size",
    "Area",
    "Groups served",
    "Started",
    "Submitted",
    "Content version",
    "Commitment and leadership (%)",
    "Commitment and leadership (stage)",
    "Knowing your communities (%)",
    "Knowing your communities (stage)",
    "Staff, volunteers and lived experience (%)",
    "Staff, volunteers and lived experience (stage)",
    "Accessible, joined-up support (%)",
    "Accessible, joined-up support (stage)",
    "Voice, learning and impact (%)",
    "Voice, learning and impact (stage)",
    "Overall (%)",
    "Overall (stage)",
]


@pytest.fixture
def ids(app):
    return build(app)


@pytest.fixture
def coordinator(accounts, ids):
    return sign_in_staff(accounts)


def test_audits_csv_has_one_row_per_audit_of_sharing_organisations(coordinator, ids):
    rows = read_csv(coordinator.get("/coordinator/export/audits.csv"))
    assert rows[0] == HEADER
    names = sorted(row[1] for row in rows[1:])
    # Corby Alpha has two submitted audits.
    assert names == sorted(
        ["Corby Alpha Trust"] * 2
        + ["Corby Charlie Trust", "Corby Foxtrot Trust", "Kettering Kilo Trust", "Daventry Oscar Trust"]
    )
    kilo = next(row for row in rows if row[1] == "Kettering Kilo Trust")
    assert kilo[0] == str(ids["Kettering Kilo Trust"])
    assert kilo[2:6] == [
        "Registered charity",
        "Fewer than 10 paid staff",
        "West Northamptonshire",
        "People in contact with the justice system",
    ]
    assert kilo[9:11] == ["30", "Emerging"]
    assert kilo[19:] == ["30", "Emerging"]


def test_audits_export_respects_filters_and_the_coordinators_area(app, accounts, ids):
    client = sign_in_staff(accounts)
    assert len(read_csv(client.get("/coordinator/export/audits.csv?area=north_northamptonshire"))) == 1 + 4
    assert len(read_csv(client.get("/coordinator/export/audits.csv?area=north_northamptonshire&org_type=cic"))) == 1 + 1
    accounts.sign_out()
    corby = sign_in_staff(accounts, "corby@example.org", area="north_northamptonshire")
    # Even asking for every area, a Corby coordinator only gets Corby's rows.
    rows = read_csv(corby.get("/coordinator/export/audits.csv?area=all"))
    assert {row[4] for row in rows[1:]} == {"North Northamptonshire"}


def test_audits_xlsx_matches_the_csv(coordinator):
    csv_rows = read_csv(coordinator.get("/coordinator/export/audits.csv"))
    sheets = read_xlsx(coordinator.get("/coordinator/export/audits.xlsx"))
    assert list(sheets) == ["Audits", "About this data"]
    assert sheets["Audits"][0] == HEADER
    percents = {index for index, heading in enumerate(HEADER) if heading.endswith("(%)")}

    def as_csv(index, cell):
        # The spreadsheet holds dates and fractions formatted as percentages; the CSV their ISO and whole forms.
        if cell is None:
            return ""
        if isinstance(cell, datetime.datetime):
            return cell.date().isoformat()
        return str(round(cell * 100)) if index in percents else str(cell)

    as_text = [[as_csv(index, cell) for index, cell in enumerate(row)] for row in sheets["Audits"][1:]]
    assert as_text == csv_rows[1:]


def test_summary_downloads_show_the_dashboards_figures(coordinator):
    """The same selection gives the same figures on the page, in the CSV and in the Excel file."""
    query = "?area=north_northamptonshire"
    rows = read_csv(coordinator.get(f"/coordinator/export/summary.csv{query}"))
    page = get_page(coordinator, f"/coordinator/{query}")
    table = next(t for t in page.soup.select("table") if t.caption.get_text().strip().startswith("Spread of scores"))
    on_page = [[" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])] for row in table.tbody("tr")]
    assert rows[0] == ["Section", "Organisations", "0 to 19%", "20 to 39%", "40 to 59%", "60 to 79%", "80 to 100%",
                       "Middle band"]  # fmt: skip
    assert rows[1:] == on_page
    assert fits(rows[1][1], 6)  # Corby: six organisations with a score
    sheets = read_xlsx(coordinator.get(f"/coordinator/export/summary.xlsx{query}"))
    assert [[str(cell) for cell in row] for row in sheets["Spread of scores"]] == rows
    text = " ".join(str(cell) for sheet in sheets.values() for row in sheet for cell in row if cell is not None)
    text = text.lower().replace("there are no medians or quartiles", "")  # the About sheet says so
    assert "median" not in text and "quartile" not in text


def test_unknown_formats_are_not_found(coordinator):
    assert coordinator.get("/coordinator/export/audits.pdf").status_code == 404
    assert coordinator.get("/coordinator/export/summary.json").status_code == 404


def test_cells_that_look_like_formulas_are_defused(app, coordinator, ids):
    with app.app_context():
        organisation = db.session.get(Organisation, ids["Corby Alpha Trust"])
        organisation.name = '=HYPERLINK("http://evil.example","click")'
        db.session.commit()
    rows = read_csv(coordinator.get("/coordinator/export/audits.csv?area=north_northamptonshire"))
    assert '\'=HYPERLINK("http://evil.example","click")' in [row[1] for row in rows]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    sheet = read_xlsx(coordinator.get("/coordinator/export/audits.xlsx?area=north_northamptonshire"))["Audits"]
    assert all(not str(cell).startswith("=") for row in sheet for cell in row if cell is not None)
    assert [defuse(v) for v in ("+1", "-1", "@x", "ok", 5)] == ["'+1", "'-1", "'@x", "ok", 5]


def test_every_download_is_logged_and_admins_can_read_the_log(app, accounts, coordinator):
    coordinator.get("/coordinator/export/audits.csv?area=north_northamptonshire")
    coordinator.get("/coordinator/export/summary.xlsx")
    with app.app_context():
        entries = db.session.execute(select(AccessLog.user_email, AccessLog.action, AccessLog.detail)).all()
    assert [(e.user_email, e.action) for e in entries] == [
        ("coordinator@example.org", "export_audits_csv"),
        ("coordinator@example.org", "export_summary_xlsx"),
    ]
    assert entries[0].detail == "All time, North Northamptonshire; 4 rows"
    assert coordinator.get("/coordinator/access-log").status_code == 403
    accounts.sign_out()
    admin = sign_in_staff(accounts, "admin@example.org", role="admin")
    page = get_page(admin, "/coordinator/access-log")
    assert page.h1() == "Access log"
    cells = [" ".join(td.get_text().split()) for td in page.soup.select("tbody td")]
    assert "Downloaded shared results (CSV)" in cells and "Downloaded summary (Excel)" in cells
    assert get_page(admin, "/coordinator/access-log?page=2", status=404)
    assert admin.get("/coordinator/access-log?page=x").status_code == 404


def test_an_area_coordinators_export_is_logged_with_the_area_it_really_covered(app, accounts, ids):
    from inclusion_audit.content_store import get_content

    with app.app_context():
        area, label = next(iter(get_content().config.profile.areas.items()))
    client = sign_in_staff(accounts, "area.lead@example.org", area=area)
    assert client.get("/coordinator/export/audits.csv?area=all").status_code == 200
    with app.app_context():
        detail = db.session.scalar(select(AccessLog.detail).order_by(AccessLog.id.desc()))
    assert label in detail and "All areas" not in detail
