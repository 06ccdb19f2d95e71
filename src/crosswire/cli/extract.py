"""``crosswire extract URL|FILE``: what crosswire makes of one page, without storing it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import click

from crosswire.console import UserError, settings_from
from crosswire.models import Article


@click.command("extract")
@click.argument("source", metavar="URL|FILE")
@click.option("--url", "page_url", default=None, help="The URL a FILE was fetched from.")
@click.option("--json", "as_json", is_flag=True, help="Print the article as one JSON object.")
@click.pass_context
def extract(ctx: click.Context, source: str, page_url: str | None, as_json: bool) -> None:
    """Extract the article of a page: title, authors, publication date, language, canonical
    URL, credit line, site name and text — with the code the pipeline uses. A URL is fetched
    through the SSRF guard; a FILE (.html, or .html.gz) is read with its charset detected.
    A page without article text is an error (exit status 1); with --json, what the page says
    of itself (title, authors, date …) is printed all the same, with an "error" key."""
    from crosswire.extract.article import ExtractionError, extract_article
    from crosswire.ingest.decoding import decode_text
    from crosswire.ingest.errors import FetchError

    settings = settings_from(ctx)
    path = Path(source)
    try:
        if path.is_file():
            raw = path.read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            html, _ = decode_text(raw, None)
            article = extract_article(html, page_url, title_from_text=False)
        elif "://" in source:
            from crosswire.ingest.submit import fetch_article

            article = fetch_article(source, settings)
        else:
            raise UserError(f"{source}: no such file, and not a URL")
    except (OSError, EOFError) as exc:
        raise UserError(f"cannot read {source}: {exc}") from exc
    except ExtractionError as exc:
        if exc.article is None or not as_json:
            raise UserError(str(exc)) from exc
        click.echo(json.dumps({**article_row(exc.article), "error": str(exc)}, ensure_ascii=False))
        raise UserError(str(exc)) from exc
    except FetchError as exc:
        raise UserError(str(exc)) from exc
    row = article_row(article)
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False))
        return
    for key, value in row.items():
        if key != "text":
            click.echo(f"{key:>13}: {value}")
    click.echo("")
    click.echo(row["text"])


def article_row(article: Article) -> dict[str, Any]:
    """An article as ``crosswire extract`` and ``crosswire feeds parse`` print it."""
    from crosswire.extract.authors import split_byline

    return {
        "title": article.title or None,
        "authors": split_byline(article.byline),
        "published": article.published_at.isoformat() if article.published_at else None,
        "language": article.language,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "credit": article.origin,
        "site_name": article.site_name,
        "source": article.source,
        "partial": article.partial,
        "text": article.text,
    }
