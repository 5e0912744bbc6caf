"""Goals commands: weekly goals, logging effort, a second look at saved jobs, small wins."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.progress_bar import ProgressBar
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import DateOpt, JsonOpt
from onward.domain.dates import parse_day
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.wins import RECENT_DAYS
from onward.export.jsonable import to_jsonable
from onward.formats import formats
from onward.services.goals import goal_progress, log_effort, set_goals
from onward.services.goals import revisit as revisit_jobs
from onward.services.wins import add_win, list_wins

if TYPE_CHECKING:
    from onward.services.goals import GoalProgress
    from onward.services.wins import WinEntry

goals_app = typer.Typer(
    help="Modest weekly goals, counted from what you do. "
    "Run `onward goals` to see this week; options: --weeks N, --json.",
    invoke_without_command=True,
)
wins_app = typer.Typer(
    help="Small wins worth noticing. Run `onward wins` for the last 14 days; "
    "options: --all (every win), --json.",
    invoke_without_command=True,
)

LABELS = {
    "applications": "Applications",
    "follow_ups": "Follow-ups sent",
    "reflections": "Reflections",
    "learning_hours": "Learning (hours)",
    "networking": "Networking touches",
}


def _day(text: str | None) -> date | None:
    if text is None:
        return None

    return parse_day(text, workspace().clock.today())


def _number(value: float) -> str:
    return f"{value:g}"


@goals_app.callback()
def goals(
    ctx: typer.Context,
    weeks: int = typer.Option(4, "--weeks", "-w", help="How many recent weeks to show."),
    as_json: JsonOpt = False,
) -> None:
    """This week's goals: progress, your streak, and a kind word."""
    if ctx.invoked_subcommand is not None:
        return

    ws = workspace()
    progress = goal_progress(ws.store, ws.owner, ws.clock, weeks=weeks)
    render.answer(progress, as_json, _show_progress, _progress_record)


def _progress_record(progress: GoalProgress) -> dict[str, Any]:
    def week(w: Any) -> dict[str, Any]:
        return {
            "week_start": w.week_start.isoformat(),
            "met": w.met,
            "metrics": {m.metric.value: {"target": m.target, "done": m.done} for m in w.metrics},
        }

    return {
        "goals": {m: getattr(progress.goals, m) for m in LABELS},
        "this_week": week(progress.this_week),
        "weeks": [week(w) for w in progress.weeks],
        "streak": {"current": progress.streak.current, "best": progress.streak.best},
        "plans_kept": to_jsonable(progress.plans),
    }


def _show_progress(progress: GoalProgress) -> None:

    out = render.console()
    if not progress.tracked:
        out.print("You are not tracking any weekly goals. Set one with [bold]onward goals set[/].")
        return
    week = progress.this_week
    out.print(
        f"[bold]This week[/] ({formats().day(week.week_start)} to {formats().day(week.week_end)})"
    )
    table = Table(box=None, pad_edge=False, show_header=False)
    for _ in range(3):
        table.add_column()
    for m in week.metrics:
        bar = ProgressBar(total=m.target, completed=min(m.done, m.target), width=24)
        mark = " [green]done[/]" if m.met else ""
        table.add_row(
            LABELS[m.metric.value], bar, f"{_number(m.done)} of {_number(m.target)}{mark}"
        )
    out.print(table)
    for past in progress.weeks[:-1]:
        if not any(m.done for m in past.metrics):
            continue  # a week before you started, or a week off: nothing to report
        met = sum(m.met for m in past.metrics)
        summary = "every goal met" if past.met else f"{met} of {len(past.metrics)} goals met"
        out.print(f"[dim]Week of {formats().day(past.week_start)}: {summary}[/]")
    s = progress.streak
    weeks = "week" if s.current == 1 else "weeks"
    out.print(f"Streak: {s.current} {weeks} in a row (best: {s.best}).")
    if progress.plans and progress.plans.due:
        out.print(f"If-then plans: {progress.plans.words}")
    out.print(_kind_line(progress))


def _kind_line(progress: GoalProgress) -> str:
    week = progress.this_week
    if week.met:
        return "Every goal met this week. That is steady, real work: well done."
    if any(m.done > 0 for m in week.metrics):
        return "You are moving. Every step counts, and the week is not over yet."
    return "A new week, a fresh start. One small step is enough to begin."


@goals_app.command("set")
def set_(
    applications: float | None = typer.Option(
        None, "--applications", help="Applications a week (0 stops tracking it)."
    ),
    follow_ups: float | None = typer.Option(
        None, "--follow-ups", help="Follow-ups sent a week (0 stops tracking it)."
    ),
    reflections: float | None = typer.Option(
        None, "--reflections", help="Reflections a week (0 stops tracking it)."
    ),
    learning_hours: float | None = typer.Option(
        None, "--learning-hours", help="Hours of learning a week (0 stops tracking it)."
    ),
    networking: float | None = typer.Option(
        None, "--networking", help="Networking touches a week (0 stops tracking it)."
    ),
) -> None:
    """Change your weekly goals; the ones you leave out stay as they are."""
    given = {
        Metric.APPLICATIONS: applications,
        Metric.FOLLOW_UPS: follow_ups,
        Metric.REFLECTIONS: reflections,
        Metric.LEARNING_HOURS: learning_hours,
        Metric.NETWORKING: networking,
    }
    changes: dict[Metric, float] = {m: v for m, v in given.items() if v is not None}
    ws = workspace()
    goals = set_goals(ws.store, ws.owner, changes, ws.clock)
    tracked = [
        f"{LABELS[m.value].lower()} {_number(goals.target(m))}" for m in given if goals.target(m)
    ]
    render.ok("Weekly goals: " + (", ".join(tracked) or "none tracked") + ".")


def log(
    metric: str = typer.Argument(..., help="follow-ups, learning (hours) or networking."),
    amount: float = typer.Argument(..., help="How much: hours of learning, or a count."),
    on: DateOpt = None,
    note: str | None = typer.Option(None, "--note", "-n", help="What it was."),
) -> None:
    """Log effort done by hand, e.g. `onward log learning 1.5 --note "SQL course"`."""
    ws = workspace()
    done = log_effort(ws.store, ws.owner, metric, amount, ws.clock, on=_day(on), note=note)
    label = LABELS[done.metric.value].lower()
    render.ok(f"Logged {_number(done.amount)} for {label} on {formats().day(done.on)}.")


def revisit() -> None:
    """Saved jobs you hesitated over, worth a second look, and a question for an open mind."""
    ws = workspace()
    found = revisit_jobs(ws.store, ws.owner, ws.clock)
    out = render.console()
    if not found.suggestions:
        out.print(
            "No saved jobs you held back on. Save one with [bold]onward add --stage saved[/]."
        )
    for s in found.suggestions:
        out.print(f"[bold]#{s.application_id}[/] {escape(s.why)}")
    out.print(f"\n[dim]To think about:[/] {escape(found.prompt)}")


@wins_app.callback()
def wins(
    ctx: typer.Context,
    show_all: bool = typer.Option(False, "--all", "-a", help="Every win, not just recent ones."),
    as_json: JsonOpt = False,
) -> None:
    """Your small wins from the last 14 days (or --all)."""
    if ctx.invoked_subcommand is not None:
        return

    ws = workspace()
    found = list_wins(ws.store, ws.owner, ws.clock, days=None if show_all else RECENT_DAYS)
    if as_json:
        render.print_json([_win_record(w) for w in found])
        return
    _show_wins(found, show_all)


def _win_record(win: WinEntry) -> dict[str, Any]:
    return {
        "on": win.on.isoformat(),
        "kind": win.kind.value if win.kind else "manual",
        "message": win.message,
        "application_id": win.application_id,
        "company": win.company,
        "id": win.id,
    }


def _show_wins(found: list[WinEntry], show_all: bool) -> None:

    out = render.console()
    if not found:
        when = "yet" if show_all else "in the last two weeks"
        out.print(
            f"No wins recorded {when}. They will come; add your own with "
            "[bold]onward wins add TEXT[/]."
        )
        return
    out.print(f"[bold]{len(found)} {'win' if len(found) == 1 else 'wins'}[/] worth noticing:")
    for w in found:
        where = (
            f" [dim]({escape(w.company or '')} #{w.application_id})[/]" if w.application_id else ""
        )
        out.print(f"  {formats().day(w.on)}  {escape(w.message)}{where}")
    out.print("Each one is real progress. Take a moment with it.")


@wins_app.command("add")
def add_win_command(
    text: str = typer.Argument(..., help="What went well."),
    on: DateOpt = None,
    application: int | None = typer.Option(
        None, "--application", "-a", help="The application it belongs to."
    ),
) -> None:
    """Keep a win of your own: a good conversation, a finished course, a brave application."""
    ws = workspace()
    win = add_win(ws.store, ws.owner, text, ws.clock, on=_day(on), application_id=application)
    render.ok(f"Kept your win of {formats().day(win.on)}. Well done.")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.add_typer(goals_app, name="goals")
commands.command(context_settings={"ignore_unknown_options": True})(log)
commands.command()(revisit)
commands.add_typer(wins_app, name="wins")
