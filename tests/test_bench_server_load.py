"""``bench/server_load.py`` at a tiny size: it seeds (two coaches), starts a multi-user server
with two web processes, signs a coach and two seekers in, and every cross-owner probe is
refused (PostgreSQL only)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.postgres_only  # the multi-user server runs on PostgreSQL only
def test_a_tiny_load_run_signs_in_and_refuses_every_probe() -> None:
    command = [sys.executable, str(ROOT / "bench" / "server_load.py"), "--seekers", "3"]
    command += ["--coaches", "2", "--applications", "9", "--seconds", "2", "--users", "3"]
    command += ["--coach-users", "1", "--think", "0.1", "--warm-up", "1", "--workers", "2"]
    command += ["--postgres", str(PG_URL)]
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "signed in: 3 (" in out and "coach: caseload" in out
    assert re.search(r"^errors: 0$", out, re.M), out
    probes = re.search(r"cross-owner probes: (\d+), refused \(404\): (\d+)", out)
    assert probes is not None and int(probes[1]) >= 4 and probes[1] == probes[2], out
