"""3. The coordinator dashboard at 1k, 10k and 100k submitted audits, on SQLite and (when it answers) PostgreSQL.

The data grows in place (bench/generate.py); at each size a fresh process (bench/dashboard_probe.py) times the page
and its query functions against hand-written SQL for the same figures, and reports its peak memory.
PostgreSQL uses a database of its own (bench_<pid>), dropped afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.engine import load_content

from .generate import bench_engine, build_stored_figures, create_schema, grow
from .profiling import run_measurement
from .report import Row

SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 5_000)
ROUNDS = {1_000: 15, 5_000: 5, 10_000: 10, 100_000: 5}
P50_GOAL_MS, FILTERED_GOAL, RSS_GOAL_MB = 100, 1.5, 200
FROM_AUDITS = "raw SQL from the audits"
POSTGRES_ADMIN = os.environ.get("BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def sqlite_database(out_dir: Path):
    """A new SQLite file, deleted afterwards (about 450 MB at 100k audits)."""
    path = out_dir / "dashboard.db"
    for leftover in out_dir.glob("dashboard.db*"):
        leftover.unlink()
    try:
        yield f"sqlite:///{path}"
    finally:
        for leftover in out_dir.glob("dashboard.db*"):
            leftover.unlink()


@contextmanager
def postgres_database():
    """A database of our own on the local server, dropped afterwards; None if there is no server."""
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"bench_{os.getpid()}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
    except OperationalError:
        admin.dispose()
        yield None
        return
    try:
        yield POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def server_version(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        version = connection.execute(
            text("SELECT sqlite_version()" if url.startswith("sqlite") else "SHOW server_version")
        )
        value = version.scalar()
    engine.dispose()
    return str(value)


def measure_backend(url: str, label: str, sizes, out_dir: Path) -> list[dict]:
    engine = bench_engine(url)
    create_schema(engine)
    content = load_content(PROJECT_ROOT / "content")
    results = []
    for size in sizes:
        started = time.perf_counter()
        added = grow(engine, content, size)
        loaded = time.perf_counter() - started
        built = build_stored_figures(url)
        print(f"  {label}: {size:,} submitted audits ({added.answers:,} answers added in {loaded:.0f} s,"
              f" stored figures built in {built:.0f} s)")  # fmt: skip
        out = out_dir / f"dashboard-{label.lower()}-{size}.json"
        subprocess.run([sys.executable, "-m", "bench.dashboard_probe", url, str(out), str(ROUNDS[size])],
                       cwd=PROJECT_ROOT, check=True, timeout=900)  # fmt: skip
        measured = json.loads(out.read_text(encoding="utf-8"))
        results.append({"size": size, "load_seconds": loaded, "build_seconds": built, **measured})
    engine.dispose()
    return results


def rows_for(label: str, results: list[dict]) -> list[Row]:
    rows = []
    for result in results:
        size, p50 = result["size"], result["p50"]
        at = f"{label}, {size // 1000}k audits"
        final = result is results[-1]
        page, raw = p50["page"] * 1000, p50["raw"] * 1000
        goal, met = (f"≤ {P50_GOAL_MS} ms", page <= P50_GOAL_MS) if final else ("—", None)
        rows.append(Row(f"Dashboard GET p50 ({at})", page, raw, "ms", FROM_AUDITS, goal, met))
        filtered, raw_filtered = p50["page filtered"] * 1000, p50["raw filtered"] * 1000
        goal, met = (
            (f"≤ {FILTERED_GOAL}× reference", filtered <= FILTERED_GOAL * raw_filtered) if final else ("—", None)
        )
        rows.append(Row(f"Dashboard GET p50, filtered ({at})", filtered, raw_filtered, "ms", FROM_AUDITS, goal, met))
    last, before = results[-1], results[-2]
    at = f"{label}, {last['size'] // 1000}k audits"
    p50 = last["p50"]
    rows.append(
        Row(f"  Dashboard GET p50 vs reading the stored figures directly ({at})", p50["page"] * 1000,
            p50["raw stored"] * 1000, "ms", "raw SQL on the stored figures", "—", None)
    )  # fmt: skip
    for name, metric in (("page 12m", "last 12 months, no other filter"), ("page two filters", "area and group")):
        rows.append(
            Row(f"  Dashboard GET p50, {metric} ({at})", p50[name] * 1000, p50["page"] * 1000, "ms",
                "the all-time page", "—", None)
        )  # fmt: skip
    rows.append(
        Row(f"  Profile change with stored figures upkeep, p50 ({at})", p50["upkeep"] * 1000,
            p50["no upkeep"] * 1000, "ms", "same change without", "—", None)
    )  # fmt: skip
    rows.append(
        Row(f"  Stored figures built from scratch ({at})", last["build_seconds"] * 1000,
            last["load_seconds"] * 1000, "ms", "bulk-loading the audits", "—", None)
    )  # fmt: skip
    for name in ("headline", "section_buckets", "quarter_buckets", "question_gaps"):
        rows.append(
            Row(f"  queries.{name} p50 ({at})", last["p50"][name] * 1000, last["p50"][f"raw {name}"] * 1000, "ms",
                FROM_AUDITS, "—", None)
        )  # fmt: skip
    rows.append(
        Row(f"Dashboard peak RSS ({at})", last["peak_rss_mb"], last["started_rss_mb"], "MB", "same process before",
            f"≤ {RSS_GOAL_MB} MB", last["peak_rss_mb"] <= RSS_GOAL_MB)
    )  # fmt: skip
    growth, data_growth = last["p50"]["page"] / before["p50"]["page"], last["size"] / before["size"]
    rows.append(
        Row(f"Dashboard time growth {before['size'] // 1000}k→{last['size'] // 1000}k ({label})", growth, data_growth,
            "x", "data growth", "< 1× (sub-linear)", growth < data_growth)
    )  # fmt: skip
    return rows


def measure(out_dir: Path, quick: bool = False) -> list[Row]:
    sizes = QUICK_SIZES if quick else SIZES
    rows = []
    with sqlite_database(out_dir) as url:
        rows += rows_for("SQLite", measure_backend(url, "SQLite", sizes, out_dir))
    with postgres_database() as url:
        if url is None:
            print("  PostgreSQL: no server on 127.0.0.1:5432, skipped")
        else:
            (out_dir / "postgres-version.txt").write_text(server_version(url), encoding="utf-8")
            rows += rows_for("PostgreSQL", measure_backend(url, "PostgreSQL", sizes, out_dir))
    return rows


if __name__ == "__main__":
    run_measurement("dashboard", measure)
