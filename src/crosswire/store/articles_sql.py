"""``ArticleStore`` in SQL (mixed into ``SqlStore``): the ``articles`` table, its full-text
index (the dialect's: ``_SEARCH_CANDIDATES``) and ``embeddings``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from crosswire.models import Article, utcnow
from crosswire.store.articles import ArticleQueries, ArticleStore
from crosswire.store.sql_core import SqlCore, build, keywords

ARTICLE_COLUMNS = (
    "id, external_id, url, canonical_url, title, byline, published_at, fetched_at, language, "
    "text, content_hash, source, site_name, duplicate_of, origin, partial, feed_id, story_id"
)
# the same row without the (long) text column
ARTICLE_HEAD_COLUMNS = ARTICLE_COLUMNS.replace(" text,", " '' AS text,")
_ARTICLE_TIMES = ("published_at", "fetched_at")
SEARCH_CANDIDATES = 500  # search ranks the newest this many matches: bounded time at any size
# find_article's keys, in the order they are tried
_KEYS = ("external_id", "url", "canonical_url", "content_hash")


def _article(row: dict[str, Any]) -> Article:
    return build(Article, row, _ARTICLE_TIMES, ("partial",))


class ArticlesSql(SqlCore, ArticleStore, ArticleQueries):
    if TYPE_CHECKING:

        def place_outlet(self, article: Article, seen: set[str]) -> None: ...

    def _existing_article(self, article: Article) -> Article | None:
        if article.external_id is not None:
            found = self.find_article(external_id=article.external_id)
            if found is not None:
                return found
        if article.url:
            return self.find_article(url=article.url)
        return None

    def add_article(self, article: Article) -> tuple[Article, bool]:
        return self.add_articles([article])[0]

    def add_articles(self, articles: Sequence[Article]) -> list[tuple[Article, bool]]:
        results: list[tuple[Article, bool]] = []
        with self._tx():
            seen_sources: set[str] = set()
            for article in articles:
                existing = self._existing_article(article)
                if existing is not None:
                    results.append((existing, False))
                    continue
                self.place_outlet(article, seen_sources)  # its outlet, resolved
                row = self._row(
                    "INSERT INTO articles (external_id, url, canonical_url, title, byline, "
                    "published_at, fetched_at, language, text, content_hash, source, site_name, "
                    "duplicate_of, origin, partial, feed_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    f"ON CONFLICT DO NOTHING RETURNING {ARTICLE_COLUMNS}",
                    (
                        article.external_id,
                        article.url,
                        article.canonical_url,
                        article.title or "",
                        article.byline,
                        self._time(article.published_at),
                        self._time(article.fetched_at or utcnow()),
                        article.language,
                        article.text or "",
                        article.content_hash,
                        article.source,
                        article.site_name,
                        article.duplicate_of,
                        article.origin,
                        int(article.partial),
                        article.feed_id,
                    ),
                )
                if row is None:  # another worker stored the same URL since we looked
                    raced = self._existing_article(article)
                    assert raced is not None
                    results.append((raced, False))
                    continue
                results.append((_article(row), True))
        return results

    def get_article(self, article_id: int) -> Article | None:
        row = self._row(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return None if row is None else _article(row)

    def get_articles(self, article_ids: Iterable[int], *, text: bool = True) -> list[Article]:
        ids = [int(i) for i in article_ids]
        columns = ARTICLE_COLUMNS if text else ARTICLE_HEAD_COLUMNS
        found: dict[int, Article] = {}
        for row in self._rows_in(f"SELECT {columns} FROM articles WHERE id IN ({{ids}})", ids):
            found[int(row["id"])] = _article(row)
        return [found[i] for i in ids if i in found]

    def find_article(self, **keys: str | None) -> Article | None:
        for column, value in zip(_KEYS, keywords(keys, _KEYS, "find_article"), strict=True):
            if value is None:
                continue
            row = self._row(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {column} = ? ORDER BY id LIMIT 1",
                (value,),
            )
            if row is not None:
                return _article(row)
        return None

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(urls))
        known: set[str] = set()
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            marks = ", ".join("?" for _ in chunk)
            rows = self._rows(
                f"SELECT url, canonical_url FROM articles WHERE url IN ({marks}) "
                f"OR canonical_url IN ({marks})",
                chunk + chunk,
            )
            for row in rows:
                known.update(v for v in (row["url"], row["canonical_url"]) if v in chunk)
        return known

    def mark_duplicate(self, article_id: int, original_id: int) -> None:
        self._exec("UPDATE articles SET duplicate_of = ? WHERE id = ?", (original_id, article_id))

    def hand_original(self, old_id: int, new_id: int) -> None:
        holding = "SELECT story_id FROM articles WHERE id IN (?, ?) OR duplicate_of = ?"
        with self._tx():
            self._exec(
                f"UPDATE stories SET digest_stale = 1 WHERE id IN ({holding})",
                (old_id, new_id, old_id),
            )
            self._exec(
                "UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? OR id = ?",
                (new_id, old_id, old_id),
            )
            self._exec("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (new_id,))

    def list_articles(
        self, *, limit: int = 50, before_id: int | None = None, **equal: str | int | None
    ) -> list[Article]:
        source, story_id = keywords(equal, ("source", "story_id"), "list_articles")
        where, params = [], []
        for column, value in (("source", source), ("story_id", story_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if before_id is not None:
            where.append("id < ?")
            params.append(before_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles {clause} ORDER BY id DESC LIMIT ?",
            [*params, limit],
        )
        return [_article(r) for r in rows]

    def count_articles(self) -> int:
        return int(self._scalar("SELECT count(*) AS n FROM articles"))

    def unassigned_articles(self, limit: int = 1000) -> list[Article]:
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE story_id IS NULL ORDER BY id LIMIT ?",
            (limit,),
        )
        return [_article(r) for r in rows]

    def _candidates(self, query: str) -> tuple[str, list[Any]] | None:
        """SQL (and its parameters) for ``id, score`` of the newest matching articles."""
        match = self._search_query(query) if query.strip() else None
        if not match:
            return None
        return self._SEARCH_CANDIDATES, [match, SEARCH_CANDIDATES]

    def _stories_matching(self, query: str) -> tuple[str, list[Any]] | None:
        """A condition on ``s.id`` (and its parameters): the story holds one of the newest
        articles matching ``query``; None when nothing can match."""
        found = self._candidates(query)
        if found is None:
            return None
        sql, params = found
        return f"s.id IN (SELECT a.story_id FROM ({sql}) c JOIN articles a ON a.id = c.id)", params

    def _matches(self, query: str) -> list[tuple[int, int | None, float]]:
        """``(article id, story id, score)`` of the newest matches, best (lowest) score first:
        one full-text scan that both article and story results are drawn from."""
        found = self._candidates(query)
        if found is None:
            return []
        sql, params = found
        rows = self._rows(
            f"SELECT c.id AS id, a.story_id AS story_id, c.score AS score FROM ({sql}) c "
            "JOIN articles a ON a.id = c.id",
            params,
        )
        out = [(int(r["id"]), r["story_id"], float(r["score"])) for r in rows]
        out.sort(key=lambda m: (m[2], -m[0]))
        return out

    def search_articles(self, query: str, limit: int = 20) -> list[Article]:
        return self.get_articles(m[0] for m in self._matches(query)[:limit])

    # embeddings --------------------------------------------------------------------
    def save_vectors(self, model: str, vectors: dict[int, bytes]) -> None:
        with self._tx():
            for article_id, blob in vectors.items():
                self._exec(
                    "INSERT INTO embeddings (article_id, model, vector) VALUES (?, ?, ?) "
                    "ON CONFLICT (article_id, model) DO UPDATE SET vector = excluded.vector",
                    (article_id, model, blob),
                )

    def load_vectors(self, model: str, article_ids: Iterable[int]) -> dict[int, bytes]:
        ids = list(article_ids)
        out: dict[int, bytes] = {}
        for row in self._rows_in(
            "SELECT article_id, vector FROM embeddings WHERE model = ? AND article_id IN ({ids})",
            ids,
            [model],
        ):
            out[int(row["article_id"])] = bytes(row["vector"])
        return out
