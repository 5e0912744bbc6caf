"""The coach's cohort view: the funnel and effort across the caseload, and the cohort report
(CSV, and the offline HTML report), holding only what each person shared.

The funnel and effort read the pipeline of the people who shared it (each read logged through
:func:`onward.services.sharing.read_shared_many`); the flags come from the caseload, so they read
only each person's shared scopes. Nobody's notes, drafts, feedback or writing goes in.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.caseload import EFFORT_WEEKS, Cohort, CohortLine, cohort
from onward.domain.records import Owner
from onward.domain.sharing import Scope
from onward.files import write_atomically
from onward.services.caseload import caseload
from onward.services.sharing import read_shared_many

CSV_COLUMNS = (
    "person",
    "shared",
    "share_ends",
    "flags",
    "applied",
    "screen_or_further",
    "interview_or_further",
    "offer",
    f"sent_last_{EFFORT_WEEKS}_weeks",
)


@dataclass(frozen=True)
class CohortView:
    cohort: Cohort
    rows: tuple[CohortLine, ...]
    made_at: datetime


def cohort_view(store: Store, coach: Owner, clock: Clock) -> CohortView:
    """The caseload with each person's pipeline counts (if shared), and the cohort's sums."""
    with store.transaction():  # one transaction (one commit of the log) for everyone
        rows = _lines(store, coach, clock)
    shared = [r.counts for r in rows if r.counts is not None]
    return CohortView(cohort(shared), tuple(rows), clock.now())


def _lines(store: Store, coach: Owner, clock: Clock) -> list[CohortLine]:
    people = caseload(store, coach, clock)
    piped = {p.person_id: [Scope.PIPELINE] for p in people if Scope.PIPELINE in p.share.scopes}
    reads = read_shared_many(store, coach, clock, piped, what="cohort view")
    with store.transaction() as tx:
        counts = tx.caseload.counts_many(list(reads), clock.today())
    return [
        CohortLine(
            p.person_id,
            p.name,
            p.share.scope_names,
            p.share.expires_on,
            p.flags,
            counts.get(p.person_id),
        )
        for p in people
    ]


def cohort_csv(view: CohortView) -> str:
    """One row per person: what they shared, their flags and (if shared) their counts."""
    from onward.export.csv_export import write_csv

    out = io.StringIO()
    write_csv(out, CSV_COLUMNS, (_csv_row(row) for row in view.rows))
    return out.getvalue()


def _csv_row(row: CohortLine) -> list[object]:
    cells: list[object] = [
        row.name,
        " ".join(row.scopes),
        row.expires_on.isoformat(),
        "; ".join(f.reason for f in row.flags),
    ]
    if row.counts is None:
        return [*cells, None, None, None, None, None]
    steps = row.counts.steps
    return [
        *cells,
        steps.get("applied", 0),
        steps.get("screen", 0),
        steps.get("interview", 0),
        steps.get("offer", 0),
        sum(row.counts.sent_per_week),
    ]


def cohort_html(view: CohortView, coach: Owner) -> str:
    from onward.export.cohort_report import render_cohort_report

    return render_cohort_report(view.cohort, view.rows, coach.name, view.made_at)


def write_cohort_report(store: Store, coach: Owner, clock: Clock, path: Path) -> Path:
    """Write the cohort report to ``path``: CSV for a ``.csv`` name, else offline HTML."""
    view = cohort_view(store, coach, clock)
    text = cohort_csv(view) if path.suffix.lower() == ".csv" else cohort_html(view, coach)
    return write_atomically(path, text, make_folder=False)
