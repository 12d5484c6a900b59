"""Seeded, reproducible bulk data: organisations, their submitted (and some unfinished) audits, answers and scores.

Rows go in with SQLAlchemy Core `insert()` and lists of dicts (executemany), a few thousand organisations per
transaction, so 100,000 audits load in a minute or two rather than hours. Section scores come from the
engine's own `score`; no Guide is built per audit, so `guide_snapshot` stays NULL for generated audits.

Growing is incremental: `grow(engine, content, 10_000)` after `grow(engine, content, 1_000)` adds 9,000.
Each chunk is seeded from the seed and its first organisation id, so the same steps give the same rows.
The dashboard's stored figures are then built from scratch (`build_stored_figures`), with `flask figures rebuild`.

    python -m bench.generate sqlite:////tmp/bench.db 100000
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, insert, select, text

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.engine import Content, Profile, load_content, score
from inclusion_audit.extensions import db
from inclusion_audit.models import Answer, Audit, Organisation, OrganisationGroup, SectionScore

SEED = 2026
CHUNK_ORGANISATIONS = 2_000
AUDITS_PER_ORGANISATION = (1, 1, 1, 2, 2, 3)  # as in the demo data: most have one audit, some two or three
NEVER_SUBMITTED = 0.10  # registered, perhaps started, never submitted
UNFINISHED = 0.15  # has an audit in progress
SHARES_NAMED = 0.30
HISTORY_DAYS = 3 * 365
_NAMES = ("Riverside", "Hope", "Open Door", "Harbour", "Lantern", "Compass", "Welcome", "Bridge", "Oak Tree")
_KINDS = ("Community Trust", "Drop-in", "Project", "Outreach", "Centre", "Collective", "Partnership")


@dataclass
class Counts:
    organisations: int = 0
    submitted: int = 0
    audits: int = 0
    answers: int = 0

    def add(self, other: Counts) -> None:
        self.organisations += other.organisations
        self.submitted += other.submitted
        self.audits += other.audits
        self.answers += other.answers


@dataclass
class _Chunk:
    """Rows for one transaction, in foreign-key order."""

    organisations: list[dict]
    groups: list[dict]
    audits: list[dict]
    answers: list[dict]
    scores: list[dict]

    def counts(self) -> Counts:
        submitted = sum(1 for audit in self.audits if audit["status"] == "submitted")
        return Counts(len(self.organisations), submitted, len(self.audits), len(self.answers))


def create_schema(engine: Engine) -> None:
    """The app's tables and indexes, straight from the models (the same ones the migrations make)."""
    import inclusion_audit.models  # noqa: F401  (registers the tables on the metadata)

    db.metadata.create_all(engine)


def bench_engine(url: str) -> Engine:
    """An engine for loading: on SQLite, WAL (as the app uses) and no fsync while loading."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.close()

    return engine


class Generator:
    """Makes rows that look like real use: maturity grows with size and over repeat audits, some questions are
    harder than others, and a few answers are 'Not sure' or 'Does not apply'."""

    def __init__(self, content: Content, *, seed: int = SEED, today: datetime | None = None) -> None:
        self.content = content
        self.seed = seed
        self.today = (today or datetime.now()).replace(microsecond=0)
        lists = content.config.profile
        self.org_types, self.size_bands = list(lists.org_types), list(lists.size_bands)
        self.areas, self.group_codes = list(lists.areas), list(lists.groups)
        spread = random.Random(f"{seed}:difficulty")
        self.questions = [
            (question, [o.value for o in question.options if o.score is not None], set(question.values))
            for question in content.questions.values()
        ]
        self.difficulty = {question.id: spread.uniform(-0.6, 0.9) for question, _, _ in self.questions}

    def chunk(self, first_org_id: int, first_audit_id: int, organisations: int, submitted_wanted: int) -> _Chunk:
        rng = random.Random(f"{self.seed}:{first_org_id}")
        chunk = _Chunk([], [], [], [], [])
        audit_id = first_audit_id
        submitted = 0
        for org_id in range(first_org_id, first_org_id + organisations):
            if submitted >= submitted_wanted:
                break
            org, profile, maturity = self._organisation(rng, org_id)
            chunk.organisations.append(org)
            chunk.groups.extend({"organisation_id": org_id, "group": group} for group in profile.groups)
            wanted = 0 if rng.random() < NEVER_SUBMITTED else rng.choice(AUDITS_PER_ORGANISATION)
            wanted = min(wanted, submitted_wanted - submitted)
            when = self.today - timedelta(days=HISTORY_DAYS * rng.random() ** 1.5, seconds=rng.randrange(86_400))
            org["created_at"] = when - timedelta(days=rng.randint(1, 60))
            previous = None
            for _ in range(wanted):
                if when >= self.today:
                    break
                answers = self._answers(rng, maturity)
                self._submitted(chunk, audit_id, org_id, profile, answers, when, previous)
                previous, audit_id, submitted = audit_id, audit_id + 1, submitted + 1
                maturity = min(maturity + rng.uniform(0.1, 0.6), 3.0)
                when += timedelta(days=rng.randint(120, 250), seconds=rng.randrange(86_400))
            if rng.random() < (0.6 if previous is None else UNFINISHED):
                self._unfinished(chunk, rng, audit_id, org_id, maturity, previous, min(when, self.today))
                audit_id += 1
        return chunk

    def _organisation(self, rng: random.Random, org_id: int) -> tuple[dict, Profile, float]:
        size = rng.choice(self.size_bands)
        profile = Profile(
            name=f"{rng.choice(_NAMES)} {rng.choice(_KINDS)} {org_id}",
            org_type=rng.choice(self.org_types),
            size_band=size,
            area=rng.choice(self.areas),
            groups=tuple(sorted(rng.sample(self.group_codes, k=rng.choice((0, 1, 1, 2, 2, 3))))),
        )
        share = rng.random() < SHARES_NAMED
        row = {
            "id": org_id,
            "name": profile.name,
            "org_type": profile.org_type,
            "size_band": profile.size_band,
            "area": profile.area,
            "profile_completed_at": None,  # set with created_at below
            "created_at": None,
            "share_named": share,
            "sharing_changed_at": None,
            # Coordinator figures count verified organisations only: most are, as in a service that has run a while.
            "verification": "verified" if rng.random() < 0.9 else "unverified",
            "record_key": rng.randrange(256),  # drawn from the seed, so the same steps give the same figures
        }
        maturity = rng.uniform(0.2, 1.8) + 0.3 * self.size_bands.index(size)
        return row, profile, maturity

    def _answers(self, rng: random.Random, maturity: float, limit: int | None = None) -> dict[str, str]:
        answers = {}
        for question, scored, values in self.questions[:limit]:
            roll = rng.random()
            if roll < 0.06 and "dont_know" in values:
                answers[question.id] = "dont_know"
            elif roll < 0.09 and "not_applicable" in values:
                answers[question.id] = "not_applicable"
            else:
                level = round(rng.gauss(maturity - self.difficulty[question.id], 0.8))
                answers[question.id] = scored[min(max(level, 0), len(scored) - 1)]
        return answers

    def _submitted(self, chunk: _Chunk, audit_id, org_id, profile, answers, when, previous) -> None:
        results, overall = score(self.content, profile, answers)
        chunk.organisations[-1]["profile_completed_at"] = chunk.organisations[-1]["created_at"]
        chunk.audits.append(
            self._audit_row(audit_id, org_id, "submitted", when - timedelta(days=3), when, previous, overall.percent)
        )
        chunk.answers.extend(_answer_rows(audit_id, answers, when))
        chunk.scores.extend(
            {
                "audit_id": audit_id,
                "section_id": result.section_id,
                "percent": result.percent,
                "band": result.band,
                "answered": result.answered,
                "dont_know": result.dont_know,
                "not_applicable": result.not_applicable,
            }
            for result in results
        )

    def _unfinished(self, chunk: _Chunk, rng, audit_id, org_id, maturity, previous, after: datetime) -> None:
        started = after + (self.today - after) * rng.random()
        chunk.organisations[-1]["profile_completed_at"] = chunk.organisations[-1]["created_at"]
        chunk.audits.append(self._audit_row(audit_id, org_id, "in_progress", started, None, previous, None))
        answers = self._answers(rng, maturity, limit=rng.randint(0, len(self.questions) - 1))
        chunk.answers.extend(_answer_rows(audit_id, answers, started))

    def _audit_row(self, audit_id, org_id, status, started, submitted, previous, percent) -> dict:
        return {
            "id": audit_id,
            "organisation_id": org_id,
            "status": status,
            "started_at": started,
            "updated_at": submitted or started,
            "submitted_at": submitted,
            "submitted_by_id": None,
            "previous_audit_id": previous,
            "content_version": self.content.version,
            "overall_percent": percent,
            "guide_snapshot": None,
        }


def _answer_rows(audit_id: int, answers: dict[str, str], when: datetime) -> list[dict]:
    return [
        {"audit_id": audit_id, "question_id": qid, "value": value, "updated_at": when, "updated_by_id": None}
        for qid, value in answers.items()
    ]


_TABLES = (
    ("organisations", Organisation),
    ("groups", OrganisationGroup),
    ("audits", Audit),
    ("answers", Answer),
    ("scores", SectionScore),
)


def current_counts(engine: Engine) -> tuple[int, int, int]:
    """(next organisation id, next audit id, submitted audits so far)."""
    with engine.connect() as connection:
        max_org = connection.scalar(select(func.max(Organisation.id))) or 0
        max_audit = connection.scalar(select(func.max(Audit.id))) or 0
        submitted = connection.scalar(select(func.count()).where(Audit.status == "submitted")) or 0
    return max_org + 1, max_audit + 1, submitted


def grow(engine: Engine, content: Content, target_submitted: int, *, seed: int = SEED, today=None) -> Counts:
    """Add organisations and audits until there are `target_submitted` submitted audits. Returns what was added."""
    generator = Generator(content, seed=seed, today=today)
    next_org, next_audit, submitted = current_counts(engine)
    added = Counts()
    while submitted < target_submitted:
        chunk = generator.chunk(next_org, next_audit, CHUNK_ORGANISATIONS, target_submitted - submitted)
        with engine.begin() as connection:
            for attribute, model in _TABLES:
                rows = getattr(chunk, attribute)
                if rows:
                    connection.execute(insert(model.__table__), rows)
        counts = chunk.counts()
        added.add(counts)
        submitted += counts.submitted
        next_org += counts.organisations
        next_audit += counts.audits
    finish_load(engine)
    return added


def finish_load(engine: Engine) -> None:
    """What a production database would have after such a load: fresh statistics, sequences past the ids."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            for table in ("organisation", "audit"):
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                )
        connection.execute(text("ANALYZE"))


def build_stored_figures(url: str) -> float:
    """Build the dashboard's stored figures from what was loaded (bulk inserts bypass their upkeep), with the
    command an operator would run, in a process of its own. Returns the seconds it took, start-up included.

    A process of its own also keeps the caller small: Linux carries a parent's resident size into the peak
    (ru_maxrss) of every child it starts afterwards, which would inflate the dashboard probe's memory figure."""
    environment = {**os.environ, "DATABASE_URL": url, "FLASK_DEBUG": "0"}
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "figures", "rebuild"]
    started = time.perf_counter()
    subprocess.run(command, cwd=PROJECT_ROOT, env=environment, check=True, timeout=1800, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="database URL, e.g. sqlite:////tmp/bench.db")
    parser.add_argument("audits", type=int, help="submitted audits wanted in total")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    engine = bench_engine(args.url)
    create_schema(engine)
    started = time.perf_counter()
    added = grow(engine, load_content(Path(PROJECT_ROOT / "content")), args.audits, seed=args.seed)
    print(f"Added {added} in {time.perf_counter() - started:.1f} s")
    print(f"Built the stored figures in {build_stored_figures(args.url):.1f} s")


if __name__ == "__main__":
    main()
