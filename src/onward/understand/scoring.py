"""Score features with a ``LinearModel`` in plain numpy: probabilities and evidence."""

from __future__ import annotations

import math
import threading
from array import array
from typing import Any

import numpy as np
import numpy.typing as npt

from onward.understand.features import char_grams, words_of
from onward.understand.model_file import LinearModel
from onward.wordlists import word_set

__all__ = ["Scored", "Scorer", "score", "top_phrases"]

Scored = tuple[npt.NDArray[np.float64], npt.NDArray[np.intp], npt.NDArray[np.float64]]


def score(model: LinearModel, features: list[str]) -> Scored:
    """Calibrated probabilities, plus the feature indices and tf-idf values used."""
    vocab = model.vocabulary
    return score_indices(model, [vocab[f] for f in features if f in vocab])


class Scorer:
    """The fast path of ``analyze`` + ``score``: the same features, as vocabulary indices.

    The text is cut into runs of word characters by one ``bytes.translate`` and ``split``.
    Every word seen before has a number in a ``_Words`` table, and one ``bytes.join`` over the
    runs gives the word numbers of the text; numpy then looks up the word features, the word
    pairs (in one dense table, or by binary search for a large vocabulary) and, for each
    distinct word, its character 4-grams. A new word costs a few microseconds once. The table
    is bounded (see ``_Words``) and safe to share across threads.
    """

    def __init__(
        self, model: LinearModel, word_limit: int = 100_000, pair_table_limit: int = 1 << 24
    ) -> None:
        self.model = model
        self._word_limit = word_limit
        self._vocab = model.vocabulary
        self._unknown = len(self._vocab)  # stands for every feature outside the vocabulary
        # Word pairs: each word of a vocabulary pair gets a number below ``span - 1`` (the
        # number of every other word), and a pair is the key ``first * span + second``.
        pairs = [(k[2:].split(" ", 1), i) for k, i in self._vocab.items() if k.startswith("b:")]
        self._pair_words: dict[str, int] = {}
        for words, _ in pairs:
            for w in words:
                self._pair_words.setdefault(w, len(self._pair_words))
        self._span = len(self._pair_words) + 1
        number = self._pair_words.__getitem__
        keys = {number(a) * self._span + number(b): i for (a, b), i in pairs}
        order = sorted(keys)
        self._pair_keys = np.array([*order, np.iinfo(np.intp).max], dtype=np.intp)
        self._pair_ids = np.array([*(keys[k] for k in order), self._unknown], dtype=np.intp)
        # With few enough pair words (the built-in model has about 3,100), one array holds the
        # feature of every key: a pair is then one look-up, not a binary search. At most
        # ``pair_table_limit`` entries (32 MB of int16; the built-in model's table is about
        # 19 MB); a larger vocabulary uses the search.
        self._pair_table: npt.NDArray[np.signedinteger[Any]] | None = None
        if self._span * self._span <= pair_table_limit:
            small = np.int16 if self._unknown <= np.iinfo(np.int16).max else np.int32
            self._pair_table = np.full(self._span * self._span, self._unknown, dtype=small)
            self._pair_table[list(keys)] = list(keys.values())
        # Per feature: its label weights times its idf, then its idf squared (for the norm).
        rows = np.column_stack([model.idf[:, None] * model.coef, model.idf * model.idf])
        self._rows = np.vstack([rows, np.zeros((1, rows.shape[1]))])
        self._tf = _tf_table(256)
        self._intercept = model.intercept.tolist()
        self._lock = threading.Lock()
        self._local = threading.local()  # per thread: see ``_occurrences``
        self._words = _Words(self)

    def features(self, text: str) -> npt.NDArray[np.intp]:
        """The vocabulary index of every feature occurrence of ``analyze(text)``, with the
        features outside the vocabulary as ``len(vocabulary)``."""
        runs = text.encode("utf-8", "surrogatepass").translate(_RUN_BYTES).split()
        words = self._words
        try:
            packed = b"".join(map(words.runs.__getitem__, runs))
        except KeyError:  # a word not seen before
            with self._lock:
                if not self._words.has_room(len(runs)):
                    self._words = _Words(self)
                words = self._words
                known = words.runs
                for run in runs:  # in order, so words are numbered alike in every process
                    if run not in known:
                        words.learn(run)
                packed = b"".join(map(words.runs.__getitem__, runs))
        numbers = np.frombuffer(packed, dtype=np.intp)
        pair_words = words.pair_word.take(numbers)
        keys = pair_words[:-1] * self._span
        keys += pair_words[1:]
        if self._pair_table is not None:
            pairs = self._pair_table.take(keys)
        else:
            at = self._pair_keys.searchsorted(keys)
            found = self._pair_keys.take(at) == keys
            pairs = np.where(found, self._pair_ids.take(at), self._unknown)
        grams = b"".join(map(words.grams.__getitem__, set(array(_INTP, packed))))
        return np.concatenate(
            (words.feature.take(numbers), pairs, np.frombuffer(grams, dtype=np.intp))
        )

    def logits(self, text: str) -> tuple[list[float], npt.NDArray[np.intp]]:
        """Calibrated logits (probabilities before the softmax) and the feature occurrences.

        The sums of ``logits_indices`` without first making the indices distinct: a feature
        seen ``c`` times takes ``1 / c`` of its tf-idf weight at each of its occurrences.
        """
        ids = self.features(text)
        if len(ids) >= len(self._tf):
            self._tf = _tf_table(2 * len(ids))
        # One product gives every label's weighted sum and the squared norm.
        shares = self._tf.take(self._occurrences(ids), axis=0)
        weights, norm = (shares.T @ self._rows.take(ids, axis=0)).tolist()
        squared = norm[-1]
        scale = 1.0 / math.sqrt(squared) if squared else 0.0  # 0: nothing in the vocabulary
        t = self.model.temperature
        return [
            (w * scale + b) / t for w, b in zip(weights[:-1], self._intercept, strict=True)
        ], ids

    def _occurrences(self, ids: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
        """Per occurrence, how often its feature occurs in ``ids``: ``np.bincount(ids)[ids]``
        without a fresh vocabulary-sized array of zeros for every text (zeroing it cost more
        than the rest of the sums and pushed everything else out of the CPU caches). Each
        thread counts in its own array and sets back to zero what it counted."""
        tally: npt.NDArray[np.intp]
        try:
            tally = self._local.tally
        except AttributeError:
            tally = self._local.tally = np.zeros(self._unknown + 1, dtype=np.intp)
        np.add.at(tally, ids, 1)
        try:
            return tally.take(ids)
        finally:
            tally[ids] = 0

    def score(self, text: str) -> npt.NDArray[np.float64]:
        """Calibrated probabilities."""
        logits = np.asarray(self.logits(text)[0])
        z = np.exp(logits - logits.max())
        return np.asarray(z / z.sum())

    def weights(
        self, ids: npt.NDArray[np.intp]
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
        """The distinct features of ``features(text)`` and their tf-idf values (for evidence)."""
        known = ids[ids < self._unknown]
        return logits_indices(self.model, known.tolist())[1:]


class _Words:
    """The words a ``Scorer`` has seen, numbered, with what scoring needs of each.

    Memory: at most ``word_limit`` runs and words (100,000 by default; the scorer starts a
    new table when full). A word costs about 300 bytes (its text twice, two indices, its
    4-grams packed at 8 bytes each), so a full table holds about 30 MB.

    Only ``learn`` writes, under the scorer's lock, and it fills in a word before publishing
    the run that refers to it: a reader never sees a word number without its entries.
    """

    def __init__(self, scorer: Scorer) -> None:
        self._scorer = scorer
        self._limit = scorer._word_limit
        self.runs: dict[bytes, bytes] = {}  # a run of the text -> packed numbers of its words
        self._numbers: dict[str, int] = {}
        self.feature = np.zeros(0, dtype=np.intp)  # per word: index of its ``w:`` feature
        self.pair_word = np.zeros(0, dtype=np.intp)  # per word: its number in word pairs
        self.grams: list[bytes] = []  # per word: packed indices of its ``c:`` 4-grams

    def has_room(self, runs: int) -> bool:
        return max(len(self.runs), len(self.grams)) + runs <= self._limit

    def learn(self, run: bytes) -> bytes:
        packed = self.runs.get(run)
        if packed is None:
            words = words_of(run.decode("utf-8", "surrogatepass"))
            packed = _pack([self._number(w) for w in words])
            self.runs[run] = packed
        return packed

    def _number(self, word: str) -> int:
        number = self._numbers.get(word)
        if number is not None:
            return number
        scorer = self._scorer
        vocab = scorer._vocab
        number = len(self.grams)
        if number == len(self.feature):  # grow (a copy: readers may hold the old arrays)
            self.feature = np.resize(self.feature, max(1024, 2 * number))
            self.pair_word = np.resize(self.pair_word, len(self.feature))
        self.feature[number] = vocab.get("w:" + word, scorer._unknown)
        self.pair_word[number] = scorer._pair_words.get(word, scorer._span - 1)
        grams = [vocab.get("c:" + g) for g in char_grams(word)] if len(word) > 3 else []
        self.grams.append(_pack([i for i in grams if i is not None]))
        self._numbers[word] = number
        return number


def _tf_table(size: int) -> npt.NDArray[np.float64]:
    """Per count ``c``: the share of the tf weight ``1 + log c`` each occurrence carries, and
    its share of the squared weight (row 0 is never used)."""
    counts = np.arange(size, dtype=np.float64)
    counts[0] = 1.0
    tf = 1.0 + np.log(counts)
    return np.column_stack([tf / counts, tf * tf / counts])


# Bytes that can be part of a word (``features.WORD``: letters, apostrophe, digits) stay, and
# so do non-ASCII bytes (a digit may be non-ASCII); every other ASCII byte splits the text.
_RUN_BYTES = bytes(
    b if chr(b) in "abcdefghijklmnopqrstuvwxyz'0123456789" or b >= 0x80 else 0x20
    for b in range(256)
)


# The ``array`` type code of ``np.intp``: packing a few numbers with ``array`` is several times
# faster than with numpy, and gives the same bytes.
_INTP = next(code for code in "qlil" if array(code).itemsize == np.dtype(np.intp).itemsize)


def _pack(ids: list[int]) -> bytes:
    return array(_INTP, ids).tobytes()


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


def _readable(phrase: str) -> bool:
    words = phrase.split()
    plain = word_set("onward.understand", "plain")  # words too common to explain anything alone
    return len(phrase) > 2 and "0" not in words and not all(w in plain for w in words)


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
