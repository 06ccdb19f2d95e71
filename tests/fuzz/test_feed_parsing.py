"""Fuzz: feed documents, OPML and response bodies from a hostile server.

``parse_feed`` returns a ParsedFeed or raises ``FeedError``; ``read_opml`` a list or
``FeedError``; ``decode_body`` bytes within the cap or a ``FetchError``; ``decode_text``
always text. Nothing else escapes, and nothing takes long."""

from __future__ import annotations

import gzip
import json
import zlib

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from crosswire.ingest.decoding import decode_body, decode_text
from crosswire.ingest.errors import FeedError, FetchError
from crosswire.ingest.feeds import parse_feed
from crosswire.ingest.opml import read_opml
from crosswire.models import Article
from tests.fuzz.profile import fuzz

pytestmark = pytest.mark.timeout(600)

# text a feed may carry: markup, entities, CDATA ends, scripts, control characters, RTL marks
hostile_text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "]]>",
            "&amp;&lt;&#0;&#x110000;&unknown;",
            "\x00\x01\x0b\ufffe\u202e",
            "<![CDATA[x]]>",
            "<!ENTITY x 'y'>",
            "&#65;" * 30,
            "javascript:alert(1)",
            "<img src=x onerror=alert(1)>",
            "Ünïcødé — 中文 — العربية",
        ]
    ),
)
urls = st.one_of(
    st.sampled_from(
        ["https://a.example/1", "/relative", "javascript:alert(1)", "", "http://[::1", "mailto:x"]
    ),
    st.text(max_size=40),
)
dates = st.one_of(
    st.sampled_from(["Tue, 10 Jun 2003 04:00:00 GMT", "2026-13-45T99:99:99Z", "yesterday", ""]),
    st.text(max_size=30),
)


@st.composite
def rss(draw) -> bytes:
    items = "".join(
        f"<item><title>{draw(hostile_text)}</title><link>{draw(urls)}</link>"
        f"<description>{draw(hostile_text)}</description><pubDate>{draw(dates)}</pubDate>"
        f"<guid>{draw(hostile_text)}</guid></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(hostile_text)}'
    doc += f"</title><language>{draw(hostile_text)}</language>{items}</channel></rss>"
    return _maybe_cut(draw, doc.encode("utf-8", "surrogatepass"))


@st.composite
def atom(draw) -> bytes:
    entries = "".join(
        f'<entry><title type="html">{draw(hostile_text)}</title>'
        f'<link rel="alternate" href="{draw(urls)}"/><updated>{draw(dates)}</updated>'
        f'<content type="{draw(st.sampled_from(["html", "text", "xhtml", "x"]))}">'
        f"{draw(hostile_text)}</content></entry>"
        for _ in range(draw(st.integers(0, 4)))
    )
    doc = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{draw(hostile_text)}</title>'
    return _maybe_cut(draw, (doc + entries + "</feed>").encode("utf-8", "surrogatepass"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=10,
)
item_keys = ["id", "url", "external_url", "title", "content_html", "content_text", "summary"]
item_keys += ["date_published", "date_modified", "language", "authors", "author"]


@st.composite
def json_feed(draw) -> bytes:
    items = draw(
        st.lists(
            st.one_of(
                json_values,
                st.fixed_dictionaries({}, optional={k: json_values | urls for k in item_keys}),
            ),
            max_size=4,
        )
    )
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": draw(json_values)}
    doc["items"] = draw(st.one_of(st.just(items), json_values))
    return _maybe_cut(draw, json.dumps(doc).encode())


def _maybe_cut(draw, body: bytes) -> bytes:
    if draw(st.booleans()):
        return body
    return body[: draw(st.integers(0, len(body)))]


documents = st.one_of(rss(), atom(), json_feed(), st.binary(max_size=300))
content_types = st.sampled_from(
    ["", "application/rss+xml", "application/feed+json", "text/html; charset=koi8-r", "x/y"]
)


@fuzz()
@given(documents, content_types)
@example(b'<rss version="2.0"><channel><item><title>&#2000000;</title></item></channel></rss>', "")
@example(b'<rss version="2.0"><channel><item><link>http://[::1</link></item></channel></rss>', "")
@example(
    b'{"version": "https://jsonfeed.org/version/1", "items": [{"title": "a", "authors": 3}]}', ""
)
def test_parse_feed_returns_a_feed_or_a_feed_error(body, content_type):
    try:
        feed = parse_feed(body, "https://feeds.example/feed", content_type)
    except FeedError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for article in feed.articles:
        assert isinstance(article, Article)
        assert isinstance(article.title, str) and isinstance(article.text, str)
        assert article.published_at is None or article.published_at.tzinfo is not None


@st.composite
def opml(draw) -> bytes:
    outlines = "".join(
        f'<outline text="{draw(hostile_text)}" xmlUrl="{draw(urls)}" htmlUrl="{draw(urls)}"/>'
        for _ in range(draw(st.integers(0, 4)))
    )
    doc = f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'
    return _maybe_cut(draw, doc.encode("utf-8", "surrogatepass"))


@fuzz()
@given(st.one_of(opml(), st.binary(max_size=200)))
def test_read_opml_returns_entries_or_a_feed_error(data):
    try:
        entries = read_opml(data)
    except FeedError as exc:
        assert str(exc)
        return
    assert len({e.url for e in entries}) == len(entries)  # no duplicates


@st.composite
def encoded(draw) -> tuple[list[bytes], str]:
    payload = draw(st.binary(max_size=2000)) * draw(st.integers(1, 50))
    names = st.sampled_from(["gzip", "deflate", "br", "identity", "x"])
    encodings = draw(st.lists(names, max_size=3))
    body = payload
    for name in encodings:
        if name == "gzip":
            body = gzip.compress(body)
        elif name == "deflate":
            body = zlib.compress(body)
        elif name == "br":
            import brotli

            body = brotli.compress(body)
    if draw(st.booleans()):
        body = draw(st.binary(max_size=200))  # garbage claiming to be compressed
    cut = draw(st.integers(1, 64))
    return [body[i : i + cut] for i in range(0, len(body), cut)], ", ".join(encodings)


@fuzz(share=0.5)
@given(encoded(), st.integers(0, 50_000))
def test_decode_body_stays_within_the_cap_or_refuses(chunks_and_encoding, cap):
    chunks, encoding = chunks_and_encoding
    try:
        body = decode_body(iter(chunks), encoding, cap)
    except FetchError as exc:
        assert str(exc)
        return
    assert len(body) <= cap


@fuzz()
@given(st.binary(max_size=400), st.one_of(st.none(), content_types))
def test_decode_text_always_gives_text(body, content_type):
    text, charset = decode_text(body, content_type)
    assert isinstance(text, str) and isinstance(charset, str)
