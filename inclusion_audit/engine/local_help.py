"""Local help written by coordinators (stored in the database), put in place of an area's content pack.

The engine knows nothing of the database: the caller reads an area's current entries and passes them in
as `LocalHelp` values. Each becomes a help entry like a content pack's, with a rule made from the groups and
parts of the audit the coordinator chose, so `build_guide` picks and orders them exactly as it does the pack's.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass

from . import rules
from .content import Content, HelpEntryDef
from .schema import HelpEntryMeta

# Stands in for the content files' `source` (which says where a fact came from) on entries written in the service.
WRITTEN_IN_SERVICE = "Written in the service by a coordinator for the area."


@dataclass(frozen=True)
class LocalHelp:
    """One local help entry as it stands: what the guide shows, and which organisations it is for."""

    title: str
    publisher: str
    what: str
    kind: str
    url: str | None = None
    contact: str | None = None
    # Shown to organisations working with at least one of these groups (none: every organisation).
    groups: tuple[str, ...] = ()
    # Shown to organisations not yet at the top stage in at least one of these parts (none: every organisation).
    sections: tuple[str, ...] = ()
    # A content pack's `when` rule, kept from the import so an imported entry reaches the same organisations.
    rule: str | None = None
    # Training topics it teaches (config.yml `training_topics`), for the coordinators' needs page.
    topics: tuple[str, ...] = ()


def entry_rule(entry: LocalHelp, content: Content) -> str | None:
    """The rule text an entry's choices add up to, or None when it is for every organisation in the area."""
    top_stage = content.config.stages[-1].id
    parts = []
    if entry.groups:
        parts.append(" or ".join(f"{json.dumps(group)} in {rules.GROUPS_SYMBOL}" for group in entry.groups))
    if entry.sections:
        # A part without a score (too few answers) has a null stage, which is not the top one: shown.
        parts.append(
            " or ".join(f"{rules.band_symbol(section)} != {json.dumps(top_stage)}" for section in entry.sections)
        )
    if entry.rule:
        parts.append(entry.rule)
    if not parts:
        return None
    return " and ".join(f"({part})" for part in parts) if len(parts) > 1 else parts[0]


def help_definition(entry: LocalHelp, area: str, content: Content) -> HelpEntryDef:
    """The entry as the guide builder takes it. Content changes never stop a guide being built: a part renamed
    since the entry was saved is followed, a retired one dropped, and an imported rule that no longer makes
    sense is left out (the entry then reaches more organisations rather than none)."""
    sections = tuple(dict.fromkeys(content.section_ids[s] for s in entry.sections if s in content.section_ids))
    entry = dataclasses.replace(entry, sections=sections)
    context = rules.make_context(rules.symbol_types(content.questions, content.sections_by_id))
    text = entry_rule(entry, content)
    try:
        rule = None if text is None else rules.compile_rule(text, context)
    except rules.RuleProblem:
        entry = dataclasses.replace(entry, rule=None)
        text = entry_rule(entry, content)
        rule = None if text is None else rules.compile_rule(text, context)
    meta = HelpEntryMeta(
        title=entry.title,
        publisher=entry.publisher,
        what=entry.what,
        kind=entry.kind,
        url=entry.url,
        section=entry.sections[0] if entry.sections else None,
        when=text,
        topics=list(entry.topics),
        source=WRITTEN_IN_SERVICE,
    )
    return HelpEntryDef(meta, "local help", entry.title, area, rule, contact=entry.contact)


def with_local_help(content: Content, area: str | None, entries: Sequence[LocalHelp] | None) -> Content:
    """The content with `area`'s pack replaced by these entries. None (the database has never held an entry
    for the area) keeps the pack, so a service that has not imported its packs still gives local help."""
    if area is None or entries is None:
        return content
    kept = tuple(entry for entry in content.help if entry.area != area)
    written = tuple(help_definition(entry, area, content) for entry in entries)
    return dataclasses.replace(content, help=kept + written)
