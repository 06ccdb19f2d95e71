"""The fetcher against a real server on 127.0.0.1: normal behaviour."""

from __future__ import annotations

import time

import pytest

from crosswire.ingest.errors import (
    ConnectionFailedError,
    HTTPStatusError,
    RobotsDisallowedError,
    UnsafeURLError,
)
from crosswire.ingest.fetcher import Fetcher

pytestmark = pytest.mark.timeout(30)


def test_fetch_returns_body_text_headers_and_final_url(site, fetcher):
    site.redirect("/moved", "/rss_en.xml", status=301)
    result = fetcher.fetch(site.url("/moved"))
    assert result.status == 200
    assert result.url == site.url("/rss_en.xml")
    assert result.redirects == [site.url("/moved")]
    assert result.body.startswith(b"<?xml") and "Northbridge" in result.text
    assert result.content_type == "application/xml" and result.etag
    sent = site.requests[-1].headers
    assert sent["user-agent"].startswith("crosswire/")
    assert "gzip" in sent["accept-encoding"]


def test_conditional_get_reports_not_modified(site, fetcher):
    first = fetcher.fetch(site.url("/atom_fr.xml"))
    again = fetcher.fetch(site.url("/atom_fr.xml"), etag=first.etag)
    assert again.not_modified and again.status == 304 and again.body == b""
    by_date = fetcher.fetch(site.url("/atom_fr.xml"), last_modified=first.last_modified)
    assert by_date.not_modified
    assert site.requests[-2].headers["if-none-match"] == first.etag


def test_gzip_deflate_and_brotli_bodies_are_decoded(fixture_server, fetcher):
    import gzip
    import zlib

    import brotli

    text = "Bonjour à tous — " * 200
    data = text.encode("utf-8")
    for name, encoded in [
        ("gzip", gzip.compress(data)),
        ("deflate", zlib.compress(data)),
        ("br", brotli.compress(data)),
    ]:
        fixture_server.route(
            f"/{name}",
            body=encoded,
            headers={"Content-Encoding": name},
            content_type="text/plain; charset=utf-8",
        )
        assert fetcher.fetch(fixture_server.url(f"/{name}")).text == text


def test_error_status_raises_with_the_status(fixture_server, fetcher):
    fixture_server.route("/boom", body="oops", status=503)
    with pytest.raises(HTTPStatusError) as caught:
        fetcher.fetch(fixture_server.url("/boom"))
    assert caught.value.status == 503 and "503" in str(caught.value)


def test_an_error_body_is_read_so_the_connection_is_kept(fixture_server, fetcher):
    # closing a socket with the 404 page unread resets the server's connection
    peers: list[object] = []

    def answer(status: int, body: str):
        def handler(req):
            peers.append(req._h.client_address)
            req.send(body, status, content_type="text/html")

        return handler

    fixture_server.route("/robots.txt", answer(404, "<p>no robots here</p>" * 50))
    fixture_server.route("/page", answer(200, "<p>hello</p>"))
    assert fetcher.fetch(fixture_server.url("/page")).text == "<p>hello</p>"
    assert len(peers) == 2 and peers[0] == peers[1]  # one connection for both


def test_closed_port_is_a_connection_error(strict_settings):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Fetcher(strict_settings, trusted=["127.0.0.1/32"]) as fetcher:
        with pytest.raises(ConnectionFailedError, match="cannot fetch"):
            fetcher.fetch(f"http://127.0.0.1:{port}/feed", robots=False)


def test_loopback_is_refused_by_default(site, strict_settings):
    with Fetcher(strict_settings) as fetcher:
        with pytest.raises(UnsafeURLError, match="loopback"):
            fetcher.fetch(site.url("/rss_en.xml"))
    assert site.requests == []


def test_robots_txt_is_obeyed_and_cached(site, fetcher):
    site.route(
        "/robots.txt",
        body="User-agent: *\nDisallow: /private/\n\nUser-agent: crosswire\nDisallow: /articles/\n",
        content_type="text/plain",
    )
    with pytest.raises(RobotsDisallowedError, match="robots.txt disallows"):
        fetcher.fetch(site.url("/articles/en-1.html"))
    assert fetcher.fetch(site.url("/rss_en.xml")).status == 200
    assert fetcher.fetch(site.url("/atom_fr.xml")).status == 200
    assert site.hits("/robots.txt") == 1
    assert site.hits("/articles/en-1.html") == 0


def test_robots_server_error_disallows_missing_file_allows(fixture_server, fetcher):
    fixture_server.route("/robots.txt", body="down", status=500)
    fixture_server.route("/page", body="<p>hello</p>", content_type="text/html")
    with pytest.raises(RobotsDisallowedError):
        fetcher.fetch(fixture_server.url("/page"))


def test_per_host_delay_spaces_requests(site, strict_settings):
    slow = strict_settings.model_copy(update={"per_host_delay": 0.3, "respect_robots": False})
    with Fetcher(slow, trusted=["127.0.0.1/32"]) as fetcher:
        started = time.monotonic()
        for _ in range(3):
            fetcher.fetch(site.url("/rss_en.xml"))
        assert time.monotonic() - started >= 0.6
