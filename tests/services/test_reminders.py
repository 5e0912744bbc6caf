"""Reminders that reach the person, with a frozen clock (Friday 20 Nov 2026, 10:00 UTC): what
is due, silence during a dwell window, in quiet hours and when turned off, and the email
digest sent once per period to the person's own address through a real SMTP server."""

from __future__ import annotations

from email import message_from_bytes, policy
from typing import Any

from tests.factories import make_application, make_contact, make_rejection
from tests.services.test_draft_delivery import account

from onward.domain.playbook.dwell import DwellChoice, DwellPreset
from onward.domain.playbook.reminders import ReminderKind, Silence
from onward.services.rejections import end_dwell
from onward.services.reminders import DigestResult, due_reminders, send_digest
from onward.services.runtime import Workspace
from onward.services.tasks import due_tasks


def _due_checkin(ws: Workspace) -> None:
    make_contact(ws, "Priya Natarajan", next_checkin_on=ws.clock.today())


def test_a_due_check_in_and_due_tasks_are_reminders(ws: Workspace) -> None:
    _due_checkin(ws)
    app = make_application(ws, "Kestrel Analytics", "Analyst", days_ago=20)
    make_rejection(ws, app.id)
    end_dwell(ws.store, ws.owner, app.id, ws.clock)
    ws.clock.advance(days=1)  # type: ignore[attr-defined]
    settings = ws.settings.but(quiet_hours="off")
    found = due_reminders(ws.store, ws.owner, settings, ws.clock)
    assert found.silence is None
    tasks = {i.id for i in due_tasks(ws.store, ws.owner, ws.clock, limit=20).items}
    assert tasks and {r.task_id for r in found.reminders if r.task_id} == tasks
    [checkin] = [r for r in found.reminders if r.kind is ReminderKind.CHECK_IN]
    assert checkin.title == "Check in with Priya Natarajan" and checkin.contact_id is not None
    assert len({r.key for r in found.reminders}) == len(found.reminders)  # each shown once


def test_nothing_is_said_during_a_dwell_window(ws: Workspace) -> None:
    _due_checkin(ws)
    app = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=5)
    make_rejection(ws, app.id)
    found = due_reminders(ws.store, ws.owner, ws.settings.but(quiet_hours="off"), ws.clock)
    assert found.reminders == () and found.silence is Silence.DWELL
    assert found.until is not None and found.until > ws.clock.now()


def test_quiet_hours_and_turning_them_off(ws: Workspace) -> None:
    _due_checkin(ws)  # 10:00 UTC
    quiet = due_reminders(ws.store, ws.owner, ws.settings.but(quiet_hours="09:30-10:30"), ws.clock)
    assert quiet.silence is Silence.QUIET_HOURS and quiet.reminders == ()
    night = ws.settings.but(quiet_hours="22:00-09:59")  # across midnight, ended a minute ago
    assert due_reminders(ws.store, ws.owner, night, ws.clock).reminders
    off = due_reminders(ws.store, ws.owner, ws.settings.but(notifications=False), ws.clock)
    assert off.silence is Silence.OFF and off.reminders == ()


def test_the_digest_goes_to_your_own_address_once_a_day(
    ws: Workspace, mailbox: Any, smtp_server: Any
) -> None:
    _due_checkin(ws)
    passwords = account(ws, mailbox, smtp_server)
    passwords = type(passwords)({"ONWARD_MAIL_PASSWORD": smtp_server.password})
    settings = ws.settings.but(
        sender_email="ana.home@example.org", sender_name="Ana Ruiz", digest_time="09:00"
    )
    outcome = send_digest(ws.store, ws.owner, settings, ws.clock, passwords=passwords)
    assert outcome.result is DigestResult.SENT and outcome.count == 1
    [envelope] = smtp_server.received
    assert envelope.rcpt_tos == ["ana.home@example.org"]
    mail = message_from_bytes(envelope.original_content, policy=policy.default)
    assert mail["Subject"] == "Onward: 1 thing due today"
    body = mail.get_content()
    assert body.startswith("Hello Ana,") and "Check-in: Check in with Priya Natarajan" in body
    again = send_digest(ws.store, ws.owner, settings, ws.clock, passwords=passwords)
    assert again.result is DigestResult.NOT_YET and len(smtp_server.received) == 1
    ws.clock.advance(days=1)  # type: ignore[attr-defined]
    assert send_digest(ws.store, ws.owner, settings, ws.clock, passwords=passwords).sent
    assert len(smtp_server.received) == 2

    app = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=5)
    make_rejection(
        ws, app.id, dwell=DwellChoice(DwellPreset.WEEKEND)
    )  # the time to feel it: no email at all
    ws.clock.advance(days=1)  # type: ignore[attr-defined]
    held = send_digest(ws.store, ws.owner, settings, ws.clock, passwords=passwords)
    assert held.result is DigestResult.SILENT and len(smtp_server.received) == 2
    forced = send_digest(ws.store, ws.owner, settings, ws.clock, passwords=passwords,
                         scheduled=False)  # fmt: skip
    assert forced.result is DigestResult.SILENT  # not even when asked to send now


def test_no_digest_before_its_time_when_off_or_without_an_address(ws: Workspace) -> None:
    _due_checkin(ws)
    from onward.mail.passwords import Passwords

    none = Passwords({})
    later = ws.settings.but(sender_email="ana@example.org", digest_time="18:00")
    assert send_digest(ws.store, ws.owner, later, ws.clock, passwords=none).result is (
        DigestResult.NOT_YET
    )
    off = later.but(digest="off")
    assert send_digest(ws.store, ws.owner, off, ws.clock, passwords=none).result is (
        DigestResult.OFF
    )
    nobody = ws.settings.but(digest_time="08:00")
    assert send_digest(ws.store, ws.owner, nobody, ws.clock, passwords=none).result is (
        DigestResult.NO_ADDRESS
    )
    no_smtp = nobody.but(sender_email="ana@example.org")
    assert send_digest(ws.store, ws.owner, no_smtp, ws.clock, passwords=none).result is (
        DigestResult.NO_SMTP
    )


def test_an_if_then_plan_whose_time_has_come_is_a_reminder(ws: Workspace) -> None:
    from datetime import timedelta

    from onward.domain.playbook.if_then import IfThenFields
    from onward.services.if_then import make_if_then_plan

    soon = ws.clock.now() + timedelta(minutes=5)
    plan = make_if_then_plan(
        ws.store, ws.owner, IfThenFields(starts_at=soon, action="send two applications"), ws.clock
    )
    settings = ws.settings.but(quiet_hours="off")
    assert due_reminders(ws.store, ws.owner, settings, ws.clock).reminders == ()  # not yet
    ws.clock.advance(minutes=10)  # type: ignore[attr-defined]
    [reminder] = due_reminders(ws.store, ws.owner, settings, ws.clock).reminders
    assert reminder.kind is ReminderKind.IF_THEN and reminder.if_then_id == plan.id
    assert reminder.title == "send two applications" and reminder.detail == "Now, until 10:35"


def test_a_weekly_digest_reviews_the_week_with_the_plans_kept(
    ws: Workspace, mailbox: Any, smtp_server: Any
) -> None:
    from datetime import timedelta

    from onward.domain.playbook.if_then import IfThenFields
    from onward.services.if_then import keep_if_then_plan, make_if_then_plan

    _due_checkin(ws)
    plan = IfThenFields(ws.clock.now() + timedelta(minutes=5), "send two applications")
    made = make_if_then_plan(ws.store, ws.owner, plan, ws.clock)
    ws.clock.advance(hours=1)  # type: ignore[attr-defined]
    keep_if_then_plan(ws.store, ws.owner, made.id, ws.clock)
    passwords = account(ws, mailbox, smtp_server)
    passwords = type(passwords)({"ONWARD_MAIL_PASSWORD": smtp_server.password})
    settings = ws.settings.but(
        sender_email="ana.home@example.org", digest="weekly", digest_time="09:00"
    )
    outcome = send_digest(ws.store, ws.owner, settings, ws.clock, passwords=passwords)
    assert outcome.result is DigestResult.SENT
    [envelope] = smtp_server.received
    body = message_from_bytes(envelope.original_content, policy=policy.default).get_content()
    assert "Your week so far: " in body and "1 of 1 plan kept" in body
