"""The mail libraries load only when a command talks to a server or the keyring."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import onward

MAIL = {"imapclient", "keyring", "smtplib", "aiosmtpd"}

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
print("LOADED", *sorted({{m.split(".")[0] for m in sys.modules}} & {mail!r}))
"""


def loaded(argv: list[str], home: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=["onward", *argv], mail=MAIL)],
        capture_output=True,
        text=True,
        check=True,
        env={"ONWARD_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCES},
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("LOADED"))
    return set(line.split()[1:])


def test_help_and_listing_load_no_mail_library(tmp_path: Path) -> None:
    assert loaded(["--help"], tmp_path) == set()
    assert loaded(["mail", "--help"], tmp_path) == set()
    assert loaded(["drafts", "send", "--help"], tmp_path) == set()
    assert loaded(["list"], tmp_path) == set()


def test_listing_no_accounts_loads_no_mail_library(tmp_path: Path) -> None:
    assert loaded(["mail", "account", "list"], tmp_path) == set()
