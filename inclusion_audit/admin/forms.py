"""The admin pages' forms. A scope is one choice: the whole service, a system, or an area of a system."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired, Length, Regexp, ValidationError

from ..forms_base import PlainName, StripWhitespaceForm
from ..queries import Scope, StaffScope
from ..system_models import System

SERVICE = "service"
ROLE_CHOICES = [SelectChoice("coordinator", "Coordinator"), SelectChoice("admin", "Admin")]
CODE_RULE = "Use lower-case letters, numbers and underscores only, starting with a letter"


def scope_value(system_id: int | None, area: str | None) -> str:
    return f"area:{area}" if area else f"system:{system_id}" if system_id is not None else SERVICE


def scope_choices(scope: Scope, systems: list[System]) -> list[SelectChoice]:
    """The scopes this admin may give: theirs and anything inside it."""
    choices = [SelectChoice(SERVICE, "The whole service (admins only)")] if scope.service_wide else []
    for system in systems:
        if scope.service_wide or system.id == scope.system_id:
            choices.append(SelectChoice(f"system:{system.id}", f"All of {system.name}"))
            for area in system.areas:
                if not area.is_retired:
                    choices.append(SelectChoice(f"area:{area.code}", f"{area.name} only (coordinators only)"))
    return choices


def chosen_scope(value: str, systems: list[System]) -> StaffScope:
    kind, _, rest = value.partition(":")
    if kind == "system":
        return StaffScope(system_id=int(rest))
    if kind == "area":
        system = next(s for s in systems for a in s.areas if a.code == rest)
        return StaffScope(system_id=system.id, area=rest)
    return StaffScope()


def _one_of(message: str):  # noqa: ANN202 (a WTForms validator)
    """A choice that is not in the list (an address edited by hand) gets the same GOV.UK message as none."""

    def validator(form, field) -> None:  # noqa: ANN001
        if field.data not in {
            choice.value if isinstance(choice, SelectChoice) else choice[0] for choice in field.choices
        }:
            raise ValidationError(message)

    return validator


def _radios(label: str, message: str, **kwargs) -> RadioField:
    return RadioField(
        label,
        widget=GovRadioInput(),
        validate_choice=False,
        validators=[InputRequired(message=message), _one_of(message)],
        **kwargs,
    )


def _scope_field() -> RadioField:
    return _radios("What will they work on?", "Select what they will work on")


class _ScopeRules:
    """A coordinator works for a system or one of its areas; an admin for the whole service or one system."""

    def check_scope(self, role: str) -> None:
        value = self.scope.data or ""
        if role == "coordinator" and value == SERVICE:
            self.scope.errors.append("A coordinator works for a system or one area of it: select one")
        if role == "admin" and value.startswith("area:"):
            self.scope.errors.append("An admin works for the whole service or one system: select one")


class InviteForm(StripWhitespaceForm, _ScopeRules):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        description="We will email them a link to set a password. It works for 7 days.",
        validators=[
            InputRequired(message="Enter their email address"),
            Length(max=320, message="Email address must be 320 characters or fewer"),
            Email(message="Enter an email address in the correct format, like name@example.org"),
        ],
    )
    role = _radios("What is their role?", "Select their role", choices=ROLE_CHOICES)
    scope = _scope_field()
    submit = SubmitField("Send the invitation", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:  # noqa: ANN001
        valid = super().validate(extra_validators)
        if valid:
            self.check_scope(self.role.data)
        return valid and not self.scope.errors


class ScopeForm(StripWhitespaceForm, _ScopeRules):
    scope = _scope_field()
    submit = SubmitField("Save the change", widget=GovSubmitInput())

    def __init__(self, role: str, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role = role

    def validate(self, extra_validators=None) -> bool:  # noqa: ANN001
        valid = super().validate(extra_validators)
        if valid:
            self.check_scope(self.role)
        return valid and not self.scope.errors


def _name_field(label: str, hint: str) -> StringField:
    return StringField(
        label,
        widget=GovTextInput(),
        description=hint,
        validators=[
            InputRequired(message=f"Enter the {label.lower()}"),
            Length(max=120, message=f"The {label.lower()} must be 120 characters or fewer"),
            PlainName(f"The {label.lower()}"),
        ],
    )


def _code_field(taken) -> StringField:  # noqa: ANN001 (a function: is this code in use?)
    def not_taken(form, field) -> None:  # noqa: ANN001
        if field.data and taken(field.data):
            raise ValidationError("That code is already in use: choose another")

    return StringField(
        "Code",
        widget=GovTextInput(),
        description="A short name for links and downloads, which never changes, such as north_vale.",
        validators=[
            InputRequired(message="Enter a code"),
            Length(max=60, message="The code must be 60 characters or fewer"),
            Regexp(r"^[a-z][a-z0-9_]*$", message=CODE_RULE),
            not_taken,
        ],
    )


def system_form(taken):  # noqa: ANN001, ANN201
    class SystemForm(StripWhitespaceForm):
        name = _name_field("Name", "As the system calls itself, such as an integrated care system's name.")
        code = _code_field(taken)
        submit = SubmitField("Add the system", widget=GovSubmitInput())

    return SystemForm()


def area_form(taken):  # noqa: ANN001, ANN201
    class AreaForm(StripWhitespaceForm):
        name = _name_field("Name", "As people in the system know it, such as a council's area.")
        code = _code_field(taken)
        submit = SubmitField("Add the area", widget=GovSubmitInput())

    return AreaForm()


class RenameForm(StripWhitespaceForm):
    name = _name_field("New name", "The old name is kept, with the dates it was used.")
    submit = SubmitField("Save the new name", widget=GovSubmitInput())


class RetireForm(StripWhitespaceForm):
    into = _radios("Which area should its organisations move to?", "Select the area its organisations move to")
    submit = SubmitField("Retire the area and move its organisations", widget=GovSubmitInput())
