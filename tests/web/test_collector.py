"""A served process tunes its garbage collector once the app is built (``web/collector.py``):
what starting made is frozen out of full collections and young collections run less often.
In a child process, so the test run's own collector is left as it is."""

from __future__ import annotations

import subprocess
import sys

from onward.web.collector import YOUNG_THRESHOLD


def test_settle_freezes_what_is_alive_and_raises_the_young_threshold() -> None:
    code = (
        "import gc\n"
        "from onward.web import collector\n"
        "from onward.web.multi_user import server_app\n"  # the worker's factory imports it
        "before = gc.get_threshold()[0]\n"
        "collector.settle()\n"
        "print(before, gc.get_threshold()[0], gc.get_freeze_count())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after, frozen = (int(x) for x in done.stdout.split())
    assert before == 700 and after == YOUNG_THRESHOLD
    assert frozen > 10_000  # the framework and Onward's modules, out of the collector's way
