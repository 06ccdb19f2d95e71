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


def test_microdata_publication_time_beats_a_day_only_meta_date():
    # a CMS's generic "date" meta (the day it last touched the page) and the article's
    # visible, schema.org-marked publication time
    head = '<title>Savings banks</title><meta name="date" content="2019-10-19">'
    body = (
        '<header><span itemprop="datePublished" content="2019-10-18T17:08:11+02:00">'
        "18.10.2019 - 17:08</span></header>" + BODY
    )
    article = extract_article(page(head, body), "https://banks.example/news/a")
    assert article.published_at.isoformat() == "2019-10-18T17:08:11+02:00"


def test_trackback_rdf_date_in_a_comment():
    comment = (
        '<!--\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<rdf:Description'
        ' rdf:about="https://blog.example/e/1" dc:title="Sale results"'
        ' dc:date="2020-07-12T22:00:00+09:00" />\n</rdf:RDF>\n-->'
    )
    body = BODY + "<p>Photo: the yearling at the 2015 sale (2015/7/21).</p>" + comment
    article = extract_article(page("<title>Sale results</title>", body), "https://blog.example/e/1")
    assert article.published_at.isoformat() == "2020-07-12T22:00:00+09:00"


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("2022-01-21", "2022-01-21"),  # days before the stamp: the article's own date
        ("2022-01-29T08:00:00+01:00", "2022-01-29"),  # days after it as well
        ("2021-11-02", "2022-01-26"),  # weeks away: another article's date, the stamp stays
    ],
)
def test_a_shown_time_beats_a_generic_date_meta_days_apart(shown, day):
    head = '<title>Winter routes</title><meta name="date" content="2022-01-26T14:32:06+02:00">'
    body = f'<p class="meta"><time datetime="{shown}">{shown[:10]}</time></p>' + BODY
    article = extract_article(page(head, body), "https://alps.example/routes")
    assert article.published_at.date().isoformat() == day
