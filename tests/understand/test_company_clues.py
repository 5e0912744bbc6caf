"""Company from everything in the message, and never a person, a job title or mail that is
not about a job. Every name and address here is invented."""

from __future__ import annotations

from dataclasses import replace

from onward.domain.emails import Correspondence, EmailLabel, EmailText
from onward.understand.board_links import board_tenant
from onward.understand.extract import extract_details
from onward.understand.extract_company import extract_company
from onward.understand.legal_forms import strip_legal_form
from onward.understand.names import clean_name
from onward.understand.people import people_in
from onward.understand.senders import address_hint

L = EmailLabel


def company(body: str, subject: str = "", sender: str = "", person: str = "") -> str | None:
    return extract_company(subject, sender, body, person)


# --- legal forms (cleanco) --------------------------------------------------------------


def test_legal_forms_of_many_countries_come_off() -> None:
    cases = {
        "Quillon Widgets, Inc.": "Quillon Widgets",
        "Harrow & Pike LLP": "Harrow & Pike",
        "Tindle Pty Ltd": "Tindle",
        "Marrowfield GmbH": "Marrowfield",
        "Velder Group AG": "Velder Group",
        "Cobb Lane Private Limited": "Cobb Lane",
        "Ostrava Veldt S.A.": "Ostrava Veldt",
        "Pell Savings Bank, N.A.": "Pell Savings Bank",
        "Dunmore Chase & Co.": "Dunmore Chase",
        "Larch (UK) Ltd": "Larch (UK)",
    }
    for written, name in cases.items():
        assert strip_legal_form(written) == name, written


def test_words_that_only_look_like_legal_forms_stay() -> None:
    for name in ("Pryor & Company", "Serenity Day Spa", "Acorn Unlimited", "Brightwater UK", "Ltd"):
        assert strip_legal_form(name) == name


# --- never a person ---------------------------------------------------------------------


def test_the_persons_own_name_is_never_the_company() -> None:
    body = "Hi Casey,\nThanks for applying to the Stores Supervisor role.\nBest,\nThe Harwick Team"
    assert company(body, sender="no-reply@mailer.example") == "Harwick"
    assert company("Casey Morgan\nThanks for your application.", person="Casey Morgan") is None


def test_the_writers_signature_is_not_the_company() -> None:
    body = (
        "Hi Casey,\nThanks for coming in yesterday, we'll be in touch about next steps soon.\n"
        "Best,\nPete"
    )
    assert company(body, sender="Pete <pete.alvarez@gmail.com>") is None
    people = people_in(body, "", "", "pete.alvarez@")
    assert people.named("Pete")


def test_a_company_signing_after_best_is_still_the_company() -> None:
    body = "Thank you for your application. We will review it shortly.\n\nBest,\nCorrowby"
    assert not people_in(body, "", "", "corrowby@").named("Corrowby")
    assert not people_in(body, "", "", "careers.corrowby@").named("Corrowby")


def test_a_note_that_ends_with_the_writers_first_name_alone_is_not_signed_by_a_company() -> None:
    note = "Sam,\nThanks for the drawings you sent over. I can't offer you the job this time.\n{}"
    # The address carries the name: on the company's own domain, or a mailbox of one's own.
    assert company(note.format("Teodor"), sender="teodor.brandt@larchwell.co.uk") == "Larchwell"
    assert company(note.format("Odile"), sender="odile@pemberfold.com") == "Pemberfold"
    assert company(note.format("Ines"), sender="inesvarga77@gmail.com") is None
    # A business's own mailbox at a mail provider, signed by someone who works there.
    assert company(note.format("Ines"), sender="pemberfold.bakery@outlook.com") is None
    # A business signing its own name is still the business.
    assert not people_in(note.format("Pemberfold"), "", "", "pemberfold@outlook.com").named(
        "Pemberfold"
    )
    assert company(note.format("Pemberfold"), sender="jobs@pemberfold.com") == "Pemberfold"


def test_a_signature_or_letterhead_line_gives_the_name_the_address_shortens() -> None:
    sender = "careers@larkspurdental.com"
    letter = "Dear Sam,\n\nWe won't be progressing your application.\n\nKind regards,\n"
    assert company(letter + "Larkspur Dental Group", sender=sender) == "Larkspur Dental Group"
    assert company(letter + "<p>Larkspur Dental Group</p>", sender=sender) == (
        "Larkspur Dental Group"
    )
    # an address that abbreviates the rest: "tollgatebs" is "Tollgate Building Society"
    tollgate = company(letter + "Tollgate Building Society", sender="jobs@tollgatebs.com")
    assert tollgate == "Tollgate Building Society"


def test_a_mail_providers_domain_never_names_the_company() -> None:
    for provider in ("btinternet.com", "virginmedia.com", "googlemail.com", "sbcglobal.net"):
        assert address_hint(f"ana.k@{provider}") is None
        assert (
            company(
                "Thanks for coming in. We'd like to offer you the job.", sender=f"ana.k@{provider}"
            )
            is None
        )
    # A firm whose domain only starts like a provider is still the firm.
    assert address_hint("jo@livewirelighting.co.uk") == "livewirelighting"


def test_greeted_name_is_a_person() -> None:
    assert people_in("Dear Robin Ashe,\nThank you.").named("Robin Ashe")


# --- never a job title ------------------------------------------------------------------


def test_a_job_title_is_not_a_company() -> None:
    for title in ("Claims Handler", "Video Editor", "Office Administrator", "Talent Partner"):
        assert clean_name(title) is None, title


def test_a_company_name_with_the_job_glued_on_loses_the_job() -> None:
    assert clean_name("Westbury Bank Graduate") == "Westbury Bank"
    assert clean_name("Corvid Airlines Pilot") == "Corvid Airlines"


def test_a_possessive_that_belongs_to_the_name_stays() -> None:
    assert clean_name("St Bride's School") == "St Bride's School"
    assert clean_name("Pennock's Summer Internship") == "Pennock"


# --- the sender's domain and the tracking system's board --------------------------------


def test_country_domains_give_the_name_before_the_public_suffix() -> None:
    assert address_hint("HR <recruitment@fernleigh.co.uk>") == "fernleigh"
    assert address_hint("Jobs <no-reply@eastmoor.gov.uk>") == "eastmoor"
    assert address_hint("HR <people@lowtide.com.au>") == "lowtide"


def test_board_tenants_of_tracking_system_links() -> None:
    assert board_tenant("Apply: https://boards.greenhouse.io/quillrobotics/jobs/42") == (
        "quillrobotics",
        "Quillrobotics",
    )
    assert board_tenant("https://pell-health.wd3.myworkdayjobs.com/External/job/1") == (
        "pellhealth",
        "Pell Health",
    )
    assert board_tenant("https://jobs.smartrecruiters.com/VelderGroup/999") == (
        "veldergroup",
        "Velder Group",
    )
    assert board_tenant("https://jobs.lever.co/apply/123") is None  # the system's own page
    assert board_tenant("nothing to see") is None


def test_a_board_link_names_the_company_when_nothing_else_does() -> None:
    body = (
        "Thanks for applying! Track your application here: "
        "https://jobs.ashbyhq.com/orrin-labs/123/application"
    )
    assert company(body, sender="Ashby <no-reply@ashbyhq.com>") == "Orrin Labs"


def test_a_board_link_backs_the_name_the_body_spells() -> None:
    body = (
        "Thank you for your interest in Quill Robotics and in the Test Engineer role.\n"
        "https://boards.greenhouse.io/quillrobotics/jobs/42"
    )
    assert company(body, sender="no-reply@us.greenhouse-mail.io") == "Quill Robotics"


def test_a_squeezed_address_with_and_is_spelled_with_the_ampersand() -> None:
    body = "Thank you for applying to Maple & Birch. Our team reads every application."
    assert company(body, sender="Careers <mapleandbirch@myworkday.com>") == "Maple & Birch"


# --- null rather than a guess -----------------------------------------------------------


def test_mail_that_is_not_about_a_job_names_no_company() -> None:
    email = EmailText(
        "Your card is on its way",
        "Fenwick Credit Union <service@fenwickcu.example>",
        "Your new debit card was posted today. Activate it by calling the number on it.",
    )
    details = extract_details(email, L.OTHER)
    assert details["company"] is None and details["role"] is None


def test_job_mail_read_as_other_still_names_its_company() -> None:
    email = EmailText(
        "Your application",
        "Corrowby Careers <careers@corrowby.example>",
        "Thank you for your application to Corrowby. You withdrew it on Monday.",
    )
    assert extract_details(email, L.OTHER)["company"] == "Corrowby"


def test_a_mid_thread_note_that_names_nobody_gives_no_company() -> None:
    body = "Hi Casey, are you free on Thursday at 2pm for a call?\nThanks,\nMo"
    assert company(body, subject="Re: chat", sender="Mo <mo.hassan@gmail.com>") is None


def test_never_a_place_or_an_encoded_fragment() -> None:
    for not_a_name in ("London", "Germany", "Remote", "aGVsbG8gV29ybGQ", "dGhpc0lzQmFzZTY0"):
        assert clean_name(not_a_name) is None, not_a_name
    for name in ("London Metro Bank", "eBay", "GitHub", "Acme2Go", "3M", "PwC"):
        assert clean_name(name) == name, name


def test_mail_linked_to_an_application_names_its_company_even_when_read_as_other() -> None:
    email = EmailText("Tuesday", "Leila <leila@copperkettle.co.uk>", "Are you free at 2pm?")
    assert extract_details(email, L.OTHER)["company"] is None  # not about a job, read alone
    linked = replace(email, correspondence=Correspondence(linked=True))
    assert extract_details(linked, L.OTHER)["company"] is not None
