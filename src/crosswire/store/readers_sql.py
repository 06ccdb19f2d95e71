"""``ReaderStore`` in SQL, for ``SqlStore``: on the SQL core, with the articles' full-text
search (``_candidates``, ``_stories_matching``) and the stories' rows (``_stories_by_id``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from crosswire.models import Follow, Story, as_utc, utcnow
from crosswire.store.readers import ReaderStore
from crosswire.store.sql_core import SqlCore

_FOLLOW_TIMES = ("created_at", "seen_at")
_LIVE = "s.merged_into IS NULL"
MAX_MERGE_HOPS = 32


def _follow(row: dict[str, Any]) -> Follow:
    values = {k: row[k] for k in Follow.__dataclass_fields__ if k in row}
    for key in _FOLLOW_TIMES:
        values[key] = as_utc(values.get(key))
    values["target"] = str(values["target"])
    values["seen_article_id"] = int(values.get("seen_article_id") or 0)
    return Follow(**values)


class ReaderSql(SqlCore, ReaderStore):
    if TYPE_CHECKING:  # from the articles' and the stories' SQL

        def _candidates(self, query: str) -> tuple[str, list[Any]] | None: ...

        def _stories_matching(self, query: str) -> tuple[str, list[Any]] | None: ...

        def _stories_by_id(self, ids: list[int]) -> list[Story]: ...

    # follows -------------------------------------------------------------------------
    def add_follow(self, follow: Follow) -> Follow:
        now = follow.created_at or utcnow()
        with self._tx():
            newest = int(self._scalar("SELECT coalesce(max(id), 0) AS n FROM articles") or 0)
            self._exec(
                "INSERT INTO reader_follows (user_id, kind, target, label, feed_token, "
                "created_at, seen_at, seen_article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id, kind, target) DO NOTHING",
                (
                    follow.user_id,
                    follow.kind,
                    follow.target,
                    follow.label,
                    follow.feed_token,
                    self._time(now),
                    self._time(now),
                    newest,
                ),
            )
            row = self._row(
                "SELECT * FROM reader_follows WHERE user_id = ? AND kind = ? AND target = ?",
                (follow.user_id, follow.kind, follow.target),
            )
        assert row is not None
        return _follow(row)

    def get_follow(self, follow_id: int) -> Follow | None:
        row = self._row("SELECT * FROM reader_follows WHERE id = ?", (follow_id,))
        return None if row is None else _follow(row)

    def follow_by_token(self, token: str) -> Follow | None:
        if not token:
            return None
        row = self._row("SELECT * FROM reader_follows WHERE feed_token = ?", (token,))
        return None if row is None else _follow(row)

    def list_follows(self, user_id: int) -> list[Follow]:
        rows = self._rows("SELECT * FROM reader_follows WHERE user_id = ? ORDER BY id", (user_id,))
        return [_follow(r) for r in rows]

    def delete_follow(self, follow_id: int) -> None:
        self._exec("DELETE FROM reader_follows WHERE id = ?", (follow_id,))

    def set_follow_token(self, follow_id: int, token: str | None) -> None:
        self._exec("UPDATE reader_follows SET feed_token = ? WHERE id = ?", (token, follow_id))

    def mark_follows_seen(self, follow_ids: Sequence[int], at: datetime) -> None:
        if not follow_ids:
            return
        with self._tx():
            newest = int(self._scalar("SELECT coalesce(max(id), 0) AS n FROM articles") or 0)
            for follow_id in follow_ids:
                self._exec(
                    "UPDATE reader_follows SET seen_at = ?, seen_article_id = ? WHERE id = ?",
                    (self._time(at), newest, follow_id),
                )

    def _live_story_id(self, story_id: int) -> int | None:
        """The story a (maybe merged) story id now lives in."""
        for _ in range(MAX_MERGE_HOPS):
            row = self._row("SELECT id, merged_into FROM stories WHERE id = ?", (story_id,))
            if row is None:
                return None
            if row["merged_into"] is None:
                return int(row["id"])
            story_id = int(row["merged_into"])
        return None

    def count_new_articles(
        self, follow: Follow, *, muted_outlets: Iterable[str] = (), cap: int = 100
    ) -> int:
        muted = sorted(set(muted_outlets))
        where, params = self._follow_articles(follow)
        if where is None:
            return 0
        where.append("a.id > ?")
        params.append(follow.seen_article_id)
        if muted:
            where.append(f"coalesce(a.source, '') NOT IN ({', '.join('?' for _ in muted)})")
            params += muted
        joins = " JOIN stories s ON s.id = a.story_id" if follow.kind == "topic" else ""
        if follow.kind == "place":
            joins = " JOIN story_places p ON p.story_id = a.story_id"
        inner = f"SELECT 1 FROM articles a{joins} WHERE {' AND '.join(where)} LIMIT ?"
        return int(self._scalar(f"SELECT count(*) AS n FROM ({inner}) x", [*params, cap]) or 0)

    def _follow_articles(self, follow: Follow) -> tuple[list[str] | None, list[Any]]:
        """Conditions on ``articles a`` for the articles of what ``follow`` follows."""
        if follow.kind == "story":
            live = self._live_story_id(int(follow.target))
            return (None, []) if live is None else (["a.story_id = ?"], [live])
        if follow.kind == "topic":
            return ["s.topic_id = ?"], [int(follow.target)]
        if follow.kind == "outlet":
            return ["a.source = ?"], [follow.target]
        if follow.kind == "place":
            return ["p.code = ?"], [follow.target]
        found = self._candidates(follow.target)
        if found is None:
            return None, []
        sql, params = found
        return [f"a.id IN (SELECT c.id FROM ({sql}) c)"], list(params)

    def follow_story_ids(
        self,
        follow: Follow,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> list[int]:
        where = [_LIVE]
        params: list[Any] = []
        if follow.kind == "story":
            live = self._live_story_id(int(follow.target))
            if live is None:
                return []
            where.append("s.id = ?")
            params.append(live)
        elif follow.kind == "topic":
            where.append("s.topic_id = ?")
            params.append(int(follow.target))
        elif follow.kind == "outlet":  # index seeks (articles_source_story), newest first
            return self._indexed_story_ids(
                "SELECT DISTINCT story_id AS id FROM articles WHERE source = ? "
                "AND story_id IS NOT NULL",
                follow.target,
                limit,
                before,
                after,
            )
        elif follow.kind == "place":
            return self._indexed_story_ids(
                "SELECT story_id AS id FROM story_places WHERE code = ?",
                follow.target,
                limit,
                before,
                after,
            )
        else:
            found = self._stories_matching(follow.target)
            if found is None:
                return []
            where.append(found[0])
            params += found[1]
        return self._page_of_story_ids(where, params, limit, before, after)

    def _indexed_story_ids(
        self, query: str, key: str, limit: int, before: int | None, after: int | None
    ) -> list[int]:
        """A page of the story ids ``query`` (on one key, ``story_id AS id``) gives, by an
        index on ``(key, story_id)``; those that are not live stories are left out."""
        params: list[Any] = [key]
        order = "DESC"
        if before is not None:
            query += " AND story_id < ?"
            params.append(before)
        if after is not None:
            query += " AND story_id > ?"
            params.append(after)
            order = "ASC" if before is None else order
        rows = self._rows(
            f"SELECT s.id FROM stories s JOIN ({query} ORDER BY story_id {order} LIMIT ?) x "
            f"ON x.id = s.id WHERE {_LIVE} ORDER BY s.id {order}",
            [*params, limit],
        )
        return [int(r["id"]) for r in rows]

    def _page_of_story_ids(
        self,
        where: list[str],
        params: list[Any],
        limit: int,
        before: int | None,
        after: int | None,
    ) -> list[int]:
        order = "DESC"
        if before is not None:
            where.append("s.id < ?")
            params.append(before)
        if after is not None:
            where.append("s.id > ?")
            params.append(after)
            order = "ASC" if before is None else order
        rows = self._rows(
            f"SELECT s.id FROM stories s WHERE {' AND '.join(where)} ORDER BY s.id {order} LIMIT ?",
            [*params, limit],
        )
        return [int(r["id"]) for r in rows]

    def live_story_ids(self, story_ids: Iterable[int]) -> dict[int, int]:
        ids = list(dict.fromkeys(int(i) for i in story_ids))
        out: dict[int, int] = {}
        for r in self._rows_in("SELECT id, merged_into FROM stories WHERE id IN ({ids})", ids):
            if r["merged_into"] is not None:  # rare: follow the merges one by one
                live = self._live_story_id(int(r["id"]))
                if live is not None:
                    out[int(r["id"])] = live
            else:
                out[int(r["id"])] = int(r["id"])
        return out

    def story_heads(self, story_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        ids = list(dict.fromkeys(int(i) for i in story_ids))
        out: dict[int, dict[str, Any]] = {}
        for r in self._rows_in(
            "SELECT id, title, lead, created_at, updated_at FROM stories s "
            f"WHERE id IN ({{ids}}) AND {_LIVE}",
            ids,
        ):
            out[int(r["id"])] = {
                "title": r["title"],
                "lead": r["lead"] or "",
                "created_at": as_utc(r["created_at"]),
                "updated_at": as_utc(r["updated_at"]),
                "sources": [],
            }
        for r in self._rows_in(
            "SELECT story_id, source FROM articles WHERE story_id IN ({ids}) "
            "GROUP BY story_id, source ORDER BY story_id, count(*) DESC, source",
            list(out),
        ):
            if r["source"]:
                out[int(r["story_id"])]["sources"].append(r["source"])
        return out

    def stories_by_ids(self, story_ids: Sequence[int]) -> list[Story]:
        return self._stories_by_id(list(story_ids))

    # mutes ---------------------------------------------------------------------------
    def add_mute(self, user_id: int, kind: str, value: str) -> None:
        self._exec(
            "INSERT INTO reader_mutes (user_id, kind, value, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id, kind, value) DO NOTHING",
            (user_id, kind, value, self._time(utcnow())),
        )

    def remove_mute(self, user_id: int, kind: str, value: str) -> None:
        self._exec(
            "DELETE FROM reader_mutes WHERE user_id = ? AND kind = ? AND value = ?",
            (user_id, kind, value),
        )

    def list_mutes(self, user_id: int) -> list[tuple[str, str]]:
        rows = self._rows(
            "SELECT kind, value FROM reader_mutes WHERE user_id = ? "
            "ORDER BY created_at, kind, value",
            (user_id,),
        )
        return [(r["kind"], r["value"]) for r in rows]

    # daily email ---------------------------------------------------------------------
    def _settings_row(self, row: dict[str, Any] | None, user_id: int) -> dict[str, Any]:
        if row is None:
            return {
                "user_id": user_id,
                "email": "",
                "daily_email": False,
                "last_email_at": None,
                "last_email_article_id": 0,
            }
        return {
            "user_id": int(row["user_id"]),
            "email": row["email"],
            "daily_email": bool(row["daily_email"]),
            "last_email_at": as_utc(row["last_email_at"]),
            "last_email_article_id": int(row["last_email_article_id"] or 0),
        }

    def reader_settings(self, user_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM reader_settings WHERE user_id = ?", (user_id,))
        return self._settings_row(row, user_id)

    def newest_article_id(self) -> int:
        return int(self._scalar("SELECT coalesce(max(id), 0) AS n FROM articles") or 0)

    def set_reader_email(self, user_id: int, email: str, daily: bool) -> None:
        with self._tx():
            before = self.reader_settings(user_id)
            start = before["last_email_article_id"]
            if daily and not before["daily_email"]:
                start = self.newest_article_id()
            self._exec(
                "INSERT INTO reader_settings (user_id, email, daily_email, "
                "last_email_article_id) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE "
                "SET email = excluded.email, daily_email = excluded.daily_email, "
                "last_email_article_id = excluded.last_email_article_id",
                (user_id, email, int(daily), start),
            )

    def daily_email_readers(self) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT * FROM reader_settings WHERE daily_email = 1 AND email <> '' ORDER BY user_id"
        )
        return [self._settings_row(r, int(r["user_id"])) for r in rows]

    def mark_email_sent(self, user_id: int, at: datetime, article_id: int) -> None:
        self._exec(
            "UPDATE reader_settings SET last_email_at = ?, last_email_article_id = ? "
            "WHERE user_id = ?",
            (self._time(at), article_id, user_id),
        )

    # read and starred ----------------------------------------------------------------
    def set_story_states(
        self,
        user_id: int,
        story_ids: Iterable[int],
        *,
        read: bool | None = None,
        starred: bool | None = None,
    ) -> None:
        ids = list(dict.fromkeys(int(i) for i in story_ids))
        if not ids or (read is None and starred is None):
            return
        sets = []
        if read is not None:
            sets.append(f"read = {int(read)}")
        if starred is not None:
            sets.append(f"starred = {int(starred)}")
        now = self._time(utcnow())
        with self._tx():
            for story_id in ids:
                self._exec(
                    "INSERT INTO reader_items (user_id, story_id, read, starred, changed_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, story_id) DO UPDATE SET "
                    f"{', '.join(sets)}, changed_at = excluded.changed_at",
                    (user_id, story_id, int(bool(read)), int(bool(starred)), now),
                )

    def story_states(self, user_id: int, story_ids: Iterable[int]) -> dict[int, tuple[bool, bool]]:
        ids = list(dict.fromkeys(int(i) for i in story_ids))
        return {
            int(r["story_id"]): (bool(r["read"]), bool(r["starred"]))
            for r in self._rows_in(
                "SELECT story_id, read, starred FROM reader_items WHERE user_id = ? "
                "AND story_id IN ({ids})",
                ids,
                [user_id],
            )
        }

    def starred_story_ids(
        self, user_id: int, *, limit: int = 50, before: int | None = None, after: int | None = None
    ) -> list[int]:
        where = [
            _LIVE,
            "s.id IN (SELECT i.story_id FROM reader_items i WHERE i.user_id = ? AND i.starred = 1)",
        ]
        return self._page_of_story_ids(where, [user_id], limit, before, after)

    # corrections ---------------------------------------------------------------------
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
        with self._tx():
            row = self._row(
                "INSERT INTO story_corrections (kind, article_id, from_story, into_story, "
                "moderator_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    kind,
                    article_id,
                    from_story,
                    into_story,
                    moderator_id,
                    reason,
                    self._time(utcnow()),
                ),
            )
            assert row is not None
            (stored,) = self._created_rows(
                "SELECT * FROM story_corrections WHERE id = ?", (row["id"],)
            )
        return stored

    def corrections(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._created_rows(
            "SELECT c.*, u.name AS moderator FROM story_corrections c "
            "JOIN users u ON u.id = c.moderator_id ORDER BY c.id DESC LIMIT ?",
            (limit,),
        )

    def split_pins(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {}
        for r in self._rows(
            "SELECT article_id, from_story FROM story_corrections "
            "WHERE kind = 'split' AND article_id IS NOT NULL"
        ):
            live = self._live_story_id(int(r["from_story"]))
            if live is not None:
                out.setdefault(int(r["article_id"]), set()).add(live)
        return out

    def merge_pins(self) -> set[int]:
        rows = self._rows("SELECT DISTINCT into_story FROM story_corrections WHERE kind = 'merge'")
        live = (self._live_story_id(int(r["into_story"])) for r in rows)
        return {i for i in live if i is not None}

    def article_copies(self, article_ids: Iterable[int]) -> dict[int, int]:
        ids = list(dict.fromkeys(int(i) for i in article_ids))
        out = {i: i for i in ids}
        for r in self._rows_in(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IN ({ids})", ids
        ):
            out[int(r["id"])] = int(r["duplicate_of"])
        return out
