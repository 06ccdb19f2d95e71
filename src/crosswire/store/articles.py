"""The articles' part of the storage contract (``Store`` inherits both classes).

``ArticleStore`` is what the pipeline uses: storing articles idempotently, their duplicates,
the story engine's backlog and the articles' embeddings. ``ArticleQueries`` is what pages,
the API and the CLI read: an article by id or by any of its keys, lists, counts and
full-text search.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

from crosswire.models import Article


class ArticleStore(ABC):
    @abstractmethod
    def add_article(self, article: Article) -> tuple[Article, bool]:
        """Store an article. Idempotent: an article whose ``external_id`` or ``url`` is
        already stored is not added again; the stored one is returned with ``False``."""

    @abstractmethod
    def add_articles(self, articles: Sequence[Article]) -> list[tuple[Article, bool]]:
        """``add_article`` for many, in one transaction."""

    @abstractmethod
    def get_articles(self, article_ids: Iterable[int], *, text: bool = True) -> list[Article]:
        """The articles with these ids, in the order given (missing ids skipped); with
        ``text=False`` their text is left out (``""``): for lists of many articles that
        need only titles, sources and times."""

    @abstractmethod
    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` already stored as an article's url or canonical url."""

    @abstractmethod
    def mark_duplicate(self, article_id: int, original_id: int) -> None: ...

    @abstractmethod
    def hand_original(self, old_id: int, new_id: int) -> None:
        """``new_id`` becomes the original of ``old_id`` and of its copies, in whatever story
        they sit (a late copy can sit in a story of its own once the original's has closed):
        they point at it, it points at nothing, and the digests of the stories holding any
        of them are rebuilt (the story engine found ``new_id`` credited by, or published
        before, the article it copies)."""

    @abstractmethod
    def unassigned_articles(self, limit: int = 1000) -> list[Article]:
        """Articles with no story yet, oldest first: the story engine's backlog."""

    # their embeddings, by model ----------------------------------------------------------
    @abstractmethod
    def save_vectors(self, model: str, vectors: dict[int, bytes]) -> None: ...

    @abstractmethod
    def load_vectors(self, model: str, article_ids: Iterable[int]) -> dict[int, bytes]: ...


class ArticleQueries(ABC):
    @abstractmethod
    def get_article(self, article_id: int) -> Article | None: ...

    @abstractmethod
    def find_article(
        self,
        *,
        url: str | None = None,
        canonical_url: str | None = None,
        content_hash: str | None = None,
        external_id: str | None = None,
    ) -> Article | None:
        """The first stored article matching any one of the given keys."""

    @abstractmethod
    def list_articles(
        self,
        *,
        source: str | None = None,
        story_id: int | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[Article]:
        """Newest first (by id)."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def search_articles(self, query: str, limit: int = 20) -> list[Article]:
        """Full-text search over titles and texts, best match first among the newest
        matches (a bounded number, so a word in every article costs no more than a rare one)."""
