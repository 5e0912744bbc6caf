"""Which company an email names, and in which form: invented senders and companies only."""

from __future__ import annotations

from onward.understand.extract_company import extract_company


def test_subject_that_says_whom_the_application_went_to_beats_a_shop_display_name() -> None:
    company = extract_company(
        "We got it! Thank you for applying to Larchmont Outdoor Brands!",
        "Pinecone Store <lob@myworkday.com>",
        "We have received your job application.\nPinecone Store · Larchmont · Ridgeway Boots",
    )
    assert company == "Larchmont Outdoor Brands"


def test_subject_application_with_a_dotted_name_keeps_the_whole_name() -> None:
    company = extract_company(
        "Your application at Grubly.io - Come build with us",
        "Grubly People Team <people@grubly.example>",
        "Thanks for applying to Grubly.io.",
    )
    assert company == "Grubly.io"


def test_one_signature_line_votes_once_however_many_patterns_read_it() -> None:
    # "The Quorra Group Talent Team" is a team phrase and a signature line; it must not
    # outvote the display name and the subject of the brand that was applied to.
    company = extract_company(
        "Thank you for applying to Fennel Labs",
        "Fennel Labs <notification@smartrecruiters.com>",
        "Thanks for your interest.\nWe received your application.\nKind regards\n"
        "The Quorra Group Talent Team",
    )
    assert company == "Fennel Labs"


def test_a_tagged_system_address_is_not_a_person() -> None:
    # "Blue Fern <bluefern+email+x1@...>" looks like a person's name matching the address,
    # but the "+" tag marks an applicant tracking system sending for the company.
    company = extract_company(
        "Your Blue Fern internship application",
        "Blue Fern <bluefern+email+x1a2@talent.example-ats.com>",
        "Thank you for your interest in Blue Fern.",
    )
    assert company == "Blue Fern"
