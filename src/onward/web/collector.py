"""The garbage collector of a long-running web process.

A served Onward keeps about 200,000 objects alive (the framework, the templates, word lists,
the reader's tables). CPython's default collector walks all of them in a full collection,
which the thousands of short-lived rows of a big page (the review queue with 5,000 proposals,
its preview) set off every few requests: a pause of 100-150 ms in a page that otherwise
takes 70 (``bench/review_page.py``: p95 of the preview 196 ms before, 98 after).
:func:`settle` moves what starting made out of the collector's way (``gc.freeze``) and lets
young collections run less often. ``onward serve`` calls it once the app is built, in every
worker process; the benches call it where they build the app the same way.
"""

from __future__ import annotations

import gc

__all__ = ["YOUNG_THRESHOLD", "settle"]

#: New container objects between young collections (CPython's default is 700).
YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Collect once, freeze what is alive now, and collect the young less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 20, 20)
