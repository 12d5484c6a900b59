"""The pipeline's counts as they may be shown, and the step of each organisation that shares by name.

Counts go through `disclosure` like every coordinator figure, with the dashboard's population: the verified
organisations in the view with a submitted audit. So the same view always shows the same figures, and the count of
organisations registered is the dashboard's own for all time (the same organisations, the same population, so
the same noise): a board report does not give two numbers for it. Unverified organisations count in none of
them: they get a count of their own, perturbed the same way, so a coordinator knows how many are waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from .. import queries
from ..disclosure import Cell, Kind, show, total
from ..models import utcnow
from ..queries import PipelineEntry, Step
from ..reminders.kinds import REAUDIT_MONTHS, ReminderKind

STEP_LABELS = {
    Step.NOT_STARTED: "Registered, no audit started",
    Step.IN_PROGRESS: "Audit started, not submitted",
    Step.SUBMITTED: "Audit submitted",
}
REAUDIT_LABEL = f"Due to repeat the audit ({REAUDIT_MONTHS} months or more since it was submitted)"
PLAN_LABEL = "Using the action plan from their latest audit"

# (label, which organisations it counts), in the order the page and the report list them.
COUNTED: tuple[tuple[str, Callable[[PipelineEntry], bool]], ...] = (
    ("Organisations registered", lambda entry: True),
    (STEP_LABELS[Step.NOT_STARTED], lambda entry: entry.step == Step.NOT_STARTED),
    (STEP_LABELS[Step.IN_PROGRESS], lambda entry: entry.step == Step.IN_PROGRESS),
    (STEP_LABELS[Step.SUBMITTED], lambda entry: entry.step == Step.SUBMITTED),
    (REAUDIT_LABEL, lambda entry: entry.reaudit_due),
    (PLAN_LABEL, lambda entry: entry.plan_in_use),
)
UNVERIFIED_LABEL = "Registered, not verified yet (not counted above)"


def reaudit_cutoff(now: datetime) -> datetime:
    """A latest audit submitted before this is due to be repeated: the reminders' rule."""
    return queries.add_months(now, -REAUDIT_MONTHS)


def entries_for(filters: queries.Filters, now: datetime | None = None) -> list[PipelineEntry]:
    return queries.pipeline_entries(filters, reaudit_cutoff(now or utcnow()))


def _cell(entries: Sequence[PipelineEntry]) -> Cell:
    return total(Cell(1, entry.record_key) for entry in entries)


@dataclass(frozen=True)
class PipelineCounts:
    rows: list[tuple[str, str]]  # (label, count as shown), verified organisations only
    unverified: str


def pipeline_counts(entries: Sequence[PipelineEntry]) -> PipelineCounts:
    verified = [entry for entry in entries if entry.verified]
    population = _cell([entry for entry in verified if entry.latest_audit_id is not None])
    rows = [
        (label, show(_cell([e for e in verified if wanted(e)]), population, _kind(label))) for label, wanted in COUNTED
    ]
    # The verification queue's organisations: one rejected as not real will never be verified, so is not waiting.
    unverified = _cell([entry for entry in entries if entry.waiting])
    return PipelineCounts(rows, show(unverified, unverified))


def _kind(label: str) -> str:
    """Registrations are the dashboard's own figure (the same kind, so the same reading); every other row counts
    something of its own, so two rows holding the same organisations do not read alike because of it."""
    return Kind.REGISTERED if label == COUNTED[0][0] else f"{Kind.STEP}:{label}"


def step_text(entry: PipelineEntry) -> str:
    """One organisation's place in the pipeline, in words (only ever shown for organisations sharing by name)."""
    text = STEP_LABELS[entry.step]
    if entry.reaudit_due:
        text += "; due to repeat the audit"
    return text


def reminder_for(entry: PipelineEntry) -> tuple[ReminderKind, int] | None:
    """The reminder email that fits where an organisation is, and the audit it is about; None if none fits."""
    if entry.step == Step.IN_PROGRESS and entry.open_audit_id is not None:
        return ReminderKind.AUDIT_UNFINISHED, entry.open_audit_id
    if entry.reaudit_due and entry.latest_audit_id is not None:
        return ReminderKind.REAUDIT_DUE, entry.latest_audit_id
    return None


def named_entries(entries: Sequence[PipelineEntry], scope: queries.Scope) -> list[PipelineEntry]:
    """The organisations that may be named: those sharing by name, in the coordinator's scope, and not rejected
    as not real by a coordinator (verified, or still waiting to be checked)."""
    return [entry for entry in entries if entry.share_named and scope.names(entry.area) and not rejected(entry)]


def rejected(entry: PipelineEntry) -> bool:
    return not entry.verified and not entry.waiting
