"""PostgreSQL backend (extra ``crosswire[postgres]``): psycopg 3, tsvector search,
``FOR UPDATE SKIP LOCKED`` leases so several workers share the feeds."""

from __future__ import annotations

from typing import Any

from crosswire.store.base import StoreError
from crosswire.store.locks import advisory_key
from crosswire.store.sql import SqlStore

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

    def _is_broken(self, conn: Any) -> bool:
        return bool(conn.closed or conn.broken)

    def _sql(self, query: str) -> str:
        return query.replace("?", "%s")

    def _skip_locked(self) -> str:
        return " FOR UPDATE SKIP LOCKED"

    def _lock_migrations(self, conn: Any) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(7263001)")

    def try_lock(self, name: str) -> bool:
        held = self._held_locks()
        if name in held:
            return True
        got = bool(self._scalar("SELECT pg_try_advisory_lock(?) AS ok", (self.lock_key(name),)))
        if got:
            held.add(name)
        return got

    def unlock(self, name: str) -> None:
        held = self._held_locks()
        if name in held:
            held.discard(name)
            self._scalar("SELECT pg_advisory_unlock(?) AS ok", (self.lock_key(name),))

    def _release_session(self, conn: Any) -> None:
        # the server frees a closed session's advisory locks a moment after the disconnect;
        # unlocking first means a lock is free the moment close() returns
        if not self._is_broken(conn):
            conn.execute("SELECT pg_advisory_unlock_all()")

    def lock_key(self, name: str) -> int:
        """Advisory locks are per database; the schema in the key keeps two crosswire
        installations in one database (or two test schemas) from sharing a lock."""
        schema = getattr(self._local, "schema", None)
        if schema is None:
            schema = self._local.schema = str(self._scalar("SELECT current_schema() AS s"))
        return advisory_key(f"{schema}/{name}")

    def _held_locks(self) -> set[str]:
        """Names this thread's session holds (advisory locks nest; we never take one twice)."""
        self._conn()
        held = getattr(self._local, "locks", None)
        if held is None:
            held = self._local.locks = set()
        return held

    _hotness = (
        "extract(epoch FROM updated_at)::double precision / 3600.0 "
        "+ 6.0 * ln(greatest(source_count, 1)) / ln(2.0)"
    )
    _SEARCH_CANDIDATES = (
        "SELECT a.id AS id, -ts_rank(a.search, q) AS score "
        "FROM articles a, plainto_tsquery('simple', ?) q WHERE a.search @@ q "
        "ORDER BY a.id DESC LIMIT ?"
    )

    def _search_query(self, query: str) -> str | None:
        return query.replace("\x00", " ").strip() or None
