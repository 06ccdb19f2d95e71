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
