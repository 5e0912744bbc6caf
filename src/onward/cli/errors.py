"""The one place the CLI turns Onward's errors into messages and exit codes.

Exit codes: 0 success, 1 bad input (UserError), 2 usage (Click), 3 setup problems,
4 an unexpected problem: one line names it and the crash report written in the data folder
(``services.crash_reports``); no traceback, which may quote the person's data, is printed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from typer.core import TyperGroup

from onward.errors import ImportFailed, OnwardError, SetupError


class OnwardGroup(TyperGroup):
    """Runs every command, nested groups included, under the error mapping."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OnwardError as exc:
            report(exc)
            ctx.exit(3 if isinstance(exc, SetupError) else 1)
        except BrokenPipeError:
            # The reader of the output went away (``onward ... | head``): stop quietly.
            _quiet_stdout()
            ctx.exit(1)
        except Exception as exc:
            if _is_control_flow(exc):
                raise
            report_crash(exc, _command(ctx))
            ctx.exit(4)


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's runner)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def _is_control_flow(exc: Exception) -> bool:
    """Exit, Abort and usage errors of Typer (and the Click it may bundle) pass through."""
    return type(exc).__module__.split(".")[0] in ("typer", "click")


def _command(ctx: Any) -> str:
    """The command's name (``onward mail``), never its arguments, which may be the person's."""
    sub = ctx.invoked_subcommand
    return f"{ctx.command_path} {sub}" if sub else str(ctx.command_path)


def report_crash(exc: Exception, where: str) -> None:
    """Write the crash report and print its one line (no traceback, no message)."""
    from onward.clock import SystemClock
    from onward.services.crash_reports import record_crash

    crash = record_crash(exc, where, _home(), SystemClock().now())
    print(crash.line(), file=sys.stderr)


def _home() -> Path | None:
    from onward.cli import context
    from onward.config import default_home

    try:
        return context.settings().home
    except Exception:  # the settings themselves may be what failed
        pass
    try:
        return default_home()
    except Exception:
        return None


def report(exc: OnwardError) -> None:
    from rich.markup import escape

    from onward.cli.hints import command
    from onward.cli.render import err_console

    console = err_console()
    console.print(f"[bold red]Error: {escape(exc.message)}[/]", highlight=False, soft_wrap=True)
    if isinstance(exc, ImportFailed):
        for problem in exc.problems[:50]:
            console.print(f"  [red]•[/] {escape(str(problem))}", highlight=False, soft_wrap=True)
        if len(exc.problems) > 50:
            console.print(f"  … and {len(exc.problems) - 50} more", highlight=False)
    if exc.hint:
        console.print(f"[dim]Hint: {escape(command(exc.hint))}[/]", highlight=False, soft_wrap=True)
