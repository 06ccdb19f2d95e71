"""Three ``crosswire worker`` processes fetching real feeds from a loopback server into one
PostgreSQL; the story assigner is killed with SIGKILL mid-run.

Checks what the issue asks: every article is fetched once (the server counts requests),
stored once and ends in exactly one live story — its event's — and no feed stays leased
to the dead worker: once its lease runs out, a survivor refreshes the feed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from crosswire.store import open_store
from tests.helpers.fixture_server import FixtureServer, Request
from tests.workers.test_worker_concurrency import TOOK_OVER, invented_events, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

FEEDS, EVENTS, PER_EVENT = 8, 12, 4


def serve_fleet_fixture(server: FixtureServer, gate: threading.Event) -> dict[str, str]:
    """FEEDS RSS feeds whose items link to article pages on the server; page path → event.
    Pages answer slowly, and those of half the feeds wait for ``gate``, so fetching is still
    going on when the kill comes, however fast the machine."""
    pages: dict[str, str] = {}
    items: dict[int, list[str]] = defaultdict(list)
    for n, (event, article) in enumerate(invented_events(EVENTS, PER_EVENT)):
        path = f"/news/{n}.html"
        pages[path] = event
        paragraphs = "".join(f"<p>{escape(s)}.</p>" for s in article.text.split(". "))
        html = (
            f"<html><head><title>{escape(article.title)}</title></head><body><article>"
            f"<h1>{escape(article.title)}</h1>{paragraphs}<p>{escape(article.text)}</p>"
            "</article></body></html>"
        )

        def page(req: Request, html: str = html, gated: bool = n % FEEDS >= FEEDS // 2) -> None:
            if gated:
                gate.wait(30)
            time.sleep(0.2)
            req.send(html, content_type="text/html; charset=utf-8")

        server.route(path, page)
        items[n % FEEDS].append(
            f"<item><title>{escape(article.title)}</title><link>{server.url(path)}</link>"
            f"<description>{escape(article.text[:80])}</description>"
            f"<pubDate>{format_datetime(article.published_at)}</pubDate></item>"
        )
    for f, entries in items.items():
        server.route(
            f"/feed{f}.xml",
            body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {f}</title>'
            f"<link>{server.url('/')}</link>{''.join(entries)}</channel></rss>",
            content_type="application/rss+xml",
        )
    return pages


def page_feed(path: str) -> int:
    return int(path.rsplit("/", 1)[1].split(".")[0]) % FEEDS


def start_worker(pg_url: str, folder: Path, n: int) -> tuple[subprocess.Popen, Path]:
    log = folder / f"worker-{n}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env.update(
        CROSSWIRE_EMBEDDER="hashing",
        CROSSWIRE_ALLOW_PRIVATE_ADDRESSES="true",
        CROSSWIRE_PER_HOST_DELAY="0",
        CROSSWIRE_PER_HOST_CONCURRENCY="2",
        CROSSWIRE_FETCH_CONCURRENCY="2",
        CROSSWIRE_RESPECT_ROBOTS="false",
    )
    command = [sys.executable, "-m", "crosswire", "worker", "--db", pg_url, "--batch", "4"]
    command += ["--poll", "0.2", "--no-digests", "--feed-batch", "1"]
    with log.open("wb") as handle:
        proc = subprocess.Popen(command, cwd=folder, env=env, stdout=handle, stderr=handle)
    return proc, log


def test_three_fetching_workers_one_killed(pg_url, tmp_path):
    from crosswire.models import Feed

    store = open_store(pg_url)
    procs: dict[int, subprocess.Popen] = {}
    logs: dict[int, Path] = {}
    with FixtureServer() as server:
        gate = threading.Event()
        pages = serve_fleet_fixture(server, gate)
        soon = datetime.now(UTC) + timedelta(seconds=2)  # gated feeds come due a bit later
        for f in range(FEEDS):
            due = soon if f >= FEEDS // 2 else None
            store.add_feed(
                Feed(
                    url=server.url(f"/feed{f}.xml"),
                    source_domain=f"outlet{f}.test",
                    next_fetch_at=due,
                )
            )
        try:
            for n in range(3):
                procs[n], logs[n] = start_worker(pg_url, tmp_path, n)

            def assigners(which: dict[int, Path]) -> list[int]:
                return [n for n, p in which.items() if TOOK_OVER in p.read_text(errors="replace")]

            first = wait_for(lambda: assigners(logs), 60, "an assigner")
            assert len(first) == 1
            wait_for(lambda: len(store.story_assignments()) >= 1, 60, "first assignments")
            victim = first[0]
            procs[victim].send_signal(signal.SIGKILL)
            procs[victim].wait()
            killed_at = time.time()
            stored_at_kill = store.count_articles()
            gate.set()
            survivors = {n: logs[n] for n in logs if n != victim}
            assert len(wait_for(lambda: assigners(survivors), 30, "a successor")) == 1

            def settled() -> bool:
                feeds = store.list_feeds()
                busy = [f for f in feeds if f.claimed_until is not None]
                idle = all(f.last_fetched_at is not None for f in feeds if f not in busy)
                return idle and not store.unassigned_articles(limit=1) and len(busy) <= 1

            wait_for(settled, 90, "the survivors to finish every free feed")
            stranded = [f for f in store.list_feeds() if f.claimed_until is not None]
            for feed in stranded:  # leased to the dead worker: bounded, then time passes
                assert feed.claimed_until.timestamp() <= killed_at + 900 + 5
                store._exec(  # stand-in for 15 minutes passing
                    "UPDATE feeds SET claimed_until = ? WHERE id = ?",
                    (feed.claimed_until.replace(year=2000), feed.id),
                )
            wait_for(
                lambda: (
                    all(f.claimed_until is None for f in store.list_feeds())
                    and len(pages) == store.count_articles()
                    and not store.unassigned_articles(limit=1)
                ),
                90,
                "the stranded feed to be retaken",
            )
            for n in survivors:
                procs[n].send_signal(signal.SIGTERM)
            for n in survivors:
                assert procs[n].wait(timeout=30) == 0, logs[n].read_text()
        finally:
            gate.set()
            for proc in procs.values():
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        hits = Counter(r.path for r in server.requests if r.path in pages)

    print(
        f"stored at kill {stored_at_kill}/{len(pages)}, feeds stranded {len(stranded)}, "
        f"pages fetched twice {sum(1 for n in hits.values() if n > 1)}, stories {EVENTS}"
    )
    assert 0 < stored_at_kill < len(pages), "the kill was not mid-run"
    assert set(hits) == set(pages)
    refetched = {p for p, n in hits.items() if n > 1}
    # only the pages of the feed the dead worker was refreshing may be fetched again
    stranded_pages = {
        p for p in pages for f in stranded if f.url.endswith(f"/feed{page_feed(p)}.xml")
    }
    assert refetched <= stranded_pages, refetched
    articles = store.list_articles(limit=1000)
    assert sorted(a.url for a in articles) == sorted(server.url(p) for p in pages)
    event_of = {server.url(p): e for p, e in pages.items()}
    stories: dict[int, set[str]] = defaultdict(set)
    for a in articles:
        story = store.get_story(a.story_id, follow_merges=False)
        assert story is not None and story.merged_into is None and a.id in story.article_ids
        stories[a.story_id].add(event_of[a.url])
    assert all(len(events) == 1 for events in stories.values()), stories
    assert len(stories) == EVENTS, "an event split over several stories"
    store.close()
