"""Shared form pieces: whitespace stripping and GOV.UK-worded validators."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, PasswordField
from wtforms.validators import ValidationError


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class StripWhitespaceForm(FlaskForm):
    """Trims leading and trailing spaces from text answers, as people paste them by accident."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = unbound_field.kwargs.get("filters", ())
            # Passwords are taken exactly as typed: a space can be part of one.
            if unbound_field.field_class is not PasswordField and _strip not in filters:
                unbound_field.kwargs["filters"] = [_strip, *filters]
            return unbound_field.bind(form=form, **options)


class NoControlCharacters:
    """Rejects invisible control characters, which only ever arrive by accident or by attack."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: FlaskForm, field: Field) -> None:
        value = field.data or ""
        if any(ord(char) < 32 and char not in "\t\n\r" or ord(char) == 127 for char in value):
            raise ValidationError(self.message)
