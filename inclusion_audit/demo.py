"""Demo data: one organisation to try the audit with, a coordinator, and a spread of other organisations;
and a second, made-up system with a few organisations and a coordinator of its own, to show how scopes
keep systems apart.

Seeded randomness, so every `make run` shows the same demo. Idempotent: it does nothing if the
demo organisation's user already exists.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from .engine import Content, build_guide
from .extensions import db
from .models import Answer, Audit, AuditStatus, Organisation, User, Verification, utcnow
from .passwords import hash_password
from .plan_models import ActionStatus
from .queries import (
    FIRST_SYSTEM_CODE,
    ensure_plan,
    latest_submitted,
    profile_of,
    section_scores_of,
    seed_first_system,
    system_by_code,
    with_area_names,
)
from .queries.stored_figures import rebuild_stored_figures
from .system_models import Area, System

DEMO_PASSWORD = "try-the-demo-audit"
DEMO_MEMBER = "demo@example.org"
DEMO_COORDINATOR = "coordinator@example.org"
# A coordinator tied to one area, to show how named views narrow while anonymous figures can still compare.
DEMO_AREA_COORDINATOR = "west.coordinator@example.org"
DEMO_ADMIN = "admin@example.org"
# The made-up second system: its name says it is not real, so nobody mistakes the demo for a real county.
DEMO_SYSTEM_CODE = "fictional_vale"
DEMO_SYSTEM_NAME = "Fictional Vale Integrated Care System (demo)"
DEMO_SYSTEM_AREAS = {
    "fictional_vale_east": "Fictional Vale East (demo)",
    "fictional_vale_west": "Fictional Vale West (demo)",
}
DEMO_SYSTEM_COORDINATOR = "vale.coordinator@example.org"
DEMO_SYSTEM_ORGANISATIONS = 8
DEMO_ORGANISATIONS = 60
# About 40% of organisations choose to share by name (a separate seed, so the rest of the demo stays put).
DEMO_SHARE_RATE = 0.4

_NAME_PARTS = (
    [
        "Riverside",
        "Hope",
        "Nene Valley",
        "Open Door",
        "Market Square",
        "Harbour",
        "Oak Tree",
        "St Giles",
        "Bridge",
        "Northgate",
        "Lantern",
        "Kingsthorpe",
        "Compass",
        "Welcome",
        "Fairfield",
    ],
    [
        "Community Trust",
        "Support Network",
        "Drop-in",
        "Project",
        "Outreach",
        "Foundation",
        "Centre",
        "Collective",
        "Friends",
        "Partnership",
    ],
)


def _demo_answers(content: Content, rng: random.Random, maturity: float) -> dict[str, str]:
    """Answers scattered around a maturity level (0-3), with some 'not sure' and 'does not apply'."""
    answers = {}
    for question in content.questions.values():
        roll = rng.random()
        scored = [option for option in question.options if option.score is not None]
        if roll < 0.06:
            answers[question.id] = "dont_know"
        elif roll < 0.09 and question.option("not_applicable") is not None:
            answers[question.id] = "not_applicable"
        else:
            level = min(max(round(rng.gauss(maturity, 0.8)), 0), len(scored) - 1)
            answers[question.id] = scored[level].value
    return answers


def _submitted_audit(
    content: Content, organisation: Organisation, answers: dict[str, str], when: datetime, first_audit: bool
) -> Audit:
    guide = build_guide(content, profile_of(organisation), answers, first_audit=first_audit)
    audit = Audit(
        organisation=organisation,
        status=AuditStatus.SUBMITTED,
        started_at=when - timedelta(days=3),
        updated_at=when,
        submitted_at=when,
        content_version=guide.content_version,
        overall_percent=guide.overall.percent,
        guide_snapshot=guide.to_dict(),
    )
    audit.answers = [Answer(question_id=key, value=value, updated_at=when) for key, value in answers.items()]
    audit.section_scores = section_scores_of(guide)
    return audit


# Roles, not people: the demo never names anyone.
_DEMO_OWNERS = ("Service manager", "Volunteer coordinator", "Trustee lead", "Outreach worker", "Chief officer")


def _demo_plans(content: Content, rng: random.Random) -> None:
    """Action plans for the other organisations' latest audits, some of them well under way (its own seed, so
    the rest of the demo stays as it was)."""
    for organisation in db.session.scalars(select(Organisation).where(~Organisation.members.any())):
        audit = latest_submitted(organisation)
        if audit is None:
            continue
        progress = rng.random()
        for action in ensure_plan(audit, content):
            if rng.random() < 0.3:
                continue  # not looked at yet
            action.owner_name = rng.choice(_DEMO_OWNERS)
            action.due_on = (audit.submitted_at + timedelta(days=rng.randint(30, 300))).date()
            roll = rng.random()
            action.status = (
                ActionStatus.DONE
                if roll < progress
                else ActionStatus.IN_PROGRESS
                if roll < progress + 0.3
                else ActionStatus.NOT_STARTED
            )
            action.done_at = (
                audit.submitted_at + timedelta(days=rng.randint(20, 200))
                if action.status == ActionStatus.DONE
                else None
            )
        db.session.commit()


def _other_organisation(content: Content, rng: random.Random, name: str, areas: list[str], share: bool) -> Organisation:
    lists = content.config.profile
    organisation = Organisation(
        name=name,
        org_type=rng.choice(list(lists.org_types)),
        size_band=rng.choice(list(lists.size_bands)),
        area=rng.choice(areas),
        profile_completed_at=utcnow(),
        share_named=share,
        verification=Verification.VERIFIED.value,
    )
    organisation.sharing_changed_at = utcnow() if organisation.share_named else None
    organisation.groups = rng.sample(list(lists.groups), k=rng.randint(1, 3))
    db.session.add(organisation)
    return organisation


def _audits_of(content: Content, rng: random.Random, organisation: Organisation, today: datetime) -> int:
    """One to three submitted audits, bigger organisations tending to be further along."""
    maturity = rng.uniform(0.3, 2.0) + 0.3 * list(content.config.profile.size_bands).index(organisation.size_band)
    when = today - timedelta(days=rng.randint(200, 700))
    organisation.created_at = when - timedelta(days=14)  # registered a little before its first audit
    audits = rng.choice([1, 1, 1, 2, 2, 3])
    for number in range(audits):
        answers = _demo_answers(content, rng, maturity)
        db.session.add(_submitted_audit(content, organisation, answers, when, first_audit=number == 0))
        maturity = min(maturity + rng.uniform(0.1, 0.6), 3.0)
        when = min(when + timedelta(days=rng.randint(120, 250)), today - timedelta(days=1))
    return audits


def _demo_system(content: Content, password_hash: str) -> int:
    """The made-up system, its two areas, its coordinator and a few organisations with audits (its own seed,
    so the rest of the demo stays as it was). Returns how many audits it added."""
    system = System(code=DEMO_SYSTEM_CODE, name=DEMO_SYSTEM_NAME)
    system.areas = [Area(code=code, name=name) for code, name in DEMO_SYSTEM_AREAS.items()]
    db.session.add(system)
    db.session.flush()
    content = with_area_names(content)  # so its guides name its areas, which the content files do not list
    db.session.add(
        User(email=DEMO_SYSTEM_COORDINATOR, password_hash=password_hash, role="coordinator", system_id=system.id)
    )
    rng, audits = random.Random(99), 0
    for index in range(DEMO_SYSTEM_ORGANISATIONS):
        name = f"Vale {rng.choice(_NAME_PARTS[1])} {index + 1} (demo)"
        organisation = _other_organisation(content, rng, name, list(DEMO_SYSTEM_AREAS), index % 2 == 0)
        audits += _audits_of(content, rng, organisation, utcnow())
    return audits


def load_demo_data(content: Content) -> str:
    seed_first_system(content)  # a database made without the migrations (tests) has no systems yet
    password_hash = hash_password(DEMO_PASSWORD)
    if db.session.query(User.id).filter(User.email == DEMO_MEMBER).first():
        if system_by_code(DEMO_SYSTEM_CODE) is not None:
            return "Demo data is already loaded."
        # Demo data loaded before there were systems: add the made-up one.
        audits = _demo_system(content, password_hash)
        _demo_rebuild()
        return f"Added the demo system {DEMO_SYSTEM_NAME} ({audits} submitted audits)."
    rng = random.Random(2026)
    lists = content.config.profile
    home = system_by_code(FIRST_SYSTEM_CODE)

    # Demo organisations are verified, as if a coordinator knew them all, so the dashboard has figures at once.
    demo_org = Organisation(name="Demo Community Project", verification=Verification.VERIFIED.value)
    db.session.add(
        User(email=DEMO_MEMBER, password_hash=password_hash, role="member", organisation=demo_org, team_role="admin")
    )
    db.session.add(User(email=DEMO_COORDINATOR, password_hash=password_hash, role="coordinator", system_id=home.id))
    db.session.add(
        User(
            email=DEMO_AREA_COORDINATOR,
            password_hash=password_hash,
            role="coordinator",
            system_id=home.id,
            area="west_northamptonshire",
        )
    )
    db.session.add(User(email=DEMO_ADMIN, password_hash=password_hash, role="admin"))
    share_rng = random.Random(40)

    demo_org.org_type, demo_org.size_band, demo_org.area = "charity", "under_10", "west_northamptonshire"
    demo_org.local_area, demo_org.works_with_families = "northampton", False
    demo_org.groups = ["homelessness", "migrants_refugees"]
    demo_org.profile_completed_at = utcnow()
    today = utcnow()
    audits = 0
    for index in range(DEMO_ORGANISATIONS):
        name = f"{rng.choice(_NAME_PARTS[0])} {rng.choice(_NAME_PARTS[1])} {index + 1}"
        shared = share_rng.random() < DEMO_SHARE_RATE
        organisation = _other_organisation(content, rng, name, list(lists.areas), shared)
        audits += _audits_of(content, rng, organisation, today)
    audits += _demo_system(content, password_hash)
    _demo_rebuild()
    _demo_plans(content, random.Random(17))
    return (
        f"Loaded demo data: {DEMO_ORGANISATIONS + DEMO_SYSTEM_ORGANISATIONS + 1} organisations, "
        f"{audits} submitted audits.\n"
        f"  Organisation member: {DEMO_MEMBER} / {DEMO_PASSWORD}\n"
        f"  Coordinator:         {DEMO_COORDINATOR} / {DEMO_PASSWORD} (every Northamptonshire area)\n"
        f"  Area coordinator:    {DEMO_AREA_COORDINATOR} / {DEMO_PASSWORD} (West Northamptonshire)\n"
        f"  Other system:        {DEMO_SYSTEM_COORDINATOR} / {DEMO_PASSWORD} ({DEMO_SYSTEM_NAME})\n"
        f"  Admin:               {DEMO_ADMIN} / {DEMO_PASSWORD} (the whole service: admin pages, access log)"
    )


def _demo_rebuild() -> None:
    db.session.commit()
    rebuild_stored_figures(db.session.connection())  # the audits above went straight into the tables
    db.session.commit()
