"""Generators for hard negatives: mail full of job words that is not about one's application."""

from __future__ import annotations

import random

from tools.corpus import phrases as W
from tools.corpus.messages import Example, Slots, _example, _join


def job_alert(rng: random.Random) -> Example:
    picks = rng.sample(W.COMPANIES, 4)
    lines = []
    for name, industry, _ in picks:
        lines.append(
            f"{rng.choice(W.SENIORITY)}{rng.choice(W.ROLES[industry])}\n{name} · "
            f"{rng.choice(['Remote', 'Boston, MA', 'Austin, TX', 'Chicago, IL'])}"
        )
    board = rng.choice(
        [
            "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
            "Indeed <alert@indeed.com>",
            "Glassdoor Jobs <noreply@glassdoor.com>",
            "ZipRecruiter <alerts@ziprecruiter.com>",
            "Dice <alerts@dice.com>",
        ]
    )
    intro = rng.choice(
        [
            "New jobs matching your search were posted today.",
            "Your job alert has 12 new results. Apply early: applicants who apply in the first "
            "days are more likely to hear back.",
            "We found jobs you may be interested in based on your profile.",
            "These companies are hiring now. Unfortunately, some listings close quickly, so don't "
            "wait.",
        ]
    )
    body = _join(intro, *lines, "Manage alerts | Unsubscribe")
    ex = {
        "subject": rng.choice(
            [
                "New jobs for you",
                f"{lines[0].splitlines()[0]} and more",
                "Jobs you may be interested in",
                "30+ new roles near you",
            ]
        ),
        "sender": board,
        "body": body,
        "label": "other",
        "company": None,
        "role": None,
        "job_ref": None,
    }
    return ex


def newsletter(rng: random.Random) -> Example:
    s = Slots(rng)
    body = _join(
        s.fill(
            rng.choice(
                [
                    "Inside {company} this month: how our teams work, a new office opening, and "
                    "open "
                    "roles you might like.",
                    "Thank you for joining the {company} Talent Community! We'll send you news and "
                    "openings that match your interests.",
                    "Welcome to {company} Careers. Complete your profile so our recruiters can "
                    "find "
                    "you.",
                    "Join us for a virtual career fair on {day} at {time} to meet {company} "
                    "recruiters.",
                    "Your candidate account at {company} has been created. Verify your email to "
                    "finish "
                    "setting it up.",
                    "We'd love your feedback on your candidate experience with {company}. The "
                    "survey takes "
                    "two minutes.",
                    "Please reset your password for the {company} careers site using the link "
                    "below.",
                    "You have successfully withdrawn your application for {role}. We hope to see "
                    "you "
                    "apply again.",
                    "Reminder: your application for {role} is incomplete. Finish it to be "
                    "considered.",
                ]
            )
        ),
        s.signature(),
        "Unsubscribe from these emails",
    )
    return _example(
        s,
        "other",
        s.subject(
            [
                "News from {company}",
                "Welcome to the {company} Talent Community",
                "Verify your account",
                "{company} careers update",
                "We value your feedback",
                "Your application has been withdrawn",
                "Complete your application",
                "You're invited: {company} hiring event",
            ]
        ),
        body,
    )


def outreach(rng: random.Random) -> Example:
    s = Slots(rng)
    body = _join(
        s.fill(rng.choice(["Hi {first},", "Hello {first},"])),
        s.fill(
            rng.choice(
                [
                    "I came across your profile and think you'd be a great fit for a {role} "
                    "opening at {company}.",
                    "I'm a recruiter at {company} and we're growing fast. Would you be open to a "
                    "chat about {role} opportunities?",
                    "Your background caught my eye. We're hiring for several positions at "
                    "{company}, including {role}. Interested?",
                    "A client of ours, {company}, is hiring a {role}. Is this something you'd "
                    "consider?",
                ]
            )
        ),
        rng.choice(
            [
                "Let me know if you're interested.",
                "No worries if the timing isn't right.",
                "Happy to share the job description.",
            ]
        ),
        s.signature(personal=True),
    )
    ex = _example(
        s,
        "other",
        s.subject(
            [
                "Opportunity at {company}",
                "{role} role - interested?",
                "Quick question",
                "Exploring new roles?",
            ]
        ),
        body,
    )
    ex["sender"] = s.sender(personal=True)
    return ex


def redirected(rng: random.Random) -> Example:
    """Not selected for one role but moved to another: not a rejection."""
    s = Slots(rng)
    other_role = rng.choice(W.ROLES[s.industry])
    text = rng.choice(
        [
            f"While you were not selected for the {{role}} role, the team was impressed and would "
            f"like to consider you for our {other_role} position instead. Could we schedule a "
            f"call this week?",
            f"We've moved your application to the {other_role} opening, which we think matches "
            f"your background better. A recruiter will follow up.",
            f"You weren't chosen for this round of {{role}} hiring, but we'd like to move you "
            f"forward to interview for {other_role}. Please share your availability.",
        ]
    )
    label = "interview" if ("call" in text or "availability" in text) else "application_received"
    body = _join(
        s.fill(rng.choice(["Hi {first},", "Dear {full},"])),
        s.fill(text),
        s.signature(personal=True),
    )
    ex = _example(
        s,
        label,
        s.subject(["Another opportunity at {company}", "Your application: next steps"]),
        body,
    )
    ex["sender"] = s.sender(personal=True)
    return ex


def thread_reply(rng: random.Random) -> Example:
    """A short new message over a quoted older one: the new text decides."""
    s = Slots(rng)
    quoted = s.fill(
        rng.choice(
            [
                "We regret to inform you that we will not be moving forward with your application.",
                "We'd like to invite you to interview for {role}.",
                "Congratulations, we are pleased to offer you the role of {role}.",
            ]
        )
    )
    new, label = rng.choice(
        [
            (
                s.fill(
                    "Thanks {first}! Tuesday at 2pm works. I'll send a calendar invite for the "
                    "interview."
                ),
                "interview",
            ),
            (
                s.fill(
                    "Hi {first}, following up: after your interviews the team decided not to move "
                    "forward. I'm sorry."
                ),
                "rejection",
            ),
            ("Thank you for letting me know.", "other"),
            (
                s.fill(
                    "Hi {first}, please complete the coding test linked below before our next "
                    "interview."
                ),
                "assessment",
            ),
        ]
    )
    marker = rng.choice(
        [
            f"On {s.values['day']}, {s.recruiter} <{s.recruiter_email}> wrote:",
            "-----Original Message-----\nFrom: " + s.recruiter + "\nSent: " + s.values["day"],
            "---------- Forwarded message ---------\nFrom: " + s.company,
        ]
    )
    quoted_lines = "\n".join("> " + line for line in quoted.split(". "))
    body = _join(
        new, s.signature(personal=True), marker, quoted_lines if "wrote" in marker else quoted
    )
    gold: dict[str, object] = {}
    if label == "rejection":
        gold = {
            "stage": "interview",
            "reason": "unspecified",
            "reason_quote": None,
            "personal": True,
        }
    ex = _example(
        s,
        label,
        "Re: " + s.subject(["{role}", "{company} interview", "Your application"]),
        body,
        **gold,
    )
    ex["sender"] = s.sender(personal=True)
    return ex
