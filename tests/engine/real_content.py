"""Access to the real content in /work/main/content for the tests that check it.

Content writers add files over time, so tests that need sections skip (with a reason) until the
section files exist, instead of failing on an empty folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from inclusion_audit.engine import Content, Guide, load_content

CONTENT_ROOT = Path(__file__).resolve().parents[2] / "content"
EXAMPLES = CONTENT_ROOT / "examples"


def has_sections() -> bool:
    return any((CONTENT_ROOT / "sections").glob("*.yml"))


@cache
def real_content() -> Content:
    return load_content(CONTENT_ROOT)


def require_real_content() -> Content:
    if not has_sections():
        pytest.skip("content/sections/ has no section files yet")
    return real_content()


def guide_snippet_ids(guide: Guide) -> set[str]:
    """Every snippet shown anywhere in a guide."""
    ids = {snippet.id for section in guide.sections for snippet in section.snippets}
    return ids | {s.id for s in guide.group_modules} | {s.id for s in guide.signposts}
