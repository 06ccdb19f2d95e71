"""Fixtures for ingestion tests: the loopback fixture server and guarded fetchers.

``fixture_server`` comes from ``tests.helpers.fixture_server`` (reusable elsewhere: import
it into another conftest the same way).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crosswire.ingest.fetcher import Fetcher
from crosswire.settings import Settings
from tests.helpers.fixture_server import FixtureServer, fixture_server  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures"
LOOPBACK = ["127.0.0.1/32"]


@pytest.fixture
def site(fixture_server: FixtureServer) -> FixtureServer:  # noqa: F811
    """The fixture server serving tests/ingest/fixtures."""
    fixture_server.serve_dir(FIXTURES)
    return fixture_server


@pytest.fixture
def strict_settings(settings: Settings) -> Settings:
    """Private addresses refused (the production default), fast timeouts, no delays."""
    return settings.model_copy(
        update={
            "allow_private_addresses": False,
            "per_host_delay": 0.0,
            "total_timeout": 5.0,
            "read_timeout": 3.0,
            "connect_timeout": 2.0,
            "respect_robots": True,
        }
    )


@pytest.fixture
def fetcher(strict_settings: Settings) -> Iterator[Fetcher]:
    """Refuses every private address except 127.0.0.1 itself, where the fixtures live."""
    with Fetcher(strict_settings, trusted=LOOPBACK) as active:
        yield active
