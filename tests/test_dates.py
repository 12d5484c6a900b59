"""Dates and times in the GOV.UK style, in UK time."""

from datetime import datetime

from inclusion_audit.dates import format_date_time
from tests.conftest import get_page


def test_times_are_shown_in_uk_time_in_the_gov_uk_style():
    assert format_date_time(datetime(2026, 1, 15, 14, 5)) == "15 January 2026 at 2:05pm"
    assert format_date_time(datetime(2026, 7, 1, 8, 30)) == "1 July 2026 at 9:30am", "British Summer Time"
    assert format_date_time(datetime(2026, 1, 15, 12, 0)) == "15 January 2026 at midday"
    assert format_date_time(datetime(2026, 1, 15, 0, 0)) == "15 January 2026 at midnight"
    assert format_date_time(datetime(2026, 3, 28, 23, 30)) == "28 March 2026 at 11:30pm"
    assert format_date_time(None) == ""


def test_two_audits_submitted_on_one_day_are_told_apart_on_the_task_list(app, accounts, client):
    from tests.audit.helpers import complete_audit

    accounts.member()
    accounts.sign_in("member@example.org")
    complete_audit(client, app, "starting-out")
    client.post("/audit/new")
    complete_audit(client, app, "well-advanced")
    links = [a.get_text() for a in get_page(client, "/audit/").soup.select("a")]
    dated = [text for text in links if text.startswith("Results and guide from")]
    assert len(dated) == 2 and all(" at " in text for text in dated)
