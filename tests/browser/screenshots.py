"""Screenshots of the main pages, at desktop and phone widths, for the README and reviews.

Run with `make screenshots` (or `python -m tests.browser.screenshots [OUTPUT_DIR]`). It starts the app with
demo data on a free loopback port, drives Chromium through the pages and writes compressed PNGs to
docs/screenshots/. Long pages are cut off at MAX_HEIGHT CSS pixels.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.demo import DEMO_ADMIN, DEMO_AREA_COORDINATOR

from .actions import answer, click_and_wait, complete_section, question_names, sign_in
from .support import DEMO_COORDINATOR, DEMO_PASSWORD, DESKTOP, MOBILE, LiveServer, launch_chromium

OUTPUT = PROJECT_ROOT / "docs" / "screenshots"
MAX_HEIGHT = 2400
SIZES = {"desktop": DESKTOP, "mobile": MOBILE}


def compress(png: bytes) -> bytes:
    """Down to a 256-colour palette: the pages are flat colours, so they stay sharp at a fraction of the size."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def capture(page, path: Path) -> None:
    height = min(page.evaluate("() => document.documentElement.scrollHeight"), MAX_HEIGHT)
    width = page.viewport_size["width"]
    png = page.screenshot(
        full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height}, animations="disabled"
    )
    path.write_bytes(compress(png))


def prepare(server: LiveServer) -> dict[str, str]:
    """Accounts in the states the pictures need; returns their emails."""
    server.add_member("screens-new@example.org", "Riverside Community Kitchen")
    server.add_member("screens-ready@example.org", "Riverside Community Kitchen", audit="answered")
    audit_id = server.add_member("screens-done@example.org", "Riverside Community Kitchen", audit="resubmitted")
    _plan_under_way(server, audit_id)
    return {"audit": str(audit_id)}


def _plan_under_way(server: LiveServer, audit_id: int) -> None:
    """The submitted audit's action plan, a few weeks in: owners, dates, one done, one overdue, one of their own."""
    from datetime import timedelta

    from sqlalchemy import select

    from inclusion_audit import queries
    from inclusion_audit.content_store import get_content
    from inclusion_audit.extensions import db
    from inclusion_audit.models import ActionStatus, Audit, User, utcnow

    with server.app.app_context():
        audit = db.session.get(Audit, audit_id)
        audit.submitted_at -= timedelta(days=40)  # a plan some weeks old
        db.session.commit()
        user = db.session.scalar(select(User).where(User.email == "screens-done@example.org"))
        actions = queries.ensure_plan(audit, get_content())
        today = utcnow().date()
        plans = [
            (user, None, today - timedelta(days=20), "done", ""),
            (None, "Volunteer coordinator", today + timedelta(days=5), "in_progress", "Two sessions booked."),
            (user, None, today - timedelta(days=3), "in_progress", ""),
            (None, "Trustee lead", today + timedelta(days=60), "not_started", ""),
        ]
        for action, (owner, name, due, status, note) in zip(actions, plans, strict=False):
            queries.update_action(
                action,
                user,
                owner=owner,
                owner_name=name,
                due_on=due,
                status=ActionStatus(status),
                dropped_reason=None,
                note=note,
            )
        queries.add_own_action(audit, "Ask the night shelter to join our steering group", None, user)
        # A colleague who joined, and an invitation still waiting, for the team page.
        colleague = User(email="screens-colleague@example.org", password_hash=user.password_hash, role="member")
        colleague.organisation = user.organisation
        db.session.add(colleague)
        db.session.commit()
        queries.record_team_event(user.organisation, colleague, colleague.email, queries.TeamAction.JOINED)
        queries.create_invitation(user.organisation, "screens-invited@example.org", user)
        queries.record_team_event(user.organisation, user, "screens-invited@example.org", queries.TeamAction.INVITED)


def shots(state: dict[str, str]) -> list[tuple[str, str | None, Callable]]:
    """(file name, who signs in, how to get to the page): each page starts from a fresh sign-in."""

    def go(path: str) -> Callable:
        return lambda page: page.goto(path)

    def task_list_in_progress(page) -> None:
        page.goto("/audit/section/commitment")
        complete_section(page)
        names = question_names(page)
        answer(page, names[:3])
        click_and_wait(page, page.get_by_role("button", name="Save and come back later"))

    def section_with_errors(page) -> None:
        page.goto("/audit/section/access")
        click_and_wait(page, page.get_by_role("button", name="Save and continue"))

    def change_first_action(page) -> None:
        page.goto("/audit/plan")
        click_and_wait(page, page.locator(".govuk-summary-card").nth(1).get_by_role("link", name=re.compile("^Change")))

    audit = state["audit"]
    return [
        ("01-start", None, go("/")),
        ("02-create-account", None, go("/account/create")),
        ("03-task-list", "screens-new@example.org", task_list_in_progress),
        ("04-question-page", "screens-new@example.org", go("/audit/section/access")),
        ("05-question-page-errors", "screens-new@example.org", section_with_errors),
        ("06-check-answers", "screens-ready@example.org", go("/audit/check")),
        ("07-results", "screens-done@example.org", go(f"/audits/{audit}/results")),
        ("08-guide", "screens-done@example.org", go(f"/audits/{audit}/guide")),
        ("09-coordinator-dashboard", DEMO_COORDINATOR, go("/coordinator/")),
        ("10-action-plan", "screens-done@example.org", go("/audit/plan")),
        ("11-change-an-action", "screens-done@example.org", change_first_action),
        ("12-team", "screens-done@example.org", go("/audit/team")),
        ("13-account", "screens-done@example.org", go("/account")),
    ]


def certificate_png(browser, server: LiveServer, output: Path) -> None:
    """The certificate of completion as a PNG, through pdftoppm (poppler-utils), when it is installed."""
    if shutil.which("pdftoppm") is None:
        print("Skipping the certificate picture: pdftoppm is not installed (apt-get install poppler-utils)")
        return
    context = browser.new_context(base_url=server.base_url)
    page = context.new_page()
    sign_in(page, "screens-done@example.org")
    pdf = page.request.get(server.url("/audit/plan/certificate.pdf")).body()
    context.close()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "certificate.pdf"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603  (a fixed program on a file we wrote)
            ["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(Path(tmp) / "certificate")], check=True
        )
        path = output / "certificate.png"
        path.write_bytes(compress((Path(tmp) / "certificate.png").read_bytes()))
    print(path)


def reaudit_pngs(browser, server: LiveServer, output: Path) -> None:
    """A re-audit's task list straight after it starts, and after the first part's answers are confirmed."""
    server.add_member("screens-reaudit@example.org", "Riverside Community Kitchen", audit="submitted")
    context = browser.new_context(base_url=server.base_url, viewport=DESKTOP)
    page = context.new_page()
    sign_in(page, "screens-reaudit@example.org")
    page.goto("/audit/")
    click_and_wait(page, page.get_by_role("button", name="Start a new audit"))
    capture(page, output / "reaudit-task-list-before.png")
    page.goto("/audit/section/commitment")
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
    page.goto("/audit/")
    capture(page, output / "reaudit-task-list-after.png")
    context.close()
    print(output / "reaudit-task-list-before.png")
    print(output / "reaudit-task-list-after.png")


def admin_pngs(browser, server: LiveServer, output: Path) -> None:
    """The admin pages at desktop width, as the demo admin (of the whole service) sees them."""
    context = browser.new_context(base_url=server.base_url, viewport=DESKTOP)
    page = context.new_page()
    sign_in(page, DEMO_ADMIN, DEMO_PASSWORD)
    for name, path in (("admin-people", "/admin/"), ("admin-invite", "/admin/invite")):
        page.goto(path)
        capture(page, output / f"{name}.png")
    page.goto("/admin/systems")
    capture(page, output / "admin-systems-and-areas.png")
    context.close()


def local_help_pngs(browser, server: LiveServer, output: Path) -> None:
    """The local help pages at desktop width, as the demo West coordinator sees them, with the content packs'
    entries imported as `make demo` does."""
    from inclusion_audit import queries
    from inclusion_audit.content_store import get_content

    with server.app.app_context():
        queries.import_local_packs(get_content())
    context = browser.new_context(base_url=server.base_url, viewport=DESKTOP)
    page = context.new_page()
    sign_in(page, DEMO_AREA_COORDINATOR, DEMO_PASSWORD)
    page.goto("/coordinator/local-help/")
    capture(page, output / "local-help-list.png")
    page.goto("/coordinator/local-help/add")
    capture(page, output / "local-help-add.png")
    page.goto("/coordinator/local-help/")
    click_and_wait(page, page.locator("a", has_text="Preview").first)
    capture(page, output / "local-help-preview.png")
    context.close()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from .support import missing_prerequisites

    problems = missing_prerequisites()
    if problems:
        print("Cannot take screenshots: " + "; ".join(problems), file=sys.stderr)
        return 1
    output = Path(argv[0]) if argv else OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        server = LiveServer(Path(tmp) / "screenshots.db")
        browser = launch_chromium(playwright)
        try:
            state = prepare(server)
            certificate_png(browser, server, output)
            reaudit_pngs(browser, server, output)
            admin_pngs(browser, server, output)
            local_help_pngs(browser, server, output)
            for size, viewport in SIZES.items():
                for name, who, reach in shots(state):
                    context = browser.new_context(base_url=server.base_url, viewport=viewport)
                    page = context.new_page()
                    if who == DEMO_COORDINATOR:
                        sign_in(page, who, DEMO_PASSWORD)
                    elif who:
                        sign_in(page, who)
                    reach(page)
                    page.wait_for_load_state("networkidle")
                    path = output / f"{size}-{name}.png"
                    capture(page, path)
                    context.close()
                    print(f"{path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path}")
        finally:
            browser.close()
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
