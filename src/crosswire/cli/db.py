"""``crosswire db``: migrate, backup, restore."""

from __future__ import annotations

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from


@click.group()
def db() -> None:
    """Database maintenance."""


@db.command()
@db_option
@click.pass_context
@expected_errors
def migrate(ctx: click.Context, database_url: str | None) -> None:
    """Upgrade the schema in place (also done by every command that opens the store)."""
    from crosswire.store import open_store

    settings = settings_from(ctx, database_url=database_url)
    store = open_store(settings.database_url, migrate=False)
    applied = store.migrate()
    version = store.schema_version()
    click.echo(f"schema at version {version}" + (f" (applied {applied})" if applied else ""))


@db.command()
@click.argument("target", type=click.Path(dir_okay=False))
@db_option
@click.pass_context
@expected_errors
def backup(ctx: click.Context, target: str, database_url: str | None) -> None:
    """Copy a live SQLite database to TARGET (PostgreSQL: use pg_dump)."""
    from crosswire.store.sqlite import SqliteStore

    store = store_from(settings_from(ctx, database_url=database_url))
    if not isinstance(store, SqliteStore):
        raise UserError("backup is for SQLite; for PostgreSQL run: pg_dump -Fc DBNAME > FILE")
    store.backup(target)
    click.echo(f"backed up to {target}")


@db.command()
@click.argument("source", type=click.Path(dir_okay=False, exists=True))
@db_option
@click.option("--force", is_flag=True, help="Replace a database that already holds articles.")
@click.pass_context
@expected_errors
def restore(ctx: click.Context, source: str, database_url: str | None, force: bool) -> None:
    """Restore a SQLite backup made by `crosswire db backup` (PostgreSQL: use pg_restore)."""
    import sqlite3

    from crosswire.store import open_store
    from crosswire.store.sqlite import SqliteStore

    try:
        check = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.execute("SELECT count(*) FROM articles").fetchone()
        check.close()
    except sqlite3.Error as exc:
        raise UserError(f"{source} is not a crosswire backup: {exc}") from exc
    if not ok:
        raise UserError(f"{source} failed SQLite's integrity check")
    settings = settings_from(ctx, database_url=database_url)
    store = open_store(settings.database_url, migrate=False)
    if not isinstance(store, SqliteStore):
        raise UserError("restore is for SQLite; for PostgreSQL run: pg_restore -d DBNAME FILE")
    if store.schema_version() and store.count_articles() and not force:
        raise UserError(f"{store.redacted_url} already holds articles; add --force to replace it")
    store.restore_from(source)
    store.migrate()
    click.echo(f"restored {source} into {store.redacted_url} ({store.count_articles()} articles)")
