"""Generators for the middle of a hiring process: interview logistics, recruiter threads,
and administrative requests that are neither decisions nor interviews."""

from __future__ import annotations

import random

from tools.corpus.messages import Example, Slots, _example, _join

_LOGISTICS = [
    "Save the date: your onsite interview with {company} is on {day}. You will meet four "
    "members of the team, including the hiring manager.",
    "Attached is a short guide to help you prepare for your interviews: what to expect, who "
    "you will meet, and how to reach our office.",
    "Here is the agenda for {day}: 10:00 welcome, 10:30 technical discussion, 11:30 lunch with "
    "the team, 1:00 conversation with the director.",
    "The hiring manager would like to speak with you. Which of these times work: {day} at "
    "{time}, or the following morning?",
    "Confirming your technical phone interview on {day} at {time}. The interviewer will call "
    "the number on your resume.",
    "I'm the coordinator for your upcoming interview loop. Please send me any dates you are "
    "unavailable over the next two weeks.",
    "Your video interview link is below. Please join five minutes early and test your "
    "camera beforehand.",
    "Thanks for your time on the phone today! The team would like to bring you in for the "
    "next round of interviews.",
    "Following up on my last note: are you still interested in the {role} role? If so, let's "
    "find 20 minutes to talk this week.",
    "We're excited to invite you to meet the team in person. Travel and hotel will be booked "
    "by our coordinator.",
    "Quick reminder that we're meeting tomorrow at {time}. Here is the dial-in in case the "
    "video link fails.",
    "Your interview request has been accepted. You will receive a calendar invitation shortly.",
]
_INTERVIEW_SUBJECTS = [
    "Interview request - {role}",
    "Save the date: {company} onsite",
    "Next steps",
    "RE: {role} opportunity",
    "Interview preparation",
    "Technical phone interview confirmation",
    "RE: RE: {company} - next round",
    "Your upcoming interview",
    "Availability?",
    "{company} interview agenda",
    "Follow up",
]

_ADMIN = [
    "As part of our recruitment process, please complete the applicant information form "
    "linked below. It asks for your work history and references.",
    "A task awaits you: please log in to complete the questionnaire for your application.",
    "Please answer the following screening questions: Are you authorised to work in this "
    "country? What is your notice period? What are your salary expectations?",
    "Your profile was viewed by the hiring team at {company}. You can check your status at "
    "any time.",
    "We are updating our candidate privacy notice. No action is needed on your part.",
    "Please upload a copy of your transcript to complete your file for {role}.",
    "Thanks for visiting our booth at the career fair! Here are the slides we presented.",
    "Your references have been contacted; thank you for providing them.",
    "Welcome to {company} Careers! Build your profile so our recruiters can match you with "
    "future openings.",
    "You're invited to our happy hour for candidates interested in joining our engineering "
    "team. RSVP below.",
    "Of course, happy to help. Let me know if anything else comes up.",
    "The background check provider will contact you by email within two business days.",
]
_ADMIN_SUBJECTS = [
    "Additional information required",
    "A task awaits you",
    "Screening questions",
    "{company} viewed your application",
    "Privacy notice update",
    "Documents needed",
    "Thanks for stopping by!",
    "Welcome to {company} Careers",
    "You're invited!",
    "RE: RE: quick question",
]


def interview_logistics(rng: random.Random) -> Example:
    s = Slots(rng)
    personal = rng.random() < 0.7
    body = _join(
        s.fill(rng.choice(["Hi {first},", "Hello {first},", ""])),
        s.pick(_LOGISTICS),
        rng.choice(["Let me know if you have any questions.", "Looking forward to it!", ""]),
        s.signature(personal=personal),
    )
    ex = _example(s, "interview", s.subject(_INTERVIEW_SUBJECTS), body)
    ex["sender"] = rng.choice([s.sender(personal=personal), ""])
    return ex


def admin_request(rng: random.Random) -> Example:
    s = Slots(rng)
    body = _join(
        s.fill(rng.choice(["Dear Applicant,", "Hi {first},", "Hello,"])),
        s.pick(_ADMIN),
        s.signature(personal=rng.random() < 0.3),
    )
    return _example(s, "other", s.subject(_ADMIN_SUBJECTS), body)
