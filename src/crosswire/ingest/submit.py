"""One URL in, one ``Article`` out: the safe fetch followed by extraction.

Used for a user's submitted URL (errors are raised, one line each) and for every new entry of
a feed, where ``fallback`` is the entry as the feed describes it: if the page cannot be
fetched or holds no article text, that fallback is returned, marked partial — an article is
never dropped silently.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from crosswire.extract.article import ExtractionError, extract_article
from crosswire.ingest.errors import FetchError
from crosswire.ingest.fetcher import Fetcher
from crosswire.models import Article, as_utc, utcnow
from crosswire.settings import Settings

log = logging.getLogger(__name__)

REPUBLISHED_AFTER = timedelta(days=2)
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")

__all__ = ["ExtractionError", "FetchError", "fetch_article"]


def fetch_article(
    url: str,
    settings: Settings,
    *,
    fetcher: Fetcher | None = None,
    fallback: Article | None = None,
) -> Article:
    """Fetch ``url`` safely and extract its article.

    Without ``fallback``, raises ``FetchError`` (``UnsafeURLError`` for a refused URL) or
    ``ExtractionError``. With it, returns the fallback marked partial instead of raising.
    """
    own = fetcher is None
    active = fetcher or Fetcher(settings)
    try:
        result = active.fetch(url)
        if result.content_type not in HTML_TYPES:
            raise ExtractionError(f"not an HTML page ({result.content_type}): {result.url}")
        article = extract_article(
            result.text, result.url, fetched_at=utcnow(), title_from_text=fallback is None
        )
    except (FetchError, ExtractionError) as exc:
        if fallback is None:
            raise
        log.info("keeping the feed summary of %s: %s", url, exc)
        page = exc.article if isinstance(exc, ExtractionError) else None
        kept = replace(fallback, partial=True, fetched_at=fallback.fetched_at or utcnow())
        return kept if page is None else with_page_metadata(kept, page)
    finally:
        if own:
            active.close()
    article.url = url
    if fallback is None:
        return article
    merged = merge_with_entry(article, fallback)
    if not merged.title:
        merged.title = merged.text.split("\n", 1)[0][:200]
    return merged


def publication_date(page: datetime | None, feed: datetime | None) -> datetime | None:
    """When an article was published, from the page's own date and the feed's.

    The feed's date is the more precise (a time and a zone, where pages often give only a
    day) and wins when both name about the same time; but a page dated more than
    ``REPUBLISHED_AFTER`` before the feed entry is an older article the feed lists again
    (republished, recirculated): its own date wins, so copies of it are recognised as
    copies and it is not taken for today's news."""
    if page is None or feed is None:
        return page or feed
    if as_utc(feed) - as_utc(page) > REPUBLISHED_AFTER:
        return page
    return feed


def with_page_metadata(entry: Article, page: Article) -> Article:
    """The feed entry (its summary kept as text), with the page's own date, byline and
    canonical URL where the page had them though its text could not be read (a paywall)."""
    return replace(
        entry,
        published_at=publication_date(page.published_at, entry.published_at),
        byline=page.byline or entry.byline,
        canonical_url=page.canonical_url or entry.canonical_url,
        content_hash=None,
    )


def merge_with_entry(page: Article, entry: Article) -> Article:
    """The extracted page, with what the feed entry knows filling the gaps. A page whose text
    is shorter than the feed's summary (a paywall, a teaser) keeps the summary, partial."""
    merged = replace(
        page,
        title=page.title or entry.title,
        byline=page.byline or entry.byline,
        published_at=publication_date(page.published_at, entry.published_at),
        language=page.language or entry.language,
        source=entry.source or page.source,
        site_name=page.site_name or entry.site_name,
        feed_id=entry.feed_id,
        external_id=entry.external_id,
        content_hash=None,
    )
    if len(page.text) < len(entry.text):
        merged = replace(merged, text=entry.text, partial=True, content_hash=None)
    return merged
