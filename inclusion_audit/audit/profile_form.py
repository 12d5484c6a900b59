"""The 'About your organisation' form. Its choices come from content/config.yml."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError

from ..engine.schema import ProfileLists
from ..forms_base import PlainName, StripWhitespaceForm

NO_GROUPS = "none"
OTHER_GROUP = "other_excluded"
WHOLE_AREA = "whole_area"
YES, NO = "yes", "no"


def _choices(labels: dict[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


class ProfileForm(StripWhitespaceForm):
    name = StringField(
        "Organisation name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your organisation's name"),
            Length(max=200, message="Organisation name must be 200 characters or fewer"),
            PlainName("Organisation name"),
        ],
    )
    org_type = RadioField(
        "What type of organisation are you?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the type of organisation you are")],
    )
    size_band = RadioField(
        "How many paid staff do you have?",
        widget=GovRadioInput(),
        description="Count part-time staff as one each. Do not count volunteers.",
        validators=[InputRequired(message="Select how many paid staff you have")],
    )
    area = RadioField(
        "Where do you mainly work?",
        widget=GovRadioInput(),
        description="If you work in more than one place, choose where most of your work happens.",
        validators=[InputRequired(message="Select where you mainly work")],
    )
    local_area = RadioField(
        "Which part of the area do you mainly work in? (optional)",
        widget=GovRadioInput(),
        description="This adds local contacts to your guide.",
        validators=[Optional()],
    )
    groups = SelectMultipleField(
        "Which of these groups do you work with?",
        widget=GovCheckboxesInput(),
        description="Select all that apply. Your guide will include a section for each group you select.",
    )
    other_groups = StringField(
        "If you work with other excluded groups, which ones? (optional)",
        widget=GovTextInput(),
        description="For example care leavers or survivors of domestic abuse. Name groups, not people.",
        validators=[
            Length(max=200, message="Other groups must be 200 characters or fewer"),
            PlainName("Other groups"),
        ],
    )
    registration_number = StringField(
        "Charity or company number (optional)",
        widget=GovTextInput(),
        description="If you have one. It helps a coordinator for your area check that your organisation is real.",
        validators=[
            Length(max=20, message="Charity or company number must be 20 characters or fewer"),
            Regexp(
                r"^[A-Za-z0-9 -]*$",
                message="Charity or company number must only include letters, numbers, spaces and hyphens",
            ),
        ],
    )
    works_with_families = RadioField(
        "Do you work with families, children or pregnant women?",
        widget=GovRadioInput(),
        choices=[SelectChoice(YES, "Yes"), SelectChoice(NO, "No")],
        validators=[InputRequired(message="Select yes if you work with families, children or pregnant women")],
    )
    submit = SubmitField("Save and continue", widget=GovSubmitInput())

    def __init__(self, lists: ProfileLists, areas: dict[str, str], *args, **kwargs) -> None:
        """`lists` labels every area, retired ones too; `areas` are those that may be chosen today."""
        super().__init__(*args, **kwargs)
        self.lists = lists
        self.org_type.choices = _choices(lists.org_types)
        self.size_band.choices = _choices(lists.size_bands)
        self.area.choices = _choices(areas)
        self.local_area.choices = [
            *(
                SelectChoice(place, f"{label} ({lists.areas[area]})")
                for area, places in lists.local_areas.items()
                if area in areas
                for place, label in places.items()
            ),
            SelectChoice(WHOLE_AREA, "Across the whole area, or not sure"),
        ]
        self.groups.choices = [*_choices(lists.groups), SelectChoice(NO_GROUPS, "None of these")]

    def validate_local_area(self, field: RadioField) -> None:
        if field.data in (None, "", WHOLE_AREA) or not self.area.data:
            return
        if field.data not in self.lists.local_areas.get(self.area.data, {}):
            area = self.lists.areas.get(self.area.data, "the area you chose")
            raise ValidationError(f"Select a part of {area}, or 'Across the whole area, or not sure'")

    def validate_other_groups(self, field: StringField) -> None:
        if (field.data or "").strip() and OTHER_GROUP not in (self.groups.data or []):
            other = self.lists.groups.get(OTHER_GROUP, "Other socially excluded groups")
            raise ValidationError(f"Select '{other}' above, or leave the other groups empty")

    def validate_groups(self, field: SelectMultipleField) -> None:
        chosen = field.data or []
        if not chosen:
            raise ValidationError("Select the groups you work with, or select 'None of these'")
        if NO_GROUPS in chosen and len(chosen) > 1:
            raise ValidationError("Select the groups you work with, or select 'None of these', not both")

    @property
    def group_items(self) -> list[dict]:
        """Per-checkbox parameters: "None of these" unticks the others (and they untick it)."""
        return [{"behaviour": "exclusive"} if choice.value == NO_GROUPS else {} for choice in self.groups.choices]

    @property
    def chosen_groups(self) -> list[str]:
        return [group for group in (self.groups.data or []) if group != NO_GROUPS]

    def valid_answers(self) -> dict:
        """After validation: the answers that passed, ready for `queries.update_profile`."""
        answers: dict = {}
        for name in ("name", "org_type", "size_band", "area"):
            field = self[name]
            if field.data and not field.errors:
                answers[name] = field.data
        if self.groups.data and not self.groups.errors:
            answers["groups"] = self.chosen_groups
        if not self.local_area.errors and self.local_area.data:
            answers["local_area"] = self.chosen_local_area
        if self.works_with_families.data and not self.works_with_families.errors:
            answers["works_with_families"] = self.families
        if not self.other_groups.errors:
            answers["other_groups"] = self.other_groups.data or ""
        if not self.registration_number.errors:
            answers["registration_number"] = self.registration_number.data or ""
        return answers

    @property
    def chosen_local_area(self) -> str | None:
        return None if self.local_area.data in (None, "", WHOLE_AREA) else self.local_area.data

    @property
    def families(self) -> bool | None:
        return {YES: True, NO: False}.get(self.works_with_families.data or "")
