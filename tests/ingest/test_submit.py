"""`fetch_article`: one URL, fetched safely and extracted; a feed entry is never dropped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.extract.article import ExtractionError
from crosswire.ingest.errors import HTTPStatusError, UnsafeURLError
from crosswire.ingest.submit import fetch_article
from crosswire.models import Article

pytestmark = pytest.mark.timeout(30)


def test_submitted_url_is_extracted(site, fetcher, strict_settings):
    url = site.url("/articles/es-1.html?utm_campaign=x")
    article = fetch_article(url, strict_settings, fetcher=fetcher)
    assert article.url == url and article.language == "es"
    assert article.origin == "La Gaceta del Turia" and not article.partial
    assert article.canonical_url == site.url("/articles/es-1.html?id=7")


def test_failures_raise_one_line_errors_without_a_fallback(site, fetcher, strict_settings):
    site.route("/empty.html", body="<html><body></body></html>", content_type="text/html")
    site.route("/doc.pdf", body=b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(HTTPStatusError):
        fetch_article(site.url("/nope.html"), strict_settings, fetcher=fetcher)
    with pytest.raises(ExtractionError, match="no article text"):
        fetch_article(site.url("/empty.html"), strict_settings, fetcher=fetcher)
    with pytest.raises(ExtractionError, match="not an HTML page"):
        fetch_article(site.url("/doc.pdf"), strict_settings, fetcher=fetcher)
    with pytest.raises(UnsafeURLError):
        fetch_article("http://10.0.0.1/a.html", strict_settings, fetcher=fetcher)


def test_feed_entry_fallback_is_kept_partial_or_merged(site, fetcher, strict_settings):
    when = datetime(2026, 3, 14, 8, 30, tzinfo=UTC)
    entry = Article(
        title="Feed title",
        text="The feed's summary.",
        url=site.url("/nope.html"),
        published_at=when,
        source="outlet.example",
        feed_id=3,
        partial=True,
    )
    kept = fetch_article(entry.url, strict_settings, fetcher=fetcher, fallback=entry)
    assert kept.partial and kept.text == "The feed's summary." and kept.fetched_at
    entry.url = site.url("/articles/en-1.html")
    merged = fetch_article(entry.url, strict_settings, fetcher=fetcher, fallback=entry)
    assert not merged.partial and merged.text.startswith("The city of Northbridge")
    assert merged.published_at == when and merged.source == "outlet.example"
    assert merged.feed_id == 3 and merged.origin == "The Harbour Ledger"
    long_summary = Article(title="T", text="word " * 1000, url=entry.url, partial=True)
    teaser = fetch_article(entry.url, strict_settings, fetcher=fetcher, fallback=long_summary)
    assert teaser.partial and teaser.text == long_summary.text


def test_publication_date_page_vs_feed():
    from datetime import UTC, datetime, timedelta

    from crosswire.ingest.submit import publication_date

    feed = datetime(2024, 5, 2, 14, 5, tzinfo=UTC)
    same_day = datetime(2024, 5, 2, tzinfo=UTC)  # a page that gives only the day
    assert publication_date(same_day, feed) == feed  # the feed's time is more precise
    years_before = datetime(2019, 3, 1, 8, 0, tzinfo=UTC)  # republished page
    assert publication_date(years_before, feed) == years_before
    assert publication_date(feed - timedelta(days=1), feed) == feed
    assert publication_date(None, feed) == feed and publication_date(same_day, None) == same_day


REPUBLISHED = """<html><head><title>Old quay reopens</title>
<meta property="article:published_time" content="2019-06-03T10:00:00+02:00"></head>
<body><article><p>The old quay of Northbridge reopened to fishing boats on Monday after the
council finished repairs to its stone wall, the harbour master said.</p>
<p>Boats had moored at the ferry pier for a year while masons rebuilt the wall.</p>
</article></body></html>"""

PAYWALLED = """<html><head><title>Members only</title>
<meta name="author" content="Ines Calder">
<meta property="article:published_time" content="2019-06-03T10:00:00+02:00"></head>
<body><p>Subscribe to read.</p></body></html>"""


def test_a_republished_page_keeps_its_own_date_and_a_paywall_gives_its_metadata(
    site, fetcher, strict_settings
):
    site.route("/old-quay.html", body=REPUBLISHED, content_type="text/html")
    site.route("/members.html", body=PAYWALLED, content_type="text/html")
    listed = datetime(2024, 5, 2, 14, 5, tzinfo=UTC)  # the feed lists the page years later
    entry = Article(title="", text="A summary.", url=site.url("/old-quay.html"),
                    published_at=listed, partial=True)  # fmt: skip
    article = fetch_article(entry.url, strict_settings, fetcher=fetcher, fallback=entry)
    assert article.published_at == datetime(2019, 6, 3, 8, 0, tzinfo=UTC)
    assert article.title == "Old quay reopens" and not article.partial
    entry.url = site.url("/members.html")
    kept = fetch_article(entry.url, strict_settings, fetcher=fetcher, fallback=entry)
    assert kept.partial and kept.text == "A summary."
    assert kept.published_at == datetime(2019, 6, 3, 8, 0, tzinfo=UTC)
    assert kept.byline == "Ines Calder"
