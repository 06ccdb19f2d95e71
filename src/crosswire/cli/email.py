"""``crosswire email``: send readers their daily email (run it once a day, from cron)."""

from __future__ import annotations

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from


@click.command()
@db_option
@click.pass_context
@expected_errors
def email(ctx: click.Context, database_url: str | None) -> None:
    """Send each reader who asked for it a message of what is new in what it follows
    (at most one a day; nothing when nothing is new). Needs the smtp_* settings."""
    from crosswire.readers.email import EmailError, send_daily_email

    settings = settings_from(ctx, database_url=database_url)
    store = store_from(settings)
    try:
        sent = send_daily_email(store, settings)
    except EmailError as exc:
        raise UserError(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"{sent} message{'s' if sent != 1 else ''} sent")
