"""Which form of a company's name to give when an email uses several.

The votes of ``extract_company`` are keyed by a comparable form of each name
(``normalise_name``). One company often appears under several keys: a formal name and the
name it goes by ("Quendle Technologies" and "Quendle"), a brand and a sub-brand ("Acme"
and "Acme Cloud"), an acronym and its spelling ("BCBSAZ" and "Blue Cross Blue Shield of
Arizona"). These rules fold such keys together so that the votes of one company count once,
and decide which form stands for it.
"""

from __future__ import annotations

import re

__all__ = ["DESCRIPTORS", "abbreviates", "fold_forms", "initials"]

# Words a formal name adds to the name a company goes by: "Quendle Technologies",
# "The Harrowgate Company", "Brisco Motor Company", "Tarn Automotive". When the email also
# uses the bare name on its own, the bare name is what people call the company.
DESCRIPTORS = frozenset(
    {
        "technologies",
        "analytics",
        "automotive",
        "company",
        "corporation",
        "incorporated",
        "holdings",
        "enterprises",
        "investments",
    }
)
# A descriptor may be led by one more word of the formal name: "Motor Company".
_DESCRIPTOR_LEAD = frozenset({"motor", "motors", "holding", "investment"})
_LITTLE = frozenset({"of", "and", "the", "for", "de"})
# A long form supports the short one it contains ("Acme Cloud" and "Acme"): a sub-brand or a
# fuller name is the more specific reading of the same company.
_CONTAINED_SUPPORT = 0.6


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _LITTLE)


def abbreviates(letters: str, full: str) -> bool:
    """ "ctc" abbreviates "canadian tire corporation", "bcbsaz" "blue cross blue shield of
    arizona": each letter starts the next word or comes later in the current one."""
    if initials(full).startswith(letters):
        return True
    words = [w for w in full.split() if w not in _LITTLE]
    wi, pos = -1, 0
    for ch in letters:
        if wi + 1 < len(words) and words[wi + 1].startswith(ch):
            wi, pos = wi + 1, 1
        elif wi >= 0 and ch in words[wi][pos:]:
            pos = words[wi].index(ch, pos) + 1
        else:
            return False
    return wi >= 1


def _acronym_letters(key: str) -> str | None:
    """The letters of a key that can be an acronym: "bcg", or "j j" from "J&J"."""
    parts = key.split()
    if len(parts) == 1:
        letters = parts[0]
    elif all(len(p) == 1 for p in parts):
        letters = "".join(parts)
    else:
        return None
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() else None


def _move(
    weights: dict[str, float], forms: dict[str, dict[str, float]], src: str, dst: str
) -> None:
    """The votes of ``src`` go to ``dst``; the name is still written the way ``dst`` is."""
    weights[dst] += weights.pop(src)
    forms.pop(src, None)


def _is_descriptor_tail(tail: list[str]) -> bool:
    if not tail or tail[-1] not in DESCRIPTORS or len(tail) > 2:
        return False
    return len(tail) == 1 or tail[0] in _DESCRIPTOR_LEAD


def _fold_descriptors(weights: dict[str, float], forms: dict[str, dict[str, float]]) -> None:
    """ "Quendle Technologies" counts for "Quendle" when the email also says "Quendle"
    alone; "McKinsey & Company" keeps its "& Company", which is part of the name."""
    for long in sorted(weights, key=len, reverse=True):
        words = long.split()
        for size in range(len(words) - 1, 0, -1):
            short = " ".join(words[:size])
            if short in weights and _is_descriptor_tail(words[size:]):
                if not any(re.search(r"&\s*\w+$", form) for form in forms[long]):
                    _move(weights, forms, long, short)
                break


def _fold_global(weights: dict[str, float], forms: dict[str, dict[str, float]], text: str) -> None:
    """ "Global" is a descriptor too, and "Acme Global Talent" is Acme's talent team: when
    the email calls the company by the bare name anywhere ("roles at Acme"), the bare name
    it is; when it never does ("a career at Pelora Global"), the name keeps "Global"."""
    for long in [k for k in weights if k.endswith(" global") and k[:-7] in weights]:
        short = long[:-7]
        bare = any(
            re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])(?!\s+Global\b)", text)
            for form in forms[short]
        )
        if bare:
            _move(weights, forms, long, short)
        else:
            _move(weights, forms, short, long)


def _fold_acronyms(
    weights: dict[str, float], forms: dict[str, dict[str, float]], subject: str
) -> None:
    """ "JET" and "Just Eat Takeaway.com", "J&J" and "Johnson & Johnson" are one company.
    The spelled-out name is the more useful form, unless the subject line itself uses the
    acronym and not the spelling ("KPG Application Confirmation"): then the company goes by
    its acronym."""
    lowered = subject.lower()
    for short in list(weights):
        letters = _acronym_letters(short)
        if letters is None or short not in weights:
            continue
        for full in list(weights):
            if full == short or len(full.split()) < 2 or not abbreviates(letters, full):
                continue
            acronym_in_subject = any(
                re.search(rf"(?<!\w){re.escape(f.lower())}(?!\w)", lowered) for f in forms[short]
            )
            spelled_in_subject = any(f.lower() in lowered for f in forms[full])
            if acronym_in_subject and not spelled_in_subject:
                _move(weights, forms, full, short)
            else:
                _move(weights, forms, short, full)
            break


def _support_contained(weights: dict[str, float], forms: dict[str, dict[str, float]]) -> None:
    """A short form ("Acme", "KRX") supports the fuller name that begins or ends with it
    ("Acme Data", "Talla KRX"); a name ends another only when that one starts with a
    capital, as names do."""
    base = dict(weights)
    for key, weight in base.items():
        for other in base:
            if other == key:
                continue
            ends = other.endswith(" " + key) and any(f[:1].isupper() for f in forms[other])
            if other.startswith(key + " ") or ends:
                weights[other] += weight * _CONTAINED_SUPPORT


def fold_forms(
    weights: dict[str, float],
    forms: dict[str, dict[str, float]],
    subject: str,
    text: str,
) -> None:
    """Fold the keys of one company together, in place."""
    _fold_descriptors(weights, forms)
    _fold_global(weights, forms, f"{subject}\n{text}")
    _support_contained(weights, forms)
    _fold_acronyms(weights, forms, subject)
