"""What every repository shares: the connection of the transaction it works in, and the
one way to read one owner's record by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Table, select

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
        c = table.c
        row = self.conn.execute(select(table).where(c.owner_id == owner_id, c.id == row_id)).first()
        return read(row) if row is not None else None
