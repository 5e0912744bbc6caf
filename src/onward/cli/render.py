"""Rich output shared by the commands: consoles, stage colours, tables and timelines."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from onward.export.jsonable import to_jsonable
from onward.formats import formats

if TYPE_CHECKING:
    from rich.console import Console

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
    """Plain JSON on stdout, for scripts (no colours, no wrapping): any result, made
    JSON-ready by the one ``to_jsonable``."""
    print(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False))


T = TypeVar("T")


def answer(
    value: T, as_json: bool, show: Callable[[T], object], record: Callable[[T], Any] | None = None
) -> None:
    """What a command found: with ``--json`` as JSON (of ``record(value)`` when a command keeps
    only some of it), else drawn for people by ``show``."""
    if as_json:
        print_json(value if record is None else record(value))
    else:
        show(value)


def confirm(question: str, yes: bool) -> None:
    """Ask ``question`` unless ``--yes`` answered it; a no ends the command with exit code 1."""
    import typer

    if not yes and not typer.confirm(question):
        raise typer.Exit(1)


def ok(message: str) -> None:
    from rich.markup import escape

    console().print(f"[green]✓[/] {escape(message)}")


def stage_text(app: Application) -> str:
    from rich.markup import escape

    style = STAGE_STYLE.get(app.stage.value, "")
    return f"[{style}]{escape(app.stage_label)}[/]"


#: ANSI colours for stages in plain listings (Rich styles are used everywhere else).
_ANSI = {
    "dim": "2",
    "cyan": "36",
    "blue": "34",
    "magenta": "35",
    "bold magenta": "1;35",
    "bold green": "1;32",
    "red": "31",
    "yellow": "33",
    "dim yellow": "2;33",
}
_CONTROL = {c: "?" for c in (*range(0, 32), 127)}
#: Terminal escapes (C0, DEL, C1) and bidirectional overrides, which can disguise text.
_UNSAFE = {c: "\ufffd" for c in (*range(0, 32), *range(127, 160), *range(0x202A, 0x202F),
                                  *range(0x2066, 0x206A))}  # fmt: skip
_UNSAFE_KEEP_LINES = {c: v for c, v in _UNSAFE.items() if c not in (9, 10)}


def safe_text(text: str, *, keep_newlines: bool = False) -> str:
    """Untrusted text (email) made safe for a terminal: control characters become "\ufffd"."""
    text = text.replace("\r\n", "\n")
    return text.translate(_UNSAFE_KEEP_LINES if keep_newlines else _UNSAFE)


def evidence_markup(items: Sequence[str], limit: int = 4) -> str:
    """Evidence items as Rich markup: each sentence quoted, its deciding words in bold
    (``onward.domain.evidence``); the email's text is made safe and escaped."""
    from rich.markup import escape

    from onward.domain.evidence import evidence_parts

    shown = []
    for item in items[:limit]:
        before, words, after = (escape(safe_text(part)) for part in evidence_parts(item))
        shown.append(f"“{before}[bold]{words}[/]{after}”" if words else f"“{before}”")
    return "; ".join(shown)


MAX_COLUMN = 40


def print_applications(apps: list[Application]) -> None:
    """Applications as aligned columns, written straight to stdout.

    A Rich table measures every cell (about 2 s for 5,000 rows, and its import alone is a
    sixth of the CLI's start-up budget), so the list, the command people run most, writes
    plain columns: long cells are cut with an ellipsis, control characters from imported
    data are neutralised, and the stage is coloured only on a colour terminal.
    """
    columns = [
        ("ID", [str(a.id) for a in apps], True),
        ("Company", [a.company + (" (archived)" if a.archived_at else "") for a in apps], False),
        ("Role", [a.role for a in apps], False),
        ("Stage", [a.stage_label for a in apps], False),
        ("Since", [formats().day(a.stage_on) for a in apps], False),
        ("Tags", [", ".join(a.fields.tags) for a in apps], False),
    ]
    widths = [
        min(MAX_COLUMN, max(len(title), *(len(v) for v in values))) for title, values, _ in columns
    ]
    colour = _colour_terminal()

    def line(cells: list[str], stage: str | None = None) -> str:
        parts = []
        for index, ((_, _, right), width, cell) in enumerate(
            zip(columns, widths, cells, strict=True)
        ):
            cell = cell.translate(_CONTROL)
            cell = cell if len(cell) <= width else cell[: width - 1] + "…"
            cell = cell.rjust(width) if right else cell.ljust(width)
            if colour and stage and index == 3:
                cell = f"\x1b[{_ANSI[STAGE_STYLE[stage]]}m{cell}\x1b[0m"
            parts.append(cell)
        return "  ".join(parts).rstrip()

    out = sys.stdout
    out.write(line([title for title, _, _ in columns]) + "\n")
    for app, row in zip(apps, zip(*(values for _, values, _ in columns), strict=True), strict=True):
        out.write(line(list(row), app.stage.value) + "\n")
    out.flush()


def _colour_terminal() -> bool:
    return (
        sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
        and os.environ.get("TERM", "") != "dumb"
    )


def application_details(
    app: Application, contacts: list[Contact], notes: Sequence[tuple[date, str]] = ()
) -> None:
    """One application; ``notes`` (e.g. messages sent) join its timeline by date."""
    from rich.markup import escape

    out = console()
    f = app.fields
    out.print(f"[bold]#{app.id} {escape(f.role)}[/] at [bold]{escape(f.company)}[/]")
    out.print(f"Stage: {stage_text(app)} since {formats().day(app.stage_on)}")
    rows: list[tuple[str, str | None]] = [
        ("Job ref", f.job_ref),
        ("Posting", f.url),
        ("Location", f.location),
        ("Channel", f.channel.value.replace("_", " ") if f.channel else None),
        ("Salary", _salary(app)),
        ("Excitement", "★" * f.excitement + "☆" * (5 - f.excitement) if f.excitement else None),
        ("Resume", _resume(app)),
        ("Tags", ", ".join(f.tags) or None),
        ("Archived", formats().day(app.archived_at) if app.archived_at else None),
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
    lines: list[tuple[date, int, str]] = []
    for event in app.events:
        label = event.stage.value + (f" {event.round}" if event.round else "")
        style = STAGE_STYLE.get(event.stage.value, "")
        note = f" [dim]— {escape(event.note)}[/]" if event.note else ""
        source = f" [dim]({event.source})[/]" if event.source != "manual" else ""
        lines.append((event.occurred_on, 0, f"[{style}]{label}[/]{note}{source}"))
    lines += [(day, 1, f"[cyan]✉[/] {escape(text)}") for day, text in notes]
    for day, _, text in sorted(lines, key=lambda line: (line[0], line[1])):
        out.print(f"  {formats().day(day)}  {text}")


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
