"""Changes to systems and areas an admin makes: add, rename (the old name kept with its dates) and retire an
area, moving its organisations to another area of the same system.

Moving organisations changes what they count for, so it goes through `stored_figures_kept`, one organisation
at a time, as any other change to an organisation's area does.
"""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Organisation, User, utcnow
from ..system_models import Area, FormerName, System
from .sharing import record_access
from .stored_figures import stored_figures_kept

__all__ = ["add_area", "add_system", "former_names", "rename_area", "rename_system", "retire_area"]


def add_system(code: str, name: str, by: User) -> System:
    system = System(code=code, name=name.strip())
    db.session.add(system)
    db.session.commit()
    record_access(by, "system_added", None, f"{system.name} ({code})", system.id)
    return system


def add_area(system: System, code: str, name: str, by: User) -> Area:
    area = Area(code=code, name=name.strip(), system_id=system.id)
    db.session.add(area)
    db.session.commit()
    record_access(by, "area_added", None, f"{area.name} ({code}) in {system.name}", system.id)
    return area


def _since(row: System | Area, system_id: int | None, area_code: str | None):
    """When the current name came in: the end of the last former name, or when the row was made."""
    latest = db.session.scalar(
        select(FormerName.used_until)
        .where(FormerName.system_id == system_id, FormerName.area_code == area_code)
        .order_by(FormerName.used_until.desc())
        .limit(1)
    )
    return latest or row.created_at


def rename_system(system: System, name: str, by: User) -> bool:
    name = name.strip()
    if name == system.name:
        return False
    old = system.name
    db.session.add(FormerName(system_id=system.id, name=old, used_from=_since(system, system.id, None)))
    system.name = name
    db.session.commit()
    record_access(by, "system_renamed", None, f"{old} to {name}", system.id)
    return True


def rename_area(area: Area, name: str, by: User) -> bool:
    name = name.strip()
    if name == area.name:
        return False
    old = area.name
    db.session.add(FormerName(area_code=area.code, name=old, used_from=_since(area, None, area.code)))
    area.name = name
    db.session.commit()
    record_access(by, "area_renamed", None, f"{old} to {name}", area.system_id)
    return True


def former_names(system_id: int | None = None, area_code: str | None = None) -> list[FormerName]:
    where = FormerName.system_id == system_id if system_id is not None else FormerName.area_code == area_code
    return list(db.session.scalars(select(FormerName).where(where).order_by(FormerName.used_from)))


def retire_area(area: Area, into: Area, by: User) -> tuple[int, list[User]]:
    """Retire `area`: its organisations move to `into` (same system; their part of the area is cleared, as the
    parts belong to the old area) and its coordinators move with them. Returns how many organisations moved,
    and the coordinators who did."""
    if into.system_id != area.system_id or into.code == area.code or into.is_retired:
        raise ValueError("an area's organisations move to another area in use in the same system")
    moving = list(db.session.scalars(select(Organisation.id).where(Organisation.area == area.code)))
    for organisation_id in moving:
        with stored_figures_kept(organisation_id):
            organisation = db.session.get(Organisation, organisation_id)
            organisation.area, organisation.local_area = into.code, None
        db.session.commit()
    coordinators = list(db.session.scalars(select(User).where(User.role == "coordinator", User.area == area.code)))
    for coordinator in coordinators:
        coordinator.area = into.code
    area.retired_at = utcnow()
    db.session.commit()
    detail = f"{area.name}: {len(moving)} organisations and {len(coordinators)} coordinators moved to {into.name}"
    record_access(by, "area_retired", None, detail[:500], area.system_id)
    return len(moving), coordinators
