"""Train, save and load the reader's model in a models folder, rebuilding it when stale.

The model is stale when its file is missing, was written by another format version, or was
trained on other examples than the built-in corpus plus the person's own ones (``extra``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from onward.understand.examples import LabelledExample, builtin_corpus, corpus_hash
from onward.understand.model_file import (
    MODEL_FILENAME,
    LinearModel,
    OutdatedModel,
    load_model,
    save_model,
)
from onward.understand.reader import Reader

__all__ = ["EXTRA_WEIGHT", "TrainReport", "load_reader", "model_path", "train"]

EXTRA_WEIGHT = 3.0


@dataclass(frozen=True)
class TrainReport:
    """What one training run did."""

    path: Path
    examples: int
    extra_examples: int
    features: int
    seconds: float
    corpus_hash: str


def model_path(models_dir: Path) -> Path:
    return models_dir / MODEL_FILENAME


def train(models_dir: Path, extra: Iterable[LabelledExample] = ()) -> TrainReport:
    """Fit on the built-in corpus plus ``extra`` (weighted higher) and save atomically."""
    from onward.understand.training import fit_model

    started = time.perf_counter()
    extras = list(extra)
    examples = builtin_corpus() + extras
    weights = [1.0] * (len(examples) - len(extras)) + [EXTRA_WEIGHT] * len(extras)
    digest = corpus_hash(extras)
    model = fit_model(examples, weights, digest)
    path = model_path(models_dir)
    save_model(model, path)
    return TrainReport(
        path,
        len(examples),
        len(extras),
        len(model.vocabulary),
        time.perf_counter() - started,
        digest,
    )


def load_reader(models_dir: Path, extra: Iterable[LabelledExample] = ()) -> Reader:
    """The reader saved in ``models_dir``; trained and saved first when missing or stale.

    A file that exists but is not an Onward model (corrupt, foreign) raises ``SetupError``
    rather than being silently replaced, so damage is noticed.
    """
    extras = list(extra)
    digest = corpus_hash(extras)
    path = model_path(models_dir)
    model: LinearModel | None
    try:
        model = load_model(path)
    except (FileNotFoundError, OutdatedModel):
        model = None
    if model is None or model.corpus_hash != digest:
        train(models_dir, extras)
        model = load_model(path)
    return Reader(model)
