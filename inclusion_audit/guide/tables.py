"""Rows for the results and compare pages' tables and summary lists (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..engine import Guide
from ..engine.model import Stage
from ..govuk import DASH, Item, cell, numeric, summary_list, table
from ..queries.plan import PlanRow
from .compare import QuestionChange, SectionChange
from .page_data import result_rows
from .wording import PLAN_COLUMNS, PLAN_TITLE, plan_cells


class BenchmarkRow(Protocol):
    """One section's row of benchmark.Benchmark (a protocol, so this module needs nothing from it)."""

    title: str
    score: str
    middle: str
    where: str


def _percent(value: int | None, missing: str = DASH) -> str:
    return f"{value}%" if value is not None else missing


def results_table(guide: Guide) -> Item:
    """Each section's result, stage, how many questions were scored and how many answers were not (by kind),
    then all sections together."""
    return table(
        "Your result in each section",
        [
            cell("Section"),
            numeric("Result"),
            cell("Stage"),
            cell("Questions scored"),
            numeric("\u201cNot sure\u201d answers"),
            numeric("\u201cDoes not apply\u201d answers"),
        ],
        result_rows(guide, with_counts=True),
        caption_size="m",
        label_id="results-table-caption",
    )


def guide_results_table(guide: Guide) -> Item:
    """The guide's opening table: each section's result and stage (the results page adds the counts)."""
    return table(
        "Your result in each section",
        [cell("Section"), numeric("Result"), cell("Stage")],
        result_rows(guide),
        label_id="guide-results-caption",
    )


def plan_table(plan_rows: Sequence[PlanRow]) -> Item:
    """An audit's action plan: each action with who is responsible, its due date and its status."""
    rows = [[cell(text) for text in plan_cells(row)] for row in plan_rows]
    return table(
        PLAN_TITLE,
        [cell(text) for text in PLAN_COLUMNS],
        rows,
        caption_size="m",
        label_id="plan-table-caption",
        row_headers=False,
    )


def stages_list(stages: Iterable[Stage]) -> Item:
    """What each stage means (the scores each covers are said once, above the list)."""
    return summary_list((stage.label, stage.meaning) for stage in stages)


def _change(change: int | None) -> str:
    if change is None:
        return DASH
    if change > 0:
        return f"up {change}"
    return f"down {-change}" if change < 0 else "no change"


def _with_stage(percent: int | None, stage: str | None) -> str:
    return f"{_percent(percent)} ({stage})" if percent is not None and stage else _percent(percent)


def score_changes_table(sections: Sequence[SectionChange], done: dict[str, int] | None = None) -> Item:
    """Each section's score then and now; with `done` (actions done per section id), a column for those."""
    rows = [
        [
            cell(row.title),
            numeric(_with_stage(row.before, row.before_stage)),
            numeric(_with_stage(row.after, row.after_stage)),
            numeric(_change(row.change)),
            *([numeric(done.get(row.section_id, 0))] if done is not None else []),
        ]
        for row in sections
    ]
    return table(
        "Scores in each section",
        [
            cell("Section"),
            numeric("Before"),
            numeric("Now"),
            numeric("Change"),
            *([numeric("Actions done")] if done is not None else []),
        ],
        rows,
        caption_size="m",
        label_id="compare-table-caption",
    )


def answer_changes_list(changes: Iterable[QuestionChange]) -> Item:
    return summary_list((change.text, f"{change.before} → {change.after}") for change in changes)


# The benchmark words each position "... of similar organisations"; the table says that once, in its caption.
_OF_SIMILAR = " of similar organisations"


def benchmark_table(benchmark_rows: Iterable[BenchmarkRow]) -> Item:
    """Each section's score beside similar organisations' (the comparison is named once, in the caption)."""
    rows = [
        [cell(row.title), numeric(row.score), numeric(row.middle), cell(row.where.removesuffix(_OF_SIMILAR))]
        for row in benchmark_rows
    ]
    head = [
        cell("Section"),
        numeric("Your score"),
        numeric("Their middle band"),
        cell("Where you sit among them"),
    ]
    return table(
        "Your score and similar organisations' scores in each section",
        head,
        rows,
        label_id="benchmark-table-caption",
    )


TEMPLATE_GLOBALS = (
    plan_table,
    results_table,
    guide_results_table,
    stages_list,
    score_changes_table,
    answer_changes_list,
    benchmark_table,
)
