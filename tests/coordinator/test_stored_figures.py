"""The stored figures stay right as organisations submit, change their profile and leave, and can be rebuilt."""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, update

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, OrganisationGroup, SectionScore, StoredFigure, User, Verification
from inclusion_audit.queries import Filters, stored_figures
from inclusion_audit.queries.stored_figures import count_new_organisation, figure_differences, rebuild_stored_figures
from tests.audit.helpers import complete_audit, confirm_every_section, example, fill_profile
from tests.conftest import PASSWORD, post_page


@pytest.fixture
def member_client(accounts):
    """A member of an organisation a coordinator has verified: only those count in the figures."""
    accounts.member(verification=Verification.VERIFIED.value)
    accounts.sign_in("member@example.org")
    return accounts.client


def decide(organisation_id: int, decision: Verification) -> None:
    coordinator = db.session.scalar(select(User).where(User.email == "decider@example.org"))
    if coordinator is None:
        coordinator = User(email="decider@example.org", password_hash="unused", role="coordinator")
        db.session.add(coordinator)
        db.session.flush()
    queries.decide_verification(organisation_id, coordinator, decision, "checked")


def check_figures(app) -> None:
    with app.app_context():
        assert figure_differences() == []


def results(app, **filters) -> int:
    with app.app_context():
        return queries.headline(Filters(**filters)).organisations_with_results.count


def test_submitting_an_audit_adds_it_to_the_stored_figures(app, member_client):
    complete_audit(member_client, app)
    check_figures(app)
    area = example("starting-out")["profile"]["area"]
    assert results(app) == results(app, area=area) == 1
    with app.app_context():
        assert sum(cell.count for cell in queries.section_buckets(Filters())["commitment"]) == 1


def test_registering_and_starting_an_audit_count_in_the_headline(app, member_client):
    with app.app_context():
        second = queries.create_member("Second Organisation", "second@example.org", PASSWORD).organisation_id
    complete_audit(member_client, app, submit=False)
    check_figures(app)

    def headline() -> tuple[int, ...]:
        with app.app_context():
            return tuple(cell.count for cell in vars(queries.headline(Filters())).values())

    assert headline() == (1, 1, 0, 0)  # the second organisation is not verified yet, so it is not counted
    with app.app_context():
        decide(second, Verification.VERIFIED)
    check_figures(app)
    assert headline() == (2, 1, 0, 0)


def test_a_second_audit_replaces_the_first_in_current_figures(app, member_client):
    complete_audit(member_client, app)
    assert member_client.post("/audit/new").status_code == 302
    confirm_every_section(member_client, app)
    assert member_client.post("/audit/submit").status_code == 302
    check_figures(app)
    assert results(app) == 1
    with app.app_context():
        # Both audits are this quarter's, so the quarter counts the organisation once, by the second.
        organisations, _ = queries.quarter_buckets(Filters())
        assert [cell.count for cell in organisations.values()] == [1]


def test_changing_the_profile_moves_the_organisation_between_filters(app, member_client):
    complete_audit(member_client, app)
    profile = dict(example("starting-out")["profile"])
    old_area = profile["area"]
    new_area = "north_northamptonshire" if old_area != "north_northamptonshire" else "west_northamptonshire"
    fill_profile(member_client, {**profile, "area": new_area, "local_area": None})  # its local area was in the old one
    check_figures(app)
    assert results(app, area=old_area) == 0
    assert results(app, area=new_area) == 1


def test_deleting_the_organisation_takes_it_out_of_the_stored_figures(app, member_client):
    complete_audit(member_client, app)
    post_page(member_client, "/audit/delete", {"confirm": "y", "password": PASSWORD})
    check_figures(app)
    assert results(app) == 0
    with app.app_context():
        assert db.session.scalar(select(func.sum(StoredFigure.count))) == 0


def test_figures_check_reports_a_wrong_count(app, member_client, runner):
    complete_audit(member_client, app)
    assert runner.invoke(args=["figures", "check"]).exit_code == 0
    with app.app_context():
        db.session.execute(update(StoredFigure).where(StoredFigure.measure == "results").values(count=7))
        db.session.commit()
    result = runner.invoke(args=["figures", "check"])
    assert result.exit_code == 1
    assert "stored 7, should be 1" in result.output
    assert "Run `flask figures rebuild`" in result.output
    assert "Rebuilt the stored figures" in runner.invoke(args=["figures", "rebuild"]).output
    assert runner.invoke(args=["figures", "check"]).output == "Every stored figure matches the audits.\n"


# Random sequences of what organisations do, at chosen moments, against a rebuild after each step.
MOMENTS = st.sampled_from(
    [datetime(2025, 3, 31, 23, 59, 59), datetime(2025, 4, 1), datetime(2025, 12, 31), datetime(2026, 1, 15)]
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("submit"), st.integers(0, 3), MOMENTS, st.integers(0, 3)),
        st.tuples(
            st.just("profile"),
            st.integers(0, 3),
            st.sampled_from(["north_northamptonshire", "west_northamptonshire"]),
            st.booleans(),
        ),
        st.tuples(st.just("delete"), st.integers(0, 3)),
        st.tuples(
            st.just("decide"), st.integers(0, 3), st.sampled_from([Verification.VERIFIED, Verification.REJECTED])
        ),
    ),
    max_size=8,
)


def _existing(index: int) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.name == f"Sequence organisation {index}"))


def _organisation(index: int) -> tuple[Organisation, User]:
    organisation = _existing(index)
    if organisation is None:
        name = f"Sequence organisation {index}"
        organisation = Organisation(name=name, org_type="charity", area="north_northamptonshire")
        db.session.add(User(email=f"seq{index}@example.org", password_hash="unused", organisation=organisation))
        db.session.flush()
        count_new_organisation(organisation.id)  # as registering does
        db.session.commit()
    return organisation, organisation.members[0]


def _submit(index: int, when: datetime, level: int, monkeypatch) -> None:
    organisation, user = _organisation(index)
    content = get_content()
    value = ["not_started", "early", "partly", "embedded", "dont_know"][level]
    for section in content.sections:
        answers = {q.id: (value if value in q.values else q.options[0].value) for q in section.questions}
        revision = queries.section_revision(queries.current_audit(organisation), section.id)
        queries.save_section(organisation, user, section.id, answers, revision)
    monkeypatch.setattr("inclusion_audit.queries.audits.utcnow", lambda: when)
    queries.submit_audit(queries.current_audit(organisation), user, content)


def _apply(step, monkeypatch) -> None:
    if step[0] == "submit":
        _submit(step[1], step[2], step[3], monkeypatch)
    elif step[0] == "profile":
        organisation, _ = _organisation(step[1])
        groups = ["justice", "homelessness"] if step[3] else []
        queries.update_profile(
            organisation, name=organisation.name, org_type="charity", size_band="under_10", area=step[2], groups=groups
        )
    elif step[0] == "decide":
        organisation, _ = _organisation(step[1])
        decide(organisation.id, step[2])
    else:
        organisation = _existing(step[1])
        if organisation is not None:
            queries.delete_organisation(organisation.id)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=steps)
def test_any_sequence_of_changes_leaves_the_stored_figures_as_a_rebuild_would(app, monkeypatch, sequence):
    with app.app_context():
        for model in (OrganisationGroup, User, Organisation):  # the decisions go with their organisations
            db.session.execute(delete(model))
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
        for step in sequence:
            _apply(step, monkeypatch)
            assert figure_differences() == [], f"after {step}"


def test_a_double_clicked_submit_is_counted_once(app, member_client, monkeypatch):
    """Two submissions of one audit at the same moment: the second waits for the first, then changes nothing."""
    complete_audit(member_client, app, submit=False)
    with app.app_context():
        organisation_id = db.session.scalar(select(Organisation.id))
    both_read = threading.Barrier(2)
    real = stored_figures.figures_of

    def counted_then_pause(*organisation):
        counted = real(*organisation)
        if not getattr(paused, "done", False):  # only after each thread's "before"
            paused.done = True
            # Without the organisation lock both threads would meet here, each with the same "before".
            with contextlib.suppress(threading.BrokenBarrierError):
                both_read.wait(timeout=2)
        return counted

    paused = threading.local()
    monkeypatch.setattr(stored_figures, "figures_of", counted_then_pause)
    errors = []

    def submit() -> None:
        try:
            with app.app_context():
                organisation = db.session.get(Organisation, organisation_id)
                audit = queries.current_audit(organisation)
                queries.submit_audit(audit, organisation.members[0], get_content())
        except Exception as error:  # reported below, with the other thread's
            errors.append(error)

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert both_read.broken, "the second submission should have waited for the first"
    check_figures(app)
    assert results(app) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SectionScore)) == len(get_content().sections)
