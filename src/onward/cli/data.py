"""Data commands: export, import and backup."""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli import render
from onward.cli.context import settings, workspace
from onward.errors import InvalidInput
from onward.services.transfer import backup_database, import_file

export_app = typer.Typer(help="Export your data (JSON backup or CSV).", no_args_is_help=True)


@export_app.command("json")
def export_json(
    path: Path = typer.Argument(..., help="File to write, e.g. onward.json."),
    include_writing: bool = typer.Option(
        False, "--include-writing", help="Include your private writing (locked stays locked)."
    ),
) -> None:
    """A full backup of everything, restorable with `onward import`."""
    from onward.services.transfer import export_json as run

    ws = workspace()
    count = run(ws.store, ws.owner, path, ws.clock, include_writing=include_writing)
    render.ok(f"Wrote {count} applications with their history and contacts to {path}.")


@export_app.command("csv")
def export_csv(
    path: Path = typer.Argument(..., help="File to write, e.g. applications.csv."),
    history: bool = typer.Option(
        False, "--history", help="One row per stage event instead of one per application."
    ),
) -> None:
    """A spreadsheet: one row per application with the date of each stage (proof of
    applications for a job centre), or with --history one row per stage event."""
    from onward.services.transfer import export_csv as run

    ws = workspace()
    count = run(ws.store, ws.owner, path, history=history)
    what = "stage events" if history else "applications"
    render.ok(f"Wrote {count} {what} to {path}.")


def import_(
    path: Path = typer.Argument(..., help="An Onward JSON backup or a CSV tracker."),
    mapping: list[str] | None = typer.Option(
        None, "--map", "-m", help="CSV: 'Column heading=field' (repeat), e.g. 'Employer=company'."
    ),
    date_format: str | None = typer.Option(
        None, "--date-format", help="CSV: how dates are written, e.g. %d/%m/%Y."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="JSON: replace all current data (backed up first)."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check everything, import nothing."),
) -> None:
    """Import a JSON backup (restores ids) or a spreadsheet (CSV). A bad row stops the whole
    import, listed with its line number; nothing is half-written."""
    overrides = {}
    for item in mapping or ():
        heading, sep, field = item.partition("=")
        if not sep or not heading.strip() or not field.strip():
            raise InvalidInput(f"--map needs 'Column heading=field', not {item!r}")
        overrides[heading.strip()] = field.strip()
    ws, cfg = workspace(), settings()
    result = import_file(
        ws.store,
        ws.owner,
        path,
        ws.clock,
        database_url=cfg.resolved_database_url,
        backup_dir=cfg.backup_dir,
        keep=cfg.backup_keep,
        overrides=overrides,
        date_format=date_format,
        replace=replace,
        dry_run=dry_run,
    )
    prefix = "Checked (dry run, nothing written): " if dry_run else "Imported "
    parts = [f"{result.applications} applications"]
    if result.contacts:
        parts.append(f"{result.contacts} contacts")
    render.ok(prefix + " and ".join(parts) + ".")
    if result.skipped_duplicates:
        render.console().print(f"Skipped {result.skipped_duplicates} already in Onward.")
    if result.ignored_columns:
        render.console().print(
            f"[dim]Ignored columns: {', '.join(result.ignored_columns)} (name them with --map).[/]"
        )


def backup() -> None:
    """Back up the database now (SQLite: an online copy; PostgreSQL: a JSON backup)."""
    ws, cfg = workspace(), settings()
    path = backup_database(
        ws.store, ws.owner, cfg.resolved_database_url, cfg.backup_dir, cfg.backup_keep, ws.clock
    )
    render.ok(f"Backed up to {path}")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.add_typer(export_app, name="export")
commands.command("import")(import_)
commands.command()(backup)
