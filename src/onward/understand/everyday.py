"""Application cues that are not the person's own job mail, for the gate
(``onward.understand.gate``): an application for something of everyday life ("your
application for a loan", "your offer" on a house), a friend's or the writer's own interview
or job news ("good luck with your interview", "Ravi didn't get the job"), an interview for
research or the press, an unpaid post of a club or committee, and interview practice.

Every pattern here is a generic phrase of everyday life; nothing names a sender.
"""

from __future__ import annotations

import re

from onward.understand.rules import RuleHit
from onward.understand.senders import mail_provider

#: What follows "your application" when it is for something of everyday life: a loan, a
#: card, a school place ... unless a job title follows ("your application for the Credit
#: Analyst role", "... Housing Officer post").
_EVERYDAY_FOR = re.compile(
    r" (?:(?:to|for) (?:adopt|foster|rent|volunteer|exhibit|speak|trade|join the (?:club|"
    r"choir|society|gym|team|league))\b"
    r"|(?:to|for) (?:the |our |a |an |this )?(?:msc|ma|mba|ba|bsc|beng|meng|phd|pgce|llm|mres|"
    r"foundation|access|evening|short|online) (?:[\w&-]+ ){0,4}?(?:course|degree|programme|"
    r"program|module)\b"
    r"|for (?:a |an |the |your )?(?:new |renewed |replacement |resident |visitor |home |"
    r"personal |business |joint |student |school |secondary |primary )?(?:loan|mortgage|credit|"
    r"card|account|membership|permit|licen[cs]e|visa|passport|grant|rental|tenancy|insurance|"
    r"refund|planning|student|finance|funding|bursary|scholarship|housing|benefits?|parking|"
    r"school|season ticket|allotment|ballot|overdraft|council)| fee)"
)
#: Everyday things people apply for, anywhere in the text: with one of these and no word of
#: a job, an application cue is about the loan or the school place, not a job.
EVERYDAY_OBJECT = re.compile(
    r"\b(?:loan|mortgage|credit card|overdraft|current account|savings account|membership|"
    r"passport|tenancy|planning permission|school place|nursery place|university place|"
    r"ballot|allotment|season ticket|bursary|scholarship|student finance|council tax|"
    # software: "your application was deployed", "your application passed app review"
    r"app store|app review|deploy|deployed|deployment|api key|repository|developer "
    r"account|client id|sdk|"
    # events and the like: a talk, a stall, a volunteer place, a competition
    r"conference|call for papers|speaker|talk proposal|volunteer|volunteering|stall|"
    r"exhibitor|festival|hackathon|competition|raffle|prize|grant funding|residency|"
    r"race entry|marathon|tickets|"
    # study: a course, a degree, admissions
    r"(?:the|this|our|a|your) course|degree|admissions|undergraduate|postgraduate|tuition|"
    r"msc|phd|ucas|offer holder|enrol|enrolment|enrollment)s?\b"
)
#: What an everyday no is about: a flat, a quote, a ballot, a team, a place on a course.
EVERYDAY_NO = re.compile(
    r"\b(?:flat|apartment|landlord|letting agent|lettings|viewing|tenants?|adopt|adopting|foster|"
    r"quote|quotation|tender|ballot|raffle|draw|grant|funding|prize|competition|squad|"
    r"team selection|trials|audition|choir|volunteers?|school place|course place|place on the "
    r"course|university place|scholarship|bursary|kitten|puppy|adoption|allotment|stall|"
    r"speaker|proposal|manuscript|poem|entry|entries|entering|photograph|judges|vendor|buyer|"
    r"estate agent|asking price|sale agreed|conveyancing)s?\b"
)
#: Words of hiring: with one of these, a decision is about a job after all.
HIRING = re.compile(
    r"\b(?:position|vacancy|vacancies|job|jobs|post of|career|employment|interview|interviews|"
    r"interviewed|interviewing|recruiter|recruiting|recruitment|hiring|hired|cv|resume|"
    r"requisition|salary|shift|shifts|staff|employer)\b"
)
#: Words of a job title after "for the": "your application for the Credit Analyst role".
_TITLE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "analyst officer manager assistant adviser advisor administrator coordinator specialist "
        "clerk controller underwriter teacher attendant worker lead director associate consultant "
        "executive engineer developer technician designer agent representative role position post "
        "vacancy job team scheme programme program apprenticeship internship placement",
    )
)
#: Words before "your interview" of a friend or a relative, not of an employer: "good luck
#: with your interview", "how did your interview go", "loved your interview with the mayor".
_FRIENDLY = re.compile(
    r"(?:good luck|best of luck|fingers crossed|how did|how was|how'd|loved|saw|seen|heard|"
    r"read|watched|enjoyed|congrats|congratulations|proud|tell me about|nervous|ready for|"
    r"prep for|prepare for|revise for|get to|make it to|drive you to|take you to|lift to|"
    r"way to|back from|home from|after)\b[^.!?\n]{0,40}$"
)
#: What follows "your interview" when it was given to the press or is a friend's errand:
#: "your interview with the local paper", "your interview on the radio", "... on time".
_MEDIA = re.compile(
    r" (?:with|on|for|in) (?:the |a |that )?(?:local |national |student |community )?(?:radio|"
    r"paper|newspaper|magazine|podcast|station|channel|tv|television|show|press|journalist|"
    r"reporter|blog|website|news|mayor|council|time|documentary|film|programme|zine|newsletter)"
)


def _everyday(text: str, match: re.Match[str]) -> bool:
    """True when an application cue is about something of everyday life: "your application
    for a loan", "another applicant" for a flat, "your offer" on a house, a volunteer's role
    filled, or a text naming a mortgage, a school place or a ballot and no word of hiring."""
    said = match.group(0)
    if not re.search(r"appl|candida|someone|somebody|shortlist|filled|closed|offer", said):
        return False
    at = match.end()
    if said.endswith((" for", " to")):  # "you applied for": read from the preposition
        at = match.start() + said.rindex(" ")
    after = _EVERYDAY_FOR.match(text, at)
    if after is not None:
        following = text[after.end() : after.end() + 50].split()[:4]
        return not any(w.strip(",.;:!?()") in _TITLE_WORDS for w in following)
    if HIRING.search(text) is not None:
        return False
    return EVERYDAY_OBJECT.search(text) is not None or EVERYDAY_NO.search(text) is not None


#: An interview that is research or the press: "we'd like to invite you to a user interview
#: (a $50 voucher)", "could I interview you for our podcast?".
RESEARCH = re.compile(
    r"\b(?:user research|research study|user interview|customer interview|participants?|"
    r"gift card|gift voucher|voucher|incentive|thank-you payment|podcast|article|newsletter|"
    r"magazine|journalist|reporter|documentary|thesis|dissertation|survey|oral history|"
    r"feature|episode|student project|research project|focus group|usability|newspaper|"
    r"editor|radio|blog|column|writing a piece|school project)s?\b"
)


def _research(text: str, match: re.Match[str]) -> bool:
    """True when the interview of a cue is research or the press, with no word of hiring."""
    if "interview" not in match.group(0):
        return False
    return RESEARCH.search(text) is not None and HIRING_NO_INTERVIEW.search(text) is None


HIRING_NO_INTERVIEW = re.compile(
    r"\b(?:position|vacancy|vacancies|job|post of|career|employment|recruiter|recruiting|"
    r"recruitment|hiring|cv|resume|requisition|shortlist\w*|salary|candidate|candidacy|"
    r"applicant|your application)\b"
)


#: Someone else's interview, told by a friend: "my second interview is on Friday", "I had
#: a phone screen with a bank today".
_THEIRS = re.compile(
    r"\b(?:my|his|her|their|i had|i've got|i've had|i got|he has|she has|he had|she had|"
    r"they had)(?: an?| the| my)?(?: \w+)? $"
)


#: The writer's own job news: "they didn't pick me for the team lead role".
_ME = re.compile(
    r"\b(?:pick|picked|choose|chose|chosen|select|selected|shortlist|shortlisted|offer|"
    r"offered|give|gave|given|hire|hired|interview|interviewed|invite|invited|reject|rejected|"
    r"turn|turned) me\b[^.!?\n]*$"
)


def _friendly(text: str, match: re.Match[str]) -> bool:
    """True when "your interview" is a friend's: "good luck with your interview"; when the
    interview is the writer's own ("my second interview"); or when the job is ("they didn't
    pick me for the team lead role")."""
    said = match.group(0)
    if _ME.search(text, max(0, match.start() - 60), match.start()) is not None:
        return True
    if ("interview" in said or "screen" in said) and _THEIRS.search(
        text, max(0, match.start() - 30), match.start()
    ):
        return True
    if not (said.startswith("your") and "interview" in said):
        return False
    at = match.start() + said.index("interview") + len("interview")
    if _MEDIA.match(text, at) is not None:
        return True
    return _FRIENDLY.search(text, max(0, match.start() - 60), match.start()) is not None


#: A post offered by a club, a society or a committee, unpaid: "we would like to offer you
#: the position of membership secretary" after the AGM.
_VOLUNTEER_POST = re.compile(
    r"\b(?:committee|agm|annual general meeting|pta|society|club|choir|parish|trustees|"
    r"board of governors|residents' association)\b"
)
_PAID = re.compile(
    r"\b(?:salary|pay|paid|per hour|an hour|hourly|contract|employment|employer|hours per week|"
    r"start date|payroll|holiday entitlement|pension|probation)\b|[$£€]\d"
)


#: Practice for an interview, with a friend or a coach: "want to do some interview practice?",
#: "Invitation: Interview prep with Mia".
PRACTICE = re.compile(
    r"\b(?:mock|practice|practise|pretend) interviews?\b|\binterview (?:practice|practise|"
    r"prep|preparation|rehearsal|coaching|skills workshop|tips|advice|questions every)\b"
    r"|\b(?:tips|advice|questions) (?:for|to ace|to nail) (?:your |any |the )?(?:next )?interview"
)


#: An employer's invitation, which may come with "interview preparation" notes of its own.
_INVITED = re.compile(
    r"\b(?:invite|invited|inviting) you (?:to|for)\b|\b(?:like|love|pleased) to (?:invite|meet|"
    r"interview)\b|\byour interview (?:is|has been|will be)\b"
)


def practice_only(text: str) -> bool:
    """True when the text speaks of interview practice, prep or advice and invites the person
    to nothing else."""
    if PRACTICE.search(text) is None:
        return False
    # Every invitation is to the practice itself ("has invited you to Interview prep").
    return all(PRACTICE.match(text, m.end() + 1) for m in _INVITED.finditer(text))


def _practice(text: str, match: re.Match[str]) -> bool:
    """True when the interview (or hiring manager) of a cue is a practice run: "invited you to
    Interview prep with Mia", "interview practice ... pretend to be the hiring manager"."""
    said = match.group(0)
    return ("interview" in said or "hiring manager" in said) and practice_only(text)


def _volunteer_post(text: str, match: re.Match[str]) -> bool:
    """True when the offer of a cue is an unpaid post of a club or a committee."""
    if "offer" not in match.group(0):
        return False
    return _VOLUNTEER_POST.search(text) is not None and _PAID.search(text) is None


_THEY = re.compile(r"\b(?:they|he|she)\b[^.!?\n]*$")

#: A decision whose subject is the candidate ("didn't get the job", "was not successful"),
#: told of someone other than the person: "Ravi didn't get the job", "I wasn't selected".
_CANDIDATE_VERB = re.compile(r"(?:didn't|did not|was|wasn't|has|hasn't|had|have|haven't)\b")
_SOMEONE_ELSE = re.compile(
    r"\b(?!(?:you|we|unfortunately|sadly|so|and|but|just|also|still|really|afraid|that|it|"
    r"this|there|which|who|application|applications|candidacy|candidature|cv|resume|"
    r"submission|profile|interview|time|occasion|stage|process|round|again)\b)[a-z]+(?:'s)? $"
)


def reported(hit: RuleHit, text: str) -> bool:
    """True when someone else's decision is told: "they offered the job to someone"."""
    return hit.start > 0 and _THEY.search(text, max(0, hit.start - 60), hit.start) is not None


def of_someone_else(hit: RuleHit, text: str) -> bool:
    """True when a decision about a candidate names someone else as the candidate: "Ravi
    didn't get the job", "I wasn't selected" (not "you didn't get the job")."""
    return (
        hit.start > 0
        and _CANDIDATE_VERB.match(hit.phrase) is not None
        and _SOMEONE_ELSE.search(text, max(0, hit.start - 30), hit.start) is not None
    )


def not_the_persons(text: str, match: re.Match[str]) -> bool:
    """True when the application cue ``match`` is not about the person's own job: everyday
    life, a friend's or the writer's news, research or the press, an unpaid post, practice."""
    return (
        _everyday(text, match)
        or _friendly(text, match)
        or _research(text, match)
        or _volunteer_post(text, match)
        or _practice(text, match)
    )


#: A step of hiring the person took, as a note mentions it. Beside a no written to them it
#: is job mail ("thanks for the trial day Saturday ... sorry mate"); alone it never is. A
#: trial, a test job or a round says hiring by itself; a call, a chat or a visit (``_VISIT``)
#: only when a business writes (a date says "thanks for the chat, I don't think we're the
#: right fit" too, from a mailbox of their own).
_STEP = re.compile(
    r"(?<!free )\btrial\b(?! (?:lesson|class|session|run|period|version|subscription|membership|"
    r"offer|pack|account|ends?|expires?|user)s?\b)|\b(?:test|model) (?:job|piece|day|task)\b"
    r"|\b(?:final|last|second|first|next) (?:round|stage)\b"
)
_VISIT = re.compile(
    r"\b(?:intro|introductory|quick) call\b|\b(?:the|our) (?:call|chat)\b|\b(?:on|over) the phone\b"
    r"|\bcoming (?:in|by|round)\b"
    r"|\b(?:meet|meeting|chatting (?:w/|with)) (?:the team|us|the owners?|the directors?)\b"
)


def hiring_step(text: str, sender: str) -> re.Match[str] | None:
    """The step of hiring a note mentions, if it says hiring (see ``_STEP``)."""
    for pattern in (_STEP, _VISIT) if "@" in sender and not mail_provider(sender) else (_STEP,):
        for match in pattern.finditer(text):
            if not not_the_persons(text, match):
                return match
    return None
