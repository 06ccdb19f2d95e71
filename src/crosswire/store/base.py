"""The storage contract: domain methods every backend implements.

Stages never see SQL; they hand dataclasses from ``crosswire.models`` to these methods.
``open_store`` in ``crosswire.store`` picks the backend from the database URL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import Any

from crosswire.store.articles import ArticleStore
from crosswire.store.community import CommunityStore
from crosswire.store.feeds import FeedStore
from crosswire.store.outlets import OutletStore
from crosswire.store.stories import StoryQueries, StoryStore


class StoreError(Exception):
    """The database cannot be reached or refused an operation; the message is one line."""


class Store(ArticleStore, StoryStore, StoryQueries, FeedStore, OutletStore, CommunityStore, ABC):
    url: str

    # lifecycle ---------------------------------------------------------------------------
    @abstractmethod
    def migrate(self) -> list[int]:
        """Bring the schema up to date in place; return the migration versions applied."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A unit of work: the store calls inside it commit together or not at all."""

    # digests -----------------------------------------------------------------------------
    @abstractmethod
    def save_digest(
        self, story_id: int, digest: dict[str, Any], stamp: str, title: str | None = None
    ) -> None:
        """Cache a story's digest, stamped with what it covers."""

    @abstractmethod
    def mark_digests_stale(self) -> int:
        """Flag every live story's digest for rebuilding (the digest code or its settings
        changed); return how many were flagged."""

    @abstractmethod
    def stale_digests(self, limit: int = 100) -> list[int]:
        """Ids of live stories with articles whose digest is missing or does not cover
        exactly their articles (its stamp is not ``article_stamp`` of their ids), most
        recently updated first. Costs O(stale stories): a flag kept with every change of a
        story's articles, cleared by ``save_digest`` only when its stamp matches them."""

    # named locks: one holder among all processes sharing the database -----------------
    @abstractmethod
    def try_lock(self, name: str) -> bool:
        """Take the exclusive lock ``name`` without waiting; True when the caller holds it.

        The lock belongs to the calling thread's database session (PostgreSQL: a session
        advisory lock on the connection that also does that thread's writes; SQLite: a lock
        file beside the database), so a killed process frees it. Taking a lock already held
        by the same thread returns True without nesting."""

    @abstractmethod
    def unlock(self, name: str) -> None:
        """Release ``name`` if the calling thread holds it."""

    # small key/value settings kept with the data --------------------------------------
    @abstractmethod
    def get_meta(self, key: str) -> str | None: ...

    @abstractmethod
    def set_meta(self, key: str, value: str) -> None: ...
