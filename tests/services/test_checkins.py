"""Staying connected: check-ins due and done, and dates to apply to a company again."""

from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_contact

from onward.errors import InvalidInput, NotFound
from onward.services.checkins import (
    checkins_due,
    list_reapply,
    record_checkin,
    set_reapply_after,
)
from onward.services.contacts import get_contact
from onward.services.runtime import Workspace


def person(ws: Workspace, name: str, next_on: date | None, company: str | None = None) -> int:
    return make_contact(ws, name, next_checkin_on=next_on, company=company).id


def test_checkins_due_within_a_week_soonest_first(ws: Workspace) -> None:
    later = person(ws, "Within a week", date(2026, 11, 27))  # today + 7: included
    person(ws, "Too far", date(2026, 11, 28))
    person(ws, "No date", None)
    overdue = person(ws, "Overdue", date(2026, 11, 18), company="Acme")
    today = person(ws, "Today", date(2026, 11, 20))
    due = checkins_due(ws.store, ws.owner, ws.clock)
    assert [(c.contact.id, c.days_left, c.overdue) for c in due] == [
        (overdue, -2, True),
        (today, 0, False),
        (later, 7, False),
    ]
    assert due[0].contact.fields.company == "Acme"


def test_recording_a_checkin_moves_the_next_one_three_months_on(ws: Workspace) -> None:
    cid = person(ws, "Sam", date(2026, 11, 18))
    contact = record_checkin(ws.store, ws.owner, cid, ws.clock)
    assert (contact.fields.last_contact_on, contact.fields.next_checkin_on) == (
        date(2026, 11, 20), date(2027, 2, 20),
    )  # fmt: skip
    assert checkins_due(ws.store, ws.owner, ws.clock) == []
    contact = record_checkin(ws.store, ws.owner, cid, ws.clock, on=date(2026, 8, 31), months=6)
    assert contact.fields.next_checkin_on == date(2027, 2, 28)  # clamped to the month's end
    contact = record_checkin(ws.store, ws.owner, cid, ws.clock, next_on=date(2026, 12, 1))
    assert contact.fields.next_checkin_on == date(2026, 12, 1)


def test_bad_checkins_are_refused_and_change_nothing(ws: Workspace) -> None:
    cid = person(ws, "Sam", date(2026, 11, 18))
    with pytest.raises(NotFound, match="no contact #99"):
        record_checkin(ws.store, ws.owner, 99, ws.clock)
    with pytest.raises(InvalidInput, match="in the future"):
        record_checkin(ws.store, ws.owner, cid, ws.clock, on=date(2026, 11, 21))
    with pytest.raises(InvalidInput, match="must come after"):
        record_checkin(ws.store, ws.owner, cid, ws.clock, next_on=date(2026, 11, 20))
    fields = get_contact(ws.store, ws.owner, cid).fields
    assert (fields.last_contact_on, fields.next_checkin_on) == (None, date(2026, 11, 18))


def test_reapply_dates_match_company_names_in_any_case(ws: Workspace) -> None:
    set_reapply_after(ws.store, ws.owner, "Globex", date(2027, 3, 1), ws.clock)
    first = set_reapply_after(
        ws.store, ws.owner, "Acme  Corp", date(2026, 12, 1), ws.clock, notes="after the freeze"
    )
    assert (first.company, first.open_now) == ("Acme Corp", False)
    again = set_reapply_after(ws.store, ws.owner, "ACME corp", date(2026, 11, 1), ws.clock)
    assert (again.company, again.notes, again.open_now) == ("Acme Corp", "after the freeze", True)
    listed = list_reapply(ws.store, ws.owner, ws.clock)
    assert [(r.company, r.after, r.open_now) for r in listed] == [
        ("Acme Corp", date(2026, 11, 1), True),
        ("Globex", date(2027, 3, 1), False),
    ]


def test_a_company_needs_a_name(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="cannot be empty"):
        set_reapply_after(ws.store, ws.owner, "   ", date(2027, 1, 1), ws.clock)
    assert list_reapply(ws.store, ws.owner, ws.clock) == []
