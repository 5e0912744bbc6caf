"""`onward prepare`: before an interview, the next steps for if it is a no."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import AppId, JsonOpt
from onward.export.jsonable import to_jsonable
from onward.services.setback import get_preparation, prepare_for_setback

app = typer.Typer()


@app.command("prepare")
def prepare(
    app_id: AppId,
    steps: Annotated[
        list[str] | None,
        typer.Option("--step", help="A next step if this is a no (up to three: repeat --step)."),
    ] = None,
    proud: str | None = typer.Option(None, "--proud", help="What you will be proud of either way."),
    as_json: JsonOpt = False,
) -> None:
    """Before an interview: write your next steps for if it is a no, and what you will be
    proud of either way. They come back after the time to feel it. Without --step, shows them."""
    ws = workspace()
    if steps:
        prep = prepare_for_setback(ws.store, ws.owner, app_id, steps, proud, ws.clock)
    else:
        found = get_preparation(ws.store, ws.owner, app_id)
        if found is None:
            if as_json:
                render.print_json(None)
                return
            render.console().print(
                "Nothing prepared yet. If this is a no, what will your next steps be?\n"
                f"  onward prepare {app_id} --step 'send the two applications I saved' "
                "--step 'ask Sam for a mock interview' --proud 'how well I prepared'"
            )
            return
        prep = found
    if as_json:
        render.print_json(to_jsonable(prep))
        return
    out = render.console()
    if steps:
        render.ok("Saved. Whatever they decide, you know your next steps.")
    out.print("If this is a no, my next steps will be:")
    for number, step in enumerate(prep.steps, 1):
        out.print(f"  {number}. {escape(step)}")
    if prep.proud:
        out.print(f"What I will be proud of either way: {escape(prep.proud)}")


commands = app
