"""Find the job title an email is about, without requisition numbers."""

from __future__ import annotations

import re

__all__ = ["clean_role", "extract_job_ref", "extract_role"]

_TITLE = r"([A-Z0-9(][^\n.!?:;\"“”]{1,90}?)"
_STOP = (
    r"(?=\s*(?:\bposition\b|\brole\b|\bopening\b|\bopportunity\b|\bjob\b|\bvacancy\b"
    r"|\breq\b|\bat\b|\bwith\b|\bin our\b|\bhere\b|\bfor which\b|\bthat\b|\bwhich\b"
    r"|\band (?:are|we|is)\b|\bthrough\b|\bhas\b|\bhave\b|\bis\b|\bwas\b|\bshortly\b"
    r"|\bfurther\b|\bon (?:a|an|the)\b|\bsubject to\b|\bpost\b|[.!;\n]|$"
    r"|\blanded\b|\barrived\b|\band (?:wanted|will|would)\b"
    r"|,\s+(?=[a-z])))"
)
# A requisition code before the title ("R-104233 Data Analyst", "24WD1234 Buyer (Open)",
# "Ref: 1449 - Buyer", "requisition - R1741 - Analyst") and where such a title ends.
_CODE = (
    r"(?:\b(?:R|JR|REQ)-?\d{4,}|\b\d{2}WD\d{4,}|\b\d{5,}(?=[ \t]*[-–])|"
    r"(?:Ref|Requisition|requisition|Req)\s*[:#-]\s*"
    r"(?:R-?)?\d{3,})\s*[-–:]?\s+(?:[-–]\s+)?"
)
_CODE_END = (
    r"(?=\s*\((?:Open|open|Remote|remote)\)|[ \t]*(?:\n|$)|\s+(?:at|and)\b|[.!]"
    r"|,\s+(?=[a-z]))"
)
# Lead-ins that name the title outright ("the position: Buyer", "interest in the Buyer (ID"),
# tried first in the body and again after a requisition code in the subject.
_NAMED_TITLE: list[re.Pattern[str]] = [
    re.compile(
        r"\b(?:following|the) (?:position|role|job|opening)s?:[ \t]*([^\n]{2,90}?)[ \t]*"
        r"(?:\.\s|\.?\n|\.?$)"
    ),
    re.compile(r"\binterest in (?:the )?" + _TITLE + r"\s*\((?:ID|Job|Req)"),
    re.compile(
        r"\bappl(?:ying|ied|ication) (?:with|to|at) [A-Z][^\n]{0,60}? for (?:the )?"
        r"(?:position of )?" + _TITLE + r"\s+(?:in|at|position|role|opening)\b"
    ),
]
_PATTERNS: list[re.Pattern[str]] = [
    *_NAMED_TITLE,
    re.compile(
        r"(?:^|\n)\s*(?:Position|Job Title|Position Title|Role|Job|Title|Job Name|Position Name|"
        r"Job Posting|Requisition Title|Position Applied For|Applied For)\s*:"
        r"[ \t]*\n?[ \t]*" + r"([^\n]{2,90})"
    ),
    re.compile(r"\b(?:position|role|post|job|opening) of:? (?:an? |the )?" + _TITLE + _STOP),
    re.compile(r"\b(?:opening|position|role|vacancy) for (?:an? |the )?" + _TITLE + _STOP),
    re.compile(r"\bappl(?:y|ied) for,\s*" + _TITLE + r"\s*,"),
    re.compile(r"\bfollowing (?:position|role|job),[ \t]*" + _TITLE + _STOP),
    re.compile(r"\bappl(?:y|ying|ied|ication) for (?:the |our |this )?" + _TITLE + _STOP),
    re.compile(
        r"\b(?:resume|cv|CV|Resume|application|submission|candidacy)(?:/cv)? for (?:the )?"
        + _TITLE
        + _STOP
    ),
    re.compile(
        r"\b(?:interview|exercise|assessment|process|test|challenge|offer|screen|call|round|"
        r"stage|shift)s?"
        r"(?: panel)? for (?:the )?" + _TITLE + _STOP
    ),
    re.compile(r"\b(?:conversation|chat|call|talk|phone screen) about (?:the )?" + _TITLE + _STOP),
    re.compile(r"[A-Za-z]['’]s " + _TITLE + r"\s*(?:\bposition\b|\brole\b|\bopening\b)"),
    re.compile(
        r"\b(?:for|to|in|about) (?:(?:the|our|this|your|an?|my) )?(?:open |current )?"
        + _TITLE
        + r"\s*(?:\bposition\b|\brole\b|\bopening\b|\bopportunity\b|\bjob\b|\bvacancy\b"
        r"|\bposting\b|\binternship\b|\bpost\b)"
    ),
    re.compile(r"\bappl(?:ying|ied|ication) (?:for|to) (?:the )?" + _TITLE + _STOP),
    re.compile(r"\b(?:be|as) (?:our|the|a|an) (?:next |new )?" + _TITLE + r"\s*(?:\bat\b|[.!,])"),
    re.compile(r"\b(?:offer|give) you the " + _TITLE + r"\s+(?:job|position|role|post|vacancy)\b"),
    re.compile(_CODE + _TITLE + _CODE_END),
    re.compile(r"\b(?:our|your|the) " + _TITLE + r"\s*(?:\bposition\b|\brole\b|\bopening\b)"),
]
_SUBJECT_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"\[([^\]]{3,80})\]"),
    # "Porter - good news", "Re: Porter - next stage", "Porter: invitation to interview"
    re.compile(
        r"^\s*(?:(?:re|fw|fwd|RE|Re|FW|Fwd):\s*)*" + _TITLE + r"\s*(?:[-–|]|:)\s+(?:good news|"
        r"next steps?|next stage|(?:an )?update|invitation|take-home|your application|"
        r"application|interview|offer|outcome|assessment|decision)",
        re.I,
    ),
    # "Sous Chef interview", "Invitation: Carpenter interview", "Porter vacancy"
    re.compile(
        r"(?:^|:\s+)(?:(?:re|fw|fwd|RE|Re):\s*)*" + _TITLE + r"\s+(?:interview|vacancy|"
        r"application|offer|assessment)\b"
    ),
    re.compile(r"\b(?:resume|cv|submission) for (?:the )?" + _TITLE + _STOP),
    re.compile(r"\b[Yy](?:our|OUR) " + _TITLE + r"\s+(?:[Aa]pplication|APPLICATION)\b"),
    re.compile(r"^\s*(?:(?:re|fw|fwd|RE|Re):\s*)*" + _TITLE + r"\s+candidate\b"),
    re.compile(r"^\s*" + _TITLE + r"[-–]\d{5,}\s*$"),
    re.compile(_CODE + _TITLE + _CODE_END),
    *_NAMED_TITLE,
    re.compile(
        r"(?:for|:|-|–|\|)\s*(?:the )?"
        + _TITLE
        + r"\s*(?:\bposition\b|\brole\b|\bat\b|\bwith\b|[!.]?\s*$)"
    ),
    re.compile(r"^\s*(?:(?:re|fw|fwd):\s*)*" + _TITLE + r"\s+(?:at|with)\s"),
]
_REF = re.compile(
    r"\b(?:(?:req(?:uisition)?|job)\s*(?:id|#|no\.?|number)?\s*[:#]?\s*)?"
    r"((?:R|JR|REQ|Req|J|P)[-_ ]?\d{4,}(?:[-_]\d+)?|\d{5,})\b"
)
_REF_IN_ROLE = re.compile(
    r"(?:\(?\s*(?:(?:req(?:uisition)?|job)\s*(?:id|#|no\.?|number)?\s*[:#]?\s*)?"
    r"(?:\b(?:R|JR|REQ|J)[-_ ]?\d{3,}(?:[-_]\d+)?\b|\b[A-Z0-9]*\d{5,}[A-Z0-9]*\b)\s*\)?)"
    r"|\((?:open|closed|filled)\)|\b(?:19|20)\d\d-\d{3,}\b",
    re.I,
)
_BAD = re.compile(
    r"^(?:you|your|our|we|this|that|it|a|an|the|following|position|role|job|"
    r"opportunity|opening|application|interest|time|team|company|us|following "
    r"position)$",
    re.I,
)
_BAD_WORDS = re.compile(
    r"\b(?:you|your|we|our|us|thank|thanks|applied|applying|received|"
    r"interest|please|candidates?|application|submitted|review)\b",
    re.I,
)


_JOB_NOUN = re.compile(
    r"\b(?:engineer|engineering|analyst|analytics|developer|manager|intern|internship|scientist|"
    r"associate|specialist|coordinator|designer|consultant|director|lead|teacher|nurse|"
    r"assistant|representative|technician|officer|administrator|architect|sde|sre|"
    r"accountant|advisor|adviser|agent|apprentice|buyer|chef|cook|clerk|counselor|counsellor|"
    r"editor|writer|executive|fellow|head|instructor|librarian|planner|programmer|"
    r"researcher|strategist|supervisor|therapist|underwriter|worker|co-op|trainee|"
    r"operator|partner|principal|president|owner|auditor|attorney|paralegal|pharmacist|"
    r"hygienist|barista|teller|cashier|driver|mechanic|electrician|welder|storyteller|"
    r"merchandiser|recruiter|educator|tutor|professor|lecturer|physician|dentist|"
    r"receptionist|housekeeper|server|bartender|host|steward|guard|inspector|surveyor|"
    r"modeler|modeller|statistician|economist|actuary|controller|treasurer|bookkeeper|"
    r"generalist|expert|owner|product|marketing|sales|support|operations|data|software|grad|"
    r"graduate|program|internship|apprenticeship|fellowship|"
    # Occupations outside offices: care, trades, hospitality, the public sector.
    r"secretary|coder|handler|investigator|adjuster|broker|banker|carpenter|joiner|plumber|"
    r"labou?rer|bricklayer|plasterer|roofer|decorator|painter|fitter|installer|machinist|"
    r"fabricator|foreman|operative|firefighter|paramedic|midwife|carer|caregiver|"
    r"phlebotomist|radiographer|physiotherapist|sonographer|optician|optometrist|dietitian|"
    r"doctor|surgeon|veterinarian|porter|cleaner|caretaker|janitor|gardener|landscaper|baker|"
    r"butcher|waiter|waitress|concierge|lifeguard|coach|trainer|constable|dispatcher|warden|"
    r"ranger|solicitor|lawyer|translator|interpreter|journalist|reporter|photographer|"
    r"illustrator|animator|chemist|biologist|pilot|courier|picker|packer|stocker|"
    r"storekeeper|nanny|practitioner|pharmacist|hairdresser|stylist|beautician)s?\b",
    re.I,
)


def clean_role(raw: str) -> str | None:
    role = _REF_IN_ROLE.sub(" ", raw.replace("(ID)", " "))
    role = re.sub(r"\s+", " ", role).strip(" ,-–|:#'\"")
    role = re.sub(r"^(?:the|a|an|our)\s+", "", role, flags=re.I)
    role = re.split(r"\s+(?:for|and|and in|in) (?:the|our|a|an)\s+", role)[-1]
    role = re.sub(r"^(?:update on|re|fw|fwd)\s*:?\s+", "", role, flags=re.I)
    for _ in range(3):  # "Jane Doe - Data Analyst", "Acme AG - Acme Leasing LLC - Intern"
        head, sep, rest = role.partition(" - ")
        if not (sep and not _JOB_NOUN.search(head) and _JOB_NOUN.search(rest)):
            break
        role = rest
    role = re.sub(r"\s+[-–]\s+(?:remote|hybrid|on-?site)$", "", role, flags=re.I)
    role = re.sub(r"\s+[-–]\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2}$", "", role)
    if role.count("(") > role.count(")"):
        role = role[: role.rindex("(")]
    role = role.strip(" ,-–|:#'\"")
    role = re.sub(r"\s*[-–,]\s*$", "", role)
    if not role or len(role) < 3 or len(role) > 80 or _BAD.match(role):
        return None
    if _BAD_WORDS.search(role) or not re.search(r"[A-Za-z]{2}", role):
        return None
    if len(role.split()) > 9 or not _JOB_NOUN.search(role):
        return None
    role = re.sub(r"\s+(?:position|role|opening|job|vacancy|post)$", "", role, flags=re.I)
    role = re.sub(r"(?<=[Ii]nternship) [Pp]rogram(?:me)?$", "", role)
    role = re.sub(r"\s*[-–]\s*[A-Z]{2,}\d{3,}[A-Z]*$", "", role)  # "Intern -ACM0002EGS"
    role = re.sub(r"\s+careers?$", "", role)
    role = re.sub(r"\b(\w+) \1$", r"\1", role, flags=re.I)  # "Data Intern intern"
    return re.sub(r"\s+&\s+[A-Z]$", "", role)  # "Analyst & R-88535" lost its number


def _job_card(text: str, company: str | None) -> str | None:
    """Job boards show a card: the title on one line, then "Company · Place"."""
    lines = [line.strip() for line in text.split("\n")[:60]]
    for i, line in enumerate(lines):
        if " · " in line and i > 0:
            head = line.split(" · ")[0].strip()
            if company is None or head.lower() != company.lower():
                role = clean_role(head)
                if role:
                    return role
            above = [x for x in lines[:i] if x][-1:]
            if above and (company is None or above[0].lower() != company.lower()):
                return clean_role(above[0])
    return None


_PAREN_REF = re.compile(r"\s*\((?:ID|Job|Req|Requisition|Job number|Job ID)[^)]{0,30}\)", re.I)


def extract_role(subject: str, body: str, company: str | None) -> str | None:
    """The job title named in the body or subject, or ``None``."""
    text = _PAREN_REF.sub(" (ID)", (body or "")[:4000])
    subject = _PAREN_REF.sub(" (ID)", subject or "")
    card = _job_card(text, company)
    if card:
        return card
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            role = clean_role(m.group(1))
            if role and (company is None or role.lower() != company.lower()):
                return role
    led = _led_by_company(subject or "", company)
    if led:
        return led
    for pattern in _SUBJECT_PATTERNS:
        for m in pattern.finditer(subject or ""):
            raw = m.group(1)
            options = [raw]
            if company and company.lower() in raw.lower():
                cut = raw.lower().index(company.lower())
                # "Role at Acme" keeps what comes before; "Acme - Role" what comes after,
                # also past a few words the company read leaves out ("Acme Cloud - Role",
                # "Acme Leasing USA LLC - Role").
                before, after = raw[:cut], raw[cut + len(company) :]
                dash = re.match(r"(?:,?\s+[A-Z][\w&.]*){0,2}\s*[-–|:]\s", after)
                options = [before.rstrip(" ,-–|")] if cut > 0 else []
                options += [after[dash.end() :]] if dash else []
            for option in options:
                role = clean_role(option)
                if role:
                    return role
    return None


_STEP_AFTER_TITLE = re.compile(
    r"\s+(?:Code Challenge|Coding Challenge|Online Assessment|Assessment|Take-Home)\b"
)


def _led_by_company(subject: str, company: str | None) -> str | None:
    """ "Acme Software Engineer Code Challenge": the title between the company and the step."""
    if not company:
        return None
    bare = re.sub(r"^\s*(?:(?:re|fw|fwd):\s*)*", "", subject, flags=re.I)
    if not bare.lower().startswith(company.lower() + " "):
        return None
    rest = bare[len(company) + 1 :]
    step = _STEP_AFTER_TITLE.search(rest)
    if not step or step.start() == 0 or re.search(r"\s[-–|:](?:\s|$)", rest[: step.start()]):
        return None  # "Acme SDE Opportunity - Assessment Completed" is not a title
    return clean_role(rest[: step.start()])


def extract_job_ref(subject: str, body: str) -> str | None:
    """A requisition or job id such as ``R-104233`` or ``JR00123``, when one is given."""
    for text in (subject or "", (body or "")[:4000]):
        m = _REF.search(text)
        if m:
            return m.group(1)
    return None
