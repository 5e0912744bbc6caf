"""Ordinary emails for the fuzz generator to damage: job mail (confirmations, interview
invitations, rejections, offers) and everyday mail (newsletters, receipts, friends, alerts
with attachments). Every word, company and person is made up here. A seed is a list of
header lines and a body, so mutations can damage either."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

__all__ = ["Seed", "seed_email"]

_FIRST = ("Ada", "Bram", "Cleo", "Dario", "Esme", "Faris", "Gwen", "Hal", "Isla", "Jun")
_LAST = ("Ashby", "Birch", "Corran", "Delacroix", "Ekwueme", "Fenn", "Grove", "Huxley")
_COMPANY = ("Pellucid Tools", "Northwind Freight", "Glasswing Bio", "Orrery Labs", "Tamsin & Co")
_ROLE = ("Data Analyst", "Backend Engineer", "UX Researcher", "Support Lead", "QA Engineer")
_START = datetime(2025, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Seed:
    """One email before damage: header lines (name, value) and the body after the blank line."""

    headers: list[tuple[str, bytes]]
    body: bytes
    job: bool
    extra: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> bytes:
        return next((v for k, v in self.headers if k.lower() == name.lower()), b"")

    def set(self, name: str, value: bytes) -> None:
        """Replace the first ``name`` header (or add it)."""
        for i, (key, _) in enumerate(self.headers):
            if key.lower() == name.lower():
                self.headers[i] = (key, value)
                return
        self.headers.append((name, value))

    def drop(self, name: str) -> None:
        self.headers = [(k, v) for k, v in self.headers if k.lower() != name.lower()]

    def to_bytes(self) -> bytes:
        head = b"".join(k.encode() + b": " + v + b"\n" for k, v in self.headers)
        return head + b"\n" + self.body


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return f"{first} {last}", f"{first}.{last}".lower()


def _job_text(rng: random.Random, company: str, role: str, name: str) -> tuple[str, str]:
    kind = rng.randrange(4)
    if kind == 0:
        return (
            f"Your application for {role} at {company}",
            f"Hi Sam,\n\nThank you for applying for the {role} position at {company}. We have "
            f"received your application and will review it within two weeks.\n\nBest,\n{name}",
        )
    if kind == 1:
        return (
            f"Interview invitation: {role}",
            f"Hello Sam,\n\nWe would like to invite you to an interview for the {role} role on "
            f"Tuesday at 14:00. Please confirm a time that suits you.\n\nKind regards,\n{name}"
            f"\n{company} recruiting",
        )
    if kind == 2:
        return (
            f"Update on your {role} application",
            f"Dear Sam,\n\nThank you for your interest in {company}. Unfortunately we have "
            f"decided not to move forward with your application for {role} at this time.\n\n"
            f"We wish you every success,\n{name}",
        )
    return (
        f"Offer letter - {role}",
        f"Hi Sam,\n\nWe are delighted to extend you an offer for the {role} position at "
        f"{company}. The offer letter is attached; the start date is negotiable.\n\n{name}",
    )


def _everyday(rng: random.Random) -> tuple[str, bytes, bytes]:
    """Subject, extra header lines and a MIME body (with its Content-Type) of everyday mail."""
    kind = rng.randrange(4)
    if kind == 0:
        html = (
            "<html><body><h1>Garden notes</h1><p>This week: tomatoes, basil and the first "
            "frost warning.</p><p><a href='https://news.example/unsub'>Unsubscribe</a></p>"
            "</body></html>"
        )
        body = (
            'Content-Type: multipart/alternative; boundary="alt-1"\n\n--alt-1\n'
            "Content-Type: text/plain; charset=utf-8\n\nGarden notes: tomatoes and basil.\n"
            f"--alt-1\nContent-Type: text/html; charset=utf-8\n\n{html}\n--alt-1--\n"
        )
        return (
            "Garden notes, week 12",
            b"List-Unsubscribe: <https://news.example/u>\n",
            body.encode(),
        )
    if kind == 1:
        total = rng.randint(5, 300)
        return (
            f"Your receipt #{rng.randint(1000, 9999)}",
            b"",
            f"Content-Type: text/plain; charset=utf-8\n\nThanks for your order.\nTotal: "
            f"{total}.00 EUR\nDelivery: 2-3 working days.\n".encode(),
        )
    if kind == 2:
        return (
            "Dinner on Friday?",
            b"",
            "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
            "Shall we try the caf\xe9 on the corner? Bring Zo\xeb too.\n".encode("latin-1"),
        )
    pdf = base64.encodebytes(b"%PDF-1.4\n" + rng.randbytes(600)).decode()
    return (
        "Your statement is ready",
        b"",
        (
            'Content-Type: multipart/mixed; boundary="mix-9"\n\n--mix-9\n'
            "Content-Type: text/plain; charset=utf-8\n\nYour monthly statement is attached.\n"
            "--mix-9\nContent-Type: application/pdf; name=statement.pdf\n"
            "Content-Disposition: attachment; filename=statement.pdf\n"
            f"Content-Transfer-Encoding: base64\n\n{pdf}--mix-9--\n"
        ).encode(),
    )


def seed_email(rng: random.Random, number: int, *, job_share: float = 0.4) -> Seed:
    """A fresh ordinary email; its Message-ID is unique for ``number``."""
    name, local = _person(rng)
    when = _START + timedelta(minutes=rng.randint(0, 500_000))
    job = rng.random() < job_share
    headers: list[tuple[str, bytes]] = []
    if job:
        company, role = rng.choice(_COMPANY), rng.choice(_ROLE)
        domain = company.split()[0].lower() + ".example"
        subject, text = _job_text(rng, company, role, name)
        sender = f"{name} <{local}@{domain}>"
        mime = f"Content-Type: text/plain; charset=utf-8\n\n{text}\n".encode()
        extra = b""
    else:
        domain = rng.choice(("mail.example", "shop.example", "news.example", "bank.example"))
        subject, extra, mime = _everyday(rng)
        sender = f"{name} <{local}@{domain}>"
    for key, value in (
        ("From", sender),
        ("To", "Sam Rivers <sam@home.example>"),
        ("Subject", subject),
        ("Date", format_datetime(when)),
        ("Message-ID", f"<fuzz-{number}-{rng.randrange(10**9)}@{domain}>"),
        ("MIME-Version", "1.0"),
    ):
        headers.append((key, value.encode()))
    for line in extra.decode().splitlines():
        key, _, value = line.partition(": ")
        headers.append((key, value.encode()))
    head, _, body = mime.partition(b"\n\n")
    for line in head.decode("latin-1").split("\n"):
        key, _, value = line.partition(": ")
        headers.append((key, value.encode("latin-1")))
    return Seed(headers, body, job, {"subject": subject, "sender": sender})
