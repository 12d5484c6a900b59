"""The pipeline page: organisations at each step (through disclosure control), the step of each organisation
that shares by name, and the reminder a coordinator can send it (the reminders' own email, once, logged)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from inclusion_audit import queries
from inclusion_audit.coordinator.pipeline_figures import (
    COUNTED,
    UNVERIFIED_LABEL,
    pipeline_counts,
    reaudit_cutoff,
)
from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, Audit, Organisation, User, utcnow
from inclusion_audit.plan_models import ActionPlan, PlanAction
from inclusion_audit.reminder_models import ReminderOptOut
from inclusion_audit.reminders.emails import reaudit_email, unfinished_email
from tests.conftest import get_page, parse

from .fixture import build, submitted_audit
from .helpers import fits, is_safe_count, sign_in_staff

NORTH, WEST = "north_northamptonshire", "west_northamptonshire"
YEAR_AGO = 370


def _organisation(name, *, verified=True, share=False, area=NORTH, members=()):
    organisation = Organisation(
        name=name, area=area, org_type="charity", size_band="under_10", share_named=share, record_key=len(name) * 7
    )
    organisation.verification = "verified" if verified else "unverified"
    db.session.add(organisation)
    for email in members:
        db.session.add(User(email=email, password_hash="x", organisation=organisation, team_role="admin"))
    return organisation


def _submitted(organisation, days_ago: int) -> Audit:
    audit = submitted_audit(organisation, 50, {}, utcnow() - timedelta(days=days_ago))
    db.session.add(audit)
    return audit


def _started(organisation, days_ago: int = 20) -> Audit:
    audit = Audit(organisation=organisation, started_at=utcnow() - timedelta(days=days_ago))
    db.session.add(audit)
    return audit


def _plan_in_use(audit: Audit) -> None:
    db.session.flush()
    db.session.add(ActionPlan(audit_id=audit.id, organisation_id=audit.organisation_id))
    db.session.add(
        PlanAction(
            organisation_id=audit.organisation_id, audit_id=audit.id, origin="own", text="Train staff", status="done"
        )
    )


@pytest.fixture
def world(app):
    """Every step, shared and not, verified and not:
    - Never Started (shares): registered, no audit;
    - Half Way (shares; two members, one has opted out of this reminder): an audit started 20 days ago;
    - Fresh Plan: submitted 10 days ago, its plan in use;
    - Year Gone (shares; one member): submitted a year ago, nothing since: due to repeat;
    - Repeating: submitted a year ago, a new audit started: at "started", not due;
    - West Sharer (shares, West): submitted a year ago;
    - Unchecked (shares, not verified): submitted 10 days ago."""
    with app.app_context():
        never = _organisation("Never Started", share=True, members=["never@example.org"])
        half = _organisation("Half Way", share=True, members=["half.one@example.org", "half.two@example.org"])
        fresh = _organisation("Fresh Plan")
        _plan_in_use(_submitted(fresh, 10))
        gone = _organisation("Year Gone", share=True, members=["gone@example.org"])
        _submitted(gone, YEAR_AGO)
        repeating = _organisation("Repeating")
        _submitted(repeating, YEAR_AGO)
        _started(repeating)
        west = _organisation("West Sharer", share=True, area=WEST, members=["west@example.org"])
        _submitted(west, YEAR_AGO)
        unchecked = _organisation("Unchecked", verified=False, share=True)
        _submitted(unchecked, 10)
        _started(half)
        db.session.flush()
        opted = db.session.scalar(select(User).where(User.email == "half.two@example.org"))
        db.session.add(ReminderOptOut(user_id=opted.id, kind="audit_unfinished"))
        db.session.commit()
        return {o.name: o.id for o in (never, half, fresh, gone, repeating, west, unchecked)}


def _entries(app, filters=None):
    with app.app_context():
        entries = queries.pipeline_entries(filters or queries.Filters(), reaudit_cutoff(utcnow()))
        return {entry.name: entry for entry in entries}


def test_each_organisation_is_at_one_stage_with_the_reminders_rule_for_repeating(app, world):
    entries = _entries(app)
    steps = {name: (entry.step.value, entry.reaudit_due, entry.plan_in_use) for name, entry in entries.items()}
    assert steps == {
        "Never Started": ("not_started", False, False),
        "Half Way": ("in_progress", False, False),
        "Fresh Plan": ("submitted", False, True),
        "Year Gone": ("submitted", True, False),
        "Repeating": ("in_progress", False, False),
        "West Sharer": ("submitted", True, False),
        "Unchecked": ("submitted", False, False),
    }
    assert not entries["Unchecked"].verified and entries["Year Gone"].verified
    # The same organisations the reminders would remind to repeat the audit.
    with app.app_context():
        due = {audit.organisation.name for audit in queries.reaudits_due(reaudit_cutoff(utcnow()))}
    assert due == {"Year Gone", "West Sharer", "Unchecked"} - {"Unchecked"}
    # The profile filters apply; the period does not exist here.
    assert set(_entries(app, queries.Filters(area=WEST))) == {"West Sharer"}


def test_counts_go_through_disclosure_and_leave_unverified_organisations_out(app, world):
    entries = list(_entries(app).values())
    counts = dict(pipeline_counts(entries).rows)
    true = {label: sum(1 for e in entries if e.verified and wanted(e)) for label, wanted in COUNTED}
    assert true == {
        "Organisations registered": 6,
        "Registered, no audit started": 1,
        "Audit started, not submitted": 2,
        "Audit submitted": 3,
        "Due to repeat the audit (11 months or more since it was submitted)": 2,
        "Using the action plan from their latest audit": 1,
    }
    for label, shown in counts.items():
        assert is_safe_count(shown) and fits(shown, true[label]), (label, shown)
    assert pipeline_counts(entries).unverified == "fewer than 5"
    # Five more organisations with no audit: that count can now show a number, still within 2 of the truth.
    with app.app_context():
        for index in range(8):
            _organisation(f"Quiet {index}")
        db.session.commit()
    entries = list(_entries(app).values())
    shown = dict(pipeline_counts(entries).rows)["Registered, no audit started"]
    assert fits(shown, 9) and shown != "fewer than 5"


def test_the_page_names_only_sharing_organisations_in_the_coordinators_area(app, accounts, world):
    client = sign_in_staff(accounts, area=NORTH)
    page = get_page(client, "/coordinator/pipeline")
    assert page.h1() == "Pipeline"
    keys = [" ".join(k.get_text().split()) for k in page.soup.select(".govuk-summary-list__key")]
    assert keys == [label for label, _ in COUNTED] + [UNVERIFIED_LABEL]
    assert all(is_safe_count(v.get_text()) for v in page.soup.select(".app-count"))
    rows = {
        " ".join(row.select("th, td")[0].get_text().split()): " ".join(row.select("td")[0].get_text().split())
        for row in page.soup.select("#main-content tbody tr")
    }
    assert rows == {
        "Half Way": "Audit started, not submitted",
        "Never Started": "Registered, no audit started",
        "Unchecked": "Audit submitted",
        "Year Gone": "Audit submitted; due to repeat the audit",
    }
    assert "Fresh Plan" not in page.text and "Repeating" not in page.text and "West Sharer" not in page.text
    link = page.soup.find("a", string="Year Gone")
    assert link["href"] == f"/coordinator/organisations/{world['Year Gone']}"
    buttons = [" ".join(b.get_text().split()) for b in page.soup.select("#main-content form[method=post] button")]
    assert buttons == [
        "Send the “finish your audit” reminder to Half Way",
        "Send the “time to repeat your audit” reminder to Year Gone",
    ]
    # Filters narrow the counts and the names alike.
    page = get_page(client, "/coordinator/pipeline?area=west_northamptonshire")
    assert "Showing: West Northamptonshire." in page.text
    assert "West Sharer" not in page.text  # shares, but outside this coordinator's area
    # The dashboard links here with its filters.
    dashboard = get_page(client, "/coordinator/?area=west_northamptonshire")
    assert dashboard.soup.find("a", string="See the pipeline")["href"].startswith("/coordinator/pipeline?area=west")


def _words(page) -> str:
    return " ".join(page.soup.get_text().split())


def _outbox(app, to: str):
    return [m for m in app.extensions.get("outbox", []) if m.to == to]


def test_a_reminder_is_the_reminders_email_sent_once_respecting_opt_outs_and_logged(app, accounts, world):
    client = sign_in_staff(accounts, area=NORTH)
    url = f"/coordinator/pipeline/{world['Half Way']}/reminder?area=north_northamptonshire"
    response = client.post(url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        "/coordinator/pipeline?area=north_northamptonshire&org_type=&size_band=&group="
    )
    page = parse(client.get(response.headers["Location"]))
    banner = page.soup.select_one(".govuk-notification-banner--success")
    assert "We have sent the “finish your audit” reminder to 1 person in Half Way's team." in banner.get_text()
    (sent,) = _outbox(app, "half.one@example.org")
    with app.app_context():
        audit = db.session.scalar(select(Audit).where(Audit.organisation_id == world["Half Way"]))
        expected = unfinished_email(audit.organisation, audit)
    assert sent.subject == expected.subject and sent.body == expected.body
    assert _outbox(app, "half.two@example.org") == []  # chose not to get this kind of reminder
    # Again: nobody gets it twice, and the page says so; nor does the daily run send it again.
    page = parse(client.get(client.post(url).headers["Location"]))
    assert "Nobody in Half Way's team was sent a reminder" in _words(page)
    assert app.test_cli_runner().invoke(args=["reminders", "send"]).exit_code == 0
    assert len(_outbox(app, "half.one@example.org")) == 1
    with app.app_context():
        logged = db.session.scalars(select(AccessLog).where(AccessLog.action == "send_reminder")).all()
        assert [(entry.organisation_id, entry.detail) for entry in logged] == [
            (world["Half Way"], "“finish your audit”: 1 sent"),
            (world["Half Way"], "“finish your audit”: 0 sent"),
        ]


def test_the_repeat_reminder_and_what_cannot_be_reminded(app, accounts, world):
    client = sign_in_staff(accounts, area=NORTH)
    client.post(f"/coordinator/pipeline/{world['Year Gone']}/reminder")
    (sent,) = _outbox(app, "gone@example.org")
    with app.app_context():
        audit = db.session.scalar(select(Audit).where(Audit.organisation_id == world["Year Gone"]))
        assert sent.subject == reaudit_email(audit.organisation, audit, None).subject
    # A step with no reminder: nothing is sent, the page says why.
    response = client.post(f"/coordinator/pipeline/{world['Never Started']}/reminder")
    assert "There is no reminder to send to Never Started now" in _words(
        parse(client.get(response.headers["Location"]))
    )
    assert _outbox(app, "never@example.org") == []
    # Not sharing, or outside the coordinator's area: not found, and nothing sent.
    assert client.post(f"/coordinator/pipeline/{world['Fresh Plan']}/reminder").status_code == 404
    assert client.post(f"/coordinator/pipeline/{world['West Sharer']}/reminder").status_code == 404
    assert _outbox(app, "west@example.org") == []


def test_a_reminder_needs_the_forms_csrf_token(app, app_config, make_app, accounts, world):
    guarded = make_app({**app_config, "WTF_CSRF_ENABLED": True})
    client = guarded.test_client()
    sign_in_staff(accounts, area=NORTH)  # makes the account; sign in on the guarded app through its form
    page = parse(client.get("/sign-in"))
    token = page.soup.find("input", {"name": "csrf_token"})["value"]
    client.post(
        "/sign-in", data={"email": "coordinator@example.org", "password": "plain-river-lantern-42", "csrf_token": token}
    )
    url = f"/coordinator/pipeline/{world['Year Gone']}/reminder"
    client.post(url)  # no token: refused before anything is sent
    assert _outbox(guarded, "gone@example.org") == []
    page = parse(client.get("/coordinator/pipeline"))
    form = next(f for f in page.soup.select("form[method=post]") if f["action"].startswith(url))
    client.post(form["action"], data={"csrf_token": form.find("input", {"name": "csrf_token"})["value"]})
    assert len(_outbox(guarded, "gone@example.org")) == 1


def test_organisations_registered_reads_as_on_the_dashboard_for_all_time(app, accounts):
    build(app)
    client = sign_in_staff(accounts)
    for query in ("", "?area=north_northamptonshire", "?org_type=charity"):
        dashboard = get_page(client, f"/coordinator/{query}")
        pipeline = get_page(client, f"/coordinator/pipeline{query}")
        pairs = []
        for page in (dashboard, pipeline):
            keys = [" ".join(k.get_text().split()) for k in page.soup.select(".govuk-summary-list__key")]
            values = [" ".join(v.get_text().split()) for v in page.soup.select(".govuk-summary-list__value")]
            pairs.append(dict(zip(keys, values, strict=True))["Organisations registered"])
        assert pairs[0] == pairs[1], query


def test_an_organisation_rejected_as_not_real_is_neither_named_nor_sent_reminders(app, accounts, world):
    with app.app_context():
        db.session.get(Organisation, world["Half Way"]).verification = "rejected"
        db.session.commit()
    client = sign_in_staff(accounts, area=NORTH)
    assert "Half Way" not in get_page(client, "/coordinator/pipeline").text
    assert client.post(f"/coordinator/pipeline/{world['Half Way']}/reminder").status_code == 404
    assert _outbox(app, "half.one@example.org") == []
