"""``crosswire feeds catalog`` and ``crosswire feeds add-category``: the shipped feed
catalogue (197 categories from Kagi's kite-public, MIT), added to the ``feeds`` group."""

from __future__ import annotations

import json

import click

from crosswire.cli.common import UserError, db_option, expected_errors, settings_from, store_from
from crosswire.cli.feeds import feeds


@feeds.command("catalog")
@click.option("--lang", default=None, help="Only categories whose feeds are in this language.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def catalog(lang: str | None, as_json: bool) -> None:
    """List the feed catalogue's categories with their feed counts."""
    from crosswire.outlets.catalog import in_language

    items = [
        {
            "name": c.name,
            "display_name": c.display_name(lang),
            "type": c.type,
            "language": c.language,
            "place": c.place,
            "feeds": len(c.followable_feeds()),
        }
        for c in in_language(lang)
    ]
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not items:
        click.echo(f"no categories in language {lang!r}", err=True)
    for item in items:
        shown = item["display_name"]
        also = f" ({item['name']})" if shown != item["name"] else ""
        click.echo(f"{item['feeds']:>4} feeds  {item['language']:<3} {shown}{also}")


@feeds.command("add-category")
@click.argument("name")
@db_option
@click.option("--interval", type=int, default=None, help="Seconds between refreshes.")
@click.pass_context
@expected_errors
def add_category(
    ctx: click.Context, name: str, database_url: str | None, interval: int | None
) -> None:
    """Follow every feed of the catalogue's category NAME (see `crosswire feeds catalog`).
    Aggregators' search feeds are left out; the fetcher's SSRF guard checks every fetch."""
    from crosswire.ingest.errors import UnsafeURLError
    from crosswire.ingest.safety import split_url
    from crosswire.models import Feed
    from crosswire.outlets.catalog import feed_outlet, find_category

    category = find_category(name)
    if category is None:
        raise UserError(f"no category {name!r} in the catalogue (see: crosswire feeds catalog)")
    settings = settings_from(ctx, database_url=database_url)
    store = store_from(settings)
    resolver = store.outlet_resolver()
    known = {f.url for f in store.list_feeds()}
    urls = category.followable_feeds()
    added = refused = 0
    with store.transaction():
        for url in urls:
            if url in known:
                continue
            try:
                split_url(url)
            except UnsafeURLError as exc:
                click.echo(f"skipped {url}: {exc}", err=True)
                refused += 1
                continue
            store.add_feed(
                Feed(
                    url=url,
                    source_domain=feed_outlet(url, resolver),
                    interval_seconds=interval or settings.feed_interval_seconds,
                )
            )
            added += 1
    parts = [f"{category.name}: {added} feeds added"]
    if len(urls) - added - refused:
        parts.append(f"{len(urls) - added - refused} already followed")
    if refused:
        parts.append(f"{refused} refused")
    if len(category.feeds) > len(urls):
        parts.append(f"{len(category.feeds) - len(urls)} aggregator search feeds left out")
    click.echo(", ".join(parts))
