"""``crosswire ingest``: refresh every due feed once, store the new articles, exit."""

from __future__ import annotations

import json
import logging
from datetime import datetime

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from
from crosswire.models import Feed, as_utc, utcnow


@click.command("ingest")
@db_option
@click.option("--no-cluster", is_flag=True, help="Store articles without assigning stories.")
@click.option("--json", "as_json", is_flag=True, help="Print the round's figures as JSON.")
@click.pass_context
@expected_errors
def ingest(ctx: click.Context, database_url: str | None, no_cluster: bool, as_json: bool) -> None:
    """Refresh all due feeds once (the default list is loaded into an empty database first),
    fetch and extract their new articles, store them, and exit. Feeds that fail are listed
    once each, with their error and when they are retried (with backoff); the others go on.
    Says when the next feed falls due. Exit status 1 when every refreshed feed failed."""
    from crosswire.pipeline import Pipeline
    from crosswire.workers.feeds import FeedScheduler

    settings = settings_from(ctx, database_url=database_url)
    store = store_from(settings)
    scheduler = FeedScheduler(store, Pipeline(store, settings, cluster=not no_cluster), settings)
    feed_log = logging.getLogger("crosswire.workers.feeds")
    level = feed_log.level
    feed_log.setLevel(max(logging.ERROR, level))  # this command lists the failures itself
    try:
        report = scheduler.run_once()
    finally:
        feed_log.setLevel(level)
        scheduler.stop()
    followed = store.list_feeds()
    retry = {f.url: f.next_fetch_at for f in followed}
    upcoming = next_due(followed)
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
        "next_due": _iso(upcoming.next_fetch_at) if upcoming else None,
        "next_due_feed": upcoming.url if upcoming else None,
    }
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False))
    else:
        if report.feeds:
            click.echo(
                f"{report.feeds} feeds refreshed ({report.ok} ok, {report.not_modified} "
                f"unchanged, {report.failed} failed); {report.ingest.added} new articles "
                f"({report.partial} with the feed summary only)"
            )
        else:
            click.echo(f"no feed due now ({len(followed)} followed)")
        for url, error in report.errors.items():
            click.echo(f"  failed {url}: {error}{_retry(retry.get(url))}", err=True)
        if upcoming is not None:
            click.echo(f"next feed due {_when(upcoming.next_fetch_at)}: {upcoming.url}")
    if report.feeds and report.failed == report.feeds:
        raise UserError(f"all {report.feeds} feeds failed")


def next_due(feeds: list[Feed]) -> Feed | None:
    """The followed feed that falls due first (a feed never fetched is due now)."""
    if not feeds:
        return None
    now = utcnow()
    return min(feeds, key=lambda f: as_utc(f.next_fetch_at) or now)


def _iso(when: datetime | None) -> str | None:
    return as_utc(when).isoformat() if when else None


def _when(when: datetime | None) -> str:
    if when is None:
        return "now"
    wait = (as_utc(when) - utcnow()).total_seconds()
    stamp = as_utc(when).strftime("%Y-%m-%d %H:%M UTC")
    if wait <= 0:
        return f"now ({stamp})"
    minutes = round(wait / 60)
    span = f"{minutes} min" if minutes < 120 else f"{minutes / 60:.1f} h"
    return f"in {span} ({stamp})"


def _retry(when: datetime | None) -> str:
    return f"; retry {_when(when)}" if when else ""
