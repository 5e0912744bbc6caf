"""Database commands: schema version and upgrades."""

from __future__ import annotations

import typer

from onward.cli import render
from onward.cli.context import settings
from onward.services.maintenance import schema_status, upgrade_schema

app = typer.Typer(help="Database schema: see and apply migrations.", no_args_is_help=True)


@app.command()
def current() -> None:
    """Show the database, its schema version and the newest one."""
    status = schema_status(settings())
    render.console().print(f"Database: {status.url}")
    render.console().print(f"Schema:   {status.current or 'empty'} (newest: {status.head})")
    if status.current != status.head:
        render.console().print("Run [bold]onward db upgrade[/] (Onward also does it on first use).")


@app.command()
def upgrade() -> None:
    """Migrate the database to the newest schema (SQLite is backed up first)."""
    status = upgrade_schema(settings())
    if status.before == status.head:
        render.ok(f"Already at the newest schema ({status.head}).")
    else:
        render.ok(f"Upgraded from {status.before or 'empty'} to {status.head}.")
