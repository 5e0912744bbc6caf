"""The CLI end to end, in-process, against the test database, with a frozen clock."""

from __future__ import annotations

import json
from pathlib import Path

from tests.factories import make_application
from tests.support.cli_runner import Cli

from onward.db.migrate import HEAD
from onward.services.runtime import Workspace


def test_add_list_show_move(cli: Cli) -> None:
    out = cli.ok(
        "add",
        "Acme",
        "Data Analyst",
        "--date",
        "2026-11-01",
        "--salary",
        "80k-90k EUR",
        "-t",
        "tech",
        "-e",
        "4",
        "--channel",
        "referral",
        "--tailored",
    )
    assert "Added #1: Data Analyst at Acme (applied)" in out
    cli.ok("add", "Beta", "Nurse", "--stage", "saved")
    listed = cli.ok("list")
    assert "Acme" in listed and "Beta" in listed and "saved" in listed
    out = cli.ok("move", "1", "interview", "--date", "2026-11-10", "--note", "panel")
    assert "A small win: You reached an interview" in out
    out = cli.ok("move", "1", "interview")
    assert "now interview 2" in out and "small win" not in out
    shown = cli.ok("show", "1")
    for text in (
        "Data Analyst",
        "80,000–90,000 EUR",
        "★★★★☆",
        "referral",
        "tailored",
        "Sun, 1 Nov 2026  applied",
        "Tue, 10 Nov 2026  interview 1 — panel",
        "interview 2",
    ):
        assert text in shown, text


def test_list_json_and_filters(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "-t", "tech")
    cli.ok("add", "Beta", "Nurse")
    cli.ok("move", "2", "rejected")
    data = json.loads(cli.ok("list", "--json"))
    assert [a["company"] for a in data] == ["Beta", "Acme"]
    assert data[0]["stage"] == "rejected" and data[1]["tags"] == ["tech"]
    assert [a["id"] for a in json.loads(cli.ok("list", "--active", "--json"))] == [1]
    assert [a["id"] for a in json.loads(cli.ok("list", "--stage", "rejected", "--json"))] == [2]
    assert [a["id"] for a in json.loads(cli.ok("list", "--tag", "tech", "--json"))] == [1]
    assert [a["id"] for a in json.loads(cli.ok("list", "-c", "bet", "--json"))] == [2]
    shown = json.loads(cli.ok("show", "2", "--json"))
    assert [e["stage"] for e in shown["events"]] == ["applied", "rejected"]


def test_list_pages_long_lists(cli: Cli) -> None:
    for n in range(4):
        cli.ok("add", f"Company {n}", "Role")
    out = cli.ok("list", "--limit", "2")
    assert "Showing 2 of 4" in out
    assert "Showing" not in cli.ok("list", "--all")


def test_bad_input_is_one_red_line_and_a_non_zero_exit(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst")
    cases = [
        (("show", "99"), "Error: no application #99"),
        (("move", "1", "sideways"), "Error: unknown stage 'sideways'"),
        (("move", "1", "saved"), "Error: saved comes before applied"),
        (("move", "1", "screen", "--date", "31/31/2026"), "Error: cannot read the date"),
        (
            ("move", "1", "screen", "--date", "2030-01-01"),
            "Error: Tue, 1 Jan 2030 is in the future",
        ),
        (("add", "Acme", "Chef", "-e", "9"), "Error: excitement must be 1 to 5"),
        (("add", "Acme", "Chef", "--channel", "pigeon"), "Error: unknown channel 'pigeon'"),
        (("import", "/nonexistent/file.csv"), "Error: no such file"),
        (("edit", "1"), "Error: nothing to change"),
    ]
    for args, message in cases:
        result = cli(*args)
        assert result.exit_code == 1, args
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
    assert len(json.loads(cli.ok("show", "1", "--json"))["events"]) == 1


def test_edit_archive_undo_delete(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--location", "Berlin", "-t", "a")
    cli.ok("edit", "1", "--role", "Senior Analyst", "--location", "", "-t", "b")
    shown = json.loads(cli.ok("show", "1", "--json"))
    assert (shown["role"], shown["location"], shown["tags"]) == ("Senior Analyst", None, ["b"])
    cli.ok("edit", "1", "--clear-tags")
    assert json.loads(cli.ok("show", "1", "--json"))["tags"] == []
    assert "Undo with: onward archive 1 --undo" in cli.ok("archive", "1")
    assert json.loads(cli.ok("list", "--json")) == []
    cli.ok("archive", "1", "--undo")
    assert len(json.loads(cli.ok("list", "--json"))) == 1
    assert cli("delete", "1", input="n\n").exit_code == 1
    cli.ok("delete", "1", "--yes")
    assert cli("show", "1").exit_code == 1


def test_contacts_commands(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst")
    out = cli.ok(
        "contacts",
        "add",
        "Ana Lima",
        "--role",
        "recruiter",
        "--email",
        "ana@acme.test",
        "--company",
        "Acme",
        "-a",
        "1",
        "--next-checkin",
        "2027-02-01",
    )
    assert "Added contact #1" in out
    assert "Ana Lima (recruiter, #1)" in cli.ok("show", "1")
    listed = json.loads(cli.ok("contacts", "list", "--json"))
    assert listed[0]["application_ids"] == [1] and listed[0]["next_checkin_on"] == "2027-02-01"
    cli.ok("contacts", "edit", "1", "--role", "hiring manager")
    assert "hiring_manager" in cli.ok("contacts", "show", "1")
    cli.ok("contacts", "link", "1", "1", "--remove")
    assert json.loads(cli.ok("contacts", "show", "1", "--json"))["application_ids"] == []
    bad = cli("contacts", "add", "X", "--email", "not-an-address")
    assert bad.exit_code == 1 and "not an email address" in bad.stderr
    cli.ok("contacts", "delete", "1", "--yes")
    assert "No contacts yet" in cli.ok("contacts", "list")


def test_export_import_round_trip(cli: Cli, tmp_path: Path) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-10-01", "--notes", "=1+1")
    cli.ok("move", "1", "rejected", "--date", "2026-10-10")
    backup = tmp_path / "b.json"
    cli.ok("export", "json", str(backup))
    csv_path = tmp_path / "a.csv"
    assert "Wrote 1 applications" in cli.ok("export", "csv", str(csv_path))
    assert "'=1+1" in csv_path.read_text()
    assert "Wrote 2 stage events" in cli.ok("export", "csv", str(tmp_path / "h.csv"), "--history")
    refused = cli("import", str(backup))
    assert refused.exit_code == 1 and "already has data" in refused.stderr
    assert "Imported 1 applications" in cli.ok("import", str(backup), "--replace")
    checked = cli.ok("import", str(csv_path), "--dry-run")
    assert "Checked (dry run" in checked and "0 applications" in checked and "Skipped 1" in checked


def test_import_reports_every_bad_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Company,Role,Applied\nA,B,2026-01-01\nC,D,someday\nE,,2026-01-01\n")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert "2 row(s) cannot be imported; nothing was imported" in result.stderr
    assert "line 3: cannot read the date 'someday'" in result.stderr
    assert "line 4: role cannot be empty" in result.stderr
    assert json.loads(cli.ok("list", "--json")) == []


def test_backup_and_db_commands(cli: Cli) -> None:
    assert "Backed up to" in cli.ok("backup")
    out = cli.ok("db", "current")
    assert f"Schema:   {HEAD} (newest: {HEAD})" in out
    assert "Already at the newest schema" in cli.ok("db", "upgrade")


def test_version_and_help(cli: Cli) -> None:
    assert cli.ok("--version").startswith("onward ")
    assert "Start tracking an application" in cli.ok("--help")


def test_a_broken_database_url_is_a_setup_error(cli: Cli) -> None:
    cli.env["ONWARD_DATABASE_URL"] = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    result = cli("list")
    assert result.exit_code == 3
    assert "Error: cannot open the database" in result.stderr
    cli.env["ONWARD_DATABASE_URL"] = "not a url"
    assert "is not a database URL" in cli("list").stderr


def test_tour_runs_on_its_own_data(cli: Cli) -> None:
    result = cli("tour")
    assert result.exit_code == 0
    assert "Onward tour" in result.stdout and "Northwind Health" in result.stdout
    assert (
        "Error: this application is closed" in result.stderr
    )  # a refused move is part of the tour
    assert json.loads(cli.ok("list", "--json")) == []  # the person's own data is untouched


def test_calendar_export(cli: Cli, tmp_path: Path) -> None:
    cli.ok("add", "Acme", "Analyst")
    cli.ok("contacts", "add", "Ana", "--next-checkin", "2027-01-05")
    out = cli.ok("calendar", "export", str(tmp_path / "o.ics"))
    assert "Wrote 1 events" in out
    assert "BEGIN:VCALENDAR" in (tmp_path / "o.ics").read_text()


def test_lists_print_as_aligned_columns(cli: Cli, ws: Workspace) -> None:
    from onward.domain.records import ApplicationFields
    from onward.services.applications import add_application

    long_role = "A role whose title goes on and on, well past forty characters"
    for n in range(250):
        fields = ApplicationFields(f"Company {n:03}", long_role, tags=("x",))
        add_application(ws.store, ws.owner, fields, ws.clock)
    make_application(ws, "Evil\x1b[2JCo", "Chef")
    out = cli.ok("list", "--all").splitlines()
    assert out[0].split() == ["ID", "Company", "Role", "Stage", "Since", "Tags"]
    assert len(out) == 252
    assert out[1].startswith("251  Evil?[2JCo") and "\x1b" not in "".join(out)
    assert "Company 249" in out[2] and "A role whose title goes on and on, well…" in out[2]
    assert out[2].rstrip().endswith("x")
    assert out[0].index("Stage") == out[2].index("applied")


def test_today(cli: Cli) -> None:
    assert "Nothing is due today" in cli.ok("today")
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-01")
    cli.ok("move", "1", "interview", "--date", "2026-11-10")
    cli.ok("reject", "1", "--reason", "position_filled")
    out = cli.ok("today")
    assert "Acme (Analyst)" in out and "waiting for when you are ready" in out
    data = json.loads(cli.ok("today", "--json"))
    assert data["dwelling"][0]["company"] == "Acme" and data["tasks"] == []


def test_today_gathers_several_quiet_times(cli: Cli) -> None:
    for n, company in enumerate(("Acme", "Initech"), 1):
        cli.ok("add", company, "Analyst", "--date", "2026-11-01")
        cli.ok("reject", str(n))
    out = cli.ok("today")
    assert "Time to sit with 2 rejections" in out and out.count("A journal prompt:") == 1
    assert "Acme (#1), Initech (#2)" in out and out.count("hours left") == 1
