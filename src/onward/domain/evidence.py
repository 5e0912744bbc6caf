"""Evidence as the reader gives it: the sentence that carries a decision, with the words that
decided it marked, so the review queue can show them highlighted in their context.

An evidence item is a plain string. The decisive words of a sentence sit between
``MARK_OPEN`` and ``MARK_CLOSE`` (two characters no email uses; they are removed from the
email's own text before marking). Older evidence, and the gate's reasons, have no marks and
read as they are.
"""

from __future__ import annotations

__all__ = ["MARK_CLOSE", "MARK_OPEN", "evidence_parts", "mark", "plain_evidence"]

MARK_OPEN = "\u2045"  # ⁅
MARK_CLOSE = "\u2046"  # ⁆
_UNMARK = str.maketrans("", "", MARK_OPEN + MARK_CLOSE)


def mark(sentence: str, start: int, end: int) -> str:
    """``sentence`` with ``sentence[start:end]`` marked as the decisive words."""
    head, words, tail = (
        sentence[:start].translate(_UNMARK),
        sentence[start:end].translate(_UNMARK),
        sentence[end:].translate(_UNMARK),
    )
    return f"{head}{MARK_OPEN}{words}{MARK_CLOSE}{tail}" if words.strip() else head + words + tail


def evidence_parts(item: str) -> tuple[str, str, str]:
    """(before, decisive words, after) of an evidence item; an unmarked item is all before."""
    start = item.find(MARK_OPEN)
    end = item.find(MARK_CLOSE, start + 1)
    if start < 0 or end < 0:
        return item.translate(_UNMARK), "", ""
    return (
        item[:start].translate(_UNMARK),
        item[start + 1 : end].translate(_UNMARK),
        item[end + 1 :].translate(_UNMARK),
    )


def plain_evidence(item: str) -> str:
    """The evidence item as plain text, without its marks."""
    return item.translate(_UNMARK)
