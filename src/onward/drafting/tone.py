"""Tone scoring with VADER (vaderSentiment), imported only when a draft is first checked.

VADER's lexicon ships inside the package, so scoring needs no downloads and no network.
The compound score runs from -1 (very negative) to +1 (very positive); VADER's authors treat
scores at or below -0.05 as negative.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

NEGATIVE_AT = -0.05
VERY_NEGATIVE_AT = -0.5


class _Analyzer(Protocol):
    def polarity_scores(self, text: str) -> dict[str, float]: ...


@cache
def _analyzer() -> _Analyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer: _Analyzer = SentimentIntensityAnalyzer()
    return analyzer


def compound_score(text: str) -> float:
    """VADER's compound score for ``text``, rounded to three decimals."""
    return round(float(_analyzer().polarity_scores(text)["compound"]), 3)
