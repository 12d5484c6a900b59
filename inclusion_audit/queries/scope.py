"""Who a member of staff works for: one value, built from the user, passed to every coordinator read.

A coordinator works for a system, or for one area in it; an admin for the whole service (no system) or for one
system. Anonymous figures cover the coordinator's system (disclosure control protects them, and an area
coordinator can compare with the rest of their system); anything naming or listing an organisation, and local
help, covers `named_areas` only. A coordinator whose system is missing sees nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, select

from ..extensions import db
from ..models import Organisation, User
from ..system_models import Area, System
from .areas import area_choices

__all__ = ["NO_SYSTEM", "Scope", "areas_in_scope", "scope_of", "system_of_area"]

# The system code of a scope that covers nothing: no system has it (codes are letters, digits and "_").
NO_SYSTEM = "-"


@dataclass(frozen=True)
class Scope:
    system_id: int | None = None
    system_code: str | None = None
    system_name: str | None = None
    area: str | None = None  # one area of the system (coordinators only)
    areas: frozenset[str] | None = None  # every area of the system, retired ones too; None: the whole service

    @property
    def service_wide(self) -> bool:
        return self.areas is None

    @property
    def figure_system(self) -> str | None:
        """The system code every figure is limited to (`Filters.system`); None for the whole service."""
        return None if self.service_wide else self.system_code or NO_SYSTEM

    @property
    def named_areas(self) -> frozenset[str] | None:
        """The areas whose organisations may be named, listed and decided about; None: every one."""
        return frozenset({self.area}) if self.area else self.areas

    def names(self, area: str | None) -> bool:
        named = self.named_areas
        return named is None or (area is not None and area in named)

    def named_condition(self) -> list[ColumnElement[bool]]:
        """Conditions on `Organisation` for what may be named (none for the whole service)."""
        named = self.named_areas
        if named is None:
            return []
        return [Organisation.area.in_(sorted(named))] if named else [false()]

    def label(self, area_labels: dict[str, str]) -> str | None:
        """The scope in words for a page ("West Northamptonshire"), or None for the whole service."""
        if self.area:
            return area_labels.get(self.area, self.area)
        return self.system_name if not self.service_wide else None


def _system_areas(system_id: int) -> frozenset[str]:
    return frozenset(db.session.scalars(select(Area.code).where(Area.system_id == system_id)))


def scope_of(user: User) -> Scope:
    if user.system_id is None:
        return Scope() if user.role == "admin" else Scope(areas=frozenset())
    system = db.session.get(System, user.system_id)
    if system is None:
        return Scope(areas=frozenset())
    areas = _system_areas(system.id)
    area = user.area if user.role != "admin" and user.area in areas else None
    return Scope(system.id, system.code, system.name, area, areas)


def areas_in_scope(scope: Scope, named: bool = False) -> dict[str, str]:
    """The areas (code -> name) the scope covers that may be chosen today: for figures, or (`named`) for what
    names organisations, such as local help."""
    if scope.service_wide:
        return area_choices()
    allowed = scope.named_areas if named else scope.areas
    return {code: name for code, name in area_choices(scope.system_id).items() if code in (allowed or ())}


def system_of_area(area: str | None) -> int | None:
    return None if area is None else db.session.scalar(select(Area.system_id).where(Area.code == area))
