"""Writes docs/cli.md from the commands themselves: `python -m onward.cli.reference > docs/cli.md`.

A test regenerates it and compares, so the reference can never drift from ``--help``.
"""

from __future__ import annotations

from typing import Any

import typer

HEADER = """# CLI reference

Generated from the commands themselves by `python -m onward.cli.reference > docs/cli.md`;
a test fails when it drifts. Every command also answers `--help`.

Exit codes: 0 success, 1 bad input (one red line says what to fix), 2 wrong usage,
3 setup problem (configuration or database), 4 unexpected problem (one line names the crash
report written to the data folder; see docs/security.md).
"""


def _params(command: Any, ctx: Any) -> list[str]:
    lines = []
    for param in command.get_params(ctx):
        if param.name == "help":
            continue
        if param.param_type_name == "argument":
            name = f"`{(param.metavar or param.name).upper()}`"
            kind = "argument"
        else:
            names = [*param.opts, *param.secondary_opts]
            name = "`" + "`, `".join(names) + "`"
            kind = "option"
        help_text = (getattr(param, "help", None) or "").replace("\n", " ").replace("|", "\\|")
        default = param.default
        if kind == "option" and default not in (None, False, (), []) and not callable(default):
            help_text += f" Default: `{default}`."
        if getattr(param, "multiple", False):
            help_text += " Repeatable."
        lines.append(f"| {name} | {kind} | {help_text.strip()} |")
    return lines


def _usage(command: Any, ctx: Any) -> str:
    pieces = []
    params = [p for p in command.get_params(ctx) if p.name != "help"]
    if any(p.param_type_name == "option" for p in params):
        pieces.append("[OPTIONS]")
    for param in params:
        if param.param_type_name == "argument":
            name = (param.metavar or param.name).upper()
            pieces.append(f"{name}..." if param.nargs == -1 else name)
    return " ".join(pieces)


def _walk(command: Any, path: list[str], ctx: Any, out: list[str]) -> None:
    group = hasattr(command, "list_commands")
    if path:
        title = "#" * (2 if len(path) == 1 else 3)
        out.append(f"\n{title} `onward {' '.join(path)}`\n")
        out.append(" ".join((command.help or "").split()) + "\n")
        usage = _usage(command, ctx) + (" [COMMAND]" if group else "")
        out.append(f"```\nonward {' '.join(path)} {usage.strip()}\n```\n")
        rows = _params(command, ctx)
        if rows:
            out.append("| name | kind | meaning |\n| --- | --- | --- |")
            out.extend(rows)
    if group:
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                _walk(sub, [*path, name], typer.Context(sub, parent=ctx, info_name=name), out)


def generate(app: typer.Typer) -> str:
    root = typer.main.get_command(app)
    ctx = typer.Context(root, info_name="onward")
    out = [HEADER]
    _walk(root, [], ctx, out)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    from onward.cli.app import app

    print(generate(app), end="")
