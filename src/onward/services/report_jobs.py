"""Reports made off the request path: the offline insights report and the coach's cohort
report (CSV or offline HTML).

A report is asked for (a row in ``report_jobs``, state ``queued``), made (``running``, then
``done`` with its text, or ``failed`` with what went wrong) and then downloaded, as often as
the person likes, until newer reports push it out (the newest :data:`KEPT` are kept). Who
makes it is the runner the app was built with (``onward.services.job_runners``): on a
multi-user server the worker process, from the job queue, so a megabyte of HTML never holds up
a web process; in single-user mode the request itself, at once. Both call :func:`make_report`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from onward.errors import Conflict, InvalidInput, NotFound, OnwardError
from onward.services.crash_reports import record_crash
from onward.services.runtime import Workspace

#: The newest reports kept for each person (older finished ones are deleted): an insights
#: report inlines plotly.js (about 4.6 MB before PostgreSQL compresses it).
KEPT = 3


class ReportKind(StrEnum):
    INSIGHTS = "insights"  # the offline insights report (HTML, charts inlined)
    COHORT_CSV = "cohort-csv"  # a coach's cohort: one row per person
    COHORT_HTML = "cohort-html"  # a coach's cohort as an offline report

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def media_type(self) -> str:
        if self is ReportKind.COHORT_CSV:
            return "text/csv; charset=utf-8"
        return "text/html; charset=utf-8"


_LABELS = {
    ReportKind.INSIGHTS: "Insights report",
    ReportKind.COHORT_CSV: "Cohort report (CSV)",
    ReportKind.COHORT_HTML: "Cohort report",
}
_FILES = {
    ReportKind.INSIGHTS: "onward-insights-{day}.html",
    ReportKind.COHORT_CSV: "cohort-{day}.csv",
    ReportKind.COHORT_HTML: "cohort-{day}.html",
}


@dataclass(frozen=True)
class ReportJob:
    """A report asked for: where it stands (its text is read only for a download)."""

    id: str
    kind: ReportKind
    state: str  # queued | running | done | failed
    created_at: datetime
    finished_at: datetime | None = None
    error: str | None = None

    @property
    def ready(self) -> bool:
        return self.state == "done"

    @property
    def ended(self) -> bool:
        return self.state in ("done", "failed")

    @property
    def file_name(self) -> str:
        return _FILES[self.kind].format(day=self.created_at.date().isoformat())


def report_kind(value: str) -> ReportKind:
    try:
        return ReportKind(value)
    except ValueError:
        names = ", ".join(k.value for k in ReportKind)
        raise InvalidInput(f"no report called {value!r}: choose {names}", field="kind") from None


def ask_for_report(ws: Workspace, kind: ReportKind) -> ReportJob:
    """Write the request for a report (state ``queued``) and return it; a runner makes it."""
    public_id = secrets.token_hex(12)
    with ws.store.transaction() as tx:
        tx.report_jobs.insert(ws.owner.id, public_id, kind.value, ws.clock.now())
    return get_report(ws, public_id)


def make_report(ws: Workspace, public_id: str) -> str:
    """Make the asked-for report ``public_id`` of ``ws``'s owner and keep it (or what went
    wrong); returns the state it ended in. A person's problem (an error Onward raises on
    purpose) is written on the report; anything else also leaves a crash report."""
    job = get_report(ws, public_id)
    with ws.store.transaction() as tx:
        tx.report_jobs.update(public_id, state="running")
    try:
        body = _BUILDERS[job.kind](ws)
    except OnwardError as exc:
        return report_failed(ws, public_id, exc.message)
    except Exception as exc:  # the worker goes on; the report says what happened
        record_crash(exc, f"{job.kind.label} (report job)", ws.settings.home, ws.clock.now())
        return report_failed(
            ws, public_id, "the report hit an unexpected problem; ask for it again"
        )
    with ws.store.transaction() as tx:
        tx.report_jobs.update(public_id, state="done", body=body, finished_at=ws.clock.now())
        tx.report_jobs.forget_older(ws.owner.id, KEPT)
    return "done"


def report_failed(ws: Workspace, public_id: str, error: str) -> str:
    """Mark the report as failed, with what went wrong (words for the person)."""
    with ws.store.transaction() as tx:
        tx.report_jobs.update(public_id, state="failed", error=error, finished_at=ws.clock.now())
    return "failed"


def get_report(ws: Workspace, public_id: str) -> ReportJob:
    """The owner's report ``public_id``; another person's is the same NotFound as none."""
    with ws.store.transaction() as tx:
        row = tx.report_jobs.get(ws.owner.id, public_id)
    if row is None:
        raise NotFound("no report with that id", field="report")
    return _job(row)


def list_reports(ws: Workspace) -> list[ReportJob]:
    """The owner's reports, newest first (at most :data:`KEPT` finished ones, plus any
    still being made)."""
    with ws.store.transaction() as tx:
        rows = tx.report_jobs.listed(ws.owner.id, KEPT * 2)
    return [_job(r) for r in rows]


def report_file(ws: Workspace, public_id: str) -> tuple[ReportJob, str]:
    """A finished report and its text; Conflict while it is being made or if it failed."""
    job = get_report(ws, public_id)
    body = None
    if job.ready:
        with ws.store.transaction() as tx:
            body = tx.report_jobs.body(ws.owner.id, public_id)
    if body is None:
        why = job.error if job.state == "failed" else "it is still being made"
        raise Conflict(f"the report is not ready: {why}", field="report")
    return job, body


def _job(row: dict[str, object]) -> ReportJob:
    return ReportJob(
        id=str(row["public_id"]),
        kind=ReportKind(str(row["kind"])),
        state=str(row["state"]),
        created_at=row["created_at"],  # type: ignore[arg-type]
        finished_at=row["finished_at"],  # type: ignore[arg-type]
        error=row["error"],  # type: ignore[arg-type]
    )


def _insights(ws: Workspace) -> str:
    from onward.services.insights import insights_report

    return insights_report(ws.store, ws.owner, ws.clock, ghosting=ws.ghosting)


def _cohort_csv(ws: Workspace) -> str:
    from onward.services.cohort import cohort_csv, cohort_view

    return cohort_csv(cohort_view(ws.store, ws.owner, ws.clock))


def _cohort_html(ws: Workspace) -> str:
    from onward.services.cohort import cohort_html, cohort_view

    return cohort_html(cohort_view(ws.store, ws.owner, ws.clock), ws.owner)


_BUILDERS: dict[ReportKind, Callable[[Workspace], str]] = {
    ReportKind.INSIGHTS: _insights,
    ReportKind.COHORT_CSV: _cohort_csv,
    ReportKind.COHORT_HTML: _cohort_html,
}
