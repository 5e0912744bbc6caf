"""Use cases for the email reader's model: train it, measure it, open it for reading mail."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onward.understand import EvalReport, LabelledExample, Reader
    from onward.understand.crossval import CrossValReport


@dataclass(frozen=True)
class TrainResult:
    """What ``train_model`` did."""

    path: Path
    examples: int
    extra_examples: int
    features: int
    seconds: float


def train_model(models_dir: Path, extra_examples: Iterable[LabelledExample] = ()) -> TrainResult:
    """Train on the built-in corpus plus the person's confirmed examples; save atomically."""
    from onward.understand import train

    report = train(models_dir, extra_examples)
    return TrainResult(
        report.path, report.examples, report.extra_examples, report.features, report.seconds
    )


def evaluate_model(
    models_dir: Path, path: Path, extra_examples: Iterable[LabelledExample] = ()
) -> EvalReport:
    """Measure the reader (rebuilt first when missing or stale) on a JSONL file of emails."""
    from onward.understand import evaluate, load_reader

    return evaluate(load_reader(models_dir, extra_examples), path)


def cross_validate_model(folds: int, hold_out_templates: bool = False) -> CrossValReport:
    """Measure the reader on the built-in corpus with whole families held out: each family
    is read by a model trained without it (``onward.understand.crossval``); the template
    banks too when ``hold_out_templates``."""
    from onward.understand import builtin_corpus
    from onward.understand.crossval import cross_validate

    return cross_validate(builtin_corpus(), folds, hold_out_templates=hold_out_templates)


def open_reader(models_dir: Path, extra_examples: Iterable[LabelledExample] = ()) -> Reader:
    """The email reader, trained on first use and saved under ``models_dir``."""
    from onward.understand import load_reader

    return load_reader(models_dir, extra_examples)
