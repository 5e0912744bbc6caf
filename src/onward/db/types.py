"""Column types that behave the same on SQLite and PostgreSQL.

Every text, string and JSON column uses the ``Safe`` types below: they pass each value
through :func:`onward.domain.text.storable` on its way in, so a NUL or a lone surrogate from an
email, a form, a CSV or a backup is kept as U+FFFD on both databases instead of failing on
PostgreSQL (which refuses NUL) or in the driver (which cannot encode a surrogate). The stored
column types are unchanged (``String``, ``Text``, ``JSON``), so no migration follows from them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ColumnElement, DateTime, String, Text, func
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from onward.domain.text import storable

__all__ = ["SafeJSON", "SafeString", "SafeText", "UTCDateTime", "lowered", "storable_json"]


class SafeString(TypeDecorator[str]):
    """``String(n)`` whose values are made storable on the way in."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return storable(value) if isinstance(value, str) else value


class SafeText(TypeDecorator[str]):
    """``Text`` whose values are made storable on the way in."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return storable(value) if isinstance(value, str) else value


class SafeJSON(TypeDecorator[Any]):
    """``JSON`` whose strings (keys and values, at any depth) are made storable on the way in.

    PostgreSQL keeps ``"\\ud800"`` in a JSON column but fails every query that reads it.
    """

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return storable_json(value)

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """``process_bind_param`` then JSON's own processor (as ``TypeDecorator`` does), the
        empty list and dict (most stored messages' evidence, details and thread ids) done
        once: their text is always the same."""
        process = super().bind_processor(dialect)
        if process is None:
            return None
        done = {kind: process(kind()) for kind in (list, dict)}
        empty = {kind: text for kind, text in done.items() if isinstance(text, str)}

        def processed(value: Any) -> Any:
            if not value and type(value) in empty:
                return empty[type(value)]
            return process(value)

        return processed


def lowered(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``lower(column)`` typed as the column, so a search term compared with it is made
    storable too (an untyped ``func.lower`` would send a NUL to PostgreSQL as it is)."""
    return func.lower(column, type_=column.type)


def storable_json(value: Any) -> Any:
    """``value`` with every string inside it made storable; other values are kept as they are."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_json(key): storable_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [storable_json(item) for item in value]
    return value


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("UTCDateTime needs a timezone-aware datetime")
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """``process_bind_param`` then the dialect's own processor (as ``TypeDecorator``
        does), remembering the last value: a batch of rows written at one moment (their
        ``imported_at``) converts it once."""
        process = super().bind_processor(dialect)
        if process is None:
            return None
        last: list[tuple[object, Any]] = [(None, None)]

        def processed(value: Any) -> Any:
            seen, result = last[0]  # one tuple, read and replaced whole: safe across threads
            if value is seen and value is not None:
                return result
            result = process(value)
            last[0] = (value, result)
            return result

        return processed

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
