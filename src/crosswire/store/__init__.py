"""Storage: one contract (``base.Store``), two backends, chosen by the database URL."""

from __future__ import annotations

from crosswire.store.base import PipelineStore, Store, StoreError

__all__ = ["PipelineStore", "Store", "StoreError", "open_store"]


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open ``sqlite:///PATH`` or ``postgresql://…`` and bring its schema up to date."""
    store: Store
    if url.startswith("sqlite:"):
        from crosswire.store.sqlite import SqliteStore

        store = SqliteStore(url)
    elif url.startswith(("postgresql://", "postgres://")):
        from crosswire.store.postgres import PostgresStore

        store = PostgresStore(url)
    else:
        raise StoreError(
            f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://USER@HOST/DB"
        )
    if migrate:
        store.migrate()
    return store
