"""Skill commands: one application against your resume, and the gaps across rejections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import AppId, JsonOpt
from onward.services.skills import match_application, plan_skill_gaps, skill_gaps

if TYPE_CHECKING:
    from onward.services.skills import SkillGaps

app = typer.Typer(help="Skills the jobs asked for, against your resume.", no_args_is_help=True)

RESUME_HELP = "Resume version number, v2, or label."


def match(
    app_id: AppId,
    resume: str | None = typer.Option(
        None, "--resume", help=RESUME_HELP + " Default: the one sent, else the newest."
    ),
    as_json: JsonOpt = False,
) -> None:
    """Score an application's job description against your resume; list the missing skills."""
    ws = workspace()
    result = match_application(ws.store, ws.owner, app_id, resume=resume)
    m = result.match
    if as_json:
        render.print_json(
            {
                "application_id": app_id,
                "resume_version": result.resume.version,
                "resume_is_the_one_sent": result.resume_named,
                "score": m.score,
                "asked": [x.skill.name for x in m.asked],
                "matched": [x.skill.name for x in m.matched],
                "missing": [x.skill.name for x in m.missing],
            }
        )
        return
    out = render.console()
    app = result.application
    which = "sent" if result.resume_named else "newest" if resume is None else "chosen"
    out.print(
        f"[bold]#{app.id} {escape(app.company)}, {escape(app.role)}[/] against resume "
        f"{escape(result.resume.name)} ({which})"
    )
    if m.score is None:
        out.print("The job description names no skill Onward knows, so there is no score.")
        return
    out.print(f"Match: [bold]{m.score}%[/] ({len(m.matched)} of {len(m.asked)} skills)")
    if m.matched:
        out.print("[green]On your resume:[/] " + escape(", ".join(x.skill.name for x in m.matched)))
    if m.missing:
        out.print("[yellow]Missing:[/] " + escape(", ".join(x.skill.name for x in m.missing)))


@app.command()
def gaps(
    plan: bool = typer.Option(False, "--plan", help="Add the top gaps to your learning plan."),
    top: int = typer.Option(5, "--top", help="How many gaps --plan adds (1-50)."),
    resume: str | None = typer.Option(None, "--resume", help=RESUME_HELP + " Default: newest."),
    as_json: JsonOpt = False,
) -> None:
    """Skills your rejected applications asked for that your resume lacks, weighted by how
    often and how far you got."""
    ws = workspace()
    if plan:
        planned = plan_skill_gaps(ws.store, ws.owner, ws.clock, top=top, resume=resume)
        result = planned.gaps
    else:
        result = skill_gaps(ws.store, ws.owner, resume=resume)
    if as_json:
        render.print_json(gaps_record(result))
        return
    out = render.console()
    _print_gaps(result)
    if plan:
        for stored in planned.added:
            render.ok(f"Added #{stored.id}: {stored.item.title}.")
        if planned.already_planned:
            names = ", ".join(g.skill.name for g in planned.already_planned)
            out.print(f"[dim]Already in your plan: {escape(names)}.[/]")
    elif result.gaps:
        out.print("[dim]Turn the top ones into plan items with: onward skills gaps --plan[/]")


def _print_gaps(result: SkillGaps) -> None:

    out = render.console()
    if not result.rejected:
        out.print("No rejected applications yet, so there is nothing to compare.")
        return
    out.print(
        f"Compared {len(result.compared)} of {result.rejected} rejected applications with "
        f"resume {escape(result.resume.name)}."
    )
    if result.without_description:
        ids = ", ".join(f"#{i}" for i in result.without_description)
        first = result.without_description[0]
        out.print(
            f"[dim]No job description (not counted): {ids}. Add one with "
            f"onward edit {first} --description-file FILE.[/]"
        )
    if not result.compared:
        return
    if not result.gaps:
        out.print("No gaps found: the postings asked for nothing your resume lacks.")
        return
    if result.few:
        n = len(result.compared)
        out.print(
            f"[dim]Only {n} {'posting' if n == 1 else 'postings'} compared: a hint, not a "
            "pattern. Read these as things to check, not conclusions.[/]"
        )
    table = Table(box=None, pad_edge=False)
    for column in ("Skill", "Weight", "Jobs", "Furthest", "Applications"):
        table.add_column(column)
    for gap in result.gaps[:20]:
        table.add_row(
            escape(gap.skill.name),
            str(gap.weight),
            str(gap.count),
            gap.furthest.value,
            ", ".join(f"#{i}" for i in gap.application_ids),
        )
    out.print(table)
    if len(result.gaps) > 20:
        out.print(f"[dim]…and {len(result.gaps) - 20} more (--json lists all).[/]")


def gaps_record(result: SkillGaps) -> dict[str, Any]:
    return {
        "resume_version": result.resume.version,
        "rejected": result.rejected,
        "compared": list(result.compared),
        "without_description": list(result.without_description),
        "few": result.few,
        "gaps": [
            {
                "skill": g.skill.name,
                "weight": g.weight,
                "count": g.count,
                "furthest": g.furthest.value,
                "application_ids": list(g.application_ids),
            }
            for g in result.gaps
        ],
    }


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(match)
commands.add_typer(app, name="skills")
