"""What a page declares about itself: literal titles, JSON-LD and meta dates. Pages written
for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.extract.article import ExtractionError, extract_article

BODY = "<p>" + "The browser team said the old tags stop working in the next release. " * 3 + "</p>"


def page(head: str, body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    "head",
    [
        "<title>Chrome drops &lt;blink&gt; and &lt;marquee&gt; support</title>",
        '<meta property="og:title" content="Chrome drops &lt;blink&gt; and &lt;marquee&gt; '
        'support">',
    ],
)
def test_page_titles_keep_bracketed_words(head):
    article = extract_article(page(head), "https://browsers.example/a")
    assert article.title == "Chrome drops <blink> and <marquee> support"


def test_json_ld_epoch_seconds_date():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tags",'
        ' "datePublished": 1700000000}</script>'
    )
    with pytest.raises(ExtractionError) as caught:  # no text: the metadata all the same
        extract_article(page(head, "<p>Short.</p>"), "https://browsers.example/a")
    assert caught.value.article.published_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert caught.value.article.title == "Tags"


def test_month_first_meta_date_with_zone_name():
    head = (
        "<title>Tags</title>"
        '<meta property="article:published_time" content="Sun Nov 23 16:00:00 EDT 2014">'
    )
    article = extract_article(page(head), "https://browsers.example/a")
    assert article.published_at.isoformat() == "2014-11-23T16:00:00-04:00"
