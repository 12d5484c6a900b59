"""The worksheets of the coordinator downloads, typed for spreadsheets, each workbook ending with "About this data".

The figures are the dashboard's own shown texts (already through disclosure control); a worksheet only turns
"65" into the number 65 and "45%" into a percentage. Anything else, such as "fewer than 5", stays text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import queries
from ..disclosure import BAND_LABELS
from ..engine import Content
from ..engine.scoring import band_for
from ..export_files import Cell, Percent, Sheet
from ..models import utcnow
from .explanation import ABOUT_FIGURES
from .figures import DISTRIBUTION_HEADER, distribution_table
from .needs import ORDER_NOTE, NeedRow
from .view_data import DashboardData

ABOUT_TITLE = "About this data"
ABOUT_HEADER = ("Term", "Meaning")
_WHOLE = re.compile(r"\d+")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


def figure(text: str) -> Cell:
    """A shown figure as a spreadsheet value: a whole number, a percentage, or the words it was shown as."""
    if _WHOLE.fullmatch(text):
        return int(text)
    if match := _PERCENT.fullmatch(text):
        number = float(match.group(1))
        return Percent(int(number) if number.is_integer() else number)
    return text


def _figures(row: Sequence[str]) -> list[Cell]:
    first, *rest = row
    return [first, *(figure(text) for text in rest)]


def audit_header(content: Content) -> list[str]:
    header = ["Organisation ID", "Organisation name", "Organisation type", "Size", "Area", "Groups served"]
    header += ["Started", "Submitted", "Content version"]
    for section in content.sections:
        header += [f"{section.title} (%)", f"{section.title} (stage)"]
    return [*header, "Overall (%)", "Overall (stage)"]


def _percent(value: int | None) -> Percent | None:
    return None if value is None else Percent(value)


def audit_cells(content: Content, row: queries.ExportRow) -> list[Cell]:
    lists, bands = content.config.profile, content.config.stages
    labels = {band.id: band.label for band in bands}
    overall = band_for(bands, row.overall_percent)
    cells: list[Cell] = [
        row.organisation_id,
        row.organisation_name,
        lists.org_types.get(row.org_type or "", row.org_type),
        lists.size_bands.get(row.size_band or "", row.size_band),
        lists.areas.get(row.area or "", row.area),
        "; ".join(lists.groups.get(group, group) for group in row.groups),
        row.started_at.date(),
        row.submitted_at.date(),
        row.content_version,
    ]
    for section in content.sections:
        percent, band = row.sections.get(section.id, (None, None))
        cells += [_percent(percent), labels.get(band or "", band)]
    overall_label = overall.label if overall and row.overall_percent is not None else None
    return [*cells, _percent(row.overall_percent), overall_label]


def _about(filters: str, rows: Sequence[tuple[str, Cell]]) -> Sheet:
    first = [("Downloaded", utcnow().date()), ("Filters", filters)]
    return Sheet(ABOUT_TITLE, ABOUT_HEADER, [list(pair) for pair in [*first, *rows]])


def audit_sheets(content: Content, rows: Sequence[queries.ExportRow], filters: str) -> list[Sheet]:
    stages = "; ".join(f"{band.label}: {band.meaning}" for band in content.config.stages)
    about = [
        (
            "Who is included",
            "Organisations in your area that have chosen to share their results with coordinators by name. "
            "Each submitted audit is one row. Everyone else is only ever counted in anonymous totals.",
        ),
        ("Organisation ID", "The service's number for the organisation, the same in every download."),
        ("Started, Submitted", "The dates the audit was started and submitted (UTC)."),
        ("Content version", "The version of the questions and guidance the audit was answered against."),
        ("(%)", "The organisation's score for that part of the audit, as a percentage of the most it could score."),
        ("(stage)", f"The stage that score falls in. {stages}"),
        ("Overall", "The score and stage for all parts of the audit together."),
        (
            "Empty score",
            "No score: fewer than half the questions that apply were answered on the scale (not “Not sure”).",
        ),
    ]
    cells = [audit_cells(content, row) for row in rows]
    return [Sheet("Audits", audit_header(content), cells), _about(filters, about)]


NEEDS_HEADER = ("Rank", "Training topic", "Organisations that need it", "Share", "Not sure", "Not sure: share")
NOT_RANKED = "not ranked"


def needs_table(needs: Sequence[NeedRow]) -> list[list[Cell]]:
    """The needs page's figures, typed: counts as numbers, shares as percentages, withheld figures as words."""
    return [
        [
            NOT_RANKED if row.rank is None else row.rank,
            row.title,
            figure(row.need_text),
            figure(row.need_share_text),
            figure(row.unsure_text),
            figure(row.unsure_share_text),
        ]
        for row in needs
    ]


def summary_sheets(content: Content, data: DashboardData, filters: str, needs: Sequence[NeedRow]) -> list[Sheet]:
    spread = [_figures(row) for row in distribution_table(data.distribution)]
    trends_header = ["Quarter", "Organisations", *(f"{s.title}: 60% or more" for s in content.sections)]
    trends = [
        _figures([label, row.organisations, *row.share_texts])
        for label, row in zip(data.trend_labels, data.trends, strict=True)
    ]
    gaps_header = ["Question", "Section", "Principle", "Not started", "Not sure", "Guidance topics", "Core20PLUS5"]
    gaps = [
        [
            g.question,
            g.section,
            g.principle,
            figure(g.not_started),
            figure(g.dont_know),
            "; ".join(t for _, t in g.topics),
            "; ".join(g.core20plus5),
        ]
        for g in data.gaps
    ]
    about = [
        *ABOUT_FIGURES,
        ("Figures shown as words", "Where a figure is withheld its cell holds words, not a number."),
        ("Section", "A section of the audit; each is based on one of NHS England's inclusion health principles."),
        (
            "Organisations (Spread of scores)",
            "Organisations with a score for that part in their latest submitted audit, within the filters.",
        ),
        (
            f"{BAND_LABELS[0]} to {BAND_LABELS[-1]}",
            "How many of those organisations scored in each range for that part.",
        ),
        (
            "Middle band",
            "The band that holds the middle one of those organisations, worked out from the changed counts; shown for "
            "10 or more organisations.",
        ),
        (
            "60% or more (Trends)",
            "The share of organisations that submitted an audit in that quarter scoring 60% or more in that part, to "
            "the nearest 5%, worked out from the changed counts; shown for 10 or more organisations.",
        ),
        (
            "Organisations (Trends)",
            "Organisations that submitted an audit in that quarter; each counts once, with its latest audit there.",
        ),
        (
            "Not started, Not sure (Gaps)",
            "Organisations whose latest audit answered the question “Not started” or “Not sure”.",
        ),
        (
            "Organisations that need it (Needs)",
            "Organisations whose latest audit answered at least one of the training topic's questions at one of the "
            "two lowest levels (“Not started” or “Planning or early steps”; “No one yet” or “A few of us”). Each "
            "counts once per topic.",
        ),
        (
            "Not sure (Needs)",
            "Organisations that answered “Not sure” to one of the topic's questions but none at those two levels.",
        ),
        (
            "Share (Needs)",
            "The count as a part of organisations with a submitted audit, from the changed counts, to the nearest 5%; "
            "shown when the count is 5 or more and there are 10 or more organisations.",
        ),
        ("Rank (Needs)", ORDER_NOTE),
        (
            "Guidance topics",
            "The guide's advice for organisations that have not started or are not sure on the question: a start on "
            "training or support.",
        ),
        ("Core20PLUS5", "The Core20PLUS5 areas those guidance topics relate to."),
    ]
    return [
        Sheet("Spread of scores", DISTRIBUTION_HEADER, spread),
        Sheet("Trends", trends_header, trends),
        Sheet("Needs", NEEDS_HEADER, needs_table(needs)),
        Sheet("Gaps", gaps_header, gaps),
        _about(filters, about),
    ]
