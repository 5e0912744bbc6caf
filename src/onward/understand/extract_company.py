"""Name the hiring company: never the applicant tracking system or job board that sent it.

Candidates come from the sender's display name, the subject and a few body phrases
("interest in X", "position at X", "X Talent Acquisition"); each carries a weight, names are
cleaned of words such as "Careers" or "Recruiting", platform names are discarded, and the
heaviest name wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import islice

from onward.understand.board_links import board_tenant
from onward.understand.company_forms import abbreviates, fold_forms
from onward.understand.names import clean_name, normalise_name, unsqueeze
from onward.understand.people import People, people_in
from onward.understand.senders import address_hint, is_ats_address, sender_company
from onward.understand.spelled_names import TOKEN, spelled_out

__all__ = ["extract_company"]

_NAME = (
    r"("
    + TOKEN
    + r"(?:[ \t]+(?:&|of|and(?![ \t]+(?:I|We|You|They|Our)\b)|de|for|"
    + TOKEN
    + r")){0,5})"
)
# Where a name in a subject ends: punctuation, a spaced dash, the end, or a legal suffix
# (but not the hyphen inside "Acme-Benz").
_NAME_END = r"(?=\s*(?:[!:|]|\.(?!\w)|$)|\s+[-–]|,\s*(?:Inc|LLC|Ltd|Corp)\b)"
_RANK = r"(?:Senior|Sr\.?|Principal|Lead|Technical|Campus|University|Executive)\b"
_BODY_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            r"\binterest in (?:joining |working (?:at|for|with) |a career (?:at|with) )?"
            r"" + _NAME
        ),
        2.0,
    ),
    (re.compile(r"\b(?:applying|applied|apply|application) (?:to|with|at) " + _NAME), 2.0),
    (
        re.compile(
            r"\b(?:position|role|opportunit(?:y|ies)|opening|job|career|internship|team)s? "
            r"(?:at|with)"
            r" " + _NAME
        ),
        1.5,
    ),
    (re.compile(r"\bsent to " + _NAME), 3.0),
    (re.compile(r"\b(?:sent|forwarded|submitted) your \w+ to " + _NAME), 2.0),
    (re.compile(r"\bcontact " + _NAME + r" directly\b"), 1.5),
    # A signature's title line: "Acme Principal Recruiter", "Acme Senior Talent Partner".
    (
        re.compile(
            r"(?m)^[ \t]*((?:(?!" + _RANK + r")" + TOKEN + r"[ \t]+){1,3}?)"
            r"(?:" + _RANK + r"[ \t]+)*"
            r"(?:Recruiter|Talent Partner|Recruiting Coordinator|Sourcer)[ \t]*$"
        ),
        2.0,
    ),
    (re.compile(r"\b(?:open|available|hiring) (?:at|with) " + _NAME), 1.5),
    (re.compile(r"\bhere at " + _NAME), 1.5),
    (
        re.compile(
            r"(?:Engineer|Developer|Analyst|Manager|Intern|Scientist|Designer|Specialist|"
            r"Coordinator|Associate|Assistant|Consultant)(?:\s+I{1,3})? (?:at|with),? " + _NAME
        ),
        1.5,
    ),
    (
        re.compile(
            r"\b(?:application|applying|applied) for (?:the |our )?[A-Z][^\n.!?]{1,60}? "
            r"(?:at|with) "
            r"" + _NAME
        ),
        1.5,
    ),
    (re.compile(r"\bupdate from " + _NAME), 2.0),
    (
        re.compile(
            r"(?:\b[Tt]he[ \t]+)?"
            + _NAME
            + r"[ \t]+(?:Talent Acquisition|Recruiting|Recruitment|Careers|Human "
            r"Resources|HR|Hiring Team|People Team|Talent Team)\b"
        ),
        2.0,
    ),
    (re.compile(r"\b(?:The|the) " + _NAME + r" (?:Team|team|Recruiting Team)\b"), 2.0),
    (re.compile(r"\b(?:Team|Greetings from|Regards from) " + _NAME), 1.5),
    (re.compile(r"(?m)(?:\||,|\bat)[ \t]*(?=[^\n]{3})" + _NAME + r"[ \t]*$"), 1.5),
    (re.compile(r"\n[ \t]*" + _NAME + r"(?:[ \t]+(?:team|Team|HR|Recruiting))?[ \t]*\s*$"), 1.0),
    (
        re.compile(
            r"\b(?:[Rr]ecruiter|[Rr]ecruiting [Cc]oordinator|[Tt]alent [Pp]artner|[Hh]iring "
            r"[Mm]anager|[Ff]ounders?|CEO|CTO) (?:at|with|for|of) " + _NAME
        ),
        2.0,
    ),
    (re.compile(r"\b(?:join|joining|considering|consider) " + _NAME), 1.0),
    # A signature block: the department on one line, the company on the next ("HR
    # Department / Acme Foods / 01632 960 418"), or the company above a telephone number.
    (
        re.compile(
            r"(?m)^[ \t]*(?:HR Department|Human Resources(?: Department)?|Recruitment(?: Team)?|"
            r"Talent Acquisition|People Team|Hiring Team|Personnel Department)[ \t]*\n"
            r"[ \t]*" + _NAME + r"[ \t]*$"
        ),
        2.0,
    ),
    (re.compile(r"(?m)^[ \t]*" + _NAME + r"[ \t]*\n[ \t]*(?:\+|\()?\d[\d ()-]{7,}\d[ \t]*$"), 1.5),
]
# A recruiter writing about a client names who decides: "feedback from Acme", "Acme liked
# your CV", "I've just come off the phone with Acme", "my client, Acme".
_CLIENT_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"\b(?:feedback|word|news|an update) from " + _NAME),
    re.compile(r"\b(?:phone|call|spoke|speaking|spoken) (?:to|with) " + _NAME),
    re.compile(r"\b(?:my|our) client,? " + _NAME),
    re.compile(r"\bon behalf of (?:my client,? |our client,? )?" + _NAME),
    re.compile(
        _NAME + r" (?:liked|loved|were impressed|was impressed|would like to|want to|wants to|"
        r"have asked|has asked|are keen|is keen)"
    ),
]
# An address on an agency's own domain: "jo@harpervane.com", "sam@northlightstaffing.co.uk".
_AGENCY_STEM = re.compile(
    r"(?<=[a-z]{4})(?:search|staffing|recruitment|resourcing|personnel|talent|locums?|"
    r"appointments|headhunters|agency)$"
)
_AGENCY_NAME = re.compile(
    _NAME + r"[ \t]+(?:Recruitment|Staffing|Search|Resourcing|Personnel|Appointments|Locums?)\b"
    r"(?![ \t]+(?:Team|team|Department))"
)
_SUBJECT_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    # "Thank you for applying to X": the subject says outright whom the application went to.
    (
        re.compile(
            r"\b(?:[Aa]pplying|[Aa]pplication|[Ii]nterest) (?:to|at|with|in) " + _NAME + _NAME_END
        ),
        1.5,
    ),
    (
        re.compile(r"^\s*(?:(?:re|fw|fwd|RE|Re|FW|Fwd):\s*)*" + _NAME + r" (?:is|are) [Hh]iring\b"),
        2.0,
    ),
    # "You're invited! Acme Happy Hour": a recruiting event carries its host's name.
    (
        re.compile(
            r"(?:^|[!.:]\s+)" + _NAME + r" (?:Happy Hour|Info(?:rmation)? Session|Open House|"
            r"Meetup|Tech Talk|Hiring Event|Career Fair)\b"
        ),
        2.0,
    ),
    # "Your Application for Acme Cloud - Web Developer": the side that is not a job title.
    (re.compile(r"\b[Aa]pplication for " + _NAME + r"[ \t]+[-–|][ \t]+"), 2.0),
    (re.compile(r"^\s*[Yy]our " + _NAME + r" (?:[Jj]ob |[Ii]nternship )?[Aa]pplication"), 2.0),
    (re.compile(r"\bsent to ([^\n]{2,60}?)\s*$"), 3.0),
    (re.compile(r"\b(?:at|with|to|from) " + _NAME + _NAME_END), 2.5),
    (
        re.compile(
            r"^\s*(?:(?:re|fw|fwd|RE|Re|FW|Fwd):\s*)*" + _NAME + r"\s*(?:[:|–-]|\bapplication\b)"
        ),
        2.5,
    ),
]
_LEGAL = r",?[ \t]+(?:AG|SE|Inc\.?|LLC|Ltd\.?|plc|PLC|GmbH|Corp\.?|N\.V\.|S\.A\.)"
_SUBSIDIARY = re.compile(_NAME + _LEGAL + r"[ \t]+[-–][ \t]+" + _NAME + _LEGAL + r"(?!\w)")
_COUNTRY_END = re.compile(r"[ \t]+(?:USA|US|U\.S\.|UK|Canada|India|Ireland|Australia|Germany)$")
_JOB_WORD = re.compile(
    r"[ \t]*(?:position|role|opportunit|opening|job|vacanc|internship|req)", re.I
)
_SUBJECT_HEAD = re.compile(
    r"^\s*(?:(?:re|fw|fwd|RE|Re|FW|Fwd):\s*)*(?:Your |your )?(" + TOKEN + r")"
)
_TITLE_STEP = re.compile(r"(?:role|position|opening|opportunity|job|req)", re.I)
_HEAD_WORD = re.compile(TOKEN + r"$")
# Job words between a name and the step: "Acme Senior Developer Phone Interview".
_TITLE_WORDS = re.compile(
    r"(?:(?:senior|junior|sr\.?|jr\.?|staff|principal|lead|software|data|web|front|back|"
    r"full|stack|end|backend|frontend|mobile|cloud|devops|qa|test|machine|learning|ml|research|"
    r"product|marketing|sales|associate|manager|"
    r"developer|engineer|analyst|designer|scientist|intern|internship|co-op|"
    r"summer|fall|winter|spring|20\d\d|i{1,3}|[1-3])[\s-]+)*",
    re.I,
)


_PROCESS_WORD = re.compile(
    r"\b(?:interview|phone|screen|opportunity|next steps?|application|update|follow|coding|"
    r"call|reach|meeting|open|offer|onsite|hiring|position|role|challenge|assessment|"
    r"telephone|bad news|good news|resume|code challenge|decision)",
    re.I,
)


# Platforms hire too: "Thank you for applying here at Workday!" from Workday's own address.
_PLATFORM_EMPLOYER = re.compile(
    r"\b(?:applying (?:here )?(?:to|at|with)|application (?:was )?sent to|thank you from) "
    r"(Workday|iCIMS|LinkedIn|Indeed|Greenhouse|Lever|SmartRecruiters|Ashby|Jobvite|Workable|"
    r"Glassdoor|ZipRecruiter|HireVue|HackerRank|Rippling|Handshake)\s*[!.]?\s*$",
    re.I,
)
# A name in lower case is still a name when a legal suffix follows: "with zulily, llc!".
_SUFFIXED = re.compile(
    r"\b(?:with|to|at|in|from) "
    r"([a-z][\w&-]*(?: (?!(?:to|at|with|in|from|for|the|an?)\b)[A-Za-z][\w&-]*){0,2}),? "
    r"(?:LLC|Inc|Ltd|llc|inc|ltd)\b"
)


class _Votes:
    """Names read from one email, each with the weight of the places that named it; the
    names of the people in it never count (``onward.understand.people``)."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.weights: dict[str, float] = defaultdict(float)
        self.forms: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def add(self, raw: str, weight: float) -> None:
        name = clean_name(raw)
        if name is None or self.people.named(name):
            return
        key = normalise_name(name)
        if not key:
            return
        self.weights[key] += weight
        self.forms[key][name] += weight


def extract_company(subject: str, sender: str, body: str, person: str = "") -> str | None:
    """The hiring company named by this email, or ``None``; ``person`` is the name of the
    person the mail is for (never their company)."""
    subject = subject or ""
    platform = _PLATFORM_EMPLOYER.search(subject)
    if platform:
        return platform.group(1)
    display, is_person = sender_company(sender)
    shown = (sender or "").split("<")[0].strip().strip('"')
    writer = shown.split(" from ")[0] if is_person else ""  # "Nadia from Acme"
    text = (body or "")[:4000]
    address = re.search(r"[\w.+-]+@[\w.-]*", sender or "")
    votes = _Votes(people_in(text, writer, person, address.group(0) if address else ""))
    if display:
        votes.add(display, 3.0)
    ats_local = address_hint(sender)
    tenant = None if ats_local else board_tenant(text)
    if tenant:  # "boards.greenhouse.io/acmerobotics": the board names the company
        ats_local = tenant[0]
    agency = _agency(sender, ats_local, text)
    _vote_subject(votes, subject, text)
    _vote_body(votes, text, ats_local)
    if agency:  # a recruitment agency writes: its client hires, never the agency itself
        _vote_client(votes, text, agency)
        return _winner(votes, subject, text, None) if votes.weights else None
    if ats_local:
        _vote_address(votes, ats_local, display, f"{subject}\n{text}")
    if not votes.weights:
        head = _subject_head(subject, text)
        if head:
            votes.add(head, 1.0)
    if ats_local and not votes.weights and len(ats_local) > 2:  # the address is all there is
        if tenant and tenant[1].lower() != tenant[0]:
            votes.add(tenant[1], 1.0)
        else:
            votes.add(unsqueeze(ats_local) if ats_local.isalpha() else ats_local, 1.0)
    if not votes.weights:
        return None
    return _winner(votes, subject, text, ats_local)


def _agency(sender: str, ats_local: str | None, text: str) -> str | None:
    """The stem of a recruitment agency's own domain the mail comes from, or ``None``: the
    stem says so ("northlightstaffing"), or the text writes the name it spells with an
    agency's word ("Harper & Vane Recruitment" from harpervane.com)."""
    if not ats_local or len(ats_local) < 5 or is_ats_address(sender):
        return None
    if _AGENCY_STEM.search(ats_local):
        return ats_local
    for m in _AGENCY_NAME.finditer(text):
        if re.sub(r"[^a-z0-9]|\band\b", "", m.group(1).lower()) == ats_local:
            return ats_local
    return None


def _vote_client(votes: _Votes, text: str, agency: str) -> None:
    """Drop the agency's own names ("Harper & Vane" of harpervane.com), then weigh the
    names a recruiter gives to the client."""
    for key in list(votes.weights):
        squeezed = key.replace(" ", "")
        if squeezed and (agency.startswith(squeezed) or squeezed.startswith(agency)):
            del votes.weights[key]
            del votes.forms[key]
    for pattern in _CLIENT_PATTERNS:
        for m in pattern.finditer(text):
            name = clean_name(m.group(1))
            if name is None:
                continue
            squeezed = normalise_name(name).replace(" ", "")
            if not (agency.startswith(squeezed) or squeezed.startswith(agency)):
                votes.add(m.group(1), 3.0)


def _vote_subject(votes: _Votes, subject: str, text: str) -> None:
    for pattern, weight in _SUBJECT_PATTERNS:
        for m in pattern.finditer(subject):
            votes.add(m.group(1), weight)
    # "Acme Group AG - Acme Leasing USA LLC - Analyst": the group, then the subsidiary that
    # hires, named without its country and legal form.
    for m in _SUBSIDIARY.finditer(subject):
        votes.add(_COUNTRY_END.sub("", m.group(2)), 4.0)
    # "Thanks for taking the Acme Software Engineer Code Challenge"
    for m in re.finditer(r"\b(?:the|your) (?=[A-Z])", subject):
        inner = _subject_head(subject[m.end() :], "")
        if inner:
            votes.add(inner, 1.5)
    for m in _SUFFIXED.finditer(f"{subject}\n{text[:1500]}"):
        votes.add(m.group(1), 2.0)


def _vote_body(votes: _Votes, text: str, ats_local: str | None) -> None:
    # Several patterns can read the same words ("The Acme Talent Team" is a team phrase and a
    # signature line): each stretch of text votes once, with its strongest reading.
    spans: dict[tuple[int, str], tuple[str, float]] = {}
    for pattern, weight in _BODY_PATTERNS:
        for m in islice(pattern.finditer(text), 3):
            if _JOB_WORD.match(text, m.end(1)):
                continue
            name = clean_name(m.group(1))
            if name is None:
                continue
            spot = (text.count("\n", 0, m.start(1)), normalise_name(name))
            if spans.get(spot, ("", 0.0))[1] < weight:
                spans[spot] = (m.group(1), weight)
    for raw, weight in spans.values():
        votes.add(raw, weight)
    # "at North Valley Bank of Arizona (NVBAZ)" defines the acronym the email signs with.
    for m in _DEFINED.finditer(text) if "(" in text else ():
        acronym = m.group(2).lower()
        if (acronym in votes.weights or acronym == ats_local) and abbreviates(
            acronym, normalise_name(m.group(1))
        ):
            votes.add(m.group(1), 2.0)


def _vote_address(votes: _Votes, ats_local: str, display: str | None, text: str) -> None:
    """The company the sender's address names ("acme@myworkday.com") backs a name read."""
    weights = votes.weights
    matched = [k for k in weights if k.replace(" ", "").startswith(ats_local)]
    if not matched and 2 <= len(ats_local) <= 6 and ats_local.isalpha():
        # "lpe@myworkday.com" and "interest in Larch Pictures Entertainment"
        matched = [k for k in weights if len(k.split()) >= 2 and abbreviates(ats_local, k)]
    for key in matched:
        weights[key] += 2.0
    spelled = None if matched else spelled_out(ats_local, text)
    if spelled:  # "statefarm@..." and "State Farm Job Opening"
        votes.add(spelled, 3.0)
    if display and (matched or spelled):
        # The address names the company and the display name is something else:
        # a programme or a department ("Campus Ambassadors <acmefoods+x@...>").
        shown = normalise_name(clean_name(display) or "")
        if (
            shown in weights
            and shown not in matched
            and shown != normalise_name(spelled or "")
            and not ats_local.startswith(shown.replace(" ", ""))
        ):
            weights[shown] -= 3.0


def _winner(votes: _Votes, subject: str, text: str, ats_local: str | None) -> str:
    """The name with the most weight, in its most used form."""
    weights, forms = votes.weights, votes.forms
    # Names mentioned again and again are more likely the company.
    for key, variants in forms.items():
        mentions = sum(min(text.count(form), 3) for form in variants)
        weights[key] += 0.5 * mentions
    fold_forms(weights, forms, subject, text)
    best = max(weights, key=lambda k: (weights[k], -len(k)))
    name = max(forms[best].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    bare = re.sub(r"['’]s$", "", name)
    if bare != name and (
        re.search(rf"\b{re.escape(bare)}\b(?!['’])", f"{subject}\n{text}")
        or bare.replace(" ", "").lower() == ats_local  # "Acme's" from acme@myworkday.com
    ):
        return bare
    return name


_DEFINED = re.compile(_NAME + r"[ \t]+\(([A-Z][A-Za-z&]{1,7})\)")


def _subject_head(subject: str, text: str) -> str | None:
    """The name that opens a subject before the step it is about: "Acme Foods Market Phone
    Screen", "Acme Senior Developer Phone Interview", "RE: Acme Next Steps"."""
    head = _SUBJECT_HEAD.match(subject)
    if not head:
        return None
    words = subject[head.start(1) :].split()
    for size in range(1, min(3, len(words) - 1) + 1):
        if not all(_HEAD_WORD.match(w) for w in words[:size]):
            break
        name = " ".join(words[:size])
        rest = " ".join(words[size:])
        step = rest[_TITLE_WORDS.match(rest).end() :]  # type: ignore[union-attr]
        if step != rest and _TITLE_STEP.match(step):
            return None  # "Solutions Engineer role": the capitals are the job title
        if _PROCESS_WORD.match(step):
            return name
    if head.group(1) in text and _PROCESS_WORD.search(subject[head.end() :]):
        return head.group(1)
    return None
