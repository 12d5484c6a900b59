"""What only the organisation's own copy of its guide shows, given to the PDF and Word renderers alike."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..queries.plan import PlanRow


@dataclass(frozen=True)
class OwnCopy:
    """The action plan as it stands on `plan_on` (`queries.plan_rows`), shown after the opening page, and the notes on
    each section by section id (`queries.section_notes`), shown as an appendix. Empty for anyone else's copy."""

    plan: Sequence[PlanRow] = ()
    plan_on: datetime.date | None = None
    notes: Mapping[str, str] = field(default_factory=dict)


# Anyone else's copy: no plan and no notes.
NOBODYS_OWN = OwnCopy()
