"""`onward serve`: Onward in the browser, on this computer only."""

from __future__ import annotations

import typer

from onward.cli import context


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback)."),
    port: int = typer.Option(8765, "--port", help="Port to listen on; 0 picks a free one."),
    open_browser: bool = typer.Option(
        False,
        "--open",
        help="Open the address in your web browser (or say plainly to open it by hand).",
    ),
    allow_remote: bool = typer.Option(
        False,
        "--allow-remote",
        help="Allow a non-loopback --host: other machines could then read your data.",
    ),
    multi_user: bool = typer.Option(
        False,
        "--multi-user",
        help="Serve many people with accounts (`onward users`): needs a PostgreSQL "
        "ONWARD_DATABASE_URL and ONWARD_SECRET_KEY; `onward worker` runs its jobs.",
    ),
    workers: int = typer.Option(
        1, "--workers", help="With --multi-user: how many web processes to run."
    ),
) -> None:
    """Start the web app (http://127.0.0.1:8765/ by default); Ctrl+C stops it."""
    from onward.web.server import serve as run

    run(
        context.settings(),
        host=host,
        port=port,
        open_browser=open_browser,
        allow_remote=allow_remote,
        multi_user=multi_user,
        workers=workers,
    )


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(serve)
