"""An old mailbox, hand-built: two years of a job search ending in the last few days, as an
mbox (not shipped). Companies and people are invented.

Relative to ``today`` (the tests' frozen clock): four applications from 2024 and 2025 (one
rejected, one rejected after an interview, one that never answered, one with an offer),
then two recent ones: a confirmation 26 days ago that went quiet, and an application from
10 days ago rejected 2 days ago. Some messages have no Date header, as old exports
sometimes do: one is dated by its Received headers, one by its mbox ``From `` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from pathlib import Path

__all__ = ["OldMessage", "old_mailbox", "write_old_mailbox"]

CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the {role} position at {company}. We have received "
    "your application and our recruiting team will review it.\n\nBest,\n{company} Talent Team"
)
REJECT = (
    "Hi Sam,\n\nThank you for your interest in the {role} role at {company}. Unfortunately, "
    "after careful consideration we have decided to move forward with other candidates whose "
    "experience more closely matches our needs.\n\nWe wish you the best.\n\n{person}\n"
    "Recruiter, {company}"
)
INTERVIEW = (
    "Hi Sam,\n\nThank you for your application for the {role} role at {company}. We would like "
    "to invite you to an interview with our team on {when}, by video call. Please confirm the "
    "time suits you.\n\nBest,\n{person}\nRecruiter, {company}"
)
OFFER = (
    "Hi Sam,\n\nWe are delighted to offer you the position of {role} at {company}. Your offer "
    "letter with the salary and start date is attached; please sign and return it within a "
    "week.\n\nCongratulations,\n{person}\nRecruiter, {company}"
)


@dataclass(frozen=True)
class OldMessage:
    company: str
    role: str
    kind: str  # confirm | reject | interview | offer
    day: date
    #: how the message says when it came: "date" (a Date header), "received" (Received
    #: headers only) or "envelope" (only the mbox From line)
    dated_by: str = "date"


def old_mailbox(today: date) -> list[OldMessage]:
    """The mailbox's job mail, oldest first (``today``: the day it is imported)."""
    recent = today - timedelta(days=10)
    return [
        OldMessage("Quillfield", "Data Analyst", "confirm", date(2024, 3, 5), "received"),
        OldMessage("Quillfield", "Data Analyst", "reject", date(2024, 3, 20)),
        OldMessage("Tesselworks", "Backend Engineer", "confirm", date(2024, 6, 10)),
        OldMessage("Tesselworks", "Backend Engineer", "interview", date(2024, 6, 20)),
        OldMessage("Tesselworks", "Backend Engineer", "reject", date(2024, 7, 15), "envelope"),
        OldMessage("Harborline", "QA Engineer", "confirm", date(2025, 2, 3)),
        OldMessage("Copperloop", "Product Designer", "confirm", date(2025, 9, 1)),
        OldMessage("Copperloop", "Product Designer", "interview", date(2025, 9, 12)),
        OldMessage("Copperloop", "Product Designer", "offer", date(2025, 10, 1)),
        OldMessage("Basaltgate", "Financial Analyst", "confirm", today - timedelta(days=26)),
        OldMessage("Fernstack", "UX Researcher", "confirm", recent),
        OldMessage("Fernstack", "UX Researcher", "reject", today - timedelta(days=2)),
    ]


def _raw(n: int, m: OldMessage) -> tuple[bytes, datetime]:
    when = datetime.combine(m.day, time(9, 30), tzinfo=UTC)
    slug = m.company.lower()
    person = "Nadia Park"
    body = {"confirm": CONFIRM, "reject": REJECT, "interview": INTERVIEW, "offer": OFFER}[m.kind]
    meeting = when + timedelta(days=5, hours=4, minutes=30)
    text = body.format(
        role=m.role,
        company=m.company,
        person=person,
        when=f"{meeting:%B} {meeting.day}, {meeting.year} at 2:00 PM",
    )
    subject = {
        "confirm": f"Thank you for applying: {m.role}",
        "reject": f"Your application for {m.role}",
        "interview": f"Interview invitation: {m.role}",
        "offer": f"Offer: {m.role} at {m.company}",
    }[m.kind]
    sender = (
        f"{m.company} Talent <jobs@{slug}.test>"
        if m.kind == "confirm"
        else f"{person} <nadia@{slug}.test>"
    )
    head = f"From: {sender}\nTo: Sam <sam@example.org>\nSubject: {subject}\n"
    if m.dated_by == "date":
        head += f"Date: {format_datetime(when)}\n"
    elif m.dated_by == "received":
        relay = format_datetime(when + timedelta(seconds=2))
        delivered = format_datetime(when + timedelta(seconds=9))
        head = (
            f"Received: by 10.0.0.1 with SMTP id a1; {delivered}\n"
            f"Received: from out.{slug}.test by mx.example.org; {relay}\n" + head
        )
    head += f"Message-ID: <old{n}@{slug}.test>\nContent-Type: text/plain; charset=utf-8\n\n"
    return (head + text + "\n").encode(), when


def write_old_mailbox(path: Path, today: date) -> list[OldMessage]:
    """Write the old mailbox as an mbox at ``path``; returns its job mail."""
    messages = old_mailbox(today)
    with path.open("wb") as out:
        for n, m in enumerate(messages):
            raw, when = _raw(n, m)
            out.write(f"From jobs@{m.company.lower()}.test {when:%a %b %d %H:%M:%S %Y}\n".encode())
            out.write(raw.replace(b"\nFrom ", b"\n>From ") + b"\n")
    return messages
