"""Company names read across a mailbox (``CompanyBook``). Every name here is invented."""

from __future__ import annotations

from onward.understand.mailbox import CompanyBook, resolve_companies, sender_key

RECRUITER = "Nadia Vell <nadia@quillriver.test>"


def test_an_acronym_gets_the_name_another_email_spells_out() -> None:
    names = resolve_companies(
        CompanyBook(),
        [
            ("", "Quill River Data Exchange"),
            ("", "QRDE"),
            ("", "QRDE"),
        ],
    )
    assert names == ["Quill River Data Exchange"] * 3


def test_the_spelling_may_come_later_in_the_mailbox() -> None:
    names = resolve_companies(CompanyBook(), [("", "QRDE"), ("", "Quill River Data Exchange")])
    assert names == ["Quill River Data Exchange"] * 2


def test_a_two_letter_acronym_needs_the_same_sender() -> None:
    across = resolve_companies(CompanyBook(), [("", "Zorvel Group"), ("", "ZG")])
    assert across == ["Zorvel Group", "ZG"]  # too short to trust across senders
    same = resolve_companies(CompanyBook(), [(RECRUITER, "Quill River"), (RECRUITER, "QR")])
    assert same == ["Quill River", "Quill River"]


def test_an_acronym_that_fits_two_names_stays_as_written() -> None:
    names = resolve_companies(
        CompanyBook(),
        [("", "Pellam Radio Works"), ("", "Pine Ridge Wineries"), ("", "PRW")],
    )
    assert names[2] == "PRW"


def test_an_acronym_must_be_the_exact_initials_across_senders() -> None:
    # "PRDW" could squeeze "Pellam Radio Works" ("Pellam Ra-D-io Works") but is not its initials.
    names = resolve_companies(CompanyBook(), [("", "Pellam Radio Works"), ("", "PRDW")])
    assert names[1] == "PRDW"


def test_a_descriptor_tail_is_one_company_and_the_fuller_name_wins() -> None:
    names = resolve_companies(
        CompanyBook(),
        [("", "Quendle Networks"), ("", "Quendle"), ("", "Quendle Networks")],
    )
    assert names == ["Quendle Networks"] * 3


def test_a_longer_name_that_is_not_a_descriptor_is_another_company_across_senders() -> None:
    # "Marrow Cloud" may be a separate business of Marrow: across senders it stays apart.
    names = resolve_companies(CompanyBook(), [("", "Marrow"), ("", "Marrow Cloud")])
    assert names == ["Marrow", "Marrow Cloud"]


def test_one_sender_is_one_company() -> None:
    tagged = "Larch Careers <larch@myworkday.com>"
    names = resolve_companies(
        CompanyBook(),
        [(tagged, "Larch Pictures Entertainment"), (tagged, "Larch Pictures"), (tagged, None)],
    )
    assert names == ["Larch Pictures Entertainment"] * 3


def test_a_brand_two_words_longer_from_the_same_domain_stays_apart() -> None:
    sender = "Careers <jobs@marrow.test>"
    names = resolve_companies(
        CompanyBook(), [(sender, "Marrow"), (sender, "Marrow Vacation Rentals")]
    )
    assert names == ["Marrow", "Marrow Vacation Rentals"]


def test_a_company_domain_names_an_email_that_names_nothing() -> None:
    names = resolve_companies(
        CompanyBook(), [(RECRUITER, "Quill River"), ("Ada Lorne <ada@quillriver.test>", None)]
    )
    assert names == ["Quill River", "Quill River"]


def test_job_boards_tracking_systems_and_free_mail_never_lend_a_name() -> None:
    for sender in (
        "LinkedIn <jobs-noreply@linkedin.com>",
        "Hiring Team <no-reply@greenhouse-mail.io>",
        "Workday <no-reply@myworkday.com>",
        "Jo Marsh <jo.marsh@gmail.com>",
        "Acme via Lever <no-reply@hire.lever.co>",
    ):
        names = resolve_companies(CompanyBook(), [(sender, "Tidalgate"), (sender, None)])
        assert names == ["Tidalgate", None], sender
        assert sender_key(sender) is None, sender


def test_a_sender_that_names_several_companies_is_a_platform() -> None:
    relay = "Hiring <no-reply@mail.payrollhub.test>"
    names = resolve_companies(
        CompanyBook(),
        [(relay, "Ostrava Foods"), (relay, "Bellwing Air"), (relay, "Ostrava"), (relay, None)],
    )
    assert names == ["Ostrava Foods", "Bellwing Air", "Ostrava", None]


def test_the_tracker_spelling_wins() -> None:
    book = CompanyBook()
    book.pin("Quendle Networks Inc.")
    names = resolve_companies(book, [("", "Quendle"), ("", "Quendle Networks")])
    assert names == ["Quendle Networks Inc.", "Quendle Networks Inc."]


def test_a_name_the_mailbox_agrees_on_is_left_alone() -> None:
    names = resolve_companies(CompanyBook(), [("", "Harrowfield Brewing"), ("", None)])
    assert names == ["Harrowfield Brewing", None]  # no sender: nothing to fill it from


def test_sender_keys() -> None:
    assert sender_key("Acme <acme@myworkday.com>") == "acme@myworkday.com"
    assert sender_key("Jobs <jobs@mail.acme-foods.co.uk>") == "acme foods"
    assert sender_key("") is None and sender_key("Acme Careers") is None
