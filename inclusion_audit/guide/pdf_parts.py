"""The content parts of the PDF guide: the opening page, a chapter per section, the groups, and help.

The words come from `wording`, shared with the web guide and the Word version.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from reportlab.platypus import Flowable

from ..engine.model import Action, Guide, GuideSection, HelpEntry, Snippet, Source
from ..queries.plan import PlanRow
from . import wording as say
from .markdown import inline_runs, safe_href
from .pdf_layout import CONTENT_WIDTH, GuideParagraph, GuideTable, table_style
from .pdf_styles import BORDER, LIGHT_GREY, SECONDARY_COLOUR, TEXT
from .pdf_text import ITEM, PART, SECTION, Typesetter


class GuideParts:
    def __init__(self, guide: Guide, typesetter: Typesetter) -> None:
        self.guide = guide
        self.ts = typesetter

    # --- The opening page ----------------------------------------------------------------------

    def opening(self) -> list[Flowable]:
        """Results, the actions and what to do this month: everything needed to start, on one page."""
        ts = self.ts
        flowables: list[Flowable] = [
            ts.heading(say.OPENING_TITLE, PART),
            self._results_table(),
            ts.paragraph(say.opening_note(self.guide), ts.styles.small),
            *self._actions(),
        ]
        this_month = [action.first_step for action in self.guide.this_month if action.first_step]
        if this_month:
            flowables.append(ts.heading(say.THIS_MONTH_TITLE, SECTION, in_contents=False))
            flowables += ts.bullets([ts.text(step) for step in this_month])
        return flowables

    def _results_table(self) -> GuideTable:
        ts, styles = self.ts, self.ts.styles
        rows = [[GuideParagraph(ts.text(text), styles.cell_heading) for text in say.RESULTS_COLUMNS]]
        for section in self.guide.sections:
            result = section.result
            rows.append(self._result_row(result.title, result.percent, say.stage(self.guide, result), styles.cell))
        overall = self.guide.overall
        rows.append(self._result_row(say.OVERALL, overall.percent, say.overall_stage(self.guide), styles.cell_heading))
        # The overall row is set apart by a heavier line above it.
        return self._table(rows, (0.56, 0.22, 0.22), ("LINEABOVE", (0, -1), (-1, -1), 1.5, TEXT))

    def _table(self, rows: list[list[Flowable]], shares: tuple[float, ...], *extra: tuple) -> GuideTable:
        """A table with a grey header row that repeats on each page, and a rule under every row."""
        table = GuideTable(rows, colWidths=[CONTENT_WIDTH * share for share in shares], repeatRows=1)
        table.setStyle(
            table_style(
                self.ts.styles,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                *extra,
            )
        )
        table.spaceAfter = 6
        return table

    def _result_row(self, name: str, percent: int | None, stage: str, style: object) -> list[GuideParagraph]:
        return [GuideParagraph(self.ts.text(text), style) for text in (name, *say.result_cells(percent, stage))]

    def _actions(self) -> list[Flowable]:
        ts = self.ts
        actions = say.ranked_actions(self.guide)
        heading = ts.heading(say.actions_heading(len(actions)), SECTION, in_contents=False)
        if not actions:
            return [heading, ts.paragraph(say.NO_FIRST_STEPS)]
        return [heading, *ts.bullets([self._action_markup(action) for action in actions], numbered=True)]

    def _action_markup(self, action: Action) -> str:
        detail_markup = self.ts.text(say.action_details(self.guide, action))
        return f'{self.ts.text(action.text)}<br/><font size="10" color="{SECONDARY_COLOUR}">{detail_markup}</font>'

    # --- The action plan -----------------------------------------------------------------------

    def plan(self, rows: Sequence[PlanRow], day: datetime.date) -> list[Flowable]:
        """The plan as it stands: each action with who is responsible, its due date and its status."""
        ts, styles = self.ts, self.ts.styles
        cells = [[GuideParagraph(ts.text(text), styles.cell_heading) for text in say.PLAN_COLUMNS]]
        cells += [[GuideParagraph(ts.text(text), styles.cell) for text in say.plan_cells(row)] for row in rows]
        table = self._table(cells, (0.46, 0.2, 0.17, 0.17))
        return [ts.heading(say.PLAN_TITLE, PART), table, ts.paragraph(say.plan_as_of(day), ts.styles.small)]

    # --- A chapter per section -----------------------------------------------------------------

    def section(self, section: GuideSection) -> list[Flowable]:
        ts = self.ts
        flowables: list[Flowable] = [
            ts.heading(section.result.title, SECTION),
            ts.paragraph(say.result_line(self.guide, section.result), ts.styles.small),
        ]
        if not section.snippets:
            flowables.append(ts.paragraph(say.NO_SECTION_GUIDANCE))
        for snippet in section.snippets:
            if not snippet.brief:
                flowables += self.snippet(snippet, ITEM)
        brief = [snippet for snippet in section.snippets if snippet.brief]
        if brief:
            flowables.append(ts.heading(say.MORE_STEPS, ITEM, in_contents=False))
            flowables += ts.bullets([ts.text(snippet.action or snippet.title) for snippet in brief])
        return flowables

    def snippet(self, snippet: Snippet, level: int, *, sources: bool = False) -> list[Flowable]:
        ts = self.ts
        body = ts.markdown(snippet.body_markdown, outline_level=level)
        after: list[Flowable] = []
        titles = say.fact_titles(self.guide, snippet)
        if titles:
            after.append(ts.paragraph(say.facts_line(titles), ts.styles.small))
        if sources and snippet.sources:
            after.append(self._sources_line(snippet.sources))
        if after and body:
            # The small lines after the guidance never start a page on their own: they move with its end.
            body[-1].keepWithNext = 1
        return [ts.heading(snippet.title, level, in_contents=False), *body, *after]

    # --- Groups and help -----------------------------------------------------------------------

    def groups(self) -> list[Flowable]:
        ts = self.ts
        flowables: list[Flowable] = [ts.heading(say.GROUPS_TITLE, PART)]
        other = say.other_groups_text(self.guide)
        if other:
            flowables.append(ts.paragraph(other))
        for snippet in self.guide.group_modules:
            flowables += self.snippet(snippet, SECTION, sources=True)
        return flowables

    def help(self) -> list[Flowable]:
        """Key facts (each once, with its sources), then local and national help."""
        ts = self.ts
        flowables: list[Flowable] = [ts.heading(say.HELP_TITLE, PART)]
        if self.guide.facts:
            flowables.append(ts.heading(say.FACTS_TITLE, SECTION, in_contents=False))
            for fact in self.guide.facts:
                flowables += [
                    ts.heading(fact.title, ITEM, in_contents=False),
                    *ts.markdown(fact.body_markdown, outline_level=ITEM),
                ]
                if fact.sources:
                    flowables.append(self._sources_line(fact.sources))
        for heading, entries in say.help_lists(self.guide):
            flowables += [
                ts.heading(heading, SECTION, in_contents=False),
                *ts.bullets([self._entry(entry) for entry in entries]),
            ]
        # Guides stored before help entries existed carry their signposts as snippets.
        for snippet in self.guide.signposts:
            flowables += self.snippet(snippet, SECTION, sources=True)
        return flowables

    def notes(self, notes: list[tuple[str, str]]) -> list[Flowable]:
        """The organisation's own notes on each section, line breaks kept."""
        ts = self.ts
        flowables: list[Flowable] = [ts.heading(say.NOTES_TITLE, PART), ts.paragraph(say.NOTES_INTRO)]
        for title, text in notes:
            lines = "<br/>".join(ts.text(line) for line in text.splitlines())
            flowables += [ts.heading(title, SECTION, in_contents=False), ts.para(lines, ts.styles.body)]
        return flowables

    def _entry(self, entry: HelpEntry) -> str:
        href = safe_href(entry.url) if entry.url else None
        title = self.ts.link(entry.title, href) if href else f"<b>{self.ts.text(entry.title)}</b>"
        publisher = say.help_publisher(entry)
        after = f" ({self.ts.text(publisher)})" if publisher else ""
        contact = f" {self.ts.text(say.help_contact(entry.contact))}" if entry.contact else ""
        return f"{title}{after}: {self.ts.runs(inline_runs(entry.what))}{contact}"

    def _sources_line(self, sources: tuple[Source, ...]) -> Flowable:
        """'Sources: nhs.uk; gov.uk.' Each links to its page; the web guide gives the full titles."""
        links = []
        for source in sources:
            href = safe_href(source.url)
            host = say.source_host(href)
            links.append(self.ts.link(host, href) if href and host else self.ts.text(source.title))
        return self.ts.para(f"{say.sources_label(len(links))}: {'; '.join(links)}.", self.ts.styles.small)
