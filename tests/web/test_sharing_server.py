"""Sharing and the caseload on a multi-user server (PostgreSQL), through the sign-in: the
coach sees only who shares with them, and a revoke takes effect at once."""

from __future__ import annotations

import re

from tests.web.conftest import Server


def test_a_seeker_shares_a_coach_looks_and_a_revoke_ends_it_at_once(server: Server) -> None:
    ana_account = server.add("ana@example.org")
    ben_account = server.add("ben@example.org")
    server.add("coach@example.org", "coach")
    ana = server.sign_in("ana@example.org")
    ana.follow(ana.post("/applications/new", {"company": "Acme Robotics", "role": "Analyst"}))
    shared = ana.post(
        "/sharing",
        {"coach": "coach@example.org", "scopes": ["pipeline"], "expires_on": "2026-12-31"},
    )
    assert "Shared with coach@example.org" in ana.follow(shared).text
    coach = server.sign_in("coach@example.org")
    listing = coach.get("/caseload")
    assert "ana@example.org" in listing.text and "ben@example.org" not in listing.text
    assert "Caseload</a>" in listing.text  # the coach's link in the footer
    page = coach.get(f"/caseload/{ana_account.owner_id}")
    assert page.status_code == 200 and "Acme Robotics" in page.text
    assert coach.get(f"/caseload/{ben_account.owner_id}").status_code == 404
    # a seeker opening the caseload sees no one (it is not theirs to read)
    ben = server.sign_in("ben@example.org")
    assert ben.get(f"/caseload/{ana_account.owner_id}").status_code == 404
    assert "No one shares with you now" in ben.get("/caseload").text
    log = ana.get("/sharing").text
    assert "coach@example.org viewed your pipeline and outcomes" in log
    [share_id] = re.findall(r'action="/sharing/(\d+)/revoke"', log)
    ana.follow(ana.post(f"/sharing/{share_id}/revoke"))
    assert coach.get(f"/caseload/{ana_account.owner_id}").status_code == 404
    assert "No one shares with you now" in coach.get("/caseload").text
