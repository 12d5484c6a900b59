"""4. Load: 100 simulated organisations doing the whole journey against gunicorn on 127.0.0.1.

gunicorn (2 workers, development config, CSRF on, relaxed sign-in limits) serves a fresh SQLite file; locust runs
headless for a fixed time in two phases, then everything stops. References, under the same server: /healthz
asked by a monitor during the journey (latency), and by the same 100 signed-in clients in turns with the
question page, without pauses (throughput).
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from inclusion_audit.config import PROJECT_ROOT

from .profiling import run_measurement
from .report import Row
from .timing import percentile

USERS = 100
READERS = 100
P95_GOAL = 1.5  # × /healthz's p95 under the same load
THROUGHPUT_GOAL = 0.4
PASSWORD_STEPS = ("confirm account POST", "sign in POST")
SERVER_LOG = "load-gunicorn.log"  # also the journey's inbox: without a mail server, emails are logged
EMAIL_STEP = "read the confirmation email"  # waiting for an email, not a request: counted for errors only
REFERENCE = "reference: /healthz"
QUESTION = "question page GET"
TURN_SECONDS = 5  # as in locustfile.py
SETTLE = 0.5
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Phase:
    name: str
    users: list[str]
    count: int
    rate: int
    seconds: int
    steady: int  # throughput is counted over the last `steady` seconds, when every user is going


PHASES = (
    Phase("journey", ["Organisation", "Monitor"], USERS + 1, 20, 60, 0),
    Phase("throughput", ["Throughput"], USERS, 20, 45, 24),
)
QUICK = (
    Phase("journey", ["Organisation", "Monitor"], 21, 20, 20, 0),
    Phase("throughput", ["Throughput"], 20, 20, 30, 20),
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(database: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        SECRET_KEY="bench-only-not-secret",
        FLASK_CONFIG="development",
        FLASK_DEBUG="0",
        SIGN_IN_LIMIT="100000 per minute",
        REGISTER_LIMIT="100000 per minute",
    )
    return env


def prepare_database(env: dict[str, str], readers: int) -> None:
    """Migrate a new database, as `make db` does (the stored figures come with it, so every submission keeps
    them up to date); then add the members the throughput phase signs in as (one shared hash)."""
    subprocess.run([BIN / "flask", "--app", "wsgi", "db", "upgrade"], env=env, cwd=PROJECT_ROOT, check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    script = "from bench.load import add_readers; import sys; add_readers(sys.argv[1], int(sys.argv[2]))"
    subprocess.run([sys.executable, "-c", script, env["DATABASE_URL"], str(readers)], env=env, cwd=PROJECT_ROOT,
                   check=True, timeout=120)  # fmt: skip


def add_readers(database_url: str, count: int) -> None:
    from sqlalchemy import create_engine, insert

    from inclusion_audit.models import Organisation, User, new_session_key, utcnow
    from inclusion_audit.passwords import hash_password

    from .app import PASSWORD

    password_hash, now = hash_password(PASSWORD), utcnow()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        for index in range(count):
            organisation = {"name": f"Reader {index}", "org_type": "charity", "size_band": "under_10"}
            organisation.update(
                area="west_northamptonshire", profile_completed_at=now, created_at=now, share_named=False
            )
            org_id = connection.execute(insert(Organisation.__table__).values(organisation)).inserted_primary_key[0]
            user = {"email": f"reader-{index}@bench.example.org", "password_hash": password_hash, "role": "member"}
            user.update(organisation_id=org_id, session_key=new_session_key(), created_at=now)
            connection.execute(insert(User.__table__).values(user))


class Server:
    """gunicorn on a free loopback port, stopped on exit whatever happens."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env, self.log = env, log

    def __enter__(self) -> Server:
        command = [BIN / "gunicorn", "-w", "2", "-b", f"127.0.0.1:{self.port}", "--log-level", "warning", "wsgi:app"]
        self.process = subprocess.Popen(command, env=self.env, cwd=PROJECT_ROOT, stdout=self.log.open("w"),
                                        stderr=subprocess.STDOUT)  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310 (loopback)
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start: see {self.log}")

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def run_phase(phase: Phase, url: str, out_dir: Path, env: dict[str, str]) -> list[tuple[str, float, float, bool]]:
    samples = out_dir / f"load-{phase.name}.json"
    command = [
        BIN / "locust", "-f", PROJECT_ROOT / "bench" / "locustfile.py", "--headless", "--only-summary",
        "-u", str(phase.count), "-r", str(phase.rate), "-t", f"{phase.seconds}s", "--stop-timeout", "0",
        "--host", url, "-L", "WARNING", "--exit-code-on-error", "0", *phase.users,
    ]  # fmt: skip
    locust_env = {**env, "BENCH_SAMPLES": str(samples), "BENCH_READERS": str(READERS),
                  "BENCH_SERVER_LOG": str(out_dir / SERVER_LOG)}  # fmt: skip
    with (out_dir / f"load-{phase.name}.log").open("w") as log:
        subprocess.run(command, env=locust_env, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                       check=True, timeout=phase.seconds + 60)  # fmt: skip
    return [tuple(sample) for sample in json.loads(samples.read_text(encoding="utf-8"))]


def throughputs(samples, seconds: int) -> tuple[float, float]:
    """(question page, /healthz) requests per second over the last `seconds`, each in its own turns.

    The first SETTLE seconds of each turn are left out for both: requests queued in the previous turn finish then.
    """
    end = max(finished for _, finished, _, _ in samples)
    turns = range(int((end - seconds) / TURN_SECONDS) + 1, int(end / TURN_SECONDS))  # whole turns only
    counted = {QUESTION: 0, REFERENCE: 0}
    for name, finished, _, failed in samples:
        turn, into = divmod(finished, TURN_SECONDS)
        if name in counted and not failed and int(turn) in turns and into >= SETTLE:
            counted[name] += (name == QUESTION) == bool(int(turn) % 2)
    question_turns = sum(turn % 2 for turn in turns)
    hello_turns = len(turns) - question_turns
    if not question_turns or not hello_turns:
        raise RuntimeError("the throughput phase is too short for a turn of each")
    span = TURN_SECONDS - SETTLE
    return counted[QUESTION] / (question_turns * span), counted[REFERENCE] / (hello_turns * span)


def summarise(journey, steady, phases: tuple[Phase, ...]) -> list[Row]:
    pages = [s for s in journey if s[0] not in (REFERENCE, EMAIL_STEP)]
    errors = sum(failed for *_, failed in journey + steady)
    total = len(journey) + len(steady)
    times = [ms for _, _, ms, _ in pages]
    no_password = [ms for name, _, ms, _ in pages if name not in PASSWORD_STEPS]
    reference = [ms for name, _, ms, _ in journey if name == REFERENCE]
    ours_rate, hello_rate = throughputs(steady, phases[1].steady)
    users = f"{phases[0].count - 1} organisations"
    same_load = "/healthz, same load"
    return [
        Row("Load: errors", errors, total, "requests", "requests sent", "0 errors", errors == 0, note=users),
        Row("Load: journey p95, every request", percentile(times, 95), percentile(reference, 95), "ms", same_load,
            f"≤ {P95_GOAL:g}× reference", percentile(times, 95) <= P95_GOAL * percentile(reference, 95)),
        Row("Load: journey p95, without password hashing", percentile(no_password, 95), percentile(reference, 95),
            "ms", same_load, "—", None),
        Row("Load: journey p50", statistics.median(times), statistics.median(reference), "ms", same_load, "—", None),
        Row("Load: question page GET throughput", ours_rate, hello_rate, "req/s", "/healthz, same server, in turns",
            f"≥ {THROUGHPUT_GOAL:g}× reference", ours_rate >= THROUGHPUT_GOAL * hello_rate),
    ]  # fmt: skip


def steps_table(journey) -> str:
    """Per-step times in the journey, for docs/benchmarks.md."""
    names = sorted({name for name, *_ in journey})
    lines = ["| Step | Requests | p50 | p95 | Errors |", "| --- | ---: | ---: | ---: | ---: |"]
    for name in names:
        times = [ms for label, _, ms, _ in journey if label == name]
        failed = sum(failed for label, *_, failed in journey if label == name)
        lines.append(
            f"| {name} | {len(times)} | {statistics.median(times):.0f} ms | {percentile(times, 95):.0f} ms | {failed} |"
        )
    return "\n".join(lines)


def measure(out_dir: Path, quick: bool = False) -> list[Row]:
    phases = QUICK if quick else PHASES
    database = out_dir / "load.db"
    for leftover in out_dir.glob("load.db*"):
        leftover.unlink()
    env = server_env(database)
    prepare_database(env, READERS)
    with Server(env, out_dir / SERVER_LOG) as server:
        journey, steady = (run_phase(phase, server.url, out_dir, env) for phase in phases)
    (out_dir / "load-steps.md").write_text(steps_table(journey) + "\n", encoding="utf-8")
    return summarise(journey, steady, phases)


if __name__ == "__main__":
    run_measurement("load", measure)
