"""The root group lists every command without importing it, and loads only what runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

import onward
from onward.cli.app import COMMANDS, app

#: The sources under test (a worktree's, not whichever copy the interpreter has installed).
SOURCES = str(Path(onward.__file__).parents[1])

PROBE = """
import sys
sys.argv = {argv!r}
from onward.cli.app import main
try:
    main()
except SystemExit:
    pass
print("CLI", *sorted(m for m in sys.modules if m.startswith("onward.cli.")))
"""


def cli_modules(argv: list[str], home: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=["onward", *argv])],
        capture_output=True,
        text=True,
        check=True,
        env={"ONWARD_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCES},
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("CLI"))
    return set(line.split()[1:])


def test_every_summary_is_the_first_paragraph_of_the_commands_own_help() -> None:
    root = typer.main.get_command(app)
    ctx = typer.Context(root, info_name="onward")
    assert isinstance(root, typer.core.TyperGroup)
    for name, entry in COMMANDS.items():
        command = root.get_command(ctx, name)
        assert command is not None and command.name == name
        first = (command.help or "").split("\n\n")[0]
        assert entry.summary == " ".join(first.split()), name


def test_help_imports_no_command_module(tmp_path: Path) -> None:
    loaded = cli_modules(["--help"], tmp_path)
    assert (
        loaded & {f"onward.cli.{m}" for m in ("today", "applications", "mail", "drafts")} == set()
    )


def test_a_command_imports_its_own_module_only(tmp_path: Path) -> None:
    loaded = cli_modules(["today"], tmp_path)
    assert "onward.cli.today" in loaded
    assert not loaded & {"onward.cli.mail", "onward.cli.drafts", "onward.cli.insights"}


def test_an_unknown_command_is_a_usage_error(tmp_path: Path) -> None:
    result = typer.testing.CliRunner().invoke(app, ["no-such-command"])
    assert result.exit_code == 2
