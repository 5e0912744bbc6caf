"""A made-up inbox that looks like a real one, for benchmarks and tests (not shipped).

Mostly mail that has nothing to do with jobs (newsletters in HTML and plain text, shop
promotions, receipts, friends and family, notifications, photos and PDFs attached, some
base64 text and encoded subjects) and a few per cent of job mail: confirmations, assessments,
interview invitations, rejections (often as replies in the confirmation's thread) and the
odd offer, from company addresses and from applicant-tracking systems. Every word is
generated here; companies and people are invented. Deterministic for a given seed.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

__all__ = ["SyntheticMessage", "synthetic_inbox", "write_mbox"]

_START = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
_SPAN = timedelta(days=365)
_FIRST = (
    "Ana", "Ben", "Chiara", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira",
    "Luca", "Maya", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tove",
)  # fmt: skip
_LAST = (
    "Alder", "Brook", "Castell", "Dunmore", "Eastwood", "Farrow", "Gale", "Hollis", "Ivers",
    "Jansen", "Kerr", "Lund", "Moreau", "Novak", "Okafor", "Pike",
)  # fmt: skip
_STEM = (
    "Nor", "Bright", "Quill", "Lumen", "Tessel", "Harbor", "Vanta", "Copper", "Fern", "Orbit",
    "Saffron", "Tidal", "Juniper", "Basalt", "Kestrel", "Marlow", "Pebble",
)  # fmt: skip
_TAIL = ("vale", "path", "works", "stack", "field", "line", "gate", "forge", "wave", "loop")
_SUFFIX = ("", "", " Labs", " Inc.", " Ltd", " Group", " Health", " Analytics")
_ROLES = (
    "Data Analyst", "Backend Engineer", "Product Designer", "Marketing Manager",
    "Senior Data Engineer", "Customer Success Lead", "QA Engineer", "UX Researcher",
    "Site Reliability Engineer", "Financial Analyst", "Operations Coordinator",
)  # fmt: skip
_ATS = ("greenhouse-mail.io", "hire.lever.co", "myworkday.com", "icims.com", "ashbyhq.com")
_TOPICS = (
    "gardening", "cycling", "home cooking", "astronomy", "board games", "film", "local history",
    "bird watching", "running", "photography", "chess", "knitting",
)  # fmt: skip
_SHOPS = ("Pinecone Outdoor", "Ladle & Co", "Bookmoth", "Pixel Harbour", "Greenleaf Market")
_WORDS = (
    "the", "weekend", "garden", "river", "coffee", "train", "morning", "soup", "map", "bread",
    "window", "walk", "little", "blue", "quiet", "market", "evening", "rain", "sunny",
    "kitchen", "music", "bicycle", "park", "lake", "tomatoes", "letter", "neighbour", "photos",
    "trip", "dinner", "birthday", "cousin", "stairs", "paint",
)  # fmt: skip


_NEWS_ABOUT_JOBS = (
    "Our little club is hiring a part-time editor; write to us if you know someone.",
    "The community job board has three new listings this week, from the bakery to the library.",
    "A reader asks how to change career at fifty. Our answer is on page two.",
    "Volunteer position open: we need someone to run the raffle at the summer fair.",
)
_FRIENDLY = (
    "Sorry I missed your call yesterday, the meeting ran long.",
    "Good luck with the move on Saturday!",
    "How is the new job going? Tell me everything.",
    "We decided on the blue paint in the end, after a long chat.",
    "Are you available for a video call on Sunday evening?",
    "Mum says sorry, she could not make it to the dinner.",
)


@dataclass(frozen=True)
class SyntheticMessage:
    raw: bytes
    kind: str
    job_label: str | None  # the truth for job mail; None for everything else
    message_id: str


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return (
        f"{first} {last}",
        f"{first.lower()}.{last.lower()}@{rng.choice(('gmail.com', 'outlook.com', 'icloud.com'))}",
    )


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [
        " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(2, 5)))
        for _ in range(count)
    ]


def _headers(sender: str, subject: str, when: datetime, mid: str, extra: str = "") -> str:
    return (
        f"From: {sender}\nTo: Sam Rowe <sam.rowe@home.test>\nSubject: {subject}\n"
        f"Date: {format_datetime(when)}\nMessage-ID: {mid}\nMIME-Version: 1.0\n{extra}"
    )


def _plain(
    sender: str, subject: str, when: datetime, mid: str, body: str, extra: str = ""
) -> bytes:
    head = _headers(sender, subject, when, mid, extra)
    return (
        head
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        + body
        + "\n"
    ).encode()


def _alternative(
    sender: str, subject: str, when: datetime, mid: str, text: str, html: str, extra: str = ""
) -> bytes:
    head = _headers(sender, subject, when, mid, extra)
    b = "=_alt_" + mid.strip("<>").split("@")[0]
    return (
        head + f'Content-Type: multipart/alternative; boundary="{b}"\n\n'
        f"--{b}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
        f"--{b}\nContent-Type: text/html; charset=utf-8\n"
        f"Content-Transfer-Encoding: quoted-printable\n\n{html}\n"
        f"--{b}--\n"
    ).encode()


def _newsletter(rng: random.Random, when: datetime, mid: str) -> bytes:
    topic = rng.choice(_TOPICS)
    paras = _paragraphs(rng, rng.randint(3, 7))
    if rng.random() < 0.12:  # newsletters talk about jobs too
        paras.insert(rng.randrange(len(paras) + 1), rng.choice(_NEWS_ABOUT_JOBS))
    sender = f"The {topic.title()} Digest <digest@{topic.replace(' ', '')}.test>"
    subject = f"This week in {topic}: {rng.choice(_WORDS)} and {rng.choice(_WORDS)}"
    text = "\n\n".join(paras) + "\n\nYou get this because you subscribed. Unsubscribe any time."
    cells = "".join(
        f'<tr><td style=3D"padding:8px;font-family:Arial">{p}</td></tr>\n' for p in paras
    )
    html = (
        "<html><head><style>td {{ color: #333; }}</style></head><body>\n"
        f'<table width=3D"600" cellpadding=3D"0">\n{cells}</table>\n'
        f'<p><a href=3D"https://{topic.replace(" ", "")}.test/u?id=3D{rng.randint(1, 10**6)}">'
        "Unsubscribe</a></p>"
        '<img src=3D"https://pixel.test/o.gif" width=3D"1" height=3D"1"></body></html>'
    )
    extra = f"List-Unsubscribe: <https://{topic.replace(' ', '')}.test/u>\n"
    return _alternative(sender, subject, when, mid, text, html, extra)


def _promotion(rng: random.Random, when: datetime, mid: str) -> bytes:
    shop = rng.choice(_SHOPS)
    domain = shop.lower().replace(" & ", "").replace(" ", "") + ".test"
    pct = rng.choice((10, 15, 20, 25, 30))
    lines = _paragraphs(rng, 2)
    html = (
        f"<html><body><h1>{pct}% off this weekend</h1><p>{lines[0]}</p>"
        f"<p>Our special offer ends Sunday. Terms apply; apply the code SAVE{pct} at checkout.</p>"
        f"<p>{lines[1]}</p><p><a href='https://{domain}/shop'>Shop now</a></p></body></html>"
    )
    extra = f"List-Unsubscribe: <mailto:leave@{domain}>\nList-Id: <offers.{domain}>\n"
    subject = f"{pct}% off: a weekend offer from {shop}"
    head = _headers(f"{shop} <hello@{domain}>", subject, when, mid, extra)
    return (head + "Content-Type: text/html; charset=utf-8\n\n" + html + "\n").encode()


def _receipt(rng: random.Random, when: datetime, mid: str) -> bytes:
    shop = rng.choice(_SHOPS)
    domain = shop.lower().replace(" & ", "").replace(" ", "") + ".test"
    items = "\n".join(
        f"  {rng.choice(_WORDS)} {rng.choice(_WORDS)} x{rng.randint(1, 3)}"
        f"   {rng.randint(2, 60)}.{rng.randint(0, 99):02d}"
        for _ in range(rng.randint(1, 6))
    )
    number = rng.randint(10000, 99999)
    body = f"Thanks for your order #{number}.\n\n{items}\n\nIt ships within two days.\n{shop}"
    return _plain(f"{shop} Orders <orders@{domain}>", f"Your {shop} order", when, mid, body)


def _personal(
    rng: random.Random, when: datetime, mid: str, earlier: list[tuple[str, str]]
) -> bytes:
    name, address = _person(rng)
    paras = _paragraphs(rng, rng.randint(1, 3))
    if rng.random() < 0.3:  # friends say sorry, meet, wish luck, talk about work
        paras.insert(rng.randrange(len(paras) + 1), rng.choice(_FRIENDLY))
    body = "\n\n".join(paras) + f"\n\n{name.split()[0]}"
    extra = ""
    subject = f"{rng.choice(_WORDS).title()} on {rng.choice(('Saturday', 'Sunday', 'Friday'))}?"
    if earlier and rng.random() < 0.4:
        parent, parent_subject = rng.choice(earlier)
        extra = f"In-Reply-To: {parent}\nReferences: {parent}\n"
        subject = f"Re: {parent_subject}"
        body += "\n\nOn Monday, Sam wrote:\n> " + "\n> ".join(_paragraphs(rng, 1)[0].split(". "))
    earlier.append((mid, subject))
    if len(earlier) > 50:
        earlier.pop(0)
    return _plain(f"{name} <{address}>", subject, when, mid, body, extra)


def _notification(rng: random.Random, when: datetime, mid: str) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return _plain(
            "Parcel Post <track@parcel.test>",
            "Your parcel is on its way",
            when,
            mid,
            f"Parcel {rng.randint(10**8, 10**9)} arrives "
            f"{rng.choice(('tomorrow', 'on Thursday', 'this afternoon'))}.",
        )
    if kind == 1:
        return _plain(
            "Cloud Photos <no-reply@photos.test>",
            "New memories from last year",
            when,
            mid,
            "We made a little album of your photos from a year ago. Take a look.",
        )
    if kind == 2:
        return _plain(
            "Bank of Example <alerts@bank.test>",
            "Your statement is ready",
            when,
            mid,
            "Your monthly statement is ready to view in online banking.",
        )
    return _plain(
        "Calendar <calendar@home.test>",
        f"Reminder: {rng.choice(_WORDS)} at 6pm",
        when,
        mid,
        f"This is a reminder for {rng.choice(_WORDS)} {rng.choice(_WORDS)} today at 6pm.",
    )


def _with_attachment(rng: random.Random, when: datetime, mid: str) -> bytes:
    name, address = _person(rng)
    b = "=_mix_" + mid.strip("<>").split("@")[0]
    blob = base64.encodebytes(rng.randbytes(rng.randint(20_000, 80_000))).decode()
    filename, ctype = rng.choice((("photo.jpg", "image/jpeg"), ("tickets.pdf", "application/pdf")))
    head = _headers(
        f"{name} <{address}>", f"{rng.choice(_WORDS).title()} {filename.split('.')[0]}", when, mid
    )
    return (
        head + f'Content-Type: multipart/mixed; boundary="{b}"\n\n'
        f"--{b}\nContent-Type: text/plain; charset=utf-8\n\n{_paragraphs(rng, 1)[0]}\n\n"
        f'--{b}\nContent-Type: {ctype}\nContent-Disposition: attachment; filename="{filename}"\n'
        f"Content-Transfer-Encoding: base64\n\n{blob}--{b}--\n"
    ).encode()


def _base64_text(rng: random.Random, when: datetime, mid: str) -> bytes:
    name, address = _person(rng)
    body = (
        "Hallo Sam, schöne Grüße aus dem Süden! Das Wetter ist herrlich. " + _paragraphs(rng, 1)[0]
    )
    encoded = base64.encodebytes(body.encode()).decode()
    head = _headers(f"{name} <{address}>", "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", when, mid)
    return (
        head
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + encoded
    ).encode()


# -- job mail -----------------------------------------------------------------------------

_CONFIRM = (
    "Thank you for applying for the {role} position at {company}. We have received your "
    "application and our team will review it carefully. If your experience is a match, we "
    "will be in touch about next steps.",
    "We're writing to confirm that your application for {role} at {company} reached us. "
    "Thanks for your interest in joining the team; we review every application.",
)
_REJECT = (
    "Thank you for your interest in the {role} role at {company}. After careful "
    "consideration, we have decided not to move forward with your application at this time.",
    "We appreciate the time you spent applying for {role}. Unfortunately, we have decided "
    "to move forward with other candidates whose experience more closely matches our needs.",
    "Thank you for interviewing with us for the {role} position. We regret to inform you "
    "that we will not be progressing your application further. We wish you every success.",
)
_INTERVIEW = (
    "Thanks again for applying for {role} at {company}. We would love to invite you to an "
    "interview with the hiring manager. Please use the link below to schedule a time that "
    "suits you next week.",
)
_ASSESS = (
    "As the next step for the {role} position at {company}, we'd like you to complete a "
    "short online assessment. The coding challenge takes about 60 minutes; please finish it "
    "within five days.",
)
_OFFER = (
    "We are delighted to offer you the {role} position at {company}! Attached you will find "
    "the offer letter with the details of salary and start date. Congratulations!",
)


def _job_plan(rng: random.Random, count: int) -> list[tuple[float, dict[str, str]]]:
    """Job messages with their place in time (0-1), per application in order."""
    out: list[tuple[float, dict[str, str]]] = []
    n = 0
    while len(out) < count:
        n += 1
        company = rng.choice(_STEM) + rng.choice(_TAIL)
        display = company + rng.choice(_SUFFIX)
        role = rng.choice(_ROLES)
        ats = rng.random() < 0.4
        domain = rng.choice(_ATS) if ats else company.lower() + ".test"
        t = rng.random() * 0.9
        first = f"<app{n}.{rng.randint(1, 10**9)}@{domain}>"
        steps = ["application_received"]
        fate = rng.random()
        if fate < 0.55:
            steps.append("rejection")
        elif fate < 0.75:
            steps += ["interview", "rejection"]
        elif fate < 0.85:
            steps += ["assessment", "interview"]
        elif fate < 0.9:
            steps += ["interview", "offer"]
        for i, label in enumerate(steps):
            mid = first if i == 0 else f"<app{n}.{i}.{rng.randint(1, 10**9)}@{domain}>"
            out.append(
                (
                    min(0.999, t + i * rng.uniform(0.01, 0.04)),
                    {
                        "label": label,
                        "company": company,
                        "display": display,
                        "role": role,
                        "domain": domain,
                        "ats": "1" if ats else "",
                        "mid": mid,
                        "parent": first if i and rng.random() < 0.6 else "",
                    },
                )
            )
    out.sort(key=lambda x: x[0])
    return out[:count]


def _job(rng: random.Random, when: datetime, info: dict[str, str]) -> bytes:
    templates = {
        "application_received": _CONFIRM,
        "rejection": _REJECT,
        "interview": _INTERVIEW,
        "assessment": _ASSESS,
        "offer": _OFFER,
    }[info["label"]]
    text = rng.choice(templates).format(role=info["role"], company=info["display"])
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    sign = f"\n\nBest regards,\n{person}\nTalent Acquisition, {info['display']}"
    if info["ats"]:
        sender = f"{info['display']} Recruiting <no-reply@{info['domain']}>"
    else:
        sender = f"{person} <{person.split()[0].lower()}@{info['domain']}>"
    subject = {
        "application_received": f"Your application to {info['display']}",
        "rejection": f"Update on your {info['role']} application",
        "interview": f"Interview invitation: {info['role']}",
        "assessment": f"Next step: assessment for {info['role']}",
        "offer": f"Offer: {info['role']} at {info['display']}",
    }[info["label"]]
    extra = ""
    if info["parent"]:
        extra = f"In-Reply-To: {info['parent']}\nReferences: {info['parent']}\n"
        subject = "Re: " + subject
    body = f"Hi Sam,\n\n{text}{sign}"
    if rng.random() < 0.5:
        html = (
            f"<html><body><p>Hi Sam,</p><p>{text}</p><p>Best regards,<br>{person}</p></body></html>"
        )
        return _alternative(sender, subject, when, info["mid"], body, html, extra)
    return _plain(sender, subject, when, info["mid"], body, extra)


_KINDS = (
    ("newsletter", 30),
    ("promotion", 12),
    ("receipt", 12),
    ("personal", 19),
    ("notification", 14),
    ("attachment", 5),
    ("base64_text", 4),
    ("encoded_subject", 4),
)


def synthetic_inbox(
    count: int, *, seed: int = 7, job_share: float = 0.03
) -> Iterator[SyntheticMessage]:
    """``count`` messages in date order, ``job_share`` of them job mail."""
    rng = random.Random(seed)
    plan = _job_plan(rng, round(count * job_share))
    # job messages that collide on one slot move to the next free one
    slots: dict[int, dict[str, str]] = {}
    for t, info in plan:
        slot = min(count - 1, int(t * count))
        while slot in slots and slot < count - 1:
            slot += 1
        slots[slot] = info
    kinds = [k for k, _ in _KINDS]
    weights = [w for _, w in _KINDS]
    earlier: list[tuple[str, str]] = []
    for i in range(count):
        when = _START + _SPAN * (i / max(1, count))
        job = slots.get(i)
        if job is not None:
            yield SyntheticMessage(_job(rng, when, job), "job", job["label"], job["mid"])
            continue
        kind = rng.choices(kinds, weights)[0]
        mid = f"<m{i}.{rng.randint(1, 10**9)}@home.test>"
        if kind == "newsletter":
            raw = _newsletter(rng, when, mid)
        elif kind == "encoded_subject":
            raw = _newsletter(rng, when, mid).replace(
                b"Subject: This week", b"Subject: =?utf-8?q?=E2=98=95_This?= week", 1
            )
        elif kind == "promotion":
            raw = _promotion(rng, when, mid)
        elif kind == "receipt":
            raw = _receipt(rng, when, mid)
        elif kind == "personal":
            raw = _personal(rng, when, mid, earlier)
        elif kind == "notification":
            raw = _notification(rng, when, mid)
        elif kind == "attachment":
            raw = _with_attachment(rng, when, mid)
        else:
            raw = _base64_text(rng, when, mid)
        yield SyntheticMessage(raw, kind, None, mid)


def write_mbox(path: Path, messages: Iterator[SyntheticMessage]) -> dict[str, int]:
    """Write messages as an mbox (``>From`` escaped); returns counts by kind and job label."""
    counts: dict[str, int] = {}
    with path.open("wb") as out:
        for msg in messages:
            out.write(b"From sender@synthetic.test Mon Jan  6 08:00:00 2025\n")
            for line in msg.raw.splitlines(keepends=True):
                out.write(b">" + line if line.startswith((b"From ", b">From ")) else line)
            out.write(b"\n")
            counts[msg.kind] = counts.get(msg.kind, 0) + 1
            if msg.job_label:
                counts["job:" + msg.job_label] = counts.get("job:" + msg.job_label, 0) + 1
    return counts
