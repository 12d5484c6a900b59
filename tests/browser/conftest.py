"""Fixtures for the real-browser tests: one app server and one Chromium for the whole session.

Without Chromium (or Playwright, axe-core or the built assets) the tests are skipped with the reason;
with REQUIRE_BROWSER=1 (set by .ci/run) they fail instead.
"""

from __future__ import annotations

import itertools

import pytest

from . import support
from .support import DESKTOP, LiveServer, NuChecker, browser_required, launch_chromium, missing_prerequisites

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def browser_prerequisites() -> None:
    problems = missing_prerequisites()
    if problems:
        reason = "browser tests need: " + "; ".join(problems)
        if browser_required():
            pytest.fail(f"REQUIRE_BROWSER is set but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def html_checker(browser_prerequisites):
    """The Nu HTML checker for every page `assert_accessible` looks at."""
    support.nu_checker = NuChecker()
    yield support.nu_checker
    support.nu_checker.stop()
    support.nu_checker = None


@pytest.fixture(scope="session")
def live_server(browser_prerequisites, tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("browser") / "browser.db")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(browser_prerequisites):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, live_server):
    """Makes browser contexts (fresh cookies each) pointed at the live server; all closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=live_server.base_url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def axe_page(new_context):
    """A desktop page whose context may inject axe-core despite the app's CSP."""
    return new_context(bypass_csp=True).new_page()


@pytest.fixture
def unique():
    """A unique suffix for emails and organisation names, since all tests share one database."""
    return lambda: f"{next(_numbers)}"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            # The live server's threads can drop a static file's handle when the browser cancels a request
            # (for example the favicon); that is the browser's doing, not a leak in the app under test.
            item.add_marker(pytest.mark.filterwarnings("ignore::ResourceWarning"))
            # Under pytest-xdist (`--dist loadgroup`, as `make test` runs) all browser tests go to one
            # worker, so one live server and one Chromium serve them rather than one per worker.
            item.add_marker(pytest.mark.xdist_group("browser"))
