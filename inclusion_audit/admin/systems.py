"""Systems and areas: the list, adding a system (service-wide admins) or an area, renaming either (the old name
is kept), and retiring an area with its organisations moved to another area of the same system."""

from __future__ import annotations

import re

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from .. import queries
from ..security import role_required
from . import emails
from .blueprint import bp
from .forms import RenameForm, RetireForm, area_form, system_form
from .tables import areas_table, system_summary

CODE = re.compile(r"[a-z][a-z0-9_]{0,59}")


def _me():
    return current_user._get_current_object()


def _systems() -> list:
    """The systems this admin manages: every one, or their own."""
    scope = queries.scope_of(current_user)
    return [s for s in queries.systems() if scope.service_wide or s.id == scope.system_id]


def _system_or_404(system_id: int):
    found = next((system for system in _systems() if system.id == system_id), None)
    if found is None:
        abort(404)
    return found


def _area_or_404(code: str):
    if not CODE.fullmatch(code):  # no area has it; and PostgreSQL cannot even be asked about some (a NUL byte)
        abort(404)
    area = queries.get_area(code)
    if area is None or area.is_retired or area.system_id not in {system.id for system in _systems()}:
        abort(404)
    return area


def _taken(code: str) -> bool:
    return queries.system_by_code(code) is not None


@bp.route("/systems")
@role_required("admin")
def systems():
    shown = _systems()
    return render_template(
        "admin/systems.html",
        systems=[(system, system_summary(system), areas_table(system, True)) for system in shown],
        service_wide=queries.scope_of(current_user).service_wide,
    )


@bp.route("/systems/add", methods=["GET", "POST"])
@role_required("admin")
def add_system():
    if not queries.scope_of(current_user).service_wide:
        abort(403)  # a system admin works inside their own system
    form = system_form(_taken)
    if form.validate_on_submit():
        system = queries.add_system(form.code.data, form.name.data, _me())
        flash(f"{system.name} has been added. Add its areas next.", "success")
        return redirect(url_for("admin.systems"))
    return render_template("admin/name_form.html", form=form, heading="Add a system", caption="Systems and areas")


@bp.route("/systems/<id:system_id>/rename", methods=["GET", "POST"])
@role_required("admin")
def rename_system(system_id: int):
    system = _system_or_404(system_id)
    form = RenameForm()
    if form.validate_on_submit():
        if queries.rename_system(system, form.name.data, _me()):
            flash(f"The system is now called {system.name}.", "success")
        return redirect(url_for("admin.systems"))
    if not form.is_submitted():
        form.name.data = system.name
    return render_template("admin/name_form.html", form=form, heading=f"Rename {system.name}", caption=system.name)


@bp.route("/systems/<id:system_id>/areas/add", methods=["GET", "POST"])
@role_required("admin")
def add_area(system_id: int):
    system = _system_or_404(system_id)
    form = area_form(lambda code: queries.get_area(code) is not None)
    if form.validate_on_submit():
        area = queries.add_area(system, form.code.data, form.name.data, _me())
        flash(f"{area.name} has been added to {system.name}.", "success")
        return redirect(url_for("admin.systems"))
    heading = f"Add an area to {system.name}"
    return render_template("admin/name_form.html", form=form, heading=heading, caption="Systems and areas")


@bp.route("/areas/<code>/rename", methods=["GET", "POST"])
@role_required("admin")
def rename_area(code: str):
    area = _area_or_404(code)
    form = RenameForm()
    if form.validate_on_submit():
        if queries.rename_area(area, form.name.data, _me()):
            flash(f"The area is now called {area.name}.", "success")
        return redirect(url_for("admin.systems"))
    if not form.is_submitted():
        form.name.data = area.name
    return render_template("admin/name_form.html", form=form, heading=f"Rename {area.name}", caption=area.system.name)


@bp.route("/areas/<code>/retire", methods=["GET", "POST"])
@role_required("admin")
def retire_area(code: str):
    area = _area_or_404(code)
    others = [other for other in area.system.areas if other.code != area.code and not other.is_retired]
    form = RetireForm()
    form.into.choices = [SelectChoice(other.code, other.name) for other in others]
    if others and form.validate_on_submit():
        into = next(other for other in others if other.code == form.into.data)
        moved, coordinators = queries.retire_area(area, into, _me())
        told = all([emails.area_retired(user.email, area.name, into.name) for user in coordinators])
        message = f"{area.name} is retired: {moved} organisations moved to {into.name}."
        if coordinators:
            message += " We have emailed its coordinators." if told else " An email to its coordinators failed."
        flash(message, "success")
        return redirect(url_for("admin.systems"))
    return render_template("admin/retire_area.html", form=form, area=area, others=others)
