"""A small, hand-checkable set of organisations built straight into the database.

Every section of an organisation's latest audit has the same score, listed below, so the expected
figures can be worked out by hand (see test_aggregates.py for the working).

    Corby (6)        Kettering (3)      Daventry (7, social enterprises, under 10 staff)
    North            West               Daventry (a test area)
    C1 charity  10*  K1 charity 30*     60* 62 65 68 70 72 78
    C2 charity  25   K2 charity 50
    C3 charity  45*  K3 faith   70
    C4 charity  55
    C5 cic      65
    C6 cic      95*                     * shares by name

C1 also has an older audit (score 90, 500 days ago). Corby also has an organisation with an audit
in progress, and there is one organisation with no profile at all. Corby organisations are in North
Northamptonshire and Kettering ones in West (as test areas, whatever the real map says); the Daventry
ones are in a third area of the same system, made for these tests, so the North and West filters see only the
first two columns while the system's coordinators see all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from inclusion_audit.content_store import get_content
from inclusion_audit.engine import build_guide
from inclusion_audit.extensions import db
from inclusion_audit.models import Answer, Audit, Organisation, SectionScore, utcnow
from inclusion_audit.queries import FIRST_SYSTEM_CODE, profile_of
from inclusion_audit.queries.stored_figures import rebuild_stored_figures
from inclusion_audit.system_models import Area, System

RECENT_DAYS, OLD_DAYS = 10, 500
RECORD_KEYS = [(37 * index + 11) % 256 for index in range(32)]


@dataclass(frozen=True)
class Spec:
    name: str
    area: str
    org_type: str
    size_band: str
    groups: tuple[str, ...]
    score: int
    share: bool = False
    answers: dict[str, str] = field(default_factory=dict)


DAVENTRY = "daventry_test"
NOT_STARTED_LEAD = {"named_lead": "not_started"}
SPECS = [
    Spec(
        "Corby Alpha Trust",
        "north_northamptonshire",
        "charity",
        "under_10",
        ("homelessness",),
        10,
        True,
        NOT_STARTED_LEAD,
    ),
    Spec(
        "Corby Bravo Hidden",
        "north_northamptonshire",
        "charity",
        "under_10",
        ("homelessness",),
        25,
        False,
        NOT_STARTED_LEAD,
    ),
    Spec(
        "Corby Charlie Trust",
        "north_northamptonshire",
        "charity",
        "from_10_to_49",
        ("justice",),
        45,
        True,
        NOT_STARTED_LEAD,
    ),
    Spec(
        "Corby Delta Hidden",
        "north_northamptonshire",
        "charity",
        "from_10_to_49",
        ("homelessness", "justice"),
        55,
        False,
        NOT_STARTED_LEAD,
    ),
    Spec(
        "Corby Echo Hidden", "north_northamptonshire", "cic", "under_10", ("sex_workers",), 65, False, NOT_STARTED_LEAD
    ),
    Spec(
        "Corby Foxtrot Trust", "north_northamptonshire", "cic", "over_50", ("homelessness",), 95, True, NOT_STARTED_LEAD
    ),
    Spec(
        "Kettering Kilo Trust",
        "west_northamptonshire",
        "charity",
        "under_10",
        ("justice",),
        30,
        True,
        {"named_lead": "dont_know"},
    ),
    Spec(
        "Kettering Lima Hidden",
        "west_northamptonshire",
        "charity",
        "under_10",
        ("justice",),
        50,
        False,
        {"named_lead": "dont_know"},
    ),
    Spec(
        "Kettering Mike Hidden",
        "west_northamptonshire",
        "faith_group",
        "volunteer_only",
        ("justice",),
        70,
        False,
        {"local_partnerships": "not_started"},
    ),
] + [
    Spec(
        f"Daventry {word} {'Trust' if index == 0 else 'Hidden'}",
        DAVENTRY,
        "social_enterprise",
        "under_10",
        ("drugs_alcohol",),
        score,
        index == 0,
        {"trustees_discuss": "dont_know"} if index < 5 else {},
    )
    for index, (word, score) in enumerate(
        zip(
            ("Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform"),
            (60, 62, 65, 68, 70, 72, 78),
            strict=True,
        )
    )
]
SHARED_NAMES = [spec.name for spec in SPECS if spec.share]
HIDDEN_NAMES = [spec.name for spec in SPECS if not spec.share] + ["Corby Unsubmitted Hidden", "No Profile Hidden"]


def submitted_audit(organisation: Organisation, score: int, answers: dict[str, str], when: datetime) -> Audit:
    content = get_content()
    guide = build_guide(content, profile_of(organisation), {})
    audit = Audit(
        organisation=organisation,
        status="submitted",
        started_at=when - timedelta(days=1),
        updated_at=when,
        submitted_at=when,
        content_version=content.version,
        overall_percent=score,
        guide_snapshot=guide.to_dict(),
    )
    audit.answers = [Answer(question_id=key, value=value) for key, value in answers.items()]
    audit.section_scores = [
        SectionScore(section_id=section.id, percent=score, band="emerging" if score < 40 else "developing")
        for section in content.sections
    ]
    return audit


def build(app) -> dict[str, int]:
    """Create the organisations; return organisation ids by name."""
    now = utcnow()
    with app.app_context():
        system = db.session.scalar(select(System).where(System.code == FIRST_SYSTEM_CODE))
        db.session.add(Area(code=DAVENTRY, name="Daventry (test area)", system_id=system.id))
        organisations = {}
        for index, spec in enumerate(SPECS):
            organisation = Organisation(
                name=spec.name,
                # Fixed, not drawn: the noise on every figure is then the same on every run, so a count near 5
                # (six organisations need the leadership topic) cannot read "fewer than 5" one run in ten.
                record_key=RECORD_KEYS[index],
                area=spec.area,
                org_type=spec.org_type,
                size_band=spec.size_band,
                profile_completed_at=now,
                share_named=spec.share,
                created_at=now - timedelta(days=RECENT_DAYS + 5),
                verification="verified",
            )
            organisation.groups = list(spec.groups)
            db.session.add(organisation)
            db.session.add(submitted_audit(organisation, spec.score, spec.answers, now - timedelta(days=RECENT_DAYS)))
            organisations[spec.name] = organisation
        first = organisations["Corby Alpha Trust"]
        first.created_at = now - timedelta(days=OLD_DAYS + 5)
        db.session.add(submitted_audit(first, 90, {"named_lead": "dont_know"}, now - timedelta(days=OLD_DAYS)))
        waiting = Organisation(
            name="Corby Unsubmitted Hidden",
            record_key=RECORD_KEYS[-1],
            area="north_northamptonshire",
            org_type="charity",
            size_band="under_10",
            profile_completed_at=now,
            verification="verified",
        )
        db.session.add_all(
            [waiting, Audit(organisation=waiting), Organisation(name="No Profile Hidden", record_key=RECORD_KEYS[-2])]
        )
        db.session.flush()
        rebuild_stored_figures(db.session.connection())  # the audits went straight in, not through submit_audit
        db.session.commit()
        return {name: organisation.id for name, organisation in organisations.items()}


def quarter_of(days_ago: int) -> tuple[int, int]:
    when = utcnow() - timedelta(days=days_ago)
    return when.year, (when.month + 2) // 3
