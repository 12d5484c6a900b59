"""Telling the team what you think of the service."""

from __future__ import annotations

from flask import current_app, render_template, request
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput, GovSubmitInput, GovTextInput
from werkzeug.exceptions import HTTPException
from wtforms import EmailField, RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired, Length, Optional

from .. import queries
from ..extensions import limiter
from ..forms_base import PlainText, StripWhitespaceForm
from ..security import is_safe_next
from .blueprint import bp

MAX_TEXT = 1200


class FeedbackForm(StripWhitespaceForm):
    rating = RadioField(
        "Overall, how do you feel about this service? (optional)",
        choices=[SelectChoice(value, label) for value, label in queries.FEEDBACK_RATINGS.items()],
        widget=GovRadioInput(),
        validators=[Optional()],
    )
    text = TextAreaField(
        "How could we improve this service?",
        widget=GovCharacterCount(),
        description="Do not include personal details, or anything about the people your organisation supports.",
        validators=[
            InputRequired(message="Enter how we could improve this service"),
            Length(max=MAX_TEXT, message=f"Your feedback must be {MAX_TEXT:,} characters or fewer"),
            PlainText("Your feedback"),
        ],
    )
    reply_to = EmailField(
        "Email address (optional)",
        widget=GovTextInput(),
        description="Only if you would like a reply. We do not use it for anything else.",
        validators=[
            Optional(),
            Length(max=320, message="Email address must be 320 characters or fewer"),
            Email(message="Enter an email address in the correct format, like name@example.org"),
        ],
    )
    submit = SubmitField("Send feedback", widget=GovSubmitInput())


def _came_from() -> str | None:
    """The page the feedback link was on. A page whose address carries a secret (an emailed link's token) is
    kept by its pattern only, such as '/invitation/<token>', so an admin reading feedback never sees a token."""
    page = request.args.get("from")
    if not is_safe_next(page) or len(page) > 200:
        return None
    try:
        rule, arguments = current_app.url_map.bind("").match(page, return_rule=True)
    except HTTPException:
        return page  # not one of our pages: kept as typed, since it opens nothing
    return rule.rule if "token" in arguments else page


@bp.route("/feedback", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config.get("FEEDBACK_LIMIT", "5 per minute; 30 per hour"), methods=["POST"])
def feedback():
    """A short form; what is sent is stored for the service's admins to read."""
    form = FeedbackForm()
    if form.validate_on_submit():
        queries.store_feedback(
            rating=form.rating.data, text=form.text.data, page=_came_from(), reply_to=form.reply_to.data
        )
        return render_template("main/feedback_sent.html", reply=bool(form.reply_to.data))
    return render_template("main/feedback.html", form=form, max_text=MAX_TEXT)
