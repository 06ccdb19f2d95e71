"""Feed autodiscovery from a home page served on 127.0.0.1."""

from __future__ import annotations

import pytest

from crosswire.ingest.discover import feed_links, find_feed
from crosswire.ingest.errors import FeedError

pytestmark = pytest.mark.timeout(20)


def test_feed_links_are_read_from_link_tags():
    html = """<html><head><base href="/sub/">
    <link rel="alternate" type="application/rss+xml" href="rss.xml">
    <link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="stylesheet" href="/s.css"></head><body></body></html>"""
    assert feed_links(html, "https://site.example/") == [
        "https://site.example/sub/rss.xml",
        "https://other.example/atom",
    ]
    assert feed_links("", "https://site.example/") == []


def test_find_feed_from_a_home_page(site, fetcher):
    found = find_feed(site.url("/"), fetcher)
    assert found.url == site.url("/rss_en.xml")
    assert found.feed.title == "Fixture Times — World"


def test_find_feed_accepts_a_feed_url_directly(site, fetcher):
    found = find_feed(site.url("/atom_fr.xml"), fetcher)
    assert found.url == site.url("/atom_fr.xml")


def test_find_feed_probes_common_paths(fixture_server, fetcher):
    fixture_server.route("/", body="<html><body>No links</body></html>", content_type="text/html")
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Probed</title></channel></rss>'
    fixture_server.route("/rss.xml", body=rss, content_type="application/rss+xml")
    assert find_feed(fixture_server.url("/"), fetcher).url == fixture_server.url("/rss.xml")


def test_page_without_any_feed_is_an_error(fixture_server, fetcher):
    fixture_server.route("/", body="<html><body>Nothing</body></html>", content_type="text/html")
    with pytest.raises(FeedError, match="no feed found"):
        find_feed(fixture_server.url("/"), fetcher, probe_common=False)


def test_broken_feed_at_the_url_names_its_cause_and_probes_nothing(fixture_server, fetcher):
    broken = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A & B</title></chan'
    fixture_server.route("/feed.xml", body=broken, content_type="text/xml")
    fixture_server.route("/rss.xml", body=b"<rss/>", content_type="application/rss+xml")
    with pytest.raises(FeedError, match="malformed XML") as caught:
        find_feed(fixture_server.url("/feed.xml"), fetcher)
    assert "no feed found" not in str(caught.value)
    assert all(fixture_server.hits(p) == 0 for p in ("/rss", "/rss.xml", "/feed", "/atom.xml"))


def test_broken_feed_served_with_a_feed_type_is_its_own_error(fixture_server, fetcher):
    fixture_server.route("/atom", body=b"<feed><entry>", content_type="application/atom+xml")
    with pytest.raises(FeedError) as caught:
        find_feed(fixture_server.url("/atom"), fetcher)
    assert "no feed found" not in str(caught.value)
    assert fixture_server.hits("/feed") == 0
