"""A command group that imports a command's module only when that command runs.

The root group knows each command by name, where it lives ("module:attr") and the one-line
summary `onward --help` lists. `onward --help` therefore imports no command module, and
`onward today` imports only ``onward.cli.today`` and what it needs, so command modules may
import services (and with them SQLAlchemy) at the top. A test checks that every summary
still matches the loaded command's own help.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
from typer.core import TyperCommand

from onward.cli.errors import OnwardGroup


@dataclass(frozen=True)
class Lazy:
    """Where a command lives: ``target`` is "module:attr" naming a Typer app. For a group,
    that app is the group; for a single command, the command of that name is taken from it."""

    target: str
    summary: str
    group: bool = False

    def load(self, name: str) -> Any:
        module, _, attr = self.target.partition(":")
        typer_app = getattr(importlib.import_module(module), attr)
        built = typer.main.get_group(typer_app)
        command = built if self.group else built.commands[name]
        command.name = name
        return command


def command(target: str, summary: str) -> Lazy:
    return Lazy(target, summary)


def group(target: str, summary: str) -> Lazy:
    return Lazy(target, summary, group=True)


class LazyGroup(OnwardGroup):
    """Lists commands from ``lazy`` and loads one only when it is asked for by name."""

    lazy: ClassVar[dict[str, Lazy]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._summaries_only = False

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *(n for n in self.lazy if n not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands or cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        entry = self.lazy[cmd_name]
        if self._summaries_only:  # listing in --help: the summary is all that is shown
            return TyperCommand(cmd_name, help=entry.summary)
        command = entry.load(cmd_name)
        self.commands[cmd_name] = command
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._summaries_only = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._summaries_only = False
