"""kill -9 of `crosswire serve` (SQLite) and `crosswire worker` (PostgreSQL) while they
ingest growing feeds from 127.0.0.1, again and again, then one last run to the end.

After every kill, every article committed just before it is still there. At the end every
article of the site is stored exactly once and sits in exactly one story, every digest covers
exactly its story's articles, every feed was refreshed again after the last kill (the leases
of killed processes ran out) and none is left leased.

CI kills each process a few times; ``CROSSWIRE_KILLS=20`` is the real run (``-s`` prints the
figures). ``CROSSWIRE_KILL_SEED`` replays a run.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from crosswire.models import utcnow
from tests.durability.checks import (
    assert_consistent,
    child_env,
    kill_loop,
    lagging,
    start_crosswire,
    stop_gracefully,
    stored_urls,
    wait_for,
)
from tests.durability.site import GrowingSite
from tests.helpers.fixture_server import FixtureServer

KILLS = int(os.environ.get("CROSSWIRE_KILLS", "2"))
SEED = int(os.environ.get("CROSSWIRE_KILL_SEED", "20261123"))
LEASE = 6  # seconds: a killed process's feeds are refreshed again this soon
FEEDS = 6 if KILLS >= 10 else 4  # CI's short run stays short
ITEMS = 8 + 2 * KILLS  # articles per feed; article i of every feed reports event i

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600 + 60 * KILLS)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site(tmp_path):
    with FixtureServer() as server:
        yield GrowingSite(server, tmp_path / "site", FEEDS, ITEMS, span=20.0 * KILLS)


def ingest_env(site: GrowingSite, tmp_path: Path, database_url: str) -> dict[str, str]:
    return child_env(
        database_url=database_url,
        feeds_file=site.feed_list(tmp_path / "feeds.json"),
        feed_interval_seconds=1,
        feed_lease_seconds=LEASE,
        per_host_delay=0,
        per_host_concurrency=8,
        fetch_concurrency=8,
        allow_private_addresses="false",
        trusted_networks="127.0.0.1/32",  # the site; nothing else is reachable
        embedder="hashing",  # the model is not what is tested here
    )


def run_kill_loop(name, site, tmp_path, url, args):
    env = ingest_env(site, tmp_path, url)
    log = tmp_path / f"{name}.log"

    def start():
        return start_crosswire(args(), env, tmp_path, log)

    report = kill_loop(
        start, lambda: stored_urls(url), kills=KILLS, seed=SEED, budget_seconds=45.0 * KILLS
    )
    site.release_all()
    resumed_after = utcnow()
    final = start()
    expected = site.expected_urls()
    # digests are the slow part: a few seconds per story (compare_story)
    patience = 60 + LEASE + 4 * ITEMS
    wait_for(lambda: lagging(url, expected, resumed_after) is None, patience, every=1.0)
    behind = lagging(url, expected, resumed_after)
    status = stop_gracefully(final)
    text = log.read_text(errors="replace")
    assert behind is None, f"{name} did not catch up: {behind}; log tail:\n{text[-3000:]}"
    assert status == 0, text[-3000:]
    figures = assert_consistent(url, expected)
    print(
        f"\nkill loop {name}: seed {SEED}, {report.kills} kills "
        f"({report.during_ingestion} while committing articles) in {report.seconds:.0f}s; "
        f"committed at each kill {report.committed_at_kills}; articles expected "
        f"{len(expected)}, found {figures['articles']} exactly once, "
        f"in {figures['stories']} stories"
    )
    assert report.kills == KILLS
    assert report.during_ingestion >= 1, "no kill landed while articles were committed"
    assert "Traceback" not in text, text[text.index("Traceback") - 500 :][:4000]
    return report


def test_kill_serve_during_ingestion(site, tmp_path, sqlite_url):
    def args():
        return ["serve", "--db", sqlite_url, "--port", str(free_port())]

    run_kill_loop("serve", site, tmp_path, sqlite_url, args)


@pytest.mark.postgres
def test_kill_worker_during_ingestion(site, tmp_path, pg_url):
    def args():
        return ["worker", "--db", pg_url, "--poll", "0.5", "--feed-batch", "4", "--batch", "50"]

    run_kill_loop("worker", site, tmp_path, pg_url, args)
