"""Rows for the pipeline page's table of organisations sharing by name, each with its reminder button."""

from __future__ import annotations

from collections.abc import Sequence

from flask import get_template_attribute, url_for
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from ..dates import format_date
from ..govuk import DASH, Item, cell, table
from ..queries import PipelineEntry
from ..reminders.kinds import ReminderKind
from .pipeline_figures import reminder_for, step_text

# How the page and the access log name each reminder a coordinator can send.
REMINDER_NAMES = {
    ReminderKind.AUDIT_UNFINISHED: "finish your audit",
    ReminderKind.REAUDIT_DUE: "time to repeat your audit",
}


BUTTON_CLASSES = "govuk-button--secondary govuk-!-margin-bottom-0"


def _reminder_button(entry: PipelineEntry, args: dict[str, str]) -> Markup | str:
    reminder = reminder_for(entry)
    if reminder is None:
        return DASH
    button = get_template_attribute("govuk_frontend_jinja/components/button/macro.html", "govukButton")
    label = Markup('Send the “{}” reminder<span class="govuk-visually-hidden"> to {}</span>').format(
        REMINDER_NAMES[reminder[0]], entry.name
    )
    action = url_for("coordinator.send_reminder", organisation_id=entry.organisation_id, **args)
    return Markup(
        '<form method="post" action="{}" novalidate><input type="hidden" name="csrf_token" value="{}">{}</form>'
    ).format(action, generate_csrf(), button({"html": label, "classes": BUTTON_CLASSES}))


def pipeline_table(entries: Sequence[PipelineEntry], args: dict[str, str]) -> Item:
    rows = []
    for entry in entries:
        link = Markup('<a class="govuk-link" href="{}">{}</a>').format(
            url_for("coordinator.organisation", organisation_id=entry.organisation_id), entry.name
        )
        submitted = format_date(entry.last_submitted_at) if entry.last_submitted_at else DASH
        rows.append([cell(link), cell(step_text(entry)), cell(submitted), cell(_reminder_button(entry, args))])
    return table(
        "Organisations sharing their results by name, and where each one is",
        [cell("Organisation"), cell("Where it is"), cell("Last submitted"), cell("Reminder")],
        rows,
        label_id="pipeline-table-caption",
    )
