"""feedback about the service

Revision ID: 748c82fb4152
Revises: b7c41d2e9a10
Create Date: 2026-12-02 07:08:38.917263
"""

import sqlalchemy as sa
from alembic import op

revision = "748c82fb4152"
down_revision = "b7c41d2e9a10"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=True),
        sa.Column("text", sa.String(length=1200), nullable=False),
        sa.Column("page", sa.String(length=200), nullable=True),
        sa.Column("reply_to", sa.String(length=320), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_at"), ["at"], unique=False)


def downgrade():
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_at"))

    op.drop_table("feedback")
