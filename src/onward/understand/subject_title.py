"""The job title a subject line names, when the subject is one and nothing else: the job-mail
gate counts it as a job word ("Re: Planning Officer" above a two-line note)."""

from __future__ import annotations

import re
from functools import cache

from onward.wordlists import word_set

__all__ = ["title_subject"]

_SUBJECT_TITLE = re.compile(
    r"(?:(?:re|fwd?|aw): ?)*([a-z][a-z0-9&/ -]{1,60}?)(?: - |, | \(|\||:|$)"
)


#: Words of a sentence, not of a title: "Meeting with the director" is no job title.
_NOT_IN_TITLE = frozenset(
    {"the", "a", "an", "with", "from", "at", "to", "for", "my", "your", "our", "his", "her"}
    | {"their", "this", "that", "hello", "hi", "meet", "meeting", "about", "new", "thanks"}
    | {"thank", "update", "news"}
)


def title_subject(text: str) -> str | None:
    """The job title when the subject line (the second line of the model text) is one and
    nothing else ("Re: Planning Officer", "Dental Nurse, Part Time"): two to six words ending
    with a word that ends job titles (``words/title_heads.txt``, ``job_nouns``, ``job_end``)."""
    lines = text.split("\n", 2)
    found = _SUBJECT_TITLE.match(lines[1].strip()) if len(lines) > 1 else None
    if found is None:
        return None
    title = found.group(1).strip()
    words = title.split()
    if not 1 <= len(words) <= 6 or words[-1] not in _title_heads():
        return None
    return title if _NOT_IN_TITLE.isdisjoint(words) else None


@cache
def _title_heads() -> frozenset[str]:
    lists = ("title_heads", "job_end", "job_nouns")
    return frozenset().union(*(word_set("onward.understand", name) for name in lists))
