"""Score features with a ``LinearModel`` in plain numpy: probabilities and evidence."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import numpy.typing as npt

from onward.understand.model_file import LinearModel

__all__ = ["Scored", "score"]

Scored = tuple[npt.NDArray[np.float64], npt.NDArray[np.intp], npt.NDArray[np.float64]]


def score(model: LinearModel, features: list[str]) -> Scored:
    """Calibrated probabilities, plus the feature indices and tf-idf values used."""
    vocab = model.vocabulary
    counts = Counter(f for f in features if f in vocab)
    if not counts:
        logits = model.intercept / model.temperature
        idx = np.zeros(0, dtype=np.intp)
        vals = np.zeros(0)
    else:
        idx = np.fromiter((vocab[f] for f in counts), dtype=np.intp, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64,
                         count=len(counts))
        vals = tf * model.idf[idx]
        vals /= math.sqrt(float(vals @ vals))
        logits = (vals @ model.coef[idx] + model.intercept) / model.temperature
    z = np.exp(logits - logits.max())
    return z / z.sum(), idx, vals


def top_phrases(model: LinearModel, idx: npt.NDArray[np.intp], vals: npt.NDArray[np.float64],
                label_index: int, limit: int = 4) -> list[str]:
    """The readable word features that pushed hardest towards ``label_index``."""
    if len(idx) == 0:
        return []
    rows = model.coef[idx]
    push = vals * (rows[:, label_index] - rows.mean(axis=1))
    order = np.argsort(-push)
    names = _names(model)
    out: list[str] = []
    for i in order[: limit * 6]:
        if push[i] <= 0:
            break
        name = names[int(idx[i])]
        if name.startswith(("w:", "b:")) and not name[2:].isdigit() and len(name) > 4:
            phrase = name[2:]
            if not any(phrase in kept or kept in phrase for kept in out):
                out.append(phrase)
        if len(out) >= limit:
            break
    return out


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
