"""The content parts of the PDF guide: results summary, top actions, section guidance, modules, signposts.

Labels come from `guide.labels` (stored with the guide), read with `.get` and a readable fallback so a
guide stored by an older version of the engine still renders.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from ..engine.model import Action, Guide, GuideSection, SectionResult, Snippet
from .markdown import safe_href
from .pdf_layout import CONTENT_WIDTH, table_style
from .pdf_styles import BORDER, LIGHT_GREY, SECONDARY_COLOUR, TEXT
from .pdf_text import ITEM, PART, SECTION, Typesetter

NOT_ENOUGH_ANSWERS = "Not enough answers"
TOP_ACTIONS = 5


def top_actions_title(count: int) -> str:
    """ "Your top 3 actions": the number shown, which is fewer than five when the answers point to fewer."""
    if count == 0:
        return "Your top actions"
    return "Your top action" if count == 1 else f"Your top {count} actions"


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

    # --- Results ------------------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        ts, overall = self.ts, self.guide.overall
        flowables: list[Flowable] = [
            ts.heading("Your results at a glance", PART),
            ts.paragraph(
                "Your percentage for each section of the self-audit, and the band it falls in.", ts.styles.lead
            ),
            self._results_table(),
        ]
        if overall.dont_know:
            flowables.append(
                ts.paragraph(
                    f"You answered \u201cNot sure\u201d to {_count(overall.dont_know, 'question')}. "
                    "Those answers are left out of the percentages, and the guide suggests ways to find out.",
                    ts.styles.body,
                )
            )
        flowables += [ts.heading("What the bands mean", SECTION, in_contents=False), *self._band_explanation()]
        return flowables

    def _results_table(self) -> Table:
        ts, styles = self.ts, self.ts.styles
        rows = [[Paragraph(ts.text(text), styles.cell_heading) for text in ("Section", "Result", "Band")]]
        for section in self.guide.sections:
            result = section.result
            rows.append(self._result_row(result.title, result.percent, self._band(result), styles.cell))
        overall = self.guide.overall
        band = overall.band_label or self.label("bands", overall.band)
        rows.append(self._result_row("Overall", overall.percent, band, styles.cell_heading))
        table = Table(rows, colWidths=[CONTENT_WIDTH * 0.56, CONTENT_WIDTH * 0.22, CONTENT_WIDTH * 0.22], repeatRows=1)
        table.setStyle(
            table_style(
                styles,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER),
                ("LINEABOVE", (0, -1), (-1, -1), 1.5, TEXT),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            )
        )
        table.spaceAfter = 12
        return table

    def _result_row(self, name: str, percent: int | None, band: str, style: object) -> list[Paragraph]:
        if percent is None:
            result, band = NOT_ENOUGH_ANSWERS, ""
        else:
            result = f"{percent}%"
        return [Paragraph(self.ts.text(text), style) for text in (name, result, band)]

    def _band(self, result: SectionResult) -> str:
        return result.band_label or self.label("bands", result.band)

    def _band_explanation(self) -> list[Flowable]:
        ts = self.ts
        labels = self.guide.labels.get("bands") or {}
        meanings = self.guide.labels.get("band_meanings") or {}
        intro = ts.paragraph(
            "Bands describe where you are on the journey, not a mark. Every organisation starts somewhere, "
            f"and each band comes with suggestions. A section shows \u201c{NOT_ENOUGH_ANSWERS}\u201d when none of "
            "its answers could be counted, for example because every answer was \u201cNot sure\u201d.",
            ts.styles.body,
        )
        items = [f"<b>{ts.text(label)}</b>: {ts.text(meanings.get(code, ''))}" for code, label in labels.items()]
        return [intro, *ts.bullets(items)]

    # --- Actions ------------------------------------------------------------------------------

    def top_actions(self) -> list[Action]:
        return sorted(self.guide.actions, key=lambda action: action.rank)[:TOP_ACTIONS]

    def actions(self) -> list[Flowable]:
        ts = self.ts
        actions = self.top_actions()
        flowables: list[Flowable] = [
            ts.heading(top_actions_title(len(actions)), PART),
            ts.paragraph("The steps likely to make the most difference first, based on your answers.", ts.styles.lead),
        ]
        if not actions:
            return [*flowables, ts.paragraph("Your answers did not point to any particular actions.")]
        return [*flowables, *ts.bullets([self._action_markup(action) for action in actions], numbered=True)]

    def _action_markup(self, action: Action) -> str:
        details = [f"Section: {action.section_title}"] if action.section_title else []
        details.append(f"Effort: {self.label('effort', action.effort)}")
        detail_markup = self.ts.text(" \u00b7 ".join(details))
        return f'{self.ts.text(action.text)}<br/><font size="10" color="{SECONDARY_COLOUR}">{detail_markup}</font>'

    # --- Guidance -----------------------------------------------------------------------------

    def section(self, section: GuideSection) -> list[Flowable]:
        ts, result = self.ts, section.result
        flowables: list[Flowable] = [
            ts.heading(result.title, SECTION),
            ts.paragraph(f"Your result: {self._result_text(result)}", ts.styles.lead),
            ts.paragraph(_answered_text(result), ts.styles.small),
            *ts.markdown(section.intro, outline_level=SECTION),
        ]
        if not section.snippets:
            flowables.append(ts.paragraph("There is no extra guidance for this section based on your answers."))
        for snippet in section.snippets:
            flowables += self.snippet(snippet, ITEM)
        return flowables

    def _result_text(self, result: SectionResult) -> str:
        if result.percent is None:
            return NOT_ENOUGH_ANSWERS
        band = self._band(result)
        return f"{result.percent}% ({band})" if band else f"{result.percent}%"

    def snippet(self, snippet: Snippet, level: int, *, in_contents: bool = False) -> list[Flowable]:
        ts = self.ts
        details = [self.label("kinds", snippet.kind), self.label("effort", snippet.effort)]
        if snippet.group:
            details.insert(0, self.label("groups", snippet.group))
        body = ts.markdown(snippet.body_markdown, outline_level=level)
        sources = self._sources(snippet)
        if sources and body:
            # The list of sources never starts a page on its own: it moves with the paragraph before it.
            sources, body = [KeepTogether([body[-1], *sources])], body[:-1]
        return [
            ts.heading(snippet.title, level, in_contents=in_contents),
            ts.paragraph(" \u00b7 ".join(detail for detail in details if detail), ts.styles.small_kept),
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
            host = urlsplit(href).hostname if href else None
            # The web address's host helps someone reading a printed copy find the page.
            items.append(f"{title} ({self.ts.text(host)})" if host else title)
        return [self.ts.para("<b>Sources</b>", self.ts.styles.small_kept), *self.ts.bullets(items)]

    def group_modules(self) -> list[Flowable]:
        return self._snippet_part(
            "Guidance for the groups you work with",
            self.guide.group_modules,
            intro="Extra guidance for the groups you told us you work with, or want to reach.",
            empty="There is no extra guidance for particular groups in this guide.",
        )

    def signposts(self) -> list[Flowable]:
        return self._snippet_part(
            "Where to find help",
            self.guide.signposts,
            intro="Organisations and resources that can help you, and the people you support.",
            empty="There are no signposts in this guide.",
        )

    def _snippet_part(self, title: str, snippets: tuple[Snippet, ...], *, intro: str, empty: str) -> list[Flowable]:
        flowables: list[Flowable] = [self.ts.heading(title, PART), self.ts.paragraph(intro if snippets else empty)]
        for snippet in snippets:
            flowables += self.snippet(snippet, SECTION, in_contents=True)
        return flowables


def _answered_text(result: SectionResult) -> str:
    text = f"You answered {result.answered} of {_count(result.questions, 'question')}"
    extras = []
    if result.dont_know:
        extras.append(f"not sure about {result.dont_know}")
    if result.not_applicable:
        extras.append(f"{result.not_applicable} did not apply")
    return f"{text} ({', '.join(extras)})." if extras else f"{text}."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
