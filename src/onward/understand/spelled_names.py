"""The words a squeezed address stands for: "statefarm" is "State Farm" where the email
spells it, and "Beacon Vale NHS Trust" where a signature or letterhead line writes the name
of beaconvale.com in full."""

from __future__ import annotations

import re

from onward.understand.company_forms import abbreviates
from onward.understand.names import clean_name

__all__ = ["TOKEN", "spelled_out"]

#: A capitalised word, or a camel-cased one ("eBay", "ePartners").
TOKEN = r"(?:St\.|(?:[A-Z0-9]|[a-z](?=[A-Z]))(?:[\w&'’-]|\.(?=\w))*)"
_CAPITALISED_RUN = re.compile(TOKEN + r"(?:[ \t]+(?:&|and|" + TOKEN + r")){0,4}")


def spelled_out(hint: str, text: str) -> str | None:
    """The words of the text that the address squeezes together: "statefarm" is "State Farm",
    "bluefernhealth" is "Blue Fern Health"; a line of its own, as a signature or a letterhead
    writes the name in full, may go on past them ("Beacon Vale NHS Trust" of beaconvale.com,
    "Cresswell Building Society" of cresswellbs.com)."""
    if len(hint) < 4:
        return None
    if (whole := _name_line(hint, text)) is not None:
        return whole
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        for i in range(len(words)):
            squashed = ""
            for j in range(i, len(words)):
                squashed += _squash(words[j])
                if squashed == hint and j > i:
                    return " ".join(words[i : j + 1])
                if not hint.startswith(squashed):
                    break
    return None


_TAG = re.compile(r"<[^>]*>")


def _squash(word: str) -> str:
    """A word as an address writes it: lower case, letters and digits only, "&" as "and"."""
    return "and" if word == "&" else re.sub(r"[^a-z0-9]", "", word.lower())


def _name_line(hint: str, text: str) -> str | None:
    """A line that is a name of two to six words and nothing else, whose first words the
    address spells ("fernhollow": "Fernhollow Software") or whose words it abbreviates."""
    for line in text.splitlines():
        plain = _TAG.sub(" ", line).strip(" \t[](),.:;")
        run = _CAPITALISED_RUN.fullmatch(plain) if plain else None
        words = plain.split() if run else []
        if not 2 <= len(words) <= 6:
            continue
        spelled = [_squash(w) for w in words]
        opening = ["".join(spelled[:k]) for k in range(1, len(words))]
        first_spelled = len(opening[0]) >= 4 and hint.startswith(opening[0])
        fits = first_spelled and (hint in opening or abbreviates(hint, " ".join(spelled)))
        if fits and clean_name(plain) is not None:  # "Marsh Mutual Job Opening" is no name
            return " ".join(words)
    return None
