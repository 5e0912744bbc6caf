"""Email understanding: what one job email is, with evidence, and the details it names.

Public entry points::

    load_reader(models_dir) -> Reader          # trains and saves first when missing or stale
    Reader.read(EmailText) -> EmailReading     # label, confidence, evidence, details
    Reader.classify(EmailText) -> (label, confidence)
    train(models_dir, extra=()) -> TrainReport # built-in corpus + the person's own examples
    evaluate(reader, path) -> EvalReport       # on a JSONL file of labelled emails
    strip_quoted(body) -> str                  # drop quoted replies and forwarded blocks

Pure of the database and of delivery layers; scikit-learn is imported only to train.
"""

from __future__ import annotations

from pathlib import Path

from onward.domain.quoting import strip_quoted
from onward.understand.evaluate import EvalReport, evaluate
from onward.understand.examples import LabelledExample, builtin_corpus, read_examples
from onward.understand.lifecycle import TrainReport, load_reader, model_path, train
from onward.understand.model_file import LinearModel, load_model
from onward.understand.reader import Reader

__all__ = [
    "EvalReport",
    "LabelledExample",
    "Reader",
    "TrainReport",
    "builtin_corpus",
    "evaluate",
    "load_model_file",
    "load_reader",
    "model_path",
    "read_examples",
    "strip_quoted",
    "train",
]


def load_model_file(models_dir: Path) -> LinearModel:
    """Load the saved model as is (no staleness check); ``SetupError`` when unusable."""
    return load_model(model_path(models_dir))
