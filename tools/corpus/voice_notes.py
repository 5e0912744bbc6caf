"""Sentence banks of short personal notes for the voices corpus, written one by one for
Onward: the owner of a small business, a head of department or a hiring manager writing two
or three lines from their own mailbox, often without a single word of recruiting ("we've
gone with someone who lives closer"). Placeholders as in ``voice_jobs``: {company} {role}
{cand} {me} {day} {time} {salary} {deadline} {agency}.
"""

from __future__ import annotations

NOTE_OPENERS: dict[str, list[str]] = {
    "application": [
        "Thanks for dropping your CV in.",
        "Thanks for getting in touch about the {role} job.",
        "Got your details from the sign in the window, thanks for sending them.",
        "Appreciate you sending your portfolio over.",
        "Thanks for your note about working with us.",
    ],
    "screen": [
        "Good to talk on the phone yesterday.",
        "Thanks for the call on {day}.",
        "Nice chatting with you earlier in the week.",
        "Thanks for hopping on a quick call with me.",
    ],
    "assessment": [
        "Thanks for doing the test piece.",
        "Cheers for the sample you sent over, it was clearly a lot of work.",
        "Thanks for coming in for the trial on {day}.",
        "Thanks for giving the practice task a go.",
    ],
    "interview": [
        "Thanks for coming in on {day}.",
        "Really enjoyed meeting you last week.",
        "Thanks for popping over to the site to meet us.",
        "Great to put a face to the name on {day}.",
        "Thanks for making the trip in to see us.",
        "Good to meet you and show you round.",
    ],
    "final": [
        "Thanks for coming back in to meet the directors.",
        "Thanks for sticking with us through all the rounds.",
        "You were one of the last two and it was genuinely close.",
    ],
    "unknown": ["", "Quick one from me.", "Sorry for the slow reply."],
}
NOTE_CORES: list[tuple[str, str]] = [
    ("unspecified", "I'm going to have to say no this time."),
    ("unspecified", "It's a no from us on this occasion, sorry."),
    ("unspecified", "We've decided not to take things any further."),
    ("unspecified", "I'm afraid we won't be going ahead with you."),
    ("unspecified", "Sadly it hasn't worked out on our side."),
    ("unspecified", "We've had a think and we're not going to take you on."),
    ("unspecified", "I won't be able to offer you the job."),
    ("unspecified", "We've decided against taking it further."),
    ("unspecified", "We're not going to move forward, but thank you."),
    (
        "stronger_candidates",
        "We've gone with someone who had a bit more experience of this kind of work.",
    ),
    ("stronger_candidates", "Another person we saw was just a closer match for what we need."),
    (
        "stronger_candidates",
        "We had someone come in who was a better fit, so we've offered it to them.",
    ),
    ("position_filled", "We've found someone for it now."),
    ("position_filled", "The job's been taken, I'm afraid - we filled it on Friday."),
    ("position_filled", "We offered it to somebody last week and they've said yes."),
    ("position_filled", "We've already taken someone on, sorry."),
    ("internal_candidate", "In the end one of our own staff has stepped up into it."),
    ("internal_candidate", "We've promoted one of the team into the job instead."),
    ("role_closed", "The owners have decided not to hire anyone after all this year."),
    ("role_closed", "We've had to shelve the job for now, money's too tight."),
    (
        "experience_mismatch",
        "We need someone who's already run a team, and you're not quite there yet.",
    ),
    ("experience_mismatch", "You'd need a couple more years on the tools before this one."),
    ("skills_mismatch", "We really need someone who already holds the certificate."),
    ("skills_mismatch", "We need somebody who can already use the software from day one."),
    ("fit", "I don't think it's quite the right fit for either of us."),
    ("logistics", "We've gone with someone who lives closer, as the early starts matter."),
    ("logistics", "We need someone for weekends and that doesn't suit you, which is fair."),
    ("logistics", "We can't stretch to the pay you asked for, so we'll leave it there."),
]
NOTE_CLOSERS = [
    "Good luck with everything.",
    "Keep in touch.",
    "Sorry it's not better news.",
    "I'll keep your number in case anything comes up.",
    "All the best with the search.",
    "Wishing you well.",
    "",
    "",
]
NOTE_INTERVIEW = [
    "Could you come in on {day} at {time} to meet the team?",
    "Liked your CV - are you free for a coffee on {day} to talk it through?",
    "Can you pop in {day} morning for a chat? Ask for me at the bar.",
    "Fancy coming over to the site on {day} so we can have a proper chat?",
    "Would {day} at {time} work for a quick video call with me and my partner?",
    "I'd like to meet you before we decide - does {day} suit?",
    "Are you around {day}? Come by the shop and we'll have a chat.",
    "Drop by the kitchen on {day} after lunch service and we'll talk.",
    "Can we grab twenty minutes on {day}? I'll call you at {time}.",
    "Your sample work was great. Come and meet the rest of us on {day}?",
    "We'd like to see you again for a second chat - is {day} any good?",
    "Sorry, something's come up - can we move our chat to {day} instead?",
]
NOTE_OFFER = [
    "We'd love to have you on board. Can you start on {day}?",
    "The job's yours if you want it - {salary} to start.",
    "We all agreed, we'd like you to join us. Let me know and I'll get the paperwork sorted.",
    "Happy to say we'd like to take you on. Start {day}?",
    "You got it! We'd like you to start with us on {day}.",
    "I'd like to offer you the job. Have a think over the weekend and let me know.",
    "Good news: the partners said yes, so the job is yours at {salary}.",
    "We'd like you to come and work with us - I'll send the contract over tonight.",
]
NOTE_ASSESS = [
    "Before we meet, could you have a go at the short task I've attached? Back by {deadline}?",
    "Can you do a paid trial shift on {day} so we can see how you get on?",
    "Would you mind putting together a short plan for the first month and bringing it along?",
    "I'll send over a small test piece - no rush, but ideally back by {deadline}.",
    "Could you come in for a half day on {day} and work alongside the team?",
]
NOTE_ACK = [
    "Got your CV, thanks - I'll have a proper look this weekend and get back to you.",
    "Thanks for sending your details over, I'll be in touch once I've seen everyone.",
    "Received, thanks. We're seeing a few people so it might be a week or two.",
    "Thanks for applying, I've passed your CV to my business partner and we'll come back to you.",
]
