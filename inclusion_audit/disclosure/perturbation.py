"""Cell key perturbation: a little noise on every count, the same noise whenever the same figure comes back.

The cell key of a figure is worked out from its organisations' record keys and from those of the figure's
population (the organisations a table describes: those with a submitted audit in the view). Two views that differ
by one organisation therefore have different populations, so every figure in them gets fresh noise, not only the
one the organisation moved; and the same view, asked for again or downloaded, gets exactly the same figures.

The p-table below says, for a cell key from 0 to 255, how much to add to a true count. Zero is never moved (it
reads "fewer than 5" like any small count, see `rules`); a count of 1 is never made 0.
"""

from __future__ import annotations

import hashlib

from .cells import RECORD_KEYS, Cell

# Noise and how many of the 256 cell keys get it: -2 and +2 each 10%, -1 and +1 each 20%, 0 for 40%.
P_TABLE: tuple[tuple[int, int], ...] = ((-2, 26), (-1, 51), (0, 102), (1, 51), (2, 26))
assert sum(share for _, share in P_TABLE) == RECORD_KEYS  # nosec B101  (a check on the table above, at import)


def cell_key(cell: Cell, population: Cell, kind: str = "") -> int:
    """0 to 255, fixed by the count, which organisations are in the cell, which are in its population and what
    kind of figure it is. A hash rather than the plain sum of the keys, so that two counts about the same
    organisations get unrelated noise when they count different things: organisations and their actions, or a
    topic that every organisation in the view needs and the view's own count. Without `kind` such a figure would
    read exactly the view's count whenever it holds all of its organisations, and equal readings would say "all
    of them" (docs/privacy.md). The same figure keeps its kind wherever it is shown, so it reads the same."""
    label = f"{cell.count}:{cell.keys}:{population.keys}" + (f":{kind}" if kind else "")
    digest = hashlib.blake2b(label.encode(), digest_size=2).digest()
    return int.from_bytes(digest, "big") % RECORD_KEYS


def noise(count: int, key: int) -> int:
    """What the p-table adds to a true count with this cell key."""
    if count == 0:
        return 0
    upper = 0
    for change, share in P_TABLE:
        upper += share
        if key < upper:
            return max(change, 1 - count)  # never below 1: a count of organisations that exist stays above 0
    raise ValueError(f"cell key {key} is not 0 to {RECORD_KEYS - 1}")


def perturbed(cell: Cell, population: Cell, kind: str = "") -> int:
    """The count with its noise: what every figure shown is built from. `kind` names what the figure counts
    (a `Kind`); the view's own count of organisations has none."""
    if cell.count < 0:
        raise ValueError("a count cannot be negative")
    return cell.count + noise(cell.count, cell_key(cell, population, kind))


class Kind:
    """What a figure counts, when it may hold exactly the organisations of its view (see `cell_key`)."""

    REGISTERED = "registered"
    STARTED = "started"  # audits started
    SUBMITTED = "submitted"  # audits submitted
    SCORED = "scored"  # organisations with a score in a section
    BAND = "band"  # organisations in one band of a section's scores
    HIGH = "high"  # organisations scoring 60% or more in a section
    NEED = "need"
    UNSURE = "unsure"
    NOT_STARTED = "not started"  # organisations answering a question "Not started"
    NOT_SURE = "not sure"
    EITHER = "not started or not sure"
    PLAN = "plan"  # organisations using their action plan
    PLAN_DONE = "plan done"  # organisations with an action done in a section
    STEP = "step"  # organisations at one step of the pipeline
