"""The job-mail gate: is this email about one of the person's own job applications?

The reader's model picks the kind of job mail an email looks most like; this gate decides
first whether it is job mail at all, with reasons a person can check. It is deliberately
strict, because most of an inbox is not job mail and every false "interview" is noise:

- **Headers** of mailing-list and marketing mail (``List-Id``, ``List-Unsubscribe``,
  ``Precedence: bulk``, an ``Auto-Submitted: auto-replied`` answer) and senders that are lists,
  newsletters or marketing platforms by their address say *bulk*; bulk mail must name the
  person's own application outright ("your application", "your interview") to pass.
- **The sender** on an applicant-tracking system or a recruiting platform says *job mail*.
- **The person's own correspondence** (when the mailbox is known): mail the person sent is
  never job mail; mail from a sender or in a thread already linked to one of their
  applications is; in a thread the person started or answered, the mail is written to them
  (never bulk by its wording), but it still needs a job word beside a job decision; from a
  sender whose earlier mail was job mail, a no, an offer or a test written to the person is
  enough ("it's a no from us, sorry" after that sender's invitation to interview).
- **The model's reading**, near certain of a no, an offer, a test or an acknowledgement
  written to the person, stands for the job words a short note leaves out (not an interview).
- **The content** must carry an application cue: the person's application, candidacy,
  interview, the position or role, a hiring team. Weekday names, "call", "phone", "talk" or
  "offer" on their own are never a cue. Mass-mail wording ("unsubscribe", "view in your
  browser", money-making pitches) in the text counts as bulk too, for mail without headers.
- **Everyday life** is told apart: a friend's "good luck with your interview", the writer's
  own interview, an interview for research or the press, an application for a loan, a
  permit, a course or a pet, and an everyday no (a flat, a quote, a ballot) are not cues,
  unless a word of hiring is there; money-making pitches are never job mail.
- **A stated rejection** that names the job or the someone else who got it is job mail when
  it is written to the person ("we've gone with someone who lives closer").

Everything here is a generic pattern of job mail or of bulk mail; nothing names a sender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from onward.domain.emails import LIST_HEADERS, Correspondence, EmailLabel
from onward.understand.everyday import (
    EVERYDAY_NO,
    EVERYDAY_OBJECT,
    HIRING,
    HIRING_NO_INTERVIEW,
    RESEARCH,
    hiring_step,
    not_the_persons,
    of_someone_else,
    practice_only,
    reported,
)
from onward.understand.rules import RuleHit
from onward.understand.senders import is_ats_address
from onward.understand.subject_title import title_subject
from onward.wordlists import word_set

__all__ = ["GateDecision", "bulk_headers", "bulk_sender", "judge", "outright"]

#: The person's own application named outright: job mail even in bulk mail (an
#: application confirmation from a job board comes with ``List-Unsubscribe``). An
#: application for something of everyday life (``EVERYDAY_OBJECT``) is not one, and neither
#: is a friend's "good luck with your interview" (``_FRIENDLY``).
_OWN = re.compile(
    r"\byour (?:recent |online |job |submitted )?(?:application|candidacy|candidature)\b"
    r"|\b(?:you|you've|you have) (?:recently )?applied (?:for|to)\b"
    r"|\bthanks? (?:you )?for (?:applying|your interest in (?:joining|working (?:at|for|with)|"
    r"(?:the|our|this) (?:[\w&/-]+ ){0,4}(?:role|position|job|vacancy|opening|post|"
    r"opportunity|career)s?\b))"
    r"|\byour (?:\w+ )?interview (?:is|has been|was|will be) (?:now |also )?(?:confirmed|"
    r"scheduled|booked|arranged|set for|moved|rescheduled|cancell?ed)\b"
    r"|\byour interview (?:slot|time|details|confirmation|invitation|with us)\b"
    r"|\b(?:invite|invited|inviting) you (?:to|for) (?:an? |the )?(?:\w+ ){0,2}interview"
    r"|\b(?:offer of employment|offer letter|your offer from)\b"
)
#: Cues of an application that pass in mail written to the person, but not in bulk mail
#: (career newsletters and job boards use them too).
_CUE = re.compile(
    r"\byour (?:phone |video |telephone |virtual |online |in-person |on-?site |first |second |"
    r"final |panel |technical |formal |upcoming |scheduled |remote )interview\b"
    r"|\byour interview (?:is|has|with|for|on|at)\b"
    r"|\binterview(?:ed)? (?:you|with (?:us|me|the (?:team|panel|hiring)))\b"
    r"|\b(?:hiring|recruiting|recruitment|talent|people) (?:manager|team|partner|"
    r"acquisition|coordinator)\b"
    r"|\b(?:employment offer|job offer|your offer|your start date)\b"
    r"|\boffer(?:ing)? you (?:a |an |the |this )?(?:\w+ ){0,2}(?:post|position|role|job|"
    r"contract)\b"
    r"|\b(?:other|another|stronger|successful) (?:candidates?|applicants?)\b"
    r"|\bshortlist(?:ed)?\b"
    r"|\b(?:go|going|gone|went|move|moving|proceed|proceeding) (?:forward |ahead )?with "
    r"(?:someone else|another candidate|a different candidate)\b"
    r"|\b(?:taking|take|took) the time to (?:apply|interview|meet with)\b"
    r"|\bjoin (?:us|our team|the team|[\w&' ]{2,40}) as (?:a|an|our)\b"
    r"|\bon board as (?:a|an|our)\b"
    r"|\b(?:loved|liked|read|seen|had a look at|been through|received|thanks for|thank you for) "
    r"your (?:cv|resume|c\.v\.|portfolio|covering letter|cover letter)\b"
    r"|\b(?:got|dropping|dropped|sending|sent|bringing|brought|passed|passing|forwarded|"
    r"forwarding) (?:in |over |on |through )?your (?:cv|resume|c\.v\.|portfolio)\b"
    r"|\b(?:trial shift|work sample|take-home|cod(?:e|ing) (?:test|challenge|exercise)|"
    r"(?:technical|online|skills) (?:test|exercise|assessment))\b"
    r"|\bfor the [\w ,&/-]{2,60} (?:role|position|vacancy|opening)\b"
    r"|\b(?:about|regarding|re) the [\w&/-]+ (?:[\w&/-]+ )?(?:role|position|vacancy|opening|job|"
    r"post)\b"
    r"|\b(?:application|candidate) (?:status|update|portal)\b"
    r"|\b(?:hiring|interview|recruitment|selection) "
    r"(?:process|decision|panel|loop|stage|round)s?\b"
    r"|\b(?:after|following) (?:your|our|the) (?:\w+ ){0,2}interviews?\b"
    r"|\b(?:panel|second|formal|competency-based|technical) interviews?\b"
    r"|\binterview (?:slot|invitation|invite)s?\b|\b(?:selected|shortlisted) for (?:an )?interview"
    r"|\bphone screen(?:ing)?\b|\bscreening (?:call|interview)\b"
    r"|\boffer (?:of|for) the (?:post|position|role|job)\b"
    r"|\b(?:un)?successful on this occasion\b"
    # Not outright: a job board says it of a job the person only saved.
    r"|\b(?:position|role|vacancy|post|job|opening) (?:has|have) (?:now |already )?been "
    r"(?:filled|closed)\b"
    r"|\b(?:psychometric|numerical reasoning|verbal reasoning|situational judgement) tests?\b"
    r"|\bassessment (?:centre|center)\b"
    # The person's own interview as an appointment: "come in for an interview", "could we
    # move your interview to Friday", "a first interview", an "invitation to interview".
    r"|\b(?:come|coming|bring you|invite you|see you) (?:in |back |along |over )?(?:for|to) "
    r"(?:an? |your |the )?(?:[\w-]+ ){0,2}interview\b"
    r"|\b(?:first|final|working|video|telephone|informal|in-person|on-?site|follow-up|"
    r"first-round|second-round|face-to-face) interviews?\b"
    r"|\b(?:move|moving|confirm|confirming|rearrange|reschedul\w*) (?:your|our|the) interview\b"
    r"|\byour interview (?:tomorrow|today|next|this|later)\b|\binvitation to (?:an? )?interview\b"
    r"|\bmov(?:e|ing) you (?:forward )?(?:to|on to|through to) (?:the next|an?|the) "
    r"(?:\w+ ){0,2}(?:stage|round|interview)\b"
    r"|\bthe client (?:would like|wants|is keen|has asked) to (?:meet|interview|see|speak to) you\b"
    # An offer of work: "we would like to offer you the Case Worker (Manchester) job", "a
    # place on our apprenticeship scheme", "our verbal offer", "we'd like you to start on".
    r"|\boffer(?:ing)? you (?:the|a|an) [\w ,&/()'-]{2,80}? (?:post|position|role|job|contract)\b"
    r"|\boffer(?:ing)? you a place on (?:our|the|this) (?:\w+ ){0,3}(?:apprenticeship|graduate|"
    r"trainee|internship) (?:scheme|programme|program)\b"
    r"|\bour (?:verbal|conditional|formal|written) offer\b"
    r"|\b(?:like|love|want) you to start (?:with us|work|on (?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day|on the \d|from (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\bonboarding (?:pack|documents|paperwork|forms?)\b"
    r"|\b(?:the|this) (?:job|role|post|position) is yours\b"
    # What a decision about an application is called: "Application outcome", "interview
    # feedback"; and the job it is about: "for this post", "in a similar role".
    r"|\b(?:application|interview) (?:outcome|result|feedback)s?\b"
    r"|\bfor this (?:post|role|position|vacancy)\b|\bin a similar (?:post|role|position)\b"
)

#: Words of job mail that count only together: two different ones, one of them unambiguous
#: (``words/job_words_ambiguous.txt``: software and shops say "application" and "job" too).
_JOB_WORD = re.compile(
    r"\b(?:position|role|opening|job|application|applying|applied|career|careers|employment|"
    r"vacancy|vacancies|candidate|candidates|candidacy|applicant|applicants|interview|"
    r"interviews|interviewing|recruiter|recruiting|recruitment|hiring|hired|resume|cv|"
    r"salary|requisition|apply|headcount)\b"
)

_SINGULAR = {
    "interviews": "interview",
    "candidates": "candidate",
    "applicants": "applicant",
    "vacancies": "vacancy",
    "careers": "career",
}

#: Mass-mail wording in the text itself, for mail read without its headers.
_BULK_TEXT = re.compile(
    r"\bunsubscribe\b|\bview (?:it |this (?:email |message )?)?in (?:your |a )?browser\b"
    r"|\b(?:manage|update) (?:your )?(?:email |subscription |mailing )?preferences\b"
    r"|\byou (?:are )?receiv(?:e|ing) this (?:e-?mail|message|newsletter) because\b"
    r"|\bto be removed from\b|\bremove (?:me|yourself) from (?:this|our|the) (?:list|mailing)"
    r"|\bmailing list\b|\bdigest\b"
    r"|\b(?:work|earn money|make money) (?:from|at) home\b|\bearn (?:up to )?\$"
    r"|\bno (?:interview|experience) (?:needed|required|necessary)\b"
    # a job board's notice about jobs the person saved or searched for
    r"|\b(?:jobs? you(?:'ve)? saved|your saved (?:jobs?|search)|browse similar|see similar|"
    r"similar jobs)\b"
)
#: A job scam or a money-making pitch: never one of the person's applications, whatever
#: it says ("thank you for applying for our work-from-home position").
_SCAM = re.compile(
    r"\b(?:earn money|make money|earn cash|data entry) (?:from|at) home\b|\bearn (?:up to )?\$"
    r"|\bno (?:interview|experience) (?:needed|required|necessary)\b"
    r"|\b(?:wire transfer|western union|gift cards? codes?|guaranteed income|"
    r"be your own boss|mystery shopper|reship\w*|payment processing agent|financial agent|"
    r"upfront fee|registration fee|starter kit)\b"
)
#: Pay quoted by the hour or week: a money-making pitch, unless an application cue says it
#: is the person's own offer or interview.
_PAY_RATE = re.compile(r"\$\d[\d,.]*\s*(?:/|an? |per )(?:hr|hour|week|month|day)\b")

#: A sender's local part made of list or newsletter words (``words/bulk_local.txt``) or a
#: host of lists and marketing mail: a ``lists.`` or ``news.`` subdomain, or a bulk-mail
#: platform's own domain.
_BULK_HOST = re.compile(
    r"(?:^|\.)(?:lists?|listserv|news|newsletters?|e|em|mkt|marketing|promo|offers)\."
    r"[\w-]+\.[a-z.]+$"
    r"|(?:^|\.)(?:mailchimp|mcsv|mcdlv|rsgsv|list-manage|createsend|cmail\d*|"
    r"constantcontact|exacttarget|sendinblue|brevo|klaviyo|mailerlite|substack|"
    r"campaign-archive|mktomail|hubspotemail|sailthru)\.",
)
#: The role addresses of a mailing list: ``owner-books@``, ``books-request@``.
_LIST_ROLE = re.compile(r"owner-|.+-(?:owner|request|bounces?|admin)$")
_ADDRESS = re.compile(r"([\w.+-]+)@([\w.-]+)")


def bulk_sender(sender: str) -> bool:
    """True when the sender's address is a list, newsletter or marketing address."""
    found = _ADDRESS.search((sender or "").lower())
    if not found:
        return False
    local, host = found.groups()
    if _LIST_ROLE.match(local) or _BULK_HOST.search(host):
        return True
    return not word_set("onward.understand", "bulk_local").isdisjoint(re.split(r"[._+-]", local))


#: Recruiting platforms beyond the applicant-tracking systems of ``senders``.
_RECRUITING = re.compile(
    r"@(?:[\w-]+\.)*(?:greenhouse|greenhouse-mail|lever|ashbyhq|smartrecruiters|"
    r"workablemail|workable|jobvite|recruitee|teamtailor|bamboohr|breezy|jazzhr|"
    r"applytojob|pinpointhq|personio|hirehive|hackerrank|codility|codesignal|hirevue|"
    r"testgorilla|myworkdayjobs)\.",
    re.I,
)

#: Phrase rules that state a step of an application (not *other*'s job alerts and surveys).
_DECISIONS = frozenset(EmailLabel) - {EmailLabel.OTHER}
_APPLY = frozenset({"application", "applying", "applied", "apply"})
_LIST_HEADERS = frozenset(LIST_HEADERS) - {"precedence", "auto-submitted"}


@dataclass(frozen=True)
class GateDecision:
    """Whether an email is job mail, with the reasons, in words a person can check."""

    job: bool
    reasons: tuple[str, ...]


def bulk_headers(headers: Iterable[tuple[str, str]]) -> str | None:
    """The header that marks mailing-list, marketing or automatic-reply mail, if any."""
    for name, value in headers:
        key, low = name.lower(), value.strip().lower()
        if key in _LIST_HEADERS:
            return f"{name} header"
        if key == "precedence" and low.split(";")[0].strip() in ("bulk", "list", "junk"):
            return f"Precedence: {low}"
        if key == "auto-submitted" and low.startswith("auto-replied"):
            return "Auto-Submitted: auto-replied"
    return None


def _despite(bulk: str | None) -> tuple[str, ...]:
    return () if bulk is None else (f"despite {bulk}",)


def _quote(match: re.Match[str] | None) -> str:
    return f'"{match.group(0).strip()}"' if match else ""


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of an application cue that is not everyday or a friend's."""
    for match in pattern.finditer(text):
        if not not_the_persons(text, match):
            return match
    return None


#: A rejection phrase that says by itself that a candidate was turned down: it names the
#: application, the job or the someone else who got it ("we've gone with someone whose ...").
_DECISIVE = re.compile(
    r"\b(?:candidate|candidates|candidacy|applicant|applicants|application|position|role|"
    r"post|vacancy|job|shortlist\w*|interview|someone|somebody|internal|hire|hiring)\b"
)

_ADDRESSED = re.compile(r"\byou(?:r|rs|rself|'\w+)?\b")


def _decisive(hit: RuleHit, text: str) -> bool:
    """A rejection phrase that names a candidate's no, in mail that is not about a flat, a
    quote, a ballot or a place on a course."""
    if hit.label is not EmailLabel.REJECTION or _DECISIVE.search(hit.phrase) is None:
        return False
    return HIRING.search(text) is not None or EVERYDAY_NO.search(text) is None


def _recruiting(sender: str) -> bool:
    return is_ats_address(sender) or _RECRUITING.search(sender or "") is not None


def outright(text: str, sender: str, known: Correspondence | None = None) -> str | None:
    """The reason when an email is plainly about one of the person's applications: from a
    recruiting system, naming their application outright, or (from the import) from a sender
    or thread already linked to one. ``None`` otherwise, and always for their own mail."""
    if known is not None and known.sent_by_person:
        return None
    if known is not None and known.linked:
        return "sender or thread already linked to your application"
    if _recruiting(sender):
        return "sender is a recruiting system"
    if _SCAM.search(text) is not None:
        return None
    own = _first(_OWN, text)
    return f"application cue {_quote(own)}" if own is not None else None


def _job_words(text: str) -> tuple[list[str], bool]:
    """The job words of ``text`` that say something of the person's job (sorted), and
    whether the text is about something of everyday life with no word of hiring."""
    # One word in two forms is one word: "interview tips ... interviews at Acme".
    words = sorted({_SINGULAR.get(m.group(0), m.group(0)) for m in _JOB_WORD.finditer(text)})
    if RESEARCH.search(text) is not None and HIRING_NO_INTERVIEW.search(text) is None:
        words = [w for w in words if not w.startswith("interview")]  # the press, research
    if practice_only(text):  # a practice run is no interview of the person's
        words = [w for w in words if not w.startswith("interview")]
    everyday = HIRING.search(text) is None and (
        EVERYDAY_NO.search(text) is not None or EVERYDAY_OBJECT.search(text) is not None
    )
    if everyday:  # applying for a flat, a grant, a place: the words of applying say nothing
        words = [w for w in words if not w.startswith(("appl", "candida"))]
    if (title := title_subject(text)) is not None and title not in words:
        words.append(title)  # the subject names the job: "Re: Planning Officer"
    return words, everyday


def judge(
    text: str,
    sender: str,
    headers: Iterable[tuple[str, str]] = (),
    hits: Iterable[RuleHit] = (),
    known: Correspondence | None = None,
    reading: tuple[EmailLabel, float] | None = None,
) -> GateDecision:
    """Decide on ``text`` (the lowered model text), the sender line, the headers, the
    phrase rules that fired (``onward.understand.rules``), the person's correspondence and
    the model's reading (its job label and that label's probability)."""
    if known is not None:
        if known.sent_by_person:
            return GateDecision(False, ("you sent this message",))
        if known.linked:
            return GateDecision(True, ("sender or thread already linked to your application",))
    if _recruiting(sender):
        return GateDecision(True, ("sender is a recruiting system",))
    bulk = bulk_headers(headers)
    if bulk is None and bulk_sender(sender):
        bulk = "list or newsletter sender"
    if (scam := _SCAM.search(text)) is not None:
        reason = f"bulk mail: mass-mail wording {_quote(scam)}"
        return GateDecision(False, (reason, "no application of yours is named"))
    own = _first(_OWN, text)
    if own is not None:  # job mail, bulk or not: the text need not be searched further
        return GateDecision(True, (f"application cue {_quote(own)}", *_despite(bulk)))
    conversation = known is not None and known.answers_person
    if bulk is None and not conversation and (bulk_text := _BULK_TEXT.search(text)) is not None:
        bulk = f"mass-mail wording {_quote(bulk_text)}"
    if bulk is not None:
        return GateDecision(False, (f"bulk mail: {bulk}", "no application of yours is named"))
    own = _first(_CUE, text)
    if own is not None:
        return GateDecision(True, (f"application cue {_quote(own)}",))
    if (pitch := _PAY_RATE.search(text)) is not None:
        reason = f"bulk mail: mass-mail wording {_quote(pitch)}"
        return GateDecision(False, (reason, "no application of yours is named"))
    hits = [h for h in hits if not of_someone_else(h, text)]  # a friend's news
    words, everyday = _job_words(text)
    plain = not word_set("onward.understand", "job_words_ambiguous").issuperset(words)
    said = ", ".join(f'"{w}"' for w in words[:3])
    if len(words) >= 2 and plain:
        return GateDecision(True, (f"job words {said}",))
    decision = next((h for h in hits if h.label in _DECISIONS), None)
    beside = set(words) - _APPLY  # the application rules name the application themselves
    # A decision about the person is written to them, by the people who made it: "they
    # offered the job to someone internal, pub?" is a friend's own news.
    addressed = _ADDRESSED.search(text) is not None or not any(reported(h, text) for h in hits)
    if (
        decision is not None
        and beside
        and (plain or (decision.label is not EmailLabel.INTERVIEW and addressed and not everyday))
    ):
        return GateDecision(True, (f'"{decision.phrase}" beside job words {said}',))
    decisive = next((h for h in hits if _decisive(h, text)), None)
    if decisive is not None and addressed:
        return GateDecision(True, (f'rejection of a candidate "{decisive.phrase}"',))
    no = next((h for h in hits if h.label is EmailLabel.REJECTION), None)
    if no is not None and addressed and not everyday and (step := hiring_step(text, sender)):
        return GateDecision(True, (f'"{no.phrase}" after a step of hiring {_quote(step)}',))
    if decision is not None and words and conversation:
        reason = f'"{decision.phrase}" beside {said} in a thread you wrote in'
        return GateDecision(True, (reason,))
    # From someone who wrote about a job before, a no, an offer or a test written to the
    # person; not an interview ("free for a chat on Wednesday?" is how friends write too).
    wrote_before = known is not None and known.wrote_before
    if (
        decision is not None
        and decision.label is not EmailLabel.INTERVIEW
        and wrote_before
        and addressed
        and not everyday
    ):
        reason = f'"{decision.phrase}" from a sender who wrote to you about a job before'
        return GateDecision(True, (reason,))
    if reading is not None and (why := _confident(reading, text, addressed, everyday)):
        return GateDecision(True, (why,))
    return GateDecision(False, ("no application cue",))


#: A job label the model reads this surely stands for the job words a short note leaves out
#: ("we had someone come in who was a better fit"), in mail written to the person and not
#: about everyday life. Set on the corpus's out-of-fold readings, with real everyday mail as
#: a guard (``docs/accuracy.md``, 8 December).
CONFIDENT = 0.9
_WE = re.compile(r"\b(?:we|we'\w+|us|our)\b")


def _confident(
    reading: tuple[EmailLabel, float], text: str, addressed: bool, everyday: bool
) -> str | None:
    """Why a confident reading makes job mail, in mail that says "you" or speaks for those who
    decided ("we"), not of others ("they gave it to someone else"). Never an interview: a
    friend's "free for a chat on Wednesday?" reads as one as surely as an employer's."""
    label, probability = reading
    if label is EmailLabel.INTERVIEW or probability < CONFIDENT or everyday:
        return None
    if not addressed or (_ADDRESSED.search(text) is None and _WE.search(text) is None):
        return None
    return f"read as {label.value.replace('_', ' ')} with {probability:.0%} confidence, to you"
