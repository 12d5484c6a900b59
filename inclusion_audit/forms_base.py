"""Shared form pieces: whitespace stripping and GOV.UK-worded validators."""

from __future__ import annotations

import unicodedata

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


# Characters that reorder the text around them: in a name they can make it read differently in an email,
# a spreadsheet or a coordinator's list than it was typed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible formatting characters that real names do need: joiners (emoji sequences, Persian, Indic scripts).
NAME_JOINERS = frozenset("\u200c\u200d")
# Letters and symbols that draw nothing at all (Hangul fillers, the blank braille pattern).
DRAW_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
BLACK_FLAG = "\U0001f3f4"  # tag characters after it spell a flag (England, Scotland, Wales)


def has_visible_character(value: str) -> bool:
    """True if something in `value` shows on screen: a letter, number, punctuation mark or symbol."""
    return any(unicodedata.category(char)[0] in "LNPS" and char not in DRAW_NOTHING for char in value)


def _hidden_format_character(value: str) -> bool:
    flags = BLACK_FLAG in value
    for char in value:
        if char in NAME_JOINERS or (flags and 0xE0020 <= ord(char) <= 0xE007F):
            continue
        if unicodedata.category(char) == "Cf" and char not in BIDI_CONTROLS:
            return True
    return False


class PlainName:
    """A name as people type it: one line, no invisible control, format or direction characters, something
    visible."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, form: FlaskForm, field: Field) -> None:
        value = field.data or ""
        if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value):
            raise ValidationError(f"{self.label} must be on one line, with only letters, numbers and punctuation")
        if any(char in BIDI_CONTROLS for char in value):
            raise ValidationError(f"{self.label} must not include hidden characters that change the text direction")
        if _hidden_format_character(value):
            raise ValidationError(f"{self.label} must not include hidden characters")
        if value and not has_visible_character(value):
            raise ValidationError(f"{self.label} must include letters or numbers")


class PlainText:
    """Several lines of text as people type them: line breaks and tabs are fine, other invisible control or
    direction characters are not."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, form: FlaskForm, field: Field) -> None:
        value = field.data or ""
        if any(unicodedata.category(char) == "Cc" and char not in "\r\n\t" for char in value):
            raise ValidationError(f"{self.label} must only include letters, numbers and punctuation")
        if any(char in BIDI_CONTROLS for char in value):
            raise ValidationError(f"{self.label} must not include hidden characters that change the text direction")
