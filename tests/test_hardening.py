"""Headers, cookies, CSRF, rate-limit storage and start-up checks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inclusion_audit import create_app
from inclusion_audit.config import ProductionConfig
from inclusion_audit.security import PUBLIC_ENDPOINTS
from tests.conftest import PASSWORD, WORKER

ROOT = Path(__file__).resolve().parent.parent


def csrf_token(client, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def csrf_app(app, app_config, make_app):
    """A second app on the same (freshly reset) database, with CSRF protection switched on."""
    return make_app({**app_config, "WTF_CSRF_ENABLED": True})


def test_hsts_is_sent_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_session_cookie_is_secure_http_only_and_lax(monkeypatch, tmp_path):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'p.db'}")
    monkeypatch.setattr(ProductionConfig, "BASE_URL", "https://audit.example.org")
    monkeypatch.setattr(ProductionConfig, "MAIL_SMTP_HOST", "smtp.example.org")
    app = create_app(ProductionConfig)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = app.test_client().get("/sign-in", base_url="https://audit.example.org")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


CSRF_REFUSAL = "Your page was open too long or your session ended. Nothing on that page was saved"


def test_every_post_route_refuses_a_request_without_the_csrf_token(csrf_app):
    from tests.conftest import Accounts

    client = csrf_app.test_client()
    helper = Accounts(csrf_app, client)
    helper.member()
    token = csrf_token(client, "/sign-in")
    signed_in = client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD, "csrf_token": token})
    assert signed_in.status_code == 302 and not signed_in.headers["Location"].startswith("/sign-in")
    post_rules = [rule for rule in csrf_app.url_map.iter_rules() if "POST" in rule.methods]
    assert len(post_rules) >= 8
    for rule in post_rules:
        url = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", "1", rule.rule)
        response = client.post(url, data={"email": "x@example.org"})
        # A redirect alone could be the view itself (or a sign-in check); the refusal is the one that says so.
        assert response.status_code == 302, f"{rule.rule} accepted a POST without a CSRF token"
        with client.session_transaction() as session:
            flashes = [message for _, message in session.pop("_flashes", [])]
        assert any(message.startswith(CSRF_REFUSAL) for message in flashes), f"{rule.rule} was not refused"
    # Sign-out was among the refused posts, so the member is still signed in.
    assert client.get("/audit/").status_code == 200


def test_a_form_with_a_valid_token_is_accepted(csrf_app):
    client = csrf_app.test_client()
    token = csrf_token(client, "/account/create")
    response = client.post(
        "/account/create",
        data={"organisation_name": "Hope Drop-in", "email": "hope@example.org", "csrf_token": token},
    )
    assert response.status_code == 200
    assert "Check your email" in response.get_data(as_text=True)
    assert csrf_app.extensions["outbox"][-1].to == "hope@example.org"


def _redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping())
    except Exception:
        return False


def test_rate_limits_use_redis_when_configured(app, app_config, make_app):
    if not _redis_available():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but Redis at 127.0.0.1:6379 does not answer")
        pytest.skip("no Redis server at 127.0.0.1:6379")
    import redis

    server = redis.Redis(host="127.0.0.1", port=6379, db=15)
    # Only this process's own keys: other workers and other runs may share the Redis database.
    prefix = f"tests-{WORKER}-{os.getpid()}"
    mine = f"*{prefix}*"
    if left_over := server.keys(mine):
        server.delete(*left_over)
    redis_config = {**app_config, "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/15", "RATELIMIT_KEY_PREFIX": prefix}
    first, second = make_app(redis_config).test_client(), make_app(redis_config)

    def attempt(client, n: int) -> int:
        data = {"email": f"nobody{n}@example.org", "password": "wrong-password-1"}  # per address, not per account
        return client.post("/sign-in", data=data).status_code

    statuses = [attempt(first, n) for n in range(5)]
    # A second app (another gunicorn worker) shares the count through Redis.
    statuses += [attempt(second.test_client(), n) for n in range(5, 11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    keys = server.keys(mine)
    assert keys, "the limiter's counters are stored in Redis"
    server.delete(*keys)


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def test_starting_with_broken_content_exits_with_a_message_naming_file_and_field(tmp_path):
    content = _copy_content(tmp_path)
    section = next((content / "sections").glob("02-*.yml"))
    section.write_text(section.read_text().replace("principle: 2", "principle: 9"), encoding="utf-8")
    env = {**os.environ, "CONTENT_DIR": str(content), "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    result = subprocess.run(  # noqa: S603  (our own interpreter and module)
        [sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert f"sections/{section.name}: principle:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_gunicorn_with_broken_content_stops_at_once_with_the_same_message(tmp_path):
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    if not gunicorn.exists():
        pytest.skip("gunicorn is installed by `make setup`")
    content = _copy_content(tmp_path)
    section = next((content / "sections").glob("02-*.yml"))
    section.write_text(section.read_text().replace("principle: 2", "principle: 9"), encoding="utf-8")
    env = {**os.environ, "CONTENT_DIR": str(content), "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    env["FLASK_CONFIG"] = "development"
    result = subprocess.run(  # noqa: S603  (our own gunicorn from the project's virtualenv)
        [str(gunicorn), "--workers", "2", "--bind", "127.0.0.1:0", "wsgi:app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "The audit content has a problem, so the service cannot start." in result.stderr
    assert f"sections/{section.name}: principle:" in result.stderr
    assert "Booting worker" not in result.stderr, "no worker was started"


def test_public_endpoints_all_exist(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints >= PUBLIC_ENDPOINTS


def test_nul_bytes_are_refused_before_reaching_a_form_or_the_database(client):
    for data in ({"email": "\x00", "password": "x"}, {"email\x00": "a@example.org"}):
        response = client.post("/sign-in", data=data)
        assert response.status_code == 400
        assert "Sorry, there is a problem with that request" in response.get_data(as_text=True)
    assert client.get("/sign-in?next=%00").status_code == 400
