"""Online backups of the SQLite database (safe while Onward is running)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

PATTERN = "onward-*.db"


def backup_sqlite(db_path: Path, dest_dir: Path, now: datetime, keep: int) -> Path:
    """Copy ``db_path`` page by page with SQLite's backup API; keep the newest ``keep``."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    dest = dest_dir / f"onward-{stamp}.db"
    counter = 1
    while dest.exists():
        counter += 1
        dest = dest_dir / f"onward-{stamp}-{counter}.db"
    partial = dest.with_suffix(".db.partial")
    source = sqlite3.connect(db_path)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    os.replace(partial, dest)
    prune(dest_dir, keep)
    return dest


def prune(dest_dir: Path, keep: int, pattern: str = PATTERN) -> None:
    backups = sorted(dest_dir.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in backups[keep:]:
        old.unlink()
