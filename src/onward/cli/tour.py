"""A guided tour on demo data in a temporary folder: what `make run` shows a newcomer."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import typer

from onward.cli import context, render
from onward.services.demo import seed_demo

STEPS = [
    ("Your applications, most recent first:", "list"),
    ("One application with its whole timeline:", "show 1"),
    ("Log a step as it happens (interview again = next round):", "move 3 interview"),
    ("Impossible moves are refused with a reason:", "move 2 interview"),
    (
        "A no arrives. Log it, and Onward gives you time to feel it first:",
        "reject 3 --reason stronger_candidates --quote 'a very close call' --personal "
        "--contact 2 --good-impression",
    ),
    ("While the quiet time lasts, today is only kindness:", "today"),
    ("Ready sooner? End it, and see your tasks:", "ready 3"),
    (
        "A thank-you that keeps the door open, checked before you send it:",
        "drafts new 3 thank_you_after_rejection --highlight 'the pipeline design exercise'",
    ),
    (
        "Feedback goes in a log with themes:",
        "feedback add 3 'Strong design; go deeper on streaming systems.' --from Tom",
    ),
    ("Goals count effort, not outcomes:", "goals"),
    ("Patterns across the search, honest about small numbers:", "insights"),
    (
        "A report with every chart, offline, to share with a coach:",
        "report --html {home}/report.html",
    ),
    ("Everything also speaks JSON for scripts:", "show 2 --json"),
    (
        "Proof of applications for a job centre (formulas neutralised):",
        "export csv {home}/applications.csv",
    ),
    ("A full backup you can restore with `onward import`:", "export json {home}/backup.json"),
]


def tour(
    keep: bool = typer.Option(False, "--keep", help="Keep the demo folder and print where it is."),
) -> None:
    """Walk through Onward on a demo database in a temporary folder (your data is untouched)."""
    from onward.cli.app import app

    out = render.console()
    home = tempfile.mkdtemp(prefix="onward-tour-")
    saved = {
        k: os.environ.get(k) for k in ("ONWARD_HOME", "ONWARD_DATABASE_URL", "ONWARD_SENDER_NAME")
    }
    os.environ["ONWARD_HOME"] = home
    os.environ.pop("ONWARD_DATABASE_URL", None)
    os.environ.setdefault("ONWARD_SENDER_NAME", "Alex Demo")
    try:
        context.reset()
        ws = context.workspace()
        count = seed_demo(ws.store, ws.owner, ws.clock)
        out.rule("[bold]Onward tour[/]")
        out.print(f"A demo job search with {count} applications lives in {home}.\n")
        for text, command in STEPS:
            line = command.format(home=home)
            out.print(f"[bold cyan]{text}[/]")
            out.print(f"[dim]$ onward {line}[/]")
            try:
                app(args=shlex.split(line), standalone_mode=False, prog_name="onward")
            except SystemExit:
                pass
            except Exception as exc:  # a tour step failing must not hide the rest
                out.print(f"[red]{exc}[/]")
            out.print()
        out.rule()
        command = "onward" if shutil.which("onward") else _relative(sys.argv[0])
        out.print(
            f"Start your own: [bold]{command} add COMPANY ROLE[/]   ·   "
            f"help: [bold]{command} --help[/]"
        )
    finally:
        context.reset()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if keep:
            out.print(f"Demo data kept in {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)


def _relative(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(tour)
