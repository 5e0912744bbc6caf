"""Playbook tests share small builders in ``playbook_support`` (frozen local times, records).

The suite runs with ``--import-mode=importlib``, which does not put test folders on
``sys.path``; this folder is added here so the test modules can import their builders.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
