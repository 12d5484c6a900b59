"""Rows for the local help pages' tables (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Sequence

from flask import url_for
from markupsafe import Markup

from ..dates import format_date_time
from ..engine import Content
from ..engine.guide import HELP_KIND_LABELS
from ..govuk import Item, cell, summary_list, table
from ..local_help_models import LocalHelpEntry, LocalHelpVersion

EVERY_ORGANISATION = "Every organisation in the area"
FIELD_LABELS = {
    "title": "Title",
    "publisher": "Who runs it",
    "what": "Description",
    "kind": "Kind of help",
    "url": "Link",
    "contact": "Contact",
    "groups": "Groups",
    "sections": "Parts of the audit",
    "topics": "Training topics",
    "rule": "Rule from the content files",
    "retired": "Retired",
}
CHANGES = {
    "imported": "Imported from the content files",
    "added": "Added",
    "edited": "Changed",
    "retired": "Retired",
    "restored": "Restored",
}


def who_for(content: Content, entry: LocalHelpEntry) -> str:
    """Who the guide lists the entry for, in words."""
    profile, sections = content.config.profile, {s.id: s.title for s in content.sections}
    parts = []
    if entry.groups:
        parts.append("Works with " + ", ".join(profile.groups.get(g, g) for g in entry.groups))
    if entry.sections:
        parts.append("Not yet at the top stage in " + ", ".join(sections.get(s, s) for s in entry.sections))
    if entry.rule:
        parts.append("Meets the rule it was imported with")
    return "; ".join(parts) or EVERY_ORGANISATION


def _links(entry: LocalHelpEntry) -> Markup:
    links = [
        ("Change", url_for("local_help.edit", entry_id=entry.id)),
        ("Preview", url_for("local_help.preview", entry_id=entry.id)),
        ("History", url_for("local_help.history", entry_id=entry.id)),
    ]
    return Markup("<br>").join(
        Markup('<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>').format(
            href, text, entry.title
        )
        for text, href in links
    )


def entries_table(content: Content, area: str, entries: Sequence[LocalHelpEntry]) -> Item:
    rows = [
        [
            cell(entry.title),
            cell(HELP_KIND_LABELS.get(entry.kind, entry.kind)),
            cell(who_for(content, entry)),
            cell("Retired" if entry.is_retired else "In use"),
            cell(_links(entry)),
        ]
        for entry in entries
    ]
    head = [cell("Title"), cell("Kind"), cell("Who it is for"), cell("Status"), cell("Actions")]
    label = f"Local help in {content.config.profile.areas.get(area, area)}"
    return table(label, head, rows, caption_size="m", label_id=f"area-{area}")


def _labels(content: Content) -> dict[str, dict[str, str]]:
    """Labels for the codes a version stores, so the history reads as the form did."""
    return {
        "kind": dict(HELP_KIND_LABELS),
        "groups": dict(content.config.profile.groups),
        "sections": {section.id: section.title for section in content.sections},
        "topics": dict(content.config.training_topics),
    }


def _shown(value: object, labels: dict[str, str]) -> str:
    if isinstance(value, list):
        return ", ".join(labels.get(item, item) for item in value) or "None"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return labels.get(str(value), str(value)) if value else "None"


def _changed(content: Content, version: LocalHelpVersion, before: LocalHelpVersion | None) -> str:
    labels = _labels(content)
    return "; ".join(
        f"{label}: {_shown(version.data.get(name), labels.get(name, {}))}"
        for name, label in FIELD_LABELS.items()
        if before is None or version.data.get(name) != before.data.get(name)
    )


def history_table(content: Content, versions: Sequence[LocalHelpVersion]) -> Item:
    rows = [
        [
            cell(str(version.number)),
            cell(format_date_time(version.at)),
            cell(version.who),
            cell(CHANGES.get(version.change, version.change)),
            cell(_changed(content, version, versions[index - 1] if index else None)),
        ]
        for index, version in enumerate(versions)
    ]
    head = [cell("Version"), cell("When"), cell("Who"), cell("Change"), cell("What changed")]
    return table("Every version, oldest first", head, rows, label_id="versions")


def entry_summary(content: Content, entry: LocalHelpEntry) -> Item:
    return summary_list(
        [
            ("Area", content.config.profile.areas.get(entry.area, entry.area)),
            ("Who it is for", who_for(content, entry)),
            ("Status", "Retired: new guides leave it out" if entry.is_retired else "In use"),
        ]
    )


TEMPLATE_GLOBALS = (entries_table, history_table, entry_summary)
