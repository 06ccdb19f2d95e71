"""PostgreSQL backend (extra ``crosswire[postgres]``): psycopg 3, tsvector search,
``FOR UPDATE SKIP LOCKED`` leases so several workers share the feeds."""

from __future__ import annotations

from typing import Any

from crosswire.store.base import StoreError
from crosswire.store.sql import ARTICLE_COLUMNS, SqlStore

try:
    import psycopg
except ImportError:  # pragma: no cover - depends on the extra
    psycopg = None  # type: ignore[assignment]


class PostgresStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        if psycopg is None:
            raise StoreError(
                "PostgreSQL support is not installed: pip install 'crosswire[postgres]'"
            )
        super().__init__(url)
        self._error_types = (psycopg.Error,)

    def _open_connection(self) -> Any:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=10)

    def _sql(self, query: str) -> str:
        return query.replace("?", "%s")

    def _skip_locked(self) -> str:
        return " FOR UPDATE SKIP LOCKED"

    def _lock_migrations(self, conn: Any) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(7263001)")

    def _search(self, query: str, limit: int) -> list[dict[str, Any]]:
        columns = ", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(","))
        return self._rows(
            f"SELECT {columns} FROM articles a, plainto_tsquery('simple', ?) q "
            "WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id DESC LIMIT ?",
            (query, limit),
        )
