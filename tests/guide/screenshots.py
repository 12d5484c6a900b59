"""`python -m tests.guide.screenshots`: pictures of the guide documents for docs/screenshots/.

- guide-pdf-mixed-script-cover.png: the PDF's cover for an organisation whose name mixes scripts (pdftoppm).
- guide-pdf-mixed-script-page.png: the opening page of that PDF (results and next steps), with its running header.
- guide-word-outline.png: the Word version's outline, as Word's navigation pane lists it: every paragraph in a
  Heading style, indented by level, read back from the .docx with python-docx and drawn by headless Chromium.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import io
import subprocess
import tempfile
from pathlib import Path

from docx import Document

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.engine import build_guide, load_content
from inclusion_audit.engine.answers_file import load_answers_file
from inclusion_audit.guide.pdf import render_guide_pdf
from inclusion_audit.guide.word import render_guide_docx

OUT = PROJECT_ROOT / "docs" / "screenshots"
DAY = datetime.date(2026, 11, 24)
MIXED_NAME = "Market Street Drop-in · سوق الشارع · 市场街 · बाज़ार केंद्र · Ελπίδα · 🏳️\u200d🌈"
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    content = load_content(PROJECT_ROOT / "content")
    profile, answers = load_answers_file(content, PROJECT_ROOT / "content" / "examples" / "starting-out.yml")
    guide = build_guide(content, dataclasses.replace(profile, name=MIXED_NAME), answers)
    pdf = render_guide_pdf(guide, generated_on=DAY)
    for page, name in ((1, "guide-pdf-mixed-script-cover"), (2, "guide-pdf-mixed-script-page")):
        _pdf_page(pdf, page, OUT / f"{name}.png")
    docx = render_guide_docx(guide, generated_on=DAY)
    _word_outline(docx, OUT / "guide-word-outline.png")


def _pdf_page(pdf: bytes, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    command = ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "80", "-png", "-singlefile", "-", str(stem)]
    subprocess.run(command, input=pdf, check=True)
    print(f"wrote {target}")


def _word_outline(docx: bytes, target: Path) -> None:
    document = Document(io.BytesIO(docx))
    items = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Title" or style.startswith("Heading "):
            level = 0 if style == "Title" else int(style.split()[-1])
            items.append(
                f'<li style="margin-left:{level * 1.2}em"><span class="style">{html.escape(style)}</span> '
                f"{html.escape(paragraph.text)}</li>"
            )
    properties = document.core_properties
    page = f"""<!doctype html><html lang="en-GB"><meta charset="utf-8"><style>
        body {{ font: 14px/1.45 sans-serif; margin: 16px; color: #0b0c0c; width: 760px; }}
        h1 {{ font-size: 18px; margin: 0 0 4px; }} p {{ margin: 0 0 12px; color: #505a5f; }}
        ul {{ list-style: none; padding: 0; margin: 0; }} li {{ padding: 1px 0; }}
        .style {{ display: inline-block; width: 6.5em; font-size: 11px; color: #505a5f; }}
        </style><h1>Outline of the Word guide (headings, as in Word's navigation pane)</h1>
        <p>Document properties: author {html.escape(properties.author)}, created {properties.created:%d %B %Y},
        language {html.escape(properties.language)}; the title property names the organisation.</p>
        <ul>{"".join(items)}</ul></html>"""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "outline.html"
        source.write_text(page, encoding="utf-8")
        height = 140 + 23 * len(items)
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   f"--window-size=800,{height}", f"--screenshot={target}", source.as_uri()]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
