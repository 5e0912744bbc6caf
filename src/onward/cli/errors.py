"""The one place the CLI turns Onward's errors into messages and exit codes.

Exit codes: 0 success, 1 bad input (UserError), 2 usage (Click), 3 setup problems.
"""

from __future__ import annotations

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
