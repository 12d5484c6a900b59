"""docs/benchmarks.md: the table, the machine, how each figure is measured, and bench/NOTES.md (the commentary)."""

from __future__ import annotations

from pathlib import Path

from inclusion_audit.config import PROJECT_ROOT

from .machine import describe
from .report import Row, markdown_table

DOCS = PROJECT_ROOT / "docs" / "benchmarks.md"
NOTES = PROJECT_ROOT / "bench" / "NOTES.md"

INTRO = """# Benchmarks

_Written by `make bench` (the code is in `bench/`). Do not edit by hand: the commentary comes from
`bench/NOTES.md`._

Speed, scale and memory, each measured against a reference **in the same run**, because machines are noisy:
ratios travel between machines far better than milliseconds. For comparison, one survey platform's dashboard is
reported to take 5 s per interaction and 4.5 GB of memory at 23,000 responses.

Benchmarks are not tests: nothing in CI is timed. `make bench` installs what it needs, runs everything (about
10 minutes on 2 cores) and rewrites this page. `.venv/bin/python -m bench --quick` is a fast smoke run that
writes nothing here; `--only pages,guide` runs some of it. Raw results, profiles and the PDFs are left in
`bench/results/`.
"""

METHOD = """## How each figure is measured

**Ratio** is always ours ÷ reference, so below 1 means faster (or smaller) than the reference.

1. **Question page** (`bench/pages.py`): Flask test client, a signed-in member part-way through an audit, the
   "Knowing your communities" page. GET, and the save POST ("Save and continue" with every answer changed, so
   rows really are written; a 302 to the next part). Reference: a bench-only route on the same app that renders
   only the base layout (header, navigation, footer, a heading) for the same signed-in client. 400 rounds each,
   taking turns. Test configuration (CSRF off), SQLite file.
2. **Guide** (`bench/guide.py`, `bench/heaviest.py`): two guides. The starting-out example
   (`content/examples/starting-out.yml`), and the most demanding answers, found by a seeded hill climb over profile
   and answers for the most snippets matched (then the most text), every group module selected. Assembly is
   `build_guide` against scoring alone. The PDF is `render_guide_pdf` for each guide, taking turns, after two
   warm-up renders (fonts registered; nothing else is kept between documents). Reference: WeasyPrint turning the
   same guide's own web page (the real route, with the real CSS read from disk) into a PDF.
3. **Dashboard** (`bench/dashboard.py`, `bench/dashboard_probe.py`, `bench/generate.py`): seeded data grown to
   1k, 10k and 100k submitted audits (about 0.8 organisations per audit, some with 2 or 3 audits, 10% never
   submitting, 15% with an audit in progress; 34 answers and 5 section scores per audit, scored by the engine;
   `guide_snapshot` NULL). Bulk loading bypasses the upkeep of the stored figures, so after each load they are
   built from scratch with `flask figures rebuild`, in a process of its own (timed: "Stored figures built from
   scratch"). At each size a fresh process signs in as a coordinator and GETs `/coordinator/` (all time, all
   areas) and a filtered view (last 12 months, one area, one type, one group: three filters, so the same rows
   are added up from the audits rather than from a stored scope). Reference: the same figures computed from the
   audits by hand-written SQL (`bench/dashboard_sql.py`: headline counts, each organisation's latest audit by
   window function, histograms, quarterly figures, question gaps) run directly with `text()`; the bench checks
   that both give identical figures before timing, which also checks the stored figures at every size. A second
   reference reads the all-time figures straight from the stored figures with `text()`, to show what Flask,
   the ORM and the templates add. Also timed, for information: "Last 12 months" with no other filter, area and
   group together (added up from the audits), and one profile change with the upkeep of the stored figures
   against the same change without (both rolled back). Peak RSS is the probe process's own.
   PostgreSQL runs in a database of its own (`bench_<pid>`), dropped afterwards.
4. **Load** (`bench/load.py`, `bench/locustfile.py`): gunicorn, 2 sync workers, development configuration with
   CSRF on, sign-in and registration limits relaxed, a fresh SQLite file, on 127.0.0.1 only. Locust (headless,
   on the same 2 cores) runs 100 simulated organisations for 60 s, spawned at 20 a second, each doing the
   whole journey: the start page (read for up to 30 s, so that 100 organisations do not all register in the
   same 5 seconds), create an account (returning: sign in and start a new audit), profile, five question pages
   (GET, then POST with the page's CSRF token), check answers, submit, results, guide, sign out, pausing
   1–3 s between pages. A monitor asks `/healthz` twice a second meanwhile: the latency reference. Then
   100 signed-in clients without pauses ask for a question page and `/healthz` in alternating 5-second turns
   (the first half second of each turn not counted): the throughput reference, under the same conditions.
"""


def write_docs(rows: list[Row], results: Path, total: float, durations: dict[str, float], before, after) -> Path:
    postgres = results / "postgres-version.txt"
    steps = results / "load-steps.md"
    met = sum(row.met is True for row in rows)
    missed = [row.metric.strip() for row in rows if row.met is False]
    parts = [
        INTRO,
        "## Results\n",
        markdown_table(rows),
        "",
        f"{met} goals met, {len(missed)} missed. `make bench` took {total / 60:.1f} minutes ("
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in durations.items())
        + ").",
        "",
        "## Machine\n",
        *describe(postgres.read_text(encoding="utf-8") if postgres.exists() else None, before, after),
        "",
        METHOD,
        "## Load test: each step of the journey\n",
        steps.read_text(encoding="utf-8").strip() if steps.exists() else "(not run)",
        "",
        NOTES.read_text(encoding="utf-8") if NOTES.exists() else "",
    ]
    DOCS.write_text("\n".join(parts).rstrip() + "\n", encoding="utf-8")
    return DOCS
