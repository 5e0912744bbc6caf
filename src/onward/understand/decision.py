"""Read the decision, not the words: the sentences of an email that carry its decision, and
the sentences that only talk about one (a condition, a plan, a refusal of a next step).

- ``decision_sentences`` gives the sentences where the chosen label's phrase rules fired,
  with the deciding words marked (``onward.domain.evidence``): the evidence a person checks.
- ``settled`` blanks the sentences that state no fact about what happened: conditions ("if you
  are not selected", "should we decide to move forward"), plans ("the next step would be a
  phone screen") and negated steps ("we will not be inviting you to interview"), so the stage
  reached and the reason are read from what the email says did happen.

Offsets are kept (blanked sentences become spaces), so the extractors can quote the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from onward.domain.emails import EmailLabel
from onward.domain.evidence import mark
from onward.understand.rules import RuleHit

__all__ = ["decision_sentences", "sentence_span", "sentences_with", "settled"]

# A sentence ends at ". ", "! ", "? " or a line break (not inside "e.g." or "Mr.").
_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bmr)(?<!\bms)(?<!\bdr)[.!?]+(?=\s|$)|\n", re.I)
_LONGEST = 280

#: A sentence that is a condition or a plan, not a fact: "If you are not selected ...",
#: "Should we decide to move forward ...", "Once the panel has met ...".
_CONDITION = re.compile(
    r"^\W*(?:and |but |so |however,? )?(?:if|should|once|unless|whether|in case|in the event"
    r"|when(?:ever)? (?:we|you|a|the)|as soon as|provided|assuming)\b",
    re.I,
)
#: A step still to come or refused: "the next step would be a phone screen", "we will be in
#: touch to schedule an interview", "we won't be inviting you to interview".
_PLAN = re.compile(
    r"(?:\bnext (?:step|stage|round)s?|(?:\bwould|\bwill|'ll|\bshall|\bmay|\bmight|\bcould) "
    r"(?:then |also )?"
    r"(?:be )?(?:invit|schedul|arrang|set up|book|contact|reach|send|progress|move)\w*"
    r"|(?:\bnot|n't|\bnever|\bunable to|\bno longer) (?:be )?(?:invit|schedul|arrang|"
    r"set(?:ting)? up|"
    r"book|progress|advanc|mov|tak|offer)\w* (?:you |your application )?(?:forward )?(?:to|for|"
    r"with)? ?(?:an? |the |any |further )?(?:\w+ ){0,2}(?:interview|screen|assessment|test|"
    r"call|stage|round))",
    re.I,
)
#: A plan that is itself a decision is read anyway: "we will not be moving forward ...".
_DECISION_WORDS = re.compile(
    r"\b(?:unfortunately|regret|sadly|not been (?:successful|selected|shortlisted)|"
    r"unsuccessful|other candidates|another candidate|position has been filled)\b",
    re.I,
)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``text[start:end]``, as offsets."""
    left = 0
    for m in _END.finditer(text, max(0, start - _LONGEST), start):
        left = m.end()
    right_m = _END.search(text, end)
    right = right_m.end() if right_m else len(text)
    return left, right


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    at = 0
    for m in _END.finditer(text):
        yield at, m.end()
        at = m.end()
    if at < len(text):
        yield at, len(text)


def settled(text: str) -> str:
    """``text`` with its conditions, plans and refused steps blanked (offsets kept)."""
    out: list[str] = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        if _CONDITION.search(sentence) or (
            _PLAN.search(sentence) and not _DECISION_WORDS.search(sentence)
        ):
            out.append(" " * len(sentence))
        else:
            out.append(sentence)
    return "".join(out)


def _trimmed(text: str, left: int, right: int, start: int, end: int) -> str:
    """The sentence ``text[left:right]`` with ``start:end`` marked, cut to a readable length
    and with its runs of white space as single spaces."""
    if right - left > _LONGEST:
        left = max(left, start - _LONGEST // 2)
        right = min(right, max(end, left + _LONGEST))
    return " ".join(mark(text[left:right], start - left, end - left).split())


def decision_sentences(
    cased: str, hits: Sequence[RuleHit], label: EmailLabel, limit: int = 2
) -> list[str]:
    """The sentences of ``cased`` (the model's text before lowering) where ``label``'s rules
    fired, with the deciding words marked; at most ``limit``, in reading order."""
    spans: list[tuple[int, int, int, int]] = []
    for hit in hits:
        if hit.label is not label or hit.start < 0 or hit.end > len(cased):
            continue
        left, right = sentence_span(cased, hit.start, hit.end)
        if all(right <= a or left >= b for a, b, _, _ in spans):
            spans.append((left, right, hit.start, hit.end))
    spans.sort()
    return [_trimmed(cased, *span) for span in spans[:limit]]


def sentences_with(cased: str, lowered: str, words: Sequence[str], limit: int = 2) -> list[str]:
    """The sentences where ``words`` (lower case, most telling first) appear, each marked."""
    out: list[str] = []
    taken: list[tuple[int, int]] = []
    for word in words:
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)
        if not m:
            continue
        left, right = sentence_span(cased, m.start(), m.end())
        if any(not (right <= a or left >= b) for a, b in taken):
            continue
        taken.append((left, right))
        out.append(_trimmed(cased, left, right, m.start(), m.end()))
        if len(out) >= limit:
            break
    return out
