"""WARC files of web pages (a crawl, a news archive) as backfill input (``warcio``).

A WARC file is one partition: crawls come as many files of about 1 GB (CC-NEWS, for one),
and a gzipped WARC cannot be split without reading it. Only ``response`` records of HTML
pages with status 200 are kept; extraction (trafilatura, via ``crosswire.extract``) runs on
the Dask workers with the rest of the preparation.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from crosswire.extract.article import ExtractionError, extract_article
from crosswire.models import Article, as_utc

SUFFIXES = (".warc", ".warc.gz")


def read_warc(path: str) -> list[dict[str, Any]]:
    """``{"html", "url", "fetched"}`` for each HTML page answered 200 in the file."""
    from warcio.archiveiterator import ArchiveIterator

    pages = []
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            kind = record.http_headers.get_header("Content-Type") or ""
            if "html" not in kind.lower():
                continue
            body = record.content_stream().read()
            charset = kind.lower().partition("charset=")[2].split(";")[0].strip() or "utf-8"
            try:
                html = body.decode(charset, errors="replace")
            except LookupError:
                html = body.decode("utf-8", errors="replace")
            pages.append(
                {
                    "html": html,
                    "url": record.rec_headers.get_header("WARC-Target-URI"),
                    "fetched": record.rec_headers.get_header("WARC-Date"),
                }
            )
    return pages


def article_from_page(page: dict[str, Any]) -> Article:
    """Extract one archived page; ``ValueError`` when it holds no article."""
    try:
        article = extract_article(page["html"], page["url"], fetched_at=as_utc(page["fetched"]))
    except ExtractionError as exc:
        raise ValueError(f"{page['url']}: {exc}") from exc
    article.url = page["url"]
    if not article.source and page["url"]:
        host = urlsplit(page["url"]).hostname or ""
        article.source = host[4:] if host.startswith("www.") else host or None
    return article
