"""The model file: plain JSON, versioned, written atomically, loaded without executing anything.

No pickle: a model file is data (vocabulary, idf, coefficients, intercepts, temperature),
checked field by field on load. A file that fails a check raises ``SetupError``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from onward.errors import Action, Hint, InvalidInput, SetupError
from onward.files import write_atomically

__all__ = [
    "FORMAT",
    "MODEL_FILENAME",
    "Head",
    "LinearModel",
    "OutdatedModel",
    "load_model",
    "save_model",
]

FORMAT = 5
MODEL_FILENAME = "email-reader.json"
_KIND = "onward-email-reader"


@dataclass(frozen=True)
class Head:
    """A second linear read of the same features, for one detail of a rejection (its reason
    or the stage reached): ``coef`` has a row per feature of the model, a column per label."""

    labels: tuple[str, ...]
    coef: npt.NDArray[np.float64]  # shape (features, labels)
    intercept: npt.NDArray[np.float64]

    def to_json(self) -> dict[str, Any]:
        rows = [
            [i, [round(float(x), 4) for x in row]]
            for i, row in enumerate(self.coef)
            if np.any(np.abs(row) >= 5e-5)
        ]
        return {
            "labels": list(self.labels),
            "intercept": [round(float(x), 6) for x in self.intercept],
            "rows": rows,  # the features any rejection had; the others weigh nothing
        }


@dataclass(frozen=True)
class LinearModel:
    """A multinomial linear model over tf-idf features, with temperature calibration."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]  # shape (features, labels)
    intercept: npt.NDArray[np.float64]
    temperature: float
    corpus_hash: str
    output_temperature: float = 1.0
    #: Reads of the details of a rejection, by name ("reason", "stage").
    heads: dict[str, Head] = field(default_factory=dict)
    format: int = FORMAT

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": _KIND,
            "format": self.format,
            "corpus_hash": self.corpus_hash,
            "labels": list(self.labels),
            "temperature": round(self.temperature, 6),
            "output_temperature": round(self.output_temperature, 6),
            "intercept": [round(float(x), 6) for x in self.intercept],
            "features": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
            "idf": [round(float(x), 5) for x in self.idf],
            "coef": [[round(float(x), 5) for x in row] for row in self.coef],
            "heads": {name: head.to_json() for name, head in self.heads.items()},
        }


def save_model(model: LinearModel, path: Path) -> None:
    """Write ``model`` to ``path`` atomically: a temporary file in the same folder, then rename.

    A failure leaves any previous file untouched and raises ``SetupError``.
    """
    text = json.dumps(model.to_json(), separators=(",", ":"))
    try:
        write_atomically(path, text)
    except InvalidInput as exc:
        raise SetupError(f"Cannot write the model file: {exc.message}") from None


class OutdatedModel(SetupError):
    """A genuine Onward model file written by another format version: rebuild it."""


def _fail(path: Path, why: str) -> SetupError:
    return SetupError(
        f"Unusable model file {path}: {why}",
        hint=Hint(Action.TRAIN_MODEL, text="delete the file"),
    )


def load_model(path: Path) -> LinearModel:
    """Read and check a model file; raise ``SetupError`` when it is not a valid one."""
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise _fail(path, f"not readable JSON ({exc.__class__.__name__})") from None
    if not isinstance(raw, dict) or raw.get("kind") != _KIND:
        raise _fail(path, "not an Onward email model")
    if raw.get("format") != FORMAT:
        raise OutdatedModel(
            f"Model file {path} has format {raw.get('format')!r}, expected {FORMAT}",
            hint=Hint(Action.TRAIN_MODEL),
        )
    try:
        labels = tuple(str(x) for x in raw["labels"])
        features = [str(x) for x in raw["features"]]
        idf = np.asarray(raw["idf"], dtype=np.float64)
        coef = np.asarray(raw["coef"], dtype=np.float64)
        intercept = np.asarray(raw["intercept"], dtype=np.float64)
        temperature = float(raw["temperature"])
        output_temperature = float(raw["output_temperature"])
        corpus_hash = str(raw["corpus_hash"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _fail(path, f"missing or malformed field ({exc})") from None
    n, k = len(features), len(labels)
    if idf.shape != (n,) or coef.shape != (n, k) or intercept.shape != (k,):
        raise _fail(path, "array shapes do not match")
    if not (temperature > 0 and output_temperature > 0):
        raise _fail(path, "temperatures must be positive")
    if not (np.isfinite(coef).all() and np.isfinite(idf).all()):
        raise _fail(path, "non-finite numbers")
    vocabulary = {f: i for i, f in enumerate(features)}
    heads = {str(name): _head(path, raw_head, n) for name, raw_head in raw.get("heads", {}).items()}
    return LinearModel(
        labels=labels,
        vocabulary=vocabulary,
        idf=idf,
        coef=coef,
        intercept=intercept,
        temperature=temperature,
        corpus_hash=corpus_hash,
        output_temperature=output_temperature,
        heads=heads,
    )


def _head(path: Path, raw: Any, features: int) -> Head:
    """One head of a model file, checked like the rest."""
    try:
        labels = tuple(str(x) for x in raw["labels"])
        intercept = np.asarray(raw["intercept"], dtype=np.float64)
        coef = np.zeros((features, len(labels)))
        for index, row in raw["rows"]:
            if not 0 <= int(index) < features:
                raise IndexError(f"feature {index}")
            coef[int(index)] = np.asarray(row, dtype=np.float64)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise _fail(path, f"malformed head ({exc})") from None
    if intercept.shape != (len(labels),) or not np.isfinite(coef).all():
        raise _fail(path, "a head's arrays do not match")
    return Head(labels, coef, intercept)
