"""SQLite backend: WAL, a busy timeout, IMMEDIATE write transactions, FTS5 search."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.store.locks import FileLocks
from crosswire.store.sql import SqlStore

_FTS_WORD = re.compile(r"\w+", re.UNICODE)


class SqliteStore(SqlStore):
    dialect = "sqlite"
    _error_types = (sqlite3.Error,)

    def __init__(self, url: str, busy_timeout_ms: int = 30_000) -> None:
        super().__init__(url)
        self.path = sqlite_path(url)
        self.busy_timeout_ms = busy_timeout_ms
        self._file_locks = FileLocks(self.path)

    def _open_connection(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            self.path,
            isolation_level=None,  # we issue BEGIN IMMEDIATE / COMMIT ourselves
            check_same_thread=False,
            timeout=self.busy_timeout_ms / 1000,
        )
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _time(self, value: datetime | None) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def _begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def try_lock(self, name: str) -> bool:
        return self._file_locks.try_lock(name)

    def unlock(self, name: str) -> None:
        self._file_locks.unlock(name)

    def close(self) -> None:
        self._file_locks.release_all()
        super().close()

    _hotness = "(julianday(updated_at) - 2440587.5) * 24.0 + 6.0 * log2(max(source_count, 1))"
    _SEARCH_CANDIDATES = (
        "SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
        "WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
    )

    def _search_query(self, query: str) -> str | None:
        words = _FTS_WORD.findall(query)
        return " ".join(f'"{w}"' for w in words) if words else None

    def backup(self, target: str) -> None:
        """Online backup to a file with SQLite's backup API."""
        dest = sqlite3.connect(target)
        try:
            self._conn().backup(dest)
        finally:
            dest.close()

    def restore_from(self, source: str) -> None:
        """Replace this database's content with a backup file, online."""
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            src.backup(self._conn())
        finally:
            src.close()


def sqlite_path(url: str) -> str:
    if not url.startswith("sqlite:///") and url != "sqlite://":
        raise ValueError(f"not a SQLite URL: {url} (expected sqlite:///PATH)")
    path = url[len("sqlite:///") :] if url != "sqlite://" else ""
    return path or ":memory:"
