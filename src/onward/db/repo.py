"""What every repository shares: the connection of the transaction it works in, and the
ways to read, list and change one owner's rows of a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Executable, Row, Select, Table, select, update

from onward.db.meta import insert_row

T = TypeVar("T")


class Repo:
    """A repository: the queries of one kind of record, run on ``conn``. The store makes one
    of each per transaction (``onward.db.store.Tx``)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def owned(
        self, table: Table, owner_id: int, row_id: int, read: Callable[[Row[Any]], T]
    ) -> T | None:
        """The row ``row_id`` of ``table`` if it is ``owner_id``'s, read by ``read``."""
        return self.read_first(select(table).where(*_own(table, owner_id, row_id)), read)

    def read_first(self, stmt: Executable, read: Callable[[Row[Any]], T]) -> T | None:
        """The first row ``stmt`` finds, read by ``read``; None when it finds none."""
        row = self.conn.execute(stmt).first()
        return read(row) if row is not None else None

    def read_all(self, stmt: Executable, read: Callable[[Row[Any]], T]) -> list[T]:
        """Every row ``stmt`` finds, each read by ``read``."""
        return [read(row) for row in self.conn.execute(stmt)]

    def insert_owned(self, table: Table, owner_id: int, **values: Any) -> int:
        """Insert one of ``owner_id``'s rows into ``table``; return its new id."""
        return insert_row(self.conn, table, owner_id=owner_id, **values)

    def update_or_insert(
        self, table: Table, where: Sequence[ColumnElement[bool]], values: dict[str, Any], **new: Any
    ) -> None:
        """Set ``values`` on the rows of ``table`` that match ``where``; when none does, insert
        one with ``values`` and ``new`` (the columns ``where`` finds it by, and the ones set
        only when a row is made)."""
        changed = self.conn.execute(update(table).where(*where).values(**values)).rowcount
        if not changed:
            self.conn.execute(table.insert().values(**new, **values))

    def update_owned(self, table: Table, owner_id: int, row_id: int, **values: Any) -> int:
        """Set ``values`` on the row ``row_id`` of ``table`` if it is ``owner_id``'s; how many
        rows changed (0 or 1)."""
        stmt = update(table).where(*_own(table, owner_id, row_id)).values(**values)
        return int(self.conn.execute(stmt).rowcount)


def owned_rows(
    table: Table,
    owner_id: int,
    *where: ColumnElement[bool],
    order_by: tuple[Any, ...] = (),
    limit: int | None = None,
) -> Select[Any]:
    """The rows of ``table`` that are ``owner_id``'s and match ``where``, in ``order_by``
    order, at most ``limit`` of them when given."""
    stmt = select(table).where(table.c.owner_id == owner_id, *where).order_by(*order_by)
    return stmt if limit is None else stmt.limit(limit)


def matching(table: Table, **wanted: Any) -> list[ColumnElement[bool]]:
    """Conditions on the columns of ``table`` that ``wanted`` names: equal to a value, or one
    of a list, tuple or set of them (an enum by its value). A None or an empty collection
    asks nothing: ``matching(tasks, status=statuses, application_id=app_id)``."""
    found: list[ColumnElement[bool]] = []
    for name, value in wanted.items():
        column = table.c[name]
        if isinstance(value, list | tuple | set | frozenset):
            if value:
                found.append(column.in_([_plain(v) for v in value]))
        elif value is not None:
            found.append(column == _plain(value))
    return found


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _own(table: Table, owner_id: int, row_id: int) -> tuple[ColumnElement[bool], ...]:
    return table.c.owner_id == owner_id, table.c.id == row_id
