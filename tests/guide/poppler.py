"""Reading PDFs the way a person's tools do: poppler's pdftotext (copy and search) and pdftoppm (what is seen).

Poppler is a Debian package (poppler-utils). Tests that need it skip with the reason when it is missing, except
where REQUIRE_POPPLER is set (CI), where a missing poppler is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def require_poppler() -> None:
    if shutil.which("pdftotext") and shutil.which("pdftoppm"):
        return
    message = "poppler-utils (pdftotext, pdftoppm) is not installed: apt-get install poppler-utils"
    if os.environ.get("REQUIRE_POPPLER"):
        pytest.fail(message)
    pytest.skip(message)


def pdftotext(pdf: bytes, *, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    """The text poppler extracts from pages `first` to `last` (1-based, inclusive; all pages by default)."""
    require_poppler()
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    command = ["pdftotext", *pages, *(["-layout"] if layout else []), "-enc", "UTF-8", "-", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode("utf-8")


def page_image(pdf: bytes, page: int, *, dpi: int = 72) -> tuple[int, int, bytes]:
    """Page `page` rendered by pdftoppm: (width, height, pixels), one byte per pixel (0 black, 255 white)."""
    require_poppler()
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        command = ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-singlefile", "-gray", "-", stem]
        subprocess.run([str(part) for part in command], input=pdf, capture_output=True, check=True)
        return _read_pgm((stem.with_suffix(".pgm")).read_bytes())


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    # Binary PGM: "P5", width, height, maximum value, each separated by whitespace, then the pixels.
    fields = data.split(maxsplit=4)
    if fields[0] != b"P5":
        raise ValueError("not a binary PGM image")
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][: width * height]
