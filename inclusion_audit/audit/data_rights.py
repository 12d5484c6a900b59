"""The organisation's data rights: download everything as JSON, or delete the account and all its data."""

from __future__ import annotations

import json

from flask import Response, current_app, render_template, session
from flask_login import current_user, logout_user
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovPasswordInput, GovSubmitInput
from wtforms import BooleanField, PasswordField, SubmitField
from wtforms.validators import InputRequired

from .. import queries
from ..extensions import limiter
from ..forms_base import StripWhitespaceForm
from ..limits import signed_in_account
from ..models import utcnow
from ..security import role_required, team_admin_required
from .blueprint import bp


class DeleteForm(StripWhitespaceForm):
    confirm = BooleanField(
        "I understand that this deletes our organisation's account, every audit and guide, and every colleague's "
        "account, and that it cannot be undone",
        widget=GovCheckboxInput(),
        validators=[InputRequired(message="Confirm that you understand everything will be deleted")],
    )
    password = PasswordField(
        "Your password",
        widget=GovPasswordInput(),
        description="We ask for this to check it is really you.",
        validators=[InputRequired(message="Enter your password")],
    )
    submit = SubmitField("Delete everything", widget=GovSubmitInput())


@bp.route("/your-data")
@role_required("member")
def your_data():
    """Download or delete the organisation's data."""
    organisation = current_user.organisation
    return render_template("audit/your_data.html", organisation=organisation, admins=queries.team_admins(organisation))


@bp.route("/your-data/download")
@role_required("member")
def download_data():
    """All of the organisation's data as one JSON file."""
    organisation = current_user.organisation
    body = json.dumps(queries.organisation_data(organisation), indent=2, ensure_ascii=False)
    response = Response(body, mimetype="application/json")
    filename = f"inclusion-audit-data-{utcnow().date().isoformat()}.json"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/delete", methods=["GET", "POST"])
@role_required("member")
@team_admin_required
@limiter.limit(lambda: current_app.config["SIGN_IN_LIMIT"], methods=["POST"])  # it checks a password
@limiter.limit(lambda: current_app.config["ACCOUNT_LIMIT"], key_func=signed_in_account, methods=["POST"])
def delete_organisation():
    """Delete the organisation and all its data, after a tick and the user's password."""
    organisation = current_user.organisation
    form = DeleteForm()
    if form.validate_on_submit():
        if queries.authenticate(current_user.email, form.password.data) is None:
            form.password.errors.append("Your password is not right. Check it and try again")
        else:
            name = organisation.name
            queries.delete_organisation(organisation.id)
            logout_user()
            session.clear()
            # Shown straight from the POST: there is no account left to show a page to afterwards.
            return render_template("audit/deleted.html", name=name)
    return render_template("audit/delete.html", form=form, organisation=organisation)
