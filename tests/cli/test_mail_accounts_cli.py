"""`onward mail account ...`, `onward mail sync`, `onward drafts append|send`, end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from tests.support.cli_runner import Cli
from tests.support.mail_servers import message

from onward.db.tables import metadata
from onward.mail.passwords import KEYRING_SERVICE
from onward.understand import model_path

SECRET_WORDS = "correct-horse-battery-42"


def add_args(mailbox: Any, name: str = "personal", *extra: str) -> list[str]:
    return [
        "mail", "account", "add", name, "--address", "ana@example.org",
        "--imap-host", mailbox.server.host, "--imap-port", str(mailbox.server.imaps_port),
        "--username", mailbox.username, *extra,
    ]  # fmt: skip


def database_dump(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as conn:
        text = "\n".join(
            repr(tuple(row))
            for table in metadata.sorted_tables
            for row in conn.execute(select(table))
        )
    engine.dispose()
    return text


@pytest.fixture
def models(cli: Cli, mail_models_dir: Path) -> None:
    """The trained reader in the test home, so `mail sync` does not train one."""
    target = Path(cli.env["ONWARD_HOME"]) / "models"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(model_path(mail_models_dir), model_path(target))


def test_add_test_list_and_remove_an_account(
    cli: Cli, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    seen: list[str] = []
    added = cli(*add_args(mailbox), "--password-stdin", input=mailbox.password + "\n")
    assert added.exit_code == 0, added.stdout + added.stderr
    assert "Added mail account personal" in added.stdout
    assert memory_keyring[(KEYRING_SERVICE, "personal")] == mailbox.password
    tested = cli("mail", "account", "test", "personal")
    assert tested.exit_code == 0, tested.stdout + tested.stderr
    assert "logged in as" in tested.stdout and "folder INBOX: 0 messages" in tested.stdout
    listed = json.loads(cli.ok("mail", "account", "list", "--json"))
    assert listed[0]["imap"] == {
        "host": "127.0.0.1",
        "port": mailbox.server.imaps_port,
        "security": "tls",
    }
    assert listed[0]["password"] == "OS keyring" and listed[0]["folders"] == [{"folder": "INBOX"}]
    seen += [added.stdout, added.stderr, tested.stdout, json.dumps(listed)]
    seen.append(cli.ok("mail", "account", "list"))
    seen.append(database_dump(cli.env["ONWARD_DATABASE_URL"]))
    seen.append(
        b"".join(
            p.read_bytes() for p in Path(cli.env["ONWARD_HOME"]).rglob("*") if p.is_file()
        ).decode(errors="replace")
    )
    assert all(mailbox.password not in text for text in seen)
    taken = cli(*add_args(mailbox))  # refused before any password is asked for
    assert taken.exit_code == 1 and "already a mail account called 'personal'" in taken.stderr
    assert "Password" not in taken.stdout
    removed = cli("mail", "account", "remove", "personal", "--yes")
    assert "and its password in the keyring" in removed.stdout
    assert memory_keyring == {}
    assert "No mail account yet" in cli.ok("mail", "account", "list")


def test_without_a_keyring_the_error_names_the_environment_variable(
    cli: Cli, mailbox: Any, no_keyring: None
) -> None:
    result = cli(*add_args(mailbox, "work"), "--password-stdin", input=SECRET_WORDS + "\n")
    assert result.exit_code == 3
    assert "ONWARD_MAIL_PASSWORD_WORK" in result.stderr
    assert SECRET_WORDS not in result.stdout + result.stderr
    cli.env["ONWARD_MAIL_PASSWORD_WORK"] = mailbox.password
    result = cli(*add_args(mailbox, "work"))
    assert result.exit_code == 0, result.stderr
    assert "from the environment (ONWARD_MAIL_PASSWORD_WORK)" in result.stdout
    assert cli("mail", "account", "test", "work").exit_code == 0


def test_a_wrong_password_fails_with_one_line_and_no_secret(
    cli: Cli, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    cli(*add_args(mailbox), "--password-stdin", input=SECRET_WORDS + "\n")
    result = cli("mail", "account", "test", "personal")
    assert result.exit_code == 1
    assert "refused the login" in result.stderr and SECRET_WORDS not in result.stderr


def test_sync_prints_a_summary_and_then_nothing_new(
    cli: Cli, mailbox: Any, models: None, memory_keyring: dict[Any, str]
) -> None:
    mailbox.deliver(message(1), message(2))
    cli(*add_args(mailbox), "--password-stdin", input=mailbox.password + "\n")
    first = cli.ok("mail", "sync")
    assert "personal/INBOX: 2 read, 2 new" in first and "2 new messages" in first
    assert "personal/INBOX: nothing new" in cli.ok("mail", "sync", "--account", "personal")
    report = json.loads(cli.ok("mail", "sync", "--json"))
    assert report["problems"] == [] and report["accounts"][0]["folders"][0]["found"] == 0
    listed = cli.ok("mail", "account", "list")
    assert "Folder INBOX: 2 read, last sync 2026-11-20" in listed
    assert "Syncs by itself (while onward serve runs): off (only when I ask)" in listed
    assert "last sync 2026-11-20 10:00: 0 new, 0 proposals" in listed  # the latest of three
    assert mailbox.server.flags(mailbox.username) == {1: set(), 2: set()}


def test_sync_with_no_account_says_how_to_add_one(cli: Cli) -> None:
    result = cli("mail", "sync")
    assert result.exit_code == 1 and "onward mail account add" in result.stderr


def _draft(cli: Cli) -> str:
    cli.env["ONWARD_SENDER_NAME"] = "Ana Ruiz"
    cli.ok("add", "Northwind Health", "Clinical Data Analyst", "--date", "2026-10-13")
    cli.ok("move", "1", "interview", "--date", "2026-10-27")
    cli.ok("drafts", "new", "1", "thank_you_after_rejection", "--highlight", "the case study.")
    cli.ok("drafts", "edit", "1", "--to", "priya@northwind.example")
    return "1"


def test_append_a_draft_and_see_it_on_the_timeline(
    cli: Cli, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    draft = _draft(cli)
    cli(*add_args(mailbox), "--password-stdin", input=mailbox.password + "\n")
    out = cli.ok("drafts", "append", draft)
    assert "Put draft #1 in Drafts of personal" in out
    assert mailbox.server.count(mailbox.username, "Drafts") == 1
    shown = cli.ok("show", "1")
    assert (
        "  2026-11-20  ✉ Thank you after rejection to priya@northwind.example: Thank you – "
        "Clinical Data Analyst interview (put in the Drafts folder of personal, draft #1)"
    ) in shown
    record = json.loads(cli.ok("show", "1", "--json"))
    assert record["messages_sent"][0]["how"] == ["imap_drafts"]
    assert cli.ok("drafts", "list", "--json").count('"status": "sent"') == 1


def test_send_without_smtp_is_refused_before_asking(
    cli: Cli, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    draft = _draft(cli)
    cli(*add_args(mailbox), "--password-stdin", input=mailbox.password + "\n")
    result = cli("drafts", "send", draft, input="y\n")
    assert result.exit_code == 1 and "has no SMTP server" in result.stderr
    assert "Send draft" not in result.stdout


def test_send_asks_first_and_no_means_nothing_is_sent(
    cli: Cli, mailbox: Any, smtp_server: Any, memory_keyring: dict[Any, str]
) -> None:
    draft = _draft(cli)
    smtp_server.username = mailbox.username
    cli(
        *add_args(
            mailbox, "personal", "--smtp-host", smtp_server.host, "--smtp-port",
            str(smtp_server.port), "--smtp-security", smtp_server.security,
        ),
        "--password-stdin",
        input=smtp_server.password + "\n",
    )  # fmt: skip
    declined = cli("drafts", "send", draft, input="n\n")
    assert declined.exit_code == 1 and "Not sent" in declined.stdout
    assert "priya@northwind.example" in declined.stdout  # shown before asking
    assert smtp_server.received == []
    accepted = cli("drafts", "send", draft, input="y\n")
    assert accepted.exit_code == 0, accepted.stdout + accepted.stderr
    assert "Sent draft #1 to priya@northwind.example through personal" in accepted.stdout
    assert len(smtp_server.received) == 1
    assert "(sent by SMTP through personal, draft #1)" in cli.ok("show", "1")
    again = cli("drafts", "send", draft, "--yes")
    assert again.exit_code == 1 and "already sent" in again.stderr
    assert len(smtp_server.received) == 1
