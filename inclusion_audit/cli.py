"""Command-line tools: `flask --app wsgi users|demo|content ...`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from . import queries
from .content_store import get_content
from .engine import check_report
from .engine.history import forgotten_ids
from .models import utcnow
from .passwords import password_problem

users_cli = AppGroup("users", help="Manage staff accounts.")
demo_cli = AppGroup("demo", help="Demo data for trying the service.")
content_cli = AppGroup("content", help="Check and preview the audit content.")
figures_cli = AppGroup("figures", help="The stored counts behind the coordinator dashboard.")
reminders_cli = AppGroup("reminders", help="Reminder emails about action plans and audits.")


@users_cli.command("create-coordinator")
@click.argument("email")
@click.option("--admin", is_flag=True, help="Give the account the admin role (can read the access log).")
@click.option("--area", help="Limit a coordinator's named views to one area code from content/config.yml.")
@click.password_option(prompt="Password for the new account")
def create_coordinator(email: str, admin: bool, area: str | None, password: str) -> None:
    """Create a coordinator (or admin) account."""
    if queries.email_taken(email):
        raise click.ClickException(f"An account already uses {email}.")
    if area is not None and area not in get_content().config.profile.areas:
        raise click.ClickException(
            f"Unknown area {area!r}. Use one of: {', '.join(get_content().config.profile.areas)}."
        )
    problem = password_problem(password, email)
    if problem:
        raise click.ClickException(problem)
    user = queries.create_staff_user(email, password, role="admin" if admin else "coordinator")
    if area:
        queries.set_staff_area(user, area)
    click.echo(f"Created {user.role} {user.email}{f' for {area}' if area else ''}.")


@demo_cli.command("load")
def load_demo() -> None:
    """Load the demo organisation, coordinator and audits. Running it again changes nothing."""
    from .demo import load_demo_data

    summary = load_demo_data(get_content())
    click.echo(summary)


@content_cli.command("check")
def content_check() -> None:
    """Validate every content file and print counts, and check stored audits' ids still lead somewhere."""
    content = get_content()
    click.echo(check_report(content))
    if not queries.database_has_audits_table():
        click.echo("Stored audits: none (the database has no tables yet).")
        return
    stored_questions, stored_sections = queries.stored_content_ids()
    forgotten = forgotten_ids(content, stored_questions, stored_sections)
    click.echo(f"Stored audits: {len(stored_questions)} question ids and {len(stored_sections)} section ids in use")
    for line in forgotten:
        click.echo(f"  {line}")
    if forgotten:
        raise click.ClickException(f"{len(forgotten)} ids used by stored audits would be lost (see above).")


@content_cli.command("preview")
@click.argument("answers_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def content_preview(answers_file: Path) -> None:
    """Print the guide that an answers file (see content/examples/) would get."""
    from .engine.preview import preview_text

    click.echo(preview_text(get_content(), answers_file))


@figures_cli.command("rebuild")
@click.option("--if-needed", is_flag=True, help="Do nothing if the tallies are already complete and current.")
def figures_rebuild(if_needed: bool) -> None:
    """Work out the dashboard's stored counts again from the audits (after an upgrade, or to repair them)."""
    from .queries.tallies import rebuild_tallies, tallies_ready

    if if_needed and tallies_ready():
        click.echo("The dashboard figures are up to date.")
        return
    rows = rebuild_tallies()
    click.echo(f"Rebuilt the dashboard figures: {rows:,} stored counts.")


@figures_cli.command("check")
def figures_check() -> None:
    """Compare the stored counts with counts worked out afresh; exit with status 1 if any differ."""
    from .queries.tallies import tallies_ready, tally_differences

    if not tallies_ready():
        raise click.ClickException("The figures have not been built. Run `flask figures rebuild`.")
    differences = tally_differences()
    for cell, stored, fresh in differences[:20]:
        click.echo(f"  {cell}: stored {stored}, should be {fresh}")
    if differences:
        raise click.ClickException(f"{len(differences)} stored counts are wrong. Run `flask figures rebuild`.")
    click.echo("Every stored count matches the audits.")


@reminders_cli.command("send")
def reminders_send() -> None:
    """Send every reminder that is due and has not been sent. Safe to run as often as you like (cron, a timer)."""
    from .reminders.send import send_reminders

    report = send_reminders(current_app.config.get("CLOCK", utcnow)())
    kinds = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(report.sent.items()))
    click.echo(f"Sent {report.total} reminder email{'' if report.total == 1 else 's'}{f' ({kinds})' if kinds else ''}.")
    if report.failed:
        raise click.ClickException(
            f"{report.failed} email{'' if report.failed == 1 else 's'} could not be sent (see the log); "
            "they will be tried again next time."
        )
