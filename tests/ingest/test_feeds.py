"""Feed parsing: every format, several languages and charsets, hostile XML refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.ingest.errors import FeedError
from crosswire.ingest.feeds import parse_feed

pytestmark = pytest.mark.timeout(20)

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "http://news.example/feeds/"


def parse(name: str, content_type: str = ""):
    return parse_feed((FIXTURES / name).read_bytes(), BASE + name, content_type)


def test_rss2_english_entries_become_partial_articles():
    feed = parse("rss_en.xml")
    assert feed.kind == "rss20" and feed.title == "Fixture Times — World"
    first = feed.articles[0]
    assert first.title == "Northbridge opens its first tram line in sixty years"
    assert first.url == "http://news.example/articles/en-1.html"
    assert first.text.startswith("The city of Northbridge") and "<p>" not in first.text
    assert first.published_at.isoformat() == "2026-03-14T08:30:00+00:00"
    assert first.partial and first.language == "en" and first.source == "news.example"
    assert len(feed.articles) == 2


def test_atom_french():
    feed = parse("atom_fr.xml")
    assert feed.kind == "atom10" and feed.title == "Le Quotidien de test"
    entry = feed.articles[0]
    assert entry.title.startswith("Lyon inaugure") and entry.byline == "Claire Duval"
    assert entry.published_at.isoformat() == "2026-03-15T09:00:00+00:00"
    assert entry.language == "fr"


def test_json_feed_german():
    feed = parse("feed_de.json", "application/feed+json")
    assert feed.kind == "json1.1" and feed.language == "de"
    entry = feed.articles[0]
    assert entry.url == "http://news.example/articles/de-1.html"
    assert entry.byline == "Jonas Berger" and entry.text.startswith("Die Hamburger")
    assert entry.published_at.isoformat() == "2026-03-16T06:15:00+00:00"


def test_rss1_rdf_spanish():
    feed = parse("rdf_es.rdf")
    assert feed.kind == "rss10"
    entry = feed.articles[0]
    assert entry.title.startswith("Valencia abre") and entry.byline == "Lucía Romero"
    assert entry.language == "es"


def test_rss091_russian_in_windows_1251():
    feed = parse("rss091_ru.xml")
    assert feed.kind == "rss091u" or feed.kind.startswith("rss09")
    assert feed.title == "Тестовая газета"
    assert feed.articles[0].title == "В Казани открыли новую ветку метро"


def test_rss2_arabic():
    feed = parse("rss_ar.xml")
    assert feed.articles[0].title.startswith("افتتاح مكتبة") and feed.language == "ar"


def test_xxe_is_refused_without_reading_the_file():
    with pytest.raises(FeedError, match="entities") as caught:
        parse("hostile/xxe.xml")
    assert "root:" not in str(caught.value)


@pytest.mark.timeout(10)
def test_billion_laughs_is_refused_quickly():
    with pytest.raises(FeedError, match="entit"):
        parse("hostile/billion_laughs.xml")


def test_malformed_xml_is_a_clear_error():
    with pytest.raises(FeedError, match="malformed XML|not an RSS"):
        parse("hostile/malformed.xml")


def test_slightly_broken_feed_is_read_leniently_with_a_warning():
    body = (FIXTURES / "rss_en.xml").read_bytes().replace(b"<title>Fixture", b"<title>A & B")
    feed = parse_feed(body, BASE + "broken.xml")
    assert feed.articles and feed.warning and "malformed" in feed.warning


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<html><body><p>Just a page</p></body></html>", "not an RSS"),
        (b'{"title": "no version"}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": 3}', "items"),
        (b"[" * 100_000, "malformed JSON"),
        (b"{not json", "malformed JSON"),
    ],
)
def test_not_feeds_are_refused_with_one_line(body, message):
    with pytest.raises(FeedError, match=message) as caught:
        parse_feed(body, BASE + "x")
    assert "\n" not in str(caught.value)


def test_entries_without_links_keep_an_id_and_are_not_dropped():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Only a title</title><guid isPermaLink="false">abc-1</guid>
    <description>Text</description></item>
    </channel></rss>"""
    feed = parse_feed(body, BASE + "nolink.xml")
    assert feed.articles[0].url is None
    assert feed.articles[0].external_id == BASE + "nolink.xml#abc-1"


def test_a_date_far_in_the_future_is_dropped_not_trusted():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Clock test</title>
    <item><title>Ferry timetable changes</title><link>http://news.example/a/1</link>
    <pubDate>Sat, 01 Jan 2099 08:00:00 GMT</pubDate></item>
    <item><title>Harbour reopens</title><link>http://news.example/a/2</link>
    <pubDate>Sat, 14 Mar 2026 08:30:00 GMT</pubDate></item></channel></rss>"""
    future, past = parse_feed(body, "http://news.example/feed.xml").articles
    assert future.published_at is None  # counted from its fetch time instead
    assert past.published_at.isoformat() == "2026-03-14T08:30:00+00:00"
    item = {
        "items": [
            {
                "url": "http://news.example/a/3",
                "title": "T",
                "date_published": "2099-01-01T00:00:00Z",
            }
        ]
    }
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", **item}).encode()
    assert (
        parse_feed(json_feed, "http://news.example/feed.json", "application/feed+json")
        .articles[0]
        .published_at
        is None
    )
