"""Emailed links always point at BASE_URL, whatever Host a request claims; other hosts are refused."""

import pytest

from inclusion_audit import create_app
from inclusion_audit.config import ProductionConfig
from tests.conftest import Accounts, last_email, post_page

FORGED = {"Host": "evil.example"}


def test_a_request_for_another_host_is_refused(client):
    assert client.get("/", headers=FORGED).status_code == 400
    assert client.post("/password/forgot", data={"email": "member@example.org"}, headers=FORGED).status_code == 400
    assert client.get("/").status_code == 200


def test_a_forged_forwarded_host_is_refused_behind_a_proxy(app_config, make_app, accounts):
    proxied = make_app({**app_config, "PROXY_FIX_HOPS": 1})
    client = proxied.test_client()
    headers = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
    assert client.post("/password/forgot", data={"email": "member@example.org"}, headers=headers).status_code == 400
    assert not proxied.extensions.get("outbox")


@pytest.fixture
def served_elsewhere(app, app_config, make_app):
    """The app as deployed at https://audit.example.org, reached here (as a proxy would) as localhost."""
    return make_app({**app_config, "BASE_URL": "https://audit.example.org", "EXTRA_HOSTS": ("localhost",)})


def test_reset_links_use_the_configured_address_not_the_host_the_request_named(served_elsewhere):
    Accounts(served_elsewhere, served_elsewhere.test_client()).member()
    client = served_elsewhere.test_client()
    assert post_page(client, "/password/forgot", {"email": "member@example.org"}).h1() == "Check your email"
    body = last_email(served_elsewhere, "member@example.org").body
    assert "https://audit.example.org/password/reset/" in body
    assert "localhost" not in body


def test_invitation_links_use_the_configured_address(served_elsewhere):
    client = served_elsewhere.test_client()
    accounts = Accounts(served_elsewhere, client)
    accounts.member()
    accounts.sign_in("member@example.org")
    assert client.post("/audit/team", data={"email": "colleague@example.org"}).status_code == 302
    assert "https://audit.example.org/invitation/" in last_email(served_elsewhere, "colleague@example.org").body


def test_production_needs_a_base_url_and_refuses_one_with_a_path(monkeypatch, tmp_path):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(ProductionConfig, "MAIL_SMTP_HOST", "smtp.example.org")
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'p.db'}")
    monkeypatch.setattr(ProductionConfig, "BASE_URL", None)
    with pytest.raises(RuntimeError, match="BASE_URL must be set"):
        create_app(ProductionConfig)
    monkeypatch.setattr(ProductionConfig, "BASE_URL", "https://audit.example.org/somewhere")
    with pytest.raises(RuntimeError, match="no path"):
        create_app(ProductionConfig)
    monkeypatch.setattr(ProductionConfig, "BASE_URL", "https://audit.example.org")
    app = create_app(ProductionConfig)
    assert app.config["TRUSTED_HOSTS"] == ["audit.example.org"]
    client = app.test_client()
    assert client.get("/", base_url="https://audit.example.org").status_code == 200
    assert client.get("/", base_url="https://localhost").status_code == 400


def test_production_needs_a_mail_server(monkeypatch, tmp_path):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(ProductionConfig, "BASE_URL", "https://audit.example.org")
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'p.db'}")
    monkeypatch.setattr(ProductionConfig, "MAIL_SMTP_HOST", None)
    with pytest.raises(RuntimeError, match="MAIL_SMTP_HOST"):
        create_app(ProductionConfig)
