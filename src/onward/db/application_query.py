"""Which applications a list shows and in what order: the filters and sort orders of
``ApplicationQuery``, shared by the repositories that read applications."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select

from onward.db import tables as t
from onward.db.types import lowered
from onward.domain.pipeline import ACTIVE, Stage
from onward.domain.records import SORTS, ApplicationQuery
from onward.errors import InvalidInput


def filtered(stmt: Select[Any], owner_id: int, query: ApplicationQuery) -> Select[Any]:
    """``stmt`` narrowed to the applications of ``owner_id`` that ``query`` selects."""
    c = t.applications.c
    conditions = [c.owner_id == owner_id]
    if query.stages:
        conditions.append(c.stage.in_([s.value for s in query.stages]))
    if query.active is not None:
        active = [s.value for s in ACTIVE]
        conditions.append(c.stage.in_(active) if query.active else c.stage.not_in(active))
    if query.company:
        conditions.append(lowered(c.company).contains(query.company.lower()))
    if query.search:
        needle = query.search.lower()
        conditions.append(
            or_(lowered(c.company).contains(needle), lowered(c.role).contains(needle))
        )
    if query.archived is not None:
        conditions.append(c.archived_at.is_not(None) if query.archived else c.archived_at.is_(None))
    if query.tag:
        tagged = (
            select(t.application_tags.c.application_id)
            .join(t.tags, t.tags.c.id == t.application_tags.c.tag_id)
            .where(t.tags.c.owner_id == owner_id, t.tags.c.name == query.tag.lower())
        )
        conditions.append(c.id.in_(tagged))
    return stmt.where(and_(*conditions))


_STAGE_ORDER = {stage.value: i for i, stage in enumerate(Stage)}


def order_by(query: ApplicationQuery) -> list[Any]:
    """ORDER BY for ``query.sort`` (see ``SORTS``), newest step then id as tie-breakers."""
    c = t.applications.c
    if query.sort not in SORTS:
        raise InvalidInput(f"unknown sort {query.sort!r}", hint="use one of: " + ", ".join(SORTS))
    descending = SORTS[query.sort] != query.reverse
    key: Any = {
        "recent": c.stage_on,
        "company": func.lower(c.company),
        "role": func.lower(c.role),
        "stage": case(_STAGE_ORDER, value=c.stage, else_=len(_STAGE_ORDER)),
        "excitement": func.coalesce(c.excitement, 0),
        "added": c.created_at,
    }[query.sort]
    first = key.desc() if descending else key.asc()
    if query.sort == "recent":
        return [first, c.id.desc() if descending else c.id.asc()]
    return [first, c.stage_on.desc(), c.id.desc()]


def chunks(ids: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    """``ids`` in slices small enough for one ``IN (...)`` on every database."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
