"""Job emails for the review page's tests, written for them (no real mail), imported through
the real import service with a fixed reading standing in for the classifier (a true edge)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from onward.domain.emails import EmailLabel, EmailReading, EmailText, RejectionReason
from onward.services.mail_import import import_messages
from onward.services.runtime import Workspace

HTML = (
    "<html><head><style>p {color: red}</style><script>alert('x')</script></head><body>"
    '<p>Dear Alex,</p><p>Thank you for applying. <img src="https://tracker.example/p.gif">'
    '<a href="https://jobs.example/status">Your status</a></p>'
    '<iframe src="https://evil.example/"></iframe><p onclick="steal()">Kind regards</p>'
    "</body></html>"
)


@dataclass(frozen=True)
class FixedReader:
    """Reads every email the same way: what a trained classifier would say about these."""

    reading: EmailReading

    def read(self, email: EmailText, person: str = "") -> EmailReading:
        return self.reading


def job_email(subject: str, text: str, *, html: str | None = None, n: int = 1) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Priya at Northwind <jobs@northwind.example>"
    msg["To"] = "alex@example.org"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 17 Nov 2026 09:30:00 +0000"
    msg["Message-ID"] = f"<review-test-{n}-{abs(hash(subject))}@northwind.example>"
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return bytes(msg)


def _name(seed: str, i: int) -> str:
    """A company name unlike any other this module makes (so none match each other)."""
    digest = hashlib.sha256(f"{seed}-{i}".encode()).digest()
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    word = "".join(consonants[b % 14] + vowels[b % 5] for b in digest[:4])
    return word.capitalize() + " " + ("Labs", "Works", "Group", "Health")[digest[5] % 4]


def import_received(
    ws: Workspace, folder: Path, n: int = 1, *, html: bool = True, html_body: str | None = None
) -> None:
    """``n`` "application received" emails saved as .eml files and imported from there."""
    for i in range(n):
        reading = EmailReading(
            EmailLabel.APPLICATION_RECEIVED,
            0.93,
            ("thank you for applying", "we received your application"),
            company="Northwind Health" if i == 0 else _name(folder.name, i),
            role="Data Analyst",
        )
        path = folder / f"received-{i}.eml"
        path.write_bytes(
            job_email(
                f"Your application <{i}>",
                "Dear Alex,\nThank you for applying. We received your application <b>today</b>.",
                html=html_body or (HTML if html else None),
                n=i,
            )
        )
        import_messages(
            ws.store, ws.owner, f"eml:{path.resolve()}", [(path.name, path.read_bytes())],
            FixedReader(reading), ws.clock,
        )  # fmt: skip


def import_rejection(ws: Workspace, folder: Path) -> None:
    reading = EmailReading(
        EmailLabel.REJECTION,
        0.88,
        ("we have decided to move forward with other candidates",),
        company="Globex",
        role="Engineer",
        reason=RejectionReason.STRONGER_CANDIDATES,
        reason_quote="other candidates whose experience more closely matched",
    )
    path = folder / "rejected.eml"
    path.write_bytes(
        job_email("Your application at Globex", "Unfortunately we will not move forward.", n=99)
    )
    import_messages(
        ws.store, ws.owner, f"eml:{path.resolve()}", [(path.name, path.read_bytes())],
        FixedReader(reading), ws.clock,
    )  # fmt: skip
