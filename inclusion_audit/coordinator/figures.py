"""Turn raw query results into figures that may be shown: every count goes through `disclosure`.

Pages, charts and downloads all draw from these objects, so they can never disagree or leak a raw count. The
population of every figure in a view is the view's organisations with a submitted audit: the same population
always gives the same figures, and a population one organisation larger gives fresh noise on every figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..disclosure import (
    BAND_LABELS,
    FEWER,
    THRESHOLD,
    Cell,
    Kind,
    bands_of,
    disclose,
    empty_buckets,
    middle_band,
    perturbed,
    share,
    show,
    total,
)
from ..engine import Content
from ..queries import Buckets, Headline, QuestionGap

GAP_ROWS = 10
# The guidance written for an organisation that has not started (get-started) or does not know (find-out): the
# gaps list suggests these, never what is meant for organisations already doing well.
GAP_GUIDANCE = ("get-started", "find-out")


@dataclass(frozen=True)
class DistributionRow:
    section_id: str
    title: str
    organisations: str
    band_counts: tuple[int | None, ...]  # perturbed, None for "fewer than 5": for charts
    band_texts: tuple[str, ...]
    middle: str  # the band holding the middle organisation, or why it is not shown

    @property
    def enough(self) -> bool:
        return any(count is not None for count in self.band_counts)

    @property
    def few(self) -> bool:
        """Fewer than 5 organisations with a score, as shown (else: enough of them, but no band has 5)."""
        return self.organisations == FEWER

    @property
    def description(self) -> str:
        """The figures in a sentence: the spread chart's text alternative."""
        if not self.enough:
            return f"{self.title}: figures are hidden because {self.organisations} organisations have a score."
        bands = "; ".join(f"{label}: {text}" for label, text in zip(BAND_LABELS, self.band_texts, strict=True))
        return f"Organisations with a score: {self.organisations}. {bands}. Middle band: {self.middle}."


MIDDLE_HIDDEN = "fewer than 10"


def distribution_rows(content: Content, buckets: Buckets, population: Cell) -> list[DistributionRow]:
    rows = []
    for section in content.sections:
        bands = bands_of(buckets.get(section.id, empty_buckets()))
        scored = total(bands)
        # Fewer than 5 with a score (after perturbation): no band figure at all, not even which are empty.
        shown = disclose(scored, population, Kind.SCORED) is not None
        middle = middle_band(bands, population)
        rows.append(
            DistributionRow(
                section_id=section.id,
                title=section.title,
                organisations=show(scored, population, Kind.SCORED),
                band_counts=tuple(disclose(band, population, Kind.BAND) if shown else None for band in bands),
                band_texts=tuple(show(band, population, Kind.BAND) if shown else FEWER for band in bands),
                middle=MIDDLE_HIDDEN if middle is None else BAND_LABELS[middle],
            )
        )
    return rows


DISTRIBUTION_HEADER = ("Section", "Organisations", *BAND_LABELS, "Middle band")


def distribution_table(rows: list[DistributionRow]) -> list[tuple[str, ...]]:
    """The distribution as plain rows of text: the same figures as the page, for downloads."""
    return [(row.title, row.organisations, *row.band_texts, row.middle) for row in rows]


def headline_rows(headline: Headline) -> list[tuple[str, str]]:
    population = headline.organisations_with_results
    return [
        ("Organisations registered", show(headline.organisations, population, Kind.REGISTERED)),
        ("Audits started", show(headline.audits_started, population, Kind.STARTED)),
        ("Audits submitted", show(headline.audits_submitted, population, Kind.SUBMITTED)),
        ("Organisations with a submitted audit", show(population, population)),
    ]


HIGH_BANDS = 3  # the share of organisations at 60% or more: bands 60 to 79% and 80 to 100%


def high_share(buckets: list[Cell], population: Cell) -> tuple[int | None, str]:
    """A section's share of organisations scoring 60% or more, to the nearest 5, and how it reads: hidden as
    "fewer than 10" below 10 organisations with a score, and as "fewer than 5" when fewer than 5 score 60% or
    more. A share is a count in disguise (times the organisations shown beside it): "0%" would say none at all
    and "10%" of 10 about one, which is what "fewer than 5" is there to hide. The trends and the side-by-side
    rows both read it from here."""
    bands = bands_of(buckets)
    high = total(bands[HIGH_BANDS:])
    value = share(high, total(bands), population, Kind.HIGH, Kind.SCORED)
    if value is None:
        return None, MIDDLE_HIDDEN
    if disclose(high, population, Kind.HIGH) is None:
        return None, FEWER
    return value, f"{value}%"


@dataclass(frozen=True)
class TrendRow:
    year: int
    quarter: int
    organisations: str
    shares: tuple[int | None, ...]  # per section, in content order: % at 60% or more; None when hidden
    share_texts: tuple[str, ...]


def trend_rows(
    content: Content, organisations: dict[tuple[int, int], Cell], buckets: dict[tuple[int, int], Buckets]
) -> list[TrendRow]:
    rows = []
    for key in sorted(organisations):
        population = organisations[key]
        if disclose(population, population) is None:
            # Left out, like a quarter with none: listing it would tell 1 to 4 apart from 0.
            continue
        shares, texts = [], []
        for section in content.sections:
            value, text = high_share(buckets.get(key, {}).get(section.id, empty_buckets()), population)
            shares.append(value)
            texts.append(text)
        rows.append(TrendRow(key[0], key[1], show(population, population), tuple(shares), tuple(texts)))
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


def gap_rows(content: Content, gaps: list[QuestionGap], population: Cell) -> list[GapRow]:
    """The questions most often not started or not known, by perturbed count, where that count is 5 or more."""
    if disclose(population, population) is None:
        return []  # with so few organisations even the list of questions would say something about them
    ranked = []
    for gap in gaps:
        question = content.questions.get(gap.question_id)
        either = perturbed(gap.not_started + gap.dont_know, population, Kind.EITHER)
        if question is not None and either >= THRESHOLD:  # known to this content version, and enough of them
            ranked.append((-either, question.id, question, gap))
    rows = []
    for _, _, question, gap in sorted(ranked)[:GAP_ROWS]:
        section = content.sections_by_id[question.section_id]
        snippets = [s for s in content.snippets if question.id in s.meta.questions and s.meta.kind in GAP_GUIDANCE]
        tags = dict.fromkeys(tag for s in snippets for tag in s.meta.core20plus5)
        rows.append(
            GapRow(
                question_id=question.id,
                question=question.text,
                section=section.title,
                principle=content.config.principles.get(section.principle, ""),
                not_started=show(gap.not_started, population, Kind.NOT_STARTED),
                dont_know=show(gap.dont_know, population, Kind.NOT_SURE),
                topics=tuple(dict.fromkeys((s.id, s.meta.title) for s in snippets)),
                core20plus5=tuple(content.config.core20plus5.get(tag, tag) for tag in tags),
            )
        )
    return rows
