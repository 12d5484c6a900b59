"""The tailored guide as a Word document (python-docx), for organisations to edit and reuse in funding bids.

The same content and words as the PDF (see `wording`), built for editing and for assistive technology: real
heading styles (Word's navigation pane and screen readers see the structure), the results as a table with a
header row, links as links, lists as lists, the document's language set to British English, and the
organisation's name and the date in the document's properties.
"""

from __future__ import annotations

import datetime
import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..dates import format_date
from ..engine.model import Guide, Snippet
from . import markdown as md
from . import wording as say

LANGUAGE = "en-GB"
LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)
SECONDARY_COLOUR = RGBColor(0x50, 0x5A, 0x5F)
PART, SECTION, ITEM = 1, 2, 3  # heading levels


def render_guide_docx(guide: Guide, *, generated_on: datetime.date, title: str = say.DEFAULT_TITLE) -> bytes:
    """Render `guide` as a .docx document and return its bytes."""
    writer = _Writer(guide, Document())
    writer.properties(title, generated_on)
    writer.cover(title, generated_on)
    writer.results()
    writer.actions()
    writer.guidance()
    writer.snippet_part(say.GROUPS_TITLE, guide.group_modules, say.GROUPS_INTRO, say.NO_GROUPS)
    writer.snippet_part(say.HELP_TITLE, guide.signposts, say.HELP_INTRO, say.NO_HELP)
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
        doc.add_paragraph(say.where_to_start(len(say.top_actions(self.guide))))

    def results(self) -> None:
        guide = self.guide
        self.doc.add_heading(say.RESULTS_TITLE, PART)
        self.doc.add_paragraph(say.RESULTS_LEAD)
        rows = [
            (section.result.title, *say.result_cells(section.result.percent, say.stage(guide, section.result)))
            for section in guide.sections
        ]
        rows.append((say.OVERALL, *say.result_cells(guide.overall.percent, say.overall_stage(guide))))
        table = self.doc.add_table(rows=1, cols=len(say.RESULTS_COLUMNS))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, say.RESULTS_COLUMNS, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        # Marked as the header row: repeated on each page, and read out as column headers.
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(header)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        for cell in table.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        not_sure = say.not_sure_text(guide)
        if not_sure:
            self.doc.add_paragraph(not_sure)
        self.doc.add_heading(say.STAGES_TITLE, SECTION)
        self.doc.add_paragraph(say.STAGES_INTRO)
        for name, meaning in say.stage_meanings(guide):
            item = self.doc.add_paragraph(style="List Bullet")
            item.add_run(name).bold = True
            item.add_run(f": {meaning}")

    def actions(self) -> None:
        actions = say.top_actions(self.guide)
        self.doc.add_heading(say.top_actions_title(len(actions)), PART)
        self.doc.add_paragraph(say.ACTIONS_LEAD)
        if not actions:
            self.doc.add_paragraph(say.NO_ACTIONS)
        self._numbered_lists += 1
        for action in actions:
            item = self.doc.add_paragraph(action.text, style="List Number")
            item.add_run().add_break()
            self._secondary(item.add_run(say.action_details(self.guide, action)))

    def guidance(self) -> None:
        self.doc.add_heading(say.GUIDANCE_TITLE, PART)
        self.doc.add_paragraph(say.GUIDANCE_INTRO)
        for section in self.guide.sections:
            self.doc.add_heading(section.result.title, SECTION)
            self.doc.add_paragraph(say.result_text(self.guide, section.result))
            self.small(say.answered_text(section.result))
            self.markdown(section.intro, SECTION)
            if not section.snippets:
                self.doc.add_paragraph(say.NO_SECTION_GUIDANCE)
            for snippet in section.snippets:
                self.snippet(snippet, ITEM)

    def snippet_part(self, title: str, snippets: tuple[Snippet, ...], intro: str, empty: str) -> None:
        self.doc.add_heading(title, PART)
        self.doc.add_paragraph(intro if snippets else empty)
        for snippet in snippets:
            self.snippet(snippet, SECTION)

    def snippet(self, snippet: Snippet, level: int) -> None:
        self.doc.add_heading(snippet.title, level)
        self.small(say.snippet_details(self.guide, snippet))
        self.markdown(snippet.body_markdown, level)
        if not snippet.sources:
            return
        self.doc.add_paragraph().add_run(say.SOURCES).bold = True
        for source in snippet.sources:
            item = self.doc.add_paragraph(style="List Bullet")
            href = md.safe_href(source.url)
            if href:
                self.link(item, source.title, href)
                item.add_run(f" ({say.source_host(href)})")
            else:
                item.add_run(source.title)

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
