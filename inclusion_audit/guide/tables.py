"""Rows for the results and compare pages' tables and summary lists (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..engine import Guide
from ..engine.schema import Band
from ..govuk import DASH, Item, cell, numeric, summary_list, table
from .compare import QuestionChange, SectionChange

NO_SCORE = "Not enough answers"


class BenchmarkRow(Protocol):
    """One section's row of coordinator.benchmark.Benchmark (not imported: the coordinator package imports this one)."""

    title: str
    score: str
    middle_half: str
    median: str
    where: str


def _percent(value: int | None, missing: str = DASH) -> str:
    return f"{value}%" if value is not None else missing


def results_table(guide: Guide) -> Item:
    rows = [
        [cell(s.result.title), numeric(_percent(s.result.percent, NO_SCORE)), cell(s.result.band_label or DASH)]
        for s in guide.sections
    ]
    overall = guide.overall
    rows.append(
        [cell("All parts together"), numeric(_percent(overall.percent, NO_SCORE)), cell(overall.band_label or DASH)]
    )
    return table(
        "Your result in each part",
        [cell("Part"), numeric("Score"), cell("Stage")],
        rows,
        caption_size="m",
        label_id="results-table-caption",
    )


def stages_list(bands: Iterable[Band]) -> Item:
    """What each stage means, with the score it starts below where there is one."""
    return summary_list(
        (band.label, f"{band.meaning} (below {int(band.below)}%)" if band.below else band.meaning) for band in bands
    )


def _change(change: int | None) -> str:
    if change is None:
        return DASH
    if change > 0:
        return f"up {change}"
    return f"down {-change}" if change < 0 else "no change"


def score_changes_table(sections: Sequence[SectionChange]) -> Item:
    rows = [
        [cell(row.title), numeric(_percent(row.before)), numeric(_percent(row.after)), numeric(_change(row.change))]
        for row in sections
    ]
    return table(
        "Scores in each part",
        [cell("Part"), numeric("Before"), numeric("Now"), numeric("Change")],
        rows,
        caption_size="m",
        label_id="compare-table-caption",
    )


def answer_changes_list(changes: Iterable[QuestionChange]) -> Item:
    return summary_list((change.text, f"{change.before} → {change.after}") for change in changes)


def benchmark_table(benchmark_rows: Iterable[BenchmarkRow]) -> Item:
    rows = [
        [cell(row.title), numeric(row.score), numeric(row.middle_half), numeric(row.median), cell(row.where)]
        for row in benchmark_rows
    ]
    head = [
        cell("Part"),
        numeric("Your score"),
        numeric("Middle half of similar organisations"),
        numeric("Median"),
        cell("Where you sit"),
    ]
    return table(
        "Your score and similar organisations' scores in each part",
        head,
        rows,
        label_id="benchmark-table-caption",
    )


TEMPLATE_GLOBALS = (results_table, stages_list, score_changes_table, answer_changes_list, benchmark_table)
