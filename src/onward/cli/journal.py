"""Journal commands: your mood, a few words, rest days, and gentle nudges."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import DateOpt, JsonOpt
from onward.domain.dates import parse_day
from onward.formats import formats
from onward.services.journal import journal_overview, write_journal

if TYPE_CHECKING:
    from onward.services.journal import JournalOverview

journal_app = typer.Typer(
    help="A short mood journal. Run `onward journal` for recent entries, your mood trend and "
    "gentle nudges; options: --limit N, --json.",
    invoke_without_command=True,
)

PROMPT = "A few words about today (what is on your mind, what helped)"


@journal_app.callback()
def journal(
    ctx: typer.Context,
    limit: int = typer.Option(10, "--limit", "-n", help="How many recent entries to show."),
    as_json: JsonOpt = False,
) -> None:
    """Recent entries, your mood trend, and nudges to look after yourself."""
    if ctx.invoked_subcommand is not None:
        return

    ws = workspace()
    overview = journal_overview(ws.store, ws.owner, ws.clock, limit=limit)
    render.answer(overview, as_json, _show, _record)


def _record(overview: JournalOverview) -> dict[str, Any]:
    return {
        "entries": [
            {
                "written_on": e.written_on.isoformat(),
                "mood": e.mood,
                "text": e.text,
                "rest_day": e.rest_day,
            }
            for e in overview.entries
        ],
        "trend": {
            "recent": overview.trend.recent,
            "before": overview.trend.before,
            "direction": overview.trend.direction,
        },
        "nudges": [
            {"kind": n.kind.value, "message": n.message, "suggestions": list(n.suggestions)}
            for n in overview.nudges
        ],
        "in_dwell": overview.in_dwell,
    }


def _show(overview: JournalOverview) -> None:

    out = render.console()
    if not overview.entries:
        out.print("Your journal is empty. Write a first entry with [bold]onward journal add[/].")
    for e in overview.entries:
        rest = " [green](rest day)[/]" if e.rest_day else ""
        text = f"  {escape(e.text)}" if e.text else ""
        out.print(f"{formats().day(e.written_on)}  mood {e.mood}/5{rest}{text}")
    trend = overview.trend
    if trend.recent is not None and trend.before is not None:
        out.print(
            f"\nMood trend: {trend.direction} (last three {trend.recent:.1f}, "
            f"three before {trend.before:.1f})."
        )
    if overview.in_dwell:
        out.print("\nYou are in a quiet time after a rejection. Go easy on yourself today.")
    for n in overview.nudges:
        out.print(f"\n[bold]{escape(n.message)}[/]")
        for idea in n.suggestions:
            out.print(f"  - {escape(idea)}")


@journal_app.command("add")
def add(
    mood: int = typer.Option(
        ...,
        "--mood",
        "-m",
        prompt="Mood, from 1 (low) to 5 (good)",
        help="How you feel, from 1 (low) to 5 (good).",
    ),
    text: str | None = typer.Option(None, "--text", "-t", help="A few words (asked if left out)."),
    rest_day: bool = typer.Option(False, "--rest-day", help="Today was a day off the search."),
    on: DateOpt = None,
) -> None:
    """Write a journal entry: your mood, a few words, and whether it was a rest day."""
    ws = workspace()
    if text is None:
        text = typer.prompt(PROMPT, default="", show_default=False)
    day = parse_day(on, ws.clock.today()) if on else None
    entry = write_journal(ws.store, ws.owner, mood, text, ws.clock, rest_day=rest_day, on=day)
    thanks = " Enjoy the rest." if entry.rest_day else ""
    render.ok(f"Journal entry kept for {formats().day(entry.written_on)}.{thanks}")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.add_typer(journal_app, name="journal")
