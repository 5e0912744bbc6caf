"""Rich output shared by the commands: consoles, stage colours, tables and timelines."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from onward.domain.records import Application, Contact

STAGE_STYLE = {
    "saved": "dim",
    "applied": "cyan",
    "screen": "blue",
    "assessment": "blue",
    "interview": "magenta",
    "final": "bold magenta",
    "offer": "bold green",
    "accepted": "bold green",
    "rejected": "red",
    "withdrawn": "yellow",
    "ghosted": "dim yellow",
}


@cache
def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


@cache
def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Plain JSON on stdout, for scripts (no colours, no wrapping); dates as ISO text."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_plain))


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def ok(message: str) -> None:
    from rich.markup import escape

    console().print(f"[green]✓[/] {escape(message)}")


def stage_text(app: Application) -> str:
    from rich.markup import escape

    style = STAGE_STYLE.get(app.stage.value, "")
    return f"[{style}]{escape(app.stage_label)}[/]"


def applications_table(apps: list[Application], title: str | None = None) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False, pad_edge=False, box=None)
    table.add_column("ID", justify="right", style="bold")
    table.add_column("Company")
    table.add_column("Role")
    table.add_column("Stage")
    table.add_column("Since", style="dim")
    table.add_column("Tags", style="dim")
    for app in apps:
        company = escape(app.company) + (" [dim](archived)[/]" if app.archived_at else "")
        table.add_row(
            str(app.id),
            company,
            escape(app.role),
            stage_text(app),
            app.stage_on.isoformat(),
            escape(", ".join(app.fields.tags)),
        )
    return table


#: Above this many rows a list is printed as plain aligned columns: a Rich table measures
#: every cell and takes about 2 s for 5,000 rows; plain columns take milliseconds.
RICH_TABLE_MAX_ROWS = 200


def print_applications(apps: list[Application]) -> None:
    if len(apps) <= RICH_TABLE_MAX_ROWS:
        console().print(applications_table(apps))
        return
    columns = [
        ("ID", [str(a.id) for a in apps], True),
        ("Company", [a.company + (" (archived)" if a.archived_at else "") for a in apps], False),
        ("Role", [a.role for a in apps], False),
        ("Stage", [a.stage_label for a in apps], False),
        ("Since", [a.stage_on.isoformat() for a in apps], False),
        ("Tags", [", ".join(a.fields.tags) for a in apps], False),
    ]
    widths = [min(40, max(len(title), *(len(v) for v in values))) for title, values, _ in columns]

    def line(cells: list[str]) -> str:
        parts = []
        for (_, _, right), width, cell in zip(columns, widths, cells, strict=True):
            cell = cell if len(cell) <= width else cell[: width - 1] + "…"
            parts.append(cell.rjust(width) if right else cell.ljust(width))
        return "  ".join(parts).rstrip()

    out = console().file
    out.write(line([title for title, _, _ in columns]) + "\n")
    for row in zip(*(values for _, values, _ in columns), strict=True):
        out.write(line(list(row)) + "\n")


def application_details(app: Application, contacts: list[Contact]) -> None:
    from rich.markup import escape

    out = console()
    f = app.fields
    out.print(f"[bold]#{app.id} {escape(f.role)}[/] at [bold]{escape(f.company)}[/]")
    out.print(f"Stage: {stage_text(app)} since {app.stage_on.isoformat()}")
    rows: list[tuple[str, str | None]] = [
        ("Job ref", f.job_ref),
        ("Posting", f.url),
        ("Location", f.location),
        ("Channel", f.channel.value.replace("_", " ") if f.channel else None),
        ("Salary", _salary(app)),
        ("Excitement", "★" * f.excitement + "☆" * (5 - f.excitement) if f.excitement else None),
        ("Resume", _resume(app)),
        ("Tags", ", ".join(f.tags) or None),
        ("Archived", app.archived_at.date().isoformat() if app.archived_at else None),
    ]
    for label, value in rows:
        if value:
            out.print(f"[dim]{label}:[/] {escape(value)}")
    if f.notes:
        out.print(f"[dim]Notes:[/] {escape(f.notes)}")
    if contacts:
        people = ", ".join(
            f"{c.name} ({c.fields.role.value.replace('_', ' ')}, #{c.id})" for c in contacts
        )
        out.print(f"[dim]Contacts:[/] {escape(people)}")
    if f.description:
        first = f.description.strip().splitlines()[0][:100]
        out.print(f"[dim]Description:[/] {escape(first)}{'…' if len(f.description) > 100 else ''}")
    out.print("\n[bold]Timeline[/]")
    for event in app.events:
        label = event.stage.value + (f" {event.round}" if event.round else "")
        style = STAGE_STYLE.get(event.stage.value, "")
        note = f" [dim]— {escape(event.note)}[/]" if event.note else ""
        source = f" [dim]({event.source})[/]" if event.source != "manual" else ""
        out.print(f"  {event.occurred_on.isoformat()}  [{style}]{label}[/]{note}{source}")


def _salary(app: Application) -> str | None:
    f = app.fields
    if f.salary_min is None and f.salary_max is None:
        return None
    low, high = f.salary_min, f.salary_max
    amount = f"{low:,}" if low == high or high is None else f"{low or 0:,}–{high:,}"
    return f"{amount} {f.salary_currency or ''}".strip()


def _resume(app: Application) -> str | None:
    f = app.fields
    if f.resume_version is None and f.tailored is None:
        return None
    tailored = {True: "tailored", False: "not tailored", None: ""}[f.tailored]
    return ", ".join(part for part in (f.resume_version, tailored) if part)
