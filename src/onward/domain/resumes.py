"""Resumes: the versions a person keeps, and how a version is named.

Each imported file becomes a new version (1, 2, 3, ... per person), optionally with a label
("nursing", "2026 short"). Versions are never overwritten, so an application can always be
compared against the resume that was actually sent. An application's ``resume_version`` (free
text the person typed) names a version by number ("2", "v2") or by label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from onward.errors import Action, Hint, InvalidInput, NotFound

MAX_LABEL = 100
_VERSION_REF = re.compile(r"^v?(\d+)$", re.IGNORECASE)


class ResumeFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "markdown"
    TEXT = "text"
    JSON_RESUME = "json_resume"


@dataclass(frozen=True)
class Resume:
    """One saved version: the text read from the file, and where it came from."""

    id: int
    version: int
    label: str | None
    filename: str
    format: ResumeFormat
    text: str
    sha256: str
    created_at: datetime

    @property
    def name(self) -> str:
        """How Onward refers to it: ``v2`` or ``v2 (nursing)``."""
        return f"v{self.version}" + (f" ({self.label})" if self.label else "")


def validate_label(label: str | None) -> str | None:
    """A label trimmed, or None; one that looks like a version number is refused."""
    if label is None or not label.strip():
        return None
    label = " ".join(label.split())
    if len(label) > MAX_LABEL:
        raise InvalidInput(f"a resume label is at most {MAX_LABEL} characters")
    if _VERSION_REF.match(label):
        raise InvalidInput(
            f"the label {label!r} looks like a version number",
            field="label",
            hint=Hint(Action.FILL_IN, {"field": "label"}, text="use words, e.g. 'data roles'"),
        )
    return label


def find_version(resumes: Sequence[Resume], wanted: str) -> Resume | None:
    """The version ``wanted`` names ("3", "v3" or a label, any case), if any."""
    wanted = wanted.strip()
    number = _VERSION_REF.match(wanted)
    for resume in resumes:
        if number and resume.version == int(number.group(1)):
            return resume
        if resume.label and resume.label.casefold() == wanted.casefold():
            return resume
    return None


def pick_version(resumes: Sequence[Resume], wanted: str | None) -> Resume:
    """The version asked for, or the newest when ``wanted`` is None; NotFound explains."""
    if not resumes:
        raise NotFound("no resume saved yet", hint=Hint(Action.ADD_RESUME))
    if wanted is None:
        return max(resumes, key=lambda r: r.version)
    found = find_version(resumes, wanted)
    if found is None:
        raise NotFound(f"no resume version {wanted!r}", hint=Hint(Action.LIST_RESUMES))
    return found
