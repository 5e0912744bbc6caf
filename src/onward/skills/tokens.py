"""Text to normalised tokens, the one form both the vocabulary and the texts are matched in.

A token is a run of letters and digits, keeping the symbols that make a name (``c++``,
``c#``, ``.net``, ``node.js``, ``asp.net``, ``r&d``); everything else separates tokens, so
"problem-solving", "problem solving" and "Problem Solving" are the same two tokens. Text is
folded with NFKC and lower-cased, and accents are dropped (``café`` → ``cafe``). Matching
whole tokens is what keeps "java" out of "javascript" and "sql" out of "mysql".
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_TOKEN = re.compile(r"\.?[^\W_](?:[^\W_]|[+#]|[.&](?=[^\W_]))*", re.UNICODE)


LOWER, CAPITALISED, CAPITALS = 0, 1, 2


class Token(NamedTuple):
    """One token: its normalised text and how it was written: ``LOWER`` (or mixed),
    ``CAPITALISED`` ("Go") or all ``CAPITALS`` ("REST", "R").

    Short or ambiguous names ("R", "Go", "Swift", "REST") only count when written that way, so
    "go to", "a swift response" and "the rest of the team" name no skill."""

    text: str
    shape: int


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` in order."""
    return [Token(word, shape(raw)) for word, raw in zip(*words(text), strict=True)]


def words(text: str) -> tuple[list[str], list[str]]:
    """The normalised tokens of ``text`` and, beside them, each as written (for
    ``shape``): the fast path when most tokens' shapes are never asked for."""
    raws = _TOKEN.findall(_strip_accents(text))
    out = []
    for raw in raws:
        word = raw.lower()
        if word[-1] == "+" and word[-2:-1] not in ("+", "#"):
            word = word[:-1]  # "python+" (as in "5+ years") is not "c++"
        out.append(word)
    return out, raws


def normalise(phrase: str) -> str:
    """A phrase as space-joined tokens: the key the vocabulary stores aliases under."""
    return " ".join(t.text for t in tokens(phrase))


def shape(raw: str) -> int:
    """How a token was written: ``LOWER``, ``CAPITALISED`` or ``CAPITALS``."""
    letters = [c for c in raw if c.isalpha()]
    if not letters or not letters[0].isupper():
        return LOWER
    return CAPITALS if all(c.isupper() for c in letters) else CAPITALISED


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFKC", "".join(c for c in text if not unicodedata.combining(c)))
