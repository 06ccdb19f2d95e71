"""The feed scheduler end to end: a real server on 127.0.0.1, a real SQLite store.

Normal feeds in six languages sit next to hostile ones; every hostile feed gets a clear
recorded error, and the others are stored in the same round.
"""

from __future__ import annotations

import gzip
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from crosswire.ingest.fetcher import Fetcher
from crosswire.models import Feed, utcnow
from crosswire.pipeline import Pipeline
from crosswire.workers.feeds import FeedScheduler, backoff_seconds, ensure_default_feeds

pytestmark = pytest.mark.timeout(60)

FIXTURES = Path(__file__).parents[1] / "ingest" / "fixtures"
GOOD = ["rss_en.xml", "atom_fr.xml", "feed_de.json", "rdf_es.rdf", "rss091_ru.xml", "rss_ar.xml"]
HOSTILE = {
    "/hostile/xxe.xml": "entities",
    "/hostile/billion_laughs.xml": "entities",
    "/hostile/malformed.xml": "malformed XML",
    "/bomb.xml": "after decompression",
    "/to-private": "refused: 10.0.0.1 is a private address",
    "/to-metadata": "cloud metadata",
    "/to-ipv6-loopback": "loopback",
    "/loop-a": "redirect loop",
    "/gone.xml": "HTTP 404",
    "/endless.xml": "larger than",
}


@pytest.fixture
def site(fixture_server):
    server = fixture_server
    server.serve_dir(FIXTURES)
    bomb = gzip.compress(b"\0" * 20_000_000, 9)
    server.route("/bomb.xml", body=bomb, headers={"Content-Encoding": "gzip"})
    server.redirect("/to-private", "http://10.0.0.1/feed.xml")
    server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
    server.redirect("/to-ipv6-loopback", "http://[::1]:9/feed.xml")
    server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")

    def endless(req):
        req.start(200, {"Content-Type": "application/rss+xml"})
        req.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
        while not server.stopping.is_set():
            req.write(b"<item><title>again</title></item>" * 500)

    server.route("/endless.xml", endless)
    return server


@pytest.fixture
def scheduler(sqlite_store, settings):
    strict = settings.model_copy(
        update={
            "allow_private_addresses": False,
            "max_body_bytes": 2_000_000,
            "total_timeout": 5.0,
            "per_host_delay": 0.0,
            "per_host_concurrency": 4,
            "fetch_concurrency": 4,
        }
    )
    fetcher = Fetcher(strict, trusted=["127.0.0.1/32"])
    job = FeedScheduler(
        sqlite_store, Pipeline(sqlite_store, strict, cluster=False), strict, fetcher=fetcher
    )
    yield job
    job.stop()
    fetcher.close()


def add_feeds(store, site, paths):
    return {p: store.add_feed(Feed(url=site.url(p), interval_seconds=600)) for p in paths}


def test_one_round_stores_every_language_and_records_every_hostile_error(
    site, scheduler, sqlite_store, caplog
):
    feeds = add_feeds(sqlite_store, site, ["/" + g for g in GOOD] + list(HOSTILE))
    now = utcnow()
    with caplog.at_level(logging.WARNING, logger="crosswire.workers.feeds"):
        report = scheduler.run_once(now)
    assert report.feeds == len(feeds) and report.ok == len(GOOD)
    assert report.failed == len(HOSTILE)
    for path, reason in HOSTILE.items():
        stored = sqlite_store.get_feed(feeds[path].id)
        assert reason in stored.last_error, (path, stored.last_error)
        assert "\n" not in stored.last_error and stored.error_count == 1
        assert stored.next_fetch_at == now + timedelta(seconds=600)
        assert sum(site.url(path) in r.getMessage() for r in caplog.records) == 1
    for path in GOOD:
        stored = sqlite_store.get_feed(feeds["/" + path].id)
        assert stored.last_error is None and stored.last_success_at == now
    articles = {a.url: a for a in sqlite_store.list_articles(limit=100)}
    languages = {a.language for a in articles.values() if not a.partial}
    assert languages == {"en", "fr", "de", "es", "ru", "ar"}
    full = articles[site.url("/articles/en-1.html")]
    assert full.origin == "The Harbour Ledger" and not full.partial
    assert (
        full.text.startswith("The city of Northbridge") and "originally appeared" not in full.text
    )
    assert full.feed_id == feeds["/rss_en.xml"].id
    gone = articles[site.url("/articles/missing.html")]  # page 404: the summary is kept
    assert gone.partial and gone.text.startswith("Only the summary")
    # the English and Arabic feeds both link /articles/missing.html: fetched and stored once
    assert report.entries == 8 and report.new_entries == 7
    assert report.partial == 1 and report.ingest.added == len(articles) == 7
    assert site.hits("/articles/missing.html") == 1


def test_second_round_uses_conditional_get_and_fetches_no_article_twice(
    site, scheduler, sqlite_store
):
    add_feeds(sqlite_store, site, ["/" + g for g in GOOD])
    now = utcnow()
    scheduler.run_once(now)
    assert scheduler.run_once(now + timedelta(seconds=1)).feeds == 0  # nothing due yet
    again = scheduler.run_once(now + timedelta(seconds=601))
    assert again.feeds == len(GOOD) and again.not_modified == len(GOOD)
    assert again.ingest.added == 0
    for name in ("en-1", "fr-1", "de-1", "es-1", "ru-1", "ar-1"):
        assert site.hits(f"/articles/{name}.html") == 1


def test_changed_feed_fetches_only_its_new_entries(site, scheduler, sqlite_store):
    feed = sqlite_store.add_feed(Feed(url=site.url("/live.xml"), interval_seconds=60))
    items = ["<item><title>Old</title><link>/articles/en-1.html</link></item>"]

    def live(req):
        body = '<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>'
        req.send(body + "".join(items) + "</channel></rss>", content_type="application/rss+xml")

    site.route("/live.xml", live)
    now = utcnow()
    assert scheduler.run_once(now).ingest.added == 1
    items.append("<item><title>New</title><link>/articles/fr-1.html</link></item>")
    items.append("<item><title>Same again</title><link>/articles/en-1.html</link></item>")
    report = scheduler.run_once(now + timedelta(seconds=61))
    assert report.entries == 3 and report.new_entries == 1 and report.ingest.added == 1
    assert site.hits("/articles/en-1.html") == 1 and site.hits("/articles/fr-1.html") == 1
    assert sqlite_store.get_feed(feed.id).title == "Live"


def test_failing_feed_backs_off_exponentially_up_to_the_cap(site, scheduler, sqlite_store):
    feed = sqlite_store.add_feed(Feed(url=site.url("/gone.xml"), interval_seconds=600))
    now = utcnow()
    waits = []
    for _ in range(8):
        scheduler.run_once(now)
        stored = sqlite_store.get_feed(feed.id)
        waits.append((stored.next_fetch_at - now).total_seconds())
        now = stored.next_fetch_at
    assert waits[:4] == [600, 1200, 2400, 4800]
    assert max(waits) == scheduler.settings.max_backoff_seconds == 6 * 3600
    assert sqlite_store.get_feed(feed.id).error_count == 8
    assert backoff_seconds(Feed(url="x", interval_seconds=60, error_count=100), scheduler.settings)


def test_default_feeds_fill_an_empty_database_once(sqlite_store, settings):
    assert ensure_default_feeds(sqlite_store, settings) >= 60
    loaded = sqlite_store.list_feeds()
    sources = {s.domain: s for s in sqlite_store.list_sources()}
    assert sources["tass.ru"].typology == "state-controlled"
    assert sources["lemonde.fr"].language == "fr" and sources["lemonde.fr"].country == "FR"
    assert all(f.source_domain in sources for f in loaded)
    assert ensure_default_feeds(sqlite_store, settings) == 0
    for feed in loaded:
        sqlite_store.delete_feed(feed.id)
    assert ensure_default_feeds(sqlite_store, settings) == 0  # removed on purpose: stays empty


def test_start_and_stop_run_rounds_in_a_daemon_thread(site, scheduler, sqlite_store):
    import time

    add_feeds(sqlite_store, site, ["/atom_fr.xml"])
    scheduler.poll_seconds = 0.05
    scheduler.start()
    deadline = time.monotonic() + 20
    while sqlite_store.count_articles() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    scheduler.stop()
    assert sqlite_store.count_articles() == 1
