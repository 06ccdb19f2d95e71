"""OPML: nested categories in, OPML 2.0 out, round trip, hostile documents refused."""

from __future__ import annotations

import pytest

from crosswire.ingest.errors import FeedError
from crosswire.ingest.opml import read_opml, write_opml
from crosswire.models import Feed

pytestmark = pytest.mark.timeout(20)

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="World">
      <outline text="Fixture Times" type="rss" xmlUrl="https://news.example/rss.xml"
               htmlUrl="https://news.example/"/>
      <outline text="Le Quotidien" title="Le Quotidien de test" type="rss"
               xmlUrl="https://quotidien.example/atom.xml"/>
    </outline>
    <outline text="Tech">
      <outline text="Dup" xmlUrl="https://news.example/rss.xml"/>
      <outline text="Testblatt" xmlURL="https://blatt.example/feed.json"/>
    </outline>
  </body>
</opml>
"""


def test_read_nested_outlines_without_duplicates():
    entries = read_opml(OPML)
    assert [e.url for e in entries] == [
        "https://news.example/rss.xml",
        "https://quotidien.example/atom.xml",
        "https://blatt.example/feed.json",
    ]
    assert entries[0].site_url == "https://news.example/" and entries[0].category == "World"
    assert entries[1].title == "Le Quotidien de test"
    assert entries[2].category == "Tech"


def test_write_then_read_round_trips():
    feeds = [
        Feed(url="https://a.example/rss?x=1&y=2", title="A & <B>", source_domain="a.example"),
        Feed(url="https://b.example/atom.xml"),
    ]
    text = write_opml(feeds)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>') and 'version="2.0"' in text
    again = read_opml(text.encode("utf-8"))
    assert [(e.url, e.title) for e in again] == [
        ("https://a.example/rss?x=1&y=2", "A & <B>"),
        ("https://b.example/atom.xml", "https://b.example/atom.xml"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<opml><body><outline xmlUrl="&x;"/></body></opml>',
            "entities",
        ),
        (b"<opml><body><outline", "malformed OPML"),
        (b"<rss version='2.0'/>", "not an OPML"),
        (b"<opml version='2.0'><head/></opml>", "without a <body>"),
    ],
)
def test_bad_opml_is_refused(data, message):
    with pytest.raises(FeedError, match=message):
        read_opml(data)
