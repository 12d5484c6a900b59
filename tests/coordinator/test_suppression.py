"""The small-number rule: as a pure function, and held on every page and download for any filters."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusion_audit.coordinator.figures import DISTRIBUTION_HEADER
from inclusion_audit.coordinator.filters import period_choices
from inclusion_audit.coordinator.stats import BUCKETS, quantile
from inclusion_audit.coordinator.suppression import FEWER, safe_count, safe_statistic, show_count, show_statistic
from inclusion_audit.models import utcnow
from tests.conftest import parse

from .fixture import HIDDEN_NAMES, build
from .helpers import is_safe_count, read_csv, read_xlsx, sign_in_staff, unsafe_figures

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(st.integers(min_value=0, max_value=10_000))
def test_a_shown_count_is_never_1_to_4_and_is_within_2_of_the_truth(count):
    shown = safe_count(count)
    if 1 <= count <= 4:
        assert shown is None and show_count(count) == FEWER
    else:
        assert shown % 5 == 0 and abs(shown - count) <= 2
        assert shown >= 5 or count == 0


@given(st.integers(min_value=0, max_value=1000), st.integers(min_value=0, max_value=1000))
def test_no_difference_between_shown_counts_is_1_to_4(a, b):
    shown_a, shown_b = safe_count(a), safe_count(b)
    if shown_a is not None and shown_b is not None:
        assert abs(shown_a - shown_b) % 5 == 0


def test_statistics_need_5_organisations():
    assert safe_statistic(42, 4) is None and safe_statistic(42, 5) == 42
    assert show_statistic(42, 3) == FEWER and show_statistic(42, 0) == "–" and show_statistic(42, 9) == "42%"
    with pytest.raises(ValueError):
        safe_count(-1)


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=BUCKETS, max_size=BUCKETS))
def test_quantiles_stay_in_range_and_in_order(buckets):
    values = [quantile(buckets, q) for q in (0.25, 0.5, 0.75)]
    if sum(buckets) == 0:
        assert values == [None] * 3
    else:
        assert all(0 <= v <= 100 for v in values) and values == sorted(values)


TODAY = utcnow().date()
filter_sets = st.fixed_dictionaries(
    {
        "period": st.sampled_from([value for value, _ in period_choices(TODAY)]),
        "area": st.sampled_from(
            ["all", "north_northamptonshire", "west_northamptonshire", None, "west_northamptonshire"]
        ),
        "org_type": st.sampled_from(["", "charity", "cic", "faith_group", "social_enterprise"]),
        "size_band": st.sampled_from(["", "volunteer_only", "under_10", "from_10_to_49", "over_50"]),
        "group": st.sampled_from(["", "homelessness", "justice", "sex_workers", "drugs_alcohol"]),
    }
)


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


@PROPERTY
@given(filters=filter_sets)
def test_no_page_or_summary_download_describes_1_to_4_organisations(coordinator, filters):
    query = urlencode(filters)
    page = parse(coordinator.get(f"/coordinator/?{query}"))
    assert page.status == 200
    assert unsafe_figures(page) == []
    assert not any(name in page.text for name in HIDDEN_NAMES)
    rows = read_csv(coordinator.get(f"/coordinator/export/summary.csv?{query}"))
    assert rows[0] == list(DISTRIBUTION_HEADER)
    assert all(is_safe_count(cell) for row in rows[1:] for cell in row[1:7])


def test_the_excel_summary_follows_the_rule_too(coordinator):
    sheets = read_xlsx(coordinator.get("/coordinator/export/summary.xlsx?area=north_northamptonshire"))
    assert list(sheets) == ["Spread of scores", "Trends", "Gaps", "About this data"]
    spread = sheets["Spread of scores"]
    assert spread[0] == list(DISTRIBUTION_HEADER)
    assert all(is_safe_count(str(cell)) for row in spread[1:] for cell in row[1:7])
    assert all(is_safe_count(str(row[1])) for row in sheets["Trends"][1:])
    assert all(is_safe_count(str(cell)) for row in sheets["Gaps"][1:] for cell in row[3:5])
    assert ["Filters", "All time, North Northamptonshire"] in sheets["About this data"]


def test_the_fixture_does_suppress_something(coordinator):
    """Guard for the property test: make sure the fixture actually has small cells to hide."""
    page = parse(coordinator.get("/coordinator/?area=west_northamptonshire"))
    assert page.text.count(FEWER) > 10
