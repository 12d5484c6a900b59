"""identities that are never reused: AUTOINCREMENT on SQLite, random session keys, invitation and
account request rows, and organisation names cleaned of line breaks and direction characters

Revision ID: b7c41d2e9a10
Revises: a22dbd57c409
Create Date: 2026-12-02 07:10:00
"""

import secrets
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "b7c41d2e9a10"
down_revision = "a22dbd57c409"
branch_labels = None
depends_on = None

# Tables whose ids appear in cookies, links or logs (as in models.NEVER_REUSE_IDS).
NEVER_REUSE = ("organisation", "user", "audit", "access_log")
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _clean(name: str) -> str:
    kept = "".join(" " if unicodedata.category(c) == "Cc" else c for c in name if c not in BIDI_CONTROLS)
    cleaned = " ".join(kept.split())
    return cleaned if any(unicodedata.category(c)[0] in "LNPS" for c in cleaned) else "Unnamed organisation"


def upgrade():
    op.create_table(
        "account_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_request")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_account_request_token_hash")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("account_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_request_email"), ["email"], unique=False)

    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["invited_by_id"], ["user.id"], name=op.f("fk_invitation_invited_by_id_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_invitation_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_invitation_token_hash")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_organisation_id"), ["organisation_id"], unique=False)

    # A random key per user replaces the counter in session cookies; every existing session ends.
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_key", sa.String(length=40), nullable=True))
    bind = op.get_bind()
    user = sa.table("user", sa.column("id", sa.Integer), sa.column("session_key", sa.String))
    for (user_id,) in bind.execute(sa.select(user.c.id)).all():
        bind.execute(sa.update(user).where(user.c.id == user_id).values(session_key=secrets.token_urlsafe(24)))
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column("session_key", existing_type=sa.String(length=40), nullable=False)
        batch_op.drop_column("session_generation")

    organisation = sa.table("organisation", sa.column("id", sa.Integer), sa.column("name", sa.String))
    for organisation_id, name in bind.execute(sa.select(organisation.c.id, organisation.c.name)).all():
        if _clean(name) != name:
            bind.execute(sa.update(organisation).where(organisation.c.id == organisation_id).values(name=_clean(name)))

    if _is_sqlite():
        # SQLite only takes AUTOINCREMENT when a table is created, so these are rebuilt with it (env.py turns
        # foreign key enforcement off while that happens, and checks every key afterwards).
        for table in NEVER_REUSE:
            with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": True}):
                pass


def downgrade():
    if _is_sqlite():
        for table in NEVER_REUSE:
            with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": False}):
                pass
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_column("session_key")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column("session_generation", existing_type=sa.Integer(), server_default=None)

    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_organisation_id"))
    op.drop_table("invitation")
    with op.batch_alter_table("account_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_request_email"))
    op.drop_table("account_request")
