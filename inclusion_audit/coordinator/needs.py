"""Training needs by topic, ranked, as rows that may be shown: the needs page, the dashboard panel, the
spreadsheet and the board report all read `needs_rows`.

Every figure goes through `disclosure` with the dashboard's population (organisations with a submitted audit in the
view). The order comes from shown figures only: topics whose count reads "fewer than 5" come after every shown one,
in the topic list's order, so a hidden count never lifts a row; topics with the same shown count share a rank and
keep the topic list's order. A share is the perturbed count over the perturbed population, to the nearest 5%, and
only where both the count and the population may be shown (a population of 10 or more).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import queries
from ..disclosure import FEWER, SUMMARY_MINIMUM, Cell, Kind, disclose, perturbed, show
from ..engine import Content
from ..queries.needs import TopicCells, topic_cells

# What `queries.need_definition` counts, in words: the page, the Needs sheet and the board report all say it.
NEED_DEFINITION = (
    "An organisation needs a topic when it gave one of the two lowest answers to at least one of the topic's "
    "questions: “Not started” or “Planning or early steps” on most questions, “No one yet” or “A few of us” on "
    "questions about how many of the team know something, and the first two answers on the few questions with "
    "answers of their own. It counts once for the topic, however many of its questions it answered that way."
)
ORDER_NOTE = (
    "Topics are ranked by the number of organisations that need them, after the small changes made to protect "
    "organisations. Topics with the same number share a rank. Topics where fewer than 5 organisations need them "
    "are not ranked and come last, in the order of the topic list."
)


@dataclass(frozen=True)
class NeedRow:
    topic_id: str
    title: str
    rank: int | None  # 1 for the most needed; equal counts share a rank; None when the count is not shown
    need: int | None  # perturbed count of organisations that need the topic; None for "fewer than 5"
    need_share: int | None  # percent of organisations with a submitted audit, to the nearest 5; None when hidden
    unsure: int | None  # perturbed count that answered "Not sure" and are not counted in `need`
    unsure_share: int | None
    questions: int  # how many questions the topic covers

    @property
    def need_text(self) -> str:
        return FEWER if self.need is None else str(self.need)

    @property
    def unsure_text(self) -> str:
        return FEWER if self.unsure is None else str(self.unsure)

    @property
    def need_share_text(self) -> str:
        return _share_text(self.need, self.need_share)

    @property
    def unsure_share_text(self) -> str:
        return _share_text(self.unsure, self.unsure_share)


SHARE_HIDDEN = "not shown"


def _share_text(count: int | None, value: int | None) -> str:
    return f"{value}%" if value is not None else SHARE_HIDDEN


def _share(count: int | None, population: Cell) -> int | None:
    """The shown count as a percentage of the perturbed population, to the nearest 5; None when either is too small."""
    of = perturbed(population, population)
    if count is None or of < SUMMARY_MINIMUM:
        return None
    return min(100, round(100 * count / of / 5) * 5)


def rank_rows(content: Content, cells: dict[str, TopicCells], population: Cell) -> list[NeedRow]:
    """Every training topic in the content, ranked as the module says."""
    visible = disclose(population, population) is not None
    questions: dict[str, int] = {}
    for question in content.questions.values():
        if question.tags is not None:
            questions[question.tags.training] = questions.get(question.tags.training, 0) + 1
    unranked = []
    for topic_id, title in content.config.training_topics.items():
        topic = cells.get(topic_id, TopicCells(Cell(), Cell()))
        need = disclose(topic.need, population, Kind.NEED) if visible else None
        unsure = disclose(topic.unsure, population, Kind.UNSURE) if visible else None
        unranked.append(
            NeedRow(
                topic_id,
                title,
                None,
                need,
                _share(need, population),
                unsure,
                _share(unsure, population),
                questions.get(topic_id, 0),
            )
        )
    shown = sorted((row for row in unranked if row.need is not None), key=lambda row: -(row.need or 0))
    ranked = []
    for index, row in enumerate(shown):
        rank = ranked[-1].rank if ranked and ranked[-1].need == row.need else index + 1
        ranked.append(_with_rank(row, rank))
    return ranked + [row for row in unranked if row.need is None]


def _with_rank(row: NeedRow, rank: int) -> NeedRow:
    return NeedRow(row.topic_id, row.title, rank, row.need, row.need_share, row.unsure, row.unsure_share, row.questions)


def needs_rows(content: Content, filters: queries.Filters) -> list[NeedRow]:
    """Every training topic with how many organisations in the view need it, ranked (see the module)."""
    population = queries.headline(filters).organisations_with_results
    return rank_rows(content, topic_cells(filters), population)


def population_text(filters: queries.Filters) -> str:
    """The number of organisations with a submitted audit in the view, as it may be shown."""
    population = queries.headline(filters).organisations_with_results
    return show(population, population)
