"""Role family and seniority read from a job title, for the insights cuts.

A deliberately small keyword reading: titles are short and people write them in many ways, so
anything unclear falls into "other" (family) or "mid-level" (seniority) rather than a guess.
It covers non-tech work (nursing, retail, teaching, trades) as well as tech.
"""

from __future__ import annotations

import re

#: (family, words); the first family with a matching word wins, so specific ones come first.
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("data", ("data", "analytics", "analyst", "machine learning", "ml", "scientist", "bi")),
    ("design", ("design", "designer", "ux", "ui", "researcher", "illustrator")),
    ("product", ("product", "program manager", "programme manager", "scrum", "owner")),
    (
        "engineering",
        (
            "engineer",
            "engineering",
            "developer",
            "software",
            "devops",
            "sre",
            "programmer",
            "architect",
            "qa",
            "tester",
            "backend",
            "frontend",
            "full stack",
            "fullstack",
        ),
    ),
    (
        "healthcare",
        ("nurse", "nursing", "rn", "carer", "care assistant", "midwife", "clinical", "pharmac"),
    ),
    ("education", ("teacher", "teaching", "tutor", "lecturer", "instructor", "educator")),
    ("retail", ("retail", "store", "shop", "cashier", "merchandis", "sales assistant")),
    ("sales", ("sales", "account executive", "account manager", "business development", "sdr")),
    ("marketing", ("marketing", "content", "seo", "brand", "communications", "social media")),
    ("support", ("support", "customer success", "customer service", "helpdesk", "help desk")),
    ("finance", ("finance", "accountant", "accounting", "bookkeeper", "controller", "auditor")),
    ("people", ("hr", "human resources", "recruiter", "talent", "people partner")),
    ("operations", ("operations", "logistics", "supply chain", "warehouse", "coordinator")),
)

#: Seniority, most senior first: "senior engineering manager" is a manager.
SENIORITY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("director+", ("director", "vp", "vice president", "head of", "chief", "cto", "ceo")),
    ("manager", ("manager", "management")),
    ("lead", ("lead", "staff", "principal", "team leader")),
    ("senior", ("senior", "sr", "snr", "experienced", "iii")),
    ("junior", ("junior", "jr", "graduate", "entry", "trainee", "apprentice")),
    ("intern", ("intern", "internship", "placement", "student")),
)

_WORDS = re.compile(r"[a-z0-9]+")


def _padded(title: str) -> str:
    return " " + " ".join(_WORDS.findall(title.lower())) + " "


def _matches(padded: str, word: str) -> bool:
    if word.endswith(("merchandis", "pharmac")):  # stems: match the start of a word
        return f" {word}" in padded
    return f" {word} " in padded


def role_family(title: str) -> str:
    """``"Senior Backend Engineer"`` → ``engineering``; ``"Staff Nurse"`` → ``healthcare``."""
    padded = _padded(title)
    for family, words in FAMILIES:
        if any(_matches(padded, w) for w in words):
            return family
    return "other"


def seniority(title: str) -> str:
    """``"Senior Backend Engineer"`` → ``senior``; no marker → ``mid-level``."""
    padded = _padded(title).replace(" staff nurse ", " nurse ")  # an NHS grade, not "staff+"
    for level, words in SENIORITY:
        if any(_matches(padded, w) for w in words):
            return level
    return "mid-level"
