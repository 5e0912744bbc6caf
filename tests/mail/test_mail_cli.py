"""`onward mail ...` and `onward review ...` driven in-process, as a person would use them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Email = Callable[..., bytes]
Cli = Any

CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the Data Analyst position at Acme. We have received "
    "your application and our recruiting team will review it.\n\nBest,\nAcme Talent Team"
)
REJECT = (
    "Hi Sam,\n\nThank you for your interest in the Data Analyst role at Acme. Unfortunately, "
    "after careful consideration we have decided to move forward with other candidates.\n\n"
    "Nadia Park\nRecruiter, Acme"
)


def mailbox(tmp_path: Path, email: Email) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "1.eml").write_bytes(
        email(CONFIRM, subject="Thanks for applying", sender="Acme Careers <jobs@acme.test>",
              message_id="<c1@acme.test>")
    )  # fmt: skip
    (folder / "2.eml").write_bytes(
        email(REJECT, subject="Your application \x1b[31mURGENT\x1b[0m",
              sender="Nadia Park <nadia@acme.test>", message_id="<r1@acme.test>",
              date="Mon, 16 Nov 2026 10:00:00 +0000")
    )  # fmt: skip
    (folder / "3.eml").write_bytes(b"")
    (folder / "4.eml").write_bytes(email("Soup on Sunday?", message_id="<s@x.test>"))
    return folder


def test_import_prints_a_summary_and_is_safe_to_repeat(
    cli: Cli, tmp_path: Path, email: Email
) -> None:
    folder = mailbox(tmp_path, email)
    out = cli.ok("mail", "import", str(folder))
    assert "Read 4 messages" in out and "new: 3" in out and "quarantined: 1" in out
    assert "job mail: 2 (application received 1, rejection 1)" in out
    assert "onward review" in out
    assert "is unchanged since it was imported" in cli.ok("mail", "import", str(folder))
    data = json.loads(cli.ok("mail", "import", str(folder), "--json"))
    assert data["skipped_unchanged"] is True


def test_bad_paths_get_one_clear_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("mail", "import", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    (tmp_path / "notes.txt").write_text("just some notes\n")
    result = cli("mail", "import", str(tmp_path / "notes.txt"))
    assert result.exit_code == 1 and "not a format Onward reads" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("mail", "import", str(empty))
    assert result.exit_code == 1 and "holds no .eml files" in result.stderr


def test_review_shows_the_email_and_accept_runs_the_playbook(
    cli: Cli, tmp_path: Path, email: Email
) -> None:
    cli.ok("mail", "import", str(mailbox(tmp_path, email)))
    listing = cli.ok("review")
    assert "Add application Acme – Data Analyst" in listing
    assert "Thanks for applying" in listing and "Acme Careers" in listing
    assert "because:" in listing and "onward mail show" in listing
    assert "\x1b" not in listing  # terminal escapes from the subject are neutralised
    views = json.loads(cli.ok("review", "--json"))
    rejection = next(v for v in views if v["kind"] == "log_rejection")
    out = cli.ok("review", "accept", str(rejection["id"]))
    assert "added application #1" in out and "playbook has started" in out
    assert "rejected" in cli.ok("list", "--all")
    assert "Log rejection" not in cli.ok("review")
    assert "accepted" in cli.ok("review", "--all")


def test_mail_show_prints_a_stored_message_safely(cli: Cli, tmp_path: Path, email: Email) -> None:
    cli.ok("mail", "import", str(mailbox(tmp_path, email)))
    views = json.loads(cli.ok("review", "--json"))
    rejection = next(v for v in views if v["kind"] == "log_rejection")
    out = cli.ok("mail", "show", str(rejection["message_id"]))
    assert "Your application" in out and "URGENT" in out and "\x1b" not in out
    assert "Read as: rejection" in out and "Unfortunately" in out
    assert "[2.eml]" in out  # the source key, not swallowed as markup
    shown = json.loads(cli.ok("mail", "show", str(rejection["message_id"]), "--json"))
    assert shown["label"] == "rejection"
    missing = cli("mail", "show", "999")
    assert missing.exit_code == 1 and "no stored message #999" in missing.stderr


def test_edit_dismiss_and_auto(cli: Cli, tmp_path: Path, email: Email) -> None:
    cli.ok("mail", "import", str(mailbox(tmp_path, email)))
    views = json.loads(cli.ok("review", "--json"))
    create = next(v for v in views if v["kind"] == "create_application")
    out = cli.ok("review", "edit", str(create["id"]), "--company", "Acme Corp", "--role", "Analyst")
    assert "Acme Corp – Analyst" in out
    contact = next(v for v in views if v["kind"] == "add_contact")
    assert "Dismissed 1 proposal" in cli.ok("review", "dismiss", str(contact["id"]))
    out = cli.ok("review", "--auto", "--threshold", "0.01")
    assert "logged the rejection" in out and "Nothing to review" in out
    bad = cli("review", "edit", str(create["id"]), "--company", "X")
    assert bad.exit_code == 1 and "already edited" in bad.stderr


def test_quarantine_and_the_list_of_job_mail(cli: Cli, tmp_path: Path, email: Email) -> None:
    cli.ok("mail", "import", str(mailbox(tmp_path, email)))
    out = cli.ok("mail", "quarantine")
    assert "3.eml" in out and "the message is empty" in out
    listed = cli.ok("mail", "list")
    assert "rejection" in listed and "application received" in listed and "Soup" not in listed
    assert "rejection" not in cli.ok("mail", "list", "--label", "application_received")
    assert json.loads(cli.ok("mail", "list", "--json"))[0]["label"] == "rejection"


def test_maybe_preview_and_not_job_mail(cli: Cli, tmp_path: Path, email: Email) -> None:
    """Acme's mail comes from strangers: "maybe", listed apart and never accepted by --auto
    or --all; a preview changes nothing; "not job" teaches about the sender, taken back."""
    cli.ok("mail", "import", str(mailbox(tmp_path, email)))
    listing = cli.ok("review")
    assert "Maybe" in listing and "--auto never accepts them" in listing
    assert "Nothing pending is 1% sure or more" in cli.ok("review", "--auto", "--threshold", "0.01")
    out = cli.ok("review", "accept", "--all", "--preview")
    assert "maybe proposal(s) left out" in out and "Nothing would change" in out
    views = json.loads(cli.ok("review", "--json"))
    assert views and all(v["maybe"] for v in views)
    create = next(v for v in views if v["kind"] == "create_application")
    out = cli.ok("review", "accept", "--preview", str(create["id"]))
    assert "Applications created" in out and "Add application Acme" in out
    assert len(json.loads(cli.ok("review", "--json"))) == len(views)  # nothing changed
    rejection = next(v for v in views if v["kind"] == "log_rejection")
    out = cli.ok("review", "not-job", str(rejection["id"]))
    assert "Marked as not job mail" in out and "nadia@acme.test" in out
    left = json.loads(cli.ok("review", "--json"))
    assert rejection["id"] not in [v["id"] for v in left]
    back = cli.ok("review", "not-job", "--take-back", str(rejection["id"]))
    assert "Taken back" in back
    assert rejection["id"] in [v["id"] for v in json.loads(cli.ok("review", "--json"))]
