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


_NEG = r"(?:not|n't|never)"
_RULES: list[tuple[EmailLabel, float, _Pattern]] = [
    (
        L.REJECTION,
        3.0,
        _rx(
            r"\b(?:unable|not able|cannot|can't|regret) (?:to )?(?:offer you|extend (?:you )?an "
            r"offer)",
            r"\bregret to (?:inform|advise|tell|let you know)",
            r"\b(?:decided|chosen|elected|opted|going|decision) (?:\w+ ){0,2}to (?:pursue|move "
            r"forward with"
            r"|proceed with|go with|continue with|progress with|focus on|advance) (?:\w+ ){0,3}"
            r"(?:other|another|different|more qualified|candidates)",
            r"\b(?:decided|chosen|elected|opted|decision) (?:\w+ ){0,2}not to "
            r"(?:move|proceed|progress"
            r"|pursue|advance|extend|continue|invite|take|offer)",
            r"\b(?:will|would|won't|are|is|be) "
            + _NEG
            + r"? ?(?:be )?(?:moving|proceeding|progressing"
            r"|advancing|continuing|pursuing|going) (?:forward|ahead|further)? ?(?:with|on)"
            r" (?:your|you)\b",
            r"\bnot (?:to )?(?:move|moving|proceed|proceeding|progress|advance|go) "
            r"(?:forward|further"
            r"|ahead) with (?:your|you)",
            r"\b(?:have|has|were|was) not been (?:selected|chosen|shortlisted)",
            r"\bnot (?:been )?selected (?:for|to)\b",
            r"\b(?:position|role|job|opening|vacancy|requisition|posting|search) (?:has|have) "
            r"(?:now "
            r"|already |since )?been (?:filled|closed|cancell?ed|put on hold|withdrawn)",
            r"\b(?:unable|not able|cannot|can't) (?:to )?(?:offer )?(?:visa )?sponsor",
            r"\bhiring freeze\b",
            r"\b(?:other|another) (?:candidates?|applicants?) (?:\w+ ){0,3}(?:more closely|better) "
            r"(?:meet|match|fit|align|suit)",
            r"\bnot (?:been )?recommended for (?:hire|appointment|the (?:role|position|post))",
            r"\b(?:going to|will|i'll|we'll|decided to|have to) pass (?:on|this time|for now)",
            r"\b(?:closed|closing|ended|paused) (?:the|our|this) (?:\w+ ){0,3}(?:search|process|"
            r"recruitment) without",
            r"\b(?:recommended|selected|chosen|offered the (?:position|role|post|job) to) another "
            r"(?:candidate|applicant|person)",
            r"(?:\bnot|n't|\bcannot|\bunable to) (?:be )?(?:progressing|advancing|taking|moving|"
            r"considering|continuing with) (?:your|you|this) "
            r"(?:application|candidacy|forward|further)",
            r"(?:\bnot|n't|\bcannot) take your application (?:any )?further",
            r"\bfilled (?:the|this|that) (?:spot|role|position|opening|vacancy|post)",
            r"\b(?:do|does|did) not meet (?:the |our )?(?:minimum|basic|required|essential)",
            r"\b(?:position|role|opening|requisition|vacancy|search|post)[^.\n]{0,40} (?:was|were) "
            r"(?:cancell?ed|closed|withdrawn|put on hold)",
            r"\b(?:hire|promote|fill the (?:role|position)) (?:\w+ ){0,3}(?:from "
            r"within|internally)",
            r"\b(?:profile|background|experience|qualifications|skills) (?:does|do) not "
            r"(?:match|meet"
            r"|align)",
            r"\bnot be offering you\b",
            r"\b(?:position|role|opening|requisition|vacancy)[^.\n]{0,60}(?:has|have) been "
            r"(?:cancell?ed|closed|filled)",
            r"\bno longer (?:reviewing|considering|accepting) "
            r"(?:applicants|applications|candidates)",
            r"\b(?:don't|do not) have an? (?:opening|position|role|vacancy)",
            r"\b(?:selection|decision|choice)[^.\n]{0,40} (?:with|of) (?:a different|another) "
            r"(?:candidate|applicant)",
            r"\bcandidate (?:has |have )?accept(?:ed)? (?:an|our|the) offer",
            r"\bmoving forward with (?:those|candidates|applicants|others|individuals) whose",
            r"\b(?:application|candidacy) (?:was|has been|is|were) unsuccessful",
            r"\bno longer (?:being )?(?:under )?consider",
            r"\bmov(?:e|ed|ing) forward with (?:other|another|different)",
            r"\b(?:pursue|pursuing|selected|select|chosen|chose) (?:\w+ ){0,2}other (?:candidates"
            r"|applicants)",
            r"\bnot (?:be )?(?:a|the right|the best) (?:match|fit)\b",
            r"\bwe(?:'ve| have) (?:decided|made the decision) (?:\w+ ){0,3}(?:not|another direction"
            r"|a different direction)",
            r"\b(?:went|go|going) (?:in|with) (?:a different|another) (?:direction|candidate)",
            r"\bnot (?:moving|going) (?:forward|ahead)\b",
            r"\b(?:do not|don't|did not|didn't) see (?:a|the right) (?:fit|match)",
            r"\bnot the (?:most|best|strongest) (?:qualified|suited)",
            r"(?:\bnot|n't) (?:be )?(?:moving|advancing|progressing|taking) you "
            r"(?:to|forward|further)",
            r"\b(?:will|would|shall|can|could) ?(?:not|n't) (?:be able to "
            r")?(?:proceed|continue|move "
            r"forward|progress|go forward) with (?:your|you)\b",
            r"\b(?:going|go|gone|went|move|moving) in (?:a|another) (?:different )?direction",
            r"\b(?:filled|filling|fill) (?:the|this) (?:[\w,]+ "
            r"){0,8}(?:position|role|vacancy|opening)"
            r" with (?:another|an?|other)",
            r"\bwe (?:have )?(?:just |recently )?filled (?:the|this|that|our) (?:[\w,]+ ){0,8}"
            r"(?:position|role|opening|vacancy)",
            r"\b(?:stop|stopped|ceased?) (?:pursuing|considering|recruiting) "
            r"(?:candidates|applicants)",
            r"\b(?:no longer (?:available|open|accepting applications))",
            r"\b(?:has|have) (?:just |recently |now )?been filled\b",
            r"\bwe (?:have )?(?:just |recently )?filled (?:this|the|that) "
            r"(?:position|role|opening)",
            r"\b(?:other|another|different) (?:candidates?|applicants?)(?:'|'s)? (?:[\w']+ ){0,8}"
            r"(?:better|closer|more closely|most closely|best) (?:match|fit|align|suit)",
            r"\bunable to (?:further )?consider (?:you|your)",
            r"\b(?:did not|didn't|was not|wasn't|were not|weren't|has not|have not) (?:been )?"
            r"(?:select|selected|chosen|choose|shortlisted)\b",
            r"\bending (?:our |your )?consideration",
            r"\bregret (?:that )?we (?:are|were|will be) (?:unable|not able)",
            r"\bnot (?:be )?able to (?:proceed|move forward|continue|progress|offer)",
            r"\bmade (?:the|a|our) decision (?:to )?not\b",
            r"\b(?:decided|chosen|elected|opted) to (?:go|move) (?:forward|ahead) with (?:a|another"
            r"|other|different)",
            # UK usage: "you have not been successful on this occasion".
            r"\b(?:have|has|were|was|are|is) (?:not|n't) (?:been )?successful\b",
            r"\bunsuccessful (?:on this occasion|this time)",
            r"\b(?:decided|decision) (?:\w+ ){0,2}not to (?:shortlist|interview|invite|offer)",
            r"\b(?:will not|won't|are not|aren't|would not|wouldn't) (?:be )?(?:inviting|"
            r"shortlisting) you\b",
            r"\bnot (?:be )?(?:proceeding|progressing|moving forward|continuing) (?:any further|"
            r"further|beyond|past)",
            # A negated step forward, whatever the words between: "we won't be able to take
            # things further", "we are not in a position to progress you to the next round".
            r"(?:\bnot|n't|\bunable to|\bcannot|\bno longer) (?:be |going to be )?(?:able to |in a "
            r"position to )?(?:move|moving|proceed|proceeding|progress|progressing|advance|"
            r"advancing|take|taking|put|putting|invite|inviting|shortlist|shortlisting|continue|"
            r"continuing) (?:\w+ ){0,2}(?:you|your (?:application|candidacy|cv|resume|profile)|"
            r"forward|further|ahead|on to the|through to)\b",
            # The job went to someone else: "we've gone with someone whose experience ...",
            # "the owner offered it to somebody local", "the post has gone to an internal
            # applicant".
            r"\b(?:gone|go|going|went|chose|chosen|hired|hiring|appointed|picked|found|taken on|"
            r"took on|offered (?:it|the (?:job|role|post|position|place|spot)) to|given (?:it|the "
            r"(?:job|role|post|position|spot)) to) (?:with )?(?:someone|somebody) "
            r"(?:else|who|whose|with|that|from|more|local|closer|already)",
            r"\boffered (?:it|the (?:job|role|post|position|place|spot)) to (?:a|an|another|one of|"
            r"the other|someone|somebody)\b",
            r"\b(?:gone|go|going|went) (?:another|a different) (?:way|route)\b",
            r"\bfilled (?:the|this|that|our) (?:[\w-]+ ){0,3}(?:spot|role|position|opening|"
            r"vacancy|post|job)\b",
            r"\b(?:role|position|job|post|vacancy|place) (?:has )?(?:gone|went) to (?:someone|"
            r"somebody|another|an internal|a candidate|an applicant|a colleague)",
            r"\b(?:gone|go|going|went) with (?:another|a different|an internal|a more) "
            r"(?:\w+ ){0,2}(?:candidate|applicant|person)",
            r"\b(?:decided|chosen|elected|opted|going) (?:\w+ ){0,2}to (?:move|go) (?:ahead|on) "
            r"with (?:\w+ ){0,3}(?:other|another|different|candidates|applicants|someone)",
            r"\b(?:you|you've|you have|you were|you are) (?:been )?unsuccessful\b",
            r"\b(?:application|candidacy|cv|resume|profile) (?:has|have|was|were|will|would) "
            r"(?:not|n't) (?:be |been )?(?:progressed|moved|advanced|taken|put|selected|"
            r"shortlisted|gone)\b",
            r"\bno longer in (?:the running|contention|consideration)",
            r"\bdecided against (?:progressing|moving|taking|inviting|offering|shortlisting|"
            r"your|you)",
            r"\b(?:it's|it is) (?:a )?no from (?:us|me|the team|them|the client)",
            r"\b(?:didn't|did not) get (?:the|this) (?:job|role|position|post|offer)",
            r"(?:\bnot|n't) (?:going to be |be )?able to offer you\b",
        ),
    ),
    (
        L.OFFER,
        2.5,
        _rx(
            r"\b(?:pleased|delighted|happy|thrilled|excited) to (?:formally )?(?:offer you|extend "
            r"(?:you )?(?:an?|this|the|our) (?:formal |verbal |written )?offer|make you an offer)",
            r"\byour offer (?:letter|package)\b",
            r"\boffer letter (?:is )?attached",
            r"\bwelcome (?:to the team|aboard)\b",
            r"\b(?:like|love|pleased|happy|delighted|thrilled) (?:to have you|for you to join|"
            r"you to join) (?:on board|us|the team|as)\b",
        ),
    ),
    (
        L.INTERVIEW,
        1.5,
        _rx(
            r"\binvite you (?:to|for) (?:an? |the )?(?:\w+ "
            r"){0,2}(?:interview|call|conversation|chat)",
            r"\bschedul\w* (?:an? |your |the |our )?(?:\w+ ){0,2}(?:interview|call|screen|chat)",
            r"\binterview (?:is |has been )?(?:confirmed|scheduled)",
            r"\b(?:share|send|provide) (?:me |us )?your availability",
            r"\breschedul",
            r"\b(?:free|available) for a (?:quick |short )?(?:call|chat|phone|video)",
            r"\b(?:available times|good (?:days|times)|days/times|times that work|time that works)",
            r"\b(?:give you a call|call you (?:at|on|then|tomorrow))",
            r"\bphone (?:chat|call|screen|interview)\b",
            r"\bhow about (?:\w+ ){0,3}(?:am|pm|morning|afternoon|tomorrow|monday|tuesday|"
            r"wednesday|thursday|friday)\b",
            r"\binterviewer (?:is|was) (?:ill|sick|unwell|unavailable|out)",
        ),
    ),
    (
        L.ASSESSMENT,
        1.5,
        _rx(
            r"\b(?:coding|online|technical|skills?|cognitive|programming) "
            r"(?:assessment|test|challenge"
            r"|exercise)s?\b",
            r"\b(?:hackerrank|codility|codesignal|hirevue|testgorilla|take[- ]home)\b",
            # Not a survey: a survey asks how the process felt, it tests nothing (*other*).
            r"\bcomplete (?:the|our|an|a|your) (?:\w+ ){0,3}(?:assessment|test|challenge)\b",
        ),
    ),
    (
        L.APPLICATION_RECEIVED,
        1.2,
        _rx(
            r"\b(?:we(?:'ve| have)|has been|have) received your (?:\w+ ){0,2}application",
            r"\bapplication (?:has been|was|is) (?:successfully )?(?:received|submitted|complete)",
            r"\byour application was sent to\b",
            r"\bapplication (?:confirmation|received)\b",
            r"\bthank(?:s| you) for (?:applying|your application|submitting)",
        ),
    ),
    (
        L.OTHER,
        1.5,
        _rx(
            r"\bjob alert",
            r"\bjobs? (?:you may be interested|matching|for you)\b",
            r"\btalent (?:community|network)\b",
            r"\bverify your (?:email|account)",
            r"\breset your password",
            r"\bwithdrawn your application",
            r"\bcame across your profile",
            r"\bnew jobs\b",
            r"\bcame across your (?:resume|background|linkedin)",
            r"\bi(?:'m| am) an? (?:\w+ ){0,2}recruiter (?:at|with|for)\b",
            r"\bi recruit for\b",
            r"\bopen to new (?:opportunities|roles)\b",
            r"\b(?:happy hour|career fair|open day|webinar|info session|hiring event)\b",
            r"\bcandidate (?:experience )?survey\b",
            # Mail about the process, not a step of it: a survey, an account, an event.
            r"\b(?:short |brief |quick |anonymous |\d+[- ]minute )?(?:survey|feedback form)\b",
            r"\bhow (?:did we do|was your (?:\w+ )?experience)\b",
            r"\b(?:candidate |careers? |applicant )?(?:account|profile) (?:has been|was|is now) "
            r"(?:created|set up|activated|updated|deleted)\b",
            r"\b(?:activate|confirm) your (?:candidate |careers )?account\b",
            r"\bpassword (?:has been|was) (?:reset|changed)\b",
            r"\b(?:verification|sign-?in|security|one-time) code\b",
            r"\b(?:roles|jobs|positions|vacancies|openings) (?:that )?match(?:ing)? your "
            r"(?:saved |job )?(?:search|profile|preferences|skills)\b",
            r"\b(?:recommended|suggested|similar) (?:jobs|roles|positions|vacancies)\b",
            r"\b(?:jobs?|roles?) you (?:saved|viewed|liked)\b",
            r"\b(?:careers? (?:fair|evening|event)|open evening|networking (?:event|evening)|"
            r"recruitment (?:event|fair)|meet the team (?:event|evening))\b",
            r"\bi(?:'m| am) reaching out (?:about|regarding|because|to see|on behalf)\b",
            r"\bmy client (?:is|are) (?:looking|hiring|seeking|recruiting)\b",
            r"\bprivacy (?:notice|policy) (?:has been |was )?(?:updated|changed)\b",
        ),
    ),
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
