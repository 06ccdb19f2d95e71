"""One ``crosswire worker`` process: fetch in parallel with the others, assign when elected.

Every worker runs the feed scheduler with a storing-only pipeline that also stores each new
article's embedding (``workers/vectors.py``), so the costly model runs in parallel too.
Feeds are shared through the database: ``Store.claim_due_feeds`` leases due feeds with
``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two workers never refresh the same feed at
once; a killed worker's leases expire (``claimed_until``) and the feeds are claimed again.
Articles are unique by URL and import id, and a racing insert of the same URL is skipped,
so nothing is stored twice.

Next to it an :class:`~crosswire.workers.assigner.Assigner` thread competes for the one
story-assigner lock (see that module for why assignment is serialised). On SQLite the same
process does both jobs; a second worker on the same file only fetches.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from crosswire.settings import Settings
from crosswire.store import Store, open_store
from crosswire.workers.assigner import Assigner
from crosswire.workers.vectors import VectorPipeline

log = logging.getLogger(__name__)


def feed_scheduler(store: Store, settings: Settings, **options: Any) -> Any | None:
    """The feed scheduler over a storing-only pipeline, or None where ingestion is absent."""
    try:
        from crosswire.workers.feeds import FeedScheduler
    except ImportError:
        log.warning("worker: the feed scheduler is not installed; only assigning stories")
        return None
    return FeedScheduler(store, VectorPipeline(store, settings), settings, **options)


class Worker:
    def __init__(
        self,
        settings: Settings,
        *,
        fetch: bool = True,
        assign: bool = True,
        batch: int = 200,
        poll_seconds: float = 2.0,
        digests: bool = True,
        feed_batch: int = 50,
    ) -> None:
        self.settings = settings
        self.fetch = fetch
        self.feed_options = {"batch": feed_batch, "poll_seconds": max(poll_seconds, 1.0)}
        self.assigner = (
            Assigner(settings, batch=batch, poll_seconds=poll_seconds, digests=digests)
            if assign
            else None
        )
        self.stop_event = threading.Event()
        self._store: Store | None = None
        self._scheduler: Any | None = None

    def run(self) -> None:
        """Work until :meth:`stop` is called (from a signal handler or another thread)."""
        if self.fetch:
            self._store = open_store(self.settings.database_url)
            self._scheduler = feed_scheduler(self._store, self.settings, **self.feed_options)
            if self._scheduler is not None:
                self._scheduler.start()
        try:
            if self.assigner is not None:
                self.assigner.run(self.stop_event)
            else:
                self.stop_event.wait()
        finally:
            self._shutdown()

    def run_once(self) -> None:
        """One feed round, then assign whatever is stored (for cron jobs and tests)."""
        if self.fetch:
            self._store = open_store(self.settings.database_url)
            self._scheduler = feed_scheduler(self._store, self.settings, **self.feed_options)
            if self._scheduler is not None:
                self._scheduler.run_once()
        try:
            if self.assigner is not None:
                while self.assigner.run_once():
                    pass
        finally:
            self._scheduler = None  # run_once started no threads
            self._shutdown()

    def stop(self) -> None:
        self.stop_event.set()

    def _shutdown(self) -> None:
        if self._scheduler is not None:
            self._scheduler.stop()
            self._scheduler = None
        if self.assigner is not None:
            self.assigner.release()
        if self._store is not None:
            self._store.close()
            self._store = None
