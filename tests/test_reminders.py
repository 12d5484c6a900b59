"""`flask reminders send`, end to end: a real SMTP server on loopback, a fake clock, and every reminder once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from inclusion_audit import queries
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, User
from inclusion_audit.plan_models import PlanAction
from inclusion_audit.queries.reminders import add_months
from inclusion_audit.reminder_models import ReminderSent
from tests.audit.helpers import complete_audit
from tests.conftest import Accounts
from tests.smtp import free_port, received, smtp_server

START = datetime(2027, 3, 1, 7, 0)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def smtp(certificate_authority):
    controller, inbox = smtp_server("starttls", certificate_authority)
    controller.start()
    yield controller, inbox
    controller.stop()


def _send(app) -> tuple[int, str]:
    result = app.test_cli_runner().invoke(args=["reminders", "send"])
    return result.exit_code, result.output


def _set(app, action_id: int, **values) -> None:
    with app.app_context():
        db.session.execute(update(PlanAction).where(PlanAction.id == action_id).values(**values))
        db.session.commit()


@pytest.fixture
def world(mail_app, smtp, clock):
    """Three organisations on 1 March 2027:
    - Riverside (admin + colleague) submitted on 20 February; its plan has an action the colleague owns, due in 3
      days, and one owned by someone outside the team, 2 days overdue;
    - Late Starters started an audit 15 days ago and has not submitted it;
    - Year Ago submitted 11 months and a day ago."""
    controller, _ = smtp
    app = mail_app(MAIL_SMTP_PORT=controller.port, CLOCK=clock)
    admin = app.test_client()
    accounts = Accounts(app, admin)
    accounts.member("admin@riverside.example", "Riverside")
    accounts.colleague("colleague@riverside.example", of="admin@riverside.example")
    accounts.sign_in("admin@riverside.example")
    audit = complete_audit(admin, app)
    for email, name in (("late@example.org", "Late Starters"), ("year@example.org", "Year Ago")):
        accounts.member(email, name)
        client = app.test_client()
        Accounts(app, client).sign_in(email)
        complete_audit(client, app, submit=name == "Year Ago")
    with app.app_context():
        colleague = db.session.scalar(select(User.id).where(User.email == "colleague@riverside.example"))
        actions = list(db.session.scalars(select(PlanAction.id).where(PlanAction.audit_id == audit)))
        db.session.execute(update(Audit).where(Audit.id == audit).values(submitted_at=START - timedelta(days=9)))
        db.session.execute(
            update(Audit)
            .where(Audit.status == "in_progress")
            .values(started_at=START - timedelta(days=15), updated_at=START - timedelta(days=15))
        )
        year_ago = db.session.scalar(select(Audit.id).where(Audit.status == "submitted", Audit.id != audit))
        db.session.execute(
            update(Audit).where(Audit.id == year_ago).values(submitted_at=add_months(START, -11) - timedelta(days=1))
        )
        # The example answers file renames each organisation; give them back their own names.
        for email, name in (("admin@", "Riverside"), ("late@", "Late Starters"), ("year@", "Year Ago")):
            user = db.session.scalar(select(User).where(User.email.startswith(email)))
            user.organisation.name = name
        db.session.commit()
    _set(app, actions[0], owner_id=colleague, due_on=(START + timedelta(days=3)).date())
    _set(app, actions[1], owner_name="Sam from the food bank", due_on=(START - timedelta(days=2)).date())
    return app, actions


def test_each_reminder_goes_to_the_right_people_once(world, smtp, clock):
    app, actions = world
    _, inbox = smtp
    code, output = _send(app)
    assert code == 0, output
    mail = {(message.to, message.subject): message.body for message in received(inbox)}
    assert sorted(mail) == [
        ("admin@riverside.example", "Riverside: an action overdue"),
        ("colleague@riverside.example", "Riverside: an action due soon"),
        ("late@example.org", "Late Starters: your inclusion health audit is not submitted yet"),
        ("year@example.org", "Year Ago: time to repeat your inclusion health audit"),
    ]
    due = mail[("colleague@riverside.example", "Riverside: an action due soon")]
    with app.app_context():
        first, second = (db.session.get(PlanAction, action) for action in actions[:2])
        first_text, second_text = first.text, second.text
    assert first_text in due and "Due: 4 March 2027. Responsible: colleague@riverside.example." in due
    assert "is due within 7 days" in due and "because you are responsible for this action." in due
    overdue = mail[("admin@riverside.example", "Riverside: an action overdue")]
    assert second_text in overdue and "Responsible: Sam from the food bank" in overdue
    assert "you are an admin of your organisation's team" in overdue
    for body in mail.values():
        assert "http://localhost/account" in body, "every email says where to change which reminders you get"
    assert "http://localhost/audit/plan" in due
    reaudit = mail[("year@example.org", "Year Ago: time to repeat your inclusion health audit")]
    assert "Start a new audit: http://localhost/audit/" in reaudit
    # What the email promises about the new audit is what a re-audit does (tests/audit/test_reaudit.py).
    assert "starts with your last answers: you check each section and change only what is different now" in (
        " ".join(reaudit.split())
    )
    assert output.strip() == (
        "Sent 4 reminder emails (1 action due, 1 action overdue, 1 audit unfinished, 1 reaudit due)."
    )

    # Running again, at once or the next day, sends nothing twice.
    assert _send(app) == (0, "Sent 0 reminder emails.\n")
    clock.now += timedelta(days=1)
    assert _send(app) == (0, "Sent 0 reminder emails.\n")
    assert len(inbox.messages) == 4

    # Five days later the first action is overdue too: its owner hears once more.
    clock.now = START + timedelta(days=5)
    assert _send(app)[0] == 0
    latest = received(inbox)[-1]
    assert (latest.to, latest.subject) == ("colleague@riverside.example", "Riverside: an action overdue")
    # A new due date is a new reminder; a finished action gets none.
    _set(app, actions[1], due_on=(START + timedelta(days=8)).date())
    _set(app, actions[0], status="done")
    assert _send(app)[0] == 0
    latest = received(inbox)[-1]
    assert (latest.to, latest.subject) == ("admin@riverside.example", "Riverside: an action due soon")
    assert len(inbox.messages) == 6
    with app.app_context():
        assert db.session.scalar(select(func.count(ReminderSent.id))) == 6, "each email sent is recorded"


def test_people_choose_which_reminders_they_get(world, smtp):
    app, _ = world
    _, inbox = smtp
    colleague = app.test_client()
    Accounts(app, colleague).sign_in("colleague@riverside.example")
    page = colleague.get("/account").get_data(as_text=True)
    assert "An action is due within 7 days" in page
    kept = ["action_overdue", "reaudit_due", "audit_unfinished"]
    response = colleague.post("/account", data={"reminders": kept, "submit": "Save your choices"})
    assert response.status_code == 302
    assert _send(app)[0] == 0
    assert "colleague@riverside.example" not in {message.to for message in received(inbox)}
    # Unticking everything is a choice too.
    assert colleague.post("/account", data={"submit": "Save your choices"}).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "colleague@riverside.example"))
        assert queries.reminder_opt_outs(user) == {"action_due", "action_overdue", "reaudit_due", "audit_unfinished"}


def test_reminders_that_cannot_be_sent_are_tried_again_next_time(
    app, app_config, make_app, certificate_authority, clock
):
    port = free_port()
    app_down = make_app(
        {
            **app_config,
            "MAIL_SMTP_HOST": "localhost",
            "MAIL_SMTP_PORT": port,
            "CLOCK": clock,
            "MAIL_SMTP_TIMEOUT": 2,
            "MAIL_SMTP_SECURITY": "none",
        }
    )
    client = app_down.test_client()
    Accounts(app_down, client).member("late@example.org", "Late Starters")
    Accounts(app_down, client).sign_in("late@example.org")
    complete_audit(client, app_down, submit=False)
    with app_down.app_context():
        db.session.execute(update(Audit).values(started_at=START - timedelta(days=20)))
        db.session.commit()
    code, output = _send(app_down)
    assert code == 1 and "1 email could not be sent" in output and "tried again next time" in output
    controller, inbox = smtp_server("none", certificate_authority, port=port)
    controller.start()
    try:
        assert _send(app_down) == (0, "Sent 1 reminder email (1 audit unfinished).\n")
    finally:
        controller.stop()
    assert [message.to for message in received(inbox)] == ["late@example.org"]


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2027, 1, 31, 9), 1, datetime(2027, 2, 28, 9)),
        (datetime(2028, 1, 31, 9), 1, datetime(2028, 2, 29, 9)),
        (datetime(2026, 12, 15), 11, datetime(2027, 11, 15)),
        (datetime(2027, 3, 1), -11, datetime(2026, 4, 1)),
        (datetime(2027, 3, 31), -1, datetime(2027, 2, 28)),
    ],
)
def test_months_are_calendar_months(moment, months, expected):
    assert add_months(moment, months) == expected
