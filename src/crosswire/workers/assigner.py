"""The single story assigner among any number of workers.

Why one assigner and not assignment in every worker: the story engine decides an article's
story against every recent article in memory. Two engines working side by side would each
miss the other's newest articles, so two workers adding reports of the same event at once
would open two stories. Sharding by event is impossible (the event is what is being
decided), and per-article locks do not help (the conflict is between *different* articles).
So fetching, extraction and storing run in parallel in every worker (``Pipeline(cluster=
False)``), and one worker at a time — whichever holds the ``story-assigner`` lock — assigns the
stored backlog in id order with one engine. Assignment is cheap next to fetching and
extraction (one embedding and a nearest-neighbour search per article), so one assigner keeps
up with many fetchers, the more so as the fetchers also embed what they store
(``workers/vectors.py``); see bench/scale_workers.py.

The lock is a PostgreSQL *session* advisory lock taken on the very connection that writes
the assignments (``Store.try_lock``). If the assigner dies, is killed or loses its
connection, the server ends the session, frees the lock, and the assigner's connection can
write nothing more: there is no window with two writers. Another worker's next poll takes
the lock, rebuilds its engine from the store (``Pipeline`` restores recent assignments) and
carries on with the backlog; a batch is written in one transaction, so a half-written batch
does not exist. On SQLite the lock is a file lock, so the same code serves one machine.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from crosswire.constants import ASSIGNER_LOCK
from crosswire.pipeline import Pipeline
from crosswire.settings import Settings
from crosswire.store import Store, StoreError, open_store
from crosswire.vectors import prime_from_store
from crosswire.workers.consolidation import ConsolidationTimer

log = logging.getLogger(__name__)

DIGESTS_PER_POLL = 10


class Assigner:
    """Tries to become the assigner; while it is, drains the backlog and refreshes digests."""

    def __init__(
        self,
        settings: Settings,
        *,
        batch: int = 200,
        poll_seconds: float = 2.0,
        digests: bool = True,
        prime_window: int = 2000,
        open_store: Callable[[str], Store] = open_store,
    ) -> None:
        self.settings = settings
        self.batch = batch
        self.poll_seconds = poll_seconds
        self.digests = digests
        self.prime_window = prime_window
        self._open_store = open_store
        self._store: Store | None = None
        self._pipeline: Pipeline | None = None
        self.consolidation = ConsolidationTimer(settings.cluster_consolidate_every_seconds)

    @property
    def is_assigner(self) -> bool:
        return self._pipeline is not None

    def run(self, stop: threading.Event) -> None:
        """Poll until ``stop`` is set; each poll either assigns or waits for the lock."""
        while not stop.is_set():
            try:
                busy = self.run_once()
            except StoreError as exc:
                log.warning("assigner: %s; reconnecting", exc)
                self._drop()
                busy = False
            except Exception:  # never keep the lock while not assigning
                log.exception("assigner: assignment failed; giving up the lock")
                self._drop()
                busy = False
            if not busy:
                stop.wait(self.poll_seconds)
        self._drop()

    def run_once(self) -> bool:
        """One poll. True when it assigned something (so the caller polls again at once)."""
        if self._store is None:
            self._store = self._open_store(self.settings.database_url)
        if not self._store.try_lock(ASSIGNER_LOCK):
            return False
        if self._pipeline is None:
            log.info("assigner: this worker now assigns stories")
            # a fresh engine restores itself from the store: the previous holder's decisions
            self._pipeline = Pipeline(self._store, self.settings, cluster=True)
        # the timed pass over the recent stories (its merges' digests follow below or at
        # the next idle poll)
        self.consolidation.maybe_run(self._pipeline)
        backlog = self._store.unassigned_articles(limit=self.prime_window)
        if not backlog:
            # idle: catch up on stale digests (also those a killed predecessor left behind)
            return self._refresh_digests() > 0
        prime_from_store(self._store, self.settings, backlog)  # vectors the fetchers stored
        report = self._pipeline.process_backlog(batch=self.batch)
        busy = bool(report.story_ids or report.duplicates)
        if busy:
            self._refresh_digests()
        return busy

    def _refresh_digests(self) -> int:
        """A few digests per poll, so a burst of stale stories never stalls assignment."""
        assert self._pipeline is not None
        if not self.digests:
            return 0
        try:
            return self._pipeline.refresh_digests(limit=DIGESTS_PER_POLL)
        except ImportError:  # a deployment without the digest stage
            self.digests = False
            return 0

    def release(self) -> None:
        """Stop being the assigner (another worker takes over at its next poll)."""
        self._drop()

    def _drop(self) -> None:
        """Give up the role: closing the store ends the session and frees the lock."""
        if self._pipeline is not None:
            log.info("assigner: no longer assigning stories")
        self._pipeline = None
        if self._store is not None:
            try:
                self._store.close()
            finally:
                self._store = None
