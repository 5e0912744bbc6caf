"""`onward debrief ID` after an interview; `onward stories` for the story and question banks."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import AppId, DateOpt, JsonOpt
from onward.domain.dates import parse_day
from onward.domain.playbook.debrief import StarStory
from onward.export.jsonable import to_jsonable
from onward.services.debriefs import (
    add_story,
    debrief_interview,
    debrief_view,
    list_stories,
    question_bank,
)

stories_app = typer.Typer(
    help="Your STAR story bank and the questions interviewers asked. Run `onward stories` to "
    "see them; `onward stories add` keeps a story.",
    invoke_without_command=True,
)


def debrief(
    app_id: AppId,
    landed: str | None = typer.Option(None, "--landed", help="What went well."),
    missing: str | None = typer.Option(None, "--missing", help="What you would add or change."),
    questions: Annotated[
        list[str] | None, typer.Option("--question", help="A question they asked (repeat).")
    ] = None,
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """After an interview: what landed, what was missing, the questions asked. Without
    options, shows the debriefs so far and questions to practise."""
    ws = workspace()
    if landed or missing or questions:
        held_on = parse_day(on, ws.clock.today()) if on else None
        debrief_interview(
            ws.store, ws.owner, app_id, ws.clock, landed=landed, missing=missing,
            questions=questions or (), held_on=held_on,
        )  # fmt: skip
        if not as_json:
            render.ok("Debrief kept. Whatever they decide, this makes the next one easier.")
    view = debrief_view(ws.store, ws.owner, app_id)
    if as_json:
        render.print_json(to_jsonable(view))
        return
    out = render.console()
    for d in view.debriefs:
        out.print(f"[bold]{d.held_on:%a %-d %b %Y}[/]")
        if d.landed:
            out.print(f"  Landed: {escape(d.landed)}")
        if d.missing:
            out.print(f"  Missing: {escape(d.missing)}")
        for q in d.questions:
            out.print(f"  Asked: {escape(q)}")
    if view.prompts:
        out.print("[bold]Practise aloud[/]")
        for prompt in view.prompts:
            out.print(f"  • {escape(prompt)}")
    if not view.debriefs and not view.prompts:
        out.print(f"No debrief yet: onward debrief {app_id} --landed '...' --missing '...'")


@stories_app.callback()
def stories(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Your STAR stories and the questions you were asked."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace()
    found, asked = list_stories(ws.store, ws.owner), question_bank(ws.store, ws.owner)
    if as_json:
        questions = [{"question": q, "company": c, "asked_on": d.isoformat()} for q, c, d in asked]
        render.print_json({"stories": to_jsonable(found), "questions": questions})
        return
    out = render.console()
    out.print(f"[bold]Stories[/] ({len(found)})")
    for s in found:
        out.print(f"  #{s.id} {escape(s.title)}")
    out.print(f"[bold]Questions you were asked[/] ({len(asked)})")
    for q, company, day in asked:
        out.print(f"  {escape(q)} [dim]{escape(company)}, {day:%-d %b %Y}[/]")


@stories_app.command("add")
def add(
    title: Annotated[str, typer.Argument(help="A short title.")],
    situation: str | None = typer.Option(None, "--situation", help="Where and when."),
    task: str | None = typer.Option(None, "--task", help="What was needed of you."),
    action: str | None = typer.Option(None, "--action", help="What you did."),
    result: str | None = typer.Option(None, "--result", help="What came of it."),
) -> None:
    """Keep a STAR story (situation, task, action, result) to reuse in interviews."""
    ws = workspace()
    story = add_story(
        ws.store, ws.owner, StarStory(title, situation, task, action, result), ws.clock
    )
    render.ok(f"Story #{story.id} kept: {escape(story.title)}.")


commands = typer.Typer()
commands.command("debrief")(debrief)
commands.add_typer(stories_app, name="stories")
