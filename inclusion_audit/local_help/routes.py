"""Local help pages for coordinators: a coordinator tied to an area edits that area's entries; a coordinator
or admin of a system, that system's areas'; a service-wide admin, every area's. Any other area's entry does
not exist for them (404)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..guide.wording import help_lists
from ..local_help_models import LocalHelpEntry
from ..security import role_required
from .blueprint import bp
from .forms import local_help_form
from .preview import preview_guide

STAFF = ("coordinator", "admin")


def _user():
    return current_user._get_current_object()


def _content():
    """The content with the areas' names from the database, which forms, tables and previews label with."""
    return queries.with_area_names(get_content())


def _areas() -> list[str]:
    return queries.local_help_areas(queries.scope_of(_user()))


def _entry(entry_id: int) -> LocalHelpEntry:
    entry = queries.local_help_entry(entry_id, _areas())
    if entry is None:
        abort(404)
    return entry


def _area_label(area: str) -> str:
    return queries.area_labels().get(area, area)


def _and(items: list[str]) -> str:
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


@bp.route("/")
@role_required(*STAFF)
def entries():
    """Every entry of the areas this person edits, area by area."""
    areas = _areas()
    found = queries.local_help_entries(areas)
    by_area = [(area, [entry for entry in found if entry.area == area]) for area in areas]
    return render_template("local_help/entries.html", by_area=by_area, content=_content(), area_label=_area_label)


@bp.route("/add", methods=["GET", "POST"])
@role_required(*STAFF)
def add():
    areas = _areas()
    if not areas:
        abort(404)  # a scope without an area to write for
    form = local_help_form(_content(), areas)
    if len(areas) == 1:
        del form.area  # only one area to choose: it is the coordinator's own
    if form.validate_on_submit():
        area = areas[0] if len(areas) == 1 else form.area.data
        entry = queries.add_local_help(_user(), area, form.fields(), _content())
        flash(f"“{entry.title}” has been added. New guides for {_area_label(area)} will list it.", "success")
        return redirect(url_for("local_help.entries"))
    return render_template("local_help/form.html", form=form, entry=None, only_area=_area_label(areas[0]))


@bp.route("/<id:entry_id>", methods=["GET", "POST"])
@role_required(*STAFF)
def edit(entry_id: int):
    entry = _entry(entry_id)
    form = local_help_form(_content(), [entry.area], entry)
    del form.area  # an entry stays in its area
    if form.validate_on_submit():
        if queries.edit_local_help(_user(), entry, form.fields()):
            flash(f"“{entry.title}” has been changed. Guides submitted from now on will show the change.", "success")
        else:
            flash(f"Nothing was changed in “{entry.title}”.", "success")
        return redirect(url_for("local_help.entries"))
    return render_template("local_help/form.html", form=form, entry=entry, only_area=_area_label(entry.area))


@bp.route("/<id:entry_id>/retire", methods=["POST"])
@role_required(*STAFF)
def retire(entry_id: int):
    entry = _entry(entry_id)
    queries.set_local_help_retired(_user(), entry, True)
    flash(f"“{entry.title}” has been retired. New guides leave it out; guides already made keep it.", "success")
    return redirect(url_for("local_help.entries"))


@bp.route("/<id:entry_id>/restore", methods=["POST"])
@role_required(*STAFF)
def restore(entry_id: int):
    entry = _entry(entry_id)
    queries.set_local_help_retired(_user(), entry, False)
    flash(f"“{entry.title}” has been restored. New guides will list it again.", "success")
    return redirect(url_for("local_help.entries"))


@bp.route("/<id:entry_id>/history")
@role_required(*STAFF)
def history(entry_id: int):
    entry = _entry(entry_id)
    return render_template("local_help/history.html", entry=entry, content=_content())


@bp.route("/<id:entry_id>/preview")
@role_required(*STAFF)
def preview(entry_id: int):
    entry = _entry(entry_id)
    content = _content()
    shown = preview_guide(content, entry)
    return render_template(
        "local_help/preview.html",
        entry=entry,
        content=content,
        preview=shown,
        help_lists=help_lists(shown.guide),
        area_label=_area_label(entry.area),
        groups_text=_and([content.config.profile.groups.get(g, g) for g in shown.guide.profile.groups]),
    )
