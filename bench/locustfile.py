"""Simulated organisations for `bench/load.py`: locust runs this against gunicorn on 127.0.0.1 only.

- `Organisation`: the whole journey. The start page, read for up to 30 s; a new account the first time (ask for
  it, follow the confirmation link from the email, choose a password; a returning organisation signs in and starts
  a new audit), the profile, every question page (GET, then POST with
  the page's CSRF token), check, submit, results and guide, then sign out. People pause 1-3 s between pages.
- `Monitor`: one client asking /healthz twice a second during the journey: the reference latency under the
  same load.
- `Throughput`: no pauses, for throughput: a signed-in question page and /healthz, taking turns.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, constant, constant_throughput, events, task

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.engine import load_content

CONTENT = load_content(Path(PROJECT_ROOT / "content"))
PASSWORD = os.environ.get("BENCH_PASSWORD", "bench-lantern-harbour-42")
READERS = int(os.environ.get("BENCH_READERS", "100"))
READING_SECONDS = 30  # an organisation reads the start page for up to this long before it creates an account
TURN_SECONDS = 5  # bench/load.py counts by the same turns
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
HIDDEN = re.compile(r'<input[^>]*name="(csrf_token|revision|original)"[^>]*value="([^"]*)"')
# Without a mail server the service writes each email to its log (inclusion_audit/email.py): the journey reads
# its confirmation link there, as a person would read it in their inbox.
SERVER_LOG = os.environ.get("BENCH_SERVER_LOG", "")
EMAIL_MARK = "Email not sent (MAIL_SMTP_HOST is not set). To: "
CONFIRM_LINK = re.compile(r"(/account/confirm/[A-Za-z0-9_-]+)\s")
_readers = itertools.count()
_inbox: dict[str, str] = {}  # address -> confirmation link path, read from the log and not yet used
_log_read_to = 0
_samples: list[tuple[str, float, float, bool]] = []  # name, finished at (s), response time (ms), failed


@events.request.add_listener
def _record(name: str, response_time: float, exception: BaseException | None, **_kwargs) -> None:
    _samples.append((name, time.time(), response_time, exception is not None))


@events.quitting.add_listener
def _save(**_kwargs) -> None:
    """Every request, for bench/load.py to work out exact percentiles and steady-state throughput."""
    if os.environ.get("BENCH_SAMPLES"):
        Path(os.environ["BENCH_SAMPLES"]).write_text(json.dumps(_samples), encoding="utf-8")


def hidden_fields(html: str) -> dict[str, str]:
    return {name: value.replace("&#34;", '"').replace("&quot;", '"') for name, value in HIDDEN.findall(html)}


def _read_new_emails() -> None:
    """Read the log from where the last read stopped, up to the last whole email (one may be half written)."""
    global _log_read_to
    with open(SERVER_LOG, encoding="utf-8", errors="replace") as log:
        log.seek(_log_read_to)
        new = log.read()
    starts = [index for index in range(len(new)) if new.startswith(EMAIL_MARK, index)]
    for start, end in zip(starts, [*starts[1:], len(new)], strict=True):
        email = new[start:end]
        address = email[len(EMAIL_MARK) :].split(maxsplit=1)[0]
        if link := CONFIRM_LINK.search(email):  # the link ends with a line break: it was written whole
            _inbox[address] = link.group(1)
    if starts:  # the last email is read again next time, in case it was still being written
        _log_read_to += len(new[: starts[-1]].encode("utf-8"))


def emailed_link(address: str, timeout: float = 20) -> str:
    """The path of the confirmation link emailed to `address`; recorded as a step, failed if it never comes."""
    started = time.time()
    while address not in _inbox and time.time() - started < timeout:
        _read_new_emails()
        if address not in _inbox:
            gevent.sleep(0.2)
    link = _inbox.pop(address, None)
    missing = None if link else TimeoutError(f"no confirmation email for {address} in {timeout:g} s")
    waited = (time.time() - started) * 1000
    events.request.fire(request_type="EMAIL", name="read the confirmation email", response_time=waited,
                        response_length=0, exception=missing, context={})  # fmt: skip
    if link is None:
        raise _Stop
    return link


class _Pages:
    """GET a page (checking the status) and POST its form back with the hidden fields it carried."""

    client: object

    def page(self, url: str, name: str, status: int = 200) -> str:
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != status:
                response.failure(f"{name}: {response.status_code}, expected {status}")
                raise _Stop
            return response.text or ""

    def send(self, url: str, name: str, fields: dict, html: str, status: int = 302) -> str:
        body = urlencode({**hidden_fields(html), **fields}, doseq=True)
        post = self.client.post
        with post(url, name=name, data=body, headers=FORM, allow_redirects=False, catch_response=True) as response:
            if response.status_code != status:
                response.failure(f"{name}: {response.status_code}, expected {status}")
                raise _Stop
            return response.headers.get("Location", "")


class _Stop(Exception):
    """A step failed (already recorded): abandon this journey."""


class Organisation(_Pages, FastHttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.email = None
        with contextlib.suppress(_Stop):
            self.page("/", "start page")
        gevent.sleep(random.uniform(0, READING_SECONDS))  # noqa: S311

    @task
    def journey(self) -> None:
        try:
            self._journey()
        except _Stop:
            # A failed step (already recorded) ends the journey; the next one starts afresh, signed out.
            self.email = None
            self.client.cookiejar.clear()

    def _journey(self) -> None:
        if self.email is None:
            self.email = f"org-{uuid.uuid4().hex[:12]}@bench.example.org"
            html = self.page("/account/create", "create account GET")
            fields = {"organisation_name": "Bench Drop-in", "email": self.email}
            self.send("/account/create", "create account POST", fields, html, status=200)
            self.wait()
            link = emailed_link(self.email)
            html = self.page(link, "confirm account GET")
            self.send(link, "confirm account POST", {"password": PASSWORD, "confirm_password": PASSWORD}, html)
            self.wait()
            self._profile()
        else:
            html = self.page("/sign-in", "sign in GET")
            self.send("/sign-in", "sign in POST", {"email": self.email, "password": PASSWORD}, html)
            html = self.page("/audit/", "task list")
            self.send("/audit/new", "start new audit POST", {}, html)
        self.wait()
        for section in CONTENT.sections:
            url = f"/audit/section/{section.id}"
            html = self.page(url, "question page GET")
            self.wait()
            answers = {q.id: random.choice(q.values) for q in section.questions}  # noqa: S311
            self.send(url, "question page POST", {**answers, "action": "continue"}, html)
        html = self.page("/audit/check", "check answers")
        self.wait()
        results = self.send("/audit/submit", "submit POST", {}, html)
        html = self.page(results, "results")
        self.page(results.replace("/results", "/guide").split("?")[0], "guide page")
        self.wait()
        self.send("/sign-out", "sign out POST", {}, html)

    def _profile(self) -> None:
        lists = CONTENT.config.profile
        html = self.page("/audit/profile", "profile GET")
        fields = {
            "name": "Bench Drop-in",
            "org_type": random.choice(list(lists.org_types)),  # noqa: S311
            "size_band": random.choice(list(lists.size_bands)),  # noqa: S311
            "area": random.choice(list(lists.areas)),  # noqa: S311
            "groups": random.sample(list(lists.groups), k=2),
            "works_with_families": random.choice(["yes", "no"]),  # noqa: S311
        }
        self.send("/audit/profile", "profile POST", fields, html)


class Monitor(FastHttpUser):
    fixed_count = 1
    wait_time = constant_throughput(2)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="reference: /healthz")


class Throughput(_Pages, FastHttpUser):
    """Signed-in members asking, without pauses, in turns of a few seconds: a question page, then /healthz.

    Taking turns puts both under the same conditions (whatever else the machine is doing), so their
    throughputs can be compared. Accounts are made by bench/load.py.
    """

    wait_time = constant(0)

    def on_start(self) -> None:
        email = f"reader-{next(_readers) % READERS}@bench.example.org"
        html = self.page("/sign-in", "sign in GET")
        self.send("/sign-in", "sign in POST", {"email": email, "password": PASSWORD}, html)

    @task
    def read(self) -> None:
        try:
            if int(time.time() / TURN_SECONDS) % 2:
                self.page(f"/audit/section/{CONTENT.sections[1].id}", "question page GET")
            else:
                self.page("/healthz", "reference: /healthz")
        except _Stop:
            pass
