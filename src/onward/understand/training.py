"""Fit the linear model with scikit-learn (imported here only) and export plain arrays."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from onward.domain.emails import EmailLabel
from onward.understand.combine import combine
from onward.understand.examples import LabelledExample
from onward.understand.features import analyze, model_text
from onward.understand.model_file import LinearModel
from onward.understand.rules import apply_rules

__all__ = ["fit_model"]

LABELS = tuple(label.value for label in EmailLabel)


def _fit_temperature(decisions: npt.NDArray[np.float64], y: npt.NDArray[np.int64]) -> float:
    """The temperature that minimises the log-loss of out-of-fold decision values."""
    best, best_loss = 1.0, math.inf
    for t in np.exp(np.linspace(math.log(0.2), math.log(5.0), 60)):
        z = decisions / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = float(-logp[np.arange(len(y)), y].mean())
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


# Rules make the combined output sharper than the model; calibration may sharpen it, within
# this bound, since the out-of-fold corpus is cleaner than real mail.
MIN_OUTPUT_TEMPERATURE = 0.5


def _with_rules(logits: npt.NDArray[np.float64], texts: Sequence[str]) -> npt.NDArray[np.float64]:
    labels = [EmailLabel(x) for x in LABELS]
    rows = [
        combine(list(row), apply_rules(text), labels)[0]
        for row, text in zip(logits.tolist(), texts, strict=True)
    ]
    return np.asarray(rows, dtype=np.float64)


def fit_model(
    examples: Sequence[LabelledExample], weights: Sequence[float], corpus_hash: str
) -> LinearModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts = [model_text(e.email) for e in examples]
    y = np.asarray([LABELS.index(e.label.value) for e in examples], dtype=np.int64)
    w = np.asarray(weights, dtype=np.float64)
    vectorizer = TfidfVectorizer(
        analyzer=analyze, sublinear_tf=True, min_df=2, max_features=30000, dtype=np.float64
    )
    x = vectorizer.fit_transform(texts)
    clf = LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced")
    present = sorted(set(y.tolist()))
    folds = min(5, int(np.bincount(y).min()) if len(present) == len(LABELS) else 0)
    temperature = output_temperature = 1.0
    if folds >= 2:
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
        decisions = np.asarray(
            cross_val_predict(
                clf, x, y, cv=cv, method="decision_function", params={"sample_weight": w}
            ),
            dtype=np.float64,
        )
        # The written corpus is cleaner than real mail, so calibration may soften the model's
        # confidence but never sharpen it.
        temperature = max(1.0, _fit_temperature(decisions, y))
        # Then calibrate what the reader really outputs: model logits plus rule boosts.
        combined = _with_rules(decisions / temperature, texts)
        output_temperature = max(MIN_OUTPUT_TEMPERATURE, _fit_temperature(combined, y))
    clf.fit(x, y, sample_weight=w)
    coef = np.zeros((x.shape[1], len(LABELS)))
    intercept = np.full(len(LABELS), -30.0)
    for col, cls in enumerate(clf.classes_):
        coef[:, int(cls)] = clf.coef_[col]
        intercept[int(cls)] = clf.intercept_[col]
    vocabulary = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
    return LinearModel(
        LABELS,
        vocabulary,
        np.asarray(vectorizer.idf_, dtype=np.float64),
        coef,
        intercept,
        temperature,
        corpus_hash,
        output_temperature,
    )
