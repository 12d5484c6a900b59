"""The preview: the help part of an example organisation's guide, in the entry's area, with the entry in place."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from .. import queries
from ..engine import Content, Guide, build_guide
from ..engine.answers_file import load_example
from ..engine.local_help import help_definition, with_local_help
from ..local_help_models import LocalHelpEntry

# Scores low in every part, so an entry limited to parts of the audit shows.
EXAMPLE = "starting-out.yml"


@dataclass(frozen=True)
class Preview:
    guide: Guide
    shown: bool  # whether the entry is in the example's guide


def preview_guide(content: Content, entry: LocalHelpEntry) -> Preview:
    """The example organisation moved to the entry's area, working with the groups the entry is for too."""
    example = load_example(content, Path(current_app.config["CONTENT_DIR"]) / "examples" / EXAMPLE)
    groups = tuple(dict.fromkeys([*example.profile.groups, *(entry.groups or ())]))
    profile = dataclasses.replace(example.profile, area=entry.area, local_area=None, groups=groups)
    in_use = queries.area_local_help(entry.area) or []
    this = queries.local_help_of(entry)
    entries = in_use if this in in_use else [*in_use, this]  # a retired entry is shown as if restored
    area_content = with_local_help(content, entry.area, entries)
    guide = build_guide(area_content, profile, example.answers, first_audit=example.first_audit)
    wanted = help_definition(this, entry.area, content).to_output()
    return Preview(guide=guide, shown=wanted in guide.help)
