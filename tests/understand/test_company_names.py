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


def test_a_name_of_several_words_opens_the_subject_before_the_step() -> None:
    assert (
        extract_company(
            "Saltmarsh Grocery Market Phone Screen",
            "",
            "Hi, we would like to schedule a short phone call.\nRecruiter",
        )
        == "Saltmarsh Grocery Market"
    )
    assert extract_company("Q7 Senior Developer Phone Interview Request", "", "Hi!") == "Q7"


def test_the_role_we_have_open_at_names_the_company() -> None:
    company = extract_company(
        "Next steps",
        "",
        "Thank you for your interest in the Web Developer role we have open at Ferngully Farms! "
        "We would like to talk.",
    )
    assert company == "Ferngully Farms"


def test_a_campus_recruiting_platform_is_not_the_employer() -> None:
    company = extract_company(
        "An update from Otterly",
        "RippleMatch Notifications <notifications@ripplematch.com>",
        "Unfortunately, Otterly has decided not to move forward.\nBest,\nThe RippleMatch Team",
    )
    assert company == "Otterly"


def test_a_legal_suffix_after_a_comma_ends_the_name_in_a_subject() -> None:
    assert (
        extract_company(
            "Your application to Corvid Bio USA, Inc. is in!",
            "People Office <replies@mail.example-ats.com>",
            "We received your application.",
        )
        == "Corvid Bio USA"
    )


def test_an_address_that_squeezes_the_name_together_finds_it_spelled_out() -> None:
    company = extract_company(
        "Hello from the recruiting desk",
        "Notifications <marlowvale@myworkday.com>",
        "Marlow Vale is reviewing applications for the analyst opening.",
    )
    assert company == "Marlow Vale"


def test_a_possessive_form_loses_its_s_when_the_address_names_the_company() -> None:
    company = extract_company(
        "Confirmation of application received for 24WD123 Data Analyst",
        "AutoNotification workday <quillane@myworkday.com>",
        "We appreciate your interest in joining Quillane's team.",
    )
    assert company == "Quillane"


def test_a_platform_is_the_employer_when_the_subject_says_so() -> None:
    assert (
        extract_company(
            "Thank you for applying here at Workday!",
            "Do-Not-Reply <workday@myworkday.com>",
            "We received your application for the Analyst role.",
        )
        == "Workday"
    )
    assert (
        extract_company(
            "Sam, your application was sent to LinkedIn",
            "LinkedIn <jobs-noreply@linkedin.com>",
            "Your application was sent to LinkedIn\nSimilar jobs: Analyst at Brackenridge Capital",
        )
        == "LinkedIn"
    )


def test_a_lower_case_name_before_a_legal_suffix_is_a_name() -> None:
    company = extract_company(
        "Thanks for applying with brambleby, llc! Web Developer",
        "",
        "Thank you for your application.\nbrambleby Recruiting",
    )
    assert company == "brambleby"


def test_a_signature_title_line_names_the_company_before_the_title() -> None:
    company = extract_company(
        "Want to help?",
        "",
        "Can you send me your resume and some times for a chat?\nRecruiter,\n"
        "Tallowby Principal Recruiter",
    )
    assert company == "Tallowby"
    assert extract_company("Chat?", "", "Hi there\nSenior Technical Recruiter") is None


def test_a_camel_cased_name_is_read_whole() -> None:
    company = extract_company(
        "Application for Front End Developer at Tern eWorks",
        "",
        "Thank you for applying.",
    )
    assert company == "Tern eWorks"


def test_a_subject_application_for_company_dash_role_names_the_company() -> None:
    company = extract_company(
        "Your Application for Pallas Expense - Web Developer",
        "",
        "We have chosen to pursue other applicants.\nYour Careers Team",
    )
    assert company == "Pallas Expense"


def test_a_hyphenated_name_ending_in_a_legal_suffix_is_not_cut_at_the_hyphen() -> None:
    company = extract_company(
        "Associate Engineer at Rhone-Vega Research & Development, Inc.",
        "",
        "Dear Applicant, we have received your application.",
    )
    assert company == "Rhone-Vega Research & Development"


def test_department_prefixes_and_campus_teams_are_not_part_of_the_name() -> None:
    assert (
        extract_company(
            "Thank You for Your Application",
            "P&O Larkspur Pictures <lpx@myworkday.com>",
            "We received your application.",
        )
        == "Larkspur Pictures"
    )
    assert (
        extract_company(
            "Update from Quillane University Recruiting",
            "Quillane Talent Acquisition Team <quillane@myworkday.com>",
            "Thank you for your interest.",
        )
        == "Quillane"
    )


def test_a_subject_naming_the_company_before_a_season_beats_the_bare_address() -> None:
    company = extract_company(
        "Brightmoor Water Board Summer 2025 Internship Decision",
        "docs@bmwb.example",
        "Unfortunately you have not been selected to move on.",
    )
    assert company == "Brightmoor Water Board"


def test_a_subject_saying_a_team_is_hiring_names_its_company() -> None:
    company = extract_company(
        "RE: RE: Corvane Platform is Hiring!!!",
        "",
        "Thank you for your application! Do you have time for a call tomorrow?\nRecruiter",
    )
    assert company == "Corvane"


def test_a_coding_challenge_from_a_test_platform_names_the_company_it_is_for() -> None:
    company = extract_company(
        "Thanks for taking the Lumivex Software Engineer Code Challenge",
        "",
        "Thanks for completing the challenge. We've sent your submission to Lumivex.\n"
        "Please contact Lumivex directly with questions.\nHackerRank Team",
    )
    assert company == "Lumivex"


def test_a_person_writing_from_the_company_names_it() -> None:
    company = extract_company(
        "An update on the Solutions Engineer role",
        "Priya from Halloway <priya@halloway.example>",
        "Thank you for your time. We have decided to move forward with another candidate.\nPriya",
    )
    assert company == "Halloway"


def test_capitals_of_a_job_title_in_the_subject_are_not_a_company() -> None:
    assert extract_company("An update on the Solutions Engineer role", "", "Thanks.") is None


def test_a_recruiting_event_in_the_subject_carries_its_hosts_name() -> None:
    company = extract_company(
        "RE: You're invited! Brindle Works Happy Hour. :)",
        "",
        "Hi - just following up to see if you'd like to join us next week.\nRecruitment Associate",
    )
    assert company == "Brindle Works"
