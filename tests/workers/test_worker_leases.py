"""Feed leases outlive no worker: a killed worker's feeds are claimed again after the lease."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from crosswire.models import Feed
from crosswire.store import open_store

CLAIMER = """
import sys, time
from datetime import UTC, datetime
from crosswire.store import open_store
store = open_store(sys.argv[1])
claimed = store.claim_due_feeds(datetime.now(UTC), limit=3, lease_seconds=2)
print(" ".join(str(f.id) for f in claimed), flush=True)
time.sleep(60)  # "fetching" when the kill comes
"""


@pytest.mark.postgres
def test_a_killed_workers_leases_expire_and_are_retaken(pg_url):
    store = open_store(pg_url)
    feeds = [store.add_feed(Feed(url=f"http://127.0.0.1:9/feed{i}.xml")) for i in range(5)]
    worker = subprocess.Popen(
        [sys.executable, "-c", CLAIMER, pg_url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert worker.stdout is not None
        taken = {int(i) for i in worker.stdout.readline().split()}
    finally:
        worker.kill()
        worker.wait()
        worker.stdout.close()
    assert len(taken) == 3
    # while the lease runs, the others get only the two free feeds: no feed fetched twice
    now = datetime.now(UTC)
    free = {f.id for f in store.claim_due_feeds(now, limit=10, lease_seconds=60)}
    assert free == {f.id for f in feeds} - taken
    time.sleep(2.2)
    retaken = {f.id for f in store.claim_due_feeds(datetime.now(UTC), 10, 60)}
    assert retaken == taken  # nothing stays leased to a dead worker
    store.close()


def test_one_worker_on_sqlite_assigns_its_backlog(tmp_path):
    """On SQLite one process does both jobs: `crosswire worker --once` drains the backlog."""
    from tests.workers.test_worker_concurrency import invented_events

    url = f"sqlite:///{tmp_path / 'one.db'}"
    with open_store(url) as store:
        store.add_articles([a for _, a in invented_events(3, 3)])
    result = subprocess.run(
        [sys.executable, "-m", "crosswire", "worker", "--db", url, "--once", "--no-fetch"],
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")},
            "CROSSWIRE_EMBEDDER": "hashing",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with open_store(url) as store:
        assert store.unassigned_articles() == []
        assert store.count_stories() == 3
