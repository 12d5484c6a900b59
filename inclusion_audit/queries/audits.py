"""Reads and writes for audits and their answers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from ..engine import Content, build_guide
from ..engine.model import Guide, Profile
from ..extensions import db
from ..models import Answer, Audit, AuditSection, AuditStatus, Organisation, SectionScore, User, utcnow
from .local_help import content_for_area
from .stored_figures import lock_organisation, stored_figures_kept

__all__ = [
    "SaveResult",
    "answers_of",
    "audits_of",
    "answers_and_carried",
    "carried_answers",
    "current_audit",
    "get_audit",
    "is_first_audit",
    "latest_submitted",
    "profile_of",
    "save_section",
    "section_notes",
    "section_revision",
    "section_state",
    "section_scores_of",
    "start_new_audit",
    "stored_content_ids",
    "submit_audit",
    "previous_submitted",
]


def current_audit(organisation: Organisation) -> Audit | None:
    """The audit being filled in, if there is one."""
    return db.session.scalar(
        select(Audit)
        .where(Audit.organisation_id == organisation.id, Audit.status == AuditStatus.IN_PROGRESS)
        .order_by(Audit.id.desc())
    )


def audits_of(organisation: Organisation) -> list[Audit]:
    return list(db.session.scalars(select(Audit).where(Audit.organisation_id == organisation.id).order_by(Audit.id)))


def latest_submitted(organisation: Organisation) -> Audit | None:
    return db.session.scalar(
        select(Audit)
        .where(Audit.organisation_id == organisation.id, Audit.status == AuditStatus.SUBMITTED)
        .order_by(Audit.submitted_at.desc(), Audit.id.desc())
    )


def previous_submitted(audit: Audit) -> Audit | None:
    """The organisation's submitted audit before this one."""
    return db.session.scalar(
        select(Audit)
        .where(
            Audit.organisation_id == audit.organisation_id,
            Audit.status == AuditStatus.SUBMITTED,
            Audit.id < audit.id,
        )
        .order_by(Audit.id.desc())
    )


def get_audit(audit_id: int, organisation_id: int) -> Audit | None:
    """The audit only if it belongs to this organisation: other organisations' audits do not exist for you."""
    audit = db.session.get(Audit, audit_id)
    return audit if audit is not None and audit.organisation_id == organisation_id else None


def answers_of(audit: Audit | None) -> dict[str, str]:
    if audit is None:
        return {}
    rows = db.session.execute(select(Answer.question_id, Answer.value).where(Answer.audit_id == audit.id))
    return {question_id: value for question_id, value in rows}


def answers_and_carried(audit: Audit | None) -> tuple[dict[str, str], set[str]]:
    """`answers_of` and `carried_answers` in one read, for a question page."""
    if audit is None:
        return {}, set()
    rows = db.session.execute(
        select(Answer.question_id, Answer.value, Answer.carried_over).where(Answer.audit_id == audit.id)
    ).all()
    return {question_id: value for question_id, value, _ in rows}, {row[0] for row in rows if row[2]}


def carried_answers(audit: Audit | None) -> set[str]:
    """Ids of the answers copied from the last audit that nobody has confirmed or changed in this one yet."""
    if audit is None:
        return set()
    return set(db.session.scalars(select(Answer.question_id).where(Answer.audit_id == audit.id, Answer.carried_over)))


def section_notes(audit: Audit | None) -> dict[str, str]:
    """The organisation's notes on each section of this audit that has some, by section id. For the
    organisation's own pages and documents only (check your answers, its guide, its data download)."""
    if audit is None:
        return {}
    rows = db.session.execute(
        select(AuditSection.section_id, AuditSection.notes).where(
            AuditSection.audit_id == audit.id, AuditSection.notes != ""
        )
    )
    return {section_id: notes for section_id, notes in rows}


def section_state(audit: Audit | None, section_id: str) -> tuple[str, int]:
    """One section's notes and save counter, in one read, for its question page."""
    if audit is None:
        return "", 0
    row = db.session.execute(
        select(AuditSection.notes, AuditSection.revision).where(
            AuditSection.audit_id == audit.id, AuditSection.section_id == section_id
        )
    ).first()
    return (row[0] or "", row[1] or 0) if row else ("", 0)


def section_revision(audit: Audit | None, section_id: str) -> int:
    if audit is None:
        return 0
    revision = db.session.scalar(
        select(AuditSection.revision).where(AuditSection.audit_id == audit.id, AuditSection.section_id == section_id)
    )
    return revision or 0


def profile_of(organisation: Organisation) -> Profile:
    return Profile(
        name=organisation.name,
        org_type=organisation.org_type,
        size_band=organisation.size_band,
        area=organisation.area,
        groups=tuple(organisation.groups),
        local_area=organisation.local_area,
        works_with_families=organisation.works_with_families,
        other_groups=organisation.other_groups,
    )


def is_first_audit(audit: Audit | None) -> bool:
    """True unless the organisation submitted an audit before this one (review questions then count)."""
    if audit is None:
        return True
    return previous_submitted(audit) is None


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    audit: Audit
    revision: int


def _claim_revision(audit: Audit, section_id: str, expected: int) -> int | None:
    """Bump the section's revision if it is still `expected`; None means someone saved in between."""
    if expected == 0 and section_revision(audit, section_id) == 0:
        exists = db.session.get(AuditSection, (audit.id, section_id))
        if exists is None:
            db.session.add(AuditSection(audit_id=audit.id, section_id=section_id, revision=1))
            db.session.flush()
            return 1
    result = db.session.execute(
        update(AuditSection)
        .where(
            AuditSection.audit_id == audit.id,
            AuditSection.section_id == section_id,
            AuditSection.revision == expected,
        )
        .values(revision=AuditSection.revision + 1, updated_at=utcnow())
    )
    return expected + 1 if result.rowcount == 1 else None


def save_section(
    organisation: Organisation,
    user: User,
    section_id: str,
    answers: dict[str, str],
    expected_revision: int,
    notes: str | None = None,
) -> SaveResult:
    """Save one section's answers (and its notes, unless None) in one transaction, unless the page was out of
    date. Saving an answer confirms it, so an answer carried over from the last audit counts as checked even if
    it is unchanged."""
    audit = current_audit(organisation)
    if audit is None:
        lock_organisation(organisation.id)  # two first saves at once must not start two audits
        audit = current_audit(organisation)
    if audit is None:
        with stored_figures_kept(organisation.id):  # an audit started
            audit = Audit(organisation_id=organisation.id)
            db.session.add(audit)
        db.session.flush()
        expected_revision = 0  # a brand-new audit has nothing a page could be out of date with
    revision = _claim_revision(audit, section_id, expected_revision)
    if revision is None:
        db.session.rollback()
        audit = current_audit(organisation)
        assert audit is not None  # noqa: S101  (it existed a moment ago; rollback only undid our write)
        return SaveResult(saved=False, audit=audit, revision=section_revision(audit, section_id))
    existing = {row.question_id: row for row in db.session.scalars(select(Answer).where(Answer.audit_id == audit.id))}
    now = utcnow()
    for question_id, value in answers.items():
        row = existing.get(question_id)
        if row is None:
            db.session.add(
                Answer(audit_id=audit.id, question_id=question_id, value=value, updated_at=now, updated_by_id=user.id)
            )
        elif row.value != value or row.carried_over:
            row.value, row.updated_at, row.updated_by_id, row.carried_over = value, now, user.id, False
    if notes is not None:
        section = db.session.get(AuditSection, (audit.id, section_id))
        assert section is not None  # noqa: S101  (claiming the revision made or updated it)
        section.notes = notes
    audit.updated_at = now
    db.session.commit()
    return SaveResult(saved=True, audit=audit, revision=revision)


def section_scores_of(guide: Guide) -> list[SectionScore]:
    """The per-section rows stored with a submitted audit, for coordinator aggregates."""
    return [
        SectionScore(
            section_id=section.result.section_id,
            percent=section.result.percent,
            band=section.result.band,
            answered=section.result.answered,
            dont_know=section.result.dont_know,
            not_applicable=section.result.not_applicable,
        )
        for section in guide.sections
    ]


def submit_audit(audit: Audit, user: User, content: Content) -> Guide:
    """Lock the audit and store its results and guide exactly as they are today."""
    with stored_figures_kept(audit.organisation_id):  # also waits for any other change to this organisation
        db.session.refresh(audit)
        if audit.is_submitted:  # a double click, or another tab, got there first: keep that submission
            guide = Guide.from_dict(audit.guide_snapshot)
        else:
            # The area's local help as it stands today is copied into the stored guide, like the rest of it.
            content = content_for_area(content, audit.organisation.area)
            guide = build_guide(
                content, profile_of(audit.organisation), answers_of(audit), first_audit=is_first_audit(audit)
            )
            audit.status = AuditStatus.SUBMITTED
            audit.submitted_at = utcnow()
            audit.submitted_by_id = user.id
            audit.content_version = guide.content_version
            audit.overall_percent = guide.overall.percent
            audit.guide_snapshot = guide.to_dict()
            audit.section_scores = section_scores_of(guide)
    db.session.commit()
    return guide


def start_new_audit(organisation: Organisation, user: User, content: Content) -> Audit:
    """A new audit that starts from the last submitted answers (under today's question ids), so a re-audit
    only needs the changes. Each copied answer is marked to be checked; answers the content says hold for one
    audit only (`carry_over: false`) are left for the organisation to give again."""
    lock_organisation(organisation.id)  # a double click waits here, then finds the audit the first one made
    audit = current_audit(organisation)
    if audit is not None:
        db.session.commit()
        return audit
    previous = latest_submitted(organisation)
    with stored_figures_kept(organisation.id):  # an audit started
        audit = Audit(organisation_id=organisation.id, previous_audit_id=previous.id if previous else None)
        db.session.add(audit)
    db.session.flush()
    for question_id, value in content.current_answers(answers_of(previous)).items():
        if content.questions[question_id].carry_over:
            db.session.add(
                Answer(
                    audit_id=audit.id, question_id=question_id, value=value, updated_by_id=user.id, carried_over=True
                )
            )
    db.session.commit()
    return audit


def stored_content_ids() -> tuple[set[str], set[str]]:
    """Every question id and section id that any stored audit uses."""
    questions = set(db.session.scalars(select(Answer.question_id).distinct()))
    sections = set(db.session.scalars(select(SectionScore.section_id).distinct()))
    sections |= set(db.session.scalars(select(AuditSection.section_id).distinct()))
    return questions, sections
