"""API fixtures: the web app on the test database, called with a personal access token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.conftest import Web

from onward.services.api_tokens import create_api_token


class Api:
    """The app's TestClient with ``Authorization: Bearer`` set (no cookies, no CSRF token)."""

    def __init__(self, web: Web) -> None:
        self.web = web
        self.ws = web.ws
        self.secret = create_api_token(self.ws.store, self.ws.owner, self.ws.clock).secret
        self.headers = {"Authorization": f"Bearer {self.secret}"}

    def get(self, url: str, **kw: Any) -> Any:
        return self.web.client.get(url, headers=self.headers, **kw)

    def post(self, url: str, **kw: Any) -> Any:
        return self.web.client.post(url, headers=self.headers, **kw)

    def delete(self, url: str, **kw: Any) -> Any:
        return self.web.client.delete(url, headers=self.headers, **kw)


@pytest.fixture
def api(web: Web) -> Iterator[Api]:
    yield Api(web)
