"""The form for adding or changing a local help entry. Whatever was typed comes back with the errors."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from ..engine import Content
from ..engine.guide import HELP_KIND_LABELS
from ..forms_base import PlainName, PlainText, StripWhitespaceForm
from . import checks

# Said next to every free-text field: local help is about services, never the people who use them.
NO_PERSONAL_DATA = "Do not write anything about the people who use services, such as names or circumstances."


def _checked(check):  # noqa: ANN001, ANN202 (a checks function)
    """A WTForms validator from one of the checks: empty optional fields are left alone."""

    def validator(form: LocalHelpForm, field) -> None:  # noqa: ANN001
        problem = check(field.data) if field.data else None
        if problem:
            raise ValidationError(problem)

    return validator


class LocalHelpForm(StripWhitespaceForm):
    area = RadioField(
        "Which area is it for?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the area this help is for")],
    )
    title = StringField(
        "Title",
        widget=GovTextInput(),
        description="The name of the service, group or resource, as people would search for it.",
        validators=[
            InputRequired(message="Enter a title"),
            Length(max=checks.TITLE_LIMIT, message=f"The title must be {checks.TITLE_LIMIT} characters or fewer"),
            PlainName("The title"),
        ],
    )
    publisher = StringField(
        "Who runs it",
        widget=GovTextInput(),
        description="The organisation, such as the council or a charity.",
        validators=[
            InputRequired(message="Enter who runs it"),
            Length(
                max=checks.PUBLISHER_LIMIT,
                message=f"Who runs it must be {checks.PUBLISHER_LIMIT} characters or fewer",
            ),
            PlainName("Who runs it"),
        ],
    )
    what = TextAreaField(
        "Description",
        widget=GovCharacterCount(),
        description=(
            f"One paragraph, up to {checks.DESCRIPTION_WORDS} words, about what it offers. You can use **bold**, "
            f"*italic* and [a link](https://example.org). {NO_PERSONAL_DATA}"
        ),
        validators=[
            InputRequired(message="Enter a description"),
            PlainText("The description"),
            _checked(checks.description_problem),
        ],
    )
    kind = RadioField(
        "What kind of help is it?",
        widget=GovRadioInput(),
        choices=[SelectChoice(kind, label) for kind, label in HELP_KIND_LABELS.items()],
        validators=[InputRequired(message="Select what kind of help it is")],
    )
    url = StringField(
        "Link (optional)",
        widget=GovTextInput(),
        description="The page about it, starting with https://",
        validators=[_checked(checks.link_problem)],
    )
    contact = StringField(
        "Contact (optional)",
        widget=GovTextInput(),
        description="A shared mailbox, such as info@example.org, or a phone number. Not a person's own address.",
        validators=[
            Length(max=checks.CONTACT_LIMIT, message=f"The contact must be {checks.CONTACT_LIMIT} characters or fewer"),
            PlainName("The contact"),
            _checked(checks.contact_problem),
        ],
    )
    # The contact last warned about: saving it again unchanged keeps it (the warning is advice, not a rule).
    contact_kept = HiddenField()
    groups = SelectMultipleField(
        "Which groups is it for? (optional)",
        widget=GovCheckboxesInput(),
        description="The guide lists it only for organisations that work with at least one of the groups you "
        "choose. Choose none to list it for every organisation in the area.",
        validate_choice=True,
    )
    sections = SelectMultipleField(
        "Which parts of the audit does it help with? (optional)",
        widget=GovCheckboxesInput(),
        description="The guide lists it only for organisations that have not reached the top stage in at least "
        "one of the parts you choose. Choose none to list it for every organisation in the area.",
        validate_choice=True,
    )
    topics = SelectMultipleField(
        "Which training topics does it cover? (optional)",
        widget=GovCheckboxesInput(),
        description="For training: coordinators' needs page lists it next to these topics, for organisations in "
        "the area. The guide does not use them.",
        validate_choice=True,
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def validate_contact(self, field) -> None:  # noqa: ANN001
        if field.data and checks.looks_personal(field.data) and self.contact_kept.data != field.data:
            self.contact_kept.data = field.data
            raise ValidationError(checks.PERSONAL_CONTACT)

    def fields(self) -> dict:
        """What to store: the entry's fields, empty optional ones as None."""
        return {
            "title": self.title.data,
            "publisher": self.publisher.data,
            "what": self.what.data,
            "kind": self.kind.data,
            "url": self.url.data or None,
            "contact": self.contact.data or None,
            "groups": list(self.groups.data or ()),
            "sections": list(self.sections.data or ()),
            "topics": list(self.topics.data or ()),
        }


def local_help_form(content: Content, areas: list[str], entry=None) -> LocalHelpForm:  # noqa: ANN001
    """The form with the content's areas, groups and parts to choose from; `entry` fills it for a change."""
    form = LocalHelpForm(obj=entry) if entry is not None else LocalHelpForm()
    profile = content.config.profile
    form.area.choices = [SelectChoice(area, profile.areas[area]) for area in areas]
    form.groups.choices = [SelectChoice(group, label) for group, label in profile.groups.items()]
    form.sections.choices = [SelectChoice(section.id, section.title) for section in content.sections]
    form.topics.choices = [SelectChoice(topic, label) for topic, label in content.config.training_topics.items()]
    if entry is not None and not form.is_submitted():
        form.contact_kept.data = entry.contact or ""
    return form
