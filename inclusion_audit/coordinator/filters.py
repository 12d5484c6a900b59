"""The dashboard's filters: a GET form (so a filtered view can be bookmarked) turned into `queries.Filters`.

Scope rule: figures in anonymous totals cover the areas of the coordinator's system (every area for a
service-wide admin), because disclosure control protects them; a coordinator tied to an area starts on their
own area. Anything naming an organisation is limited to the coordinator's scope whatever the filter says
(see `queries.Scope`).
"""

from __future__ import annotations

from datetime import date, datetime

from flask import request
from flask_login import current_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect
from wtforms import SelectField
from wtforms.validators import ValidationError

from .. import queries
from ..content_store import get_content
from ..engine.schema import ProfileLists
from ..models import utcnow
from ..queries import Filters, Scope

ALL = "all"
_QUARTER_MONTHS = ("January to March", "April to June", "July to September", "October to December")


def _quarter_start(year: int, quarter: int) -> datetime:
    return datetime(year, 3 * (quarter - 1) + 1, 1)


def _quarter_after(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def _twelve_months_before(today: date) -> datetime:
    """The first of this month a year ago: periods are whole months (see `queries.figure_definition`)."""
    return datetime(today.year - 1, today.month, 1)


def quarter_label(year: int, quarter: int) -> str:
    return f"{_QUARTER_MONTHS[quarter - 1]} {year}"


def period_choices(today: date) -> list[tuple[str, str]]:
    """All time, rolling and calendar years, then the last 8 quarters by name."""
    start = _twelve_months_before(today)
    choices = [(ALL, "All time"), ("12m", f"Last 12 months (from 1 {start:%B %Y})"), ("year", f"{today.year} so far")]
    choices.append(("last-year", str(today.year - 1)))
    year, quarter = today.year, (today.month + 2) // 3
    for _ in range(8):
        choices.append((f"{year}-q{quarter}", quarter_label(year, quarter)))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return choices


def period_range(value: str, today: date) -> tuple[datetime | None, datetime | None]:
    """Start (inclusive) and end (exclusive) of a period choice; (None, None) for all time."""
    if value == "12m":
        return _twelve_months_before(today), None
    if value == "year":
        return datetime(today.year, 1, 1), None
    if value == "last-year":
        return datetime(today.year - 1, 1, 1), datetime(today.year, 1, 1)
    if "-q" in value:
        year, quarter = (int(part) for part in value.split("-q"))
        return _quarter_start(year, quarter), _quarter_start(*_quarter_after(year, quarter))
    return None, None


def _with_all(labels: dict[str, str], all_label: str) -> list[tuple[str, str]]:
    return [("", all_label), *labels.items()]


class FilterSelect(SelectField):
    """A select whose error, if someone edits the address by hand, reads like GOV.UK rather than WTForms."""

    def pre_validate(self, form: FlaskForm) -> None:
        if self.data not in {value for value, _ in self.choices}:  # type: ignore[union-attr]
            label = self.label.text.lower()
            raise ValidationError(f"Select {'an' if label[0] in 'aeiou' else 'a'} {label} shown in the list")


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    period = FilterSelect("Period", widget=GovSelect(), default=ALL)
    area = FilterSelect("Area", widget=GovSelect(), default=ALL)
    org_type = FilterSelect("Type of organisation", widget=GovSelect(), default="")
    size_band = FilterSelect("Size", widget=GovSelect(), default="")
    group = FilterSelect("Group served", widget=GovSelect(), default="")

    def __init__(self, lists: ProfileLists, today: date, scope: Scope, areas: dict[str, str], **kwargs) -> None:
        """`areas`: the scope's areas, the only ones a figure may be limited to."""
        # Given as data, so it applies when the query string has no area (formdata still wins when present).
        super().__init__(area=scope.area or ALL, **kwargs)
        self.scope = scope
        self.period.choices = period_choices(today)
        self.area.choices = [(ALL, "All areas"), *areas.items()]  # the scope's, named on the page
        self.org_type.choices = _with_all(lists.org_types, "All types")
        self.size_band.choices = _with_all(lists.size_bands, "All sizes")
        self.group.choices = _with_all(lists.groups, "All groups")
        self.lists = lists
        self.today = today

    def filters(self) -> Filters:
        """The filters as chosen, or everything (with the home area) for any field that is not valid."""
        start, end = period_range(self._valid(self.period, ALL), self.today)
        area = self._valid(self.area, ALL)
        return Filters(
            start=start,
            end=end,
            area=None if area == ALL else area,
            org_type=self._valid(self.org_type, "") or None,
            size_band=self._valid(self.size_band, "") or None,
            group=self._valid(self.group, "") or None,
            system=self.scope.figure_system,
        )

    def _valid(self, field: SelectField, fallback: str) -> str:
        values = {value for value, _ in field.choices}  # type: ignore[union-attr]
        return field.data if field.data in values else fallback

    def args(self) -> dict[str, str]:
        """The valid choices as query-string arguments, for links that keep the same filters."""
        return {
            "period": self._valid(self.period, ALL),
            "area": self._valid(self.area, ALL),
            "org_type": self._valid(self.org_type, ""),
            "size_band": self._valid(self.size_band, ""),
            "group": self._valid(self.group, ""),
        }

    def describe(self, area_scope: str | None = None) -> str:
        """The filters in words, for headings, downloads and the access log. `area_scope` is the one area a
        view was limited to whatever the area filter said (named results), so the words say what was shown."""
        args = self.args()
        if area_scope:
            args["area"] = area_scope
        fields = (self.period, self.area, self.org_type, self.size_band, self.group)
        chosen = [(field, value) for field, value in zip(fields, args.values(), strict=True) if value]
        return ", ".join(dict(field.choices)[value] for field, value in chosen)  # type: ignore[arg-type]


def filter_form() -> FilterForm:
    """The filters from the query string; invalid values fall back to defaults and are reported."""
    scope = queries.scope_of(current_user)
    areas = queries.areas_in_scope(scope)
    form = FilterForm(get_content().config.profile, utcnow().date(), scope, areas, formdata=request.args)
    if request.args:
        form.validate()
    return form
