"""Coordinator tables at 1280 pixels show every cell whole, and on a phone the page never scrolls sideways:
only a table does, inside its own labelled region that a keyboard can reach."""

from __future__ import annotations

import pytest

from .actions import sign_in
from .support import DEMO_COORDINATOR, DEMO_PASSWORD

pytestmark = pytest.mark.browser

# Every table of figures, with and without filters, the list of sharing organisations, the pipeline and one
# organisation's page.
PATHS = (
    "/coordinator/",
    "/coordinator/?area=all",
    "/coordinator/?period=12m",
    "/coordinator/organisations",
    "/coordinator/pipeline",
)

CLIPPED = """() => {
  const problems = [];
  document.querySelectorAll('main table').forEach((table) => {
    const region = table.closest('.app-table-scroll');
    if (region && region.scrollWidth > region.clientWidth) {
      problems.push(`table "${table.caption.innerText}" is ${region.scrollWidth}px in a ${region.clientWidth}px space`);
    }
    table.querySelectorAll('th, td').forEach((cell) => {
      const style = getComputedStyle(cell);
      if (cell.scrollWidth > cell.clientWidth || style.textOverflow === 'ellipsis') {
        problems.push(`cell "${cell.innerText.trim()}" is cut off (${cell.scrollWidth}px in ${cell.clientWidth}px)`);
      }
    });
  });
  return problems;
}"""

SIDEWAYS = """() => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  }
  document.querySelectorAll('main *').forEach((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) return;
    const region = element.closest('.app-table-scroll');
    if (!region) problems.push(`${element.tagName} "${element.innerText.slice(0, 40)}" sticks out of the screen`);
  });
  document.querySelectorAll('.app-table-scroll').forEach((region) => {
    const label = document.getElementById(region.getAttribute('aria-labelledby'));
    const box = label && label.getBoundingClientRect();
    if (region.getAttribute('role') !== 'region' || !label || !label.innerText.trim()) {
      problems.push('a scrolling region has no name');
    } else if (box.width === 0 || box.left < 0 || box.right > width) {
      problems.push(`the name "${label.innerText}" of a scrolling region is not in view`);
    }
    if (region.tabIndex !== 0) problems.push(`"${label && label.innerText}" cannot be reached with the keyboard`);
  });
  return problems;
}"""


def organisation_path(page) -> str:
    page.goto("/coordinator/organisations")
    return page.locator("table tbody th a").first.get_attribute("href")


def test_no_table_cell_is_cut_off_at_1280_pixels(new_context):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, DEMO_COORDINATOR, DEMO_PASSWORD)
    for path in (*PATHS, organisation_path(page)):
        page.goto(path)
        assert page.locator("main table").count() > 0, path
        assert page.evaluate(CLIPPED) == [], path


def test_on_a_phone_only_named_table_regions_scroll_sideways(new_context):
    page = new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True).new_page()
    sign_in(page, DEMO_COORDINATOR, DEMO_PASSWORD)
    for path in (*PATHS, organisation_path(page)):
        page.goto(path)
        assert page.evaluate(SIDEWAYS) == [], path
    # A keyboard user reaches a wide table's region and scrolls it with the arrow keys.
    page.goto("/coordinator/")
    region = page.locator(".app-table-scroll", has=page.locator("#spread-table-caption"))
    assert page.evaluate("r => r.scrollWidth > r.clientWidth", region.element_handle())
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())
