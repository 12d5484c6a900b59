"""`flask local-help import`: the content files' local packs become the starting local help entries."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from .. import queries
from ..content_store import get_content

local_help_cli = AppGroup("local-help", help="Local help entries that coordinators edit.")


@local_help_cli.command("import")
def import_packs() -> None:
    """Copy content/local/<area>.yml into the database for each area that has no entries there yet."""
    imported = queries.import_local_packs(get_content())
    if not imported:
        click.echo("Nothing to import: every area with a content pack already has local help entries.")
    for area, number in imported.items():
        click.echo(f"Imported {number} local help entries for {area}.")
