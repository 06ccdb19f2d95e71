"""``crosswire ingest``: refresh every due feed once, store the new articles, exit."""

from __future__ import annotations

import json

import click

from crosswire.cli.common import db_option, expected_errors, settings_from, store_from


@click.command("ingest")
@db_option
@click.option("--no-cluster", is_flag=True, help="Store articles without assigning stories.")
@click.option("--json", "as_json", is_flag=True, help="Print the round's figures as JSON.")
@click.pass_context
@expected_errors
def ingest(ctx: click.Context, database_url: str | None, no_cluster: bool, as_json: bool) -> None:
    """Refresh all due feeds once (the default list is loaded into an empty database first),
    fetch and extract their new articles, store them, and exit. Feeds that fail are listed
    with their error and retried later with backoff; the others go on."""
    from crosswire.pipeline import Pipeline
    from crosswire.workers.feeds import FeedScheduler

    settings = settings_from(ctx, database_url=database_url)
    store = store_from(settings)
    scheduler = FeedScheduler(store, Pipeline(store, settings, cluster=not no_cluster), settings)
    try:
        report = scheduler.run_once()
    finally:
        scheduler.stop()
    figures = {
        "feeds": report.feeds,
        "ok": report.ok,
        "not_modified": report.not_modified,
        "failed": report.failed,
        "entries": report.entries,
        "new_articles": report.new_entries,
        "partial": report.partial,
        "added": report.ingest.added,
        "errors": report.errors,
    }
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False))
        return
    click.echo(
        f"{report.feeds} feeds refreshed ({report.ok} ok, {report.not_modified} unchanged, "
        f"{report.failed} failed); {report.ingest.added} new articles "
        f"({report.partial} with the feed summary only)"
    )
    for url, error in report.errors.items():
        click.echo(f"  failed {url}: {error}", err=True)
