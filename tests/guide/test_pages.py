"""The results, guide and compare pages show what the stored guide says, in the same words as the PDF."""

from __future__ import annotations

from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import Answer, Audit, SectionScore
from tests.audit.helpers import complete_audit, confirm_every_section, example, save_section, section_ids
from tests.conftest import get_page


def stored_guide(app, audit_id: int) -> dict:
    with app.app_context():
        return dict(db.session.get(Audit, audit_id).guide_snapshot)


def restore_guide(app, audit_id: int, snapshot: dict) -> None:
    with app.app_context():
        db.session.get(Audit, audit_id).guide_snapshot = snapshot
        db.session.commit()


def test_results_show_the_stages_the_audit_was_scored_on_not_todays(app, member_client):
    audit_id = complete_audit(member_client, app, "starting-out")
    snapshot = stored_guide(app, audit_id)
    # As if the content had said 50% and 80% on the day the audit was submitted.
    snapshot["stages"] = [
        {**snapshot["stages"][0], "below": 50},
        {**snapshot["stages"][1], "below": 80},
        snapshot["stages"][2],
    ]
    restore_guide(app, audit_id, snapshot)
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "Emerging: below 50%. Developing: 50% to 79%. Established: 80% or more." in page.text
    lines = page.soup.select("svg.app-chart .app-chart__threshold")
    labels = " ".join(line.get_text(" ") for line in page.soup.select("svg.app-chart text"))
    assert "Developing from 50%" in labels and "Established from 80%" in labels, lines


def test_the_chart_labels_each_stage_line_and_draws_no_stage_in_red(app, member_client):
    audit_id = complete_audit(member_client, app, "starting-out")  # every section "Emerging"
    svg = get_page(member_client, f"/audits/{audit_id}/results").soup.select_one("svg.app-chart")
    labels = [" ".join(text.get_text(" ").split()) for text in svg.find_all("text")]
    assert "Developing from 40%" in labels and "Established from 75%" in labels
    fills = {rect["fill"].lower() for rect in svg.find_all("rect")}
    assert fills == {"#5694ca"}, "Emerging bars are light blue"
    assert "#d4351c" not in str(svg).lower(), "no red anywhere in the chart"


def test_a_guide_stored_before_stages_were_kept_shows_the_original_stages(app, member_client):
    audit_id = complete_audit(member_client, app, "starting-out")
    snapshot = stored_guide(app, audit_id)
    del snapshot["stages"]
    restore_guide(app, audit_id, snapshot)
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "Emerging: below 40%. Developing: 40% to 74%. Established: 75% or more." in page.text


def test_results_count_unscored_answers_and_the_heading_matches_the_actions(app, member_client):
    audit_id = complete_audit(member_client, app, "starting-out")
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "Not scored: 4 answers “Not sure”." in page.text
    table = page.soup.find(id="results-table-caption").find_parent("table")
    head = [" ".join(c.get_text().split()) for c in table.thead.find_all("th")]
    assert head[3:] == ["Questions scored", "“Not sure” answers", "“Does not apply” answers"]
    rows = [[" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]
    assert rows[0][3:] == ["6 of 7 questions scored.", "1", "0"], "both counts shown, 0 included"
    assert rows[-1][0] == "All sections together" and rows[-1][4:] == ["4", "0"]
    shown = len(page.soup.select("main ol.govuk-list--number li"))
    assert page.soup.find("h2", string=f"Your {shown} actions") is not None


def test_sections_with_too_few_answers_have_no_score_in_the_stored_rows(app, member_client):
    audit_id = complete_audit(member_client, app, "volunteer-food-bank")
    with app.app_context():
        rows = db.session.scalars(select(SectionScore).where(SectionScore.audit_id == audit_id)).all()
        unscored = [row for row in rows if row.percent is None]
        assert unscored and all(row.band is None for row in unscored)
        assert sum(row.dont_know for row in rows) >= 15
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "Not enough answers" in page.text
    assert "at least half of the questions that apply" in page.text


def test_the_review_question_counts_only_from_the_second_audit(app, member_client):
    first_id = complete_audit(member_client, app, "starting-out")
    first = stored_guide(app, first_id)
    impact = next(s["result"] for s in first["sections"] if s["result"]["section_id"] == "impact")
    assert (first["first_audit"], impact["not_scored_first_audit"]) == (True, 1)
    member_client.post("/audit/new")
    confirm_every_section(member_client, app)
    second_id = int(member_client.post("/audit/submit").headers["Location"].split("/")[2])
    second = stored_guide(app, second_id)
    impact = next(s["result"] for s in second["sections"] if s["result"]["section_id"] == "impact")
    assert (second["first_audit"], impact["not_scored_first_audit"]) == (False, 0)


def test_guide_page_opens_with_next_steps_then_chapters_then_help(app, member_client):
    audit_id = complete_audit(member_client, app, "starting-out")
    page = get_page(member_client, f"/audits/{audit_id}/guide")
    headings = [h.get_text(strip=True) for h in page.soup.select("main h2")]
    assert headings[1] == "Your results and next steps"
    assert headings[-2:] == ["The groups you work with", "Help, key facts and sources"]
    assert "What to do this month" in page.text
    # Steps beyond the few given in full are listed by their action, with the full text one click away.
    details = page.soup.select(".govuk-details")
    assert details and all(d.select_one(".govuk-details__text").get_text(strip=True) for d in details)
    # Each key fact appears once, and local help is for the organisation's own area.
    fact_titles = [h.get_text(strip=True) for h in page.soup.select("main h4")]
    assert len(fact_titles) == len(set(fact_titles)) and "Registering with a GP" in fact_titles
    assert "Local help in North Northamptonshire" in page.text and "West Northamptonshire Council" not in page.text
    for action in page.soup.select("#actions + ol a"):
        assert page.soup.find(id=action["href"].lstrip("#")) is not None, "every action links to its guidance"


def test_compare_reads_answers_stored_under_an_earlier_question_id(app, member_client):
    first_id = complete_audit(member_client, app, "starting-out")
    with app.app_context():
        # An audit stored before local_partnerships was renamed from system_forums.
        answer = db.session.scalar(
            select(Answer).where(Answer.audit_id == first_id, Answer.question_id == "local_partnerships")
        )
        answer.question_id = "system_forums"
        db.session.commit()
    member_client.post("/audit/new")
    commitment = section_ids(app)[0]
    # The re-audit starts from the old answer, now under the question's current id.
    assert get_page(member_client, f"/audit/section/{commitment}").checked("local_partnerships") == ["not_started"]
    save_section(member_client, app, commitment, {**example("starting-out")["answers"], "local_partnerships": "partly"})
    confirm_every_section(member_client, app)
    second_id = int(member_client.post("/audit/submit").headers["Location"].split("/")[2])
    compare = get_page(member_client, f"/audits/{second_id}/compare")
    improved = compare.soup.find("h2", string="What has improved").find_next("dl").get_text(" ")
    assert "Do you take part in local health partnerships or plans?" in improved
    assert "Not started → Partly in place" in " ".join(improved.split())
    assert "(Emerging)" in compare.text
