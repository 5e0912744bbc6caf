"""Which form of a name the reader gives when one email uses several.

Every company, sender and sentence here is invented for these tests.
"""

from __future__ import annotations

from onward.understand.company_forms import abbreviates
from onward.understand.extract_company import extract_company
from onward.understand.names import normalise_name


def test_a_formal_descriptor_gives_way_to_the_name_the_email_uses_on_its_own() -> None:
    company = extract_company(
        "Quendle Technologies: we have your application",
        "Quendle Technologies Workday <quendle@myworkday.com>",
        "Hi Sam, your CV reached us safely. Everyone at Quendle reads every application.\n"
        "Cheers,\nQuendle Hiring Team",
    )
    assert company == "Quendle"


def test_the_company_and_motor_company_forms_give_way_to_the_bare_name() -> None:
    assert (
        extract_company(
            "Welder Apprentice at The Harrowgate Company",
            "",
            "Your form is in. People here at The Harrowgate Company look at each one.\n"
            "Harrowgate Recruiting Team",
        )
        == "Harrowgate"
    )
    assert (
        extract_company(
            "About your Test Engineer application",
            "Brisco Careers <noreply@brisco.example>",
            "Brisco Motor Company has logged your application for Test Engineer.\n"
            "All the best,\nThe Brisco Talent Acquisition Team",
        )
        == "Brisco"
    )


def test_a_descriptor_stays_when_the_email_never_uses_the_bare_name() -> None:
    company = extract_company(
        "Thank you for applying to Varnell Technologies",
        "",
        "Your application to Varnell Technologies is in our queue.",
    )
    assert company == "Varnell Technologies"


def test_and_company_is_part_of_the_name() -> None:
    company = extract_company(
        "Your application to Ostrander & Company",
        "",
        "Ostrander & Company has your CV. Ostrander consultants will look at it this month.",
    )
    assert company == "Ostrander & Company"


def test_global_stays_when_the_email_never_drops_it() -> None:
    company = extract_company(
        "Pelora Global: application logged",
        "no-reply@us.greenhouse-mail.io",
        "We logged your application to Pelora Global today.\nWarmly,\n"
        "The Pelora Global Recruiting Team",
    )
    assert company == "Pelora Global"


def test_global_goes_when_the_email_also_uses_the_bare_name() -> None:
    company = extract_company(
        "Applying to Tamsin Global",
        "no-reply@tamsin.example",
        "Your Tamsin Global application is being read.\n"
        "Other jobs at Tamsin are listed on our site.\nTamsin Talent Acquisition",
    )
    assert company == "Tamsin"


def test_an_acronym_folds_into_its_spelling_unless_the_subject_goes_by_the_acronym() -> None:
    spelled = extract_company(
        "We have your application",
        "Q&R Talent Acquisition <ta@qr.example>",
        "Quillon & Rowe builds bridges and tunnels.\nThe Quillon & Rowe Talent Team",
    )
    assert spelled == "Quillon & Rowe"
    acronym = extract_company(
        "KPG Application Confirmation",
        "Careers at KPG <careers@kpg.example>",
        "Thank you for applying to Kestrel Partners Group. KPG will look at your application.",
    )
    assert acronym == "KPG"


def test_abbreviation_letters_may_come_from_inside_a_word() -> None:
    assert abbreviates("nvbaz", "north valley bank of arizona")
    assert abbreviates("lpe", "larch pictures entertainment")
    assert not abbreviates("xyz", "north valley bank")


def test_a_no_reply_prefix_is_not_part_of_the_name() -> None:
    company = extract_company(
        "Application logged: Data Analyst",
        "No Reply-Brackwater Recruiting <noreply-recruiting@brackwater.example>",
        "Thank you for applying to Brackwater.",
    )
    assert company == "Brackwater"


def test_llp_is_a_legal_suffix() -> None:
    company = extract_company(
        "Your application to Pellham Audit LLP",
        "Pellham Audit LLP <no-reply@hire.lever.co>",
        "Pellham Audit has received your form, and a partner will read it.",
    )
    assert company == "Pellham Audit"


def test_a_po_box_in_the_display_name_is_an_address_and_the_acronym_is_spelled_out() -> None:
    company = extract_company(
        "Application logged",
        "PO Box Mailroom <lpe@myworkday.com>",
        "Your application for the editing role is with our hiring managers.\n"
        "Larch Pictures Entertainment Talent Acquisition",
    )
    assert company == "Larch Pictures Entertainment"
    assert extract_company("Application logged", "PO Box Mailroom <x@mailroom.example>", "") != (
        "PO Box Mailroom"
    )


def test_an_address_cut_short_still_names_the_company_over_a_programme_name() -> None:
    company = extract_company(
        "Marsh Mutual Job Opening",
        "Campus Ambassadors <marshmutual+email+9kx",
        "We looked at your application for the Analyst post and chose other people.\n"
        "Campus Ambassadors",
    )
    assert company == "Marsh Mutual"


def test_a_name_defined_with_its_acronym_replaces_the_acronym() -> None:
    company = extract_company(
        "A note on your application",
        "nvbaz@myworkday.com",
        "North Valley Bank of Arizona (NVBAZ) has filled the teller post.\n"
        "Kind regards,\nNVBAZ People Services",
    )
    assert company == "North Valley Bank of Arizona"


def test_an_acronym_in_brackets_that_is_not_the_sender_adds_nothing() -> None:
    # A résumé echoed back names other organisations with their acronyms.
    company = extract_company(
        "Thanks for applying to Orrin",
        "Workable <noreply@candidates.workablemail.com>",
        "Your application was submitted.\nVolunteer at The Guild of Young Readers and "
        "Writers (GYRW)\nVolunteer at The Guild of Young Readers and Writers (GYRW)",
    )
    assert company == "Orrin"


def test_a_job_board_card_with_a_comma_before_the_company() -> None:
    company = extract_company(
        "Job board: application sent",
        "",
        "Applied:\nSoftware Developer with, Quillfeather.\nWe will tell you if they reply.",
    )
    assert company == "Quillfeather"


def test_and_followed_by_a_pronoun_ends_the_name_and_the_longer_signature_wins() -> None:
    company = extract_company(
        "After your interview",
        "",
        "We picked someone else. Roles open up here at KRX and I will tell you when they do.\n"
        "Best,\nTalla KRX Talent Acquisition",
    )
    assert company == "Talla KRX"


def test_a_subject_naming_a_group_and_its_subsidiary_gives_the_subsidiary() -> None:
    company = extract_company(
        "Velder Group AG - Velder Leasing Services USA LLC - Data Intern",
        "Recruiting Team <noreply@recruiting.velder.example>",
        "Your application is in.",
    )
    assert company == "Velder Leasing Services"
    company = extract_company(
        "Data Intern-VEL001 at Velder Group AG - Velder Leasing Services USA LLC",
        "",
        "Your application is in.",
    )
    assert company == "Velder Leasing Services"


def test_an_address_that_is_all_there_is_is_split_before_a_common_name_ending() -> None:
    assert extract_company(
        "Quick question", "Joanna Reyes <joanna@harrowfieldbrewing.com>", "Hi!"
    ) == ("Harrowfield Brewing")
    assert extract_company("Quick question", "Joanna Reyes <joanna@plumtide.com>", "Hi!") == (
        "Plumtide"
    )


def test_a_lower_case_phrase_before_a_suffix_is_not_a_name() -> None:
    company = extract_company(
        "Follow-up",
        "Tallowmere Inc. Recruiting <no-reply@us.greenhouse-mail.io>",
        "Thanks for the time you spent to apply to Tallowmere Inc. this spring.\n"
        "HR Generalist, Tallowmere Inc.",
    )
    assert company == "Tallowmere"


def test_and_and_ampersand_spell_one_name() -> None:
    assert normalise_name("Pryor and Lowe") == normalise_name("Pryor & Lowe")
    company = extract_company(
        "Thank you for applying to Fenwick & Hale",
        "Fenwick and Hale Careers <noreply@fenwickhale.example>",
        "We have your application. Fenwick and Hale reads every one.\nFenwick & Hale People",
    )
    assert company in ("Fenwick & Hale", "Fenwick and Hale")
