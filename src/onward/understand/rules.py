"""High-precision phrase rules: a few patterns per label, each worth a fixed boost.

A rule is evidence, not a verdict: its boost is added to the model's log-probability. Guards
drop matches that only look like a decision ("if you are not selected, ..."), and a redirect
("not selected for this role, but we'd like to consider you for another") cancels rejection.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol, cast

from onward.domain.emails import EmailLabel
from onward.wordlists import word_list

__all__ = ["RULE_SPAN", "RuleHit", "apply_rules", "uses_re2"]

RULE_SPAN = 1500

L = EmailLabel

_re2: ModuleType | None
try:
    _re2 = importlib.import_module("re2")
except ImportError:  # pragma: no cover - optional accelerator
    _re2 = None


@dataclass(frozen=True)
class RuleHit:
    label: EmailLabel
    phrase: str
    boost: float
    #: Where the phrase is in the text the rules read (-1 when unknown).
    start: int = -1
    end: int = -1


class _Match(Protocol):
    def start(self) -> int: ...

    def end(self) -> int: ...


class _Pattern(Protocol):
    """A compiled pattern of RE2 (reads str or bytes) or of ``re`` (reads str)."""

    def finditer(self, text: Any) -> Iterator[_Match]: ...

    def search(self, text: Any, pos: int = ...) -> _Match | None: ...

    @property
    def pattern(self) -> str: ...


def _re2_options() -> Any:
    """RE2 builds its DFA lazily, state by state, within a memory budget; the default (8 MB)
    is small for the larger rule groups, whose DFA was then thrown away and rebuilt while
    reading mail. 64 MB is an upper bound, taken only as states are built."""
    assert _re2 is not None
    options = _re2.Options()
    options.max_mem = 64 << 20
    return options


def _rx(*parts: str) -> _Pattern:
    """One pattern from alternatives over lowered text.

    With google-re2 installed (a DFA engine, see docs/decisions) the alternatives are matched
    about ten times faster; otherwise the standard library runs the same patterns. A leading
    ``\\b`` is dropped so either engine can skip ahead by first character; ``apply_rules``
    checks the word boundary itself.
    """
    source = "|".join(f"(?:{p.removeprefix(chr(92) + 'b')})" for p in parts)
    if _re2 is not None:
        try:
            return cast(_Pattern, _re2.compile(source, _re2_options()))
        except Exception:  # pragma: no cover - a pattern RE2 cannot take falls back to re
            pass
    return cast(_Pattern, re.compile(source))


#: Each label's phrases and the boost a match adds. The phrases are data
#: (``words/phrases_<label>.txt``, one regular expression a line, with notes).
_BOOSTS: dict[EmailLabel, float] = {
    L.REJECTION: 3.0,
    L.OFFER: 2.5,
    L.INTERVIEW: 1.5,
    L.ASSESSMENT: 1.5,
    L.APPLICATION_RECEIVED: 1.2,
    L.OTHER: 1.5,
}
_RULES: list[tuple[EmailLabel, float, _Pattern]] = [
    (label, boost, _rx(*word_list("onward.understand", f"phrases_{label.value}")))
    for label, boost in _BOOSTS.items()
]

# A decision phrase inside a condition or an unrelated clause is not a decision.
_GUARD = re.compile(
    r"\b(?:if|whether|should|in case|once|until|unless|means|may|might)\b"
    r"[^.!?\n]{0,80}$",
    re.I,
)
_GUARD_STEP = re.compile(
    r"(?:^|[^\w'])(?:if|should (?:we|you|the|your|a|an)|in case|unless|whether)\b[^.!?\n]{0,80}$",
    re.I,
)
_REDIRECT = _rx(
    r"\b(?:consider(?:ing)?|interview(?:ing)?|move) you (?:forward )?for (?:\w+ ){0,6}"
    r"(?:role|position|opening|team)s? instead",
    r"\bmov(?:e|ed|ing) (?:you|your application|your profile) (?:forward )?(?:to|for) "
    r"(?:the|our|an?|another) (?:\w+ ){0,5}(?:role|position|opening) (?:instead|which)",
    r"\b(?:but|however)[^.]{0,60}(?:like|love|want) to (?:interview you|move you forward) "
    r"(?:to \w+ )?for ",
    # "We were not able to offer you the senior post, but would like to invite you to
    # interview for ..." (an invitation to the talent pool after a no stays a no).
    r"\b(?:but|however)[^.]{0,80}(?:like|love|want|happy|pleased|glad) to (?:invite you (?:to|"
    r"for) (?:an? |the )?(?:\w+ ){0,2}(?:interview|assessment|screen|conversation)|offer you "
    r"(?:an?|the) (?:\w+ ){0,2}(?:role|position|post|job))",
)


#: Labels whose phrases say nothing inside a condition: "should we decide to move forward, we
#: will schedule a phone screen" schedules nothing.
_GUARDED = frozenset({L.REJECTION, L.INTERVIEW, L.ASSESSMENT, L.OFFER})


def _sentence_start(text: str, pos: int) -> int:
    cut = max(
        text.rfind(".", 0, pos),
        text.rfind("\n", 0, pos),
        text.rfind("!", 0, pos),
        text.rfind("?", 0, pos),
    )
    return cut + 1


def uses_re2() -> bool:
    """Whether the rules run on RE2 (fast) rather than the standard library's ``re``."""
    return _re2 is not None


def _glued(text: str, start: int) -> bool:
    """True when a match starts inside a word (the word boundary the patterns left out)."""
    return start > 0 and text[start - 1].isalnum() and not text.startswith("n't", start)


def _any_of(
    patterns: list[_Pattern], always: int
) -> Callable[[str | bytes], Container[int]] | None:
    """With RE2: one pass over a text that tells which of ``patterns`` match in it at all, so
    ``apply_rules`` searches only those (most emails match one or two of them). The pattern
    at ``always`` is left out of the set and always searched: it is the largest group, and in
    one DFA with the others it multiplied the states RE2 must build for every new text (mail
    never seen before took twice as long to read).
    """
    if _re2 is None or not _on_re2(patterns):
        return None
    found = _re2.Set.SearchSet(_re2_options())
    listed = [at for at in range(len(patterns)) if at != always]
    for at in listed:
        found.Add(patterns[at].pattern)
    found.Compile()
    pattern_at = listed.__getitem__
    return lambda text: {always, *map(pattern_at, found.Match(text) or ())}


def _on_re2(patterns: list[_Pattern]) -> bool:
    return not any(isinstance(p, re.Pattern) for p in patterns)


def _subject(text: str) -> str | bytes:
    """What the patterns read: RE2 reads bytes as they are, and a str only after converting
    it and every offset (about twice the time); for ASCII text the offsets are the same."""
    return text.encode("ascii") if _BYTES and text.isascii() else text


_PATTERNS = [pattern for _, _, pattern in _RULES] + [_REDIRECT]
_MATCHING = _any_of(_PATTERNS, always=[label for label, _, _ in _RULES].index(L.REJECTION))
_BYTES = _re2 is not None and _on_re2(_PATTERNS)
_EVERY = range(len(_PATTERNS))
_REDIRECT_AT = len(_RULES)


def apply_rules(text: str) -> list[RuleHit]:
    """Every rule that fires on ``text`` (the new part of the email), strongest first.

    Only the first ``RULE_SPAN`` characters are read: decisions are stated near the top, and
    the legal and marketing text further down should not trigger a rule.
    """
    text = text[:RULE_SPAN]
    subject = _subject(text)
    matching = _EVERY if _MATCHING is None else _MATCHING(subject)
    hits: list[RuleHit] = []
    redirect: bool | None = None  # looked up only when a rejection phrase is found
    for at, (label, boost, pattern) in enumerate(_RULES):
        if at not in matching:
            continue
        pos = 0
        while (match := pattern.search(subject, pos)) is not None:
            pos = max(match.end(), match.start() + 1)  # like finditer: no overlaps
            if _glued(text, match.start()):
                continue
            if label in _GUARDED:
                if label is L.REJECTION and redirect is None:
                    redirect = _REDIRECT_AT in matching and any(
                        not _glued(text, m.start()) for m in _REDIRECT.finditer(subject)
                    )
                before = text[_sentence_start(text, match.start()) : match.start()]
                guard = _GUARD if label is L.REJECTION else _GUARD_STEP
                if (label is L.REJECTION and redirect) or guard.search(before):
                    continue
            phrase = text[match.start() : match.end()]
            start = match.start() + len(phrase) - len(phrase.lstrip())
            hits.append(RuleHit(label, phrase.strip(), boost, start, start + len(phrase.strip())))
            break
    return _decided(hits)


#: What a rejection may mention without being it: the interview or test that came before,
#: the application it answers, the talent community it offers after the no.
_MENTIONED = frozenset({L.INTERVIEW, L.ASSESSMENT, L.APPLICATION_RECEIVED, L.OTHER})


def _decided(hits: list[RuleHit]) -> list[RuleHit]:
    """Strongest first. When a rejection decision is stated (not redirected, not in a
    condition), the steps it mentions are not decisions of their own: "thank you for the
    phone screen ... we will not be moving forward" is a rejection after a phone screen."""
    if any(h.label is L.REJECTION for h in hits):
        hits = [h for h in hits if h.label not in _MENTIONED]
    return sorted(hits, key=lambda h: -h.boost)
