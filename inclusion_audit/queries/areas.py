"""Systems and their areas, read from the database: every choice of area, filter and label comes from here.

Retired areas are never offered for a new choice, but keep their names, so older rows still read properly.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import func, select

from ..engine import Content
from ..engine.schema import ProfileLists
from ..extensions import db
from ..system_models import Area, System

__all__ = [
    "AreaRow",
    "FIRST_SYSTEM_CODE",
    "FIRST_SYSTEM_NAME",
    "all_areas",
    "profile_lists",
    "with_area_names",
    "area_choices",
    "area_labels",
    "get_area",
    "get_system",
    "seed_first_system",
    "system_by_code",
    "systems",
]

# The system a service with areas only in content/config.yml starts with (the migration seeds the same one).
FIRST_SYSTEM_CODE = "northamptonshire"
FIRST_SYSTEM_NAME = "Integrated Care Northamptonshire"


@dataclass(frozen=True)
class AreaRow:
    code: str
    name: str
    system_id: int
    system_code: str
    system_name: str
    retired: bool


def all_areas() -> list[AreaRow]:
    """Every area, retired ones too, by system name then area name."""
    rows = db.session.execute(
        select(Area.code, Area.name, System.id, System.code, System.name, Area.retired_at.is_not(None))
        .join(System, System.id == Area.system_id)
        .order_by(System.name, Area.name)
    )
    return [AreaRow(*row) for row in rows]


def area_labels() -> dict[str, str]:
    """Area code -> name, retired areas included (for labels)."""
    return {row.code: row.name for row in all_areas()}


def area_choices(system_id: int | None = None) -> dict[str, str]:
    """Areas that may be chosen today (not retired), of one system or of all."""
    return {
        row.code: row.name
        for row in all_areas()
        if not row.retired and (system_id is None or row.system_id == system_id)
    }


def profile_lists(content: Content) -> ProfileLists:
    """The content's profile lists with every area's name as the database has it (retired areas too)."""
    return content.config.profile.model_copy(update={"areas": area_labels()})


def with_area_names(content: Content) -> Content:
    """The content with the areas' names as the database has them today, so a guide names any area."""
    config = content.config.model_copy(update={"profile": profile_lists(content)})
    return dataclasses.replace(content, config=config)


def systems() -> list[System]:
    return list(db.session.scalars(select(System).order_by(System.name)))


def get_system(system_id: int) -> System | None:
    return db.session.get(System, system_id)


def system_by_code(code: str) -> System | None:
    return db.session.scalar(select(System).where(System.code == code))


def get_area(code: str) -> Area | None:
    return db.session.get(Area, code)


def seed_first_system(content: Content) -> System | None:
    """A database without systems gets one holding the content's areas, as the migration does. Returns it, or
    None when there were systems already (nothing changes)."""
    if db.session.scalar(select(func.count(System.id))):
        return None
    system = System(code=FIRST_SYSTEM_CODE, name=FIRST_SYSTEM_NAME)
    system.areas = [Area(code=code, name=name) for code, name in content.config.profile.areas.items()]
    db.session.add(system)
    db.session.commit()
    return system
