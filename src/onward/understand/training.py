"""Fit the linear model with scikit-learn (imported here only) and export plain arrays."""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from onward.domain.emails import EmailLabel
from onward.understand.combine import combine
from onward.understand.examples import LabelledExample
from onward.understand.features import analyze, model_text
from onward.understand.model_file import Head, LinearModel
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

#: The regularisation of the heads that read a detail of a rejection.
HEAD_C = 4.0

#: The details of a rejection a head reads (``LinearModel.heads``): its reason. A head for
#: the stage reached was tried and left out: on dev.jsonl it named a stage where the mail
#: says none (0.947 to 0.931), while the reason head moved 0.963 to 0.968.
HEADS = ("reason",)


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
    heads = {
        name: head
        for name in HEADS
        if (head := _fit_head(x, [getattr(e, name) for e in examples], w)) is not None
    }
    return LinearModel(
        LABELS,
        vocabulary,
        np.asarray(vectorizer.idf_, dtype=np.float64),
        coef,
        intercept,
        temperature,
        corpus_hash,
        output_temperature,
        heads,
    )


def _fit_head(x: Any, gold: Sequence[StrEnum | None], w: npt.NDArray[np.float64]) -> Head | None:
    """A read of one detail of a rejection (``gold``: its value for each example, ``None``
    when the example is no rejection or the detail is not known), on the model's features."""
    from sklearn.linear_model import LogisticRegression

    rows = [i for i, value in enumerate(gold) if value is not None]
    labels = sorted({str(gold[i]) for i in rows})
    if len(labels) < 2:
        return None
    y = np.asarray([labels.index(str(gold[i])) for i in rows], dtype=np.int64)
    clf = LogisticRegression(C=HEAD_C, max_iter=3000, class_weight="balanced")
    clf.fit(x[rows], y, sample_weight=w[rows])
    if len(labels) == 2:  # a binary fit has one column: the second label's side
        coef = np.column_stack([np.zeros(x.shape[1]), clf.coef_[0]])
        intercept = np.array([0.0, float(clf.intercept_[0])])
    else:  # every label is present, so the classes are 0 .. k-1 in order
        coef, intercept = clf.coef_.T.copy(), clf.intercept_.copy()
    return Head(tuple(labels), coef, intercept)
