"""The feeds' part of the storage contract (``Store`` inherits it): the feeds the workers
poll, leased so that several workers share them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime

from crosswire.models import Feed


class FeedStore(ABC):
    @abstractmethod
    def add_feed(self, feed: Feed) -> Feed:
        """Add a feed; adding a URL already present returns the stored feed."""

    @abstractmethod
    def get_feed(self, feed_id: int) -> Feed | None: ...

    @abstractmethod
    def list_feeds(self) -> list[Feed]: ...

    @abstractmethod
    def delete_feed(self, feed_id: int) -> None: ...

    @abstractmethod
    def claim_due_feeds(self, now: datetime, limit: int, lease_seconds: int) -> list[Feed]:
        """Feeds due at ``now`` and not leased by another worker, leased to the caller."""

    @abstractmethod
    def record_feed_result(
        self,
        feed_id: int,
        *,
        fetched_at: datetime,
        next_fetch_at: datetime,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
    ) -> None:
        """Store a refresh outcome and release the lease. An error bumps ``error_count``;
        success resets it and keeps the new validators."""
