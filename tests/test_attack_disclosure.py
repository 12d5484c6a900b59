"""The attacker's view of the coordinator figures: differencing two views, and fake organisations.

Both attacks were carried out by hand against the service before cell key perturbation and verification (issue
16). These tests repeat them on generated data, using only what the dashboard shows, and check that what the
attacker learns stays within what docs/privacy.md promises. They are written against the dashboard's public
behaviour (`dashboard_data` and the filter choices), so the same test also runs against the earlier design,
where it fails.
"""

from __future__ import annotations

import itertools
import random
from datetime import timedelta

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.figures import distribution_table
from inclusion_audit.coordinator.filters import period_choices, period_range
from inclusion_audit.coordinator.view_data import dashboard_data
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, utcnow
from inclusion_audit.queries import Filters
from inclusion_audit.queries.stored_figures import rebuild_stored_figures
from tests.coordinator.fixture import submitted_audit

ORGANISATIONS = 80
PAIRS_READ = 300  # of the pairs found, the attacker reads this many (chosen at random): enough, and quick
BANDS = 5
# What docs/privacy.md promises ("What an attacker can still learn"): of the organisations an attacker can
# isolate by comparing two views, the attacker names the right band for at most 1 in 10.
RIGHT_AT_MOST = 0.1
VERIFIED = {"verification": "verified"} if hasattr(Organisation, "verification") else {}  # earlier design: none


def _generate(app, seed: int) -> dict[int, tuple[dict, int]]:
    """Organisations with one submitted audit each, spread over two years: id -> (profile, band)."""
    rng, today, made = random.Random(seed), utcnow(), {}
    with app.app_context():
        lists = get_content().config.profile
        for number in range(ORGANISATIONS):
            profile = {
                "area": rng.choice(list(lists.areas)),
                "org_type": rng.choice(list(lists.org_types)),
                "size_band": rng.choice(list(lists.size_bands)),
            }
            organisation = Organisation(name=f"Generated {number}", profile_completed_at=today, **profile, **VERIFIED)
            organisation.groups = rng.sample(list(lists.groups), k=rng.randint(1, 2))
            score = rng.randint(0, 100)
            when = today - timedelta(days=rng.randint(1, 700))
            db.session.add(organisation)
            db.session.add(submitted_audit(organisation, score, {}, when))
            db.session.flush()
            made[organisation.id] = ({**profile, "groups": set(organisation.groups), "when": when}, min(score // 20, 4))
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
    return made


def _views() -> list[Filters]:
    """Every combination of filters the dashboard's form offers."""
    lists, today = get_content().config.profile, utcnow().date()
    periods = [period_range(value, today) for value, _ in period_choices(today)]
    options = [[None, *lists.areas], [None, *lists.org_types], [None, *lists.size_bands], [None, *lists.groups]]
    return [
        Filters(start, end, area, org_type, size_band, group)
        for (start, end), (area, org_type, size_band, group) in itertools.product(periods, itertools.product(*options))
    ]


def _population(filters: Filters, made) -> frozenset[int]:
    def matches(profile) -> bool:
        return (
            (filters.start is None or profile["when"] >= filters.start)
            and (filters.end is None or profile["when"] < filters.end)
            and all(getattr(filters, name) in (None, profile[name]) for name in ("area", "org_type", "size_band"))
            and (filters.group is None or filters.group in profile["groups"])
        )

    return frozenset(id_ for id_, (profile, _) in made.items() if matches(profile))


def _pairs(made) -> dict[tuple[frozenset, frozenset], tuple[Filters, Filters, int]]:
    """Pairs of views whose populations differ by exactly one organisation (one pair per two populations)."""
    by_population: dict[frozenset, Filters] = {}
    for filters in _views():
        by_population.setdefault(_population(filters, made), filters)
    pairs = {}
    for population, with_target in by_population.items():
        for target in population:
            without = population - {target}
            if without in by_population:
                pairs[(population, without)] = (with_target, by_population[without], target)
    return pairs


def _row_shown(app, filters: Filters) -> tuple[str, ...]:
    """The first part's row of the spread table, as downloaded: count, the five bands, then any summaries."""
    with app.test_request_context():
        return tuple(distribution_table(dashboard_data(get_content(), filters).distribution)[0][1:])


def _bands_shown(app, filters: Filters) -> tuple[str, ...]:
    return _row_shown(app, filters)[1 : 1 + BANDS]


def _percent(text: str) -> int | None:
    return int(text[:-1]) if text.endswith("%") and text[:-1].isdigit() else None


def _narrowed(low: int, high: int, with_row, without_row) -> tuple[int, int]:
    """A summary that is an exact percentage (a quartile, a median) moves up when the organisation added scores
    above it, and down when below: each move narrows where the organisation's score can be."""
    for after, before in zip(with_row[1 + BANDS :], without_row[1 + BANDS :], strict=True):
        after, before = _percent(after), _percent(before)
        if after is not None and before is not None and after != before:
            low, high = (max(low, before), high) if after > before else (low, min(high, before))
    return low, high


def differencing_attack(app, seed: int) -> dict:
    made = _generate(app, seed)
    with app.app_context():
        pairs = _pairs(made)
    changed: dict[int, set[int]] = {}
    ranges: dict[int, tuple[int, int]] = {}
    read = random.Random(seed).sample(sorted(pairs.values(), key=repr), min(PAIRS_READ, len(pairs)))
    for with_target, without, target in read:
        with_row, without_row = _row_shown(app, with_target), _row_shown(app, without)
        shown = zip(with_row[1 : 1 + BANDS], without_row[1 : 1 + BANDS], strict=True)
        changed.setdefault(target, set()).update(band for band, (a, b) in enumerate(shown) if a != b)
        ranges[target] = _narrowed(*ranges.get(target, (0, 100)), with_row, without_row)
    # The attacker names a band when exactly one band's figure ever changed for the organisation, or when the
    # summaries narrowed its score to one band (and the two do not disagree).
    claims = {}
    for target, bands in changed.items():
        low, high = ranges[target]
        by_summary = {min(low // 20, 4)} if min(low // 20, 4) == min(max(high - 1, 0) // 20, 4) else set()
        by_change = bands if len(bands) == 1 else set()
        if len(by_summary | by_change) == 1:
            claims[target] = next(iter(by_summary | by_change))
    right = sum(made[target][1] == band for target, band in claims.items())
    return {"pairs": len(pairs), "targets": len(changed), "claims": len(claims), "right": right}


def test_differencing_two_views_does_not_give_an_organisations_band_away(app):
    """Every pair of views the filters allow whose populations differ by one organisation, on generated data."""
    found = differencing_attack(app, seed=16)
    print(f"differencing: {found}")  # quoted in the closing note (pytest -s)
    assert found["targets"] >= 20, "the generated data must give the attacker something to work with"
    assert found["right"] <= RIGHT_AT_MOST * found["targets"], found


def sybil_attack(app, accounts, target_band: int) -> tuple[str, ...]:
    """A real organisation alone in its area and group; the attacker registers four more there, through the
    service as anyone can, all scoring 0 to 19%, and reads that area and group's figures."""
    area, group = "north_northamptonshire", "gypsy_roma_traveller"
    with app.app_context():
        target = Organisation(name="Lone Target", area=area, org_type="charity", size_band="under_10", **VERIFIED)
        target.groups = [group]
        db.session.add(target)
        db.session.add(submitted_audit(target, 20 * target_band + 5, {}, utcnow() - timedelta(days=3)))
        db.session.commit()
    for number in range(4):
        email = f"fake{number}@example.net"
        accounts.member(email=email, organisation=f"Fake {number}", area=area, org_type="charity", size_band="under_10")
        with app.app_context():
            fake = db.session.query(Organisation).filter_by(name=f"Fake {number}").one()
            fake.groups = [group]
            db.session.add(submitted_audit(fake, 5, {}, utcnow() - timedelta(days=2)))
            db.session.commit()
    with app.app_context():
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
    return _bands_shown(app, Filters(area=area, group=group))


def test_fake_organisations_next_to_a_lone_target_learn_nothing_about_it(app, accounts):
    """Whatever band the target is in, the attacker sees exactly the same figures."""
    shown = {}
    for band in range(BANDS):
        shown[band] = sybil_attack(app, accounts, band)
        # Start again for the next band: a fresh set of organisations, as if on another day.
        with app.app_context():
            for table in reversed(db.metadata.sorted_tables):
                db.session.execute(table.delete())
            db.session.commit()
    print(f"fake organisations: figures shown for each band of the target: {shown}")
    assert len(set(shown.values())) == 1, shown
