"""Fixtures for worker tests: the loopback fixture server from tests.helpers."""

from tests.helpers.fixture_server import fixture_server  # noqa: F401
