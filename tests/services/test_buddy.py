"""A buddy: cards, signed weekly summaries, and each other's week side by side
(clock: Friday 2026-11-20 10:00 UTC). Two people: two owners."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from tests.factories import make_application, make_rejection

from onward.clock import FixedClock
from onward.config import Settings
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.buddy import (
    add_buddy,
    buddy_view,
    import_summary,
    make_card,
    weekly_summary,
)
from onward.services.goals import log_effort
from onward.services.runtime import Workspace, open_workspace

ALEX, SAM = "alex's passphrase", "sam's own passphrase"


@pytest.fixture
def sam(settings: Settings, clock: FixedClock) -> Iterator[Workspace]:
    """The buddy: a second owner of the test database (their Onward, in effect)."""
    other = open_workspace(settings.but(owner="sam"), clock)
    yield other
    other.close()


def test_two_buddies_swap_signed_weeks(ws: Workspace, sam: Workspace, clock: FixedClock) -> None:
    alex_card = make_card(ws.store, ws.owner, "Alex", ALEX, clock)
    sam_card = make_card(sam.store, sam.owner, "Sam", SAM, clock)
    assert "private" not in alex_card and json.loads(alex_card)["name"] == "Alex"
    assert add_buddy(ws.store, ws.owner, sam_card, clock) == "Sam"
    assert add_buddy(sam.store, sam.owner, alex_card, clock) == "Alex"
    with pytest.raises(Conflict):
        add_buddy(ws.store, ws.owner, sam_card, clock)

    app = make_application(sam, "Acme", "Analyst", days_ago=2)
    make_rejection(sam, app.id)
    log_effort(sam.store, sam.owner, "networking", 2, clock)
    plain = weekly_summary(sam.store, sam.owner, SAM, clock)
    assert json.loads(plain)["summary"]["rejections"] is None  # not shared unless chosen
    shared = weekly_summary(sam.store, sam.owner, SAM, clock, rejections=True)
    week = import_summary(ws.store, ws.owner, shared, clock)
    assert week.name == "Sam" and week.rejections == 1 and week.effort["networking"] == 2
    view = buddy_view(ws.store, ws.owner, clock)
    assert view.has_card and view.me.name == "Alex"
    assert [(name, w.rejections if w else None) for name, w in view.buddies] == [("Sam", 1)]

    tampered = json.loads(shared)
    tampered["summary"]["effort"]["networking"] = 40
    with pytest.raises(InvalidInput) as changed:
        import_summary(ws.store, ws.owner, json.dumps(tampered), clock)
    assert "signature" in changed.value.message


def test_a_wrong_passphrase_or_file_is_refused(ws: Workspace, clock: FixedClock) -> None:
    with pytest.raises(InvalidInput):
        weekly_summary(ws.store, ws.owner, ALEX, clock)  # no card yet
    make_card(ws.store, ws.owner, "Alex", ALEX, clock)
    with pytest.raises(InvalidInput) as wrong:
        weekly_summary(ws.store, ws.owner, "not the passphrase", clock)
    assert wrong.value.field == "passphrase"
    with pytest.raises(InvalidInput):
        add_buddy(ws.store, ws.owner, "{not json", clock)
    with pytest.raises(InvalidInput):
        add_buddy(ws.store, ws.owner, json.dumps({"format": "other"}), clock)
    with pytest.raises(NotFound):
        import_summary(ws.store, ws.owner, weekly_summary(ws.store, ws.owner, ALEX, clock), clock)
