"""Hostile servers: bombs, endless and trickling bodies, redirect tricks, mislabeled text.

Every refusal happens before a connection to a refused address: the network backend's
connections are recorded and must only ever reach 127.0.0.1.
"""

from __future__ import annotations

import gzip
import time
import zlib

import brotli
import httpcore
import pytest

from crosswire.ingest.errors import (
    FetchTimeoutError,
    RedirectError,
    TooLargeError,
    UnsafeURLError,
)
from crosswire.ingest.fetcher import Fetcher

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def connections(monkeypatch) -> list[str]:
    """Every address the fetcher opens a TCP connection to."""
    seen: list[str] = []
    original = httpcore.SyncBackend.connect_tcp

    def spy(self, host, port, *args, **kwargs):
        seen.append(host)
        return original(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", spy)
    return seen


def _zeros_gzip(megabytes: int, layers: int = 1) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    data = b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data


def test_gzip_bomb_is_refused_at_the_cap(fixture_server, fetcher):
    bomb = _zeros_gzip(64)  # ~64 KB on the wire, 64 MB inflated
    assert len(bomb) < 100_000
    fixture_server.route(
        "/bomb", body=bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"
    )
    with pytest.raises(TooLargeError, match="after decompression"):
        fetcher.fetch(fixture_server.url("/bomb"), max_bytes=1_000_000)


def test_stacked_gzip_bomb_is_refused(fixture_server, fetcher):
    bomb = _zeros_gzip(200, layers=2)  # 10 KB-ish on the wire, 200 MB after two layers
    assert len(bomb) < 20_000
    fixture_server.route(
        "/bomb2", body=bomb, headers={"Content-Encoding": "gzip, gzip"}, content_type="text/html"
    )
    started = time.monotonic()
    with pytest.raises(TooLargeError):
        fetcher.fetch(fixture_server.url("/bomb2"), max_bytes=1_000_000)
    assert time.monotonic() - started < 5


def test_brotli_bomb_is_refused(fixture_server, fetcher):
    bomb = brotli.compress(b"\0" * 50_000_000, quality=5)
    fixture_server.route(
        "/br", body=bomb, headers={"Content-Encoding": "br"}, content_type="text/html"
    )
    with pytest.raises(TooLargeError):
        fetcher.fetch(fixture_server.url("/br"), max_bytes=1_000_000)


def test_declared_length_over_the_cap_is_refused_before_reading(fixture_server, fetcher):
    fixture_server.route("/big", body=b"x" * 300_000, content_type="text/html")
    with pytest.raises(TooLargeError, match="Content-Length"):
        fetcher.fetch(fixture_server.url("/big"), max_bytes=100_000)


def test_endless_body_is_cut_at_the_cap(fixture_server, fetcher):
    def endless(req):
        req.start(200, {"Content-Type": "text/html"})
        while not fixture_server.stopping.is_set():
            req.write(b"<p>more</p>" * 1000)

    fixture_server.route("/endless", endless)
    with pytest.raises(TooLargeError, match="larger than 500000 bytes"):
        fetcher.fetch(fixture_server.url("/endless"), max_bytes=500_000)


@pytest.mark.slow
@pytest.mark.parametrize("where", ["body", "headers"])
def test_trickling_server_hits_the_total_timeout(fixture_server, strict_settings, where):
    def trickle(req):
        if where == "headers":
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 100:
                req.write(bytes([byte]))
                time.sleep(0.5)
        req.start(200, {"Content-Type": "text/html"})
        for _ in range(100):
            if fixture_server.stopping.is_set():
                return
            req.write(b"x")
            time.sleep(0.5)

    fixture_server.route("/trickle", trickle)
    settings = strict_settings.model_copy(update={"total_timeout": 2.0, "read_timeout": 1.0})
    with Fetcher(settings, trusted=["127.0.0.1/32"]) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchTimeoutError, match="timed out"):
            fetcher.fetch(fixture_server.url("/trickle"), robots=False)
        assert time.monotonic() - started < 4


def test_redirect_loop_is_refused(fixture_server, fetcher):
    fixture_server.redirect("/a", "/b")
    fixture_server.redirect("/b", "/a")
    with pytest.raises(RedirectError, match="redirect loop"):
        fetcher.fetch(fixture_server.url("/a"))


def test_redirect_chain_longer_than_the_limit_is_refused(fixture_server, fetcher):
    for n in range(10):
        fixture_server.redirect(f"/r{n}", f"/r{n + 1}")
    fixture_server.route("/r10", body="end", content_type="text/plain")
    with pytest.raises(RedirectError, match="more than 5 redirects"):
        fetcher.fetch(fixture_server.url("/r0"))


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://10.0.0.1/internal", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::1]:8080/admin", "loopback"),
        ("http://167772161/", "private"),  # 10.0.0.1 in decimal
        ("http://[::ffff:a9fe:a9fe]/", "cloud metadata"),  # IPv6-mapped 169.254.169.254
        ("http://0x7f.2/", "loopback"),  # 127.0.0.2 in hex shorthand
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_redirects_to_refused_addresses_never_connect(
    fixture_server, fetcher, connections, target, reason
):
    fixture_server.redirect("/go", target)
    with pytest.raises(UnsafeURLError, match=reason):
        fetcher.fetch(fixture_server.url("/go"))
    assert connections and set(connections) == {"127.0.0.1"}


def test_dns_rebinding_is_caught_at_connection_time(fixture_server, strict_settings, connections):
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # checked first, then rebound

    def resolver(host, port):
        return next(answers)

    fixture_server.route("/feed", body="<rss/>", content_type="application/xml")
    settings = strict_settings.model_copy(update={"respect_robots": False})
    with Fetcher(settings, trusted=["127.0.0.1/32"], resolver=resolver) as fetcher:
        with pytest.raises(UnsafeURLError, match="10.0.0.1"):
            fetcher.fetch(f"http://rebind.test:{fixture_server.port}/feed")
    assert connections == []


def test_label_utf8_but_bytes_windows_1252(fixture_server, fetcher):
    text = "<html><body><p>Élections à Besançon : le maire sortant réélu dès le premier tour, "
    text += "grâce à une participation élevée.</p></body></html>"
    fixture_server.route("/fr", body=text.encode("cp1252"), content_type="text/html; charset=utf-8")
    result = fetcher.fetch(fixture_server.url("/fr"))
    assert "Élections à Besançon" in result.text and result.encoding != "utf-8"


def test_label_latin1_but_bytes_utf8(fixture_server, fetcher):
    text = "<html><body><p>Новости: в Москве открылась выставка — «Свет и тень»</p></body></html>"
    fixture_server.route(
        "/ru", body=text.encode("utf-8"), content_type="text/html; charset=iso-8859-1"
    )
    result = fetcher.fetch(fixture_server.url("/ru"))
    assert "в Москве открылась выставка" in result.text and result.encoding == "utf-8"


def test_meta_charset_is_used_without_a_header_label(fixture_server, fetcher):
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    fixture_server.route("/meta", body=html.encode("cp1251"), content_type="text/html")
    assert "Привет, мир" in fetcher.fetch(fixture_server.url("/meta")).text
