"""Score features with a ``LinearModel`` in plain numpy: probabilities and evidence."""

from __future__ import annotations

import math
from itertools import chain, pairwise, repeat
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from onward.understand.features import char_grams, words_of
from onward.understand.model_file import LinearModel

__all__ = ["Scored", "Scorer", "score", "top_phrases"]

_NOT_FOUND = -1
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)

Scored = tuple[npt.NDArray[np.float64], npt.NDArray[np.intp], npt.NDArray[np.float64]]


def score(model: LinearModel, features: list[str]) -> Scored:
    """Calibrated probabilities, plus the feature indices and tf-idf values used."""
    vocab = model.vocabulary
    return score_indices(model, [vocab[f] for f in features if f in vocab])


class Scorer:
    """The fast path of ``analyze`` + ``score``: the same features, looked up as indices with
    a per-word cache, so no feature strings are built for words seen before."""

    _CACHE_LIMIT = 200_000

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self._vocab = model.vocabulary
        self._bigrams: dict[tuple[str, ...], int] = {
            tuple(k[2:].split(" ", 1)): i for k, i in model.vocabulary.items() if k.startswith("b:")
        }
        self._bigram_get = self._bigrams.get
        self._words: dict[str, tuple[int, tuple[int, ...]]] = {}

    def _entry(self, word: str) -> tuple[int, tuple[int, ...]]:
        vocab = self._vocab
        grams: tuple[int, ...] = ()
        if len(word) > 3:
            grams = tuple(vocab[g] for g in ("c:" + c for c in char_grams(word)) if g in vocab)
        entry = (vocab.get("w:" + word, -1), grams)
        if len(self._words) >= self._CACHE_LIMIT:
            self._words.clear()
        self._words[word] = entry
        return entry

    def indices(self, text: str) -> list[int]:
        """Vocabulary index of every feature occurrence, in ``analyze``'s order of kinds."""
        words = words_of(text)
        cache = self._words
        missing = [w for w in set(words) if w not in cache]
        for w in missing:
            self._entry(w)
        entries = list(map(cache.__getitem__, words))
        ids = list(filter(_NOT_FOUND.__ne__, map(_FIRST, entries)))
        get = self._bigram_get
        ids.extend(filter(_NOT_FOUND.__ne__, map(get, pairwise(words), repeat(_NOT_FOUND))))
        ids.extend(chain.from_iterable(map(_SECOND, map(cache.__getitem__, set(words)))))
        return ids

    def score(self, text: str) -> Scored:
        return score_indices(self.model, self.indices(text))

    def logits(self, text: str) -> Scored:
        """Calibrated logits (probabilities before the softmax), indices and values."""
        return logits_indices(self.model, self.indices(text))


def logits_indices(model: LinearModel, ids: list[int]) -> Scored:
    """Temperature-scaled logits from the vocabulary indices of every feature occurrence."""
    if not ids:
        return model.intercept / model.temperature, np.zeros(0, dtype=np.intp), np.zeros(0)
    idx, counts = np.unique(np.asarray(ids, dtype=np.intp), return_counts=True)
    vals = (1.0 + np.log(counts)) * model.idf[idx]
    vals /= math.sqrt(float(vals @ vals))
    return (vals @ model.coef[idx] + model.intercept) / model.temperature, idx, vals


def score_indices(model: LinearModel, ids: list[int]) -> Scored:
    """Probabilities from the vocabulary indices of every feature occurrence."""
    logits, idx, vals = logits_indices(model, ids)
    z = np.exp(logits - logits.max())
    return z / z.sum(), idx, vals


def top_phrases(
    model: LinearModel,
    idx: npt.NDArray[np.intp],
    vals: npt.NDArray[np.float64],
    label_index: int,
    limit: int = 4,
) -> list[str]:
    """The readable word features that pushed hardest towards ``label_index``."""
    if len(idx) == 0:
        return []
    rows = model.coef[idx]
    push = vals * (rows[:, label_index] - rows.mean(axis=1))
    order = np.argsort(-push)
    names = _names(model)
    out: list[str] = []
    for i in order[: limit * 10]:
        if push[i] <= 0:
            break
        name = names[int(idx[i])]
        phrase = name[2:]
        if (
            name.startswith(("w:", "b:"))
            and _readable(phrase)
            and not any(phrase in kept or kept in phrase for kept in out)
        ):
            out.append(phrase)
        if len(out) >= limit:
            break
    return out


# Words too common to explain anything on their own.
_PLAIN = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "for",
        "from",
        "has",
        "have",
        "hello",
        "hi",
        "i",
        "if",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "this",
        "to",
        "us",
        "was",
        "we",
        "will",
        "with",
        "would",
        "you",
        "your",
        "dear",
        "thanks",
        "thank",
        "regards",
        "best",
        "re",
        "fw",
        "fwd",
        "am",
        "pm",
        "me",
        "my",
        "any",
        "all",
        "been",
    }
)


def _readable(phrase: str) -> bool:
    words = phrase.split()
    return len(phrase) > 2 and "0" not in words and not all(w in _PLAIN for w in words)


_NAME_CACHE: dict[int, list[str]] = {}


def _names(model: LinearModel) -> list[str]:
    key = id(model.vocabulary)
    names = _NAME_CACHE.get(key)
    if names is None:
        names = [""] * len(model.vocabulary)
        for name, i in model.vocabulary.items():
            names[i] = name
        _NAME_CACHE.clear()
        _NAME_CACHE[key] = names
    return names
