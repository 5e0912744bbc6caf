"""`onward worker`: run a multi-user server's jobs (mail syncs and imports, reports, digests)."""

from __future__ import annotations

import typer

from onward.cli import context


def worker(
    concurrency: int = typer.Option(
        2, "--concurrency", help="How many jobs this worker runs at once."
    ),
    once: bool = typer.Option(
        False, "--once", help="Run the jobs waiting now, then stop (instead of running on)."
    ),
    apply_schema: bool = typer.Option(
        False, "--apply-schema", help="Only create the job queue's tables (if missing), then stop."
    ),
) -> None:
    """Run a multi-user server's jobs (PostgreSQL): mail syncs and imports, reports, digests."""
    from onward.services.worker import prepare_queue, run_queue_worker

    if apply_schema:
        created = prepare_queue(context.settings())
        print("Created the job queue's tables." if created else "The job queue is ready.")
        return
    run_queue_worker(context.settings(), concurrency=concurrency, once=once)


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(worker)
