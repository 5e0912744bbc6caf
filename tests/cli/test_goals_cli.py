"""Goals, logging, revisit, wins, the journal, check-ins and reapply dates, end to end."""

from __future__ import annotations

import json

from tests.support.cli_runner import Cli


def test_goals_set_log_and_show_progress(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-16")
    out = cli.ok("goals", "set", "--applications", "1", "--follow-ups", "0", "--reflections", "0",
                 "--learning-hours", "2", "--networking", "0")  # fmt: skip
    assert "Weekly goals: applications 1, learning (hours) 2." in out
    assert "Logged 1.5 for learning (hours) on Fri, 20 Nov 2026" in cli.ok(
        "log", "learning", "1.5", "--note", "SQL course"
    )
    shown = cli.ok("goals")
    assert "This week (Mon, 16 Nov 2026 to Sun, 22 Nov 2026)" in shown
    assert "1 of 1 done" in shown and "1.5 of 2" in shown
    assert "Follow-ups" not in shown  # not tracked
    assert "Streak: 0 weeks in a row (best: 0)." in shown
    assert "the week is not over yet" in shown
    cli.ok("log", "learning-hours", "0.5", "--date", "yesterday")
    cli.ok("log", "learning", "3", "--date", "2026-11-10")
    cli.ok("log", "learning", "1", "--date", "2026-11-03")
    shown = cli.ok("goals", "--weeks", "2")
    assert "Every goal met this week" in shown
    assert "Week of Mon, 9 Nov 2026: 1 of 2 goals met" in shown and "Mon, 2 Nov 2026" not in shown
    data = json.loads(cli.ok("goals", "--json"))
    assert data["this_week"]["met"] is True
    assert data["this_week"]["metrics"]["learning_hours"] == {"target": 2.0, "done": 2.0}
    assert data["streak"] == {"current": 1, "best": 1}


def test_bad_goals_and_logs_exit_1_with_a_clear_line(cli: Cli) -> None:
    result = cli("goals", "set", "--applications", "-1")
    assert result.exit_code == 1 and "cannot be negative" in result.stderr
    result = cli("goals", "set")
    assert result.exit_code == 1 and "nothing to change" in result.stderr
    result = cli("log", "naps", "1")
    assert result.exit_code == 1 and "unknown metric 'naps'" in result.stderr
    result = cli("log", "networking", "-2")
    assert result.exit_code == 1 and "more than 0" in result.stderr
    assert json.loads(cli.ok("goals", "--json"))["goals"]["applications"] == 5


def test_revisit_lists_hesitant_saved_jobs(cli: Cli) -> None:
    assert "No saved jobs you held back on" in cli.ok("revisit")
    cli.ok("add", "Beta", "Nurse", "--stage", "saved", "-e", "2")
    out = cli.ok("revisit")
    assert "#1 You saved Nurse at Beta but held back" in out and "To think about:" in out


def test_wins_add_and_list(cli: Cli) -> None:
    assert "No wins recorded in the last two weeks" in cli.ok("wins")
    cli.ok("add", "Acme", "Analyst", "--date", "2026-10-01")
    cli.ok("move", "1", "screen", "--date", "2026-10-05")
    assert "Kept your win of Thu, 19 Nov 2026" in cli.ok("wins", "add", "Course done", "--date",
                                                  "yesterday", "--application", "1")  # fmt: skip
    out = cli.ok("wins")
    assert "1 win worth noticing" in out and "Thu, 19 Nov 2026  Course done (Acme #1)" in out
    assert "screening call" not in out  # older than two weeks
    data = json.loads(cli.ok("wins", "--all", "--json"))
    assert [w["kind"] for w in data] == ["manual", "first_response", "screen"]
    result = cli("wins", "add", "x", "--application", "9")
    assert result.exit_code == 1 and "no application #9" in result.stderr


def test_journal_add_prompts_and_lists_with_nudges(cli: Cli) -> None:
    assert "Journal entry kept for Fri, 20 Nov 2026" in cli.ok(
        "journal", "add", "--mood", "4", "--text", "good walk", "--rest-day"
    )
    result = cli("journal", "add", "--date", "yesterday", input="2\nlong day\n")
    assert result.exit_code == 0, result.stderr
    result = cli("journal", "add", "--mood", "6", "--text", "x")
    assert result.exit_code == 1 and "from 1 to 5" in result.stderr
    out = cli.ok("journal")
    assert "Fri, 20 Nov 2026  mood 4/5 (rest day)  good walk" in out
    assert "Thu, 19 Nov 2026  mood 2/5  long day" in out
    data = json.loads(cli.ok("journal", "--json"))
    assert [e["mood"] for e in data["entries"]] == [4, 2]
    assert data["nudges"] == [] and data["trend"]["direction"] == "not enough entries yet"


def test_journal_shows_the_rest_day_nudge_with_suggestions(cli: Cli) -> None:
    cli.ok("journal", "add", "--mood", "3", "--text", "", "--date", "2026-11-01")
    out = cli.ok("journal")
    assert "It has been 19 days since a rest day" in out and "Take a walk" in out


def test_checkins_due_and_done(cli: Cli) -> None:
    assert "No check-ins due this week" in cli.ok("checkins")
    cli.ok("contacts", "add", "Ann", "--company", "Acme", "--next-checkin", "2026-11-18")
    cli.ok("contacts", "add", "Bo", "--next-checkin", "2026-11-25")
    out = cli.ok("checkins")
    assert "#1 Ann at Acme: was due Wed, 18 Nov 2026 (2 days ago)" in out
    assert "#2 Bo: due Wed, 25 Nov 2026 (in 5 days)" in out
    assert "Next check-in with Ann: Sat, 20 Feb 2027" in cli.ok("checkins", "done", "1")
    assert "Next check-in with Bo: Thu, 24 Dec 2026" in cli.ok(
        "checkins", "done", "2", "--next", "2026-12-24"
    )
    assert json.loads(cli.ok("checkins", "--json")) == []
    result = cli("checkins", "done", "7")
    assert result.exit_code == 1 and "no contact #7" in result.stderr


def test_reapply_set_and_list(cli: Cli) -> None:
    assert "No reapply dates yet" in cli.ok("reapply")
    cli.ok("reapply", "Acme", "--after", "2026-11-01", "--notes", "hiring freeze")
    cli.ok("reapply", "Globex", "--after", "2027-03-01")
    assert "You can apply to Acme again from Tue, 1 Dec 2026" in cli.ok(
        "reapply", "ACME", "--after", "2026-12-01"
    )
    out = cli.ok("reapply")
    assert (
        "Acme: from Tue, 1 Dec 2026 (hiring freeze)" in out
        and "Globex: from Mon, 1 Mar 2027" in out
    )
    cli.ok("reapply", "acme", "--after", "2026-11-20")
    assert "Acme: you can apply again now" in cli.ok("reapply")
    data = json.loads(cli.ok("reapply", "--json"))
    assert [(r["company"], r["open_now"]) for r in data] == [("Acme", True), ("Globex", False)]
    result = cli("reapply", "Acme")
    assert result.exit_code == 1 and "--after" in result.stderr
