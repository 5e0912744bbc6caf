from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar
from tests.factories import make_application

from onward.domain.playbook.tasks import Task, TaskKind, TaskStatus
from onward.domain.records import ContactFields
from onward.services.calendar import export_calendar
from onward.services.contacts import add_contact
from onward.services.runtime import Workspace


def seed(ws: Workspace) -> None:
    app = make_application(ws, "Acme, Inc.", "Data Analyst")
    with ws.store.transaction() as tx:
        for title, hours, status in (
            ("Send a short thank-you; keep the door open", 30, TaskStatus.OPEN),
            ("Reflect on the process", 72, TaskStatus.OPEN),
            ("Already done", 5, TaskStatus.DONE),
        ):
            tx.tasks.insert(
                ws.owner.id,
                Task(
                    application_id=app.id,
                    kind=TaskKind.SEND_DRAFT,
                    title=title,
                    due_at=ws.clock.now() + timedelta(hours=hours),
                    status=status,
                ),
                ws.clock.now(),
            )
    add_contact(
        ws.store,
        ws.owner,
        ContactFields(name="Ana Lima", company="Acme", next_checkin_on=date(2027, 2, 20)),
        ws.clock,
    )
    add_contact(ws.store, ws.owner, ContactFields(name="No check-in"), ws.clock)


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_open_tasks_and_check_ins_become_events_with_reminders(
    ws: Workspace, tmp_path: Path
) -> None:
    seed(ws)
    path = tmp_path / "onward.ics"
    assert export_calendar(ws.store, ws.owner, path, ws.clock) == 3
    found = events(path)
    summaries = sorted(str(e["summary"]) for e in found.values())  # type: ignore[index]
    assert summaries == [
        "Check in with Ana Lima (Acme)",
        "Reflect on the process (Acme, Inc.)",
        "Send a short thank-you; keep the door open (Acme, Inc.)",
    ]
    for event in found.values():
        alarms = event.walk("VALARM")  # type: ignore[attr-defined]
        assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
    checkin = next(e for e in found.values() if "Ana" in str(e["summary"]))  # type: ignore[index]
    assert checkin.decoded("dtstart") == date(2027, 2, 20)  # type: ignore[attr-defined]
    thanks = next(e for e in found.values() if "thank-you" in str(e["summary"]))  # type: ignore[index]
    assert thanks.decoded("dtstart") == ws.clock.now() + timedelta(hours=30)  # type: ignore[attr-defined]


def test_uids_are_stable_across_exports(ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    export_calendar(ws.store, ws.owner, tmp_path / "a.ics", ws.clock)
    ws.clock.advance(days=1)  # type: ignore[attr-defined]
    export_calendar(ws.store, ws.owner, tmp_path / "b.ics", ws.clock)
    assert set(events(tmp_path / "a.ics")) == set(events(tmp_path / "b.ics"))
    assert b"PRODID:-//Onward" in (tmp_path / "a.ics").read_bytes()
