"""Company and role names as keys for matching mail to applications.

"Stripe Recruiting", "Stripe, Inc." and "Stripe Careers" are one company: ``company_key``
drops case, accents, punctuation, legal suffixes and the words recruiting teams add to their
name. Senders on applicant-tracking systems and job boards (Workday, Greenhouse, Lever,
iCIMS, LinkedIn, ...) say nothing about the company; ``is_platform_domain`` tells them apart
so only the text is trusted for the name.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "PLATFORM_DOMAINS",
    "company_from_domain",
    "company_key",
    "is_platform_domain",
    "role_key",
    "role_levels",
]

_LEGAL = {
    "inc", "incorporated", "llc", "l l c", "ltd", "limited", "corp", "corporation", "co",
    "company", "plc", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "oy", "ab", "as", "spa",
    "srl", "pty", "pte", "kk", "llp", "lp", "group", "holdings", "technologies",
}  # fmt: skip
_TEAM = {
    "recruiting", "recruitment", "recruiter", "recruiters", "careers", "career", "jobs",
    "talent", "acquisition", "hiring", "team", "hr", "people", "university", "campus",
    "early", "notifications", "noreply", "and",
}  # fmt: skip
#: Applicant-tracking systems, job boards and mail services: the sender is not the company.
PLATFORM_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com",
    "myworkdayjobs.com", "workday.com", "icims.com", "linkedin.com", "indeed.com",
    "smartrecruiters.com", "ashbyhq.com", "jobvite.com", "workablemail.com", "workable.com",
    "taleo.net", "successfactors.com", "breezy.hr", "bamboohr.com", "recruitee.com",
    "teamtailor.com", "personio.de", "personio.com", "jazzhr.com", "applytojob.com",
    "glassdoor.com", "ziprecruiter.com", "hirevue.com", "codility.com", "hackerrank.com",
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
    "proton.me", "protonmail.com", "fastmail.com", "gmx.de", "web.de", "aol.com",
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_LEVELS = {
    "intern": "intern", "internship": "intern", "junior": "junior", "jr": "junior",
    "associate": "associate", "senior": "senior", "sr": "senior", "staff": "staff",
    "principal": "principal", "lead": "lead", "head": "head", "director": "director",
    "manager": "manager", "vp": "vp", "chief": "chief", "i": "1", "ii": "2", "iii": "3",
    "iv": "4", "1": "1", "2": "2", "3": "3", "4": "4", "graduate": "graduate",
}  # fmt: skip
_ROLE_NOISE = {"the", "a", "an", "role", "position", "opening", "job", "for", "of", "remote"}
_ROLE_SPELLING = {"backend": "back end", "frontend": "front end", "fullstack": "full stack"}


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(plain.replace("&", " and "))


def company_key(name: str | None) -> str:
    """The matching key of a company name: "Stripe, Inc." and "Stripe Careers" → "stripe".

    Words are dropped from the end (legal forms, team words) and "the" from the start, but
    never the first word ("Recruiting Inc." keeps "recruiting").
    """
    words = _ascii_words(name or "")
    if not words:
        return ""
    kept = list(words)
    while len(kept) > 1 and (kept[-1] in _LEGAL or kept[-1] in _TEAM):
        kept.pop()
    if len(kept) > 1 and kept[0] == "the":
        kept.pop(0)
    return " ".join(kept)


def is_platform_domain(domain: str) -> bool:
    """True for an applicant-tracking system, job board or mail service (or a subdomain)."""
    domain = domain.lower().strip(".")
    return any(domain == d or domain.endswith("." + d) for d in PLATFORM_DOMAINS)


def company_from_domain(address: str) -> str:
    """The company key a sender's address suggests ("jobs@mail.stripe.com" → "stripe"),
    or "" for platforms and mail services."""
    domain = address.rpartition("@")[2].lower()
    if not domain or is_platform_domain(domain):
        return ""
    labels = [x for x in domain.split(".") if x]
    if len(labels) < 2:
        return ""
    # the registrable name: the label before the public suffix (co.uk, com.au: one more)
    if (
        len(labels) >= 3
        and labels[-2] in ("co", "com", "ac", "org", "net")
        and len(labels[-1]) == 2
    ):
        name = labels[-3]
    else:
        name = labels[-2]
    return company_key(name.replace("-", " "))


def role_key(role: str | None) -> str:
    """A role title without case, punctuation or filler words, spellings made one."""
    text = " ".join(_ascii_words(role or ""))
    for variant, common in _ROLE_SPELLING.items():
        text = re.sub(rf"\b{variant}\b", common, text)
    return " ".join(w for w in text.split() if w not in _ROLE_NOISE)


def role_levels(key: str) -> frozenset[str]:
    """The seniority words of a role key: two roles that differ in them are different jobs."""
    return frozenset(_LEVELS[w] for w in key.split() if w in _LEVELS)
