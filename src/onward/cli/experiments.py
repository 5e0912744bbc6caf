"""`onward experiment`: one change to try at a time, measured honestly."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.export.jsonable import to_jsonable
from onward.services.experiments import (
    end_experiment,
    experiment_results,
    start_experiment,
    tag_applications,
)

app = typer.Typer(
    help="Strategy experiments: try one change, mark the applications that use it, and see "
    "how they fare. Run `onward experiment` for yours.",
    invoke_without_command=True,
)
ExpId = Annotated[int, typer.Argument(help="Experiment id (see onward experiment).")]


@app.callback()
def experiment(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Your experiments and how applications with each fared against the rest."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace()
    results = experiment_results(ws.store, ws.owner)
    if as_json:
        render.print_json(
            [
                {**to_jsonable(r.experiment), "verdict": r.comparison.verdict.value,
                 "with": r.comparison.with_it.as_dict(),
                 "without": r.comparison.without_it.as_dict(), "words": r.comparison.words}
                for r in results
            ]
        )  # fmt: skip
        return
    out = render.console()
    if not results:
        out.print("No experiments yet: onward experiment start 'ask for a referral first'")
    for r in results:
        e = r.experiment
        state = (
            "trying"
            if e.running
            else ("kept" if e.decision and e.decision.value == "keep" else "dropped")
        )
        out.print(f"[bold]#{e.id} {escape(e.name)}[/] ({state}, tag {e.tag})")
        out.print(f"  {escape(r.comparison.words)}")


@app.command("start")
def start(name: Annotated[str, typer.Argument(help="The change to try.")]) -> None:
    """Start trying one change; Onward gives it a tag for the applications that use it."""
    ws = workspace()
    e = start_experiment(ws.store, ws.owner, name, ws.clock)
    render.ok(
        f"Trying #{e.id}: {escape(e.name)}. Mark applications: onward experiment tag {e.id} ID..."
    )


@app.command("tag")
def tag(
    exp_id: ExpId,
    app_ids: Annotated[list[int], typer.Argument(help="Applications that use the change.")],
) -> None:
    """Mark applications as using the change."""
    ws = workspace()
    marked = tag_applications(ws.store, ws.owner, exp_id, app_ids, ws.clock)
    render.ok(f"Marked {marked} application(s).")


@app.command("end")
def end(
    exp_id: ExpId,
    keep: bool = typer.Option(False, "--keep", help="Keep doing it."),
    drop: bool = typer.Option(False, "--drop", help="Stop doing it."),
) -> None:
    """End an experiment with your decision: --keep or --drop."""
    ws = workspace()
    decision = "keep" if keep and not drop else "drop" if drop and not keep else ""
    e = end_experiment(ws.store, ws.owner, exp_id, decision, ws.clock)
    render.ok(f"Ended #{e.id}: {escape(e.name)} ({e.state}).")
