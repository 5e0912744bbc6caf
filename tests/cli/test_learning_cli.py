"""Drafts, feedback, reflection and the learning plan, end to end through the CLI."""

from __future__ import annotations

import email
import json
from datetime import timedelta
from email import policy
from pathlib import Path
from typing import Any

import pytest
from tests.support.cli_runner import Cli

from onward.domain.playbook.dwell import DwellPreset, DwellWindow
from onward.services.runtime import open_workspace


@pytest.fixture
def rejected(cli: Cli) -> Any:
    cli.env |= {"ONWARD_SENDER_NAME": "Ana Ruiz", "ONWARD_SENDER_EMAIL": "ana@example.org"}
    cli.ok("add", "Northwind Health", "Data Analyst", "--date", "2026-10-13")
    cli.ok("move", "1", "screen", "--date", "2026-10-20")
    cli.ok("move", "1", "interview", "--date", "2026-10-27")
    cli.ok("move", "1", "rejected", "--date", "2026-11-19")
    cli.ok("contacts", "add", "Priya Natarajan", "--email", "priya@northwind.example", "-a", "1")
    return cli


@pytest.fixture
def later(rejected: Any, clock: Any) -> Any:
    """Two days on: any dwell window opened by the rejection has ended."""
    clock.advance(days=2)
    return rejected


def test_drafts_new_show_edit_export_and_send(rejected: Any, tmp_path: Path) -> None:
    cli = rejected
    out = cli.ok("drafts", "new", "1", "thank_you_after_rejection", "--highlight", "the case study")
    assert "Draft #1" in out and "To: priya@northwind.example" in out
    assert "✓ ok" in out and "✗ error" not in out
    assert "send by Sat 21 Nov, 09:00" in out
    shown = json.loads(cli.ok("drafts", "show", "1", "--json"))
    assert shown["kind"] == "thank_you_after_rejection" and shown["status"] == "draft"
    assert {f["severity"] for f in shown["findings"]} <= {"ok", "warning"}
    body = tmp_path / "body.txt"
    body.write_text(shown["body"] + "\n\nWould you reconsider your decision?\n")
    edited = cli.ok("drafts", "edit", "1", "--body-file", str(body), "--subject", "Thank you")
    assert "✗ error" in edited and "reconsider" in edited
    path = tmp_path / "thanks.eml"
    cli.ok("drafts", "eml", "1", str(path))
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["From"] == "Ana Ruiz <ana@example.org>" and message["Subject"] == "Thank you"
    assert "reconsider" in message.get_content()
    assert cli.ok("drafts", "mailto", "1").startswith("mailto:priya@northwind.example?subject=")
    assert "as sent" in cli.ok("drafts", "sent", "1")
    listed = json.loads(cli.ok("drafts", "list", "--json"))
    assert [(d["id"], d["status"]) for d in listed] == [(1, "sent")]
    assert listed[0]["sent_at"].startswith("2026-11-20T10:00")
    again = cli("drafts", "sent", "1")
    assert again.exit_code == 1 and "already sent" in again.stderr


def test_drafts_edit_in_the_editor(rejected: Any) -> None:
    cli = rejected
    cli.ok("drafts", "new", "1", "feedback_request")
    cli.env["EDITOR"] = "sed -i -e 's/Thank you/Many thanks/'"
    out = cli.ok("drafts", "edit", "1", "--editor")
    assert "Many thanks" in out
    assert "Many thanks" in json.loads(cli.ok("drafts", "show", "1", "--json"))["body"]
    both = cli("drafts", "edit", "1", "--editor", "--body", "Hi")
    assert both.exit_code == 1 and "one way only" in both.stderr


def test_drafts_refuse_bad_input(rejected: Any, tmp_path: Path) -> None:
    cli = rejected
    result = cli("drafts", "new", "1", "thanks")
    assert result.exit_code == 1
    assert "unknown draft kind 'thanks'" in result.stderr and "feedback_request" in result.stderr
    missing = cli("drafts", "new", "1", "keep_in_touch")
    assert missing.exit_code == 1 and "missing update" in missing.stderr
    assert cli("drafts", "show", "5").exit_code == 1
    templates = Path(cli.env["ONWARD_HOME"]) / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "networking_note.txt").write_text("Subject: Hello {employer}\n\nHi.\n")
    bad = cli("drafts", "new", "1", "networking_note")
    assert bad.exit_code == 1 and "employer" in bad.stderr
    assert "No drafts yet" in cli.ok("drafts", "list")
    cli.ok("drafts", "new", "1", "feedback_request")
    assert "discarded" not in cli.ok("drafts", "list")
    cli.ok("drafts", "discard", "1")
    assert "discarded" in cli.ok("drafts", "list", "--all")


def test_feedback_add_and_list(rejected: Any) -> None:
    cli = rejected
    out = cli.ok("feedback", "add", "1", "We had a strong pool of candidates.", "--from", "Priya")
    assert "generic" in out and "strong pool" in out
    assert "Thank them for their feedback (even if you disagree) by Sun 22 Nov, 10:00" in out
    assert "one specific example (optional) by Fri 27 Nov, 10:00" in out
    out = cli.ok(
        "feedback", "add", "1", "Your SQL was great but the case study lacked depth.",
        "--theme", "technical_depth", "--specific", "--date", "yesterday",
    )  # fmt: skip
    assert "specific" in out and "one specific example" not in out
    data = json.loads(cli.ok("feedback", "list", "--json"))
    assert [f["received_on"] for f in data["feedback"]] == ["2026-11-19", "2026-11-20"]
    assert data["themes"] == {"technical_depth": 1, "other": 1}
    table = cli.ok("feedback", "list", "--theme", "technical_depth")
    assert "Themes: technical depth 1" in table and "strong pool" not in table
    bad = cli("feedback", "add", "1", "Too junior", "--theme", "vibes")
    assert bad.exit_code == 1 and "unknown feedback theme 'vibes'" in bad.stderr
    assert cli("feedback", "add", "9", "Too junior").exit_code == 1
    assert len(json.loads(cli.ok("feedback", "list", "--json"))["feedback"]) == 2


def test_reflect_interactively(later: Any) -> None:
    cli = later
    # preparation 4, resume: "9" is refused and asked again, then 2; screen skipped; rest skipped
    answers = "4\n9\n2\n\n\n\n" + "\n" * 5 + "The case study\n" + "\n" * 4
    result = cli("reflect", "1", input=answers)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Please type a number from 1 to 5" in result.stdout
    assert "Kept your reflection" in result.stdout
    kept = json.loads(cli.ok("reflections", "--json"))
    assert kept[0]["ratings"] == {"preparation": 4, "resume": 2}
    assert kept[0]["answers"] == {"went_well": "The case study"}


def test_reflect_scripted_and_from_json(later: Any, tmp_path: Path) -> None:
    cli = later
    ids = cli.ok("reflect", "1", "--questions")
    assert "interview_1" in ids and "answered_clearly" in ids
    cli.ok("reflect", "1", "--rating", "interview_1=2", "--answer", "went_well=The SQL task")
    source = tmp_path / "r.json"
    source.write_text(json.dumps({"ratings": {"screen": 5}, "answers": {"outside_control": "A"}}))
    cli.ok("reflect", "1", "--json", str(source))
    kept = json.loads(cli.ok("reflections", "--json"))
    assert [r["ratings"] for r in kept] == [{"interview_1": 2}, {"screen": 5}]
    for bad in (["--rating", "interview_1=6"], ["--rating", "final=3"], ["--rating", "x"]):
        result = cli("reflect", "1", *bad)
        assert result.exit_code == 1, bad
    assert "interview round 1" in cli("reflect", "1", "--rating", "interview_1=0").stderr
    source.write_text("[1, 2]")
    assert cli("reflect", "1", "--json", str(source)).exit_code == 1
    assert len(json.loads(cli.ok("reflections", "--json"))) == 2


def test_reflect_waits_for_the_dwell_window(later: Any, settings: Any, clock: Any) -> None:
    cli = later
    ws = open_workspace(settings, clock)
    now = clock.now()
    with ws.store.transaction() as tx:
        tx.dwell.insert(
            ws.owner.id, DwellWindow(1, now, now + timedelta(hours=3), DwellPreset.HOURS)
        )
    ws.close()
    result = cli("reflect", "1", "--rating", "resume=3")
    assert result.exit_code == 1
    assert "Give yourself until 13:00" in result.stderr and "onward ready 1" in result.stderr
    assert json.loads(cli.ok("reflections", "--json")) == []


def test_plan_suggest_accept_and_move(later: Any) -> None:
    cli = later
    assert "Nothing to suggest yet" in cli.ok("plan", "suggest")
    cli.ok("reflect", "1", "--rating", "interview_1=1", "--rating", "resume=5")
    cli.ok("feedback", "add", "1", "Your CV did not show your impact.")
    out = cli.ok("plan", "suggest", "1")
    assert "Practise: behavioural questions" in out and "feedback mentioned resume" in out
    assert json.loads(cli.ok("plan", "list", "--json")) == []
    assert "Added 2 to your plan" in cli.ok("plan", "suggest", "--accept")
    cli.ok("plan", "add", "course", "SQL window functions", "--hours", "6", "-a", "1")
    items = json.loads(cli.ok("plan", "list", "--json"))
    assert [i["kind"] for i in items] == ["practise_interview", "update_resume", "course"]
    cli.ok("plan", "start", "3")
    assert "Well done" in cli.ok("plan", "done", "3")
    cli.ok("plan", "drop", "1")
    assert [i["id"] for i in json.loads(cli.ok("plan", "list", "--json"))] == [2]
    assert "dropped" in cli.ok("plan", "list", "--all")
    moved = cli("plan", "drop", "3")
    assert moved.exit_code == 1 and "cannot move to dropped" in moved.stderr
    assert cli("plan", "add", "nap", "rest").exit_code == 1
    assert cli("plan", "start", "42").exit_code == 1
