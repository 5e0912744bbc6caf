"""``onward settings``: the settings in effect and where each comes from; ``onward settings set
KEY VALUE`` saves one for you (the same as the web app's Settings page)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Your settings: where each comes from (`onward settings`); "
    "`onward settings set KEY VALUE` changes one.",
    invoke_without_command=True,
)


@app.callback()
def show(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The settings you can change, their values and where each comes from."""
    if ctx.invoked_subcommand is not None:
        return
    from onward.cli.context import settings, workspace
    from onward.cli.render import console, print_json
    from onward.services.settings import read_settings

    ws = workspace()
    effective = read_settings(ws.store, ws.owner, settings())
    if as_json:
        print_json(effective.as_json())
        return
    from rich.table import Table

    table = Table(title="Settings")
    for column in ("setting", "value", "from"):
        table.add_column(column)
    for v in effective.values:
        source = f"{v.variable} (environment)" if v.overridden else v.source.value
        shown = "" if v.value is None else str(v.value)
        shown = shown.lower() if isinstance(v.value, bool) else shown
        table.add_row(v.name, shown, source)
    console().print(table)


@app.command("set")
def set_setting(
    key: str = typer.Argument(..., help="The setting, e.g. sender_name (see `onward settings`)."),
    value: str = typer.Argument(..., help='Its new value; "" goes back to the default.'),
) -> None:
    """Save one setting for you; it takes effect at once (an ONWARD_ variable still wins)."""
    from onward.cli.context import settings, workspace
    from onward.cli.render import console
    from onward.services.settings import change_settings, read_settings

    ws = workspace()
    name = key.strip().lower().removeprefix("onward_")
    change_settings(ws.store, ws.owner, {name: value}, ws.clock)
    now = read_settings(ws.store, ws.owner, settings()).value(name)
    if now.overridden:
        console().print(f"Saved, but {now.variable} is set in the environment and wins.")
    else:
        console().print(f"{name} is now {now.value if now.value is not None else 'not set'}.")
