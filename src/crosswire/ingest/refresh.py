"""Refreshing one feed, without the store: conditional GET, then parse.

The scheduler (``crosswire.workers.feeds``) decides which feeds are due and stores what this
returns; keeping the network part here keeps it testable without a database.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.ingest.errors import FeedError, FetchError
from crosswire.ingest.feeds import ParsedFeed, parse_feed
from crosswire.ingest.fetcher import Fetcher
from crosswire.models import Feed


@dataclass
class FeedFetch:
    feed: Feed
    parsed: ParsedFeed | None = None  # None when not modified or failed
    not_modified: bool = False
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def refresh_feed(feed: Feed, fetcher: Fetcher) -> FeedFetch:
    """Fetch ``feed`` conditionally and parse it. Never raises for a bad feed: the one-line
    reason is in ``error``."""
    try:
        result = fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if result.not_modified:
            return FeedFetch(feed, not_modified=True)
        parsed = parse_feed(result.body, result.url, result.content_type)
    except (FetchError, FeedError) as exc:
        return FeedFetch(feed, error=one_line(exc))
    except Exception as exc:  # noqa: BLE001 - a hostile feed must not stop the others
        return FeedFetch(feed, error=f"unexpected {type(exc).__name__}: {one_line(exc)}")
    return FeedFetch(feed, parsed=parsed, etag=result.etag, last_modified=result.last_modified)


def one_line(exc: BaseException, limit: int = 300) -> str:
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines and lines[0] else type(exc).__name__
    return text[:limit]
