"""systems and their areas, staff scopes, deactivated accounts, staff invitations

Areas move from content/config.yml into the database, each in a system. The one system seeded here holds the
areas `profile.areas` lists today (named as the county's integrated care system is), and every coordinator is
put in it, keeping their area; admins stay service-wide. Access log rows about its organisations, or made by
its coordinators, are filed under it. The stored figures gain "system=..." rows, so they are rebuilt.

Revision ID: e41a9c7f3b28
Revises: b7d3e5a91c20
Create Date: 2026-12-02 13:25:44.447235
"""

from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
import yaml
from alembic import op

revision = "e41a9c7f3b28"
down_revision = "b7d3e5a91c20"
branch_labels = None
depends_on = None
rebuilds_stored_figures = True

# Copied, not imported: a migration must not change when the code does.
SYSTEM_CODE = "northamptonshire"
SYSTEM_NAME = "Integrated Care Northamptonshire"
CONFIG = Path(__file__).resolve().parents[3] / "content" / "config.yml"


def _content_areas() -> dict[str, str]:
    if not CONFIG.exists():
        return {}
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8")) or {}
    return dict((config.get("profile") or {}).get("areas") or {})


def _seed() -> None:
    areas = _content_areas()
    if not areas:
        return
    connection = op.get_bind()
    now = datetime.now().replace(microsecond=0)
    system = sa.table("system", sa.column("id"), sa.column("code"), sa.column("name"), sa.column("created_at"))
    area = sa.table("area", sa.column("code"), sa.column("name"), sa.column("system_id"), sa.column("created_at"))
    user = sa.table("user", sa.column("id"), sa.column("role"), sa.column("system_id"))
    log = sa.table("access_log", sa.column("organisation_id"), sa.column("user_id"), sa.column("system_id"))
    organisation = sa.table("organisation", sa.column("id"), sa.column("area"))
    connection.execute(system.insert().values(code=SYSTEM_CODE, name=SYSTEM_NAME, created_at=now))
    system_id = connection.execute(sa.select(system.c.id).where(system.c.code == SYSTEM_CODE)).scalar_one()
    connection.execute(
        area.insert(), [{"code": c, "name": n, "system_id": system_id, "created_at": now} for c, n in areas.items()]
    )
    connection.execute(user.update().where(user.c.role == "coordinator").values(system_id=system_id))
    in_system = sa.select(organisation.c.id).where(organisation.c.area.in_(list(areas)))
    coordinators = sa.select(user.c.id).where(user.c.role == "coordinator")
    connection.execute(
        log.update()
        .where(
            log.c.organisation_id.in_(in_system) | (log.c.organisation_id.is_(None) & log.c.user_id.in_(coordinators))
        )
        .values(system_id=system_id)
    )


def upgrade():
    op.create_table(
        "system",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_system")),
        sa.UniqueConstraint("code", name=op.f("uq_system_code")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "area",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["system_id"], ["system.id"], name=op.f("fk_area_system_id_system")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_area")),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_system_id"), ["system_id"], unique=False)

    op.create_table(
        "former_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("area_code", sa.String(length=60), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("used_from", sa.DateTime(), nullable=False),
        sa.Column("used_until", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_code"], ["area.code"], name=op.f("fk_former_name_area_code_area"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["system.id"], name=op.f("fk_former_name_system_id_system"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_former_name")),
    )
    with op.batch_alter_table("former_name", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_former_name_area_code"), ["area_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_former_name_system_id"), ["system_id"], unique=False)

    op.create_table(
        "staff_invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("area", sa.String(length=60), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["invited_by_id"], ["user.id"], name=op.f("fk_staff_invitation_invited_by_id_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["system.id"], name=op.f("fk_staff_invitation_system_id_system"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_invitation")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_staff_invitation_token_hash")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("system_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_access_log_system_id"), ["system_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_access_log_system_id_system"), "system", ["system_id"], ["id"], ondelete="SET NULL"
        )

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("system_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.create_foreign_key(batch_op.f("fk_user_system_id_system"), "system", ["system_id"], ["id"])

    _seed()


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_user_system_id_system"), type_="foreignkey")
        batch_op.drop_column("active")
        batch_op.drop_column("system_id")

    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_access_log_system_id_system"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_access_log_system_id"))
        batch_op.drop_column("system_id")

    op.drop_table("staff_invitation")
    with op.batch_alter_table("former_name", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_former_name_system_id"))
        batch_op.drop_index(batch_op.f("ix_former_name_area_code"))

    op.drop_table("former_name")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_system_id"))

    op.drop_table("area")
    op.drop_table("system")
