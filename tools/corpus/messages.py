"""Generators for job-process messages: rejections, acknowledgements, interviews, offers."""

from __future__ import annotations

import random
from typing import Any

from tools.corpus import boilerplate as B
from tools.corpus import parts as P
from tools.corpus import phrases as W
from tools.corpus.labels import stage_without_step

Example = dict[str, Any]

_ATS = [
    "workday",
    "greenhouse",
    "lever",
    "icims",
    "smartrecruiters",
    "ashby",
    "taleo",
    "jobvite",
    "workable",
    "direct",
    "direct",
    "noreply",
    "person",
    "empty",
    "linkedin",
    "indeed",
]
_ATS_FOOTERS = {
    "workday": "This email was sent from Workday on behalf of {company}. Log in to your "
    "candidate home to view your applications.",
    "greenhouse": "Powered by Greenhouse. Please do not reply to this message.",
    "lever": "Sent via Lever.",
    "icims": "This message was sent using iCIMS Talent Cloud.",
    "smartrecruiters": "You can access your SmartRecruiters candidate portal at any time.",
    "ashby": "Sent with Ashby.",
    "taleo": "Please do not reply. This mailbox (Taleo) is not monitored.",
    "jobvite": "Jobvite | Privacy policy | Unsubscribe",
    "workable": "Powered by Workable",
    "indeed": "You applied through Indeed. Indeed will never ask you for payment.",
}


class Slots:
    """The random values for one message: who, where, which job."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.company, self.industry, self.stem = rng.choice(W.COMPANIES)
        base = rng.choice(W.ROLES[self.industry])
        self.role = (rng.choice(W.SENIORITY) + base + rng.choice(W.ROLE_SUFFIX)).strip()
        self.first = rng.choice(W.FIRST_NAMES)
        self.full = f"{self.first} {rng.choice(W.LAST_NAMES)}"
        rfirst = rng.choice(W.FIRST_NAMES)
        self.recruiter = f"{rfirst} {rng.choice(W.LAST_NAMES)}"
        self.recruiter_email = (
            f"{rfirst.lower()}.{self.recruiter.split()[1].lower()}@{self.stem}.com"
        )
        fmt = rng.choice(W.REQ_FORMATS)
        self.req = fmt.format(n=rng.randint(10000, 999999))
        self.ats = rng.choice(_ATS)
        self.values = {
            "company": self.company,
            "role": self.role,
            "first": self.first,
            "full": self.full,
            "recruiter": self.recruiter,
            "day": rng.choice(W.DAYS),
            "time": rng.choice(W.TIMES),
            "req": self.req,
            "platform": rng.choice(W.PLATFORMS),
            "weeks": str(rng.randint(2, 4)),
        }
        self.role_used = False
        self.req_used = False

    def fill(self, template: str) -> str:
        if "{role}" in template:
            self.role_used = True
        if "{req}" in template:
            self.req_used = True
        return template.format(**self.values)

    def pick(self, options: list[str]) -> str:
        return self.fill(self.rng.choice(options))

    def sender(self, *, personal: bool = False) -> str:
        c, s = self.company, self.stem
        if personal or self.ats == "person":
            return f"{self.recruiter} <{self.recruiter_email}>"
        return {
            "workday": f"{c} <{s}@myworkday.com>",
            "greenhouse": f"{c} Recruiting <no-reply@us.greenhouse-mail.io>",
            "lever": f"{c} <no-reply@hire.lever.co>",
            "icims": f"{c} Talent Acquisition <{s}@talent.icims.com>",
            "smartrecruiters": f"{c} <notification@smartrecruiters.com>",
            "ashby": f"{c} Hiring Team <no-reply@ashbyhq.com>",
            "taleo": f"Careers <{s}@taleo.net>",
            "jobvite": f"{c} <notification@jobvite.com>",
            "workable": f"{c} <noreply@candidates.workablemail.com>",
            "direct": f"{c} Careers <careers@{s}.com>",
            "noreply": f"no-reply@{s}.com",
            "empty": "",
            "linkedin": "LinkedIn <jobs-noreply@linkedin.com>",
            "indeed": "Indeed Apply <indeedapply@indeed.com>",
        }[self.ats]

    def signature(self, *, personal: bool = False) -> str:
        if personal:
            return self.rng.choice(
                [
                    f"Thanks,\n{self.recruiter.split()[0]}",
                    f"Best,\n{self.recruiter}\n"
                    f"{self.rng.choice(W.RECRUITER_TITLES)} | {self.company}",
                    f"Cheers,\n{self.recruiter}",
                    f"Warmly,\n{self.recruiter}, {self.company}",
                ]
            )
        return self.rng.choice(
            [
                f"Best regards,\n{self.company} Talent Acquisition",
                f"Sincerely,\nThe {self.company} Recruiting Team",
                f"Kind regards,\n{self.company} Human Resources",
                f"Thank you,\n{self.company} Careers",
                f"Regards,\nThe Hiring Team at {self.company}",
                f"All the best,\n{self.recruiter}\n{self.rng.choice(W.RECRUITER_TITLES)}, "
                f"{self.company}",
                f"— {self.company} People Team",
            ]
        )

    def footer(self) -> str:
        text = _ATS_FOOTERS.get(self.ats, "")
        return self.fill(text) if text and self.rng.random() < 0.6 else ""

    def subject(self, options: list[str]) -> str:
        return self.pick(options)


def boilerplate(s: Slots, chance: float) -> str:
    """Zero to three paragraphs of generic recruiting text, with probability ``chance``."""
    if s.rng.random() > chance:
        return ""
    return "\n\n".join(s.fill(x) for x in s.rng.sample(B.BOILERPLATE, s.rng.randint(1, 3)))


def _join(*parts: str, sep: str = "\n\n") -> str:
    return sep.join(p for p in parts if p).strip()


def _example(slots: Slots, label: str, subject: str, body: str, **gold: Any) -> Example:
    return {
        "subject": subject,
        "sender": slots.sender(personal=bool(gold.get("personal"))),
        "body": body,
        "label": label,
        "company": gold.pop("company", slots.company),
        "role": slots.role if slots.role_used else None,
        "job_ref": slots.req if slots.req_used else None,
        **gold,
    }


REJECT_SUBJECTS = [
    "Your application to {company}",
    "Update on your application",
    "{company} - {role}",
    "Thank you from {company}",
    "Regarding your application for {role}",
    "Your {company} application: {role}",
    "Application status update",
    "Thank you for your interest in {company}",
    "{role} at {company}",
    "Follow-up",
    "An update from {company} about the {role} role",
    "Your candidacy",
]


def rejection(rng: random.Random) -> Example:
    s = Slots(rng)
    stage = rng.choices(list(P.REJECT_OPENERS), weights=[10, 2, 2, 3, 2, 2])[0]
    reason, decision, quote = rng.choice(P.DECISIONS)
    if reason == "interview_performance" and stage in ("application", "unknown"):
        stage = "interview"
    personal = s.ats == "person" or rng.random() < 0.12
    opener = s.pick(P.REJECT_OPENERS[stage])
    if personal:
        body = _join(
            s.fill(rng.choice(P.GREETINGS[:4])),
            _join(
                opener,
                rng.choice(
                    [
                        "I wanted to reach out personally.",
                        "I'm sorry to be the bearer of this news.",
                        "I really enjoyed our conversations.",
                        "",
                    ]
                ),
                decision,
                sep=" ",
            ),
            rng.choice(
                [
                    "If it helps, I'm happy to share more feedback on a call.",
                    "I'll keep you in mind for future roles on my team.",
                    "",
                ]
            ),
            s.signature(personal=True),
        )
    else:
        body = _join(
            s.fill(rng.choice(P.GREETINGS)),
            _join(opener, rng.choice(P.SOFTENERS), decision, sep=" "),
            rng.choice(P.REJECT_CLOSERS),
            s.signature(),
            boilerplate(s, 0.5),
            s.footer(),
        )
    subject = s.subject(REJECT_SUBJECTS)
    return _example(
        s,
        "rejection",
        subject,
        body,
        stage=stage,
        reason=reason,
        reason_quote=quote or None,
        personal=personal,
    )


def short_rejection(rng: random.Random) -> Example:
    s = Slots(rng)
    lines = [
        "Hi {first}, we've decided to go with someone else for the {role} role. Sorry, and "
        "thanks for your time.",
        "{first} - the team passed on moving forward. Appreciate you applying. {recruiter}",
        "Thanks for chatting, {first}. We're not going to move ahead, but good luck out there!",
        "Quick note: we won't be continuing with your application for {role}. Best, {recruiter}",
        "Sorry {first}, the hiring manager went with another candidate. Wish you the best.",
        "Hi {first}, unfortunately we're unable to offer you the job. Thanks for the effort.",
    ]
    body = s.pick(lines)
    subject = rng.choice(["Re: {role}", "quick update", "{company}", "Re: next steps", ""])
    stage = "screen" if "chatting" in body else stage_without_step(body)
    # "Went with another candidate" states no comparison: the reason is unspecified.
    ex = _example(
        s,
        "rejection",
        s.fill(subject),
        body,
        stage=stage,
        reason="unspecified",
        reason_quote=None,
        personal=True,
    )
    if s.company not in body + ex["subject"]:
        ex["body"] = body + f"\n\n{s.recruiter}\n{s.company}"
    return ex


ACK_SUBJECTS = [
    "Thank you for applying to {company}",
    "Application received: {role}",
    "We received your application",
    "Your application for {role} at {company}",
    "{company} | Application confirmation",
    "Thanks for applying!",
    "Application submitted: {role}",
    "Your application was sent to {company}",
]


def acknowledgement(rng: random.Random) -> Example:
    s = Slots(rng)
    if s.ats == "linkedin":
        body = s.fill(
            rng.choice(
                [
                    "Your application was sent to {company}.\n\n{role}\n{company} · Remote\n\n"
                    "Applied on {day}. You can track it in My Jobs.",
                    "{first}, your application was sent to {company}.\n{role} · Hybrid\n"
                    "Now, take these next steps for more success with your job search.",
                ]
            )
        )
        return _example(
            s,
            "application_received",
            s.fill("{first}, your application was sent to {company}"),
            body,
        )
    body = _join(
        s.fill(rng.choice(P.GREETINGS)),
        s.pick(P.ACK_LINES),
        *[s.fill(x) for x in rng.sample(B.ACK_NEXT, rng.randint(0, 2))],
        rng.choice(P.ACK_FOLLOW).format(weeks=s.values["weeks"]),
        rng.choice(
            [
                "",
                "We appreciate your interest in our team.",
                "Thank you again for considering us.",
                "We wish you every success in your job search.",
                "Thank you for the time and effort you put into applying.",
            ]
        ),
        s.signature(),
        boilerplate(s, 0.8),
        s.footer(),
    )
    return _example(s, "application_received", s.subject(ACK_SUBJECTS), body)


def interview(rng: random.Random) -> Example:
    s = Slots(rng)
    lines = P.RESCHEDULE_LINES if rng.random() < 0.25 else P.INTERVIEW_LINES
    personal = rng.random() < 0.5
    body = _join(
        s.fill(rng.choice(P.GREETINGS[:6])),
        rng.choice(["", s.fill("Thanks for your interest in the {role} role at {company}.")]),
        s.pick(lines),
        rng.choice(
            [
                "Looking forward to speaking with you.",
                "Please reply to confirm.",
                s.fill("The call will be on Zoom and last about 45 minutes."),
                "",
            ]
        ),
        s.signature(personal=personal),
    )
    subject = s.subject(
        [
            "Interview invitation - {role}",
            "Next steps with {company}",
            "Scheduling your interview",
            "Re: {role} interview",
            "Interview confirmed: {company}",
            "Let's chat about {role}",
            "Need to reschedule our call",
            "{company} phone screen",
        ]
    )
    ex = _example(s, "interview", subject, body)
    ex["sender"] = s.sender(personal=personal)
    return ex


def assessment(rng: random.Random) -> Example:
    s = Slots(rng)
    body = _join(
        s.fill(rng.choice(P.GREETINGS)),
        s.fill("Thank you for your interest in the {role} position at {company}."),
        s.pick(P.ASSESS_LINES),
        rng.choice(
            [
                "The link expires in 72 hours.",
                "Good luck!",
                "Reach out if you need accommodations.",
                "",
            ]
        ),
        s.signature(),
        boilerplate(s, 0.4),
        s.footer(),
    )
    subject = s.subject(
        [
            "Action required: complete your assessment",
            "{company} coding challenge",
            "Next step: skills assessment for {role}",
            "Your {company} online assessment",
            "Assessment received",
        ]
    )
    return _example(s, "assessment", subject, body)


def offer(rng: random.Random) -> Example:
    s = Slots(rng)
    personal = rng.random() < 0.6
    body = _join(
        s.fill(rng.choice(P.GREETINGS[:6])),
        s.pick(P.OFFER_LINES),
        s.pick(P.OFFER_FOLLOW),
        s.signature(personal=personal),
    )
    subject = s.subject(
        [
            "Offer letter - {role}",
            "Your offer from {company}",
            "Congratulations!",
            "Welcome to {company}",
            "{company} offer",
        ]
    )
    ex = _example(s, "offer", subject, body)
    ex["sender"] = s.sender(personal=personal)
    return ex
