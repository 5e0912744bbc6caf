"""Which form of a name the reader gives when one email uses several: invented companies."""

from __future__ import annotations

from onward.understand.company_forms import abbreviates
from onward.understand.extract_company import extract_company


def test_a_formal_descriptor_gives_way_to_the_name_the_email_uses_on_its_own() -> None:
    company = extract_company(
        "Thank you for applying to Quendle Technologies",
        "Quendle Technologies Workday <quendle@myworkday.com>",
        "Thank you for your interest in Quendle! We have received your application.\n"
        "Kind regards,\nQuendle Recruitment Team",
    )
    assert company == "Quendle"


def test_the_company_and_motor_company_forms_give_way_to_the_bare_name() -> None:
    assert (
        extract_company(
            "Software Engineer at The Harrowgate Company",
            "",
            "Thank you for applying for employment here at The Harrowgate Company.\n"
            "Best regards,\nHarrowgate Recruiting Team",
        )
        == "Harrowgate"
    )
    assert (
        extract_company(
            "Your recent job application for Test Engineer - 4411",
            "Brisco Careers <noreply@brisco.example>",
            "Thank you for your interest in joining the Brisco Motor Company team.\n"
            "Sincerely,\nThe Brisco Talent Acquisition Team",
        )
        == "Brisco"
    )


def test_a_descriptor_stays_when_the_email_never_uses_the_bare_name() -> None:
    company = extract_company(
        "Thank you for applying to Varnell Technologies",
        "",
        "We received your application to Varnell Technologies and will be in touch.",
    )
    assert company == "Varnell Technologies"


def test_and_company_is_part_of_the_name() -> None:
    company = extract_company(
        "Thank you for applying to Ostrander & Company",
        "",
        "Thank you for your interest in Ostrander & Company. Ostrander consultants will review it.",
    )
    assert company == "Ostrander & Company"


def test_global_stays_when_the_email_never_drops_it() -> None:
    company = extract_company(
        "Thank you for applying to Pelora Global",
        "no-reply@us.greenhouse-mail.io",
        "Thank you for your interest in a career at Pelora Global.\n"
        "Sincerely,\nThe Pelora Global Recruiting Team",
    )
    assert company == "Pelora Global"


def test_global_goes_when_the_email_also_uses_the_bare_name() -> None:
    company = extract_company(
        "Thank you for applying to Tamsin Global",
        "no-reply@tamsin.example",
        "Thank you for applying to Tamsin Global for the Data Analyst opportunity.\n"
        "We hope to see you apply for other roles at Tamsin.\nTamsin Talent Acquisition",
    )
    assert company == "Tamsin"


def test_an_acronym_folds_into_its_spelling_unless_the_subject_goes_by_the_acronym() -> None:
    spelled = extract_company(
        "Thank you for your application",
        "Q&R Talent Acquisition <ta@qr.example>",
        "When you join Quillon & Rowe, your work matters.\nThe Quillon & Rowe Talent Team",
    )
    assert spelled == "Quillon & Rowe"
    acronym = extract_company(
        "KPG Application Confirmation",
        "Careers at KPG <careers@kpg.example>",
        "Thank you for applying to Kestrel Partners Group. KPG will review your application.",
    )
    assert acronym == "KPG"


def test_abbreviation_letters_may_come_from_inside_a_word() -> None:
    assert abbreviates("nvbaz", "north valley bank of arizona")
    assert abbreviates("spe", "solace pictures entertainment")
    assert not abbreviates("xyz", "north valley bank")


def test_a_no_reply_prefix_is_not_part_of_the_name() -> None:
    company = extract_company(
        "Thank you for your Application: Data Analyst",
        "No Reply-Brackwater Recruiting <noreply-recruiting@brackwater.example>",
        "Thank you for applying to Brackwater.",
    )
    assert company == "Brackwater"


def test_llp_is_a_legal_suffix() -> None:
    company = extract_company(
        "Sam, thank you for your application to Pellham Audit LLP!",
        "Pellham Audit LLP <no-reply@hire.lever.co>",
        "Thank you for your interest in Pellham Audit! We received your application.",
    )
    assert company == "Pellham Audit"


def test_a_po_box_in_the_display_name_is_an_address_and_the_acronym_is_spelled_out() -> None:
    company = extract_company(
        "Thank You for Your Application",
        "PO_Box sol.pix <spe@myworkday.com>",
        "Thank you for your interest in Solace Pictures Entertainment and for applying.",
    )
    assert company == "Solace Pictures Entertainment"


def test_an_address_cut_short_still_names_the_company_over_a_programme_name() -> None:
    company = extract_company(
        "Marsh Mutual Job Opening",
        "Recruiting Executive Referral <marshmutual+email+9kx",
        "Thank you for your interest in the Analyst position.\nSincerely,\n"
        "Recruiting Executive Referral",
    )
    assert company == "Marsh Mutual"


def test_a_name_defined_with_its_acronym_replaces_the_acronym() -> None:
    company = extract_company(
        "Please keep in touch",
        "nvbaz@myworkday.com",
        "Thank you for your interest in the Analyst role ( R12 ) at North Valley Bank of "
        "Arizona (NVBAZ). We have decided not to move forward.\nBest wishes,\nNVBAZ Human "
        "Resources",
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
        "Indeed Application: Software Developer",
        "",
        "You submitted an application for:\nSoftware Developer with, Quillfeather.\nGood luck!",
    )
    assert company == "Quillfeather"


def test_and_followed_by_a_pronoun_ends_the_name_and_the_longer_signature_wins() -> None:
    company = extract_company(
        "Interview follow up: Status of your application",
        "",
        "There are other opportunities available here at KRX and I encourage you to apply.\n"
        "Warm regards,\nTalla KRX Talent Acquisition",
    )
    assert company == "Talla KRX"


def test_a_subject_naming_a_group_and_its_subsidiary_gives_the_subsidiary() -> None:
    company = extract_company(
        "Velder Group AG - Velder Leasing Services USA LLC - Data Intern",
        "Recruiting Team <noreply@recruiting.velder.example>",
        "Thank you for your application.",
    )
    assert company == "Velder Leasing Services"
    company = extract_company(
        "Data Intern-VEL001 at Velder Group AG - Velder Leasing Services USA LLC",
        "",
        "We have received your application.",
    )
    assert company == "Velder Leasing Services"


def test_an_address_that_is_all_there_is_is_split_before_a_common_name_ending() -> None:
    assert extract_company(
        "Quick question", "Joanna Reyes <joanna@harrowfieldbrewing.com>", "Hi!"
    ) == ("Harrowfield Brewing")
    assert (
        extract_company("Quick question", "Joanna Reyes <joanna@plumtide.com>", "Hi!") == "Plumtide"
    )


def test_a_lower_case_phrase_before_a_suffix_is_not_a_name() -> None:
    company = extract_company(
        "Follow-up",
        "Tallowmere Inc. Recruiting <no-reply@us.greenhouse-mail.io>",
        "We appreciate you taking the time to apply to Tallowmere Inc. for the opening.\n"
        "HR Generalist, Tallowmere Inc.",
    )
    assert company == "Tallowmere"
