"""The storage contract of readers' own news: follows, mutes, read and starred stories, and
moderators' corrections of the story engine. ``SqlStore`` implements it through
:class:`crosswire.store.readers_sql.ReaderSql`; :func:`readers_of` gives a store's."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from crosswire.models import Follow, Story


class ReaderStore(ABC):
    # follows -----------------------------------------------------------------------------
    @abstractmethod
    def add_follow(self, follow: Follow) -> Follow:
        """Store a follow (seen now, at the newest article); following what the reader
        already follows returns the stored follow."""

    @abstractmethod
    def get_follow(self, follow_id: int) -> Follow | None: ...

    @abstractmethod
    def follow_by_token(self, token: str) -> Follow | None:
        """The follow whose private feed has this secret."""

    @abstractmethod
    def list_follows(self, user_id: int) -> list[Follow]:
        """A reader's follows, oldest first."""

    @abstractmethod
    def delete_follow(self, follow_id: int) -> None: ...

    @abstractmethod
    def set_follow_token(self, follow_id: int, token: str | None) -> None:
        """Give the follow's private feed a new secret (None: no feed)."""

    @abstractmethod
    def mark_follows_seen(self, follow_ids: Sequence[int], at: datetime) -> None:
        """The reader looked at these follows now: what is new counts from here."""

    @abstractmethod
    def count_new_articles(
        self, follow: Follow, *, muted_outlets: Iterable[str] = (), cap: int = 100
    ) -> int:
        """How many articles of what ``follow`` follows arrived since the reader last
        looked (ids above ``seen_article_id``), leaving out muted outlets' articles;
        counting stops at ``cap``."""

    @abstractmethod
    def follow_story_ids(
        self,
        follow: Follow,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> list[int]:
        """The live stories ``follow`` follows, newest story (highest id) first; ``before``
        gives those below an id, ``after`` those above it (then oldest first)."""

    @abstractmethod
    def live_story_ids(self, story_ids: Iterable[int]) -> dict[int, int]:
        """For each of these story ids that leads to a live story: that story's id (a merged
        story's id leads to the story it was merged into)."""

    @abstractmethod
    def story_heads(self, story_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """For each live story: ``title``, ``lead``, ``created_at``, ``updated_at`` and its
        outlets ``sources`` (what mutes and item lists need, without digests)."""

    @abstractmethod
    def stories_by_ids(self, story_ids: Sequence[int]) -> list[Story]:
        """These stories in the order given, without digests (as ``ranked_stories``)."""

    # mutes -------------------------------------------------------------------------------
    @abstractmethod
    def add_mute(self, user_id: int, kind: str, value: str) -> None: ...

    @abstractmethod
    def remove_mute(self, user_id: int, kind: str, value: str) -> None: ...

    @abstractmethod
    def list_mutes(self, user_id: int) -> list[tuple[str, str]]:
        """``(kind, value)`` of each of a reader's mutes, in the order they were made."""

    # daily email -------------------------------------------------------------------------
    @abstractmethod
    def reader_settings(self, user_id: int) -> dict[str, Any]:
        """``email``, ``daily_email``, ``last_email_at``, ``last_email_article_id`` (defaults
        for a reader that set nothing)."""

    @abstractmethod
    def set_reader_email(self, user_id: int, email: str, daily: bool) -> None:
        """The reader's address and whether it wants the daily email; turning it on starts
        its news from the newest article."""

    @abstractmethod
    def daily_email_readers(self) -> list[dict[str, Any]]:
        """``user_id`` and the settings of each reader that wants the daily email."""

    @abstractmethod
    def mark_email_sent(self, user_id: int, at: datetime, article_id: int) -> None:
        """An email went out at ``at``, covering the articles up to ``article_id``."""

    @abstractmethod
    def newest_article_id(self) -> int: ...

    # read and starred --------------------------------------------------------------------
    @abstractmethod
    def set_story_states(
        self,
        user_id: int,
        story_ids: Iterable[int],
        *,
        read: bool | None = None,
        starred: bool | None = None,
    ) -> None:
        """Mark stories read or unread, starred or not (None: leave as it is)."""

    @abstractmethod
    def story_states(self, user_id: int, story_ids: Iterable[int]) -> dict[int, tuple[bool, bool]]:
        """``(read, starred)`` of each of these stories the reader has a state for."""

    @abstractmethod
    def starred_story_ids(
        self, user_id: int, *, limit: int = 50, before: int | None = None, after: int | None = None
    ) -> list[int]:
        """The reader's starred live stories, highest id first (``after``: oldest first)."""

    # corrections -------------------------------------------------------------------------
    @abstractmethod
    def record_correction(
        self,
        kind: str,
        *,
        from_story: int,
        into_story: int,
        moderator_id: int,
        article_id: int | None = None,
        reason: str = "",
    ) -> dict[str, Any]:
        """Keep a moderator's correction (``merge``: ``from_story`` into ``into_story``;
        ``split``: ``article_id`` taken from ``from_story`` into ``into_story``)."""

    @abstractmethod
    def corrections(self, limit: int = 100) -> list[dict[str, Any]]:
        """The corrections, newest first."""

    @abstractmethod
    def split_pins(self) -> dict[int, set[int]]:
        """For each article a moderator split out: the stories it must not rejoin (the
        stories it was taken from, as their ids now live on after merges)."""

    @abstractmethod
    def merge_pins(self) -> set[int]:
        """The stories a moderator merged another story into (as those ids now live on)."""

    @abstractmethod
    def article_copies(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Each article and each of its copies, with the article it copies (or itself)."""


def readers_of(store: Any) -> ReaderStore:
    """The store's reader contract (every SQL store has it)."""
    if not isinstance(store, ReaderStore):
        raise TypeError(f"{type(store).__name__} keeps no readers' data")
    return store
