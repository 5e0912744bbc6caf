"""Company names: the words that are never a company (platforms, generic mail words), and the
cleaning that turns a display name or a phrase into a comparable company name."""

from __future__ import annotations

import re

__all__ = ["PLATFORMS", "clean_name", "normalise_name", "unsqueeze"]

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
        "ripplematch",
        "newtonsoftware",
        "mynexthire",
        "laserfiche",
        "paycom",
        "paycor",
        "applytojob",
        "hirebridge",
        "clearcompany",
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
    r"\b(?:talent acquisition|human resources|university recruiting|campus recruiting|"
    r"people (?:team|operations)|hiring team|"
    r"recruiting team|recruitment team|careers? team|talent team|global talent|recruiting|"
    r"recruitment|careers?|jobs|hr|notifications?|no-?reply|do-?not-?reply|team|talent|"
    r"university relations|campus|autonotification|via|@|hiring|portal|career opportunities|alerts|"
    r"workday|do not reply|system|phone interview|interview|phone screen|screen|next "
    r"steps?|follow ?up|meeting|invitation|confirmation|opportunity|reach out|call|is hiring|"
    r"technical|onsite|message|university relations|people services|application|job application|"
    r"job|resume|availability|bad news|feedback|open position|telephone|request|good news|"
    r"interview request|update|application received|talent attraction and acquisition|"
    r"talent attraction|ta|blog)\b\s*$",
    re.I,
)
_GENERIC_HEAD = re.compile(
    r"^\s*(?:p&o|people & (?:organization|culture)|autonotification|workday|notifications?|"
    r"careers?|jobs|recruiting|talent "
    r"acquisition|hr|human resources|global hr|no[- ]?reply|do[- ]?not[- ]?reply)\b[\s-]*",
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
        "confirmation",
        "acknowledgement",
        "acknowledgment",
        "receipt",
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
_TAIL_WORDS = {
    "of",
    "and",
    "&",
    "for",
    "de",
    "the",
    "-",
    "is",
    "has",
    "we",
    "our",
    "on",
    "official",
}
# Words that start the job part of "Acme Software Development Engineering Opportunity".
_JOB_PART = frozenset(
    {
        "software",
        "engineering",
        "development",
        "data",
        "senior",
        "junior",
        "internship",
        "intern",
        "engineer",
        "developer",
        "analyst",
        "summer",
        "fall",
        "spring",
        "winter",
        "graduate",
        "platform",
        "university",
        "business",
        "technical",
        "product",
    }
)
_NEVER_ALONE = frozenset(
    {
        "department",
        "partner",
        "partners",
        "deals",
        "group",
        "company",
        "office",
        "division",
        "solutions",
        "services",
        "systems",
        "technologies",
    }
)
_INNER_STOP = frozenset(
    {
        "careers",
        "career",
        "faq",
        "recruiting",
        "recruitment",
        "jobs",
        "hr",
        "talent",
        "team",
        "staffing",
        "internship",
        "internships",
        "platform",
        "-",
        "–",
        "|",
        "notification",
        "notifications",
        "workday",
        "via",
    }
)
_JOB_END = frozenset(
    {
        "engineering",
        "engineer",
        "developer",
        "development",
        "internship",
        "intern",
        "analyst",
        "program",
        "programme",
        "graduate",
        "scientist",
        "analytics",
    }
)
_JOB_START = frozenset(
    {
        "software",
        "engineering",
        "development",
        "data",
        "senior",
        "junior",
        "internship",
        "intern",
        "engineer",
        "developer",
        "analyst",
        "business",
        "technical",
        "product",
    }
)
_GLOBAL = re.compile(r"\s+Global(?=\s+(?:Talent|Human|HR|Recruit|Careers|People|Staffing))", re.I)
_SUFFIX = re.compile(
    r"[\s,]+(?:inc\.?|llc\.?|llp\.?|ltd\.?|limited|private limited|pvt\.? ltd\.?|"
    r"l\.l\.c\.|corp\.?|corporation|co\.|plc|gmbh|ag|s\.a\.|l\.p\.|n\.a\.|na)$",
    re.I,
)
_POSTAL = re.compile(r"p\.?\s?o\.?\s+box\b", re.I)  # "PO Box 1200": an address, not a name
_ROLE_END = re.compile(
    r"\b(?:engineer|analyst|developer|manager|intern|scientist|designer|specialist|coordinator|"
    r"associate|assistant|representative|technician|nurse|teacher|director|consultant|sde|"
    r"position|role|opening|opportunity|recruiter|ceo|cto|coo|cfo|vp|president|founder|"
    r"officer|lead|chair|head teacher|head of \w+|vp of \w+)s?\s*(?:I{1,3}|[1-3])?$|\d{3}",
    re.I,
)


def normalise_name(name: str) -> str:
    """A key to compare company names: lower case, no punctuation, article or legal suffix;
    "and" is "&" ("Pryor and Lowe" is "Pryor & Lowe")."""
    name = _SUFFIX.sub("", name.strip())
    key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    key = re.sub(r" and (?=\S)", " ", key)
    key = key[4:] if key.startswith("the ") else key
    return key[:-2] if key.endswith(" s") else key


def clean_name(raw: str) -> str | None:
    name = raw.strip(" \t,.:;!-|'\"’")
    name = _GLOBAL.sub("", re.sub(r"\s+", " ", name))
    for _ in range(4):
        stripped = _GENERIC_HEAD.sub("", _SUFFIX.sub("", _GENERIC.sub("", name))).strip(" ,-|()")
        if stripped == name:
            break
        name = stripped
    words = name.split()
    # "Acme Careers FAQ", "Acme University Recruiting", "Acme - ACM": what follows is not the name.
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _INNER_STOP:
            words = words[:i]
            break
    # "Amazon Software Development Engineering", "Ripple's Summer Internship": a job title
    # glued to the name. Cut only when the tail also ends like a job.
    if len(words) > 2 and words[-1].lower() in _JOB_END:
        for i, word in enumerate(words[1:-1], start=1):
            if word.lower() in _JOB_PART:
                words = words[:i]
                break
    while words and words[-1].lower() in _TAIL_WORDS:
        words.pop()
    name = " ".join(words)
    if not name or len(name) < 2 or name.lower() in PLATFORMS:
        return None
    name = re.sub(r"['’]s\s.*$", "", name)  # "Acme's Summer Internship"
    if name.lower() in _NEVER_ALONE:
        return None
    first = name.split()[0].lower()
    if first in _BAD_FIRST or (first in _JOB_START and len(name.split()) <= 2):
        return None
    if all(w.lower() in PLATFORMS for w in re.split(r"[\s.@-]+", name) if w):
        return None
    if re.fullmatch(r"[\d\W]+", name) or _ROLE_END.search(name) or _POSTAL.match(name):
        return None
    return name


# Words that end many company names, to split a name squeezed into an address when the
# email never spells it out: "tidewaterbrewing" is "Tidewater Brewing".
_NAME_ENDINGS = (
    "academy",
    "analytics",
    "apparel",
    "bakery",
    "bank",
    "bistro",
    "brewing",
    "builders",
    "capital",
    "cafe",
    "clinic",
    "college",
    "commerce",
    "construction",
    "consulting",
    "dental",
    "designs",
    "diagnostics",
    "energy",
    "engineering",
    "farms",
    "financial",
    "foods",
    "games",
    "group",
    "health",
    "healthcare",
    "homes",
    "hospital",
    "hotels",
    "industries",
    "insurance",
    "labs",
    "law",
    "logistics",
    "media",
    "medical",
    "motors",
    "networks",
    "partners",
    "pharma",
    "realty",
    "robotics",
    "school",
    "schools",
    "security",
    "services",
    "shipping",
    "software",
    "solar",
    "solutions",
    "sports",
    "staffing",
    "stores",
    "studios",
    "systems",
    "technologies",
    "therapy",
    "travel",
    "trust",
    "university",
    "ventures",
    "wellness",
)


def unsqueeze(squeezed: str) -> str:
    """ "tidewaterbrewing" -> "Tidewater Brewing"; a word it cannot split stays whole."""
    for ending in sorted(_NAME_ENDINGS, key=len, reverse=True):
        stem = squeezed[: -len(ending)]
        if squeezed.endswith(ending) and len(stem) >= 3:
            return f"{stem.capitalize()} {ending.capitalize()}"
    return squeezed.capitalize()
