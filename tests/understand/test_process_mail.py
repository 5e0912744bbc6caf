"""Mail about the hiring process that is not a step of the person's application: a survey
after applying, an account or password notice, a job alert, a careers event, a recruiter's
cold approach. The phrases say *other*, never a step, and a recruiting system sending such
mail does not make it one. Every name, address and sentence here is invented."""

from __future__ import annotations

from unittest.mock import patch

import pytest

from onward.domain.emails import EmailLabel, EmailText
from onward.understand import Reader
from onward.understand.rules import apply_rules

L = EmailLabel


def labels(text: str) -> set[EmailLabel]:
    return {h.label for h in apply_rules(text.lower())}


@pytest.mark.parametrize(
    "text",
    [
        "Please complete our short survey about your application experience.",
        "Could you spare two minutes to fill in a 3-minute survey? It helps us improve.",
        "How did we do? Rate your time applying with us.",
        "Your candidate account has been created. Save jobs and set up alerts.",
        "Your password has been reset. If this wasn't you, contact support.",
        "Use this verification code to sign in to the careers site.",
        "Three openings match your saved search this week.",
        "Come along to our careers evening at the Leeds office on Thursday.",
        "I'm reaching out about a senior analyst opening with a client of mine.",
        "My client is looking for a site manager in Bristol - open to a chat?",
        "Our candidate privacy notice has been updated; nothing to do.",
    ],
)
def test_process_mail_reads_as_other_and_never_as_a_step(text: str) -> None:
    found = labels(text)
    assert L.OTHER in found
    assert found.isdisjoint({L.ASSESSMENT, L.INTERVIEW, L.OFFER, L.REJECTION})


def test_an_assessment_still_asks_for_one() -> None:
    assert L.ASSESSMENT in labels("Please complete the online assessment by Friday.")
    # A survey is not a test, whatever verb asks for it.
    assert L.ASSESSMENT not in labels("Please complete the candidate survey by Friday.")


def test_a_recruiting_system_sending_process_mail_does_not_make_it_a_step(
    reader: Reader,
) -> None:
    """The model reads *other* but gives a job kind more than ``JOB_KIND_FLOOR``: from a
    tracking system that kind stands, unless only *other*'s phrases fired."""
    sender = "Quellmoor Careers <quellmoor@myworkday.com>"
    order = reader._labels
    real = reader._scorer.logits

    def doubtful(text: str) -> tuple[list[float], object]:
        # *other* ahead of application_received by the same margin with or without the
        # survey phrase (whose rule adds 1.5 to *other*).
        _, features = real(text)
        other = 0.0 if "survey" in text else 1.5
        values = {L.OTHER: other, L.APPLICATION_RECEIVED: 1.2}
        return [values.get(label, -6.0) for label in order], features

    plain = EmailText("Hello", sender, "Hi Jo,\n\nThanks for your time with Quellmoor.")
    survey = EmailText(
        "How did we do?",
        sender,
        "Hi Jo,\n\nThanks for your time with Quellmoor. Our short survey takes two minutes.",
    )
    with patch.object(reader._scorer, "logits", side_effect=doubtful):
        assert reader.decide(plain).label is L.APPLICATION_RECEIVED
        verdict = reader.decide(survey)
    assert verdict.label is L.OTHER
