"""``crosswire stories`` and ``crosswire story ID``: stories as operators script them."""

from __future__ import annotations

import json
from typing import Any

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from
from crosswire.digest.render import render_text
from crosswire.models import Digest, Story
from crosswire.store import Store
from crosswire.store.digest_json import digest_json


def story_summary(store: Store, story: Story) -> dict[str, Any]:
    articles = store.get_articles(story.article_ids)
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": [a.id for a in articles],
        "external_ids": [a.external_id for a in articles],
        "sources": sorted({a.source for a in articles if a.source}),
        "created": story.created_at.isoformat() if story.created_at else None,
        "updated": story.updated_at.isoformat() if story.updated_at else None,
        "topic_id": story.topic_id,
    }


@click.command()
@db_option
@click.option("--limit", default=50, show_default=True, help="Most stories listed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@expected_errors
def stories(ctx: click.Context, database_url: str | None, limit: int, as_json: bool) -> None:
    """List stories, most recently updated first."""
    store = store_from(settings_from(ctx, database_url=database_url))
    items = [story_summary(store, s) for s in store.list_stories(limit=limit)]
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    for item in items:
        click.echo(
            f"{item['id']:>6}  {len(item['article_ids']):>3} articles  "
            f"{len(item['sources']):>2} outlets  {item['title'][:80]}"
        )


@click.command()
@click.argument("story_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--refresh", is_flag=True, help="Rebuild the digest if it is out of date.")
@click.pass_context
@expected_errors
def story(
    ctx: click.Context, story_id: int, database_url: str | None, as_json: bool, refresh: bool
) -> None:
    """Show one story with its digest."""
    settings = settings_from(ctx, database_url=database_url)
    store = store_from(settings)
    found = store.get_story(story_id)
    if found is None:
        raise UserError(f"no story {story_id}")
    if refresh or found.digest is None or found.digest == Digest():
        from crosswire.pipeline import Pipeline

        Pipeline(store, settings).refresh_digests()
        found = store.get_story(story_id) or found
    item = story_summary(store, found)
    item["digest"] = digest_json(found.digest) if found.digest is not None else None
    item["related"] = [
        {"id": r.id, "title": r.title} for r in store.related_stories(found.id or story_id)
    ]
    if as_json:
        click.echo(json.dumps(item, ensure_ascii=False, indent=1))
        return
    count = len(item["article_ids"])
    outlets = f" from {', '.join(item['sources'])}" if item["sources"] else ""
    click.echo(f"# {item['title']}\n\n{count} article{'s' if count != 1 else ''}{outlets}")
    for line in render_text(found.digest or Digest()):
        click.echo(line)
    if item["related"]:
        click.echo(
            "\nDeveloping story: " + "; ".join(f"{r['id']} {r['title']}" for r in item["related"])
        )
