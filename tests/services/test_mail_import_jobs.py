"""The server's record of mail imports: how many run at once, how many are remembered."""

from __future__ import annotations

import pytest

from onward.errors import Conflict, NotFound
from onward.services.mail_import_jobs import KEEP, MAX_RUNNING, ImportJobs


def test_at_most_a_few_imports_run_at_once() -> None:
    jobs = ImportJobs()
    running = [jobs.begin() for _ in range(MAX_RUNNING)]
    with pytest.raises(Conflict, match="running already"):
        jobs.begin()
    jobs.update(running[0], state="done")
    assert jobs.get(jobs.begin()).state == "running"


def test_finished_imports_are_forgotten_oldest_first_past_the_limit() -> None:
    jobs = ImportJobs()
    ids = []
    for _ in range(KEEP + 5):
        ids.append(jobs.begin())
        jobs.update(ids[-1], state="done")
    assert len(jobs.jobs) == KEEP
    assert jobs.get(ids[-1]).state == "done"
    with pytest.raises(NotFound, match="no mail import"):
        jobs.get(ids[0])
