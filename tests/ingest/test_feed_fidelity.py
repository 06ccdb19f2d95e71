"""Real-world feed quirks: unknown charsets, literal brackets in titles, dates in the feed's
own language, RFC 822 dates in JSON Feed. Every feed here is written for these tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from crosswire.ingest.feeds import parse_feed
from crosswire.text.dates import parse_date

pytestmark = pytest.mark.timeout(20)

URL = "http://news.example/feed.xml"


def rss(items: str, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (
        f'{declaration}<rss version="2.0"><channel><title>Quirk Gazette</title>'
        f"<link>http://news.example/</link>{items}</channel></rss>"
    ).encode()


def item(title: str, link: str = "http://news.example/a/1", date: str = "") -> str:
    when = f"<pubDate>{date}</pubDate>" if date else ""
    return f"<item><title>{title}</title><link>{link}</link>{when}</item>"


@pytest.mark.parametrize("label", ["bogus", "utf8mb4", "x-no-such-charset"])
def test_unknown_declared_encoding_is_read_leniently(label):
    body = rss(item("Café owners meet"), f'<?xml version="1.0" encoding="{label}"?>')
    feed = parse_feed(body, URL)
    assert [a.title for a in feed.articles] == ["Café owners meet"]


def test_unknown_header_charset_is_read_leniently():
    body = rss(item("Straße wird gesperrt"), '<?xml version="1.0"?>')
    feed = parse_feed(body, URL, "application/rss+xml; charset=bogus")
    assert feed.articles[0].title == "Straße wird gesperrt"


def test_plain_text_title_keeps_bracketed_words():
    body = rss(item("Browser drops &lt;blink&gt; and &lt;marquee&gt; tags"))
    assert parse_feed(body, URL).articles[0].title == "Browser drops <blink> and <marquee> tags"


def test_html_title_is_read_as_its_text():
    body = rss(item("Markets &lt;b&gt;rally&lt;/b&gt; at Smith &amp;amp; Co"))
    assert parse_feed(body, URL).articles[0].title == "Markets rally at Smith & Co"


def test_atom_text_and_html_titles():
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        b'<entry><title type="text">Why &lt;center&gt; lives on</title>'
        b'<link href="http://news.example/a/1"/></entry>'
        b'<entry><title type="html">A &lt;em&gt;quiet&lt;/em&gt; week</title>'
        b'<link href="http://news.example/a/2"/></entry></feed>'
    )
    titles = [a.title for a in parse_feed(body, URL).articles]
    assert titles == ["Why <center> lives on", "A quiet week"]


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("mer, 16 nov 2022 10:00:00 +0100", "2022-11-16T09:00:00+00:00"),  # Italian
        ("Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40+00:00"),  # Portuguese
        ("Di, 03 Mär 2020 08:00:00 +0100", "2020-03-03T07:00:00+00:00"),  # German
        ("mar, 01 mar 2022 12:00:00 +0100", "2022-03-01T11:00:00+00:00"),  # French Tuesday
        ("sáb, 12 ago 2023 00:05:00 +0200", "2023-08-11T22:05:00+00:00"),  # Spanish
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33+00:00"),  # month first, 12 h
        ("Sat, 16 Dec 2023 12:15:00 AM GMT", "2023-12-16T00:15:00+00:00"),
        ("Tue, 01 Mar 2022 12:00:00 EST", "2022-03-01T17:00:00+00:00"),
        ("2023-12-16T10:00:00+02:00", "2023-12-16T08:00:00+00:00"),
        ("2023-12-16", "2023-12-16T00:00:00+00:00"),
    ],
)
def test_dates_in_the_feed_languages(written, instant):
    assert parse_date(written).isoformat() == instant


@pytest.mark.parametrize("text", ["", "soon", "next Tuesday at noon", "32 Dec 2020", "13:00"])
def test_non_dates_are_none(text):
    assert parse_date(text) is None


def test_feed_entry_dates_in_italian_are_kept():
    body = rss(item("Seduta in consiglio", date="mer, 16 nov 2022 10:00:00 +0100"))
    published = parse_feed(body, URL).articles[0].published_at
    assert published == datetime(2022, 11, 16, 9, 0, tzinfo=UTC)


def test_json_feed_rfc822_date_and_plain_title():
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Quirk JSON",
            "items": [
                {
                    "id": "1",
                    "url": "http://news.example/a/1",
                    "title": "Why <blink> never died",
                    "content_text": "A short history of a tag.",
                    "date_published": "Wed, 16 Nov 2022 10:00:00 +0100",
                }
            ],
        }
    ).encode()
    entry = parse_feed(body, "http://news.example/feed.json").articles[0]
    assert entry.title == "Why <blink> never died"
    assert entry.published_at == datetime(2022, 11, 16, 9, 0, tzinfo=UTC)
