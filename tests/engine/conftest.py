"""Fixtures for engine tests; the fixture content itself is described in content_builder.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusion_audit.engine import Content

from .content_builder import ContentBuilder


@pytest.fixture
def builder(tmp_path: Path) -> ContentBuilder:
    return ContentBuilder(tmp_path / "content")


@pytest.fixture
def content(builder: ContentBuilder) -> Content:
    return builder.load()
