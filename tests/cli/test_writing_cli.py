"""`onward write`: today's prompt, keeping a session from standard input, locking, reading."""

from __future__ import annotations

from tests.support.cli_runner import Cli


def test_write_lock_and_read(cli: Cli) -> None:
    shown = cli.ok("write")
    assert "Day 1 of 4" in shown and "nothing reads, scores or shares it" in shown
    assert "day 1 of 4" in cli.ok("write", "add", input="It stung more than I expected.\n")
    locked = cli.ok("write", "lock", input="correct horse battery\ncorrect horse battery\n")
    assert "1 session(s) sealed" in locked
    read = cli.ok("write", "read", input="correct horse battery\n")
    assert "It stung more than I expected." in read
    wrong = cli("write", "read", input="not the one at all\n")
    assert wrong.exit_code == 1 and "does not open" in wrong.stderr
    differ = cli("write", "lock", input="correct horse battery\nanother one here\n")
    assert differ.exit_code != 0
