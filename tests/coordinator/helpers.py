"""Helpers for coordinator tests: staff accounts with an area, and checks on shown counts."""

from __future__ import annotations

import csv
import io
import re

from openpyxl import load_workbook

from inclusion_audit.extensions import db
from inclusion_audit.models import User


def sign_in_staff(accounts, email: str = "coordinator@example.org", role: str = "coordinator", area: str | None = None):
    user_id = accounts.staff(email, role)
    if area:
        with accounts.app.app_context():
            db.session.get(User, user_id).area = area
            db.session.commit()
    accounts.sign_in(email)
    return accounts.client


def is_safe_count(text: str) -> bool:
    """A shown count is either 'fewer than 5' or a number of 5 or more: never 0 to 4."""
    text = " ".join(text.split())
    return text == "fewer than 5" or (text.isdigit() and int(text) >= 5)


def fits(text: str, true: int) -> bool:
    """Whether a shown count can come from this true count: perturbation moves a count by at most 2 (never 0,
    never below 1), then anything under 5 reads "fewer than 5"."""
    text = " ".join(text.split())
    if text == "fewer than 5":
        return true <= 6
    return text.isdigit() and true > 0 and int(text) >= 5 and abs(int(text) - true) <= 2


SMALL_MENTION = re.compile(r"\b[1-4] (organisations?|audits?)\b")


def unsafe_figures(page) -> list[str]:
    """Every shown count on a dashboard page that breaks the small-number rule."""
    bad = [cell.get_text() for cell in page.soup.select(".app-count") if not is_safe_count(cell.get_text())]
    for svg in page.soup.select("svg.app-chart"):
        if svg.get("aria-labelledby", "").startswith("spread-"):
            # Bar labels are counts (the scale starts at 0); percentages and band labels carry a % sign.
            bad += [t.get_text() for t in svg.find_all("text") if t.get_text() in {"1", "2", "3", "4"}]
    bad += SMALL_MENTION.findall(page.soup.get_text(" "))
    return bad


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def read_xlsx(response) -> dict[str, list[list]]:
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}
