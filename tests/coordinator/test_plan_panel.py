"""The dashboard's action plans panel: counts only ever shown through the disclosure-control function."""

from __future__ import annotations

from sqlalchemy import select, update

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.plan_panel import disclose_plan_counts
from inclusion_audit.disclosure import Cell
from inclusion_audit.extensions import db
from inclusion_audit.plan_models import PlanAction
from inclusion_audit.queries import Filters, PlanCounts
from tests.audit.helpers import complete_audit
from tests.conftest import Accounts, get_page

from .helpers import fits, sign_in_staff, unsafe_figures


def test_counts_from_fewer_than_five_organisations_are_never_shown(app):
    with app.app_context():
        content = get_content()
        first, second, *_ = [section.id for section in content.sections]
        population = Cell(20, 2500)
        counts = PlanCounts(
            Cell(9, 1100),
            {first: (Cell(2, 300), Cell(9, 1200)), second: (Cell(8, 1000), Cell(13, 1800))},
        )
        panel = disclose_plan_counts(content, counts, population)
        assert disclose_plan_counts(content, counts, population) == panel  # the same counts always show the same
    assert fits(panel.organisations_using_plan, 9)
    rows = {row.title: row for row in panel.sections}
    titles = [section.title for section in content.sections]
    # 2 organisations: never shown, and nor are their 9 actions, which would say something about them.
    assert (rows[titles[0]].organisations, rows[titles[0]].actions) == ("fewer than 5", "fewer than 5")
    assert fits(rows[titles[1]].organisations, 8) and fits(rows[titles[1]].actions, 13)
    # None at all reads like a few.
    assert (rows[titles[2]].organisations, rows[titles[2]].actions) == ("fewer than 5", "fewer than 5")


def test_the_panel_counts_organisations_using_their_plan_and_actions_done(app, accounts):
    members = []
    for index in range(6):
        email = f"org{index}@example.org"
        accounts.member(email=email, organisation=f"Organisation {index}", verification="verified")
        client = app.test_client()
        Accounts(app, client).sign_in(email)
        complete_audit(client, app)
        members.append(client)
    with app.app_context():
        first_section = get_content().sections[0].id
        # Five organisations each finish one action in the first section; the sixth has not touched its plan.
        for organisation_id in range(1, 6):
            action = db.session.scalar(
                select(PlanAction.id).where(PlanAction.organisation_id == organisation_id).order_by(PlanAction.id)
            )
            db.session.execute(
                update(PlanAction).where(PlanAction.id == action).values(status="done", section_id=first_section)
            )
        db.session.commit()
    coordinator = sign_in_staff(Accounts(app, app.test_client()))
    page = get_page(coordinator, "/coordinator/")
    assert fits(page.soup.find(id="plans-in-use").get_text(strip=True), 5)
    table = page.soup.find("caption", string=lambda t: t and "Actions done" in t).find_parent("table")
    first_row = [cell.get_text(strip=True) for cell in table.select("tbody tr")[0].find_all(["th", "td"])]
    organisations, actions = first_row[1:]
    assert fits(organisations, 5)
    assert fits(actions, 5) if organisations != "fewer than 5" else actions == "fewer than 5"
    assert unsafe_figures(page) == []


def test_an_organisation_using_its_plan_in_several_sections_counts_once(app, accounts):
    email = "several@example.org"
    accounts.member(email=email, organisation="Several Sections", verification="verified")
    client = app.test_client()
    Accounts(app, client).sign_in(email)
    complete_audit(client, app)
    with app.app_context():
        first, second = [section.id for section in get_content().sections[:2]]
        actions = db.session.scalars(select(PlanAction.id).order_by(PlanAction.id)).all()
        changes = [dict(status="done", section_id=first), dict(status="done", section_id=first),
                   dict(status="done", section_id=second), dict(owner_name="Sam", section_id=None)]  # fmt: skip
        for action, values in zip(actions, changes, strict=False):
            db.session.execute(update(PlanAction).where(PlanAction.id == action).values(**values))
        db.session.commit()
        counts = queries.plan_counts(Filters())
        population = queries.headline(Filters()).organisations_with_results
    assert len(actions) >= len(changes)
    assert counts.organisations_using_plan == population  # one organisation, with its own record key
    assert counts.done_by_section == {first: (population, Cell(2, population.keys)), second: (population, population)}
