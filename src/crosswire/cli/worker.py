"""``crosswire worker``: fetch feeds and assign stories, as one of any number of processes."""

from __future__ import annotations

import signal

import click

from crosswire.console import db_option, expected_errors, settings_from, store_from


@click.command("worker")
@db_option
@click.option("--no-fetch", is_flag=True, help="Do not refresh feeds; only compete to assign.")
@click.option("--no-assign", is_flag=True, help="Only fetch and store; never assign stories.")
@click.option("--batch", default=200, show_default=True, help="Articles assigned per transaction.")
@click.option(
    "--poll", default=2.0, show_default=True, help="Seconds between looks at the backlog."
)
@click.option(
    "--digests/--no-digests", default=True, show_default=True, help="Refresh story digests."
)
@click.option("--feed-batch", default=50, show_default=True, help="Feeds leased per refresh round.")
@click.option("--once", is_flag=True, help="One feed round and the backlog, then exit.")
@click.pass_context
@expected_errors
def worker(
    ctx: click.Context,
    database_url: str | None,
    no_fetch: bool,
    no_assign: bool,
    batch: int,
    poll: float,
    digests: bool,
    feed_batch: int,
    once: bool,
) -> None:
    """Refresh feeds, extract and store articles, and assign stories — next to other workers.

    Start as many as you like against one PostgreSQL database, on any machine: feeds are
    leased so each is fetched by one worker at a time, and exactly one worker (elected through
    a PostgreSQL advisory lock) assigns stories; when it stops, another takes over. On SQLite,
    run one worker: it does both jobs. Stop with Ctrl-C or SIGTERM."""
    from crosswire.workers.worker import Worker

    settings = settings_from(ctx, database_url=database_url)
    store_from(settings).close()  # migrate once, and fail early with a one-line error
    job = Worker(
        settings,
        fetch=not no_fetch,
        assign=not no_assign,
        batch=batch,
        poll_seconds=poll,
        digests=digests,
        feed_batch=feed_batch,
    )
    if once:
        job.run_once()
        return
    signal.signal(signal.SIGTERM, lambda *_: job.stop())
    click.echo(f"crosswire worker: working on {redacted(settings.database_url)}", err=True)
    job.run()  # Ctrl-C ends it through run_cli; run() releases the lock on the way out


def redacted(url: str) -> str:
    """The database URL without its credentials, for the log."""
    head, sep, tail = url.partition("@")
    return f"{head.split('://')[0]}://…@{tail}" if sep else url
