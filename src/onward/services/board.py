"""The board: applications in columns by the stage they are at, each column capped so the
page stays quick however long the search has run (the table view pages through the rest)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from onward.db.store import Store
from onward.domain.pipeline import ACTIVE, ORDER, Stage
from onward.domain.playbook.tasks import StoredTask
from onward.domain.records import Application, Owner

#: Columns in the order the board shows them: the way forward, then the endings.
BOARD_STAGES: tuple[Stage, ...] = ORDER
#: Cards per column on the way forward, and in the endings' columns (the table has the rest).
PER_COLUMN = 20
PER_ENDING = 8


@dataclass(frozen=True)
class BoardColumn:
    stage: Stage
    #: The most recent applications at this stage (at most ``PER_COLUMN``).
    cards: tuple[Application, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.cards)


@dataclass(frozen=True)
class Board:
    columns: tuple[BoardColumn, ...]
    #: The next open task of each card on the way forward (by application id), if it has one.
    #: Cards of the endings have none here: after a "no" the rejection's own page leads.
    next_tasks: Mapping[int, StoredTask] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(c.total for c in self.columns)


def get_board(
    store: Store, owner: Owner, *, per_column: int = PER_COLUMN, per_ending: int = PER_ENDING
) -> Board:
    """Every unarchived application by stage; a fixed number of queries whatever the count."""
    with store.transaction() as tx:
        counts = tx.applications.stage_counts(owner.id)
        limits = {
            stage: per_column if stage in ACTIVE else per_ending
            for stage in BOARD_STAGES
            if counts.get(stage, 0)
        }
        cards = tx.applications.first_by_stage(owner.id, limits) if limits else {}
        forward = [a.id for stage, apps in cards.items() if stage in ACTIVE for a in apps]
        next_tasks = tx.tasks.next_open(owner.id, forward)
    return Board(
        tuple(
            BoardColumn(stage, tuple(cards.get(stage, ())), counts.get(stage, 0))
            for stage in BOARD_STAGES
        ),
        next_tasks,
    )
