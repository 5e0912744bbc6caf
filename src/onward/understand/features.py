"""Turn one email into the features of the linear model: word 1-2-grams and character 4-grams.

The same pure function serves training (as scikit-learn's analyzer) and scoring, so the two
can never drift apart. Only the new text is read: quoted and forwarded parts are stripped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from onward.domain.emails import EmailText
from onward.domain.quoting import strip_quoted

__all__ = [
    "FEATURES_VERSION",
    "MAX_BODY",
    "analyze",
    "model_text",
    "model_text_cased",
    "words_of",
]

# Bump when the text preparation or features change: saved models become stale.
FEATURES_VERSION = 3

MAX_BODY = 1500
_DIGITS = re.compile(r"\d+")
WORD = re.compile(r"[a-z][a-z']*|\d+")
PUNCT = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
        "\u034f": "",
    }
)
_PUNCT_PAIRS = [(chr(k), v or "") for k, v in PUNCT.items() if isinstance(v, str | type(None))]
_SENDER_NAME = re.compile(r"^\s*\"?([^<\"]*)")


def normalise_punctuation(text: str) -> str:
    """Curly quotes, dashes and invisible spaces as plain ASCII (same result as ``PUNCT``)."""
    if text.isascii():
        return text
    for char, plain in _PUNCT_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return text


def model_text(email: EmailText) -> str:
    """The text the model reads: sender display name, subject and the new part of the body."""
    # Punctuation first: it has no case, and the text is then often ASCII, which lowers fast.
    return model_text_cased(email).lower()


def model_text_cased(email: EmailText) -> str:
    """``model_text`` before lowering (the same offsets when lowering keeps the length): what
    the evidence quotes."""
    name = _SENDER_NAME.match(email.sender or "")
    display = name.group(1).strip() if name else ""
    # Quoted text beyond a few pages cannot change what the first MAX_BODY characters say.
    body = strip_quoted((email.body or "")[: MAX_BODY * 3])[:MAX_BODY]
    return normalise_punctuation(f"{display}\n{email.subject or ''}\n{body}")


@lru_cache(maxsize=65536)
def char_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    if len(padded) <= 4:
        return (padded,)
    return tuple(padded[i : i + 4] for i in range(len(padded) - 3))


def words_of(text: str) -> list[str]:
    """The words of an already lowered text; every number becomes ``0``."""
    return WORD.findall(_DIGITS.sub("0", text))


def analyze(text: str) -> list[str]:
    """Features of an already lowered text: ``w:`` words, ``b:`` word pairs, ``c:`` 4-grams."""
    words = words_of(text)
    feats = ["w:" + w for w in words]
    feats.extend([f"b:{a} {b}" for a, b in pairwise(words)])
    for w in set(words):
        if len(w) > 3:
            feats.extend("c:" + g for g in char_grams(w))
    return feats
