"""Fill in an ``EmailReading``'s details: company, role, reference, contact, date, reasons."""

from __future__ import annotations

from typing import Any

from onward.domain.emails import EmailLabel, EmailText


def extract_details(email: EmailText, label: EmailLabel) -> dict[str, Any]:
    return {}
