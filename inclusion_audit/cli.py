"""Command-line tools: `flask --app wsgi users|demo|content|figures ...`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from . import queries
from .content_report import full_report
from .content_store import get_content
from .demo import load_demo_data
from .engine.history import forgotten_ids
from .engine.preview import preview_text
from .extensions import db
from .models import utcnow
from .passwords import password_problem
from .queries.stored_figures import figure_differences, rebuild_stored_figures
from .reminders.send import send_reminders

users_cli = AppGroup("users", help="Manage staff accounts.")
demo_cli = AppGroup("demo", help="Demo data for trying the service.")
content_cli = AppGroup("content", help="Check and preview the audit content.")
figures_cli = AppGroup("figures", help="The stored figures behind the coordinator dashboard.")
reminders_cli = AppGroup("reminders", help="Reminder emails about action plans and audits.")


@users_cli.command("create-coordinator")
@click.argument("email")
@click.option("--admin", is_flag=True, help="An admin: of the whole service, or of the system given with --system.")
@click.option("--system", "system_code", help="The system's code (a coordinator needs one unless there is only one).")
@click.option("--area", help="Limit a coordinator's named views and local help to one area code of the system.")
@click.password_option(prompt="Password for the new account")
def create_coordinator(email: str, admin: bool, system_code: str | None, area: str | None, password: str) -> None:
    """Create a coordinator (or admin) account: the first admin, who invites everyone else in the browser."""
    if queries.email_taken(email):
        raise click.ClickException(f"An account already uses {email}.")
    queries.seed_first_system(get_content())  # areas still only in content/config.yml: make the first system
    systems = queries.systems()
    if system_code is None and not admin and len(systems) == 1:
        system_code = systems[0].code
    system = queries.system_by_code(system_code) if system_code else None
    if system_code and system is None:
        raise click.ClickException(f"Unknown system {system_code!r}. Use one of: {', '.join(s.code for s in systems)}.")
    if system is None and not admin:
        raise click.ClickException("A coordinator needs a system: give --system with one of the systems' codes.")
    if area is not None and (system is None or area not in queries.area_choices(system.id)):
        known = ", ".join(queries.area_choices(system.id)) if system else "none without --system"
        raise click.ClickException(f"Unknown area {area!r}. Use one of: {known}.")
    problem = password_problem(password, email)
    if problem:
        raise click.ClickException(problem)
    user = queries.create_staff_user(email, password, role="admin" if admin else "coordinator")
    queries.set_staff_scope(user, system.id if system else None, None if admin else area)
    where = f" for {area}" if area and not admin else f" for {system.name}" if system else " for the whole service"
    click.echo(f"Created {user.role} {user.email}{where}.")


@demo_cli.command("load")
def load_demo() -> None:
    """Load the demo organisation, coordinator and audits. Running it again changes nothing."""
    summary = load_demo_data(get_content())
    click.echo(summary)


@content_cli.command("check")
def content_check() -> None:
    """Check the content: counts, contradictions, coverage, links, reading time and example guide lengths.

    Exits with status 1 if a check fails or a target is missed. (Start-up already failed if a file is invalid.)
    """
    content = get_content()
    text, passed = full_report(current_app, content, Path(current_app.config["CONTENT_DIR"]) / "examples")
    click.echo(text, nl=False)
    # Stored audits keep the ids they were answered with: each must still lead somewhere (renamed or retired).
    if queries.database_has_audits_table():
        stored_questions, stored_sections = queries.stored_content_ids()
        forgotten = forgotten_ids(content, stored_questions, stored_sections)
        click.echo(f"Stored audits: {len(stored_questions)} question ids and {len(stored_sections)} section ids in use")
        for line in forgotten:
            click.echo(f"  {line}")
        if forgotten:
            click.echo(f"Stored audits would lose answers or scores under {len(forgotten)} ids: see above.")
        passed = passed and not forgotten
    else:
        click.echo("Stored audits: none (the database has no tables yet).")
    if not passed:
        raise click.exceptions.Exit(1)


@content_cli.command("preview")
@click.argument("answers_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def content_preview(answers_file: Path) -> None:
    """Print the guide that an answers file (see content/examples/) would get."""
    click.echo(preview_text(get_content(), answers_file))


@figures_cli.command("rebuild")
def figures_rebuild() -> None:
    """Work out the stored figures again from the audits (to repair them, or after loading audits in bulk)."""
    rows = rebuild_stored_figures(db.session.connection())
    db.session.commit()
    click.echo(f"Rebuilt the stored figures: {rows:,} rows.")


@figures_cli.command("check")
def figures_check() -> None:
    """Compare the stored figures with a fresh count from the audits; exit with status 1 if any differ."""
    differences = figure_differences()
    for key, stored, fresh in differences[:20]:
        # Counts only: the record keys' sums are never printed, even here.
        keys = "; its record key sum differs too" if stored.keys != fresh.keys else ""
        click.echo(f"  {key}: stored {stored.count}, should be {fresh.count}{keys}")
    if differences:
        raise click.ClickException(f"{len(differences)} stored figures are wrong. Run `flask figures rebuild`.")
    click.echo("Every stored figure matches the audits.")


@reminders_cli.command("send")
def reminders_send() -> None:
    """Send every reminder that is due and has not been sent. Safe to run as often as you like (cron, a timer)."""
    report = send_reminders(current_app.config.get("CLOCK", utcnow)())
    kinds = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(report.sent.items()))
    click.echo(f"Sent {report.total} reminder email{'' if report.total == 1 else 's'}{f' ({kinds})' if kinds else ''}.")
    if report.failed:
        raise click.ClickException(
            f"{report.failed} email{'' if report.failed == 1 else 's'} could not be sent (see the log); "
            "they will be tried again next time."
        )
