"""``crosswire db``: migrate, backup, restore."""

from __future__ import annotations

import click

from crosswire.cli.common import UserError, db_option, expected_errors, settings_from, store_from


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
