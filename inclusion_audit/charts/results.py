"""An organisation's result in each section, as bars: on its results page and on a coordinator's named view."""

from __future__ import annotations

from markupsafe import Markup

from ..engine.model import Guide
from .bars import Bar, bar_chart


def results_chart(guide: Guide, title: str = "Your result in each section of the audit") -> Markup:
    """Stage lines come from the guide as stored, so an old audit shows the stages it was scored on."""
    bars = [Bar(s.result.title, s.result.percent, s.result.band) for s in guide.sections]
    # Each threshold is where the next stage starts, so the line is labelled with that stage.
    starts = [
        (int(stage.below), following.label)
        for stage, following in zip(guide.stages, guide.stages[1:], strict=False)
        if stage.below is not None
    ]
    return bar_chart(bars, title=title, thresholds=starts)
