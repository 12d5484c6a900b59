"""The content parts of the PDF guide: the opening page, a chapter per section, the groups, and help.

Labels and stages come from the stored guide (`guide.labels`, `guide.stages`), read with `.get` and a
readable fallback, so a guide stored by an older version of the engine renders as it did on the day.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from reportlab.platypus import Flowable, Table

from ..engine.model import Action, Guide, GuideSection, HelpEntry, SectionResult, Snippet, Source
from .markdown import safe_href
from .pdf_layout import CONTENT_WIDTH, GuideParagraph, table_style
from .pdf_styles import BORDER, LIGHT_GREY, SECONDARY_HEX, TEXT
from .pdf_text import ITEM, PART, SECTION, Typesetter
from .wording import MORE_STEPS, NOT_ENOUGH_ANSWERS, actions_heading, scored_note, stage_ranges, unscored_note


class GuideParts:
    def __init__(self, guide: Guide, typesetter: Typesetter) -> None:
        self.guide = guide
        self.ts = typesetter

    def label(self, group: str, code: str | None) -> str:
        """The display label for a code, or the code made readable if the guide has no label for it."""
        if not code:
            return ""
        labels = self.guide.labels.get(group) or {}
        return labels.get(code) or code.replace("-", " ").replace("_", " ").capitalize()

    # --- The opening page ----------------------------------------------------------------------

    def opening(self) -> list[Flowable]:
        """Results, the action plan and what to do this month: everything needed to start, on one page."""
        ts = self.ts
        flowables: list[Flowable] = [ts.heading("Your results and next steps", PART), self._results_table()]
        overall = self.guide.overall
        note = unscored_note(overall.dont_know, overall.not_applicable)
        stages = stage_ranges(self.guide.stages)
        flowables.append(ts.paragraph(" ".join(part for part in (note, stages) if part), ts.styles.small))
        flowables += self.actions()
        this_month = self.guide.this_month
        if this_month:
            flowables.append(ts.heading("What to do this month", SECTION, in_contents=False))
            flowables += ts.bullets([ts.text(action.first_step or "") for action in this_month])
        return flowables

    def _results_table(self) -> Table:
        ts, styles = self.ts, self.ts.styles
        rows = [[GuideParagraph(ts.text(text), styles.cell_heading) for text in ("Section", "Result", "Stage")]]
        for section in self.guide.sections:
            result = section.result
            rows.append(self._result_row(result.title, result.percent, self._stage(result), styles.cell))
        overall = self.guide.overall
        stage = overall.band_label or self.label("bands", overall.band)
        rows.append(self._result_row("Overall", overall.percent, stage, styles.cell_heading))
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
        result, stage = (NOT_ENOUGH_ANSWERS, "") if percent is None else (f"{percent}%", stage)
        return [GuideParagraph(self.ts.text(text), style) for text in (name, result, stage)]

    def _stage(self, result: SectionResult) -> str:
        return result.band_label or self.label("bands", result.band)

    def actions(self) -> list[Flowable]:
        ts = self.ts
        actions = sorted(self.guide.actions, key=lambda action: action.rank)
        flowables: list[Flowable] = [ts.heading(actions_heading(len(actions)), SECTION, in_contents=False)]
        if not actions:
            return [
                *flowables,
                ts.paragraph("Your answers did not point to any first steps. Keep your good work going."),
            ]
        return [*flowables, *ts.bullets([self._action_markup(action) for action in actions], numbered=True)]

    def _action_markup(self, action: Action) -> str:
        where = action.section_title or self.label("groups", action.group)
        details = [where] if where else []
        details.append(self.label("effort", action.effort))
        detail_markup = self.ts.text(" \u00b7 ".join(details))
        return f'{self.ts.text(action.text)}<br/><font size="10" color="{SECONDARY_HEX}">{detail_markup}</font>'

    # --- A chapter per section -----------------------------------------------------------------

    def section(self, section: GuideSection) -> list[Flowable]:
        ts, result = self.ts, section.result
        flowables: list[Flowable] = [
            ts.heading(result.title, SECTION),
            ts.paragraph(f"Your result: {self._result_text(result)}. {_scored_text(result)}", ts.styles.small),
        ]
        if not section.snippets:
            flowables.append(ts.paragraph("There is no extra guidance for this section based on your answers."))
        for snippet in section.snippets:
            if not snippet.brief:
                flowables += self.snippet(snippet, ITEM)
        brief = [snippet for snippet in section.snippets if snippet.brief]
        if brief:
            flowables.append(ts.heading(MORE_STEPS, ITEM, in_contents=False))
            flowables += ts.bullets([ts.text(snippet.action or snippet.title) for snippet in brief])
        return flowables

    def _result_text(self, result: SectionResult) -> str:
        if result.percent is None:
            return NOT_ENOUGH_ANSWERS.lower()
        stage = self._stage(result)
        return f"{result.percent}% ({stage})" if stage else f"{result.percent}%"

    def snippet(self, snippet: Snippet, level: int, *, in_contents: bool = False) -> list[Flowable]:
        ts = self.ts
        flowables: list[Flowable] = [
            ts.heading(snippet.title, level, in_contents=in_contents),
            *ts.markdown(snippet.body_markdown, outline_level=level),
        ]
        titles = [fact.title for fact in self.guide.facts if fact.id in snippet.facts]
        if titles:
            flowables.append(ts.paragraph(f"See key facts: {'; '.join(titles)}.", ts.styles.small))
        return flowables

    # --- Groups and help -----------------------------------------------------------------------

    def groups(self) -> list[Flowable]:
        ts = self.ts
        flowables: list[Flowable] = [ts.heading("The groups you work with", PART)]
        if self.guide.profile.other_groups:
            flowables.append(ts.paragraph(f"Other groups you named: {self.guide.profile.other_groups}."))
        for snippet in self.guide.group_modules:
            flowables += [*self.snippet(snippet, SECTION), self._sources_line(snippet.sources)]
        return flowables

    def help(self) -> list[Flowable]:
        """Key facts (each once, with its sources), then local and national help."""
        ts = self.ts
        flowables: list[Flowable] = [ts.heading("Help, key facts and sources", PART)]
        if self.guide.facts:
            flowables.append(ts.heading("Key facts", SECTION, in_contents=False))
            for fact in self.guide.facts:
                flowables += [
                    ts.heading(fact.title, ITEM, in_contents=False),
                    *ts.markdown(fact.body_markdown, outline_level=ITEM),
                ]
                flowables.append(self._sources_line(fact.sources))
        local = [entry for entry in self.guide.help if entry.local]
        national = [entry for entry in self.guide.help if not entry.local]
        if local:
            area = self.label("areas", self.guide.profile.area) or "your area"
            heading = ts.heading(f"Local help in {area}", SECTION, in_contents=False)
            flowables += [heading, *ts.bullets([self._entry(e) for e in local])]
        if national:
            heading = ts.heading("National help", SECTION, in_contents=False)
            flowables += [heading, *ts.bullets([self._entry(e) for e in national])]
        # Guides stored before help entries existed carry their signposts as snippets.
        for snippet in self.guide.signposts:
            flowables += [*self.snippet(snippet, SECTION), self._sources_line(snippet.sources)]
        return flowables

    def _entry(self, entry: HelpEntry) -> str:
        href = safe_href(entry.url) if entry.url else None
        title = self.ts.link(entry.title, href) if href else f"<b>{self.ts.text(entry.title)}</b>"
        publisher = "" if entry.publisher == entry.title else f" ({self.ts.text(entry.publisher)})"
        return f"{title}{publisher}: {self.ts.text(entry.what)}"

    def _sources_line(self, sources: tuple[Source, ...]) -> Flowable:
        """'Sources: nhs.uk; gov.uk.' Each links to the page; the web guide gives the full titles."""
        links = []
        for source in sources:
            href = safe_href(source.url)
            host = (urlsplit(href).hostname or "").removeprefix("www.") if href else ""
            links.append(self.ts.link(host, href) if href and host else self.ts.text(source.title))
        label = "Source" if len(links) == 1 else "Sources"
        return self.ts.para(f"{label}: {'; '.join(links)}.", self.ts.styles.small)


def _scored_text(result: SectionResult) -> str:
    return scored_note(
        result.scored,
        result.questions,
        dont_know=result.dont_know,
        not_applicable=result.not_applicable,
        first_audit=result.not_scored_first_audit,
    )
