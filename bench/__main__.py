"""`python -m bench [--quick] [--only NAME,...]`: run every measurement, print the table, write docs/benchmarks.md.

Each measurement runs in a process of its own (clean memory, no state carried over); one that fails is reported
as failed and the rest still run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from inclusion_audit.config import PROJECT_ROOT

from .docs import write_docs
from .report import Row, load_rows, plain_table

MEASUREMENTS = ("pages", "guide", "load", "dashboard")
RESULTS = PROJECT_ROOT / "bench" / "results"


def run(name: str, quick: bool) -> tuple[list[Row], float]:
    started = time.perf_counter()
    print(f"== {name}", flush=True)
    command = [sys.executable, "-m", f"bench.{name}", "--out", str(RESULTS), *(["--quick"] if quick else [])]
    result = subprocess.run(command, cwd=PROJECT_ROOT, timeout=3600, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        return [Row(f"{name}: measurement failed (exit {result.returncode})", 0, 0, "x", "—", "runs", False)], seconds
    return load_rows(RESULTS / f"{name}.json"), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and smaller data (docs are not written)")
    parser.add_argument("--only", default=",".join(MEASUREMENTS), help="comma-separated: " + ", ".join(MEASUREMENTS))
    parser.add_argument("--docs-only", action="store_true", help="rewrite the docs from the last full run's results")
    args = parser.parse_args()
    if args.docs_only:
        run_info = json.loads((RESULTS / "run.json").read_text(encoding="utf-8"))
        rows = [row for name in MEASUREMENTS for row in load_rows(RESULTS / f"{name}.json")]
        path = write_docs(rows, RESULTS, run_info["total"], run_info["durations"], *run_info["load"])
        print(f"Written to {path.relative_to(PROJECT_ROOT)}")
        return
    os.environ["FLASK_DEBUG"] = "0"  # `make` exports FLASK_DEBUG=1 for `make run`; debug mode reloads templates
    RESULTS.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    started = time.perf_counter()
    rows: list[Row] = []
    durations = {}
    for name in args.only.split(","):
        measured, durations[name] = run(name.strip(), args.quick)
        rows += measured
    total = time.perf_counter() - started
    print()
    print(plain_table(rows))
    print(f"\nTotal {total / 60:.1f} min ({', '.join(f'{name} {s:.0f} s' for name, s in durations.items())})")
    if not args.quick and args.only == ",".join(MEASUREMENTS):
        load = (load_before, os.getloadavg())
        run_info = {"total": total, "durations": durations, "load": load}
        (RESULTS / "run.json").write_text(json.dumps(run_info), encoding="utf-8")
        path = write_docs(rows, RESULTS, total, durations, *load)
        print(f"Written to {path.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
