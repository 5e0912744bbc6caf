"""Fill in an ``EmailReading``'s details: company, role, reference, contact, date, reasons."""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from onward.domain.emails import EmailLabel, EmailText
from onward.domain.quoting import strip_quoted
from onward.understand.decision import settled
from onward.understand.extract_company import extract_company
from onward.understand.extract_role import extract_job_ref, extract_role
from onward.understand.features import MAX_BODY, PUNCT, model_text
from onward.understand.gate import judge
from onward.understand.reasons import is_personal, rejection_reason, rejection_stage
from onward.understand.rules import apply_rules
from onward.understand.senders import sender_company

__all__ = ["extract_details", "extract_interview_at"]

# Narrow, thin and other typographic spaces read as spaces ("for the role of\u202fAnalyst").
_SPACES = str.maketrans(dict.fromkeys("\u2002\u2003\u2007\u2009\u200a\u202f\u205f\u3000", " "))
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NOREPLY = re.compile(r"no-?reply|do-?not-?reply|notification|mailer|donotreply|alerts?@", re.I)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_WHEN = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(20\d\d)(?:,?\s+(?:at\s+)?(\d{1,2})(?::(\d\d))?\s*(am|pm)?)?",
    re.I,
)


def extract_interview_at(text: str) -> datetime | None:
    """A date and time with an explicit year ("March 4, 2025 at 2:30 PM"), naive local time."""
    m = _WHEN.search(text)
    if not m:
        return None
    month, day, year = _MONTHS[m.group(1).lower()[:3]], int(m.group(2)), int(m.group(3))
    hour = int(m.group(4) or 0)
    minute = int(m.group(5) or 0)
    if m.group(6) and m.group(6).lower() == "pm" and hour < 12:
        hour += 12
    try:
        return datetime(year, month, day, hour, minute)  # noqa: DTZ001 - wall-clock time as written
    except ValueError:
        return None


def _contact(sender: str, is_person: bool) -> tuple[str | None, str | None]:
    address_match = _ADDRESS.search(sender or "")
    address = address_match.group(0) if address_match else None
    if address and _NOREPLY.search(address):
        address = None
    name = None
    if is_person:
        name = (sender or "").split("<")[0].strip().strip('"') or None
    return name, address


def _job_mail(email: EmailText) -> bool:
    """The job-mail gate's answer for mail read as *other* (``onward.understand.gate``)."""
    text = model_text(email)
    return judge(text, email.sender, email.headers, apply_rules(text), email.correspondence).job


def extract_details(
    email: EmailText, label: EmailLabel, person: str = "", hiring: bool | None = None
) -> dict[str, Any]:
    """Everything but the label: keyword arguments for ``EmailReading``. ``person`` is the
    name of the person the mail is for: never read as the company. ``hiring`` is whether
    the mail is about a job, when the caller already knows it (the reader's gate); else
    mail read as *other* asks the gate."""
    body = html.unescape(strip_quoted(email.body or "")[:MAX_BODY]).translate(PUNCT)
    body = body.translate(_SPACES)
    subject = html.unescape(email.subject or "").translate(PUNCT).translate(_SPACES)
    _, is_person = sender_company(email.sender)
    name, address = _contact(email.sender, is_person)
    # Mail that is not about a job names no hiring company and no role: the shop or bank
    # that sent it is not an employer the person applied to.
    if hiring is None:
        hiring = label is not EmailLabel.OTHER or _job_mail(email)
    company = extract_company(subject, email.sender, body, person) if hiring else None
    details: dict[str, Any] = {
        "company": company,
        "role": extract_role(subject, body, company) if hiring else None,
        "job_ref": extract_job_ref(subject, body),
        "contact_name": name,
        "contact_email": address,
    }
    if label in (EmailLabel.INTERVIEW, EmailLabel.ASSESSMENT):
        details["interview_at"] = extract_interview_at(body)
    if label is EmailLabel.REJECTION:
        original = f"{subject}\n{body}"
        lowered = original.lower()
        # The stage reached and the reason come from what happened, not from conditions,
        # plans or refused steps ("if you are not selected ...", "we won't invite you to
        # interview"); see ``onward.understand.decision``.
        facts = settled(lowered) if len(lowered) == len(original) else lowered
        reason, quote = rejection_reason(facts, original)
        details.update(
            rejection_stage=rejection_stage(facts),
            reason=reason,
            reason_quote=quote,
            personal=is_personal(lowered, is_person),
        )
    return details
