"""action plans, reminders, team roles and certificates; each organisation's first member becomes its admin

Revision ID: d05eff8b5ea6
Revises: 5d1c7e2a9b40
Create Date: 2026-12-02 07:13:55.886839
"""

import sqlalchemy as sa
from alembic import op

revision = "d05eff8b5ea6"
down_revision = "5d1c7e2a9b40"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reminder_opt_out",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_reminder_opt_out_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "kind", name=op.f("pk_reminder_opt_out")),
    )
    op.create_table(
        "reminder_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("about", sa.String(length=80), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_reminder_sent_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sent")),
        sa.UniqueConstraint("user_id", "kind", "about", name="uq_reminder_sent_once"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("reminder_sent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_sent_user_id"), ["user_id"], unique=False)

    op.create_table(
        "team_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_email", sa.String(length=320), nullable=False),
        sa.Column("subject_email", sa.String(length=320), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["user.id"], name=op.f("fk_team_event_actor_id_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_team_event_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_event")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("team_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_event_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_certificate_audit_id_audit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_certificate_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("audit_id", name=op.f("uq_certificate_audit_id")),
        sa.UniqueConstraint("code", name=op.f("uq_certificate_code")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "action_plan",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_action_plan_audit_id_audit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_action_plan_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audit_id", name=op.f("pk_action_plan")),
    )
    with op.batch_alter_table("action_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_plan_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "plan_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("snippet_id", sa.String(length=80), nullable=True),
        sa.Column("section_id", sa.String(length=40), nullable=True),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("owner_name", sa.String(length=120), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("dropped_reason", sa.String(length=300), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_plan_action_audit_id_audit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_plan_action_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["user.id"], name=op.f("fk_plan_action_owner_id_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["user.id"], name=op.f("fk_plan_action_updated_by_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_action")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_action_audit_id"), ["audit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_action_organisation_id"), ["organisation_id"], unique=False)

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_role", sa.String(length=20), server_default="member", nullable=False))

    # Whoever registered an organisation is its admin. Registration made the first member, so the lowest id.
    user = sa.table(
        "user", sa.column("id", sa.Integer), sa.column("organisation_id", sa.Integer), sa.column("team_role", sa.String)
    )
    first = (
        sa.select(sa.func.min(user.c.id)).where(user.c.organisation_id.is_not(None)).group_by(user.c.organisation_id)
    )
    op.get_bind().execute(sa.update(user).where(user.c.id.in_(first)).values(team_role="admin"))


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("team_role")

    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_action_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_plan_action_audit_id"))

    op.drop_table("plan_action")
    with op.batch_alter_table("action_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_plan_organisation_id"))

    op.drop_table("action_plan")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_organisation_id"))

    op.drop_table("certificate")
    with op.batch_alter_table("team_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_event_organisation_id"))

    op.drop_table("team_event")
    with op.batch_alter_table("reminder_sent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_sent_user_id"))

    op.drop_table("reminder_sent")
    op.drop_table("reminder_opt_out")
