"""What makes the web app installable as its own window: the web app manifest and the service
worker, both from web/static but served at the root, so the worker's scope is every page
(a worker only controls pages under the folder its script is served from).

The worker caches only the app shell and the offline page (web/static/service-worker.js says
which); the CSP's ``worker-src 'self'`` and ``manifest-src 'self'`` allow exactly these two.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC = Path(__file__).parent / "static"
NO_CACHE = {"cache-control": "no-cache"}  # a new version of Onward reaches the browser at once

router = APIRouter()


@router.get("/manifest.webmanifest", include_in_schema=False)
def manifest() -> FileResponse:
    return FileResponse(
        STATIC / "manifest.webmanifest", media_type="application/manifest+json", headers=NO_CACHE
    )


@router.get("/service-worker.js", include_in_schema=False)
def service_worker() -> FileResponse:
    return FileResponse(
        STATIC / "service-worker.js", media_type="text/javascript", headers=NO_CACHE
    )
