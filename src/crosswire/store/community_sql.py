"""``CommunityStore`` in SQL (mixed into ``SqlStore``): users, submissions, comments, votes,
flags and the moderation log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crosswire.models import Comment, ModerationEntry, Submission, User, utcnow
from crosswire.store.base import StoreError
from crosswire.store.community import CommunityStore
from crosswire.store.sql_core import SqlCore, build, keywords

_CHANGES = ("body", "edited_at", "deleted", "hidden")  # update_comment's keywords


class CommunitySql(SqlCore, CommunityStore):
    def create_user(self, user: User) -> User:
        with self._tx():
            if self._row("SELECT id FROM users WHERE name = ?", (user.name,)) is not None:
                raise StoreError(f"the name {user.name!r} is taken")
            row = self._row(
                "INSERT INTO users (name, password_hash, role, banned, created_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (
                    user.name,
                    user.password_hash,
                    user.role,
                    int(user.banned),
                    self._time(user.created_at or utcnow()),
                ),
            )
        assert row is not None
        stored = self.get_user(int(row["id"]))
        assert stored is not None
        return stored

    def _user(self, row: dict[str, Any] | None) -> User | None:
        return None if row is None else build(User, row, ("created_at",), ("banned",))

    def get_user(self, user_id: int) -> User | None:
        return self._user(self._row("SELECT * FROM users WHERE id = ?", (user_id,)))

    def get_user_by_name(self, name: str) -> User | None:
        return self._user(self._row("SELECT * FROM users WHERE name = ?", (name,)))

    def set_user_role(self, user_id: int, role: str) -> None:
        self._exec("UPDATE users SET role = ? WHERE id = ?", (role, user_id))

    def add_submission(self, submission: Submission) -> Submission:
        with self._tx():
            row = self._row(
                "INSERT INTO submissions (url, user_id, article_id, status, error, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    submission.url,
                    submission.user_id,
                    submission.article_id,
                    submission.status,
                    submission.error,
                    self._time(submission.created_at or utcnow()),
                ),
            )
            assert row is not None
            stored = self._row("SELECT * FROM submissions WHERE id = ?", (row["id"],))
        assert stored is not None
        return build(Submission, stored, ("created_at",))

    def update_submission(
        self, submission_id: int, *, status: str, article_id: int | None, error: str | None
    ) -> None:
        self._exec(
            "UPDATE submissions SET status = ?, article_id = ?, error = ? WHERE id = ?",
            (status, article_id, error, submission_id),
        )

    def story_submissions(self, story_id: int) -> list[dict[str, Any]]:
        return self._created_rows(
            "SELECT s.id, s.url, s.article_id, s.created_at, s.status, u.name AS user_name "
            "FROM submissions s JOIN users u ON u.id = s.user_id "
            "JOIN articles a ON a.id = s.article_id WHERE a.story_id = ? ORDER BY s.id",
            (story_id,),
        )

    def get_submission(self, submission_id: int) -> Submission | None:
        row = self._row("SELECT * FROM submissions WHERE id = ?", (submission_id,))
        return None if row is None else build(Submission, row, ("created_at",))

    def _comment(self, row: dict[str, Any]) -> Comment:
        return build(Comment, row, ("created_at", "edited_at"), ("deleted", "hidden"))

    _COMMENT_SELECT = (
        "SELECT c.*, u.name AS user_name, coalesce((SELECT sum(value) FROM votes v "
        "WHERE v.target_type = 'comment' AND v.target_id = c.id), 0) AS score "
        "FROM comments c JOIN users u ON u.id = c.user_id "
    )

    def add_comment(self, comment: Comment) -> Comment:
        with self._tx():
            row = self._row(
                "INSERT INTO comments (story_id, user_id, parent_id, body, created_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (
                    comment.story_id,
                    comment.user_id,
                    comment.parent_id,
                    comment.body,
                    self._time(comment.created_at or utcnow()),
                ),
            )
        assert row is not None
        stored = self.get_comment(int(row["id"]))
        assert stored is not None
        return stored

    def get_comment(self, comment_id: int) -> Comment | None:
        row = self._row(self._COMMENT_SELECT + "WHERE c.id = ?", (comment_id,))
        return None if row is None else self._comment(row)

    def update_comment(self, comment_id: int, **changes: Any) -> None:
        body, edited_at, deleted, hidden = keywords(changes, _CHANGES, "update_comment")
        sets, params = [], []
        for column, value in (
            ("body", body),
            ("edited_at", self._time(edited_at)),
            ("deleted", deleted),
            ("hidden", hidden),
        ):
            if value is not None:
                sets.append(f"{column} = ?")
                params.append(int(value) if isinstance(value, bool) else value)
        if sets:
            self._exec(f"UPDATE comments SET {', '.join(sets)} WHERE id = ?", [*params, comment_id])

    def story_comments(self, story_id: int) -> list[Comment]:
        rows = self._rows(self._COMMENT_SELECT + "WHERE c.story_id = ? ORDER BY c.id", (story_id,))
        return [self._comment(r) for r in rows]

    def vote(self, user_id: int, target_type: str, target_id: int, value: int) -> int:
        value = max(-1, min(1, int(value)))
        with self._tx():
            if value == 0:
                self._exec(
                    "DELETE FROM votes WHERE user_id = ? AND target_type = ? AND target_id = ?",
                    (user_id, target_type, target_id),
                )
            else:
                self._exec(
                    "INSERT INTO votes (user_id, target_type, target_id, value) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (user_id, target_type, target_id) "
                    "DO UPDATE SET value = excluded.value",
                    (user_id, target_type, target_id, value),
                )
            score = self._scalar(
                "SELECT coalesce(sum(value), 0) AS s FROM votes "
                "WHERE target_type = ? AND target_id = ?",
                (target_type, target_id),
            )
        return int(score)

    def vote_scores(self, target_type: str, target_ids: Iterable[int]) -> dict[int, int]:
        ids = sorted(set(target_ids))
        out: dict[int, int] = {}
        for row in self._rows_in(
            "SELECT target_id, sum(value) AS score FROM votes WHERE target_type = ? "
            "AND target_id IN ({ids}) GROUP BY target_id",
            ids,
            [target_type],
        ):
            out[int(row["target_id"])] = int(row["score"])
        return out

    def user_votes(
        self, user_id: int, target_type: str, target_ids: Iterable[int]
    ) -> dict[int, int]:
        ids = sorted(set(target_ids))
        out: dict[int, int] = {}
        for row in self._rows_in(
            "SELECT target_id, value FROM votes WHERE user_id = ? AND target_type = ? "
            "AND target_id IN ({ids})",
            ids,
            [user_id, target_type],
        ):
            out[int(row["target_id"])] = int(row["value"])
        return out

    def flag(self, user_id: int, target_type: str, target_id: int, reason: str) -> None:
        self._exec(
            "INSERT INTO flags (user_id, target_type, target_id, reason, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, target_type, target_id) DO NOTHING",
            (user_id, target_type, target_id, reason, self._time(utcnow())),
        )

    def open_flags(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT target_type, target_id, count(*) AS flags, max(reason) AS reason, "
            "min(created_at) AS first_flagged FROM flags WHERE resolved = 0 "
            "GROUP BY target_type, target_id ORDER BY count(*) DESC, min(created_at) LIMIT ?",
            (limit,),
        )

    def resolve_flags(self, target_type: str, target_id: int) -> None:
        self._exec(
            "UPDATE flags SET resolved = 1 WHERE target_type = ? AND target_id = ?",
            (target_type, target_id),
        )

    def log_moderation(self, entry: ModerationEntry) -> ModerationEntry:
        with self._tx():
            row = self._row(
                "INSERT INTO moderation_log (moderator_id, action, target_type, target_id, reason, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    entry.moderator_id,
                    entry.action,
                    entry.target_type,
                    entry.target_id,
                    entry.reason,
                    self._time(entry.created_at or utcnow()),
                ),
            )
        assert row is not None
        return self.moderation_log_entry(int(row["id"]))

    def moderation_log_entry(self, entry_id: int) -> ModerationEntry:
        row = self._row("SELECT * FROM moderation_log WHERE id = ?", (entry_id,))
        assert row is not None
        return build(ModerationEntry, row, ("created_at",))

    def moderation_log(self, limit: int = 100) -> list[ModerationEntry]:
        rows = self._rows("SELECT * FROM moderation_log ORDER BY id DESC LIMIT ?", (limit,))
        return [build(ModerationEntry, r, ("created_at",)) for r in rows]
