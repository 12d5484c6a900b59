"""Each sentence the dashboard (and its Excel download, and the privacy page) says about the figures, shown true.

The sentences are in `coordinator/explanation.py`; the design is in docs/privacy.md.
"""

from __future__ import annotations

import random

import pytest

from inclusion_audit.coordinator.explanation import EXPLANATION, FEWER_THAN_5, NOISE, SUMMARIES, WHO_COUNTS
from inclusion_audit.disclosure import FEWER, Cell, Kind, middle_band, perturbed, share, show
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, utcnow
from inclusion_audit.queries.stored_figures import rebuild_stored_figures
from tests.conftest import get_page

from .fixture import build, submitted_audit
from .helpers import read_csv, read_xlsx, sign_in_staff

rng = random.Random(16)
# Many cells as the queries make them: a count, and a sum of that many record keys (0 to 255 each).
CELLS = [
    (Cell(count, sum(rng.randrange(256) for _ in range(count))), Cell(0, rng.randrange(256 * 200)))
    for count in [rng.randint(0, 200) for _ in range(4000)]
]


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def test_the_dashboard_and_its_download_say_these_sentences(coordinator):
    page = get_page(coordinator, "/coordinator/")
    about = [" ".join(p.get_text().split()) for p in page.soup.select("#about-figures p")]
    assert about[: len(EXPLANATION)] == list(EXPLANATION)
    sheets = read_xlsx(coordinator.get("/coordinator/export/summary.xlsx"))
    meanings = [row[1] for row in sheets["About this data"]]
    assert all(sentence in meanings for sentence in EXPLANATION)


def figures(page) -> list[str]:
    """Every figure on the dashboard: the summary, the tables and the charts."""
    cells = page.soup.select(".govuk-summary-list__value, table td, svg text, svg desc")
    return [" ".join(cell.get_text().split()) for cell in cells]


def test_who_counts_organisations_nobody_has_verified_change_no_figure(app, coordinator):
    assert (
        WHO_COUNTS == "These figures only count organisations that a coordinator for their area has verified as real."
    )
    before = figures(get_page(coordinator, "/coordinator/"))
    with app.app_context():  # ten more, unverified or rejected, with results in every band
        for number in range(10):
            verification = "unverified" if number % 2 else "rejected"
            profile = {"area": "north_northamptonshire", "org_type": "charity", "size_band": "under_10"}
            organisation = Organisation(name=f"Not verified {number}", verification=verification, **profile)
            db.session.add(organisation)
            db.session.add(submitted_audit(organisation, 10 * number, {"named_lead": "not_started"}, utcnow()))
        db.session.flush()
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
    assert figures(get_page(coordinator, "/coordinator/")) == before


def test_every_count_is_changed_by_at_most_2_and_about_4_in_10_are_exact():
    assert "every count has been changed by up to 2, up or down: about 4 in 10 counts are exact" in NOISE
    changes = [perturbed(cell, population) - cell.count for cell, population in CELLS]
    assert all(-2 <= change <= 2 for change in changes)
    assert {-2, -1, 0, 1, 2} <= set(changes)
    exact = [change == 0 for (cell, _), change in zip(CELLS, changes, strict=True) if cell.count >= 3]
    assert 0.37 <= sum(exact) / len(exact) <= 0.43  # the p-table: 102 of 256 cell keys
    assert all(perturbed(cell, p) >= 1 for cell, p in CELLS if cell.count)  # never "none" for some


def test_totals_may_not_add_up_exactly():
    assert "Totals may not add up exactly." in NOISE
    population = Cell(0, 12345)
    parts = [(Cell(8 + n, 300 * n), Cell(9 + n, 200 * n + 7)) for n in range(50)]
    sums_differ = [
        perturbed(a, population) + perturbed(b, population) != perturbed(a + b, population) for a, b in parts
    ]
    assert any(sums_differ) and not all(sums_differ)


def test_the_same_selection_shows_the_same_figures_on_the_page_and_in_downloads(coordinator):
    assert "The same selection always shows the same figures, on the page and in downloads" in NOISE
    query = "?area=north_northamptonshire"
    page = get_page(coordinator, f"/coordinator/{query}")
    table = next(t for t in page.soup.select("table") if t.caption.get_text().strip().startswith("Spread of scores"))
    on_page = [[" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])] for row in table.tbody("tr")]
    csv_rows = read_csv(coordinator.get(f"/coordinator/export/summary.csv{query}"))[1:]
    sheets = read_xlsx(coordinator.get(f"/coordinator/export/summary.xlsx{query}"))
    xlsx_rows = [[str(c) for c in row] for row in sheets["Spread of scores"][1:]]
    assert on_page == csv_rows == xlsx_rows
    assert figures(get_page(coordinator, f"/coordinator/{query}")) == figures(page)
    # The same cell gets the same noise however often it is asked for.
    assert all(perturbed(cell, p) == perturbed(cell, p) for cell, p in CELLS[:200])


def test_a_count_below_5_including_none_reads_fewer_than_5():
    assert FEWER_THAN_5 == "A count below 5, including none at all, is shown as “fewer than 5”."
    assert show(Cell(), Cell(0, 999)) == FEWER
    for cell, population in CELLS:
        shown = show(cell, population)
        assert shown == FEWER if perturbed(cell, population) < 5 else shown == str(perturbed(cell, population))
        assert shown == FEWER or int(shown) >= 5


def test_no_medians_or_quartiles_on_the_page_or_in_downloads(coordinator):
    assert SUMMARIES.startswith("There are no medians or quartiles.")
    page = get_page(coordinator, "/coordinator/")
    for box in page.soup.select("#about-figures"):
        box.decompose()  # the sentence itself names them
    assert "median" not in page.soup.get_text().lower() and "quartile" not in page.soup.get_text().lower()
    sheets = read_xlsx(coordinator.get("/coordinator/export/summary.xlsx"))
    cells = [str(c).lower() for rows in sheets.values() for row in rows for c in row]
    cells = [c.replace("there are no medians or quartiles", "") for c in cells]  # the About sheet says so
    cells += [c.lower() for row in read_csv(coordinator.get("/coordinator/export/summary.csv")) for c in row]
    assert not [c for c in cells if "median" in c or "quartile" in c]


def test_the_middle_band_and_the_share_come_from_changed_counts_and_only_for_10_or_more():
    assert "worked out from the changed counts, and only shown for 10 or more organisations" in SUMMARIES
    population = Cell(0, 4242)
    for count in range(1, 30):
        bands = [Cell(count, 37 * count), Cell(0), Cell(0), Cell(0), Cell(0)]  # everyone in the lowest band
        whole = bands[0]
        shown = perturbed(whole, population)
        assert (middle_band(bands, population) is None) == (perturbed(whole, population, Kind.SCORED) < 10)
        assert (share(whole, whole, population) is None) == (shown < 10)
    # From the changed counts: the share of a part that is the whole can be off 100% by the noise alone.
    shares = {share(Cell(n, 3 * n), Cell(n, 5 * n), population) for n in range(10, 60)}
    assert shares - {None, 100} and all(s is None or s % 5 == 0 for s in shares)


def test_the_privacy_page_says_the_same(client):
    page = get_page(client, "/privacy")
    section = page.soup.find(id="coordinator-figures").find_next("ul").get_text(" ")
    text = " ".join(section.split())
    assert "verified as real" in text and "misled into verifying them" in text
    assert "up to 2 up or down, which stays the same each time the same figures are shown" in text
    assert "any count below 5, including none, is shown as “fewer than 5”" in text
    assert "no averages, medians or quartiles" in text and "for 10 or more organisations" in text
