"""A person writing from a mailbox of their own is never the company: the name they sign
with when the address starts with it, any name signed from a mail provider's address, and
a plain personal name shown over such an address. Every name and address is invented."""

from __future__ import annotations

import pytest

from onward.understand.extract_company import extract_company

NOTE = "Hi Jo,\nThanks for coming in. Could you do a trial shift on Friday?\nCheers,\n{name}"


@pytest.mark.parametrize(
    ("sender", "name"),
    [
        ("orlaquist27@gmail.com", "Orla"),  # the address starts with the first name
        ("tobin@brackwater.com", "Tobin"),  # the address is the first name
        ("wrenfieldinn.office@outlook.com", "Priscilla"),  # signed from a provider's mailbox
    ],
)
def test_the_name_a_person_signs_with_is_not_the_company(sender: str, name: str) -> None:
    read = extract_company("quick note", sender, NOTE.format(name=name))
    assert read is None or name not in read


def test_a_personal_name_over_a_providers_mailbox_is_a_person() -> None:
    sender = "Odile Harcastle <wrenfieldinn.office@outlook.com>"
    assert extract_company("hi", sender, NOTE.format(name="Odile")) is None


def test_a_system_or_a_company_signing_with_its_own_name_keeps_it() -> None:
    body = "Dear Jo,\n\nThank you for your application.\n\nRegards,\nBrisklow"
    assert extract_company("Your application", "Brisklow Careers <brisklow@jobvite.com>", body)
    assert extract_company("Your application", "brisklow@brisklow.com", body) == "Brisklow"
