"""Attack: "all of them". A figure that counts every organisation in the view holds the same organisations as the
view's own count. If the two got the same noise, they would read the same number exactly when every organisation
is alike (all need a topic, all are in one band), and only now and then otherwise: equal readings would tell an
attacker who knows an organisation is in the view one of its answers, about 5 to 1 on.

Each kind of figure has noise of its own (`disclosure.Kind`), so equal readings say little. The attacker's odds
from one reading are asserted under 2 to 1, played through the code the pages use (the needs rows and the spread
of scores), on fresh record keys each time.
"""

from __future__ import annotations

import random

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.figures import distribution_rows
from inclusion_audit.coordinator.needs import rank_rows
from inclusion_audit.disclosure import Cell, show
from inclusion_audit.queries.needs import TopicCells

TRIALS, SIZE = 2000, 12
TOPIC = "governance_strategy"


def _view(rng: random.Random, everyone: bool) -> tuple[Cell, Cell]:
    """The view's population and a cell holding all of it, or all but one organisation."""
    keys = [rng.randrange(256) for _ in range(SIZE)]
    counted = keys if everyone else keys[1:]
    return Cell(SIZE, sum(keys)), Cell(len(counted), sum(counted))


def _odds(reads_alike) -> float:
    rng = random.Random(7)
    when_all = sum(reads_alike(*_view(rng, True)) for _ in range(TRIALS)) / TRIALS
    when_not = sum(reads_alike(*_view(rng, False)) for _ in range(TRIALS)) / TRIALS
    return when_all / max(when_not, 1e-9)


def test_a_topic_every_organisation_needs_does_not_read_as_the_view_count(app):
    with app.app_context():
        content = get_content()

    def reads_alike(population: Cell, need: Cell) -> bool:
        (row,) = [r for r in rank_rows(content, {TOPIC: TopicCells(need, Cell())}, population) if r.topic_id == TOPIC]
        return str(row.need) == show(population, population)

    assert _odds(reads_alike) < 2


def test_a_band_holding_every_scored_organisation_does_not_read_as_the_sections_count(app):
    with app.app_context():
        content = get_content()
    section = content.sections[0].id

    def reads_alike(population: Cell, band: Cell) -> bool:
        # The whole section scored, everyone (or all but one) in the 40-59% band, the other one in 0-19%.
        rest = Cell(population.count - band.count, population.keys - band.keys)
        buckets = {section: [rest, Cell(), Cell(), Cell(), band, Cell(), Cell(), Cell(), Cell(), Cell()]}
        row = next(r for r in distribution_rows(content, buckets, population) if r.section_id == section)
        return row.band_texts[2] == row.organisations

    assert _odds(reads_alike) < 2
