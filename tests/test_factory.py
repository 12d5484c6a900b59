"""The app factory: config honoured, extensions and blueprints wired, headers on every response."""

import shutil

import pytest
from jinja2 import DictLoader, Environment

from inclusion_audit import create_app
from inclusion_audit.config import PROJECT_ROOT, ProductionConfig
from inclusion_audit.templating import SharedBytecodeCache


def test_test_config_is_used_when_given_overrides(app):
    assert app.testing
    assert app.config["WTF_CSRF_ENABLED"] is False


def test_default_config_is_not_testing(monkeypatch, tmp_path):
    monkeypatch.delenv("FLASK_CONFIG", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'dev.db'}")
    assert not create_app().testing


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(ProductionConfig)


def test_blueprints_and_extensions_are_registered(app):
    assert {"main", "auth", "audit", "coordinator"} <= set(app.blueprints)
    assert {"sqlalchemy", "migrate", "limiter", "csrf", "audit_content"} <= set(app.extensions)


def test_every_response_carries_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "'nonce-" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"


def test_inline_script_carries_the_nonce_from_the_policy(client):
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.get_data(as_text=True)


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": True}


def test_health_check_says_unavailable_when_the_database_is_gone(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] is False


def test_apps_share_the_loaded_content_until_a_content_file_changes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    config = {"SQLALCHEMY_DATABASE_URI": "sqlite://", "CONTENT_DIR": str(content)}
    first, second = create_app(config), create_app(config)
    assert first.extensions["audit_content"] is second.extensions["audit_content"]

    # Same length and written at once, so neither the file size nor a coarse clock could tell the two apart.
    section = next((content / "sections").glob("01-*.yml"))
    old_title = first.extensions["audit_content"].sections[0].title
    section.write_text(section.read_text(encoding="utf-8").replace(old_title, old_title.upper()), encoding="utf-8")
    edited = create_app(config).extensions["audit_content"]
    assert edited.sections[0].title == old_title.upper()
    assert edited.version != first.extensions["audit_content"].version


def test_apps_share_compiled_templates_but_compile_an_edited_one_afresh():
    cache = SharedBytecodeCache()
    sources = {"page.html": "Hello {{ name }}"}
    compiled = []

    class CountingEnvironment(Environment):
        def compile(self, source, name=None, *args, **kwargs):
            compiled.append(name)
            return super().compile(source, name, *args, **kwargs)

    def render() -> str:
        return (
            CountingEnvironment(loader=DictLoader(sources), bytecode_cache=cache)
            .get_template("page.html")
            .render(name="Sam")
        )

    assert render() == "Hello Sam"
    assert render() == "Hello Sam"
    assert compiled == ["page.html"], "the second environment reuses the first one's compiled template"
    sources["page.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye Sam"
    assert compiled == ["page.html", "page.html"]
