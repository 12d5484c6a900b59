"""The content parts of the PDF guide: the opening page, a chapter per section, the groups, and help.

The words come from `wording`, shared with the Word version.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table

from ..engine.model import Action, Guide, GuideSection, Snippet
from . import wording as say
from .markdown import safe_href
from .pdf_layout import CONTENT_WIDTH, GuideParagraph, table_style
from .pdf_styles import BORDER, LIGHT_GREY, SECONDARY_COLOUR, TEXT
from .pdf_text import ITEM, PART, SECTION, Typesetter


class GuideParts:
    def __init__(self, guide: Guide, typesetter: Typesetter) -> None:
        self.guide = guide
        self.ts = typesetter

    # --- Results ------------------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        ts = self.ts
        flowables: list[Flowable] = [
            ts.heading(say.RESULTS_TITLE, PART),
            ts.paragraph(say.RESULTS_LEAD, ts.styles.lead),
            self._results_table(),
        ]
        not_sure = say.not_sure_text(self.guide)
        if not_sure:
            flowables.append(ts.paragraph(not_sure, ts.styles.body))
        flowables += [ts.heading(say.STAGES_TITLE, SECTION, in_contents=False), *self._stage_explanation()]
        return flowables

    def _results_table(self) -> Table:
        ts, styles = self.ts, self.ts.styles
        rows = [[GuideParagraph(ts.text(text), styles.cell_heading) for text in say.RESULTS_COLUMNS]]
        for section in self.guide.sections:
            result = section.result
            rows.append(self._result_row(result.title, result.percent, say.stage(self.guide, result), styles.cell))
        overall = self.guide.overall
        rows.append(self._result_row(say.OVERALL, overall.percent, say.overall_stage(self.guide), styles.cell_heading))
        table = Table(rows, colWidths=[CONTENT_WIDTH * 0.56, CONTENT_WIDTH * 0.22, CONTENT_WIDTH * 0.22], repeatRows=1)
        table.setStyle(
            table_style(
                styles,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER),
                ("LINEABOVE", (0, -1), (-1, -1), 1.5, TEXT),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            )
        )
        table.spaceAfter = 6
        return table

    def _result_row(self, name: str, percent: int | None, stage: str, style: object) -> list[GuideParagraph]:
        return [GuideParagraph(self.ts.text(text), style) for text in (name, *say.result_cells(percent, stage))]

    def _stage_explanation(self) -> list[Flowable]:
        ts = self.ts
        items = [f"<b>{ts.text(name)}</b>: {ts.text(meaning)}" for name, meaning in say.stage_meanings(self.guide)]
        return [ts.paragraph(say.STAGES_INTRO, ts.styles.body), *ts.bullets(items)]

    # --- Actions ------------------------------------------------------------------------------

    def actions(self) -> list[Flowable]:
        ts = self.ts
        actions = say.top_actions(self.guide)
        flowables: list[Flowable] = [
            ts.heading(say.top_actions_title(len(actions)), PART),
            ts.paragraph(say.ACTIONS_LEAD, ts.styles.lead),
        ]
        if not actions:
            return [*flowables, ts.paragraph(say.NO_ACTIONS)]
        return [*flowables, *ts.bullets([self._action_markup(action) for action in actions], numbered=True)]

    def _action_markup(self, action: Action) -> str:
        detail_markup = self.ts.text(say.action_details(self.guide, action))
        return f'{self.ts.text(action.text)}<br/><font size="10" color="{SECONDARY_COLOUR}">{detail_markup}</font>'

    # --- A chapter per section -----------------------------------------------------------------

    def section(self, section: GuideSection) -> list[Flowable]:
        ts, result = self.ts, section.result
        flowables: list[Flowable] = [
            ts.heading(result.title, SECTION),
            ts.paragraph(say.result_text(self.guide, result), ts.styles.lead),
            ts.paragraph(say.answered_text(result), ts.styles.small),
            *ts.markdown(section.intro, outline_level=SECTION),
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

    def snippet(self, snippet: Snippet, level: int, *, in_contents: bool = False) -> list[Flowable]:
        ts = self.ts
        body = ts.markdown(snippet.body_markdown, outline_level=level)
        sources = self._sources(snippet)
        if sources and body:
            # The list of sources never starts a page on its own: it moves with the paragraph before it.
            sources, body = [KeepTogether([body[-1], *sources])], body[:-1]
        return [
            ts.heading(snippet.title, level, in_contents=in_contents),
            ts.paragraph(say.snippet_details(self.guide, snippet), ts.styles.small_kept),
            *body,
            *sources,
        ]

    def _sources(self, snippet: Snippet) -> list[Flowable]:
        if not snippet.sources:
            return []
        items = []
        for source in snippet.sources:
            href = safe_href(source.url)
            title = self.ts.link(source.title, href) if href else self.ts.text(source.title)
            host = say.source_host(href)
            items.append(f"{title} ({self.ts.text(host)})" if host else title)
        return [self.ts.para(f"<b>{say.SOURCES}</b>", self.ts.styles.small_kept), *self.ts.bullets(items)]

    def group_modules(self) -> list[Flowable]:
        return self._snippet_part(say.GROUPS_TITLE, self.guide.group_modules, say.GROUPS_INTRO, say.NO_GROUPS)

    def signposts(self) -> list[Flowable]:
        return self._snippet_part(say.HELP_TITLE, self.guide.signposts, say.HELP_INTRO, say.NO_HELP)

    def _snippet_part(self, title: str, snippets: tuple[Snippet, ...], intro: str, empty: str) -> list[Flowable]:
        flowables: list[Flowable] = [self.ts.heading(title, PART), self.ts.paragraph(intro if snippets else empty)]
        for snippet in snippets:
            flowables += self.snippet(snippet, SECTION, in_contents=True)
        return flowables
