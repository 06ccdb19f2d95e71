"""``FeedStore`` in SQL (mixed into ``SqlStore``): the ``feeds`` table and its leases."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from crosswire.models import Feed, utcnow
from crosswire.store.feeds import FeedStore
from crosswire.store.sql_core import SqlCore, build, keywords

_FEED_TIMES = ("next_fetch_at", "last_fetched_at", "last_success_at", "claimed_until")
_OUTCOME = ("error", "etag", "last_modified", "title")  # record_feed_result's optional keywords


class FeedsSql(SqlCore, FeedStore):
    if TYPE_CHECKING:

        def _ensure_source(self, domain: str) -> None: ...

    def add_feed(self, feed: Feed) -> Feed:
        with self._tx():
            if feed.source_domain:
                self._ensure_source(feed.source_domain)
            self._rows(
                "INSERT INTO feeds (url, source_domain, title, interval_seconds, next_fetch_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING",
                (
                    feed.url,
                    feed.source_domain,
                    feed.title,
                    feed.interval_seconds,
                    self._time(feed.next_fetch_at or utcnow()),
                ),
            )
            row = self._row("SELECT * FROM feeds WHERE url = ?", (feed.url,))
        assert row is not None
        return build(Feed, row, _FEED_TIMES)

    def get_feed(self, feed_id: int) -> Feed | None:
        row = self._row("SELECT * FROM feeds WHERE id = ?", (feed_id,))
        return None if row is None else build(Feed, row, _FEED_TIMES)

    def list_feeds(self) -> list[Feed]:
        rows = self._rows("SELECT * FROM feeds ORDER BY id")
        return [build(Feed, r, _FEED_TIMES) for r in rows]

    def delete_feed(self, feed_id: int) -> None:
        with self._tx():
            self._exec("UPDATE articles SET feed_id = NULL WHERE feed_id = ?", (feed_id,))
            self._exec("DELETE FROM feeds WHERE id = ?", (feed_id,))

    def claim_due_feeds(self, now: datetime, limit: int, lease_seconds: int) -> list[Feed]:
        until = now + timedelta(seconds=lease_seconds)
        with self._tx():
            rows = self._rows(
                "SELECT id FROM feeds WHERE (next_fetch_at IS NULL OR next_fetch_at <= ?) "
                "AND (claimed_until IS NULL OR claimed_until < ?) "
                "ORDER BY next_fetch_at LIMIT ?" + self._skip_locked(),
                (self._time(now), self._time(now), limit),
            )
            ids = [r["id"] for r in rows]
            for feed_id in ids:
                self._exec(
                    "UPDATE feeds SET claimed_until = ? WHERE id = ?", (self._time(until), feed_id)
                )
        return [f for f in (self.get_feed(i) for i in ids) if f is not None]

    def record_feed_result(
        self, feed_id: int, *, fetched_at: datetime, next_fetch_at: datetime, **outcome: Any
    ) -> None:
        error, etag, last_modified, title = keywords(outcome, _OUTCOME, "record_feed_result")
        if error is not None:
            self._exec(
                "UPDATE feeds SET last_fetched_at = ?, next_fetch_at = ?, last_error = ?, "
                "error_count = error_count + 1, claimed_until = NULL WHERE id = ?",
                (self._time(fetched_at), self._time(next_fetch_at), error, feed_id),
            )
            return
        self._exec(
            "UPDATE feeds SET last_fetched_at = ?, last_success_at = ?, next_fetch_at = ?, "
            "last_error = NULL, error_count = 0, claimed_until = NULL, "
            "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
            "title = coalesce(?, title) WHERE id = ?",
            (
                self._time(fetched_at),
                self._time(fetched_at),
                self._time(next_fetch_at),
                etag,
                last_modified,
                title,
                feed_id,
            ),
        )
