"""The model file: plain JSON, versioned, written atomically, loaded without executing anything.

No pickle: a model file is data (vocabulary, idf, coefficients, intercepts, temperature),
checked field by field on load. A file that fails a check raises ``SetupError``.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from onward.errors import Action, Hint, SetupError

__all__ = ["FORMAT", "MODEL_FILENAME", "LinearModel", "OutdatedModel", "load_model", "save_model"]

FORMAT = 4
MODEL_FILENAME = "email-reader.json"
_KIND = "onward-email-reader"


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
        }


def save_model(model: LinearModel, path: Path) -> None:
    """Write ``model`` to ``path`` atomically: a temporary file in the same folder, then rename.

    A failure leaves any previous file untouched and raises ``SetupError``.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SetupError(
            f"Cannot write the model in {path.parent}: {exc.strerror or exc}"
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(model.to_json(), fh, separators=(",", ":"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise SetupError(f"Cannot write the model file {path}: {exc.strerror or exc}") from None
        raise


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
    return LinearModel(
        labels, vocabulary, idf, coef, intercept, temperature, corpus_hash, output_temperature
    )
