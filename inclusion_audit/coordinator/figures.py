"""Turn raw query results into figures that may be shown: every count and statistic goes through `suppression`.

Pages, charts and downloads all draw from these objects, so they can never disagree or leak a raw count.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Content
from ..queries import Buckets, Headline, QuestionGap
from .stats import BAND_LABELS, Quartiles, bands_of, empty_buckets, quartiles
from .suppression import FEWER, THRESHOLD, safe_count, safe_statistic, show_count, show_statistic


@dataclass(frozen=True)
class DistributionRow:
    section_id: str
    title: str
    organisations: str
    band_counts: tuple[int | None, ...]  # rounded, None when suppressed: for charts
    band_texts: tuple[str, ...]
    spread: Quartiles | None  # None when fewer than 5 organisations have a score

    @property
    def enough(self) -> bool:
        return self.spread is not None

    def statistic_texts(self) -> tuple[str, str, str]:
        """Lower quartile, median and upper quartile as text."""
        if self.spread is None:
            text = "–" if self.organisations == "0" else FEWER
            return text, text, text
        lower, median, upper = (f"{v}%" if v is not None else "–" for v in self.spread.as_tuple())
        return lower, median, upper


def distribution_rows(content: Content, buckets: Buckets) -> list[DistributionRow]:
    rows = []
    for section in content.sections:
        counts = buckets.get(section.id, empty_buckets())
        total = sum(counts)
        bands = bands_of(counts)
        rows.append(
            DistributionRow(
                section_id=section.id,
                title=section.title,
                organisations=show_count(total),
                # Below 5 organisations nothing about the section is shown, not even which bands are empty.
                band_counts=tuple(safe_count(n) if total >= THRESHOLD else None for n in bands),
                band_texts=tuple(show_count(n) if total >= THRESHOLD else show_count(total) for n in bands),
                spread=safe_statistic(quartiles(counts), total),
            )
        )
    return rows


DISTRIBUTION_HEADER = ("Part", "Organisations", *BAND_LABELS, "Lower quartile", "Median", "Upper quartile")


def distribution_table(rows: list[DistributionRow]) -> list[tuple[str, ...]]:
    """The distribution as plain rows of text: the same figures as the page, for downloads."""
    return [(row.title, row.organisations, *row.band_texts, *row.statistic_texts()) for row in rows]


def headline_rows(headline: Headline) -> list[tuple[str, str]]:
    return [
        ("Organisations registered", show_count(headline.organisations)),
        ("Audits started", show_count(headline.audits_started)),
        ("Audits submitted", show_count(headline.audits_submitted)),
        ("Organisations with a submitted audit", show_count(headline.organisations_with_results)),
    ]


@dataclass(frozen=True)
class TrendRow:
    year: int
    quarter: int
    organisations: str
    medians: tuple[int | None, ...]  # per section, in content order; None when hidden or missing
    median_texts: tuple[str, ...]


def trend_rows(
    content: Content, organisations: dict[tuple[int, int], int], buckets: dict[tuple[int, int], Buckets]
) -> list[TrendRow]:
    rows = []
    for key in sorted(organisations):
        medians, texts = [], []
        for section in content.sections:
            counts = buckets.get(key, {}).get(section.id, empty_buckets())
            median = safe_statistic(quartiles(counts).median, sum(counts))
            medians.append(median)
            texts.append(show_statistic(median, sum(counts)))
        rows.append(TrendRow(key[0], key[1], show_count(organisations[key]), tuple(medians), tuple(texts)))
    return rows


@dataclass(frozen=True)
class GapRow:
    question_id: str
    question: str
    section: str
    principle: str
    not_started: str
    dont_know: str
    topics: tuple[tuple[str, str], ...]  # (snippet id, title)
    core20plus5: tuple[str, ...]


def gap_rows(content: Content, gaps: list[QuestionGap], organisations: int) -> list[GapRow]:
    """Questions where at least 5 organisations have not started or are not sure, with the guidance to offer."""
    if organisations < THRESHOLD:
        return []  # with so few organisations even the list of questions would say something about them
    rows = []
    for gap in gaps:
        question = content.questions.get(gap.question_id)
        if question is None or gap.not_started + gap.dont_know < THRESHOLD:
            continue  # unknown to this content version, or too few organisations to mention
        section = content.sections_by_id[question.section_id]
        snippets = [s for s in content.snippets if question.id in s.meta.questions]
        tags = dict.fromkeys(tag for s in snippets for tag in s.meta.core20plus5)
        rows.append(
            GapRow(
                question_id=question.id,
                question=question.text,
                section=section.title,
                principle=content.config.principles.get(section.principle, ""),
                not_started=show_count(gap.not_started),
                dont_know=show_count(gap.dont_know),
                topics=tuple(dict.fromkeys((s.id, s.meta.title) for s in snippets)),
                core20plus5=tuple(content.config.core20plus5.get(tag, tag) for tag in tags),
            )
        )
    return rows
