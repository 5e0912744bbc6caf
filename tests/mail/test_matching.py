"""Company names as keys, and which application an email belongs to."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from onward.domain.companies import company_from_domain, company_key, is_platform_domain, role_key
from onward.domain.emails import EmailLabel, EmailReading
from onward.domain.mail import AppCandidate, Match, ProposalKind, propose
from onward.domain.pipeline import Stage
from onward.mail.matching import MatchIndex, PendingCreate, ThreadLink, same_role


@pytest.mark.parametrize(
    "name",
    ["Stripe", "Stripe Recruiting", "Stripe, Inc.", "Stripe Careers", "STRIPE Talent Team",
     "The Stripe Hiring Team", "stripe  ltd"],
)  # fmt: skip
def test_one_company_under_many_names(name: str) -> None:
    assert company_key(name) == "stripe"


def test_names_keep_what_tells_them_apart() -> None:
    assert company_key("Société Générale SA") == "societe generale"
    assert company_key("Acme & Co.") == "acme"
    assert company_key("Recruiting Inc.") == "recruiting"  # never empty
    assert company_key("Acme Health") != company_key("Acme Analytics")
    assert company_key(None) == company_key("") == ""


def test_platforms_are_not_companies() -> None:
    assert is_platform_domain("greenhouse-mail.io") and is_platform_domain("us.greenhouse-mail.io")
    assert is_platform_domain("myworkday.com") and is_platform_domain("linkedin.com")
    assert company_from_domain("no-reply@hire.lever.co") == ""
    assert company_from_domain("friend@gmail.com") == ""
    assert company_from_domain("nadia@careers.stripe.com") == "stripe"
    assert company_from_domain("jobs@acme-labs.co.uk") == "acme labs"


def test_roles_match_fuzzily_but_never_across_seniority_or_job() -> None:
    assert same_role("Backend Engineer", "Back-end Engineer")
    assert same_role("Data Analyst", "data analyst (remote)")
    assert same_role("Senior Data Engineer", "Data Engineer, Senior")
    assert not same_role("Data Analyst", "Data Scientist")
    assert not same_role("Senior Data Engineer", "Data Engineer")
    assert not same_role("Software Engineer II", "Software Engineer III")
    assert not same_role(None, "Data Analyst")
    assert role_key("The Frontend Developer role") == "front end developer"


def app(
    id: int, company: str, role: str, stage: Stage = Stage.APPLIED, **kw: object
) -> AppCandidate:
    return AppCandidate(id, company, role, kw.get("job_ref"), stage, stage)  # type: ignore[arg-type]


def reading(label: EmailLabel = EmailLabel.REJECTION, **kw: object) -> EmailReading:
    return EmailReading(label=label, confidence=0.95, **kw)  # type: ignore[arg-type]


def test_a_reply_in_a_known_thread_belongs_to_its_application() -> None:
    index = MatchIndex([app(1, "Acme", "Analyst"), app(2, "Acme", "Designer")])
    index.remember_thread("<first@acme.test>", ThreadLink(2, None))
    found = index.match(reading(company="Acme", role="Analyst"), ["<first@acme.test>"])
    assert found.application is not None and found.application.id == 2 and found.how == "thread"


def test_requisition_ids_beat_names() -> None:
    index = MatchIndex(
        [app(1, "Acme", "Analyst", job_ref="R-1"), app(2, "Acme", "Analyst II", job_ref="R-22")]
    )
    found = index.match(reading(company="Someone Else", job_ref="r 22"), [])
    assert found.application is not None and found.application.id == 2


def test_company_variants_and_fuzzy_roles_match() -> None:
    index = MatchIndex([app(1, "Stripe", "Data Analyst"), app(2, "Acme", "Data Analyst")])
    found = index.match(reading(company="Stripe Recruiting", role="data analyst"), [])
    assert (
        found.application is not None and found.application.id == 1 and found.how == "company_role"
    )


def test_a_different_role_at_the_same_company_is_a_new_application() -> None:
    index = MatchIndex([app(1, "Acme", "Data Analyst")])
    found = index.match(reading(company="Acme Inc.", role="Data Scientist"), [])
    assert found.application is None and found.pending_create is None
    assert found.note and "#1 Data Analyst" in found.note


def test_without_a_role_one_open_application_matches_and_several_are_uncertain() -> None:
    one = MatchIndex([app(1, "Acme", "Analyst"), app(2, "Acme", "Chef", Stage.REJECTED)])
    found = one.match(reading(company="Acme"), [])
    assert found.application is not None and found.application.id == 1 and found.certainty < 1
    two = MatchIndex([app(1, "Acme", "Analyst"), app(3, "Acme", "Designer")])
    found = two.match(reading(company="Acme"), [])
    assert found.certainty <= 0.5 and found.note and "several" in found.note


def test_sender_domain_names_the_company_but_platforms_do_not() -> None:
    index = MatchIndex([app(1, "Acme", "Analyst")])
    assert index.match(reading(), [], "nadia@acme.test").application is not None
    assert index.match(reading(), [], "no-reply@greenhouse-mail.io").application is None


def test_aliases_the_person_taught_are_used() -> None:
    index = MatchIndex([app(1, "Initech", "Analyst")], aliases={"initrode": "Initech"})
    found = index.match(reading(company="Initrode Careers", role="Analyst"), [])
    assert found.application is not None and found.application.id == 1
    assert index.canonical_name("Initrode") == "Initech"


def test_a_name_squeezed_into_an_address_is_the_persons_spelling() -> None:
    index = MatchIndex([app(1, "Cobalt Reach", "Analyst"), app(2, "Hatch & Hollow", "Chef")])
    assert index.canonical_name("Cobaltreach") == "Cobalt Reach"
    assert index.canonical_name("Hatch and Hollow Ltd") == "Hatch & Hollow"
    assert index.canonical_name("Cobalt Reaches") == "Cobalt Reaches"
    found = index.match(reading(company="Cobaltreach", role="Analyst"), [])
    assert found.application is not None and found.application.id == 1


def test_pending_new_applications_are_not_proposed_twice() -> None:
    index = MatchIndex([])
    index.remember_pending(PendingCreate(7, "Acme", "Analyst", None))
    found = index.match(reading(company="Acme Talent", role="Analyst"), [])
    assert found.application is None and found.pending_create == 7


def test_a_pending_application_without_a_role_takes_the_role_a_later_email_names() -> None:
    index = MatchIndex([])
    index.remember_pending(PendingCreate(7, "Acme", None, None))
    found = index.match(reading(company="Acme", role="Data Analyst"), [])
    assert found.pending_create == 7 and found.how == "company" and found.certainty == 0.9
    index.name_role(7, "Data Analyst")
    assert index.match(reading(company="Acme", role="Data Analyst"), []).how == "company_role"
    # once named, another role at the company is another application
    other = index.match(reading(company="Acme", role="Head Chef"), [])
    assert other.pending_create is None and other.application is None


ON = datetime(2026, 11, 2, tzinfo=UTC).date()


def test_proposals_for_a_rejection_of_an_untracked_job() -> None:
    drafts = propose(
        reading(company="Acme", role="Analyst", contact_name="Nadia Park"), Match(None, "none"), ON
    )
    assert [d.kind for d in drafts] == [
        ProposalKind.CREATE_APPLICATION,
        ProposalKind.LOG_REJECTION,
        ProposalKind.ADD_CONTACT,
    ]
    assert drafts[0].payload["stage"] == "applied" and drafts[1].after_create


def test_no_proposal_moves_backwards_or_repeats_what_is_known() -> None:
    interviewing = app(1, "Acme", "Analyst", Stage.INTERVIEW)
    received = reading(EmailLabel.APPLICATION_RECEIVED, company="Acme")
    assert propose(received, Match(interviewing, "company"), ON) == []
    rejected = app(1, "Acme", "Analyst", Stage.REJECTED)
    assert propose(reading(company="Acme"), Match(rejected, "company"), ON) == []
    assert propose(reading(EmailLabel.OTHER), Match(None, "none"), ON) == []
    offer = propose(reading(EmailLabel.OFFER, company="Acme"), Match(interviewing, "company"), ON)
    assert [(d.kind, d.payload["stage"]) for d in offer] == [(ProposalKind.MOVE_STAGE, "offer")]


def test_confidence_carries_the_match_certainty() -> None:
    drafts = propose(
        reading(company="Acme"), Match(app(1, "Acme", "A"), "company", certainty=0.5), ON
    )
    assert drafts[0].confidence == pytest.approx(0.475)
