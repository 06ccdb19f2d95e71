"""``crosswire feeds catalog`` and ``crosswire feeds add-category``: the shipped feed
catalogue (197 categories from Kagi's kite-public, MIT), added to the ``feeds`` group."""

from __future__ import annotations

import json

import click

from crosswire.cli.feeds import feeds
from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from


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
    from crosswire.outlets.catalog import find_category
    from crosswire.outlets.follow import follow_category

    category = find_category(name)
    if category is None:
        raise UserError(f"no category {name!r} in the catalogue (see: crosswire feeds catalog)")
    settings = settings_from(ctx, database_url=database_url)
    done = follow_category(
        store_from(settings), category, interval or settings.feed_interval_seconds
    )
    for url, reason in done.refused or []:
        click.echo(f"skipped {url}: {reason}", err=True)
    parts = [f"{category.name}: {done.added} feeds added"]
    if done.already:
        parts.append(f"{done.already} already followed")
    if done.refused:
        parts.append(f"{len(done.refused)} refused")
    if done.left_out:
        parts.append(f"{done.left_out} aggregator search feeds left out")
    click.echo(", ".join(parts))
