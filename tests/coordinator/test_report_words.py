"""Review findings: sentences in the board report, the needs page and the Needs sheet that said more than the
code does. Each is checked here against what the figures count."""

from __future__ import annotations

import io

import docx
import pytest

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.needs import NEED_DEFINITION
from inclusion_audit.queries.need_definition import low_values
from tests.conftest import get_page

from .fixture import build
from .helpers import read_xlsx, sign_in_staff

STANDARD = ("Not started", "Planning or early steps")
KNOWLEDGE = ("No one yet", "A few of us")


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def _paragraphs(coordinator) -> list[str]:
    response = coordinator.get("/coordinator/report.docx?period=12m")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.data))
    return [" ".join(p.text.split()) for p in document.paragraphs]


def test_the_headline_table_says_what_its_rows_count(coordinator):
    document = docx.Document(io.BytesIO(coordinator.get("/coordinator/report.docx?period=12m").data))
    table = document.tables[0]
    labels = [row.cells[0].text for row in table.rows[1:]]
    assert "Audits started" in labels and "Audits submitted" in labels
    assert table.rows[0].cells[1].text != "Organisations"  # two of its rows count audits, not organisations
    text = next(p for p in _paragraphs(coordinator) if p.startswith("Showing: "))
    # Registrations, starts and submissions are counted when they happened, not from the latest audits.
    assert "each organisation's latest submitted audit" not in text.split(";")[0]
    assert "registered, audits started and audits submitted" in text


def test_the_pipeline_source_line_names_the_organisations_waiting_to_be_verified(coordinator):
    sources = [p for p in _paragraphs(coordinator) if p.startswith("Source:") and "any period" in p]
    assert len(sources) == 1 and "waiting to be verified" in sources[0], sources


def test_the_needs_definition_is_true_of_every_question(app, coordinator):
    with app.app_context():
        content = get_content()
        pairs = {}
        for question_id, question in content.questions.items():
            low = low_values(content, question_id)
            labels = tuple(option.label for option in question.options if option.value in low)
            first_two = tuple(option.label for option in question.options[:2])
            pairs[question_id] = labels
            assert labels in (STANDARD, KNOWLEDGE) or labels == first_two, question_id
        named = [q for q, labels in pairs.items() if labels in (STANDARD, KNOWLEDGE)]
        assert len(named) > len(pairs) / 2  # "on most questions"
        assert any(labels not in (STANDARD, KNOWLEDGE) for labels in pairs.values())  # hence "the few ..."
    assert "two lowest answers" in NEED_DEFINITION and "first two answers" in NEED_DEFINITION
    page = get_page(coordinator, "/coordinator/needs")
    assert " ".join(page.soup.select_one("#needs-definition").get_text().split()) == NEED_DEFINITION
    about = dict(
        (row[0], row[1]) for row in read_xlsx(coordinator.get("/coordinator/export/summary.xlsx"))["About this data"]
    )
    assert NEED_DEFINITION in about["Organisations that need it (Needs)"]
    assert any(NEED_DEFINITION in p for p in _paragraphs(coordinator))


def test_the_dashboards_short_list_says_the_same(coordinator):
    page = get_page(coordinator, "/coordinator/")
    text = " ".join(page.soup.select_one("#top-needs-definition").get_text().split())
    assert "one of the two lowest answers to at least one of the topic's questions" in text
    assert "two lowest answers to at least one of the topic's questions" in NEED_DEFINITION
