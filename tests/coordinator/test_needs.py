"""The needs definition: which organisations need a training topic, who is unsure, and how topics are ranked."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.needs import NeedRow, needs_rows, rank_rows
from inclusion_audit.disclosure import FEWER, Cell
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, utcnow
from inclusion_audit.queries import Filters, import_local_packs
from inclusion_audit.queries import dashboard as dashboard_queries
from inclusion_audit.queries.needs import TopicCells, low_values, topic_cells
from inclusion_audit.queries.stored_figures import figure_differences, rebuild_stored_figures
from tests.conftest import get_page

from .fixture import submitted_audit
from .helpers import sign_in_staff, unsafe_figures

GOVERNANCE = ("named_lead", "trustees_discuss", "strategy_commitment")  # all tagged governance_strategy


def add_organisations(app, answers_list, area="north_northamptonshire", verified=True, older=None) -> None:
    """One verified organisation per answers dict, each with one submitted audit ten days ago."""
    now = utcnow()
    with app.app_context():
        for index, answers in enumerate(answers_list):
            organisation = Organisation(
                name=f"Org {area} {index} {len(answers)}",
                area=area,
                org_type="charity",
                size_band="under_10",
                profile_completed_at=now,
                created_at=now - timedelta(days=30),
                verification="verified" if verified else "pending",
            )
            organisation.groups = ["justice"]
            db.session.add(organisation)
            if older is not None:
                db.session.add(submitted_audit(organisation, 50, older, now - timedelta(days=20)))
            db.session.add(submitted_audit(organisation, 50, answers, now - timedelta(days=10)))
        db.session.flush()
        rebuild_stored_figures(db.session.connection())
        db.session.commit()


@pytest.fixture
def content(app):
    with app.app_context():
        yield get_content()


def cells(app, filters: Filters | None = None) -> dict[str, TopicCells]:
    with app.app_context():
        return topic_cells(filters or Filters())


def test_the_two_lowest_levels_of_each_scale(content):
    assert low_values(content, "named_lead") == ("not_started", "early")
    # A knowledge question: "No one yet" and "A few of us" carry the same values.
    assert low_values(content, "trauma_informed_training") == ("not_started", "early")
    labels = [option.label for option in content.questions["trauma_informed_training"].options[:2]]
    assert labels == ["No one yet", "A few of us"]


def test_an_organisation_with_several_low_answers_in_a_topic_counts_once(app):
    add_organisations(app, [{"named_lead": "early", "trustees_discuss": "not_started", "strategy_commitment": "early"}])
    got = cells(app)["governance_strategy"]
    assert got.need.count == 1
    assert got.unsure == Cell()


def test_early_steps_counts_as_a_need_and_partly_does_not(app):
    add_organisations(app, [{"named_lead": "early"}, {"named_lead": "partly"}, {"named_lead": "embedded"}])
    assert cells(app)["governance_strategy"].need.count == 1


def test_knowledge_scale_a_few_of_us_is_a_need(app):
    add_organisations(app, [{"trauma_informed_training": "early"}])
    assert cells(app)["trauma_informed"].need.count == 1


def test_not_sure_is_counted_apart_and_never_as_a_need(app):
    add_organisations(
        app,
        [
            {"named_lead": "dont_know"},  # unsure only
            {"named_lead": "dont_know", "trustees_discuss": "early"},  # a need: not counted as unsure too
            {"named_lead": "dont_know", "trustees_discuss": "dont_know"},  # unsure, once
        ],
    )
    got = cells(app)["governance_strategy"]
    assert (got.need.count, got.unsure.count) == (1, 2)


def test_only_the_latest_audit_and_verified_organisations_count(app):
    add_organisations(app, [{"named_lead": "partly"}], older={"named_lead": "not_started"})
    add_organisations(app, [{"named_lead": "not_started"}], verified=False)
    assert "governance_strategy" not in cells(app)


def test_filters_choose_the_organisations(app):
    add_organisations(app, [{"named_lead": "early"}], area="north_northamptonshire")
    add_organisations(app, [{"named_lead": "early"}] * 2, area="west_northamptonshire")
    assert cells(app, Filters(area="west_northamptonshire"))["governance_strategy"].need.count == 2
    assert cells(app, Filters(group="justice"))["governance_strategy"].need.count == 3
    assert "governance_strategy" not in cells(app, Filters(group="drugs_alcohol"))


def test_cells_carry_the_organisations_record_keys(app):
    add_organisations(app, [{"named_lead": "early"}] * 3)
    with app.app_context():
        keys = sum(o.record_key for o in db.session.query(Organisation))
    assert cells(app)["governance_strategy"].need == Cell(3, keys)


def row(rows: list[NeedRow], topic: str) -> NeedRow:
    return next(r for r in rows if r.topic_id == topic)


def test_every_topic_is_listed_and_suppressed_rows_come_last_unranked(content):
    population = Cell(40, 40 * 128)
    topics = list(content.config.training_topics)
    # The last topic's true count is the biggest, but reads "fewer than 5" only if tiny: give it 2.
    given = {topics[0]: TopicCells(Cell(8, 1000), Cell(3, 300)), topics[-1]: TopicCells(Cell(2, 77), Cell())}
    given[topics[1]] = TopicCells(Cell(20, 2560), Cell(6, 700))
    rows = rank_rows(content, given, population)
    assert [r.topic_id for r in rows][:2] == [topics[1], topics[0]]
    assert [r.rank for r in rows][:2] == [1, 2]
    assert len(rows) == len(topics)
    hidden = rows[2:]
    assert all(r.rank is None and r.need is None and r.need_text == FEWER for r in hidden)
    assert [r.topic_id for r in hidden] == [t for t in topics if t not in (topics[0], topics[1])]  # list order
    assert row(rows, topics[0]).unsure is None  # 3 reads "fewer than 5"


def test_equal_shown_counts_share_a_rank_in_topic_list_order(content):
    population = Cell(30, 30 * 100)
    topics = list(content.config.training_topics)
    base = rank_rows(content, {t: TopicCells(Cell(12, 900 + i), Cell()) for i, t in enumerate(topics[:4])}, population)
    shown = [r for r in base if r.rank is not None]
    for first, second in zip(shown, shown[1:], strict=False):
        assert first.need >= second.need
        if first.need == second.need:
            assert first.rank == second.rank
            assert topics.index(first.topic_id) < topics.index(second.topic_id)
        else:
            assert second.rank == shown.index(second) + 1


def test_shares_only_with_10_or_more_organisations_and_a_shown_count(content):
    topic = next(iter(content.config.training_topics))
    rows = rank_rows(content, {topic: TopicCells(Cell(6, 600), Cell())}, Cell(7, 700))
    assert row(rows, topic).need_share is None  # the population reads under 10
    rows = rank_rows(content, {topic: TopicCells(Cell(20, 2000), Cell(1, 9))}, Cell(40, 4000))
    shown = row(rows, topic)
    assert shown.need_share is not None and shown.need_share % 5 == 0
    assert shown.unsure_share is None and shown.unsure_share_text == "not shown"


def test_a_hidden_population_hides_every_figure(content):
    topic = next(iter(content.config.training_topics))
    rows = rank_rows(content, {topic: TopicCells(Cell(3, 300), Cell())}, Cell(3, 300))
    assert all(r.need is None and r.unsure is None and r.rank is None for r in rows)


def test_needs_rows_from_the_database(app):
    add_organisations(app, [{"named_lead": "not_started", "peer_roles": "dont_know"}] * 12)
    with app.app_context():
        rows = needs_rows(get_content(), Filters())
    top = rows[0]
    assert top.topic_id == "governance_strategy" and top.rank == 1
    assert 10 <= top.need <= 14
    assert row(rows, "lived_experience_coproduction").need is None
    assert row(rows, "lived_experience_coproduction").unsure is not None


def test_needs_page_lists_every_topic_with_local_training(app, client, accounts):
    add_organisations(app, [{"named_lead": "not_started", "peer_roles": "dont_know"}] * 12)
    with app.app_context():
        import_local_packs(get_content())
        topics = get_content().config.training_topics
    sign_in_staff(accounts, area="north_northamptonshire")
    page = get_page(client, "/coordinator/needs?period=all&area=all")
    rows = [[c.get_text(" ", strip=True) for c in tr.select("td, th")] for tr in page.soup.select("tbody tr")]
    assert [row[1] for row in rows][0] == topics["governance_strategy"] and rows[0][0] == "1"
    assert len(rows) == len(topics)
    # The pack's leadership training sits against its topic; a topic without any says so.
    assert "Integrated Care Northamptonshire" in rows[0][5]
    # An area coordinator sees their own area's training whatever area the filters show, and the page says so.
    assert "Local training is listed from the local help for North Northamptonshire, whatever area" in page.text
    west = get_page(client, "/coordinator/needs?period=all&area=west_northamptonshire")
    cells = [[c.get_text(" ", strip=True) for c in tr.select("td, th")] for tr in west.soup.select("tbody tr")]
    leading = next(row for row in cells if row[1] == topics["governance_strategy"])
    assert leading[2] == FEWER and "Integrated Care Northamptonshire" in leading[5]
    peer = next(row for row in rows if row[1] == topics["lived_experience_coproduction"])
    assert peer[0] == "–" and peer[2] == FEWER and peer[5] == "None listed"
    assert peer[4] != FEWER  # 12 organisations answered "Not sure", counted apart
    assert unsafe_figures(page) == []
    # The words on the page name the answers the definition counts.
    with app.app_context():
        config = get_content().config
    labels = [o.label for o in config.answer_scale[:2] + config.scales["knowledge"][:2]]
    assert all(f"“{label}”" in page.text for label in labels)
    assert page.soup.find("a", string=lambda text: text and text.startswith("add training to the local help"))


def test_stored_figures_and_counting_from_the_audits_agree_with_a_count_by_hand(app, monkeypatch):
    """Random answers to every question for 40 organisations in two areas, some with an older audit too."""
    rng = random.Random(19)
    with app.app_context():
        content = get_content()
    values = ("not_started", "early", "partly", "embedded", "dont_know")
    people = [{q: rng.choice(values) for q in content.questions if rng.random() < 0.3} for _ in range(40)]
    add_organisations(app, people[:20], area="north_northamptonshire", older={"named_lead": "not_started"})
    add_organisations(app, people[20:], area="west_northamptonshire")
    with app.app_context():
        by_hand: dict[tuple[str, str | None], dict[str, list[int]]] = {}
        keys = [o.record_key for o in db.session.query(Organisation).order_by(Organisation.id)]
        for index, answers in enumerate(people):
            area = "north_northamptonshire" if index < 20 else "west_northamptonshire"
            topics: dict[str, str] = {}
            for question_id, value in answers.items():
                topic = content.questions[question_id].tags.training
                if value in low_values(content, question_id):
                    topics[topic] = "need"
                elif value == "dont_know":
                    topics.setdefault(topic, "unsure")
            for topic, kind in topics.items():
                for where in (None, area):
                    cell = by_hand.setdefault((topic, where), {"need": [0, 0], "unsure": [0, 0]})[kind]
                    cell[0], cell[1] = cell[0] + 1, cell[1] + keys[index]
    for counted_from_audits in (False, True):
        if counted_from_audits:
            monkeypatch.setattr(dashboard_queries, "scope_for", lambda filters: None)
        for area in (None, "north_northamptonshire", "west_northamptonshire"):
            got = cells(app, Filters(area=area))
            expected = {
                topic: TopicCells(Cell(*c["need"]), Cell(*c["unsure"]))
                for (topic, where), c in by_hand.items()
                if where == area
            }
            assert got == expected, (area, counted_from_audits)


def test_after_a_topic_changes_figures_check_lists_the_needs_until_a_rebuild(app, app_config, make_app, tmp_path):
    """What the README says to do when a question's training topic changes."""
    add_organisations(app, [{"named_lead": "early"}])
    copy = tmp_path / "content"
    shutil.copytree(Path(app.config["CONTENT_DIR"]), copy)
    section = copy / "sections" / "01-commitment.yml"
    old = "  - id: named_lead\n    tags: {principle: 1, theme: leadership, training: governance_strategy,"
    assert old in section.read_text(encoding="utf-8")
    section.write_text(
        section.read_text(encoding="utf-8").replace(old, old.replace("governance_strategy", "inclusive_policies")),
        encoding="utf-8",
    )
    changed = make_app({**app_config, "CONTENT_DIR": str(copy)})
    with changed.app_context():
        differences = figure_differences()
        assert differences and {key[3] for key, _, _ in differences} == {"need"}
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
        assert figure_differences() == []
        assert set(topic_cells(Filters())) == {"inclusive_policies"}
