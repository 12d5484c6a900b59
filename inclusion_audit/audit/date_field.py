"""A GOV.UK date input (day, month, year) that may be left empty, with GOV.UK's date error messages."""

from __future__ import annotations

from datetime import date

from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import Field
from wtforms.validators import StopValidation

from ..dates import format_date

PARTS = ("day", "month", "year")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _month(text: str) -> int | None:
    """A month as people type it: '3', '03', 'March' or 'mar'."""
    if text.isascii() and text.isdecimal():
        return int(text)
    lowered = text.lower()
    if len(lowered) >= 3:
        return next((index for index, name in enumerate(MONTH_NAMES, start=1) if name.startswith(lowered)), None)
    return None


def _missing_message(name: str, missing: list[str]) -> str:
    return f"{name} must include a {' and '.join(missing)}"


class OptionalDateField(Field):
    """Three boxes that are all empty (no date) or make a real date.

    `name` is how error messages start ("Due date must include a month"); `earliest` and `latest` bound it.
    The field's id should end in '-day' so the error summary links to the first box.
    """

    widget = GovDateInput()

    def __init__(self, label: str, *, name_in_errors: str, earliest: date, latest: date, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.name_in_errors = name_in_errors
        self.earliest, self.latest = earliest, latest
        self._problem: str | None = None

    def process_formdata(self, valuelist: list[str]) -> None:
        values = [value.strip() for value in valuelist[:3]] + [""] * (3 - len(valuelist[:3]))
        self.raw_data = values
        self.data = None
        self._problem = None
        if not any(values):
            return
        missing = [part for part, value in zip(PARTS, values, strict=True) if not value]
        if missing:
            self._problem = _missing_message(self.name_in_errors, missing)
            return
        day_text, month_text, year_text = values
        if not (year_text.isascii() and year_text.isdecimal() and len(year_text) == 4):
            self._problem = "Year must include 4 numbers"
            return
        month = _month(month_text)
        try:
            if not (day_text.isascii() and day_text.isdecimal()) or month is None:
                raise ValueError
            self.data = date(int(year_text), month, int(day_text))
        except ValueError:
            self._problem = f"{self.name_in_errors} must be a real date"

    def pre_validate(self, form) -> None:
        problem = self._problem
        if problem is None and self.data is not None:
            if self.data < self.earliest:
                problem = f"{self.name_in_errors} must be the same as or after {format_date(self.earliest)}"
            elif self.data > self.latest:
                problem = f"{self.name_in_errors} must be the same as or before {format_date(self.latest)}"
        if problem:
            raise StopValidation(problem)

    def _value(self) -> str:
        return ""
