"""Reminders that reach the person: what is due now (tasks, check-ins, if-then plans whose
time has come), for the open app's notifications, and the email digest of it, sent to the
person's own address over their mail account's SMTP.

Both keep the rules of :mod:`onward.domain.playbook.reminders`: nothing during a dwell window
or in quiet hours, and nothing at all when turned off (the ``notifications`` and ``digest``
settings). The digest remembers when it last went out (for the owner, beside their settings),
so the scheduler in the web app and a cron job can both ask every few minutes and the person
gets one email per day (or week).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from enum import StrEnum

from onward.clock import Clock
from onward.config import Settings
from onward.db.store import Store
from onward.domain.playbook import reminders as rules
from onward.domain.playbook.reminders import Reminder, ReminderKind, Silence
from onward.domain.playbook.tasks import TaskKind
from onward.domain.records import Owner
from onward.formats import formats
from onward.mail.passwords import Passwords
from onward.services.checkins import checkins_due
from onward.services.goals import GoalProgress, goal_progress
from onward.services.if_then import if_then_overview
from onward.services.mail_accounts import smtp_login
from onward.services.tasks import TaskItem, due_tasks

#: At most this many reminders at once (the rest are on the Today page).
LIMIT = 20
#: Where the digest remembers when it last went out (beside the owner's settings).
DIGEST_SENT = "digest_sent_at"
_KINDS = {
    TaskKind.SEND_DRAFT: ReminderKind.FOLLOW_UP,
    TaskKind.PREPARE_INTERVIEW: ReminderKind.INTERVIEW,
    TaskKind.CHECK_IN: ReminderKind.CHECK_IN,
}
#: Steps that belong to the dwell window itself: never a reminder.
_NOT_REMINDED = frozenset({TaskKind.DWELL})


@dataclass(frozen=True)
class DueReminders:
    reminders: tuple[Reminder, ...]
    #: Why nothing is said now (None: the reminders are to be shown).
    silence: Silence | None = None
    #: When the silence ends, if known (a dwell window's end).
    until: datetime | None = None


def due_reminders(
    store: Store, owner: Owner, settings: Settings, clock: Clock, *, email: bool = False
) -> DueReminders:
    """What is due now, unless it is a time to say nothing: notifications (or, with ``email``,
    the digest) turned off, a dwell window open, or quiet hours."""
    now = clock.now()
    if not (settings.digest != "off" if email else settings.notifications):
        return DueReminders((), Silence.OFF)
    with store.transaction() as tx:
        windows = tx.dwell.active(owner.id, now)
    if windows:
        return DueReminders((), Silence.DWELL, max(w.ends_at for w in windows))
    if rules.in_quiet_hours(settings.quiet_hours, now):
        return DueReminders((), Silence.QUIET_HOURS)
    return DueReminders(_collect(store, owner, clock))


def _collect(store: Store, owner: Owner, clock: Clock) -> tuple[Reminder, ...]:
    tasks = due_tasks(store, owner, clock, limit=LIMIT).items
    found = [_from_task(item) for item in tasks if item.stored.task.kind not in _NOT_REMINDED]
    for plan in if_then_overview(store, owner, clock).now:  # its time has come
        found.append(
            Reminder(
                key=f"ifthen-{plan.id}-{plan.fields.starts_at.isoformat()}",
                kind=ReminderKind.IF_THEN,
                title=plan.fields.action,
                detail=f"Now, until {formats().time(plan.ends_at)}",
                due_at=plan.fields.starts_at,
                application_id=plan.fields.application_id,
                if_then_id=plan.id,
            )
        )
    for check in checkins_due(store, owner, clock, within_days=0):
        contact = check.contact
        found.append(
            Reminder(
                key=f"checkin-{contact.id}-{check.due_on.isoformat()}",
                kind=ReminderKind.CHECK_IN,
                title=f"Check in with {contact.name}",
                detail=f"A short, friendly note is plenty (due {formats().day(check.due_on)}).",
                due_at=None,
                contact_id=contact.id,
            )
        )
    return tuple(found[:LIMIT])


def _from_task(item: TaskItem) -> Reminder:
    task = item.stored.task
    where = f" · {item.company}" if item.company else ""
    return Reminder(
        key=f"task-{item.id}-{task.due_at.isoformat()}",
        kind=_KINDS.get(task.kind, ReminderKind.TASK),
        title=task.title,
        detail=f"Due {formats().moment(task.due_at)}{where}",
        due_at=task.due_at,
        task_id=item.id,
        application_id=task.application_id or None,
        task_kind=task.kind.value,
    )


class DigestResult(StrEnum):
    SENT = "sent"
    OFF = "off"
    NOT_YET = "not_yet"  # this period's digest is not due, or already went out
    SILENT = "silent"  # a dwell window or quiet hours
    NOTHING_DUE = "nothing_due"
    NO_ADDRESS = "no_address"
    NO_SMTP = "no_smtp"


@dataclass(frozen=True)
class DigestOutcome:
    result: DigestResult
    to: str | None = None
    count: int = 0

    @property
    def sent(self) -> bool:
        return self.result is DigestResult.SENT

    def describe(self) -> str:
        return {
            DigestResult.SENT: f"Sent your digest of {self.count} thing(s) due to {self.to}.",
            DigestResult.OFF: "The email digest is off (the digest setting).",
            DigestResult.NOT_YET: "No digest is due yet: it goes out once at the time you set.",
            DigestResult.SILENT: "Nothing was sent: it is your quiet time.",
            DigestResult.NOTHING_DUE: "Nothing is due, so no digest was sent.",
            DigestResult.NO_ADDRESS: "No digest: set your email address (sender_email) first.",
            DigestResult.NO_SMTP: "No digest: no mail account can send (add one with SMTP).",
        }[self.result]


def send_digest(
    store: Store,
    owner: Owner,
    settings: Settings,
    clock: Clock,
    *,
    passwords: Passwords,
    scheduled: bool = True,
) -> DigestOutcome:
    """Email what is due to the person's own address, when a digest is owed (``scheduled``;
    False sends now whatever the schedule, still never during a dwell window)."""
    now = clock.now()
    if settings.digest == "off":
        return DigestOutcome(DigestResult.OFF)
    if scheduled and not rules.digest_due(
        settings.digest, settings.digest_time, settings.quiet_hours, now, _last_sent(store, owner)
    ):
        return DigestOutcome(DigestResult.NOT_YET)
    if not settings.sender_email:
        return DigestOutcome(DigestResult.NO_ADDRESS)
    with store.transaction() as tx:
        account = next((a for a in tx.mail_accounts.query(owner.id) if a.fields.smtp), None)
    if account is None:
        return DigestOutcome(DigestResult.NO_SMTP)
    due = due_reminders(store, owner, settings, clock, email=True)
    if due.silence is Silence.DWELL or (scheduled and due.silence is not None):
        return DigestOutcome(DigestResult.SILENT)
    found = due.reminders if due.silence is None else _collect(store, owner, clock)
    if not found:
        _remember(store, owner, now)  # nothing to say this period: asked again next period
        return DigestOutcome(DigestResult.NOTHING_DUE)
    from onward.mail.smtp import send_message

    week = goal_progress(store, owner, clock, weeks=1) if settings.digest == "weekly" else None
    raw = _digest_message(found, settings, account.fields.address, now, week)
    send_message(
        smtp_login(account, passwords.get(account.name)),
        raw,
        from_addr=account.fields.address,
        to_addrs=[settings.sender_email],
    )
    _remember(store, owner, now)
    return DigestOutcome(DigestResult.SENT, settings.sender_email, len(found))


def _last_sent(store: Store, owner: Owner) -> datetime | None:
    with store.transaction() as tx:
        raw = tx.owner_settings.values(owner.id).get(DIGEST_SENT)
    try:
        return datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def _remember(store: Store, owner: Owner, now: datetime) -> None:
    with store.transaction() as tx:
        tx.owner_settings.put(owner.id, DIGEST_SENT, now.isoformat(), now)


def _digest_message(
    reminders: tuple[Reminder, ...],
    settings: Settings,
    sender: str,
    now: datetime,
    week: GoalProgress | None = None,
) -> bytes:
    fmt = formats()
    period = "this week" if settings.digest == "weekly" else "today"
    lines = [f"Hello{' ' + settings.sender_name.split()[0] if settings.sender_name else ''},", ""]
    lines.append(f"What is due {period}, {fmt.day_long(now)}:")
    lines.append("")
    for r in reminders:
        lines.append(f"• {r.kind.label}: {r.title}")
        lines.append(f"  {r.detail}")
    if week is not None:
        lines += ["", "Your week so far: " + _week_words(week)]
    lines += [
        "",
        "One step at a time is plenty. Open Onward to do them, put one off or skip it.",
        "",
        "You asked Onward for this email; turn it off under Reminders in Settings.",
    ]
    message = EmailMessage()
    message["From"] = formataddr(("Onward", sender))
    message["To"] = settings.sender_email or ""
    count = len(reminders)
    message["Subject"] = f"Onward: {count} thing{'s' if count != 1 else ''} due {period}"
    message["Date"] = format_datetime(now)
    domain = sender.rpartition("@")[2] or "onward.invalid"
    message["Message-ID"] = f"<onward.digest.{uuid.uuid4().hex}@{domain}>"
    message.set_content("\n".join(lines))
    return message.as_bytes()


def _week_words(week: GoalProgress) -> str:
    """The weekly review line: effort against each tracked goal, and if-then plans kept."""
    done = [
        f"{m.metric.value.replace('_', ' ')} {m.done:g} of {m.target:g}"
        for m in week.this_week.metrics
    ]
    if week.plans is not None and week.plans.due:
        done.append(week.plans.words.rstrip(".").replace(" this week", ""))
    return "; ".join(done) + "." if done else "nothing tracked yet."
