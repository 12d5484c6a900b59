"""Review finding, not fixed (a design choice for the lead): a figure that counts every organisation in the view
gets exactly the noise of the view's own count, because the noise depends only on which organisations a figure
counts. So "Organisations that need it" reads the same number as "Organisations with a submitted audit" whenever
every organisation needs the topic, and only about 1 time in 5 when one of them does not. Reading equal numbers,
an attacker who knows an organisation is in the view learns (5 to 1 on) that it needs the topic: one of its
answers, which "fewer than 5" (0 looks like 1 to 4) is meant to keep. The same holds for a section where every
organisation is in one band (that band's count equals the section's), and for a share reading 100%.

Marked xfail (strict): it passes once figures about the same organisations but of different things get
unrelated noise, or a figure whose complement is under 5 is withheld.
"""

from __future__ import annotations

import random

import pytest

from inclusion_audit.disclosure import Cell, show

TRIALS, SIZE = 2000, 12


def _readings(everyone_needs: bool, rng: random.Random) -> bool:
    keys = [rng.randrange(256) for _ in range(SIZE)]
    population = Cell(SIZE, sum(keys))
    needing = keys if everyone_needs else keys[1:]
    need = Cell(len(needing), sum(needing))
    return show(need, population) == show(population, population)


@pytest.mark.xfail(strict=True, reason="same organisations, same noise: equal readings say 'all of them'")
def test_equal_readings_do_not_say_that_every_organisation_needs_the_topic():
    rng = random.Random(7)
    all_equal = sum(_readings(True, rng) for _ in range(TRIALS)) / TRIALS
    one_not_equal = sum(_readings(False, rng) for _ in range(TRIALS)) / TRIALS
    # The attacker's odds from one reading: the promise would be "no better than 2 to 1".
    assert all_equal / max(one_not_equal, 1e-9) < 2, (all_equal, one_not_equal)
