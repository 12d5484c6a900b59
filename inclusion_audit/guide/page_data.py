"""Rows and lists for the results and guide pages, built in Python so the templates only lay them out."""

from __future__ import annotations

from typing import Any

from ..engine.model import Guide, SectionResult
from .wording import MORE_STEPS, NOT_ENOUGH_ANSWERS, help_lists, scored_note


def _percent(percent: int | None) -> str:
    return f"{percent}%" if percent is not None else NOT_ENOUGH_ANSWERS


def result_rows(guide: Guide, *, with_counts: bool = False) -> list[list[dict[str, Any]]]:
    """govukTable rows: each section's result and stage, then the overall result. `with_counts` adds how many
    questions were scored and how many answers were "Not sure" and "Does not apply" (0 included)."""

    def row(
        title: str, percent: int | None, stage: str | None, counts: tuple[int, int], result: SectionResult | None
    ) -> list[dict[str, Any]]:
        cells: list[dict[str, Any]] = [
            {"text": title},
            {"text": _percent(percent), "format": "numeric"},
            {"text": stage or "\u2013"},
        ]
        if with_counts:
            note = (
                ""
                if result is None
                else scored_note(result.scored, result.questions, first_audit=result.not_scored_first_audit)
            )
            cells.append({"text": note or "\u2013"})
            cells.extend({"text": str(number), "format": "numeric"} for number in counts)
        return cells

    rows = [
        row(
            s.result.title,
            s.result.percent,
            s.result.band_label,
            (s.result.dont_know, s.result.not_applicable),
            s.result,
        )
        for s in guide.sections
    ]
    overall = guide.overall
    rows.append(row("All sections together", overall.percent, overall.band_label, guide.counts, None))
    return rows


def guide_page_context(guide: Guide) -> dict[str, Any]:
    return {"result_rows": result_rows(guide), "help_lists": help_lists(guide), "more_steps": MORE_STEPS}
