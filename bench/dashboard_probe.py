"""One dashboard measurement, in a process of its own so that its peak memory is the dashboard's alone.

    python -m bench.dashboard_probe DATABASE_URL OUT.json ROUNDS

Times the page as a coordinator (all time, and filtered), the query functions behind it, and the hand-written
SQL reference for each, taking turns; then records the process's peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
from contextlib import nullcontext
from dataclasses import asdict
from pathlib import Path

import psutil
from sqlalchemy import select

from inclusion_audit import queries
from inclusion_audit.coordinator.filters import period_range
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, Organisation, User, utcnow
from inclusion_audit.queries.stored_figures import stored_figures_kept

from .app import add_staff, bench_app, signed_in_client
from .dashboard_sql import RAW, check_same_figures, raw_figures, raw_stored_figures
from .timing import Timings, interleaved

COORDINATOR = "coordinator@bench.example.org"
FILTERED = {
    "period": "12m",
    "area": "west_northamptonshire",
    "org_type": "charity",
    "size_band": "",
    "group": "homelessness",
}


# The rolling period with no other filter, and two profile filters (no stored scope holds those).
LAST_12_MONTHS = {"period": "12m"}
TWO_FILTERS = {"period": "all", "area": "west_northamptonshire", "group": "homelessness"}


def organisation_with_results() -> int:
    return db.session.scalar(select(Audit.organisation_id).where(Audit.status == "submitted").limit(1))


def change_profile(organisation_id: int, keep_figures: bool) -> None:
    """Move an organisation to another area and back out (rolled back): what a profile change costs."""
    organisation = db.session.get(Organisation, organisation_id)
    with stored_figures_kept(organisation_id) if keep_figures else nullcontext():
        organisation.area = (
            "north_northamptonshire" if organisation.area != "north_northamptonshire" else "west_northamptonshire"
        )
        db.session.flush()
    db.session.rollback()


def filtered_filters() -> queries.Filters:
    start, end = period_range(FILTERED["period"], utcnow().date())
    return queries.Filters(start=start, end=end, area="west_northamptonshire", org_type="charity", group="homelessness")


def probe(url: str, rounds: int) -> dict:
    app = bench_app(url)
    with app.app_context():
        if db.session.query(User.id).filter(User.email == COORDINATOR).first() is None:
            add_staff(app, COORDINATOR)
    client = signed_in_client(app, COORDINATOR)
    started_rss = psutil.Process().memory_info().rss

    def page(args: dict | None = None):
        response = client.get("/coordinator/", query_string=args or {})
        if response.status_code != 200:
            raise RuntimeError(f"dashboard gave {response.status_code}")

    everything, filtered = queries.Filters(), filtered_filters()
    with app.app_context(), db.engine.connect() as connection:
        for filters in (everything, filtered):
            check_same_figures(raw_figures(connection, filters), filters)
        changing = organisation_with_results()
        calls = {
            "page": page,
            "page filtered": lambda: page(FILTERED),
            "raw filtered": lambda: raw_figures(connection, filtered),
            "raw stored": lambda: raw_stored_figures(connection),
            "page 12m": lambda: page(LAST_12_MONTHS),
            "page two filters": lambda: page(TWO_FILTERS),
            "upkeep": lambda: change_profile(changing, keep_figures=True),
            "no upkeep": lambda: change_profile(changing, keep_figures=False),
        }
        for name, raw in RAW.items():
            calls[name] = lambda name=name: getattr(queries, name)(everything)
            calls[f"raw {name}"] = lambda raw=raw: raw(connection, everything)
        timings = interleaved(calls, rounds, warmup=1)
    # The all-time reference is its four parts, timed above one by one in each round: added up per round
    # rather than run a second time (at 100k audits that would add about a minute per database).
    parts = [timings[f"raw {name}"].samples for name in RAW]
    timings["raw"] = Timings(tuple(sum(round_) for round_ in zip(*parts, strict=True)))
    return {
        "p50": {name: t.p50 for name, t in timings.items()},
        "p95": {name: t.p95 for name, t in timings.items()},
        "started_rss_mb": started_rss / 2**20,
        "peak_rss_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> float:
    """This process's own peak resident memory. `ru_maxrss` also counts the parent's memory at the moment it
    started this process (Linux carries it over through fork: the parent had just grown the data), so the peak
    of this program's own address space (VmHWM, reset by exec) is read where the system gives it."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    url, out, rounds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    out.write_text(json.dumps(probe(url, rounds), indent=1, default=asdict), encoding="utf-8")


if __name__ == "__main__":
    main()
