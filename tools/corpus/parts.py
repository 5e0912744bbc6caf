"""Message parts for the corpus generator, written for Onward, grouped by what they say."""

from __future__ import annotations

GREETINGS = [
    "Hi {first},",
    "Dear {full},",
    "Hello {first},",
    "{first},",
    "Dear Candidate,",
    "Hi there,",
    "Dear {first},",
    "Good afternoon {first},",
    "Hey {first} -",
    "",
]

# Openers for rejections, by the furthest stage the person reached.
REJECT_OPENERS: dict[str, list[str]] = {
    "application": [
        "Thank you for applying for the {role} position at {company}.",
        "Thanks for your interest in {company} and in the {role} role.",
        "We appreciate you taking the time to apply to {company} for the {role} opening.",
        "Thank you for submitting your application for {role} ({req}).",
        "Thank you for considering a career with {company}. We have reviewed your application "
        "for the {role} role.",
        "We wanted to follow up on your application for {role} at {company}.",
        "Thanks again for applying to be our next {role}.",
        "Your application for the {role} job has now been reviewed by our hiring team.",
    ],
    "screen": [
        "Thank you for taking the time to speak with me about the {role} role last week.",
        "It was a pleasure chatting with you on the phone about {company}.",
        "Thanks for the recruiter call on {day}; I enjoyed learning about your background.",
        "I appreciate you making time for the initial phone screen for {role}.",
    ],
    "assessment": [
        "Thank you for completing the {platform} assessment for the {role} position.",
        "Thanks for the effort you put into the take-home exercise for {role}.",
        "We have reviewed the results of the skills test you completed for {company}.",
        "Thank you for finishing the online assessment as part of your {role} application.",
    ],
    "interview": [
        "Thank you for interviewing with us for the {role} role.",
        "We enjoyed meeting you during your interviews with the {company} team.",
        "Thank you for taking the time to meet with our hiring manager about the {role} opening.",
        "I wanted to thank you again for speaking with the panel on {day}.",
        "Thank you for your time in the video interview for {role}.",
    ],
    "final": [
        "Thank you for coming in for the final round of interviews for {role}.",
        "We really appreciated you spending a full day onsite with the team last week.",
        "Thanks for making it all the way to the final stage of our process for {role}.",
        "Thank you for meeting the leadership team in the last round for the {role} role.",
    ],
    "unknown": [
        "Thank you for your interest in {company}.",
        "We appreciate your interest in joining {company}.",
        "Thank you for thinking of {company} as the next step in your career.",
        "",
    ],
}

# Decisions: (reason, sentence, quote-or-empty). Quote is the phrase that states the reason.
DECISIONS: list[tuple[str, str, str]] = [
    (
        "unspecified",
        "After careful consideration, we have decided not to move forward with your application.",
        "",
    ),
    (
        "unspecified",
        "Unfortunately, we will not be moving forward with your candidacy at this time.",
        "",
    ),
    ("unspecified", "We regret to inform you that we are unable to offer you a position.", ""),
    ("unspecified", "At this time we have decided to pursue other candidates.", ""),
    ("unspecified", "You have not been selected for this position.", ""),
    ("unspecified", "We won't be progressing your application any further.", ""),
    (
        "unspecified",
        "I'm sorry to let you know that your application was unsuccessful on this occasion.",
        "",
    ),
    ("unspecified", "The hiring team has decided to move forward with other applicants.", ""),
    ("unspecified", "We've decided to go in a different direction for this role.", ""),
    ("unspecified", "Regrettably, we are not able to offer you an interview.", ""),
    ("unspecified", "It is not a match for us at this time.", ""),
    ("unspecified", "We will not be proceeding with your application.", ""),
    ("unspecified", "Your candidacy is no longer under consideration for this opening.", ""),
    ("unspecified", "We have decided not to extend an offer.", ""),
    ("unspecified", "The team has chosen not to advance your profile to the next step.", ""),
    (
        "stronger_candidates",
        "We have decided to move forward with candidates whose experience "
        "more closely matches the needs of the role.",
        "candidates whose experience more closely matches the needs of the role",
    ),
    (
        "stronger_candidates",
        "We received a large number of highly qualified applicants, and "
        "we will not be moving forward with your application.",
        "a large number of highly qualified applicants",
    ),
    (
        "stronger_candidates",
        "We have selected other candidates whose qualifications are better "
        "aligned with our current needs.",
        "qualifications are better aligned with our current needs",
    ),
    (
        "stronger_candidates",
        "The competition was strong, and we chose to continue with "
        "applicants who more closely fit the requirements.",
        "applicants who more closely fit the requirements",
    ),
    (
        "stronger_candidates",
        "Given the volume of strong candidates, we are not able to move your application forward.",
        "the volume of strong candidates",
    ),
    (
        "stronger_candidates",
        "Another candidate's background was a closer match to what the team "
        "needs right now, so we won't be moving ahead with you.",
        "Another candidate's background was a closer match",
    ),
    (
        "position_filled",
        "The position has now been filled, so we will not be moving forward with your application.",
        "The position has now been filled",
    ),
    (
        "position_filled",
        "We have extended an offer to another candidate who has accepted.",
        "extended an offer to another candidate who has accepted",
    ),
    (
        "position_filled",
        "Unfortunately this role has already been filled.",
        "this role has already been filled",
    ),
    (
        "position_filled",
        "We wanted to let you know that we have hired for this opening.",
        "we have hired for this opening",
    ),
    (
        "internal_candidate",
        "We have decided to fill the position with an internal candidate.",
        "fill the position with an internal candidate",
    ),
    (
        "internal_candidate",
        "The team chose to promote someone from within the organization.",
        "promote someone from within the organization",
    ),
    (
        "internal_candidate",
        "An internal applicant has been selected for the role.",
        "An internal applicant has been selected",
    ),
    (
        "role_closed",
        "The position has been closed and we are no longer hiring for it.",
        "The position has been closed",
    ),
    (
        "role_closed",
        "Due to budget changes, the requisition has been cancelled.",
        "the requisition has been cancelled",
    ),
    (
        "role_closed",
        "We have decided not to fill this role at this time, so we are closing the search.",
        "decided not to fill this role at this time",
    ),
    (
        "role_closed",
        "A hiring freeze means this position is on hold indefinitely.",
        "A hiring freeze means this position is on hold",
    ),
    (
        "role_closed",
        "The opening was withdrawn after a change in business priorities.",
        "The opening was withdrawn",
    ),
    (
        "experience_mismatch",
        "We are looking for someone with more years of hands-on experience for this level.",
        "someone with more years of hands-on experience",
    ),
    (
        "experience_mismatch",
        "Your experience does not match the seniority this role requires.",
        "experience does not match the seniority this role requires",
    ),
    (
        "experience_mismatch",
        "We need a candidate with more direct management experience.",
        "a candidate with more direct management experience",
    ),
    (
        "experience_mismatch",
        "We felt you may be overqualified for this particular position.",
        "overqualified for this particular position",
    ),
    (
        "skills_mismatch",
        "Your background and qualifications are not a match for the requirements of this position.",
        "background and qualifications are not a match",
    ),
    (
        "skills_mismatch",
        "We are looking for deeper expertise in cloud infrastructure than your profile shows.",
        "deeper expertise in cloud infrastructure",
    ),
    (
        "skills_mismatch",
        "The role needs specific certification and clinical skills we did not "
        "see in your application.",
        "specific certification and clinical skills",
    ),
    (
        "skills_mismatch",
        "Your skill set does not align with the technical requirements.",
        "skill set does not align with the technical requirements",
    ),
    (
        "interview_performance",
        "The panel felt your answers in the technical portion did not "
        "meet the bar we set for this role.",
        "answers in the technical portion did not meet the bar",
    ),
    (
        "interview_performance",
        "We did not see the depth in system design that we need.",
        "did not see the depth in system design",
    ),
    (
        "interview_performance",
        "Your assessment score fell below the threshold required to continue.",
        "assessment score fell below the threshold",
    ),
    (
        "fit",
        "We felt this is not the right fit for the team at the moment.",
        "not the right fit for the team",
    ),
    (
        "fit",
        "We felt that the role would not be the best fit for your goals and our culture.",
        "not be the best fit for your goals and our culture",
    ),
    (
        "logistics",
        "We are unable to sponsor work visas for this position.",
        "unable to sponsor work visas",
    ),
    (
        "logistics",
        "This role requires being on site in our office five days a week, which "
        "does not match the location you mentioned.",
        "requires being on site in our office",
    ),
    (
        "logistics",
        "Your salary expectations are outside the range budgeted for this role.",
        "salary expectations are outside the range",
    ),
    (
        "logistics",
        "The schedule for this position requires weekend shifts you said you are unable to work.",
        "requires weekend shifts",
    ),
    (
        "logistics",
        "Candidates must be authorized to work in the US without sponsorship.",
        "authorized to work in the US without sponsorship",
    ),
]

SOFTENERS = [
    "This was a difficult decision.",
    "We know this is not the news you were hoping for.",
    "We truly appreciate the time you invested.",
    "This decision was not easy.",
    "Please know this is not a reflection of your abilities.",
    "",
    "We were impressed by your background.",
    "",
]
REJECT_CLOSERS = [
    "We will keep your resume on file and may reach out if a suitable role opens.",
    "We encourage you to apply for future openings that match your skills.",
    "We wish you the very best in your job search.",
    "Best of luck with your search and your future endeavors.",
    "Please feel free to check our careers page for other opportunities.",
    "Thank you again for your interest, and good luck.",
    "We hope you will consider us again in the future.",
]

ACK_LINES = [
    "Thank you for applying to {company}! We have received your application for {role}.",
    "This email confirms that your application for the {role} position has been submitted.",
    "We've received your application for the {role} role and our team will review it shortly.",
    "Thanks for your interest in {company}. Your application for {role} ({req}) is in.",
    "Your application has been successfully received. Position: {role}.",
    "We're excited that you applied for the {role} opening at {company}.",
    "Thank you for submitting your resume for {role}. It has been forwarded to the hiring team.",
    "Good news: your application to {company} was submitted successfully.",
]
ACK_FOLLOW = [
    "If your qualifications match the role, a recruiter will contact you about next steps.",
    "Due to the high volume of applications, we may not be able to respond to every applicant "
    "individually.",
    "You can check the status of your application at any time by logging into your candidate "
    "profile.",
    "Our recruiters review every application carefully; this can take a few weeks.",
    "If you are not selected to move forward, we will let you know by email.",
    "Unfortunately we cannot reply to questions sent to this address.",
    "In the meantime, feel free to learn more about our teams on our website.",
    "Please allow {weeks} weeks for our team to complete the review.",
]

INTERVIEW_LINES = [
    "We'd like to invite you to interview for the {role} position.",
    "The hiring team would love to set up a phone screen with you to discuss the {role} role.",
    "Your interview for {role} is confirmed for {day} at {time}.",
    "Please use the link below to pick a time for a 30-minute call with {recruiter}.",
    "I'd like to schedule a video call with you this week to talk about the {role} opening.",
    "Congratulations, you've been selected for an onsite interview with our team.",
    "Could you share your availability for a conversation with the hiring manager?",
    "This is a reminder of your interview on {day} at {time} with the {company} team.",
    "We're moving you forward to the next round: a panel interview on {day}.",
]
RESCHEDULE_LINES = [
    "Unfortunately the interviewer is ill today, so we need to reschedule your interview. "
    "Would {day} at {time} work instead?",
    "Sorry for the short notice, but we have to move your interview. Are you free {day}?",
    "Unfortunately {recruiter} has a conflict; can we push our call to {time} on {day}?",
    "Due to an unexpected scheduling issue we need to find a new time for your interview.",
]

ASSESS_LINES = [
    "As the next step, please complete the {platform} coding assessment within {weeks} days.",
    "We'd like you to complete a short online skills test for the {role} role.",
    "You have been invited to complete a take-home assignment. Please submit it within a week.",
    "The next step in our process is a {platform} assessment of about 60 minutes.",
    "Thanks for completing the assessment. Your submission has been received and will be "
    "reviewed by the team.",
    "Please record your answers to the on-demand video questions using {platform}.",
    "Before we can continue, please finish the work style survey and the numerical reasoning test.",
]

OFFER_LINES = [
    "We are delighted to offer you the position of {role} at {company}!",
    "I'm thrilled to extend you an offer to join {company} as our next {role}.",
    "Please find your offer letter attached, including your base salary and start date.",
    "Congratulations! The team would like to make you a formal offer for the {role} role.",
    "We'd love to have you on board. Your offer package for {role} is ready to review and sign.",
]
OFFER_FOLLOW = [
    "Please sign and return the letter by {day}.",
    "Your proposed start date is {day}; let us know if that works.",
    "Let me know if you have any questions about compensation or benefits.",
    "We can't wait to welcome you to the team.",
]
