"""Start-up stays fast: heavy libraries load only when a command needs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import onward

HEAVY = {"sqlalchemy", "alembic", "sklearn", "numpy", "pydantic", "psycopg", "plotly"}

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
print("LOADED", *sorted({{m.split(".")[0] for m in sys.modules}} & {heavy!r}))
"""


def loaded_modules(argv: list[str], home: Path) -> set[str]:
    code = PROBE.format(argv=["onward", *argv], heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"ONWARD_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCES},
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("LOADED"))
    return set(line.split()[1:])


def test_help_loads_no_database_or_models(tmp_path: Path) -> None:
    assert loaded_modules(["--help"], tmp_path) == set()


def test_list_loads_the_database_but_not_migrations_or_models(tmp_path: Path) -> None:
    loaded_modules(["list"], tmp_path)  # first run creates and migrates the database
    loaded = loaded_modules(["list"], tmp_path)
    assert loaded == {"sqlalchemy"}


def test_insights_in_the_terminal_do_not_load_plotly(tmp_path: Path) -> None:
    loaded_modules(["list"], tmp_path)  # creates and migrates the database
    assert loaded_modules(["insights"], tmp_path) == {"sqlalchemy"}
