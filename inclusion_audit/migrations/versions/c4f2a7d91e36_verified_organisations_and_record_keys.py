"""verified organisations, their record keys, and the record keys' sums in the stored figures

Organisations that are already there start unverified: coordinator figures count only organisations that a
coordinator of their area has verified (their queue lists them all). Each gets a random record key for the
figures' noise. `rebuilds_stored_figures` fills the new key sums (and leaves out the unverified) once upgraded.

Revision ID: c4f2a7d91e36
Revises: f3b9c1d7a2e4
Create Date: 2026-12-03 09:00:00.000000
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "c4f2a7d91e36"
down_revision = "f3b9c1d7a2e4"
branch_labels = None
depends_on = None
rebuilds_stored_figures = True

RECORD_KEYS = 256  # as disclosure.RECORD_KEYS, copied: a migration must not change when the code does


def upgrade():
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("registration_number", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("verification", sa.String(length=12), server_default="unverified", nullable=False))
        batch.add_column(sa.Column("record_key", sa.Integer(), server_default="0", nullable=False))
        batch.create_index(batch.f("ix_organisation_verification"), ["verification"], unique=False)
    organisation = sa.table("organisation", sa.column("id", sa.Integer), sa.column("record_key", sa.Integer))
    connection = op.get_bind()
    ids = connection.execute(sa.select(organisation.c.id)).scalars().all()
    for organisation_id in ids:
        connection.execute(
            organisation.update()
            .where(organisation.c.id == organisation_id)
            .values(record_key=secrets.randbelow(RECORD_KEYS))
        )
    with op.batch_alter_table("stored_figure") as batch:
        batch.add_column(sa.Column("key_sum", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "verification_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_email", sa.String(length=320), nullable=False),
        sa.Column("decision", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_verification_decision_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["user.id"],
            name=op.f("fk_verification_decision_decided_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_decision")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("verification_decision") as batch:
        batch.create_index(batch.f("ix_verification_decision_organisation_id"), ["organisation_id"], unique=False)


def downgrade():
    with op.batch_alter_table("verification_decision") as batch:
        batch.drop_index(batch.f("ix_verification_decision_organisation_id"))
    op.drop_table("verification_decision")
    with op.batch_alter_table("stored_figure") as batch:
        batch.drop_column("key_sum")
    with op.batch_alter_table("organisation") as batch:
        batch.drop_index(batch.f("ix_organisation_verification"))
        batch.drop_column("record_key")
        batch.drop_column("verification")
        batch.drop_column("registration_number")
