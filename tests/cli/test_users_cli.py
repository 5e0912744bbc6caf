"""`onward users` and `onward api token --user`: the accounts of a multi-user server."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli

from onward.clock import FixedClock
from onward.config import Settings
from onward.services.accounts import find_account
from onward.services.runtime import open_workspace
from onward.services.sign_in import sign_in

PASSWORD = "correct horse battery"


def test_add_reads_the_password_from_stdin_and_the_account_signs_in(
    cli: Cli, settings: Settings, clock: FixedClock
) -> None:
    said = cli.ok("users", "add", "Ana@Example.org", "--role", "admin", "--password-stdin",
                  input=PASSWORD + "\n")  # fmt: skip
    assert "Added ana@example.org (admin)" in said
    ws = open_workspace(settings, clock)
    try:
        outcome = sign_in(ws.store, "ana@example.org", PASSWORD, "cli", clock, session_days=1)
        assert outcome.session is not None
    finally:
        ws.close()
    again = cli("users", "add", "ana@example.org", "--password-stdin", input=PASSWORD + "\n")
    assert again.exit_code == 1 and "already an account" in again.stdout + again.stderr
    bad = cli("users", "add", "bo@example.org", "--role", "boss")
    assert bad.exit_code == 1 and "unknown role 'boss'" in bad.stdout + bad.stderr
    empty = cli("users", "add", "bo@example.org", "--password-stdin", input="\n")
    assert empty.exit_code == 1 and "no password" in empty.stdout + empty.stderr


def test_invite_reset_disable_and_list(cli: Cli, clock: FixedClock) -> None:
    link = cli.ok("users", "invite", "coach@example.org", "--role", "coach", "--no-email")
    assert "/account/link/" in link and link.startswith("http://127.0.0.1:8765/")
    cli.ok("users", "add", "ana@example.org", "--password-stdin", input=PASSWORD + "\n")
    reset = cli.ok("users", "reset", "ana@example.org", "--no-email")
    assert "/account/link/" in reset and reset != link
    missing = cli("users", "reset", "nobody@example.org", "--no-email")
    said = missing.stdout + missing.stderr
    assert missing.exit_code == 1 and "no account for nobody@example.org" in said
    assert "cannot sign in any more" in cli.ok("users", "disable", "ana@example.org")
    listed = json.loads(cli.ok("users", "list", "--json"))
    assert [(u["email"], u["role"], u["disabled"], u["invited"]) for u in listed] == [
        ("ana@example.org", "seeker", True, False),
        ("coach@example.org", "coach", False, True),
    ]
    assert "can sign in again" in cli.ok("users", "disable", "ana@example.org", "--undo")
    text = cli.ok("users", "list")
    assert "ana@example.org  seeker  active" in text and "coach@example.org  coach  invited" in text


def test_api_token_of_a_user(cli: Cli, settings: Settings, clock: FixedClock) -> None:
    cli.ok("users", "add", "ana@example.org", "--password-stdin", input=PASSWORD + "\n")
    token = cli.ok("api", "token", "--user", "ana@example.org").strip()
    assert token.startswith("onw_")
    ws = open_workspace(settings, clock)
    try:
        ana = find_account(ws.store, "ana@example.org")
        with ws.store.transaction() as tx:
            assert [t.id for t in tx.api_tokens.query(ana.owner_id)] == [1]
            assert tx.api_tokens.query(ws.owner.id) == []  # not the command line's owner
    finally:
        ws.close()
    assert "#1" in cli.ok("api", "token", "--list", "--user", "ana@example.org")
    unknown = cli("api", "token", "--user", "nobody@example.org")
    assert unknown.exit_code == 1 and "no account" in unknown.stdout + unknown.stderr
