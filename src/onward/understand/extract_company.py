"""Name the hiring company: never the applicant tracking system or job board that sent it.

Candidates come from the sender's display name, the subject and a few body phrases
("interest in X", "position at X", "X Talent Acquisition"); each carries a weight, names are
cleaned of words such as "Careers" or "Recruiting", platform names are discarded, and the
heaviest name wins.
"""

from __future__ import annotations

import re
from collections import defaultdict

__all__ = ["PLATFORMS", "extract_company", "normalise_name"]

PLATFORMS = frozenset(
    {
        "workday",
        "myworkday",
        "greenhouse",
        "lever",
        "icims",
        "linkedin",
        "indeed",
        "smartrecruiters",
        "ashby",
        "ashbyhq",
        "taleo",
        "jobvite",
        "workable",
        "glassdoor",
        "ziprecruiter",
        "dice",
        "successfactors",
        "ultipro",
        "rippling",
        "bamboohr",
        "paylocity",
        "adp",
        "hirevue",
        "hackerrank",
        "codility",
        "codesignal",
        "breezy",
        "jazzhr",
        "recruitee",
        "teamtailor",
        "personio",
        "avature",
        "eightfold",
        "phenom",
        "handshake",
        "wellfound",
        "angellist",
        "monster",
        "careerbuilder",
        "simplyhired",
        "oraclecloud",
        "brassring",
        "kenexa",
        "cornerstone",
        "jobs",
        "careers",
        "notification",
        "notifications",
        "no-reply",
        "noreply",
        "donotreply",
        "do-not-reply",
        "recruiting",
        "talent",
        "hr",
        "team",
        "hiring",
        "candidate",
        "applicant",
        "the",
        "global",
        "mail",
        "info",
        "support",
        "admin",
        "system",
        "gmail",
        "outlook",
        "yahoo",
        "hotmail",
        "email",
        "your",
        "thank",
        "thanks",
        "we",
        "our",
        "hi",
        "dear",
        "hello",
        "application",
        "update",
        "re",
        "fw",
        "fwd",
        "unsubscribe",
        "privacy",
        "terms",
        "manage",
        "preferences",
        "faq",
    }
)
_GENERIC = re.compile(
    r"\b(?:talent acquisition|human resources|people (?:team|operations)|hiring team|"
    r"recruiting team|recruitment team|careers? team|talent team|global talent|recruiting|"
    r"recruitment|careers?|jobs|hr|notifications?|no-?reply|do-?not-?reply|team|talent|"
    r"university relations|campus|autonotification|via|@|hiring|portal|career opportunities|alerts|"
    r"workday|do not reply|system|phone interview|interview|phone screen|screen|next "
    r"steps?|follow ?up|meeting|invitation|confirmation|opportunity|reach out|call|is hiring|"
    r"technical|onsite|message|university relations|people services|application|job application|"
    r"job|resume|availability|bad news|feedback|open position|telephone|request|good news|"
    r"interview request|update|application received|talent attraction and acquisition|"
    r"talent attraction)\b\s*$",
    re.I,
)
_GENERIC_HEAD = re.compile(
    r"^\s*(?:autonotification|workday|notifications?|careers?|jobs|recruiting|talent "
    r"acquisition|hr|human resources|global hr|no-?reply|do-?not-?reply)\b\s*",
    re.I,
)
_BAD_FIRST = frozenset(
    {
        "applying",
        "application",
        "job",
        "your",
        "our",
        "thank",
        "thanks",
        "data",
        "confirming",
        "update",
        "employment",
        "position",
        "complete",
        "action",
        "a",
        "an",
        "this",
        "that",
        "next",
        "interview",
        "assessment",
        "important",
        "welcome",
        "new",
        "re",
        "fw",
        "fwd",
        "all",
        "regarding",
        "following",
        "recent",
        "online",
        "candidate",
        "my",
        "us",
        "hiring",
        "software",
        "senior",
        "junior",
        "entry",
        "technical",
        "phone",
        "follow",
        "followup",
        "feedback",
        "message",
        "please",
        "save",
        "indeed",
        "linkedin",
        "i",
        "hi",
        "dear",
        "hello",
        "we",
        "if",
        "as",
        "at",
        "in",
        "on",
        "for",
        "to",
        "and",
        "or",
        "is",
        "it",
        "you",
        "when",
    }
)
_ATS_DOMAINS = re.compile(
    r"@(?:[\w-]+\.)*(?:myworkday|workday|icims|ultipro|adp|taleo|successfactors|jobvite|"
    r"oraclecloud|brassring|avature)\.",
    re.I,
)
_TOKEN = r"(?:St\.|[A-Z0-9](?:[\w&'’-]|\.(?=\w))*)"
_NAME = r"(" + _TOKEN + r"(?:[ \t]+(?:&|of|and|de|for|" + _TOKEN + r")){0,5})"
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
            r"\b(?:position|role|opportunity|opening|job|career|internship|team)s? (?:at|with)"
            r" " + _NAME
        ),
        1.5,
    ),
    (re.compile(r"\bsent to " + _NAME), 3.0),
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
    (re.compile(r"\n[ \t]*" + _NAME + r"[ \t]*\s*$"), 1.0),
    (re.compile(r"\b(?:join|joining|considering|consider) " + _NAME), 1.0),
]
_SUBJECT_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\bsent to ([^\n]{2,60}?)\s*$"), 3.0),
    (re.compile(r"\b(?:at|with|to|from) " + _NAME + r"\s*(?:[!.:|-]|$)"), 2.5),
    (
        re.compile(
            r"^\s*(?:(?:re|fw|fwd|RE|Re|FW|Fwd):\s*)*" + _NAME + r"\s*(?:[:|–-]|\bapplication\b)"
        ),
        1.5,
    ),
]
_TAIL_WORDS = {"of", "and", "&", "for", "de", "the", "-", "is", "has", "we", "our"}
_SUFFIX = re.compile(
    r"[\s,]+(?:inc\.?|llc\.?|ltd\.?|limited|private limited|pvt\.? ltd\.?|"
    r"corp\.?|corporation|co\.|plc|gmbh|ag|s\.a\.|l\.p\.|n\.a\.|na)$",
    re.I,
)
_JOB_WORD = re.compile(
    r"[ \t]*(?:position|role|opportunit|opening|job|vacanc|internship|req)", re.I
)
_ROLE_END = re.compile(
    r"\b(?:engineer|analyst|developer|manager|intern|scientist|designer|specialist|coordinator|"
    r"associate|assistant|representative|technician|nurse|teacher|director|consultant|sde|"
    r"position|role|opening|opportunity|recruiter|ceo|cto|coo|cfo|vp|president|founder|"
    r"officer|lead|head of \w+|vp of \w+)s?\s*(?:I{1,3}|[1-3])?$|\d{3}",
    re.I,
)
_SENDER = re.compile(r"^\s*\"?([^<\"]*)\"?\s*<?([^>\s]*)>?")


def normalise_name(name: str) -> str:
    """A key to compare company names: lower case, no punctuation, article or legal suffix."""
    name = _SUFFIX.sub("", name.strip())
    key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    key = key[4:] if key.startswith("the ") else key
    return key[:-2] if key.endswith(" s") else key


def _clean(raw: str) -> str | None:
    name = raw.strip(" \t,.:;!-|'\"’")
    name = re.sub(r"\s+", " ", name)
    for _ in range(4):
        stripped = _GENERIC_HEAD.sub("", _SUFFIX.sub("", _GENERIC.sub("", name))).strip(" ,-|()")
        if stripped == name:
            break
        name = stripped
    words = name.split()
    while words and words[-1].lower() in _TAIL_WORDS:
        words.pop()
    name = " ".join(words)
    if not name or len(name) < 2 or name.lower() in PLATFORMS:
        return None
    if name.split()[0].lower() in _BAD_FIRST:
        return None
    if all(w.lower() in PLATFORMS for w in re.split(r"[\s.@-]+", name) if w):
        return None
    if re.fullmatch(r"[\d\W]+", name) or _ROLE_END.search(name):
        return None
    return name


def _sender_candidate(sender: str) -> tuple[str | None, bool]:
    """The company in a display name, and whether the sender looks like a person."""
    match = _SENDER.match(sender or "")
    if not match:
        return None, False
    display, address = match.group(1).strip(), match.group(2).lower()
    if "@" in display:
        display, address = "", address or display.lower()
    local_part = address.split("@")[0]
    words = re.sub(r"\([^)]*\)?", " ", display.replace("_", " ")).split()
    words = [t for t in words if "." not in t.strip(".")]
    if len(words) > 1 and words[-1] == local_part:  # "Applied Materials HR amat"
        words.pop()
    display = " ".join(words)
    display = re.sub(r"\b(?:via|@|at)\b\s+", "@ ", display)
    if "@ " in display:  # "Workday @ Intel", "Jane via Greenhouse"
        left, right = display.split("@ ", 1)
        display = right if left.strip().lower() in PLATFORMS or not left.strip() else left
    local = address.split("@")[0]
    tokens = [t.lower() for t in display.split()]
    person = (
        len(tokens) in (2, 3)
        and any(len(t) > 2 and t in local for t in tokens)
        and not (_ATS_DOMAINS.search(address) or any(t in PLATFORMS for t in tokens))
    )
    if person:
        return None, True
    return _clean(display), False


_FREE_MAIL = re.compile(
    r"@(?:gmail|yahoo|outlook|hotmail|icloud|aol|proton|linkedin|indeed|"
    r"greenhouse|greenhouse-mail|lever|ashbyhq|smartrecruiters|workablemail|"
    r"jobvite|invalidemail|glassdoor|ziprecruiter)\.",
    re.I,
)


_SUBJECT_HEAD = re.compile(
    r"^\s*(?:(?:re|fw|fwd|RE|Re|FW|Fwd):\s*)*(?:Your |your )?(" + _TOKEN + r")"
)


_PROCESS_WORD = re.compile(
    r"\b(?:interview|phone|screen|opportunity|next steps?|application|update|follow|coding|"
    r"call|reach|meeting|open|offer|onsite|hiring|position|role|challenge|assessment)",
    re.I,
)


def _ats_local_part(sender: str) -> str | None:
    """A hint at the company in the address: ``walmart`` in ``walmart@myworkday.com`` or
    ``esri`` in ``no-reply@esri.com``."""
    m = re.search(r"([\w.+-]+)@([\w.-]+)", sender or "")
    if not m:
        return None
    if not _ATS_DOMAINS.search(sender):
        if _FREE_MAIL.search(sender) or re.search(
            r"alert|news|digest|jobs?\b|marketing", m.group(1).lower()
        ):
            return None
        labels = [x for x in m.group(2).lower().split(".") if x]
        stem = labels[-2] if len(labels) >= 2 else ""
        return stem if len(stem) > 2 else None
    local = m.group(1).lower()
    if (
        re.search(
            r"no-?reply|notification|workday|careers?|jobs|talent|recruit|hr\b|sender|"
            r"mail|system|autoreply|\d",
            local,
        )
        or len(local) < 3
    ):
        return None
    return local


def extract_company(subject: str, sender: str, body: str) -> str | None:
    """The hiring company named by this email, or ``None``."""
    weights: dict[str, float] = defaultdict(float)
    forms: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def add(raw: str, weight: float) -> None:
        name = _clean(raw)
        if name is None or (person_name and name.lower() in person_name):
            return
        key = normalise_name(name)
        if not key:
            return
        weights[key] += weight
        forms[key][name] += weight

    display, person = _sender_candidate(sender)
    person_name = (sender or "").split("<")[0].strip().strip('"').lower() if person else ""
    if display:
        add(display, 3.0)
    ats_local = _ats_local_part(sender)
    for pattern, weight in _SUBJECT_PATTERNS:
        for m in pattern.finditer(subject or ""):
            add(m.group(1), weight)
    text = (body or "")[:4000]
    for pattern, weight in _BODY_PATTERNS:
        for m in list(pattern.finditer(text))[:3]:
            if not _JOB_WORD.match(text, m.end(1)):
                add(m.group(1), weight)
    if ats_local:
        matched = [k for k in weights if k.replace(" ", "").startswith(ats_local)]
        for key in matched:
            weights[key] += 2.0
        if not matched and not weights and len(ats_local) > 2:
            add(ats_local.capitalize() if ats_local.isalpha() else ats_local, 1.0)
    if not weights:
        head = _SUBJECT_HEAD.match(subject or "")
        if head and head.group(1) in text and _PROCESS_WORD.search(subject[head.end() :][:60]):
            add(head.group(1), 1.0)
    if not weights:
        return None
    # Names mentioned again and again are more likely the company.
    for key, variants in forms.items():
        mentions = sum(min(text.count(form), 3) for form in variants)
        weights[key] += 0.5 * mentions
    # A short form ("Premise") supports the full name it begins ("Premise Data").
    for key in list(weights):
        for other in list(weights):
            if other != key and other.startswith(key + " "):
                weights[other] += weights[key] * 0.6
    _merge_acronyms(weights)
    best = max(weights, key=lambda k: (weights[k], -len(k)))
    name = max(forms[best].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    bare = re.sub(r"['’]s$", "", name)
    if bare != name and re.search(rf"\b{re.escape(bare)}\b(?!['’])", f"{subject}\n{text}"):
        return bare
    return name


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in {"of", "and", "the", "for", "de"})


def _merge_acronyms(weights: dict[str, float]) -> None:
    """ "JET" and "Just Eat Takeaway.com" are one company: the acronym's weight goes to the
    full name, which is the more useful form."""
    for short in list(weights):
        letters = short.replace(" ", "")
        if not (2 <= len(letters) <= 6) or " " in short:
            continue
        for full in list(weights):
            if full != short and len(full.split()) >= 2 and _initials(full).startswith(letters):
                weights[full] += weights.pop(short)
                break
