"""The forms on the action plan pages: change an action, add the guide's other actions, add your own."""

from __future__ import annotations

from datetime import date

from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from ..forms_base import PlainName, StripWhitespaceForm
from ..models import User
from ..plan_models import ActionStatus
from ..queries.plan import STATUS_LABELS
from .date_field import OptionalDateField

NOBODY, SOMEONE_ELSE = "nobody", "other"
NOT_ONE_SECTION = "none"
NOTE_LIMIT, REASON_LIMIT, TEXT_LIMIT, NAME_LIMIT = 500, 300, 300, 120
# Said wherever a plan takes free text: the plan is about the organisation's work, never the people it supports.
NO_PERSONAL_DATA = "Do not write anything about the people you support, such as names, health or circumstances."
EARLIEST_DUE = date(2000, 1, 1)


def owner_value(user: User) -> str:
    return f"member-{user.id}"


class ActionForm(StripWhitespaceForm):
    owner = RadioField(
        "Who is responsible for this action?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select who is responsible for this action")],
    )
    owner_name = StringField(
        "If they are not in your team on this service, their name",
        widget=GovTextInput(),
        validators=[Length(max=NAME_LIMIT, message=f"Their name must be {NAME_LIMIT} characters or fewer")],
    )
    status = RadioField(
        "Where has it got to?",
        widget=GovRadioInput(),
        choices=[SelectChoice(status.value, label) for status, label in STATUS_LABELS.items()],
        validators=[InputRequired(message="Select where this action has got to")],
    )
    dropped_reason = StringField(
        "If it has been dropped, why?",
        widget=GovTextInput(),
        validators=[Length(max=REASON_LIMIT, message=f"The reason must be {REASON_LIMIT} characters or fewer")],
    )
    note = TextAreaField(
        "Note (optional)",
        widget=GovCharacterCount(),
        description=f"For example what has been done so far, or what is in the way. {NO_PERSONAL_DATA}",
        validators=[Optional(), Length(max=NOTE_LIMIT, message=f"The note must be {NOTE_LIMIT} characters or fewer")],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def __init__(self, members: list[User], today: date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.due_on.latest = date(today.year + 10, 12, 31)
        self.members = {owner_value(member): member for member in members}
        self.owner.choices = [
            *(SelectChoice(value, member.email) for value, member in self.members.items()),
            SelectChoice(SOMEONE_ELSE, "Someone who is not in your team on this service"),
            SelectChoice(NOBODY, "Nobody yet"),
        ]

    due_on = OptionalDateField(
        "When should it be done by? (optional)",
        id="due_on-day",
        name_in_errors="The due date",
        earliest=EARLIEST_DUE,
        latest=date(2100, 12, 31),
        description="For example, 27 3 2027",
    )

    def validate_owner_name(self, field: StringField) -> None:
        if self.owner.data == SOMEONE_ELSE:
            if not field.data:
                raise ValidationError("Enter the name of the person responsible")
            PlainName("Their name")(self, field)

    def validate_dropped_reason(self, field: StringField) -> None:
        if self.status.data == ActionStatus.DROPPED:
            if not field.data:
                raise ValidationError("Enter why this action has been dropped")
            PlainName("The reason")(self, field)

    def owner_user(self) -> User | None:
        return self.members.get(self.owner.data or "")


class AddFromGuideForm(StripWhitespaceForm):
    actions = SelectMultipleField(
        "Which actions do you want to add?",
        widget=GovCheckboxesInput(),
        validators=[InputRequired(message="Select at least one action to add")],
    )
    submit = SubmitField("Add to your plan", widget=GovSubmitInput())


class OwnActionForm(StripWhitespaceForm):
    text = StringField(
        "What is the action?",
        widget=GovTextInput(),
        description=f"One short sentence, starting with what you will do. {NO_PERSONAL_DATA}",
        validators=[
            InputRequired(message="Enter the action"),
            Length(max=TEXT_LIMIT, message=f"The action must be {TEXT_LIMIT} characters or fewer"),
            PlainName("The action"),
        ],
    )
    section = RadioField(
        "Which section of the audit is it about?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select which section the action is about")],
    )
    submit = SubmitField("Add to your plan", widget=GovSubmitInput())

    def __init__(self, sections: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.section.choices = [
            *(SelectChoice(value, label) for value, label in sections),
            SelectChoice(NOT_ONE_SECTION, "More than one section, or none"),
        ]
