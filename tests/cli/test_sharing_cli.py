"""`onward share` and `onward caseload`, each as its own owner (ONWARD_OWNER is the email)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli_runner import Cli
from tests.support.coaching import person

from onward.domain.accounts import Role
from onward.services.runtime import Workspace


def test_share_look_report_and_revoke_from_the_cli(cli: Cli, ws: Workspace, tmp_path: Path) -> None:
    person(ws, "ana@example.org")
    person(ws, "coach@example.org", Role.COACH)
    seeker = {**cli.env, "ONWARD_OWNER": "ana@example.org"}
    coach = {**cli.env, "ONWARD_OWNER": "coach@example.org"}
    cli.env = seeker
    cli.ok("add", "Acme", "Analyst")
    made = cli.ok(
        "share", "add", "coach@example.org", "--scope", "pipeline", "--until", "2026-12-31"
    )
    assert "Shared pipeline with coach@example.org until 2026-12-31" in made
    refused = cli("share", "add", "nobody@example.org")
    assert refused.exit_code == 1 and "no coach with that email" in refused.stderr
    cli.env = coach
    [entry] = json.loads(cli.ok("caseload", "--json"))
    assert entry["name"] == "ana@example.org" and entry["share"]["scopes"] == ["pipeline"]
    report = tmp_path / "cohort.csv"
    assert "Wrote" in cli.ok("caseload", "report", str(report))
    assert report.read_text().splitlines()[1].startswith("ana@example.org,pipeline,")
    cli.env = seeker
    listing = cli.ok("share")
    assert "coach@example.org viewed your health flags" in listing
    assert "Private writing is never shared" in listing
    share_id = json.loads(cli.ok("share", "--json"))["shares"][0]["id"]
    cli.ok("share", "revoke", str(share_id))
    cli.env = coach
    assert "No one shares with you now." in cli.ok("caseload")
