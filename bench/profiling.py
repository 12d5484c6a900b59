"""pyinstrument profiles for whatever misses its goal, and the small command line each measurement shares."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .report import Row, save_rows


def profile_calls(name: str, call: Callable[[], object], rounds: int, out_dir: Path) -> Path:
    """Run `call` under pyinstrument and save the call tree as text next to the results."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(rounds):
        call()
    profiler.stop()
    path = out_dir / f"profile-{name}.txt"
    path.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    return path


def profile_misses(rows: list[Row], calls: dict[str, Callable[[], object]], rounds: int, out_dir: Path) -> None:
    """Profile the call behind every row that missed its goal (rows are matched by metric prefix)."""
    done = set()
    for row in rows:
        for prefix, call in calls.items():
            if row.met is False and row.metric.startswith(prefix) and prefix not in done:
                done.add(prefix)
                path = profile_calls(_slug(prefix), call, rounds, out_dir)
                print(f"  missed: {row.metric}; profile in {path}")


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def run_measurement(name: str, measure: Callable[[Path, bool], list[Row]]) -> None:
    """`python -m bench.<name> --out DIR [--quick]`: measure and save rows to DIR/<name>.json."""
    parser = argparse.ArgumentParser(description=f"bench: {name}")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--quick", action="store_true", help="fewer rounds and smaller data, for trying things out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = measure(args.out, args.quick)
    save_rows(rows, args.out / f"{name}.json")
