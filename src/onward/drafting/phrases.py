"""Phrasing that tends to hurt the person sending it, and how to spot it.

Text is normalised before matching: Unicode compatibility forms, curly quotes and apostrophes
made straight, lower case, runs of whitespace made single. Patterns then allow the common
variants ("I'm"/"I am", "who did you hire"/"who you hired").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from onward.drafting.models import Severity

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})

_I_AM = r"i(?:'m| am)"
_WAS = r"(?:was|were|has been|had been|got)"


def normalise(text: str) -> str:
    """Text folded for phrase matching."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_QUOTES)
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class PhraseRule:
    code: str
    severity: Severity
    patterns: tuple[re.Pattern[str], ...]
    advice: str

    def matches(self, normalised: str) -> list[str]:
        """The phrases found, in the order they appear."""
        found = [(m.start(), m.group()) for p in self.patterns for m in p.finditer(normalised)]
        return [text for _, text in sorted(found)]


def _rule(code: str, severity: Severity, advice: str, *patterns: str) -> PhraseRule:
    compiled = tuple(re.compile(rf"\b{p}\b") for p in patterns)
    return PhraseRule(code, severity, compiled, advice)


PHRASE_RULES: tuple[PhraseRule, ...] = (
    _rule(
        "asks_to_reconsider",
        Severity.ERROR,
        "asking them to reverse the decision rarely works and can close the door; "
        "thank them and ask to stay in touch instead",
        r"reconsider(?:s|ed|ing|ation)?",
        r"re-consider(?:s|ed|ing|ation)?",
        r"chang(?:e|ing) your minds?",
        r"give me (?:another|a second|one more) (?:chance|shot|try|look)",
        r"revisit (?:your|the|this) decision",
    ),
    _rule(
        "blame_or_sarcasm",
        Severity.ERROR,
        "blame or sarcasm will be remembered longer than the rest of the message",
        r"your loss",
        r"clearly,? you",
        r"i guess",
        r"obviously",
        r"(?:a )?(?:complete |total )?waste of (?:my|our) time",
        r"wasted my time",
        r"thanks for nothing",
        r"good luck finding",
    ),
    _rule(
        "self_deprecation",
        Severity.WARNING,
        "you do not owe them an apology for being yourself; one rejection is not a verdict on "
        "you, so leave this out",
        rf"(?:i know |i guess |i realise |i realize )?{_I_AM} (?:just |simply |probably )?"
        r"not good enough",
        rf"{_I_AM} sorry (?:that |for )?(?:i )?wast(?:ed|ing)",
        r"i was (?:so |really |just )?(?:terrible|awful|hopeless|useless|a disaster)",
        rf"{_I_AM} (?:such )?(?:an idiot|a failure|hopeless|useless)",
        r"i (?:completely |totally )?(?:blew|bombed|messed up|screwed up) (?:it|the interview)",
    ),
    _rule(
        "asks_who_was_hired",
        Severity.ERROR,
        "who got the job is confidential and asking puts the reader in an awkward spot",
        r"who (?:did you|you|have you|you've|you have) "
        r"(?:hire|hired|choose|chose|chosen|pick|picked|select|selected|go with|went with|offer)",
        rf"who {_WAS} (?:hired|selected|chosen|picked|offered)",
        r"who (?:got|gets|landed|won) the (?:job|role|position|offer)",
        r"successful (?:candidate|applicant)(?:'s|s|s')",
        r"(?:who|about|of) (?:the )?successful (?:candidate|applicant)",
    ),
)

_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apology|apologies)\b")
MAX_APOLOGIES = 1


def count_apologies(normalised: str) -> int:
    return len(_APOLOGY.findall(normalised))
