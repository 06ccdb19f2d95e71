"""The storage contract over DB-API: one body of SQL for SQLite and PostgreSQL.

Queries are written with ``?`` placeholders; a dialect subclass supplies connections, turns
placeholders into its own style, encodes times and runs its migrations and full-text search
(the hooks of ``sql_core.SqlCore``). Each entity's SQL is a mixin in a file of its own;
``SqlStore`` composes them.
"""

from __future__ import annotations

from importlib import resources

from crosswire.models import utcnow
from crosswire.store.articles_sql import ArticlesSql
from crosswire.store.base import Store, StoreError
from crosswire.store.community_sql import CommunitySql
from crosswire.store.digests_sql import DigestsSql
from crosswire.store.feeds_sql import FeedsSql
from crosswire.store.outlets_sql import OutletsSql
from crosswire.store.readers_sql import ReaderSql
from crosswire.store.sources_sql import SourcesSql
from crosswire.store.sql_core import SqlCore
from crosswire.store.stories_sql import StoriesSql


class SqlStore(
    ReaderSql,
    OutletsSql,
    CommunitySql,
    StoriesSql,
    DigestsSql,
    ArticlesSql,
    SourcesSql,
    FeedsSql,
    SqlCore,
    Store,
):
    """``Store`` over SQL: the entity mixins over the shared core, with migrations and meta."""

    # migrations ----------------------------------------------------------------------
    def _migration_scripts(self) -> list[tuple[int, str]]:
        """Every version's script: the dialect's own file where the dialects differ, else
        the one in ``migrations/common`` (a version must not be in both)."""
        root = resources.files("crosswire.store") / "migrations"
        scripts: dict[int, str] = {}
        for folder in (root / "common", root / self.dialect):
            for entry in folder.iterdir():
                if entry.name.endswith(".sql"):
                    version = int(entry.name.split("_", 1)[0])
                    if version in scripts:
                        raise StoreError(f"migration {version} is both common and {self.dialect}")
                    scripts[version] = entry.read_text("utf-8")
        return sorted(scripts.items())

    def schema_version(self) -> int:
        try:
            return int(self._scalar("SELECT max(version) AS v FROM schema_migrations") or 0)
        except StoreError:
            return 0

    def migrate(self) -> list[int]:
        applied: list[int] = []
        with self._tx() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            self._lock_migrations(conn)
            done = {r["version"] for r in self._rows("SELECT version FROM schema_migrations")}
            for version, script in self._migration_scripts():
                if version in done:
                    continue
                for statement in _split_sql(script):
                    conn.execute(statement)
                conn.execute(
                    self._sql("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                    (version, utcnow().isoformat()),
                )
                applied.append(version)
        self.load_outlet_registry()  # every command sees the outlets by name
        return applied

    # meta ----------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        value = self._scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        self._exec(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements; trigger bodies keep their inner semicolons."""
    statements, current, in_trigger = [], [], False
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger:
            if upper == "END;":
                statements.append("\n".join(current))
                current, in_trigger = [], False
        elif stripped.endswith(";"):
            statements.append("\n".join(current).rstrip().rstrip(";"))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements
