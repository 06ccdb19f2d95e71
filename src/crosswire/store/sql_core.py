"""The SQL core every entity's SQL builds on: connections (one per thread), ``?``
placeholders turned into the dialect's own, time encoding, write transactions, row helpers.

A dialect (``sqlite.py``, ``postgres.py``) overrides the hooks; the entity mixins
(``articles_sql.py``, ``stories_sql.py`` …) only use the helpers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from crosswire.models import as_utc
from crosswire.store.base import StoreError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

RowType = TypeVar("RowType", bound="DataclassInstance")


def build(
    cls: type[RowType], row: dict[str, Any], times: Sequence[str] = (), bools: Sequence[str] = ()
) -> RowType:
    """A dataclass from a row: its columns that are fields, ``times`` as UTC datetimes,
    ``bools`` as booleans."""
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in row.items() if k in names}
    for key in times:
        if key in values:
            values[key] = as_utc(values[key])
    for key in bools:
        if key in values:
            values[key] = bool(values[key])
    return cls(**values)


def marks(values: Sequence[Any]) -> str:
    """As many ``?`` as values, comma-separated."""
    return ", ".join("?" for _ in values)


class SqlCore:
    dialect = ""
    _error_types: tuple[type[BaseException], ...] = ()

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all_connections: list[Any] = []
        self._lock = threading.Lock()

    # dialect hooks -------------------------------------------------------------------
    def _open_connection(self) -> Any:
        raise NotImplementedError

    def _sql(self, query: str) -> str:
        return query

    def _time(self, value: datetime | None) -> Any:
        return value

    def _begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN")

    # SQL for a story's front-page order from its updated_at and source_count columns
    _hotness = "0"
    # SQL: ids and scores (lower is better) of the newest matches of ? (the query), limit ?
    _SEARCH_CANDIDATES = ""

    def _search_query(self, query: str) -> str | None:
        """The query as the dialect's full-text engine takes it (None: nothing to find)."""
        return query

    def _lock_migrations(self, conn: Any) -> None:
        """Keep two processes from migrating at once (inside the migration transaction)."""

    # plumbing ------------------------------------------------------------------------
    def _is_broken(self, conn: Any) -> bool:
        """True when the server ended this connection (a restart, a terminated session)."""
        return False

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is not None and not self._local.depth and self._is_broken(conn):
            self._forget_connection(conn)  # reconnect below; the next call may succeed
            conn = None
        if conn is None:
            try:
                conn = self._open_connection()
            except self._error_types as exc:
                raise StoreError(
                    f"cannot open database {self.redacted_url}: {one_line(exc)}"
                ) from exc
            self._local.conn = conn
            self._local.depth = 0
            with self._lock:
                self._all_connections.append(conn)
        return conn

    def _forget_connection(self, conn: Any) -> None:
        """Drop this thread's dead connection and what lived in its session (locks)."""
        with self._lock:
            if conn in self._all_connections:
                self._all_connections.remove(conn)
        try:
            conn.close()
        except Exception:  # it is already gone
            pass
        self._local.__dict__.clear()

    @property
    def redacted_url(self) -> str:
        head, sep, tail = self.url.partition("@")
        if not sep or "://" not in head:
            return self.url
        scheme, _, creds = head.partition("://")
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}@{tail}"

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """A write transaction; nested calls join the outer one."""
        conn = self._conn()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield conn
            finally:
                self._local.depth -= 1
            return
        try:
            self._begin_write(conn)
        except self._error_types as exc:
            raise StoreError(f"database {self.redacted_url}: {one_line(exc)}") from exc
        self._local.depth = 1
        try:
            yield conn
            conn.execute("COMMIT")
        except self._error_types as exc:
            _rollback(conn)
            raise StoreError(f"database {self.redacted_url}: {one_line(exc)}") from exc
        except BaseException:
            _rollback(conn)
            raise
        finally:
            self._local.depth = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._tx():
            yield

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            cur = self._conn().execute(self._sql(query), tuple(params))
            if cur.description is None:
                return []
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except self._error_types as exc:
            if self._local.depth:
                raise
            raise StoreError(f"database {self.redacted_url}: {one_line(exc)}") from exc

    def _created_rows(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """``_rows`` with each row's ``created_at`` read as a UTC datetime."""
        rows = self._rows(query, params)
        for row in rows:
            row["created_at"] = as_utc(row["created_at"])
        return rows

    def _rows_in(
        self, query: str, ids: Sequence[int], before: Sequence[Any] = ()
    ) -> Iterator[dict[str, Any]]:
        """Rows of ``query`` whose ``{ids}`` is a list of ``?`` for ``ids``, 500 at a time
        (``before`` are the parameters that come ahead of the ids)."""
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            yield from self._rows(query.replace("{ids}", marks), [*before, *chunk])

    def _row(self, query: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        if any(isinstance(p, int) and not -(2**63) <= p < 2**63 for p in params):
            return None  # no row holds a value past 64 bits; SQLite would raise OverflowError
        rows = self._rows(query, params)
        return rows[0] if rows else None

    def _exec(self, query: str, params: Sequence[Any] = ()) -> None:
        with self._tx() as conn:
            conn.execute(self._sql(query), tuple(params))

    def _scalar(self, query: str, params: Sequence[Any] = ()) -> Any:
        row = self._row(query, params)
        return None if row is None else next(iter(row.values()))

    def close(self) -> None:
        with self._lock:
            conns, self._all_connections = self._all_connections, []
        for conn in conns:
            try:
                self._release_session(conn)
                conn.close()
            except Exception:  # closing a broken connection is best effort
                pass
        self._local = threading.local()

    def _release_session(self, conn: Any) -> None:
        """Give back what the server would only free once it noticed the disconnect."""

    def _skip_locked(self) -> str:
        """Appended to a SELECT whose rows the caller leases (PostgreSQL: SKIP LOCKED)."""
        return ""


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _rollback(conn: Any) -> None:
    try:
        conn.execute("ROLLBACK")
    except Exception:  # the connection may already be gone
        pass


def keywords(given: dict[str, Any], names: Sequence[str], method: str) -> list[Any]:
    """The values of the keyword arguments ``names`` (None where not given), in that order:
    an implementation takes as ``**given`` the keywords its contract spells out; a name the
    contract does not know is a TypeError, as with the spelled-out signature."""
    for name in given:
        if name not in names:
            raise TypeError(f"{method}() got an unexpected keyword argument {name!r}")
    return [given.get(name) for name in names]
