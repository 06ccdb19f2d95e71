"""``crosswire feeds``: add, import, export, list and remove the feeds crosswire follows."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from crosswire.cli.extract import article_row
from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from
from crosswire.extract.article import domain_of
from crosswire.ingest.errors import FeedError, FetchError, UnsafeURLError
from crosswire.ingest.safety import settings_policy
from crosswire.models import Feed, Source


@click.group()
def feeds() -> None:
    """The feeds crosswire follows (RSS, Atom, JSON Feed)."""


@feeds.command("add")
@click.argument("url")
@db_option
@click.option(
    "--no-check",
    is_flag=True,
    help="Add the URL as given, without fetching it or looking for a feed on the page.",
)
@click.option("--interval", type=int, default=None, help="Seconds between refreshes.")
@click.pass_context
@expected_errors
def add(
    ctx: click.Context, url: str, database_url: str | None, no_check: bool, interval: int | None
) -> None:
    """Follow URL: a feed, or a site's page that announces one (autodiscovery)."""
    settings = settings_from(ctx, database_url=database_url)
    try:
        settings_policy(settings).check_url(url)
    except UnsafeURLError as exc:
        raise UserError(str(exc)) from exc
    except FetchError as exc:
        if not no_check:
            raise UserError(str(exc)) from exc
    feed_url, title, site = url, None, None
    if not no_check:
        from crosswire.ingest.discover import find_feed
        from crosswire.ingest.fetcher import Fetcher

        with Fetcher(settings) as fetcher:
            try:
                found = find_feed(url, fetcher)
            except (FetchError, FeedError) as exc:
                raise UserError(f"cannot add {url}: {exc}") from exc
        feed_url, title, site = found.url, found.feed.title, found.feed.site_url
    domain = domain_of(site or feed_url)
    store = store_from(settings)
    if domain:
        store.upsert_source(Source(domain=domain, name=title or ""))
    feed = store.add_feed(
        Feed(
            url=feed_url,
            title=title,
            source_domain=domain,
            interval_seconds=interval or settings.feed_interval_seconds,
        )
    )
    click.echo(f"feed {feed.id}: {feed.url}" + (f" ({feed.title})" if feed.title else ""))


@feeds.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.pass_context
@expected_errors
def import_opml(ctx: click.Context, file: str, database_url: str | None) -> None:
    """Follow every feed of an OPML FILE. URLs the SSRF guard refuses are reported and
    skipped (exit status 1 when there were any)."""
    from crosswire.ingest.opml import read_opml

    settings = settings_from(ctx, database_url=database_url)
    try:
        entries = read_opml(Path(file).read_bytes())
    except FeedError as exc:
        raise UserError(f"{file}: {exc}") from exc
    store = store_from(settings)
    policy = settings_policy(settings)
    added = refused = 0
    for entry in entries:
        try:
            policy.check_url(entry.url)
        except UnsafeURLError as exc:
            click.echo(f"skipped {entry.url}: {exc}", err=True)
            refused += 1
            continue
        except FetchError:
            pass  # not resolvable now: keep it, the scheduler will report it
        domain = domain_of(entry.site_url or entry.url)
        if domain:
            store.upsert_source(Source(domain=domain, name=entry.title or ""))
        store.add_feed(
            Feed(
                url=entry.url,
                title=entry.title,
                source_domain=domain,
                interval_seconds=settings.feed_interval_seconds,
            )
        )
        added += 1
    click.echo(f"imported {added} feeds" + (f", refused {refused}" if refused else ""))
    if refused:
        raise UserError(f"{refused} URL(s) in {file} refused by the SSRF guard (listed above)")


@feeds.command("export")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_context
@expected_errors
def export_opml(ctx: click.Context, database_url: str | None, output: str | None) -> None:
    """Print the followed feeds as OPML 2.0 (or write them to --output)."""
    from crosswire.ingest.opml import write_opml

    store = store_from(settings_from(ctx, database_url=database_url))
    text = write_opml(store.list_feeds())
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@feeds.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--failing", is_flag=True, help="Only feeds whose last refresh failed.")
@click.pass_context
@expected_errors
def list_feeds(ctx: click.Context, database_url: str | None, as_json: bool, failing: bool) -> None:
    """List the followed feeds with their last error."""
    store = store_from(settings_from(ctx, database_url=database_url))
    items = [f for f in store.list_feeds() if f.last_error or not failing]
    if as_json:
        rows = [
            {
                "id": f.id,
                "url": f.url,
                "title": f.title,
                "source": f.source_domain,
                "error_count": f.error_count,
                "last_error": f.last_error,
                "last_success": f.last_success_at.isoformat() if f.last_success_at else None,
                "next_fetch": f.next_fetch_at.isoformat() if f.next_fetch_at else None,
            }
            for f in items
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for f in items:
        state = f"ERROR x{f.error_count}: {f.last_error}" if f.last_error else "ok"
        click.echo(f"{f.id:>5}  {f.url}  [{state}]")


@feeds.command("parse")
@click.argument("source", metavar="URL|FILE")
@click.option("--url", "feed_url", default=None, help="The URL a FILE was fetched from.")
@click.option("--json", "as_json", is_flag=True, help="Print the feed as one JSON object.")
@click.pass_context
def parse(ctx: click.Context, source: str, feed_url: str | None, as_json: bool) -> None:
    """Show the entries of a feed as crosswire would store them (nothing is stored). A URL
    is fetched through the SSRF guard; a FILE is read as it is."""
    from crosswire.ingest.feeds import parse_feed

    settings = settings_from(ctx)
    path = Path(source)
    try:
        if path.is_file():
            parsed = parse_feed(path.read_bytes(), feed_url or path.resolve().as_uri())
        elif "://" in source:
            from crosswire.ingest.fetcher import Fetcher

            with Fetcher(settings) as fetcher:
                result = fetcher.fetch(source)
            parsed = parse_feed(result.body, result.url, result.content_type)
        else:
            raise UserError(f"{source}: no such file, and not a URL")
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc}") from exc
    except (FetchError, FeedError) as exc:
        raise UserError(f"{source}: {exc}") from exc
    row = {
        "url": parsed.url,
        "title": parsed.title,
        "site_url": parsed.site_url,
        "language": parsed.language,
        "kind": parsed.kind,
        "warning": parsed.warning,
        "entries": [article_row(a) for a in parsed.articles],
    }
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False))
        return
    click.echo(f"{parsed.kind} feed: {parsed.title or parsed.url} ({len(parsed.articles)} entries)")
    if parsed.warning:
        click.echo(f"warning: {parsed.warning}", err=True)
    for entry in parsed.articles:
        when = entry.published_at.isoformat() if entry.published_at else "undated"
        click.echo(f"{when}  {entry.title}  {entry.url or ''}")


@feeds.command("remove")
@click.argument("feed", metavar="ID_OR_URL")
@db_option
@click.pass_context
@expected_errors
def remove(ctx: click.Context, feed: str, database_url: str | None) -> None:
    """Stop following a feed (its articles stay)."""
    store = store_from(settings_from(ctx, database_url=database_url))
    match = [f for f in store.list_feeds() if str(f.id) == feed or f.url == feed]
    if not match or match[0].id is None:
        raise UserError(f"no feed {feed}")
    store.delete_feed(match[0].id)
    click.echo(f"removed feed {match[0].id}: {match[0].url}")
