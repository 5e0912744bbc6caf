"""Drafts as .eml files and mailto: links, read back with the standard library."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from onward.drafting import Draft, DraftFacts, DraftKind, render_draft, to_eml_bytes, to_mailto
from onward.errors import InvalidInput

WHEN = datetime(2026, 3, 12, 9, 30, tzinfo=timezone(timedelta(hours=1)))

FACTS = DraftFacts(
    company="Café Lumière",
    role="Store Manager",
    sender_name="Zoë Martín",
    contact_name="Renée",
    contact_email="renee+hiring@cafe-lumiere.example",
    highlight="seeing how the morning team handles the 7 a.m. rush & the queue",
)


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize("kind", list(DraftKind), ids=str)
def test_eml_parses_back_to_the_same_draft(kind: DraftKind) -> None:
    facts = DraftFacts(
        company=FACTS.company,
        role=FACTS.role,
        sender_name=FACTS.sender_name,
        contact_name=FACTS.contact_name,
        contact_email=FACTS.contact_email,
        highlight=FACTS.highlight,
        update="I completed a food-safety supervisor certificate",
        feedback_point="my scheduling examples",
    )
    draft = render_draft(kind, facts)
    message = parse(to_eml_bytes(draft, "Zoë Martín <zoe@example.org>", WHEN))

    assert message["Subject"] == draft.subject
    assert message["To"] == "renee+hiring@cafe-lumiere.example"
    assert message["From"] == "Zoë Martín <zoe@example.org>"
    assert message["Date"].datetime == WHEN
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain"
    assert message.get_content() == draft.body + "\n"


def test_eml_without_a_recipient_has_no_to_header() -> None:
    draft = Draft(kind=DraftKind.NETWORKING_NOTE, subject="Glad to stay connected", body="Hi.")
    message = parse(to_eml_bytes(draft, "sam@example.org", datetime(2026, 1, 2, tzinfo=UTC)))
    assert message["To"] is None
    assert message["Date"].datetime == datetime(2026, 1, 2, tzinfo=UTC)


def test_eml_headers_are_ascii_on_the_wire() -> None:
    raw = to_eml_bytes(render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, FACTS), "z@e.org", WHEN)
    headers = raw.split(b"\n\n", 1)[0]
    headers.decode("ascii")
    assert b"Date: Thu, 12 Mar 2026 09:30:00 +0100" in headers


def test_eml_needs_an_aware_date() -> None:
    draft = render_draft(DraftKind.FEEDBACK_REQUEST, FACTS)
    with pytest.raises(InvalidInput, match="time zone"):
        to_eml_bytes(draft, "zoe@example.org", datetime(2026, 3, 12, 9, 30))


@pytest.mark.parametrize("sender", ["zoe", "Zoë <zoe>", "zoe@example.org\nBcc: x@evil.example"])
def test_eml_refuses_a_bad_sender(sender: str) -> None:
    draft = render_draft(DraftKind.FEEDBACK_REQUEST, FACTS)
    with pytest.raises(InvalidInput):
        to_eml_bytes(draft, sender, WHEN)


def test_eml_refuses_a_subject_that_would_inject_headers() -> None:
    draft = Draft(kind=DraftKind.FEEDBACK_REQUEST, subject="Hi\nBcc: x@evil.example", body="Hi.")
    with pytest.raises(InvalidInput, match="headers"):
        to_eml_bytes(draft, "zoe@example.org", WHEN)


def test_mailto_round_trips_through_urllib() -> None:
    draft = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, FACTS)
    link = to_mailto(draft)
    parts = urlsplit(link)
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)

    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "renee+hiring@cafe-lumiere.example"
    assert query["subject"] == [draft.subject]
    assert query["body"] == [draft.body.replace("\n", "\r\n")]
    assert "&" in draft.body and "%26" in link


def test_mailto_is_plain_ascii_with_crlf_line_breaks() -> None:
    draft = Draft(
        kind=DraftKind.NETWORKING_NOTE,
        subject="Q&A = fun? 100% #yes",
        body="Hi Renée,\n\nThanks + see you.",
        to="renee@cafe.example",
    )
    link = to_mailto(draft)
    link.encode("ascii")
    assert link.startswith("mailto:renee@cafe.example?subject=Q%26A%20%3D%20fun%3F%20100%25%20")
    assert "%0D%0A%0D%0AThanks%20%2B%20see%20you." in link
    assert " " not in link and "+" not in link


def test_mailto_without_recipient() -> None:
    draft = Draft(kind=DraftKind.NETWORKING_NOTE, subject="Glad to stay connected", body="Hi.")
    link = to_mailto(draft)
    assert link == "mailto:?subject=Glad%20to%20stay%20connected&body=Hi."
    assert urlsplit(link).path == ""
