"""The worker process: open the server's database, make sure the queue's tables are there,
and run the queue's jobs (``onward.services.job_queue``) until stopped."""

from __future__ import annotations

from collections.abc import Callable

from onward.clock import Clock
from onward.config import Settings
from onward.db.queue import apply_queue_schema, open_queue
from onward.errors import InvalidInput, SetupError
from onward.services.job_queue import WorkerRuntime, add_tasks, run_worker
from onward.services.runtime import open_workspace


def prepare_queue(settings: Settings, clock: Clock | None = None) -> bool:
    """Migrate the database and create the queue's tables when missing (True when it did).
    PostgreSQL only: the queue is for multi-user servers."""
    ws = open_workspace(settings, clock)
    try:
        if ws.store.backend != "postgresql":
            raise SetupError(
                "a multi-user server and its worker run on PostgreSQL, not SQLite; "
                "the single-user app needs neither",
                hint="set ONWARD_DATABASE_URL to a postgresql:// URL (docs/deploy.md)",
            )
        return apply_queue_schema(ws.store.engine)
    finally:
        ws.close()


def run_queue_worker(
    settings: Settings,
    *,
    concurrency: int = 2,
    once: bool = False,
    clock: Clock | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Run jobs until Ctrl+C or SIGTERM (``once``: until the queue is empty)."""
    if concurrency < 1:
        raise InvalidInput("--concurrency must be 1 or more", field="concurrency")
    if prepare_queue(settings, clock):
        say("Created the job queue's tables.")
    ws = open_workspace(settings, clock)
    try:
        with ws.store.transaction() as tx:
            ended = tx.mail_jobs.end_orphans(ws.clock.now())
        if ended:
            say(f"{ended} mail job(s) cut short by a stopped worker can be resumed.")
        runtime = WorkerRuntime(settings, ws.store, ws.clock)
        app = open_queue(settings.resolved_database_url, worker=True)
        add_tasks(app, runtime)
        if once:
            say("Onward's worker runs the jobs waiting now, then stops.")
        else:
            say(f"Onward's worker runs {concurrency} job(s) at a time (Ctrl+C stops it).")
        run_worker(app, concurrency=concurrency, wait=not once)
    finally:
        ws.close()
