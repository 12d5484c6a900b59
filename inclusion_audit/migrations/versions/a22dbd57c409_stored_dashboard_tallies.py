"""stored dashboard tallies, and indexes for the dashboard's counts

The tally tables start empty and marked as not built, so the dashboard keeps counting from the audits
until `flask figures rebuild` has filled them (`make db` runs it after upgrading).

Revision ID: a22dbd57c409
Revises: e17e9557dd13
Create Date: 2026-12-01 21:31:11.044449
"""

import sqlalchemy as sa
from alembic import op

revision = "a22dbd57c409"
down_revision = "e17e9557dd13"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "result_tally",
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("span", sa.String(length=10), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=10), nullable=False),
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "span", "period", "measure", "item", "value", name=op.f("pk_result_tally")),
    )
    op.create_table(
        "tally_build",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tally_build")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_submitted_at"))
        batch_op.create_index(batch_op.f("ix_audit_started_at"), ["started_at"], unique=False)
        batch_op.create_index("ix_audit_status_submitted_at", ["status", "submitted_at"], unique=False)

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_created_at"), ["created_at"], unique=False)

    with op.batch_alter_table("organisation_group", schema=None) as batch_op:
        batch_op.create_index("ix_organisation_group_group_organisation_id", ["group", "organisation_id"], unique=False)


def downgrade():
    with op.batch_alter_table("organisation_group", schema=None) as batch_op:
        batch_op.drop_index("ix_organisation_group_group_organisation_id")

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_created_at"))

    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_status_submitted_at")
        batch_op.drop_index(batch_op.f("ix_audit_started_at"))
        batch_op.create_index(batch_op.f("ix_audit_submitted_at"), ["submitted_at"], unique=False)

    op.drop_table("tally_build")
    op.drop_table("result_tally")
