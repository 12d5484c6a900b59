"""Result rows, the table `make bench` prints, and docs/benchmarks.md."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One measurement against its reference. `ratio` is always ours / reference."""

    metric: str
    ours: float
    reference: float
    unit: str  # "ms", "MB", "req/s" or "x"
    reference_name: str
    goal: str
    met: bool | None  # None: no goal, shown for information
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.ours / self.reference if self.reference else None


def timing_row(metric: str, ours_s: float, ref_s: float, ref_name: str, max_ratio: float | None, **extra) -> Row:
    """A time in seconds against its reference, with an optional 'at most N times the reference' goal."""
    goal = f"≤ {max_ratio:g}× reference" if max_ratio is not None else "—"
    met = None if max_ratio is None else ours_s <= max_ratio * ref_s
    return Row(metric, ours_s * 1000, ref_s * 1000, "ms", ref_name, goal, met, **extra)


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "req/s":
        return f"{value:.0f} req/s"
    if unit == "x":
        return f"{value:.2f}×"
    return f"{value:g} {unit}"


def _met(row: Row) -> str:
    return {True: "yes", False: "**NO**", None: "info"}[row.met]


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| Metric | Ours | Reference | Ratio (ours ÷ ref) | Goal | Met? |",
        "| --- | ---: | --- | ---: | --- | --- |",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
        reference = f"{fmt(row.reference, row.unit)} ({row.reference_name})"
        metric = f"{row.metric} ({row.note})" if row.note else row.metric
        lines.append(f"| {metric} | {fmt(row.ours, row.unit)} | {reference} | {ratio} | {row.goal} | {_met(row)} |")
    return "\n".join(lines)


def plain_table(rows: list[Row]) -> str:
    """For the terminal: fixed-width columns."""
    header = ("Metric", "Ours", "Reference", "Ratio", "Goal", "Met?")
    body = [
        (
            row.metric,
            fmt(row.ours, row.unit),
            f"{fmt(row.reference, row.unit)} {row.reference_name}",
            f"{row.ratio:.2f}×" if row.ratio is not None else "—",
            row.goal,
            _met(row).strip("*"),
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in (header, *body)
    )


def save_rows(rows: list[Row], path: Path) -> None:
    path.write_text(json.dumps([asdict(row) for row in rows], indent=1), encoding="utf-8")


def load_rows(path: Path) -> list[Row]:
    return [Row(**fields) for fields in json.loads(path.read_text(encoding="utf-8"))]
