"""Inclusion health self-audit: the Flask application factory."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from .admin import bp as admin_bp
from .audit import bp as audit_bp
from .auth import bp as auth_bp
from .certificate import bp as certificate_bp
from .cli import content_cli, demo_cli, figures_cli, reminders_cli, users_cli
from .config import CONFIGS, PROJECT_ROOT, Config, trusted_hosts
from .content_store import init_content
from .coordinator import bp as coordinator_bp
from .database import init_database
from .errors import init_errors
from .extensions import csrf, limiter, login_manager, migrate
from .guide import bp as guide_bp
from .local_help import bp as local_help_bp
from .local_help.cli import local_help_cli
from .main import bp as main_bp
from .security import init_security
from .session_timeout import init_session_timeout
from .templating import SHARED_BYTECODE, init_templating


def create_app(config: type[Config] | dict[str, Any] | None = None) -> Flask:
    """Build the app. `config` is a config class, or a dict of overrides on top of the test config."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    _configure(app, config)
    _init_templates(app)

    init_database(app)
    migrate.init_app(app, directory=str(PROJECT_ROOT / "inclusion_audit" / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    init_security(app)
    init_session_timeout(app)
    init_errors(app)
    init_content(app)
    _register_blueprints(app)
    _register_cli(app)

    if app.config["PROXY_FIX_HOPS"]:
        hops = app.config["PROXY_FIX_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    return app


def _configure(app: Flask, config: type[Config] | dict[str, Any] | None) -> None:
    if isinstance(config, dict):
        app.config.from_object(CONFIGS["test"])
        app.config.update(config)
    else:
        name = os.environ.get("FLASK_CONFIG", "development")
        app.config.from_object(config or CONFIGS[name])
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY must be set outside development and test (see README, 'Production').")
    if app.config["REQUIRE_MAIL_HOST"] and not app.config.get("MAIL_SMTP_HOST"):
        raise RuntimeError("MAIL_SMTP_HOST must be set in production (see README, 'Production').")
    if app.config.get("TRUSTED_HOSTS") is None:
        app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config.get("BASE_URL"), app.config["EXTRA_HOSTS"])
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{os.path.join(app.instance_path, 'inclusion_audit.db')}"


def _init_templates(app: Flask) -> None:

    app.jinja_options = {**app.jinja_options, "bytecode_cache": SHARED_BYTECODE}
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(PROJECT_ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)
    init_templating(app)
    app.jinja_env.globals["service_name"] = app.config["SERVICE_NAME"]


def _register_blueprints(app: Flask) -> None:

    app.register_blueprint(main_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(audit_bp)
    app.register_blueprint(certificate_bp)
    app.register_blueprint(coordinator_bp)
    app.register_blueprint(guide_bp)
    app.register_blueprint(local_help_bp)


def _register_cli(app: Flask) -> None:

    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(content_cli)
    app.cli.add_command(figures_cli)
    app.cli.add_command(reminders_cli)
    app.cli.add_command(local_help_cli)
