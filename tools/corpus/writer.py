"""A writer of the voices corpus (``tools.corpus.voices``): one family, with the habits and
sentences it keeps, and what every kind of writer shares (greetings, sign-offs, UK or US
spelling)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

Example = dict[str, Any]

GREETINGS = {
    "formal": ["Dear {cand},", "Dear {cand} {last},", "Dear Applicant,", "Dear Candidate,"],
    "warm": ["Hi {cand},", "Hello {cand},", "Hi {cand} -", "Good morning {cand},"],
    "casual": ["Hey {cand}!", "{cand},", "Hiya,", ""],
}
SIGNOFFS = {
    "formal": ["Yours sincerely,", "Kind regards,", "Regards,", "With best wishes,"],
    "warm": ["Best,", "Thanks,", "All the best,", "Warmly,", "Cheers,"],
    "casual": ["Thanks!", "- ", "Speak soon", "cheers"],
}
UK_TO_US = [
    ("CV", "resume"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("shortlisted", "selected"),
    ("colleague", "coworker"),
    ("holiday", "vacation"),
]
US_TO_UK = [("resume", "CV"), ("organization", "organisation"), ("color", "colour")]


def localise(text: str, country: str) -> str:
    pairs = US_TO_UK if country == "uk" else UK_TO_US
    for a, b in pairs:
        text = re.sub(rf"\b{a}\b", b, text)
    return text


def pick(rng: random.Random, bank: list[Any], k: int) -> list[Any]:
    return rng.sample(bank, min(k, len(bank)))


@dataclass
class Writer:
    """One family: who writes, and the habits and sentences they keep."""

    family: str
    kind: str  # ats, manager, hr, agency, or an everyday kind
    employer: tuple[str, str, str, str] | None
    sender: str
    tone: str
    country: str
    length: int  # 0 one line, 1 short, 2 normal, 3 long
    html: float
    me: str
    bank: dict[str, Any] = field(default_factory=dict)
