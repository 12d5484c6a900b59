"""Builds a section's question page form from the content, one radio group per question shown."""

from __future__ import annotations

import json

from flask import current_app
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput
from markupsafe import Markup, escape
from wtforms import HiddenField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, StopValidation

from ..engine import QuestionDef
from ..forms_base import PlainText
from ..models import NOTES_LIMIT

SAVE_AND_CONTINUE = "continue"
SAVE_FOR_LATER = "later"
_RADIOS_CACHE = "section_form_radios"
_RADIOS_CACHE_SIZE = 4096
NO_PERSONAL_DATA = "Do not include anything about the people you support."
# The key the section's notes go under in the page's record of what it showed (no question id starts with '#').
NOTES_KEY = "#notes"


class CachedRadioInput(GovRadioInput):
    """GOV.UK radios, each distinct question state rendered once per app.

    Rendering the GOV.UK macro is most of a question page's server time, and its output depends only on the
    field (question, options, the checked answer, any error) and the template's parameters. Those make the key,
    so the same key always means the same HTML and no organisation sees another's answers.
    """

    def __call__(self, field: RadioField, **kwargs) -> Markup:
        cache: dict[str, Markup] = current_app.extensions.setdefault(_RADIOS_CACHE, {})
        choices = [(choice.value, choice.label, choice.selected) for choice in field.iter_choices()]
        state = [field.id, field.name, field.label.text, field.description, field.errors, field.flags.required]
        key = json.dumps([*state, choices, kwargs], sort_keys=True, default=str)
        html = cache.get(key)
        if html is None:
            html = super().__call__(field, **kwargs)
            if len(cache) >= _RADIOS_CACHE_SIZE:
                cache.clear()
            cache[key] = html
        return html


class CachedCharacterCount(GovCharacterCount):
    """The GOV.UK notes box with its character count, its markup rendered once per app for each state.

    Unlike the radios, the notes are an organisation's own words: they are never part of the key nor kept.
    The markup is rendered once with a marker where the text goes, and each page puts its own text (escaped,
    as the template would) in the marker's place.
    """

    MARKER = "inclusion-audit-notes-text-goes-here"

    def render(self, params: dict) -> Markup:
        text = params.pop("value", None) or ""
        cache: dict[str, Markup] = current_app.extensions.setdefault(_RADIOS_CACHE, {})
        key = json.dumps(["notes", params], sort_keys=True, default=str)
        html = cache.get(key)
        if html is None:
            html = super().render({**params, "value": self.MARKER})
            if html.count(self.MARKER) != 1:  # a template that shows the text twice, or not at all: no cache
                return super().render({**params, "value": text})
            if len(cache) >= _RADIOS_CACHE_SIZE:
                cache.clear()
            cache[key] = html
        # Safe: the cached markup is the template's own output, and the text is escaped as the template does.
        return Markup(str(html).replace(self.MARKER, str(escape(text))))  # nosec B704


class SectionForm(FlaskForm):
    # The section's save counter and its saved answers when the page was opened. Together they let
    # a save from a stale tab keep others' newer answers unless both changed the same question.
    revision = HiddenField()
    original = HiddenField()
    notes = TextAreaField(
        "Notes (optional)",
        widget=CachedCharacterCount(),
        description=f"What you already do, evidence or plans. {NO_PERSONAL_DATA}",
        # Browsers send each line break as two characters; the character count shown on the page counts one.
        filters=[lambda text: text.replace("\r\n", "\n").strip() if text else text],
        validators=[
            Optional(),
            Length(max=NOTES_LIMIT, message=f"Notes must be {NOTES_LIMIT:,} characters or fewer"),
            PlainText("Notes"),
        ],
    )

    @property
    def question_fields(self) -> list[RadioField]:
        return [field for field in self if isinstance(field, RadioField)]


def build_section_form(questions: list[QuestionDef], *, require_all: bool, **kwargs) -> SectionForm:
    """A form class made for exactly these questions. Unanswered questions are only errors on 'Save and continue'."""

    class _Form(SectionForm):
        pass

    for number, question in enumerate(questions, start=1):
        required = InputRequired(message=f"Select an answer to question {number}: {question.text}")
        field = RadioField(
            question.text,
            choices=[SelectChoice(option.value, option.label) for option in question.options],
            description=question.hint or "",
            widget=CachedRadioInput(),
            validators=[required if require_all else Optional()],
        )
        # A value the page never offered is tampering or a stale page: refuse it either way.
        field.kwargs["validate_choice"] = True
        setattr(_Form, question.id, field)
    form = _Form(**kwargs)
    for number, field in enumerate(form.question_fields, start=1):
        field.pre_validate = _choice_check(field, number)  # type: ignore[method-assign]
    return form


def _choice_check(field: RadioField, number: int):
    def check(form: FlaskForm) -> None:
        if field.data is not None and field.data not in {choice.value for choice in field.choices}:
            raise StopValidation(f"Select one of the answers shown for question {number}: {field.label.text}")

    return check


def encode_answers(answers: dict[str, str]) -> str:
    return json.dumps(answers, sort_keys=True, separators=(",", ":"))


def decode_answers(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(key): item for key, item in value.items() if isinstance(item, str)}


def option_hints(question: QuestionDef) -> list[dict]:
    """Per-answer hint text for the GOV.UK radios macro, in option order."""
    return [{"hint": {"text": option.hint}} if option.hint else {} for option in question.options]


def radios_params(question: QuestionDef, number: int, note: str | None = None) -> dict:
    """The GOV.UK radios parameters for the page's `number`th question, numbered as its error message numbers
    it ("Select an answer to question 3: ..."); `note` says, first in its hint, that the answer was filled in for
    the organisation and needs checking (the hint is read out with every answer)."""
    params: dict = {
        "fieldset": {"legend": {"text": f"{number}. {question.text}", "classes": "govuk-fieldset__legend--m"}},
        "items": option_hints(question),
    }
    if note:
        html = Markup('<strong class="govuk-!-display-block">{}.</strong>').format(note)
        params["hint"] = {"html": html + question.hint if question.hint else html}
    return params


def radios_for(questions: list[QuestionDef], checks: dict[str, str] | None = None) -> dict[str, dict]:
    """Each question's radios parameters, numbered in page order (the question page, and `content check`'s count
    of the words on it)."""
    checks = checks or {}
    return {
        question.id: radios_params(question, number, checks.get(question.id))
        for number, question in enumerate(questions, start=1)
    }
