"""Named locks and racing inserts: what several worker processes on one database rely on."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from crosswire.models import Article
from crosswire.store import open_store


def test_a_lock_has_one_holder_until_released(store):
    other = open_store(store.url)
    try:
        assert store.try_lock("assigner")
        assert store.try_lock("assigner")  # taking it again does not nest
        assert not other.try_lock("assigner")
        assert other.try_lock("something-else")
        store.unlock("assigner")
        assert other.try_lock("assigner")
        assert not store.try_lock("assigner")
    finally:
        other.close()


def test_closing_the_store_frees_its_locks(store):
    other = open_store(store.url)
    assert other.try_lock("assigner")
    other.close()
    assert store.try_lock("assigner")


def test_a_killed_holder_frees_its_lock(store):
    if store.url == "sqlite://" or store.url.endswith(":memory:"):
        pytest.skip("an in-memory database is private to its process")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from crosswire.store import open_store; "
            "s = open_store(sys.argv[1]); assert s.try_lock('assigner'); "
            "print('held', flush=True); time.sleep(60)",
            store.url,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not store.try_lock("assigner")
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    for _ in range(50):  # the server notices the closed socket at once; allow a moment
        if store.try_lock("assigner"):
            break
        threading.Event().wait(0.1)
    assert store.try_lock("assigner")


def test_racing_inserts_of_one_url_store_it_once(store):
    """Two threads (two sessions) add overlapping batches at once: each URL is stored once
    and neither batch fails."""
    batches = [
        [Article(title=f"t{i}", text=f"body {i}", url=f"https://x.example/{i}") for i in r]
        for r in (range(0, 60), range(30, 90))
    ]
    results: list[list[tuple[Article, bool]]] = [[], []]
    errors: list[BaseException] = []

    def add(k: int) -> None:
        try:
            results[k] = store.add_articles(batches[k])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    created = [a.url for r in results for a, new in r if new]
    assert sorted(created) == sorted({f"https://x.example/{i}" for i in range(90)})
    assert store.count_articles() == 90


@pytest.mark.postgres
def test_two_installations_in_one_database_do_not_share_locks(pg_url):
    import uuid

    import psycopg
    from tests.conftest import PG_URL

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    one, two = open_store(pg_url), open_store(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    try:
        assert one.try_lock("assigner") and two.try_lock("assigner")
    finally:
        one.close()
        two.close()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
