"""`onward insights` (key findings in the terminal) and `onward report --html FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.formats import formats
from onward.services.insights import insights_record, read_insights, write_report

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from onward.domain.insights.funnel import Cut
    from onward.domain.insights.patterns import Counted
    from onward.domain.insights.stats import Rate
    from onward.domain.insights.summary import Insights

RECENT_HELP = "How many recent weeks to compare with the whole search."
#: What `onward insights` says while a dwell window is open.
HELD_BACK = (
    "[bold magenta]The numbers can wait.[/] You are in the quiet time after a rejection; "
    "rates and patterns now tend to turn into judging yourself.\n"
    "They will be here when you feel ready (`onward today` shows when the window ends). "
    "To see them now: `onward insights --anyway`."
)
#: Groups of a cut shown in the terminal (the report shows every one).
TERMINAL_GROUPS = 6


def insights(
    recent_weeks: int = typer.Option(8, "--recent-weeks", help=RECENT_HELP),
    anyway: bool = typer.Option(
        False, "--anyway", help="Show the numbers even while a dwell window is open."
    ),
    as_json: JsonOpt = False,
) -> None:
    """Patterns across your applications: funnel, where it narrows, reasons, themes.

    While a dwell window after a rejection is open, the numbers wait (unless --anyway)."""
    ws = workspace()
    reading = read_insights(
        ws.store, ws.owner, ws.clock, anyway=anyway, recent_weeks=recent_weeks,
        ghosting=ws.ghosting,
    )  # fmt: skip
    if reading.insights is None:
        if as_json:
            render.print_json({"held_back": True, "dwelling": True})
        else:
            render.console().print(HELD_BACK)
        return
    if as_json:
        render.print_json(insights_record(reading.insights))
        return
    show(reading.insights)


def report(
    html: Path = typer.Option(..., "--html", help="The HTML file to write.", dir_okay=False),
    recent_weeks: int = typer.Option(8, "--recent-weeks", help=RECENT_HELP),
) -> None:
    """Write an offline HTML report with every chart, to keep or share with a coach."""
    ws = workspace()
    written = write_report(
        ws.store, ws.owner, ws.clock, html, recent_weeks=recent_weeks, ghosting=ws.ghosting
    )
    size = written.stat().st_size / 1_000_000
    render.console().print(
        f"Wrote {escape(str(written))} ({size:.1f} MB). It opens offline in any browser; "
        "nothing in it loads from the internet."
    )


def _rate(rate: Rate, brief: bool = False) -> str:

    text = escape(rate.brief() if brief else rate.describe())
    return text if rate.enough else f"[yellow]{text}[/]"


def show(found: Insights) -> None:

    out = render.console()
    out.print(
        f"[bold]Insights as of {formats().day(found.as_of)}[/] · "
        f"{found.funnel.applied} application(s) sent"
    )
    if found.empty:
        out.print("\nNothing to read yet: add applications with `onward add`.")
        return
    out.print("\n[bold]Key findings[/]")
    if not found.diagnoses:
        out.print(
            "  No step of the funnel stands out as narrow yet, or there is not enough data "
            "to say so."
        )
    for d in found.diagnoses:
        out.print(f"  [bold magenta]▸ {escape(d.title)}[/]")
        out.print(f"    {escape(d.evidence)}")
        for action in d.actions:
            out.print(f"    • {escape(action)}")
        out.print(f"    [dim]{escape(d.caveat)}[/]")
    _funnel(out, found)
    _changes(out, found)
    out.print("\n[bold]Timing and silence[/]")
    out.print(f"  First response: {escape(found.first_response.describe('responses'))}")
    out.print(f"  Rejection: {escape(found.to_rejection.describe('rejections'))}")
    out.print(f"  Ended without a word: {_rate(found.ghosting)}")
    shown = [c for c in found.cuts if _readable(c)]
    for c in shown:
        _cut(out, c)
    if len(shown) < len(found.cuts):
        out.print(
            "\n[dim]Cuts by channel, tailoring, role family, seniority and company appear here "
            "once a group has 10 outcomes; the report shows them all.[/]"
        )
    _counted(out, "Rejection reasons", found.reasons, found.rejections)
    _counted(out, "Feedback themes", found.themes, found.feedback)
    _ratings(out, found)
    _skill_gaps(out, found)
    out.print(
        "\n[dim]Patterns in your own numbers, not causes. Charts: "
        "`onward report --html report.html`.[/]"
    )


def _table(*headers: str) -> Table:

    table = Table(box=box.SIMPLE, pad_edge=False, show_edge=False)
    for i, h in enumerate(headers):
        table.add_column(h, justify="right" if i == 1 else "left")
    return table


def _funnel(out: Console, found: Insights) -> None:

    table = _table("Step", "Got this far", "Conversion from the step before", "Waiting")
    for s in found.funnel.steps:
        conv = _rate(s.conversion) if s.conversion else "—"
        table.add_row(escape(s.label), str(s.count), conv, str(s.pending or ""))
    out.print("\n[bold]Funnel[/]")
    out.print(table)


def _changes(out: Console, found: Insights) -> None:

    table = _table("", "Overall", f"Last {found.recent_weeks} weeks")
    for c in found.changes:
        table.add_row(escape(c.label), _rate(c.overall, True), _rate(c.recent, True))
    out.print("\n[bold]Recent weeks against the whole search[/]")
    out.print(table)


def _readable(cut: Cut) -> bool:
    """Worth a table in the terminal: two groups or more, one of them with enough outcomes."""
    return len(cut.groups) >= 2 and any(g.response.enough for g in cut.groups)


def _cut(out: Console, cut: Cut) -> None:

    table = _table(cut.label, "Applied", "Any response", "Interview", "Offer")
    for g in cut.groups[:TERMINAL_GROUPS]:
        table.add_row(
            escape(g.name),
            str(g.applied),
            _rate(g.response, True),
            _rate(g.interview, True),
            _rate(g.offer, True),
        )
    out.print(f"\n[bold]By {escape(cut.label.lower())}[/]")
    out.print(table)


def _counted(out: Console, title: str, items: tuple[Counted, ...], total: int) -> None:

    out.print(f"\n[bold]{title}[/]")
    if not items:
        out.print("  None logged yet.")
        return
    for c in items:
        out.print(f"  {escape(c.label)}: {c.count} of {total} ({round(c.share * 100)}%)")
        for q in c.quotes[:1]:
            out.print(f'    [italic]"{escape(q.text)}"[/] [dim]({escape(q.company)})[/]')


def _ratings(out: Console, found: Insights) -> None:

    out.print("\n[bold]Your reflections[/]")
    if not found.ratings:
        out.print("  No reflections written yet.")
        return
    low = found.lowest_rated
    if low:
        out.print(f"  You rate {escape(low.label)} lowest: {low.mean:.1f} of 5 over {low.n}.")
    else:
        out.print("  [yellow]Not enough ratings yet to say which stage you rate lowest.[/]")
    for r in found.ratings:
        out.print(f"  {escape(r.label)}: {r.mean:.1f} from {r.n} rating(s), {r.trend}")


def _skill_gaps(out: Console, found: Insights) -> None:

    gaps = found.skill_gaps
    if gaps is None:
        return
    out.print("\n[bold]Skills the lost jobs asked for[/]")
    if gaps.resume is None:
        from onward.cli.hints import command

        hint = f"; {command(gaps.hint)}" if gaps.hint else ""
        out.print(f"  {escape((gaps.note or '') + hint)}")
        return
    out.print(
        f"  Compared {gaps.compared} of {gaps.rejected} rejected application(s) with resume "
        f"{escape(gaps.resume)}."
    )
    if gaps.note:
        out.print(f"  [dim]{escape(gaps.note)}[/]")
    elif gaps.few and gaps.gaps:
        out.print("  [yellow]Only a few postings to compare: a hint, not a pattern yet.[/]")
    elif not gaps.gaps:
        out.print("  The postings asked for nothing your resume lacks.")
    for g in gaps.gaps[:5]:
        jobs = "job" if g.jobs == 1 else "jobs"
        out.print(f"  {escape(g.skill)}: {g.jobs} {jobs}, furthest {g.furthest}")
    if gaps.gaps:
        out.print("  [dim]All of them: `onward skills gaps`; into your plan: `--plan`.[/]")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command("insights")(insights)
commands.command("report")(report)
