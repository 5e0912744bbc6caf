"""API latency: what a bearer token costs per request, against the same request without one.

Requests run in-process through FastAPI's TestClient (no network), each kind ``--requests``
times after a warm-up; prints p50 and p95 in milliseconds. ``last_used_at`` is written at most
once a minute, so a token check is one indexed read.

    python bench/api.py [--requests 500] [--postgres URL]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from onward.config import Settings
from onward.services.api_tokens import create_api_token
from onward.web.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument(
        "--postgres", help="a PostgreSQL URL of an empty database of its own (it adds to it)"
    )
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-api-"))
    settings = Settings().but(home=home, database_url=args.postgres)
    app = create_app(settings)
    ws = app.state.workspace
    token = {"Authorization": f"Bearer {create_api_token(ws.store, ws.owner, ws.clock).secret}"}
    with TestClient(app, base_url="http://127.0.0.1") as client:
        body = {"company": "Acme", "role": "Data Analyst"}
        app_id = client.post("/api/v1/applications", json=body, headers=token).json()["id"]
        for label, headers in (("no token (browser-like)", {}), ("bearer token", token)):
            times = []
            for i in range(args.requests + 20):
                start = time.perf_counter()
                response = client.get(f"/api/v1/applications/{app_id}", headers=headers)
                if i >= 20:
                    times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            p95 = statistics.quantiles(times, n=20)[-1]
            print(
                f"GET /api/v1/applications/ID, {label:24} p50 {statistics.median(times):6.2f} ms"
                f"  p95 {p95:6.2f} ms  ({ws.store.backend}, {args.requests} requests)"
            )


if __name__ == "__main__":
    main()
