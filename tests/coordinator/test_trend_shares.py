"""A trend's share scoring 60% or more is a count in disguise (the share times the quarter's organisations), so it
obeys the small-number rule: fewer than 5 organisations at 60% or more, none included, never reads as a share.
The side-by-side rows already did; the trends (dashboard, Trends sheet, board report) print the same measure."""

from __future__ import annotations

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.explanation import SUMMARIES
from inclusion_audit.coordinator.figures import trend_rows
from inclusion_audit.coordinator.side_by_side import share_cell
from inclusion_audit.disclosure import FEWER, Cell
from tests.conftest import get_page

from .fixture import build
from .helpers import sign_in_staff


def _buckets(low: int, high: int) -> list[Cell]:
    cells = [Cell()] * 10
    cells[2], cells[7] = Cell(low, low * 100), Cell(high, high * 100 + 1)
    return cells


def test_a_quarter_where_none_or_a_handful_score_60_or_more_shows_no_share(app):
    with app.app_context():
        content = get_content()
        first = content.sections[0].id
        for high in (0, 1, 2):
            population = Cell(40 + high, 4000 + high * 101)
            rows = trend_rows(content, {(2026, 1): population}, {(2026, 1): {first: _buckets(40, high)}})
            (row,) = rows
            # 0% would say "none at all", 5% "about 2": both are what "fewer than 5" is there to hide.
            assert row.shares[0] is None, (high, row.share_texts[0])
            assert row.share_texts[0] == FEWER


def test_trends_and_side_by_side_read_the_same_share_for_the_same_organisations(app):
    with app.app_context():
        content = get_content()
        first = content.sections[0].id
        for low, high in ((20, 20), (3, 12), (30, 3), (4, 4)):
            population = Cell(low + high, low * 100 + high * 100 + 1)
            (row,) = trend_rows(content, {(2026, 1): population}, {(2026, 1): {first: _buckets(low, high)}})
            cell = share_cell(_buckets(low, high), population)
            assert (row.shares[0], row.share_texts[0]) == (cell.share, cell.text), (low, high)


def test_the_pages_say_so(app, accounts):
    build(app)
    coordinator = sign_in_staff(accounts)
    assert "A share is not shown when fewer than 5 of them score 60% or more." in SUMMARIES
    page = get_page(coordinator, "/coordinator/")
    assert "fewer than 5 of them scoring 60% or more" in page.text
