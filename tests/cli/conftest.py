from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.support.cli_runner import Cli

from onward.cli import context
from onward.clock import FixedClock
from onward.config import Settings


@pytest.fixture
def cli(settings: Settings, clock: FixedClock) -> Iterator[Cli]:
    """`onward` against this test's database, with the clock frozen."""
    context.freeze(clock)
    yield Cli(settings)
    context.reset()
    context.freeze(None)
