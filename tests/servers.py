"""Real servers for tests: gunicorn on loopback ports, and just enough of a browser to talk to them."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Just enough of a browser: cookies, CSRF tokens, no redirect following."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()), _NoRedirect())

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(Request(self.base + path, data=body), timeout=30) as response:
                return response.status, response.read().decode(), response.headers.get("Location", "")
        except HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.headers.get("Location", "")

    def form_fields(self, path: str) -> dict[str, str]:
        status, html, _ = self.request(path)
        assert status == 200, f"GET {path} gave {status}"
        return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html.replace("&#34;", '"')))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int, **settings: str) -> subprocess.Popen:
    """gunicorn (2 workers, 2 threads) on 127.0.0.1:port, in its own process group; returns once it answers."""
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "server-test", "FLASK_CONFIG": "development"}
    env.update({"SIGN_IN_LIMIT": "1000 per minute", "ACCOUNT_LIMIT": "1000 per minute", "FLASK_DEBUG": "0"})
    env.update(settings)
    server = subprocess.Popen(  # noqa: S603  (our own gunicorn from the project's virtualenv)
        [str(GUNICORN), "--workers", "2", "--threads", "2", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so one killpg reaches master and workers
    )
    # Generous: on a busy machine, or beside other test workers, a fresh gunicorn can take tens of seconds.
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if Browser(f"http://127.0.0.1:{port}").request("/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    os.killpg(server.pid, signal.SIGKILL)
    raise AssertionError("gunicorn did not start")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=10)
