"""audits answers and scores

Revision ID: fe7ebe1c23da
Revises: e5a8a860f9e0
Create Date: 2026-11-24 17:39:52.087615
"""

import sqlalchemy as sa
from alembic import op

revision = "fe7ebe1c23da"
down_revision = "e5a8a860f9e0"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column("previous_audit_id", sa.Integer(), nullable=True),
        sa.Column("content_version", sa.String(length=40), nullable=True),
        sa.Column("overall_percent", sa.Integer(), nullable=True),
        sa.Column("guide_snapshot", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_audit_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_audit_id"], ["audit.id"], name=op.f("fk_audit_previous_audit_id_audit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_id"], ["user.id"], name=op.f("fk_audit_submitted_by_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_submitted_at"), ["submitted_at"], unique=False)

    op.create_table(
        "answer",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["audit_id"], ["audit.id"], name=op.f("fk_answer_audit_id_audit"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["user.id"], name=op.f("fk_answer_updated_by_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("audit_id", "question_id", name=op.f("pk_answer")),
    )
    op.create_table(
        "audit_section",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_audit_section_audit_id_audit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("audit_id", "section_id", name=op.f("pk_audit_section")),
    )
    op.create_table(
        "section_score",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.String(length=40), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("band", sa.String(length=40), nullable=True),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("dont_know", sa.Integer(), nullable=False),
        sa.Column("not_applicable", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_section_score_audit_id_audit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("audit_id", "section_id", name=op.f("pk_section_score")),
    )


def downgrade():
    op.drop_table("section_score")
    op.drop_table("audit_section")
    op.drop_table("answer")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_submitted_at"))
        batch_op.drop_index(batch_op.f("ix_audit_organisation_id"))

    op.drop_table("audit")
