"""Company names: the words that are never a company (platforms, generic mail words), and the
cleaning that turns a display name or a phrase into a comparable company name. The word lists
are data files in ``understand/words/``, read once when first needed."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache

from onward.understand.legal_forms import strip_legal_form
from onward.wordlists import word_list, word_set

__all__ = ["clean_name", "normalise_name", "platforms", "unsqueeze"]


def platforms() -> frozenset[str]:
    """Words that are never a company on their own: applicant-tracking systems, job boards,
    mail providers and the generic words of automated mail (``words/platforms.txt``)."""
    return word_set("onward.understand", "platforms")


@dataclass(frozen=True)
class _Words:
    """The word lists ``clean_name`` reads, from ``understand/words/`` (each file says what it
    holds), read once and bound together so a call looks each up as an attribute."""

    platforms: frozenset[str]
    inner_stop: frozenset[str]
    job_end: frozenset[str]
    job_part: frozenset[str]
    trailing: frozenset[str]
    never_alone: frozenset[str]
    not_first: frozenset[str]
    job_start: frozenset[str]
    job_nouns: frozenset[str]
    places: frozenset[str]


@cache
def _words() -> _Words:
    names = [f.name for f in fields(_Words)]
    return _Words(*(word_set("onward.understand", name) for name in names))


@cache
def _endings_longest_first() -> tuple[str, ...]:
    """``words/name_endings.txt``: words that end many company names, longest first."""
    return tuple(sorted(word_list("onward.understand", "name_endings"), key=len, reverse=True))


_GENERIC = re.compile(
    r"\b(?:talent acquisition|human resources|university recruiting|campus recruiting|"
    r"people (?:team|operations)|hiring team|"
    r"recruiting team|recruitment team|careers? team|talent team|talent partner|global talent|"
    r"recruiting|"
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
_GLOBAL = re.compile(r"\s+Global(?=\s+(?:Talent|Human|HR|Recruit|Careers|People|Staffing))", re.I)
# "St Anne's School", "Guy's Hospital": a possessive that belongs to the name.
_PLACE_AFTER_POSSESSIVE = re.compile(
    r"['’]s\s+(?:school|college|hospital|hospice|academy|church|surgery|primary|university|"
    r"nursery|infant|junior|high|centre|center|home|trust|clinic|kitchen|bakery|cafe)\b",
    re.I,
)
# A word that is an encoded fragment, not a name: letters and digits of both cases mixed
# ("dGhpc0lzQmFzZTY0"), or a long run with several capitals inside and no vowel pattern.
_ENCODED = re.compile(
    r"(?=[\w+/=]*\d)(?=[\w+/=]*[a-z])(?=[\w+/=]*[A-Z])[\w+/]{8,}={0,2}"
    r"|(?=(?:\w*?[a-z]\w*?[A-Z]){3})[A-Za-z0-9+/]{12,}={0,2}"
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
    name = strip_legal_form(name.strip())
    key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    key = re.sub(r" and (?=\S)", " ", key)
    key = key[4:] if key.startswith("the ") else key
    return key[:-2] if key.endswith(" s") else key


def clean_name(raw: str) -> str | None:
    w = _words()
    name = raw.strip(" \t,.:;!-|'\"’")
    name = _GLOBAL.sub("", re.sub(r"\s+", " ", name))
    for _ in range(4):
        stripped = _GENERIC_HEAD.sub("", strip_legal_form(_GENERIC.sub("", name))).strip(" ,-|()")
        if stripped == name:
            break
        name = stripped
    words = name.split()
    # "Acme Careers FAQ", "Acme University Recruiting", "Acme - ACM": what follows is not the name.
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in w.inner_stop:
            words = words[:i]
            break
    # "Amazon Software Development Engineering", "Ripple's Summer Internship": a job title
    # glued to the name. Cut only when the tail also ends like a job.
    if len(words) > 2 and words[-1].lower() in w.job_end:
        for i, word in enumerate(words[1:-1], start=1):
            if word.lower() in w.job_part:
                words = words[:i]
                break
    while words and words[-1].lower() in w.trailing:
        words.pop()
    name = " ".join(words)
    if not name or len(name) < 2 or name.lower() in w.platforms:
        return None
    if not _PLACE_AFTER_POSSESSIVE.search(name):
        name = re.sub(r"['’]s\s.*$", "", name)  # "Acme's Summer Internship"
    if name.lower() in w.never_alone:
        return None
    first = name.split()[0].lower()
    if first in w.not_first or (first in w.job_start and len(name.split()) <= 2):
        return None
    if all(x.lower() in w.platforms for x in re.split(r"[\s.@-]+", name) if x):
        return None
    if re.fullmatch(r"[\d\W]+", name) or _ROLE_END.search(name) or _POSTAL.match(name):
        return None
    if name.lower() in w.places or any(_ENCODED.fullmatch(word) for word in name.split()):
        return None  # a place, or a base64 or tracking fragment ("aGVsbG8gV29ybGQ")
    return _without_job(name, w)


def _without_job(name: str, w: _Words) -> str | None:
    """A name that ends with a job title: "Claims Handler" is a job, not a company;
    "Harbour Airlines Pilot" is Harbour Airlines' pilot job."""
    words = name.split()
    if words[-1].lower() not in w.job_nouns:
        return name
    while words and (words[-1].lower() in w.job_nouns or words[-1].lower() in w.job_part):
        words.pop()
    if len(words) >= 2 and words[-1].lower() in _name_endings():
        return " ".join(words)
    return None


@cache
def _name_endings() -> frozenset[str]:
    return frozenset(_endings_longest_first())


def unsqueeze(squeezed: str) -> str:
    """ "tidewaterbrewing" -> "Tidewater Brewing"; a word it cannot split stays whole."""
    for ending in _endings_longest_first():
        stem = squeezed[: -len(ending)]
        if squeezed.endswith(ending) and len(stem) >= 3:
            return f"{stem.capitalize()} {ending.capitalize()}"
    return squeezed.capitalize()
