"""The storage contract: domain methods every backend implements.

Stages never see SQL; they hand dataclasses from ``crosswire.models`` to these methods.
``open_store`` in ``crosswire.store`` picks the backend from the database URL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager

from crosswire.store.articles import ArticleQueries, ArticleStore
from crosswire.store.community import CommunityStore
from crosswire.store.digests import DigestStore
from crosswire.store.feeds import FeedStore
from crosswire.store.outlets import OutletStore
from crosswire.store.stories import StoryQueries, StoryStore


class StoreError(Exception):
    """The database cannot be reached or refused an operation; the message is one line."""


class PipelineStore(ArticleStore, StoryStore, DigestStore, ABC):
    """What the pipeline and its workers use: storing articles, the story engine's changes,
    digests, and the coordination between processes (transactions, named locks, meta)."""

    # units of work ---------------------------------------------------------------------
    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A unit of work: the store calls inside it commit together or not at all."""

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


class Store(
    PipelineStore,
    ArticleQueries,
    StoryQueries,
    FeedStore,
    OutletStore,
    CommunityStore,
    ABC,
):
    """The whole contract: the pipeline's, what pages read, feeds, outlets, the community,
    and the store's lifecycle."""

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
