"""Rows for the admin pages' tables and summary lists."""

from __future__ import annotations

from collections.abc import Sequence

from flask import url_for
from markupsafe import Markup

from .. import queries
from ..dates import format_date, format_date_time
from ..govuk import Item, cell, summary_list, table
from ..models import User
from ..system_models import System


def _link(href: str, text: str, hidden: str) -> Markup:
    return Markup('<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>').format(
        href, text, hidden
    )


def last_sign_in(user: User) -> str:
    return format_date_time(user.last_login_at) if user.last_login_at else "Never"


def users_table(users: Sequence[User]) -> Item:
    rows = [
        [
            cell(user.email),
            cell("Admin" if user.role == "admin" else "Coordinator"),
            cell(queries.describe_scope(user.role, user.system_id, user.area)),
            cell(last_sign_in(user)),
            cell("Active" if user.active else "Deactivated"),
            cell(_link(url_for("admin.user", user_id=user.id), "Change", user.email)),
        ]
        for user in users
    ]
    head = [cell(text) for text in ("Email", "Role", "Works on", "Last signed in", "Status", "Actions")]
    return table("Coordinators and admins", head, rows, caption_size="m", label_id="staff")


def user_summary(user: User) -> Item:
    return summary_list(
        [
            ("Email", user.email),
            ("Role", "Admin" if user.role == "admin" else "Coordinator"),
            ("Works on", queries.describe_scope(user.role, user.system_id, user.area)),
            ("Last signed in", last_sign_in(user)),
            ("Status", "Active" if user.active else "Deactivated: cannot sign in"),
        ]
    )


def _former(names) -> str:  # noqa: ANN001
    return "; ".join(f"{n.name} (until {format_date(n.used_until)})" for n in names) or "None"


def areas_table(system: System, can_change: bool) -> Item:
    rows = []
    for area in system.areas:
        actions = []
        if can_change and not area.is_retired:
            actions.append(_link(url_for("admin.rename_area", code=area.code), "Rename", area.name))
            actions.append(_link(url_for("admin.retire_area", code=area.code), "Retire", area.name))
        status = f"Retired {format_date(area.retired_at)}" if area.is_retired else "In use"
        rows.append(
            [
                cell(area.name),
                cell(area.code),
                cell(status),
                cell(_former(queries.former_names(area_code=area.code))),
                cell(Markup(" ").join(actions) if actions else "–"),
            ]
        )
    head = [cell(text) for text in ("Area", "Code", "Status", "Former names", "Actions")]
    label = f"Areas of {system.name}"
    return table(label, head, rows, caption_size="s", label_id=f"areas-{system.code}")


def system_summary(system: System) -> Item:
    return summary_list([("Code", system.code), ("Former names", _former(queries.former_names(system_id=system.id)))])
