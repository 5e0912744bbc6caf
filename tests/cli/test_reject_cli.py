"""`onward reject`, `rejection`, `ready`, `tasks` and `ghosting`, end to end with a frozen clock
(Friday 2026-11-20 10:00 UTC)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.support.cli_runner import Cli

from onward.clock import FixedClock

ANALYSIS = (
    "Should you reply?",
    "In proportion",
    "Best sent",
    "Reflect on this",
    "thank-you",
    "applications got",
)


def interviewed(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-01")
    cli.ok("move", "1", "screen", "--date", "2026-11-05")
    cli.ok("move", "1", "interview", "--date", "2026-11-10")


def state(cli: Cli) -> tuple[Any, Any]:
    return json.loads(cli.ok("show", "1", "--json")), json.loads(cli.ok("tasks", "--all", "--json"))


def test_reject_shows_only_kindness_during_the_window_then_the_plan(
    cli: Cli, clock: FixedClock
) -> None:
    interviewed(cli)
    out = cli.ok(
        "reject",
        "1",
        "--reason",
        "internal_candidate",
        "--quote",
        "We went internal",
        "--sting",
        "4",
    )
    assert "Logged: #1 Analyst at Acme, rejected on Fri, 20 Nov 2026" in out
    assert "Journal:" in out and "Look after yourself:" in out
    assert "internal candidate" in out and "outside your control" in out  # the case's reframe
    assert "about 23 hours left, until 09:00 on Saturday" in out
    assert "Your tasks are ready when you are (after Sat 21 Nov, 09:00)" in out
    for word in ANALYSIS:
        assert word not in out, word
    during = cli.ok("rejection", "1")
    assert "Journal:" in during and not any(word in during for word in ANALYSIS)
    listed = cli.ok("tasks")
    assert "Write a few lines in your journal" in listed and "thank-you" not in listed
    assert "2 more steps wait until you have had time to feel it" in listed
    record = json.loads(cli.ok("rejection", "1", "--json"))
    assert record["in_dwell_window"] and record["advice"] is None and record["tasks"] == []

    clock.advance(hours=23)  # Saturday 09:00
    after = cli.ok("rejection", "1")
    for text in (
        "In proportion",
        "You reached the interviews: 1 of your 1 applications got this far.",
        "Should you reply?",
        "ask one polite question for feedback",
        "Best sent by Sun 22 Nov, 10:00",
        "Reflect on this application, gently (due Tue 24 Nov, 09:00)",
        "due Thank them, and ask one polite question for feedback (due Sun 22 Nov, 10:00)",
    ):
        assert text in after, text
    data = json.loads(cli.ok("rejection", "1", "--json"))
    assert data["advice"]["action"] == "thank_and_ask"
    assert data["rejection"] == {
        "received_on": "2026-11-20",
        "stage": "interview",
        "channel": "email",
        "reason": "internal_candidate",
        "quote": "We went internal",
        "personal": None,
        "contact_id": None,
        "sting": 4,
    }
    assert [t["kind"] for t in data["tasks"]] == [
        "dwell",
        "journal",
        "send_draft",
        "reflect",
    ]


def test_an_automated_early_rejection_needs_no_reply(cli: Cli, clock: FixedClock) -> None:
    cli.ok("add", "Beta", "Nurse", "--date", "2026-11-12")
    cli.ok("reject", "1", "--templated", "--dwell", "2h", "--date", "yesterday")
    clock.advance(hours=2)
    out = cli.ok("rejection", "1")
    assert "No reply needed." in out and "Send a short thank-you" not in out
    assert json.loads(cli.ok("show", "1", "--json"))["stage_on"] == "2026-11-19"


def test_move_to_rejected_goes_through_the_same_flow(cli: Cli) -> None:
    interviewed(cli)
    out = cli.ok("move", "1", "rejected", "--note", "a kind call")
    assert "Logged: #1" in out and "Journal:" in out and "Should you reply?" not in out
    shown = json.loads(cli.ok("show", "1", "--json"))
    assert shown["stage"] == "rejected" and shown["events"][-1]["note"] == "a kind call"
    assert len(json.loads(cli.ok("tasks", "--all", "--json"))) == 4


def test_ready_ends_the_window_early(cli: Cli, clock: FixedClock) -> None:
    interviewed(cli)
    cli.ok("reject", "1", "--dwell", "weekend")
    clock.advance(hours=5)
    out = cli.ok("ready", "1")
    assert "In proportion" in out and "Your tasks" in out
    listed = cli.ok("tasks")
    assert "Reflect on this application" in listed and "more steps wait" not in listed
    again = cli("ready", "1")
    assert again.exit_code == 1 and "already ended" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("reject", "9"), "no application #9"),
        (("reject", "1", "--reason", "bad luck"), "unknown reason 'bad luck'"),
        (("reject", "1", "--date", "someday"), "cannot read the date 'someday'"),
        (("reject", "1", "--date", "2026-12-01"), "in the future"),
        (("reject", "1", "--sting", "6"), "from 1 to 5"),
        (("reject", "1", "--contact", "4"), "no contact #4"),
        (("reject", "1", "--stage", "lunch"), "unknown stage 'lunch'"),
        (("reject", "1", "--channel", "pigeon"), "unknown channel 'pigeon'"),
        (("reject", "1", "--dwell", "forever"), "cannot read a dwell window"),
        (("reject", "1", "--channel", "phone", "--templated"), "cannot be a template"),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Cli, args: tuple[str, ...], message: str
) -> None:
    interviewed(cli)
    before = state(cli)
    result = cli(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert state(cli) == before


def test_closed_and_saved_applications_are_refused(cli: Cli) -> None:
    interviewed(cli)
    cli.ok("reject", "1")
    again = cli("reject", "1")
    assert again.exit_code == 1 and "already rejected on Fri, 20 Nov 2026" in again.stderr
    cli.ok("add", "Beta", "Nurse", "--stage", "saved")
    saved = cli("reject", "2")
    assert saved.exit_code == 1 and "only saved" in saved.stderr
    cli.ok("add", "Gamma", "Cook", "--date", "2026-11-02")
    cli.ok("move", "3", "withdrawn")
    gone = cli("move", "3", "rejected")
    assert gone.exit_code == 1 and "you withdrew it" in gone.stderr
    assert [a["stage"] for a in json.loads(cli.ok("list", "--json"))] == [
        "withdrawn",
        "saved",
        "rejected",
    ]


def test_task_commands(cli: Cli, clock: FixedClock) -> None:
    interviewed(cli)
    cli.ok("reject", "1")
    assert "Task #2 done" in cli.ok("tasks", "done", "2")
    assert "snoozed until Mon 23 Nov, 09:00" in cli.ok(
        "tasks", "snooze", "3", "--until", "2026-11-23"
    )
    assert "snoozed until Sun 22 Nov, 10:00" in cli.ok("tasks", "snooze", "1", "--days", "2")
    assert "Task #4 skipped" in cli.ok("tasks", "skip", "4")
    statuses = {t["id"]: t["state"] for t in json.loads(cli.ok("tasks", "--all", "--json"))}
    assert statuses == {1: "snoozed", 2: "done", 3: "snoozed", 4: "skipped"}
    refused = cli("tasks", "skip", "2")
    assert refused.exit_code == 1 and "already done" in refused.stderr
    for args, message in [
        (("tasks", "snooze", "1"), "Hint: pass --until or --days"),
        (("tasks", "snooze", "1", "--until", "2026-11-01"), "already passed"),
        (("tasks", "done", "77"), "no task #77"),
    ]:
        result = cli(*args)
        assert result.exit_code == 1 and message in result.stderr, args
    assert {t["id"]: t["state"] for t in json.loads(cli.ok("tasks", "--all", "--json"))} == statuses
    clock.advance(days=3)  # Monday 10:00: both snoozes are over, the draft is past due
    due = {t["id"]: t["state"] for t in json.loads(cli.ok("tasks", "--json"))}
    assert due == {3: "overdue"}  # the feel-it step ended with its window


def test_ghosting_suggests_then_applies(cli: Cli) -> None:
    cli.ok("add", "Quiet", "Analyst", "--date", "2026-10-20")
    cli.ok("add", "Recent", "Analyst", "--date", "2026-11-10")
    out = cli.ok("ghosting")
    assert "#1 Analyst at Quiet has been quiet for 31 days" in out and "Recent" not in out
    assert "onward ghosting --apply 1" in out
    assert json.loads(cli.ok("show", "1", "--json"))["stage"] == "applied"
    refused = cli("ghosting", "1")
    assert refused.exit_code == 1 and "go with --apply" in refused.stderr
    applied = cli.ok("ghosting", "--apply")
    assert "#1 Analyst at Quiet: marked ghosted" in applied
    assert "Send one polite follow-up to Quiet" in applied
    assert json.loads(cli.ok("show", "1", "--json"))["stage"] == "ghosted"
    kinds = [t["draft_kind"] for t in json.loads(cli.ok("tasks", "--all", "--json"))]
    assert kinds == ["ghosting_follow_up", "ghosting_closure"]
    cli.ok("move", "1", "screen")  # they got back in touch: it reopens
    assert json.loads(cli.ok("show", "1", "--json"))["stage"] == "screen"


def test_auto_ghost_and_thresholds_come_from_settings(cli: Cli) -> None:
    cli.ok("add", "Quiet", "Analyst", "--date", "2026-11-10")
    assert "Nothing has gone quiet" in cli.ok("ghosting")
    cli.env["ONWARD_GHOST_AFTER_DAYS"] = "7"
    assert "quiet for 10 days" in cli.ok("ghosting")
    cli.env["ONWARD_AUTO_GHOST"] = "true"
    data = json.loads(cli.ok("ghosting", "--json"))
    assert [(g["application_id"], g["stage"]) for g in data] == [(1, "ghosted")]
    assert len(data[0]["tasks"]) == 2
    cli.env["ONWARD_AUTO_GHOST"] = "perhaps"
    broken = cli("ghosting")
    assert broken.exit_code == 3 and "ONWARD_AUTO_GHOST must be true or false" in broken.stderr


def test_a_bad_dwell_default_is_a_setup_error(cli: Cli) -> None:
    interviewed(cli)
    cli.env["ONWARD_DWELL_DEFAULT"] = "a fortnight"
    result = cli("reject", "1")
    assert result.exit_code == 3 and "ONWARD_DWELL_DEFAULT" in result.stderr
    cli.env["ONWARD_DWELL_DEFAULT"] = "evening"
    assert "until 23:00" in cli.ok("reject", "1")


def test_a_rejection_from_weeks_ago_asks_nothing_now(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-09-01")
    cli.ok("move", "1", "interview", "--date", "2026-09-10")
    out = cli.ok("reject", "1", "--date", "2026-10-01", "--personal")
    assert "hours left" not in out  # no dwell window opened weeks after the fact
    assert "from a while back" in out
    assert "The usual time for it has passed" in out and "Best sent" not in out
    assert json.loads(cli.ok("tasks", "--all", "--json")) == []


def test_the_json_says_when_the_tasks_open_under_both_names(cli: Cli) -> None:
    interviewed(cli)
    data = json.loads(cli.ok("reject", "1", "--json"))
    assert data["tasks_ready_at"] == "2026-11-21T09:00:00+00:00"
    assert data["plan_ready_at"] == data["tasks_ready_at"]  # the old name, for old scripts


def test_reminders_wait_during_the_window_then_say_what_is_due(cli: Cli, clock: FixedClock) -> None:
    interviewed(cli)
    cli.ok("reject", "1")
    assert "this is your time to feel a rejection" in cli.ok("reminders", "due")
    clock.advance(hours=23)  # Saturday 09:00: the window is over
    due = json.loads(cli.ok("reminders", "due", "--json"))
    assert due["silence"] is None
    kinds = [r["kind"] for r in due["reminders"]]
    assert kinds.count("follow_up") == 1 and set(kinds) == {"follow_up", "task"}
    assert not any("feel it" in r["title"] for r in due["reminders"])  # the window's own step
    assert "Follow-up: Thank them, and ask one polite question" in cli.ok("reminders", "due")
    sent = cli("reminders", "send-digest", "--now")
    assert sent.exit_code == 3 and "set your email address" in sent.stderr
