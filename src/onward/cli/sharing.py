"""`onward share` (a job seeker shares some scopes with a coach, sees who looked, revokes) and
`onward caseload` (a coach's people with their health flags, and the cohort report)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.domain.dates import parse_day
from onward.domain.sharing import DEFAULT_SCOPES, NEVER_SHARED, Scope
from onward.export.jsonable import to_jsonable
from onward.formats import formats

share_app = typer.Typer(
    help="Share some of your data with a coach until a day, see who looked, and stop sharing. "
    "Run `onward share` for your shares and the access log.",
    invoke_without_command=True,
)
caseload_app = typer.Typer(
    help="For coaches: the people who share with you and their health flags. Run `onward "
    "caseload`; `onward caseload report FILE` writes the cohort report.",
    invoke_without_command=True,
)
SCOPE_HELP = ", ".join(s.value for s in Scope)
DEFAULT_DAYS = 90


@share_app.callback()
def shares(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Your shares (ended ones too) and every time a coach looked."""
    if ctx.invoked_subcommand is not None:
        return
    from onward.services.sharing import sharing_view

    ws = workspace()
    view = sharing_view(ws.store, ws.owner, ws.clock)
    if as_json:
        render.print_json(
            {
                "shares": [
                    {**s.as_json(), "status": s.status(view.today).value} for s in view.shares
                ],
                "access": to_jsonable(view.access),
            }
        )
        return
    out = render.console()
    if not view.shares:
        out.print("You share nothing. onward share add COACH_EMAIL --scope pipeline ...")
    for s in view.shares:
        state = s.status(view.today).value
        out.print(
            f"#{s.id} {escape(s.coach)}: {', '.join(s.scope_names)} until {s.expires_on} ({state})"
        )
    for e in view.access:
        when = f"on {formats().moment(e.at)}"
        if e.times > 1 and e.first_at is not None:
            when = (
                f"{e.times} times, from {formats().moment(e.first_at)} to {formats().moment(e.at)}"
            )
        out.print(f"  {escape(e.coach)} viewed your {escape(e.what)} {when}")
    out.print(f"[dim]{NEVER_SHARED}[/]")


@share_app.command("add")
def add(
    coach: Annotated[str, typer.Argument(help="Your coach's email (their account's).")],
    scopes: Annotated[
        list[str] | None,
        typer.Option("--scope", help=f"What they may see (repeat): {SCOPE_HELP}."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", help=f"The last day they may look (default: in {DEFAULT_DAYS} days)."
        ),
    ] = None,
) -> None:
    """Share with a coach. Without --scope: all but reflections and the journal."""
    from onward.services.sharing import share_with_coach

    ws = workspace()
    today = ws.clock.today()
    last = parse_day(until, today) if until else today + timedelta(days=DEFAULT_DAYS)
    chosen = scopes or sorted(s.value for s in DEFAULT_SCOPES)
    made = share_with_coach(ws.store, ws.owner, coach, chosen, last, ws.clock)
    render.ok(f"Shared {', '.join(made.scope_names)} with {made.coach} until {made.expires_on}.")


@share_app.command("revoke")
def revoke(share_id: Annotated[int, typer.Argument(help="Share id (see onward share).")]) -> None:
    """Stop sharing now."""
    from onward.services.sharing import revoke_share

    ws = workspace()
    gone = revoke_share(ws.store, ws.owner, share_id, ws.clock)
    render.ok(f"{gone.coach} can no longer see anything of yours.")


@caseload_app.callback()
def caseload(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Your people (active shares only), each flag with its reason."""
    if ctx.invoked_subcommand is not None:
        return
    from onward.services.caseload import caseload as read_caseload

    ws = workspace()
    people = read_caseload(ws.store, ws.owner, ws.clock)
    if as_json:
        render.print_json(
            [
                {"person": p.person_id, "name": p.name, "share": p.share.as_json(),
                 "flags": to_jsonable(p.flags)}
                for p in people
            ]
        )  # fmt: skip
        return
    out = render.console()
    if not people:
        out.print("No one shares with you now.")
    for p in people:
        out.print(f"[bold]{escape(p.name)}[/] (#{p.person_id}, until {p.share.expires_on})")
        for f in p.flags:
            out.print(f"  {f.kind.value}: {escape(f.reason)}")


@caseload_app.command("report")
def report(
    path: Annotated[Path, typer.Argument(help="Where to write it: a .csv file, else HTML.")],
) -> None:
    """Write the cohort report (funnel, effort, each person's flags; only shared data)."""
    from onward.services.cohort import write_cohort_report

    ws = workspace()
    written = write_cohort_report(ws.store, ws.owner, ws.clock, path)
    render.ok(f"Wrote {written}")
