"""The feed scheduler: refresh due feeds, fetch their new articles, hand them to the pipeline.

One round (``run_once``):

1. load the default feed list into an empty database (``ensure_default_feeds``);
2. lease the due feeds (``Store.claim_due_feeds``: several workers never refresh one feed at
   once) and refresh them in parallel with conditional GET;
3. drop entries whose URL is already stored (``Store.known_urls``) or seen this round, so no
   article URL is fetched twice, then fetch and extract the new pages in parallel — an entry
   whose page fails keeps the feed's summary, marked partial;
4. store the articles through ``Pipeline.add_articles`` and record each feed's outcome: the
   next refresh after its interval, or after an exponential, capped backoff with the error
   kept for the feeds page (and logged, one line per feed).

Network work runs in a thread pool; every store call happens in the scheduler's own thread.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from crosswire.constants import FEEDS_DEFAULTS_META
from crosswire.ingest.defaults import load_feed_list
from crosswire.ingest.fetcher import Fetcher
from crosswire.ingest.refresh import FeedFetch, one_line, refresh_feed
from crosswire.ingest.submit import fetch_article
from crosswire.models import Article, Feed, utcnow
from crosswire.pipeline import IngestReport, Pipeline
from crosswire.settings import Settings
from crosswire.store import Store, StoreError

log = logging.getLogger(__name__)


@dataclass
class RoundReport:
    feeds: int = 0
    ok: int = 0
    not_modified: int = 0
    failed: int = 0
    entries: int = 0
    new_entries: int = 0
    partial: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # feed URL -> one-line error
    ingest: IngestReport = field(default_factory=IngestReport)


def ensure_default_feeds(store: Store, settings: Settings) -> int:
    """Load the feed list (``feeds_file``, else the default one) into a database that has
    never had feeds; return how many feeds were added. Removing every feed later does not
    bring the list back."""
    if store.list_feeds() or store.get_meta(FEEDS_DEFAULTS_META):
        return 0
    entries = load_feed_list(settings.feeds_file, settings.feed_interval_seconds)
    for entry in entries:
        if entry.source.domain:
            store.upsert_source(entry.source)
        store.add_feed(entry.feed)
    store.set_meta(FEEDS_DEFAULTS_META, utcnow().isoformat())
    log.info("loaded %d feeds from %s", len(entries), settings.feeds_file or "the default list")
    return len(entries)


def backoff_seconds(feed: Feed, settings: Settings) -> int:
    """Wait before retrying a feed that just failed for the (error_count + 1)-th time."""
    base = max(feed.interval_seconds or settings.feed_interval_seconds, 1)
    return int(min(base * 2 ** min(feed.error_count, 30), settings.max_backoff_seconds))


class FeedScheduler:
    def __init__(
        self,
        store: Store,
        pipeline: Pipeline,
        settings: Settings,
        *,
        fetcher: Fetcher | None = None,
        load_defaults: bool = True,
        batch: int = 50,
        poll_seconds: float = 30.0,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.settings = settings
        self._own_fetcher = fetcher is None
        self.fetcher = fetcher or Fetcher(settings)
        self.load_defaults = load_defaults
        self.batch = batch
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Refresh feeds in a daemon thread until ``stop``."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="feed-scheduler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._own_fetcher:
            self.fetcher.close()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = self.run_once()
                busy = report.feeds >= self.batch
            except StoreError as exc:  # database gone, full or read-only: retried next poll
                log.error("feed round failed: %s", exc)
                busy = False
            except Exception:  # keep the scheduler alive; the log has why
                log.exception("feed round failed")
                busy = False
            self._stop.wait(0 if busy else self.poll_seconds)

    # one round ---------------------------------------------------------------------------
    def run_once(self, now: datetime | None = None) -> RoundReport:
        now = now or utcnow()
        if self.load_defaults:
            ensure_default_feeds(self.store, self.settings)
        feeds = self.store.claim_due_feeds(now, self.batch, self.settings.feed_lease_seconds)
        report = RoundReport(feeds=len(feeds))
        if not feeds:
            return report
        workers = max(1, min(self.settings.fetch_concurrency, len(feeds)))
        with ThreadPoolExecutor(workers, thread_name_prefix="feed") as pool:
            fetched = list(pool.map(lambda f: refresh_feed(f, self.fetcher), feeds))
            entries = self._new_entries(fetched, report)
            articles = list(pool.map(self._article, entries))
        report.partial = sum(1 for a in articles if a.partial)
        if articles:
            report.ingest = self.pipeline.add_articles(articles)
        for outcome in fetched:
            self._record(outcome, now, report)
        return report

    def _new_entries(self, fetched: list[FeedFetch], report: RoundReport) -> list[Article]:
        seen: set[str] = set()
        fresh: list[Article] = []
        for outcome in fetched:
            if outcome.parsed is None:
                continue
            feed = outcome.feed
            entries = outcome.parsed.articles
            report.entries += len(entries)
            known = self.store.known_urls(a.url for a in entries if a.url)
            for entry in entries:
                if entry.url and (entry.url in known or entry.url in seen):
                    continue
                if entry.url:
                    seen.add(entry.url)
                fresh.append(
                    replace(entry, feed_id=feed.id, source=feed.source_domain or entry.source)
                )
        report.new_entries = len(fresh)
        return fresh

    def _article(self, entry: Article) -> Article:
        if not entry.url:
            return replace(entry, fetched_at=utcnow())
        try:
            return fetch_article(entry.url, self.settings, fetcher=self.fetcher, fallback=entry)
        except Exception as exc:  # never drop an entry because its page broke
            log.warning("article %s: %s", entry.url, one_line(exc))
            return replace(entry, partial=True, fetched_at=utcnow())

    def _record(self, outcome: FeedFetch, now: datetime, report: RoundReport) -> None:
        feed = outcome.feed
        assert feed.id is not None
        if outcome.error is not None:
            report.failed += 1
            report.errors[feed.url] = outcome.error
            wait = backoff_seconds(feed, self.settings)
            log.warning("feed %s: %s (retry in %ds)", feed.url, outcome.error, wait)
            self.store.record_feed_result(
                feed.id,
                fetched_at=now,
                next_fetch_at=now + timedelta(seconds=wait),
                error=outcome.error,
            )
            return
        if outcome.not_modified:
            report.not_modified += 1
        else:
            report.ok += 1
        if outcome.parsed is not None and outcome.parsed.warning:
            log.info("feed %s: %s", feed.url, outcome.parsed.warning)
        title = outcome.parsed.title if outcome.parsed and not feed.title else None
        self.store.record_feed_result(
            feed.id,
            fetched_at=now,
            next_fetch_at=now + timedelta(seconds=feed.interval_seconds),
            etag=outcome.etag,
            last_modified=outcome.last_modified,
            title=title,
        )
