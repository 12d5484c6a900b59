"""What the browser tests and the screenshot script share: a live app server, Chromium and axe-core.

Chromium is the Debian package at /usr/bin/chromium (Playwright's own browser download is not used),
so every launch passes `executable_path`. Set CHROMIUM_PATH to use another binary.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from inclusion_audit.config import PROJECT_ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_JS = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The W3C Nu HTML checker, from the npm package vnu-jar; it needs Java.
VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
APP_CSS = PROJECT_ROOT / "static" / "build" / "app.css"
GOVUK_JS = PROJECT_ROOT / "static" / "vendor" / "govuk" / "govuk-frontend.min.js"

# Without the background-networking flags Chromium keeps trying to reach Google and the closed network
# refuses it; --headless and --no-sandbox let it run as root in a container.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DEMO_PASSWORD = "try-the-demo-audit"
DEMO_COORDINATOR = "coordinator@example.org"
PASSWORD = "plain-river-lantern-42"

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

# The GOV.UK focus colour, as getComputedStyle reports it.
FOCUS_YELLOW = "rgb(255, 221, 0)"


def emailed_link(live_server, to: str) -> str:
    """The path of the first link in the last email sent to `to` (tests keep sent mail in memory)."""
    messages = [message for message in live_server.app.extensions.get("outbox", []) if message.to == to]
    assert messages, f"no email to {to}"
    link = re.search(r"https?://\S+", messages[-1].body).group(0)
    assert link.startswith(live_server.base_url), "emailed links use the configured BASE_URL"
    return urlsplit(link).path


def missing_prerequisites() -> list[str]:
    """Why the browser tests cannot run here (empty when they can)."""
    problems = []
    try:
        import playwright  # noqa: F401
    except ImportError:
        problems.append("the playwright package is not installed (pip install -e '.[dev]')")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        problems.append(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    if not AXE_JS.is_file():
        problems.append(f"axe-core is missing at {AXE_JS} (npm ci)")
    if not VNU_JAR.is_file():
        problems.append(f"the Nu HTML checker is missing at {VNU_JAR} (npm ci)")
    if shutil.which("java") is None:
        problems.append("Java, for the Nu HTML checker (apt-get install -y default-jre-headless)")
    if not (APP_CSS.is_file() and GOVUK_JS.is_file()):
        problems.append("the static assets are not built (make assets)")
    return problems


def browser_required() -> bool:
    """CI sets REQUIRE_BROWSER=1 so that a missing browser fails the run instead of skipping."""
    return os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes"}


class LiveServer:
    """The app on 127.0.0.1 (a free port), in a background thread, with a throwaway SQLite database and demo data."""

    def __init__(self, database: Path, **config: Any) -> None:
        from werkzeug.serving import make_server

        from inclusion_audit import create_app
        from inclusion_audit.content_store import get_content
        from inclusion_audit.demo import load_demo_data
        from inclusion_audit.extensions import db

        settings = {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "WTF_CSRF_ENABLED": True,
            "RATELIMIT_ENABLED": False,
        }
        settings.update(config)
        self.app = create_app(settings)
        with self.app.app_context():
            db.create_all()
            load_demo_data(get_content())
        self._server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_port}"
        self.app.config["BASE_URL"] = self.base_url  # emailed links point here, as in production
        self._thread = threading.Thread(target=self._server.serve_forever, name="live-server", daemon=True)
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def add_member(
        self, email: str, organisation: str, *, profile: bool = True, audit: str | None = None
    ) -> int | None:
        """A member and their organisation, made straight in the database (faster than the sign-up pages).

        `audit`: "answered" answers every question; "submitted" also submits; "resubmitted" submits a second audit
        to compare with the first. The (last) submitted audit's id is returned.
        """
        from inclusion_audit import queries
        from inclusion_audit.content_store import get_content
        from inclusion_audit.extensions import db
        from inclusion_audit.models import Organisation, User, utcnow
        from inclusion_audit.passwords import hash_password

        with self.app.app_context():
            org = Organisation(name=organisation)
            if profile:
                org.org_type, org.size_band, org.area = "charity", "under_10", "north_northamptonshire"
                org.groups = ["homelessness", "migrants_refugees"]
                org.profile_completed_at = utcnow()
            user = User(
                email=email, password_hash=hash_password(PASSWORD), role="member", organisation=org, team_role="admin"
            )
            db.session.add_all([org, user])
            db.session.commit()
            if audit is None:
                return None
            content = get_content()
            scale = ["not_started", "early", "partly", "embedded", "partly", "dont_know"]
            for section in content.sections:
                answers = {q.id: scale[i % len(scale)] for i, q in enumerate(section.questions)}
                queries.save_section(org, user, section.id, answers, 0)
            if audit == "answered":
                return None
            current = queries.current_audit(org)
            queries.submit_audit(current, user, content)
            if audit == "resubmitted":
                # A second audit a while later, with every answer one step better, to compare with the first.
                current.submitted_at -= timedelta(days=200)
                db.session.commit()
                current = queries.start_new_audit(org, user, get_content())
                for section in content.sections:
                    answers = {q.id: scale[(i + 1) % len(scale)] for i, q in enumerate(section.questions)}
                    queries.save_section(org, user, section.id, answers, queries.section_revision(current, section.id))
                queries.submit_audit(current, user, content)
            return current.id

    def stop(self) -> None:
        from inclusion_audit.extensions import db

        self._server.shutdown()
        self._thread.join(timeout=10)
        self._server.server_close()
        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class AxeResult:
    label: str
    url: str
    violations: list[dict]

    def report(self) -> str:
        lines = [f"{len(self.violations)} axe violation(s) on {self.label} ({self.url}):"]
        for violation in self.violations:
            lines.append(f"  {violation['id']} [{violation.get('impact')}]: {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    at {node['target']}: {' '.join(node.get('failureSummary', '').split())}")
        return "\n".join(lines)


def run_axe(page, label: str) -> AxeResult:
    """Run axe-core on the page as it is now, with the WCAG 2.0, 2.1 and 2.2 A and AA rules.

    The script is injected inline, which the app's CSP forbids: the page's context needs `bypass_csp=True`.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS)).evaluate("script => script.setAttribute('data-test-only', '')")
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => window.axe.run(document, options)", options)
    return AxeResult(label, page.url, result["violations"])


class NuChecker:
    """The Nu HTML checker as a local web service: started once, then each page is posted to it."""

    def __init__(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/?out=json"
        self._process = subprocess.Popen(  # noqa: S603  (Java from PATH, running the pinned npm jar)
            [
                "java",
                "-Xss8m",
                "-cp",
                str(VNU_JAR),
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "nu.validator.servlet.Main",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 240  # its first answer loads the HTML schemas: tens of seconds on a busy machine
        while time.time() < deadline:
            try:
                self.errors("<!DOCTYPE html><html lang=en><title>x</title></html>")
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("the Nu HTML checker did not start")

    def errors(self, html: str) -> list[str]:
        request = urllib.request.Request(  # noqa: S310  (a loopback address we chose)
            self.url, data=html.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            messages = json.loads(response.read())["messages"]
        return [
            f"line {m.get('lastLine', '?')}: {m['message']}"
            for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"
        ]

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=20)


def page_html(page) -> str:
    """The page as the browser has it now, without the scripts the tests themselves added (axe-core)."""
    return page.evaluate(
        """() => {
            const copy = document.documentElement.cloneNode(true)
            copy.querySelectorAll('[data-test-only]').forEach((element) => element.remove())
            return '<!DOCTYPE html>\\n' + copy.outerHTML
        }"""
    )


# Set for the session by the browser tests' conftest; assert_accessible then checks the HTML too.
nu_checker: NuChecker | None = None


def assert_accessible(page, label: str, checked: list[str] | None = None) -> None:
    """Assert axe and the Nu HTML checker find nothing; `checked` collects the labels of pages that passed."""
    result = run_axe(page, label)
    assert not result.violations, result.report()
    if nu_checker is not None:
        problems = nu_checker.errors(page_html(page))
        assert not problems, f"{len(problems)} HTML error(s) on {label} ({page.url}):\n  " + "\n  ".join(problems)
    if checked is not None:
        checked.append(label)
