"""The one way Onward turns its results into JSON-ready data (every ``--json`` output).

Dataclasses become objects (field by field, recursively), enums their values, dates and
times ISO text, durations seconds, sets and tuples lists, paths text. A value that knows a
better shape says so with an ``as_json()`` method (a hint) or an ``as_dict()`` method (a
rate adds its interval and verdict).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import PurePath
from typing import Any


def to_jsonable(value: Any) -> Any:
    """``value`` as plain dicts, lists, strings, numbers, booleans and None."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    shape = getattr(value, "as_json", None) or getattr(value, "as_dict", None)
    if callable(shape) and not isinstance(value, type):
        return to_jsonable(shape())
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, PurePath):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
