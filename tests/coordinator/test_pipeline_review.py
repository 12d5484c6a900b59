"""Findings of the review of the pipeline page: what its counts and lists say must be true of who they count."""

from __future__ import annotations

from inclusion_audit.coordinator.pipeline_figures import pipeline_counts
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, Verification

from .helpers import fits
from .test_pipeline import _entries


def test_not_verified_yet_counts_the_organisations_waiting_not_those_rejected(app):
    """'Registered, not verified yet' sits next to 'Verify new organisations': it is the queue's count. An
    organisation a coordinator rejected as not real will not be verified, and is in no queue."""
    with app.app_context():
        for index in range(6):
            organisation = Organisation(name=f"Waiting {index}", area="north_northamptonshire", record_key=index)
            organisation.verification = Verification.UNVERIFIED.value
            db.session.add(organisation)
        for index in range(20):
            organisation = Organisation(name=f"Rejected {index}", area="north_northamptonshire", record_key=index)
            organisation.verification = Verification.REJECTED.value
            db.session.add(organisation)
        db.session.commit()
    counts = pipeline_counts(list(_entries(app).values()))
    assert fits(counts.unverified, 6), counts.unverified
    assert all(fits(shown, 0) for _, shown in counts.rows)  # nor are they counted as registered
