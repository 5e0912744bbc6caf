"""Run the queue's worker as ``onward worker`` runs it: on a thread with no event loop of its
own. The browser tests' Playwright keeps an asyncio loop running on the main thread of a test
process for the rest of its session, and procrastinate's ``run_worker`` calls
``asyncio.run``, which refuses to start inside a running loop."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from onward.services.job_queue import run_worker


def run_worker_apart(app: Any, **options: Any) -> None:
    """``run_worker(app, wait=False, **options)`` on a thread of its own; its errors raise here."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(run_worker, app, wait=False, **options).result()
