"""The stories' part of the storage contract (``Store`` inherits both classes).

``StoryStore`` is what the story engine uses: it makes stories, moves articles between them
and records their developing stories. ``StoryQueries`` is what pages, feeds and the API
read: lists, the front page's ranking, search and counts.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from crosswire.models import Article, Story


class StoryStore(ABC):
    @abstractmethod
    def create_story(self, title: str, article_ids: Sequence[int], at: datetime) -> Story: ...

    @abstractmethod
    def attach_to_story(self, story_id: int, article_ids: Sequence[int], at: datetime) -> None:
        """Make ``story_id`` the one story of each article (moving it if needed). ``at`` is
        the news time of the change (the newest of the articles): the story's ``updated_at``
        moves forward to it, never back; a story without articles yet takes it as its
        ``created_at`` and ``updated_at``."""

    @abstractmethod
    def move_article(self, article_id: int, story_id: int, at: datetime) -> None:
        """Move an article and its copies into ``story_id`` (the story engine found it closer
        to a newer story than to its own); both stories' counts and digests follow, as
        ``attach_to_story``."""

    @abstractmethod
    def merge_stories(self, from_id: int, into_id: int, at: datetime) -> None:
        """Move every article of ``from_id`` into ``into_id``; ``from_id`` keeps redirecting.
        ``into_id``'s ``updated_at`` moves forward to ``at`` (as ``attach_to_story``)."""

    @abstractmethod
    def get_story(self, story_id: int, *, follow_merges: bool = True) -> Story | None:
        """A story with its article ids; a merged id resolves to the story it merged into."""

    @abstractmethod
    def story_assignments(self) -> dict[int, int]:
        """Every article id with its story id: what the story engine rebuilds from."""

    @abstractmethod
    def set_story_title(self, story_id: int, title: str) -> None: ...

    @abstractmethod
    def set_story_topics(self, topics: dict[int, int]) -> None:
        """Record each story's developing story (story id -> topic id)."""

    @abstractmethod
    def story_topics(self, story_ids: Iterable[int]) -> dict[int, int]:
        """The topic of each of these stories that has one."""


class StoryQueries(ABC):
    @abstractmethod
    def list_stories(
        self, *, limit: int = 30, before: tuple[datetime, int] | None = None
    ) -> list[Story]:
        """Live stories, most recently updated first; ``before`` is the cursor
        ``(updated_at, id)`` of the last story of the previous page."""

    @abstractmethod
    def ranked_stories(
        self,
        *,
        limit: int = 30,
        after: tuple[float, int] | None = None,
        language: str | None = None,
        country: str | None = None,
        query: str | None = None,
        topic: int | None = None,
        one_per_topic: bool = False,
        place: str | None = None,
    ) -> list[Story]:
        """Live stories for the front page, hottest first: ``hotness`` grows with the time
        of the last update and with the number of distinct outlets (an index, not a sort).
        ``after`` is ``(hotness, id)`` of the previous page's last story. Filters: stories
        with an article in ``language``, from an outlet in ``country``, matching the
        full-text ``query``, of the developing story ``topic``, or happening in ``place``
        (a country code among its digest's ``places``). ``one_per_topic`` keeps
        only the hottest story of each developing story (use it without the filters: it
        does not apply them to the stories it compares with). Stories come without their
        digest; ``lead`` holds the first sentence of its summary."""

    @abstractmethod
    def filter_choices(self) -> dict[str, list[str]]:
        """What the front page's filters can choose from: ``lang`` (the languages of
        articles in stories), ``country`` (the countries of outlets with such articles)
        and ``place`` (the places stories happen in), each sorted."""

    @abstractmethod
    def story_places(self, story_ids: Iterable[int]) -> dict[int, list[dict[str, str]]]:
        """For each story: where its digest says it happens (``{code, name}``, in the
        digest's order)."""

    @abstractmethod
    def story_outlets(self, story_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        """For each story: ``{source, language, articles, newest}`` per outlet and language
        (``newest``: the latest publication time among those articles, None if none), the
        outlet with most articles first (what a story card shows, without article texts)."""

    @abstractmethod
    def search_stories(self, query: str, limit: int = 20) -> list[Story]:
        """Live stories whose articles match ``query``, best match first (without their
        digest, like ``ranked_stories``)."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> tuple[list[Story], list[Article]]:
        """``search_stories`` and ``search_articles`` at the cost of one full-text search."""

    @abstractmethod
    def stories_version(self) -> str:
        """A cheap value that changes when a story is created or gains articles (caches of
        story lists key on it; digest rewrites are not covered, so keep such caches short)."""

    @abstractmethod
    def count_stories(self) -> int: ...

    @abstractmethod
    def topic_sizes(self, topic_ids: Iterable[int]) -> dict[int, int]:
        """How many live stories (events) each of these developing stories holds."""

    @abstractmethod
    def related_stories(self, story_id: int, limit: int = 8) -> list[Story]:
        """The other live stories of ``story_id``'s developing story, most recently updated
        first (cards, without digests)."""
