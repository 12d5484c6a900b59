"""Local help entries: reading an area's entries for a guide, and every change a coordinator makes.

Each change stores the whole entry as a new version (who, when, what) and a line in the access log.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import current_app
from sqlalchemy import func, select

from ..engine import Content
from ..engine.local_help import LocalHelp, with_local_help
from ..extensions import db
from ..local_help_models import LocalHelpEntry, LocalHelpVersion
from ..models import User, utcnow
from .areas import area_choices, with_area_names
from .scope import Scope, areas_in_scope, system_of_area
from .sharing import record_access

__all__ = [
    "ENTRY_FIELDS",
    "add_local_help",
    "area_local_help",
    "content_for_area",
    "edit_local_help",
    "import_local_packs",
    "local_help_entries",
    "local_help_entry",
    "local_help_of",
    "local_help_areas",
    "set_local_help_retired",
]

# What a version records: everything a coordinator can change, and the retired flag.
ENTRY_FIELDS = ("title", "publisher", "what", "kind", "url", "contact", "groups", "sections", "topics", "rule")


def local_help_of(entry: LocalHelpEntry) -> LocalHelp:
    return LocalHelp(
        title=entry.title,
        publisher=entry.publisher,
        what=entry.what,
        kind=entry.kind,
        url=entry.url,
        contact=entry.contact,
        groups=tuple(entry.groups or ()),
        sections=tuple(entry.sections or ()),
        rule=entry.rule,
        topics=tuple(entry.topics or ()),
    )


def area_local_help(area: str) -> list[LocalHelp] | None:
    """The area's entries in use (retired ones left out), or None if the database has never held one for it."""
    rows = list(db.session.scalars(select(LocalHelpEntry).where(LocalHelpEntry.area == area).order_by("id")))
    if not rows:
        return None
    return [local_help_of(row) for row in rows if not row.is_retired]


def content_for_area(content: Content, area: str | None) -> Content:
    """The content a guide for an organisation in `area` is built from: its local help as it stands today,
    and the areas' names."""
    content = with_area_names(content)
    return content if area is None else with_local_help(content, area, area_local_help(area))


def local_help_areas(scope: Scope) -> list[str]:
    """The areas whose local help this person edits: those of their scope that are not retired."""
    return list(areas_in_scope(scope, named=True))


def local_help_entries(areas: Iterable[str]) -> list[LocalHelpEntry]:
    """Entries of these areas: by area, those in use first, then in the order they were added."""
    return list(
        db.session.scalars(
            select(LocalHelpEntry)
            .where(LocalHelpEntry.area.in_(list(areas)))
            .order_by(LocalHelpEntry.area, LocalHelpEntry.retired_at.is_not(None), LocalHelpEntry.id)
        )
    )


def local_help_entry(entry_id: int, areas: Iterable[str]) -> LocalHelpEntry | None:
    """The entry, if it belongs to one of these areas (to anyone else it does not exist)."""
    entry = db.session.get(LocalHelpEntry, entry_id)
    return entry if entry is not None and entry.area in set(areas) else None


def _snapshot(entry: LocalHelpEntry) -> dict:
    data = {name: getattr(entry, name) for name in ENTRY_FIELDS}
    data["groups"], data["sections"] = list(entry.groups or ()), list(entry.sections or ())
    data["topics"] = list(entry.topics or ())
    data["retired"] = entry.is_retired
    return data


def _record(entry: LocalHelpEntry, who: str, change: str, user: User | None = None, **extra: object) -> None:
    db.session.flush()  # the entry needs its id
    number = db.session.scalar(select(func.count()).where(LocalHelpVersion.entry_id == entry.id)) or 0
    db.session.add(
        LocalHelpVersion(
            entry_id=entry.id,
            number=number + 1,
            user_id=user.id if user else None,
            who=who,
            change=change,
            data=_snapshot(entry) | extra,
        )
    )
    current_app.logger.info("Local help %s: entry %s (%s) by %s", change, entry.id, entry.area, who)
    if user is not None:  # commits; an import is committed by its caller
        detail = f"{entry.area} entry {entry.id}: {entry.title}"[:500]
        record_access(user, f"local_help_{change}", None, detail, system_of_area(entry.area))


def _apply(entry: LocalHelpEntry, fields: dict) -> None:
    for name in ENTRY_FIELDS:
        if name in fields and name != "rule":  # an imported rule is kept, never typed
            setattr(entry, name, fields[name])
    entry.updated_at = utcnow()


def add_local_help(user: User, area: str, fields: dict, content: Content) -> LocalHelpEntry:
    """A new entry. The first for an area brings in the area's content pack too, which guides list until then
    and would otherwise drop."""
    _import_pack(content, area)
    entry = LocalHelpEntry(area=area, groups=[], sections=[], topics=[])
    _apply(entry, fields)
    db.session.add(entry)
    _record(entry, user.email, "added", user)
    return entry


def edit_local_help(user: User, entry: LocalHelpEntry, fields: dict) -> bool:
    """Saves the changes as a new version; False (and nothing stored) if nothing changed."""
    before = _snapshot(entry)
    _apply(entry, fields)
    if _snapshot(entry) == before:
        db.session.rollback()
        return False
    _record(entry, user.email, "edited", user)
    return True


def set_local_help_retired(user: User, entry: LocalHelpEntry, retired: bool) -> bool:
    """Retire (leave out of new guides) or restore an entry; False if it already was."""
    if entry.is_retired == retired:
        return False
    entry.retired_at = utcnow() if retired else None
    entry.updated_at = utcnow()
    _record(entry, user.email, "retired" if retired else "restored", user)
    return True


def import_local_packs(content: Content) -> dict[str, int]:
    """Copy each area's content pack into the database, for areas that have never had an entry there.

    Running it again changes nothing, and an area whose entries coordinators have changed is never touched."""
    imported = {area: _import_pack(content, area) for area in area_choices()}
    db.session.commit()
    return {area: number for area, number in imported.items() if number}


def _import_pack(content: Content, area: str) -> int:
    pack = [entry for entry in content.help if entry.area == area]
    if not pack or db.session.scalar(select(func.count()).where(LocalHelpEntry.area == area)):
        return 0
    for definition in pack:
        meta = definition.meta
        entry = LocalHelpEntry(
            area=area,
            title=meta.title,
            publisher=meta.publisher,
            what=meta.what,
            kind=meta.kind,
            url=meta.url,
            groups=[],
            # The pack's `section` only labels an entry, while chosen parts narrow who sees it: kept in
            # the first version instead, so an imported entry reaches exactly the organisations it did.
            sections=[],
            topics=list(meta.topics),
            rule=meta.when,
        )
        db.session.add(entry)
        _record(entry, definition.path, "imported", source=meta.source, pack_section=meta.section)
    return len(pack)
