"""The tailored guide as a Word document (python-docx), for organisations to edit and reuse in funding bids.

The same content and words as the PDF (see `wording`), built for editing and for assistive technology: real
heading styles (Word's navigation pane and screen readers see the structure), the results as a table with a
header row, links as links, lists as lists, the document's language set to British English, and the
organisation's name and the date in the document's properties.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..charts import Palette
from ..dates import format_date
from ..engine.model import Guide, HelpEntry, Snippet, Source
from ..queries.plan import PlanRow
from . import markdown as md
from . import wording as say
from .own_copy import NOBODYS_OWN, OwnCopy

LANGUAGE = "en-GB"
LINK_COLOUR = RGBColor.from_string(Palette.BRAND.removeprefix("#"))
SECONDARY_COLOUR = RGBColor.from_string(Palette.SECONDARY_TEXT.removeprefix("#"))
PART, SECTION, ITEM = 1, 2, 3  # heading levels


def render_guide_docx(
    guide: Guide,
    *,
    generated_on: datetime.date,
    title: str = say.DEFAULT_TITLE,
    own: OwnCopy = NOBODYS_OWN,
) -> bytes:
    """Render `guide` as a .docx document and return its bytes (`own` as for the PDF)."""
    writer = _Writer(guide, Document())
    writer.properties(title, generated_on)
    writer.cover(title, generated_on)
    writer.opening()
    if own.plan:
        writer.plan(own.plan, own.plan_on or generated_on)
    writer.guidance()
    if say.has_groups_part(guide):
        writer.groups()
    writer.help()
    own_notes = say.notes_in_order(guide, own.notes)
    if own_notes:
        writer.notes(own_notes)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, guide: Guide, doc: DocxDocument) -> None:
        self.guide = guide
        self.doc = doc
        self._numbered_lists = 0

    def properties(self, title: str, day: datetime.date) -> None:
        organisation = self.guide.profile.name
        moment = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
        core = self.doc.core_properties
        core.title = say.document_title(title, self.guide)
        core.subject = say.document_subject(self.guide)
        core.author = core.last_modified_by = say.SERVICE_NAME
        core.keywords = "; ".join(say.KEYWORDS)
        core.category = organisation
        core.comments = f"Created on {format_date(day)} from content version {self.guide.content_version}"
        core.created = core.modified = moment
        core.language = LANGUAGE
        core.revision = 1
        # Spelling, hyphenation and screen readers take the language from the text itself, not the properties.
        for style in ("Normal", "Title", "Subtitle", *(f"Heading {level}" for level in range(1, 5))):
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), LANGUAGE)
            self.doc.styles[style].element.get_or_add_rPr().append(language)

    def cover(self, title: str, day: datetime.date) -> None:
        doc = self.doc
        doc.add_paragraph(say.SERVICE_NAME)
        doc.add_heading(title, 0)
        doc.add_paragraph(self.guide.profile.name, style="Subtitle")
        self.small(f"Created on {format_date(day)}")
        self.small(f"Content version {self.guide.content_version}")
        doc.add_paragraph(say.COVER_LEAD)

    def opening(self) -> None:
        guide = self.guide
        self.doc.add_heading(say.OPENING_TITLE, PART)
        rows = [
            (section.result.title, *say.result_cells(section.result.percent, say.stage(guide, section.result)))
            for section in guide.sections
        ]
        rows.append((say.OVERALL, *say.result_cells(guide.overall.percent, say.overall_stage(guide))))
        table = self.table(say.RESULTS_COLUMNS, rows)
        for cell in table.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        self.small(say.opening_note(guide))
        self.actions()
        this_month = [action.first_step for action in guide.this_month if action.first_step]
        if this_month:
            self.doc.add_heading(say.THIS_MONTH_TITLE, SECTION)
            for step in this_month:
                self.doc.add_paragraph(step, style="List Bullet")

    def plan(self, rows: Sequence[PlanRow], day: datetime.date) -> None:
        self.doc.add_heading(say.PLAN_TITLE, PART)
        self.table(say.PLAN_COLUMNS, [say.plan_cells(row) for row in rows])
        self.small(say.plan_as_of(day))

    def table(self, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
        table = self.doc.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, columns, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        # Marked as the header row: repeated on each page, and read out as column headers.
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(header)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        return table

    def actions(self) -> None:
        actions = say.ranked_actions(self.guide)
        self.doc.add_heading(say.actions_heading(len(actions)), SECTION)
        if not actions:
            self.doc.add_paragraph(say.NO_FIRST_STEPS)
        self._numbered_lists += 1
        for action in actions:
            item = self.doc.add_paragraph(action.text, style="List Number")
            item.add_run().add_break()
            self._secondary(item.add_run(say.action_details(self.guide, action)))

    def guidance(self) -> None:
        self.doc.add_heading(say.GUIDANCE_TITLE, PART)
        for section in self.guide.sections:
            self.doc.add_heading(section.result.title, SECTION)
            self.small(say.result_line(self.guide, section.result))
            if not section.snippets:
                self.doc.add_paragraph(say.NO_SECTION_GUIDANCE)
            for snippet in section.snippets:
                if not snippet.brief:
                    self.snippet(snippet, ITEM)
            brief = [snippet for snippet in section.snippets if snippet.brief]
            if brief:
                self.doc.add_heading(say.MORE_STEPS, ITEM)
                for snippet in brief:
                    self.doc.add_paragraph(snippet.action or snippet.title, style="List Bullet")

    def groups(self) -> None:
        self.doc.add_heading(say.GROUPS_TITLE, PART)
        other = say.other_groups_text(self.guide)
        if other:
            self.doc.add_paragraph(other)
        for snippet in self.guide.group_modules:
            self.snippet(snippet, SECTION, sources=True)

    def help(self) -> None:
        self.doc.add_heading(say.HELP_TITLE, PART)
        if self.guide.facts:
            self.doc.add_heading(say.FACTS_TITLE, SECTION)
            for fact in self.guide.facts:
                self.doc.add_heading(fact.title, ITEM)
                self.markdown(fact.body_markdown, ITEM)
                self.sources(fact.sources)
        for heading, entries in say.help_lists(self.guide):
            self.doc.add_heading(heading, SECTION)
            for entry in entries:
                self.help_entry(entry)
        # Guides stored before help entries existed carry their signposts as snippets.
        for snippet in self.guide.signposts:
            self.snippet(snippet, SECTION, sources=True)

    def notes(self, notes: list[tuple[str, str]]) -> None:
        self.doc.add_heading(say.NOTES_TITLE, PART)
        self.doc.add_paragraph(say.NOTES_INTRO)
        for title, text in notes:
            self.doc.add_heading(title, SECTION)
            paragraph = self.doc.add_paragraph()
            for index, line in enumerate(text.splitlines()):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)

    def help_entry(self, entry: HelpEntry) -> None:
        item = self.doc.add_paragraph(style="List Bullet")
        href = md.safe_href(entry.url) if entry.url else None
        if href:
            self.link(item, entry.title, href)
        else:
            item.add_run(entry.title).bold = True
        publisher = say.help_publisher(entry)
        item.add_run(f" ({publisher}): " if publisher else ": ")
        self.runs(item, md.inline_runs(entry.what))
        if entry.contact:
            item.add_run(f" {say.help_contact(entry.contact)}")

    def snippet(self, snippet: Snippet, level: int, *, sources: bool = False) -> None:
        self.doc.add_heading(snippet.title, level)
        self.markdown(snippet.body_markdown, level)
        titles = say.fact_titles(self.guide, snippet)
        if titles:
            self.small(say.facts_line(titles))
        if sources:
            self.sources(snippet.sources)

    def sources(self, sources: tuple[Source, ...]) -> None:
        """'Sources: nhs.uk; gov.uk.' as in the PDF, each a link to its page."""
        if not sources:
            return
        paragraph = self.doc.add_paragraph()
        self._secondary(paragraph.add_run(f"{say.sources_label(len(sources))}: "))
        for index, source in enumerate(sources):
            if index:
                self._secondary(paragraph.add_run("; "))
            href = md.safe_href(source.url)
            host = say.source_host(href)
            if href and host:
                self.link(paragraph, host, href)
            else:
                self._secondary(paragraph.add_run(source.title))
        self._secondary(paragraph.add_run("."))

    # --- Text ---------------------------------------------------------------------------------

    def markdown(self, text: str, level: int) -> None:
        """Markdown under a heading at `level`: its own headings sit one level below, whatever their # count."""
        for block in md.parse(text):
            if isinstance(block, md.Heading):
                self.doc.add_heading(md.plain_text(block.runs), min(level + 1, 9))
            elif isinstance(block, md.Paragraph):
                self.runs(self.doc.add_paragraph(), block.runs)
            else:
                self.list(block, depth=0)

    def list(self, block: md.BulletList | md.OrderedList, depth: int) -> None:
        numbered = isinstance(block, md.OrderedList)
        style = ("List Number" if numbered else "List Bullet") + (f" {min(depth, 2) + 1}" if depth else "")
        first = True
        for item in block.items:
            for inner in item.blocks:
                if isinstance(inner, md.BulletList | md.OrderedList):
                    self.list(inner, depth + 1)
                    continue
                paragraph = self.doc.add_paragraph(style=style)
                if numbered and first:
                    self._restart_numbering(paragraph, block.start)
                first = False
                self.runs(paragraph, inner.runs)

    def runs(self, paragraph: Paragraph, runs: tuple[md.Run, ...]) -> None:
        for run in runs:
            if run.href:
                self.link(paragraph, run.text, run.href, bold=run.strong, italic=run.em)
            else:
                added = paragraph.add_run(run.text)
                added.bold, added.italic = run.strong or None, run.em or None

    def link(self, paragraph: Paragraph, text: str, href: str, *, bold: bool = False, italic: bool = False) -> None:
        """A real hyperlink (python-docx has no call for one: it is a w:hyperlink element around a run)."""
        relation = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), relation)
        run = paragraph.add_run(text)
        run.font.color.rgb = LINK_COLOUR
        run.font.underline = True
        run.bold, run.italic = bold or None, italic or None
        hyperlink.append(run._r)
        paragraph._p.append(hyperlink)

    def small(self, text: str) -> None:
        self._secondary(self.doc.add_paragraph().add_run(text))

    def _secondary(self, run) -> None:  # noqa: ANN001 (a python-docx Run)
        run.font.size = Pt(10)
        run.font.color.rgb = SECONDARY_COLOUR

    def _restart_numbering(self, paragraph: Paragraph, start: int) -> None:
        """Number this list from `start`: Word otherwise carries on from the document's previous numbered list."""
        self._numbered_lists += 1
        if self._numbered_lists == 1 and start == 1:
            return
        numbering = self.doc.part.numbering_part.element
        style_numbering = self.doc.styles[paragraph.style.name].element.pPr.numPr
        abstract = numbering.num_having_numId(style_numbering.numId.val).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num.numId
