"""``crosswire submit URL``: fetch one page safely, extract its article, store it."""

from __future__ import annotations

import json

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from


@click.command("submit")
@click.argument("url")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored article as JSON.")
@click.pass_context
@expected_errors
def submit(ctx: click.Context, url: str, database_url: str | None, as_json: bool) -> None:
    """Add the article at URL (fetched through the SSRF guard) and give it its story."""
    from crosswire.extract.article import ExtractionError
    from crosswire.ingest.errors import FetchError
    from crosswire.ingest.submit import fetch_article
    from crosswire.pipeline import Pipeline

    settings = settings_from(ctx, database_url=database_url)
    try:
        article = fetch_article(url, settings)
    except (FetchError, ExtractionError) as exc:
        raise UserError(str(exc)) from exc
    store = store_from(settings)
    report = Pipeline(store, settings).add_articles([article])
    stored = store.find_article(url=url) or article
    if as_json:
        click.echo(
            json.dumps(
                {
                    "id": stored.id,
                    "title": stored.title,
                    "url": stored.url,
                    "canonical_url": stored.canonical_url,
                    "language": stored.language,
                    "published_at": stored.published_at.isoformat()
                    if stored.published_at
                    else None,
                    "origin": stored.origin,
                    "story_id": stored.story_id,
                    "added": bool(report.added),
                },
                ensure_ascii=False,
            )
        )
        return
    state = "added" if report.added else "already known"
    click.echo(f"article {stored.id} {state}: {stored.title}")
