"""Every draft kind renders well for realistic people, with and without optional facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from onward.domain.playbook.advice import DraftKind as PlaybookDraftKind
from onward.drafting import (
    Draft,
    DraftFacts,
    DraftKind,
    Severity,
    expectations,
    load_templates,
    render_draft,
)
from onward.drafting.checks import count_words
from onward.errors import InvalidInput

# Realistic people in several industries; some know their contact and interview date, some not.
FACT_SETS: dict[str, DraftFacts] = {
    "health-data": DraftFacts(
        company="Northwind Health",
        role="Data Analyst",
        sender_name="Ana Ruiz",
        contact_name="Priya",
        contact_email="priya.shah@northwind.example",
        interview_date=date(2026, 3, 10),
        applied_date=date(2026, 2, 20),
        highlight="hearing how the team turned clinic wait-time data into a weekly dashboard",
        update="I have just finished a course in causal inference.",
        feedback_point="the depth of my SQL window-function answers",
    ),
    "design-minimal": DraftFacts(
        company="Acme",
        role="Product Designer",
        sender_name="Sam Lee",
        update="I started freelancing for two local charities",
        feedback_point="my portfolio structure",
    ),
    "manufacturing": DraftFacts(
        company="Brightline Manufacturing",
        role="Process Engineer",
        sender_name="Tomasz Nowak",
        contact_name="Ms Okafor",
        interview_date=date(2026, 5, 4),
        update="I led a lean-manufacturing pilot that cut changeover time by a fifth",
        feedback_point="my experience with statistical process control",
    ),
    "nonprofit-no-contact": DraftFacts(
        company="Harbor Food Bank",
        role="Program Coordinator",
        sender_name="Jordan Ellis",
        interview_date=date(2026, 1, 15),
        highlight="the volunteer tour of the new warehouse",
        update="I now volunteer with a community pantry and run its Saturday shift",
        feedback_point="fundraising experience",
    ),
    "finance-contact-no-date": DraftFacts(
        company="Keystone Bank",
        role="Backend Software Engineer",
        sender_name="Mei Chen",
        contact_name="David",
        contact_email="d.martin@keystone.example",
        highlight="the discussion about migrating the payments ledger",
        update="I shipped an open-source library for idempotent payment retries",
        feedback_point="my answers on distributed transactions",
    ),
    "retail-unicode": DraftFacts(
        company="Café Lumière",
        role="Store Manager",
        sender_name="Zoë Martín",
        contact_name="Renée",
        contact_email="renee@cafe-lumiere.example",
        interview_date=date(2026, 4, 2),
        applied_date=date(2026, 3, 12),
        highlight="seeing how the morning team handles the 7 a.m. rush",
        update="I completed a food-safety supervisor certificate",
        feedback_point="my scheduling examples",
    ),
}

CASES = [
    pytest.param(kind, index, name, id=f"{kind.value}-{index}-{name}")
    for kind in DraftKind
    for index in range(len(load_templates(kind)))
    for name in FACT_SETS
]


@pytest.mark.parametrize(("kind", "index", "name"), CASES)
def test_every_variant_renders_cleanly(kind: DraftKind, index: int, name: str) -> None:
    facts = FACT_SETS[name]
    draft = render_draft(kind, facts, variant=index)

    problems = [f for f in draft.findings if f.severity is not Severity.OK]
    assert problems == [], f"{draft.subject}\n\n{draft.body}"
    assert facts.company in draft.body
    assert facts.sender_name in draft.body.splitlines()[-1]
    low, high = expectations(kind).words
    assert low <= count_words(draft.body) <= high
    assert "  " not in draft.body and " ," not in draft.body and " ." not in draft.body
    assert "\n\n\n" not in draft.body


@pytest.mark.parametrize(("kind", "index", "name"), CASES)
def test_greeting_follows_the_contact_name(kind: DraftKind, index: int, name: str) -> None:
    facts = FACT_SETS[name]
    greeting = render_draft(kind, facts, variant=index).body.splitlines()[0]
    if facts.contact_name:
        assert greeting.endswith(f" {facts.contact_name},")
    else:
        assert greeting == "Hello,"


def test_interview_date_is_written_out_or_left_out() -> None:
    facts = FACT_SETS["nonprofit-no-contact"]
    with_date = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, facts, variant=0)
    assert "gave me on Thursday 15 January." in with_date.body

    without = DraftFacts(company=facts.company, role=facts.role, sender_name=facts.sender_name)
    draft = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, without, variant=0)
    assert "the team gave me. I valued" in draft.body
    assert "January" not in draft.body


def test_draft_is_addressed_to_the_contact() -> None:
    draft = render_draft(DraftKind.FEEDBACK_REQUEST, FACT_SETS["health-data"])
    assert draft.to == "priya.shah@northwind.example"
    assert draft.kind is DraftKind.FEEDBACK_REQUEST
    assert render_draft(DraftKind.FEEDBACK_REQUEST, FACT_SETS["design-minimal"]).to is None


def test_the_pick_is_deterministic_and_varies_by_application() -> None:
    facts = FACT_SETS["health-data"]
    first = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, facts)
    again = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, facts)
    assert (first.subject, first.body) == (again.subject, again.body)

    subjects = {
        render_draft(
            DraftKind.THANK_YOU_AFTER_REJECTION,
            DraftFacts(company=f"Company {n}", role="Analyst", sender_name="Ana Ruiz"),
        ).subject
        for n in range(20)
    }
    assert len(subjects) == 2


def test_kind_may_be_given_by_value_or_by_the_playbook_enum() -> None:
    facts = FACT_SETS["manufacturing"]
    by_enum = render_draft(DraftKind.GHOSTING_CLOSURE, facts)
    assert render_draft("ghosting_closure", facts).body == by_enum.body
    assert render_draft(PlaybookDraftKind.GHOSTING_CLOSURE, facts).body == by_enum.body
    with pytest.raises(InvalidInput, match="unknown draft kind 'thank_you_card'"):
        render_draft("thank_you_card", facts)


def test_keep_in_touch_needs_a_real_update() -> None:
    facts = DraftFacts(company="Acme", role="Designer", sender_name="Sam Lee")
    with pytest.raises(InvalidInput, match="missing update"):
        render_draft(DraftKind.KEEP_IN_TOUCH, facts)


def test_sender_name_is_required() -> None:
    facts = DraftFacts(company="Acme", role="Designer")
    with pytest.raises(InvalidInput, match="missing sender_name"):
        render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, facts)


def test_blank_facts_count_as_missing() -> None:
    facts = DraftFacts(
        company="Acme", role="Designer", sender_name="Sam Lee", contact_name="   ", highlight=""
    )
    body = render_draft(DraftKind.NETWORKING_NOTE, facts, variant=0).body
    assert body.startswith("Hello,\n")
    assert "enjoyed" not in body


def test_trailing_full_stop_in_a_fact_is_not_doubled() -> None:
    facts = FACT_SETS["health-data"]  # its update ends with "."
    body = render_draft(DraftKind.KEEP_IN_TOUCH, facts, variant=0).body
    assert "causal inference." in body
    assert ".." not in body


def test_variant_out_of_range_is_refused() -> None:
    with pytest.raises(InvalidInput, match="has no variant 7"):
        render_draft(DraftKind.FEEDBACK_REQUEST, FACT_SETS["health-data"], variant=7)


@pytest.mark.parametrize("email", ["priya", "priya@", "a@b@c", "priya @x.example", "<p@x.io>"])
def test_contact_email_must_look_like_an_address(email: str) -> None:
    with pytest.raises(InvalidInput, match="not an email address"):
        DraftFacts(company="Acme", contact_email=email)


def test_apostrophes_are_fine_in_an_email_address() -> None:
    facts = DraftFacts(company="Acme", contact_email="sean.o'brien@acme.example")
    assert facts.contact_email == "sean.o'brien@acme.example"


def test_company_is_required() -> None:
    with pytest.raises(InvalidInput, match="company cannot be empty"):
        DraftFacts(company="  ")


def test_draft_exposes_errors_and_warnings() -> None:
    draft = render_draft(DraftKind.FEEDBACK_REQUEST, FACT_SETS["health-data"])
    assert draft.errors == () and draft.warnings == ()
    assert isinstance(draft, Draft) and len(draft.findings) >= 10


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Priya Natarajan", "Priya"),
        ("Natarajan, Priya", "Priya"),
        ("Dr. Priya Natarajan", "Dr Natarajan"),
        ("Ms Okafor", "Ms Okafor"),
        ("  Mei   Lin  Chen ", "Mei"),
        ("David", "David"),
    ],
)
def test_a_salutation_uses_the_first_name_or_a_title(name: str, greeted: str) -> None:
    facts = replace(FACT_SETS["nonprofit-no-contact"], contact_name=name)
    body = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, facts, variant=0).body
    assert body.split("\n", 1)[0].rstrip(",").split(" ", 1)[1] == greeted
