"""``StoryStore`` and ``StoryQueries`` in SQL (mixed into ``SqlStore``): the ``stories``
table, its counts kept with every change of a story's articles, and story search (drawn
from the articles' full-text matches)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from crosswire.models import Article, Story
from crosswire.store.digests_sql import digest_of
from crosswire.store.sql_core import SqlCore, build, keywords
from crosswire.store.stories import StoryQueries, StoryStore

# what story lists read: everything but the digest (its first sentence is ``lead``)
STORIES_CHANGED = "stories-changed"  # meta key: a counter of changes to stories' articles
STORY_CARD_COLUMNS = "id, title, created_at, updated_at, merged_into, hotness, lead, topic_id"
# ranked_stories' filters
_FILTERS = ("language", "country", "query", "topic", "one_per_topic", "place")


class StoriesSql(SqlCore, StoryStore, StoryQueries):
    if TYPE_CHECKING:
        _STALE_UNLESS_STAMP: str

        def _story_counts(self, story_id: int) -> tuple[int, int, tuple[int, str]]: ...

        def _stories_matching(self, query: str) -> tuple[str, list[Any]] | None: ...

        def _matches(self, query: str) -> list[tuple[int, int | None, float]]: ...

        def get_articles(
            self, article_ids: Iterable[int], *, text: bool = True
        ) -> list[Article]: ...

    def create_story(self, title: str, article_ids: Sequence[int], at: datetime) -> Story:
        with self._tx():
            row = self._row(
                "INSERT INTO stories (title, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
                (title, self._time(at), self._time(at)),
            )
            assert row is not None
            story_id = int(row["id"])
            if article_ids:
                self.attach_to_story(story_id, article_ids, at)
        story = self.get_story(story_id)
        assert story is not None
        return story

    def attach_to_story(self, story_id: int, article_ids: Sequence[int], at: datetime) -> None:
        if not article_ids:
            return
        with self._tx():
            previous: set[int] = set()
            for start in range(0, len(article_ids), 400):
                chunk = list(article_ids[start : start + 400])
                marks = ", ".join("?" for _ in chunk)
                previous.update(
                    r["story_id"]
                    for r in self._rows(
                        f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks}) "
                        "AND story_id IS NOT NULL",
                        chunk,
                    )
                )
                self._exec(
                    f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [story_id, *chunk]
                )
            for sid in previous | {story_id}:
                self._refresh_counts(sid, at if sid == story_id else None)
            # a story's time may stay (an older article joined): lists key on this counter
            self._exec(
                "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
                "SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)",
                (STORIES_CHANGED,),
            )

    def _refresh_counts(self, story_id: int, updated_at: datetime | None) -> None:
        """After a change of a story's articles, in the same transaction: its counts and
        whether its digest still covers exactly its articles."""
        # compared in the UPDATE, with the row locked: a digest saved meanwhile is seen
        articles, sources, flag = self._story_counts(story_id)
        stale = f"digest_stale = {self._STALE_UNLESS_STAMP}"
        if updated_at is None:
            self._exec(
                f"UPDATE stories SET article_count = ?, source_count = ?, {stale} WHERE id = ?",
                (articles, sources, *flag, story_id),
            )
        else:  # SET reads the row as it was: article_count = 0 is a story made just now
            at = self._time(updated_at)
            self._exec(
                "UPDATE stories SET "
                "created_at = CASE WHEN article_count = 0 THEN ? ELSE created_at END, "
                "updated_at = CASE WHEN article_count = 0 OR updated_at < ? THEN ? "
                "ELSE updated_at END, "
                f"article_count = ?, source_count = ?, {stale} WHERE id = ?",
                (at, at, at, articles, sources, *flag, story_id),
            )
        self._exec(f"UPDATE stories SET hotness = {self._hotness} WHERE id = ?", (story_id,))

    def move_article(self, article_id: int, story_id: int, at: datetime) -> None:
        with self._tx():
            ids = [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM articles WHERE id = ? OR duplicate_of = ?",
                    (article_id, article_id),
                )
            ]
            self.attach_to_story(story_id, ids, at)

    def merge_stories(self, from_id: int, into_id: int, at: datetime) -> None:
        if from_id == into_id:
            return
        with self._tx():
            ids = [
                r["id"]
                for r in self._rows("SELECT id FROM articles WHERE story_id = ?", (from_id,))
            ]
            self.attach_to_story(into_id, ids, at)
            self._exec(
                "UPDATE stories SET merged_into = ? WHERE merged_into = ?", (into_id, from_id)
            )
            self._exec("UPDATE comments SET story_id = ? WHERE story_id = ?", (into_id, from_id))
            self._exec(
                "UPDATE stories SET merged_into = ?, article_count = 0, source_count = 0 "
                "WHERE id = ?",
                (into_id, from_id),
            )

    def _story(self, row: dict[str, Any], with_articles: bool = True) -> Story:
        story = build(Story, {**row, "digest": None}, ("created_at", "updated_at"))
        story.digest = digest_of(row.get("digest"))
        if with_articles:
            story.article_ids = [
                int(r["id"])
                for r in self._rows(
                    "SELECT id FROM articles WHERE story_id = ? ORDER BY id", (story.id,)
                )
            ]
        return story

    def get_story(self, story_id: int, *, follow_merges: bool = True) -> Story | None:
        for _ in range(32):  # merges chain at most this deep
            row = self._row("SELECT * FROM stories WHERE id = ?", (story_id,))
            if row is None:
                return None
            if row["merged_into"] is None or not follow_merges:
                return self._story(row)
            story_id = int(row["merged_into"])
        return None

    def list_stories(
        self, *, limit: int = 30, before: tuple[datetime, int] | None = None
    ) -> list[Story]:
        if before is None:
            rows = self._rows(
                "SELECT * FROM stories WHERE merged_into IS NULL "
                "ORDER BY updated_at DESC, id DESC LIMIT ?",
                (limit,),
            )
        else:
            when, last_id = before
            rows = self._rows(
                "SELECT * FROM stories WHERE merged_into IS NULL "
                "AND (updated_at < ? OR (updated_at = ? AND id < ?)) "
                "ORDER BY updated_at DESC, id DESC LIMIT ?",
                (self._time(when), self._time(when), last_id, limit),
            )
        return [self._story(r) for r in rows]

    def ranked_stories(
        self, *, limit: int = 30, after: tuple[float, int] | None = None, **filters: Any
    ) -> list[Story]:
        language, country, query, topic, one_per_topic, place = keywords(
            filters, _FILTERS, "ranked_stories"
        )
        where = ["s.merged_into IS NULL"]
        params: list[Any] = []
        if place:
            where.append(
                "EXISTS (SELECT 1 FROM story_places p WHERE p.code = ? AND p.story_id = s.id)"
            )
            params.append(place)
        if topic is not None:
            where.append("s.topic_id = ?")
            params.append(topic)
        if one_per_topic:  # the hottest live story of its developing story (index seek)
            where.append(
                "(s.topic_id IS NULL OR NOT EXISTS (SELECT 1 FROM stories t "
                "WHERE t.topic_id = s.topic_id AND t.hotness >= s.hotness "
                "AND (t.hotness > s.hotness OR t.id > s.id) "
                "AND t.merged_into IS NULL))"
            )
        if after is not None:
            where.append("(s.hotness < ? OR (s.hotness = ? AND s.id < ?))")
            params += [after[0], after[0], after[1]]
        if language:
            where.append(
                "EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = ?)"
            )
            params.append(language)
        if country:  # the outlets of that country first: few, and none means no story
            domains = [
                r["domain"]
                for r in self._rows("SELECT domain FROM sources WHERE country = ?", (country,))
            ]
            if not domains:
                return []
            marks = ", ".join("?" for _ in domains)
            where.append(
                "EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id "
                f"AND a.source IN ({marks}))"
            )
            params += domains
        if query is not None:
            found = self._stories_matching(query)
            if found is None:
                return []
            where.append(found[0])
            params += found[1]
        rows = self._rows(
            f"SELECT {STORY_CARD_COLUMNS} FROM stories s WHERE {' AND '.join(where)} "
            "ORDER BY s.hotness DESC, s.id DESC LIMIT ?",
            [*params, limit],
        )
        stories = [self._story(r, with_articles=False) for r in rows]
        self._fill_article_ids(stories)
        return stories

    def story_outlets(self, story_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        ids = list(dict.fromkeys(int(i) for i in story_ids))
        out: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in self._rows_in(
            "SELECT story_id, source, language, count(*) AS articles, "
            "max(published_at) AS newest FROM articles "
            "WHERE story_id IN ({ids}) GROUP BY story_id, source, language "
            "ORDER BY story_id, count(*) DESC, source",
            ids,
        ):
            out[int(r["story_id"])].append(
                {
                    "source": r["source"],
                    "language": r["language"],
                    "articles": r["articles"],
                    "newest": r["newest"],
                }
            )
        return out

    def filter_choices(self) -> dict[str, list[str]]:
        in_stories = "SELECT DISTINCT source FROM articles WHERE story_id IS NOT NULL"
        queries = {
            "lang": "SELECT DISTINCT language AS v FROM articles "
            "WHERE story_id IS NOT NULL AND language IS NOT NULL",
            "country": "SELECT DISTINCT country AS v FROM sources "
            f"WHERE country IS NOT NULL AND domain IN ({in_stories})",
            "place": "SELECT DISTINCT code AS v FROM story_places",
        }
        return {k: sorted(str(r["v"]) for r in self._rows(q)) for k, q in queries.items()}

    def story_places(self, story_ids: Iterable[int]) -> dict[int, list[dict[str, str]]]:
        ids = list(dict.fromkeys(int(i) for i in story_ids))
        out: dict[int, list[dict[str, str]]] = {i: [] for i in ids}
        for r in self._rows_in(
            "SELECT story_id, code, name FROM story_places WHERE story_id IN ({ids}) "
            "ORDER BY story_id, position",
            ids,
        ):
            out[int(r["story_id"])].append({"code": r["code"], "name": r["name"]})
        return out

    def stories_version(self) -> str:
        # subqueries: each is then one index lookup
        row = self._row(
            "SELECT (SELECT max(updated_at) FROM stories) AS u, "
            "(SELECT max(id) FROM stories) AS i, (SELECT value FROM meta WHERE key = ?) AS c",
            (STORIES_CHANGED,),
        )
        return "" if row is None else f"{row['u']}|{row['i']}|{row['c']}"

    def count_stories(self) -> int:
        return int(self._scalar("SELECT count(*) AS n FROM stories WHERE merged_into IS NULL"))

    def story_assignments(self) -> dict[int, int]:
        rows = self._rows("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL")
        return {int(r["id"]): int(r["story_id"]) for r in rows}

    def set_story_title(self, story_id: int, title: str) -> None:
        self._exec("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))

    def set_story_topics(self, topics: dict[int, int]) -> None:
        with self._tx():
            for story_id, topic_id in topics.items():
                self._exec(
                    "UPDATE stories SET topic_id = ? WHERE id = ? "
                    "AND (topic_id IS NULL OR topic_id <> ?)",
                    (topic_id, story_id, topic_id),
                )

    def story_topics(self, story_ids: Iterable[int]) -> dict[int, int]:
        rows = self._rows_in(
            "SELECT id, topic_id FROM stories WHERE id IN ({ids}) AND topic_id IS NOT NULL",
            list(dict.fromkeys(int(i) for i in story_ids)),
        )
        return {int(r["id"]): int(r["topic_id"]) for r in rows}

    def topic_sizes(self, topic_ids: Iterable[int]) -> dict[int, int]:
        rows = self._rows_in(
            "SELECT topic_id, count(*) AS n FROM stories WHERE topic_id IN ({ids}) "
            "AND merged_into IS NULL GROUP BY topic_id",
            list(dict.fromkeys(int(i) for i in topic_ids)),
        )
        return {int(r["topic_id"]): int(r["n"]) for r in rows}

    def related_stories(self, story_id: int, limit: int = 8) -> list[Story]:
        story = self.get_story(story_id)
        if story is None or story.topic_id is None:
            return []
        rows = self._rows(
            "SELECT id FROM stories WHERE topic_id = ? AND id <> ? AND merged_into IS NULL "
            "ORDER BY updated_at DESC, id DESC LIMIT ?",
            (story.topic_id, story.id, limit),
        )
        return self._stories_by_id([int(r["id"]) for r in rows])

    # search ------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> tuple[list[Story], list[Article]]:
        matches = self._matches(query)
        return self._story_hits(matches, limit), self.get_articles(m[0] for m in matches[:limit])

    def search_stories(self, query: str, limit: int = 20) -> list[Story]:
        return self._story_hits(self._matches(query), limit)

    def _story_hits(self, matches: list[tuple[int, int | None, float]], limit: int) -> list[Story]:
        order = [int(sid) for _, sid, _ in matches if sid is not None]
        return self._stories_by_id(list(dict.fromkeys(order))[:limit])

    def _stories_by_id(self, ids: list[int]) -> list[Story]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self._rows(f"SELECT {STORY_CARD_COLUMNS} FROM stories WHERE id IN ({marks})", ids)
        by_id = {int(r["id"]): self._story(r, with_articles=False) for r in rows}
        stories = [by_id[i] for i in ids if i in by_id]
        self._fill_article_ids(stories)
        return stories

    def _fill_article_ids(self, stories: list[Story]) -> None:
        """Every story's article ids in one query (instead of one query per story)."""
        by_id = {s.id: s for s in stories}
        for s in stories:
            s.article_ids = []
        if not by_id:
            return
        marks = ", ".join("?" for _ in by_id)
        for r in self._rows(
            f"SELECT id, story_id FROM articles WHERE story_id IN ({marks}) ORDER BY id",
            list(by_id),
        ):
            by_id[int(r["story_id"])].article_ids.append(int(r["id"]))
