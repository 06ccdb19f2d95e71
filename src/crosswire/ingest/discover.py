"""Feed autodiscovery: from a site's home page (or any page) to its feeds."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from crosswire.ingest.errors import FeedError, FetchError
from crosswire.ingest.feeds import ParsedFeed, parse_feed
from crosswire.ingest.fetcher import Fetcher

log = logging.getLogger(__name__)

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
COMMON_PATHS = ("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed/")


@dataclass
class Discovered:
    url: str
    feed: ParsedFeed


def feed_links(html: str, base_url: str) -> list[str]:
    """Feed URLs a page announces with ``<link rel="alternate" type="…">``, in page order."""
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    base = root.xpath("string(//base/@href)") or base_url
    found: list[str] = []
    for link in root.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if ("alternate" in rel or "feed" in rel) and kind in FEED_TYPES:
            url = urljoin(urljoin(base_url, base), link.get("href").strip())
            if url not in found:
                found.append(url)
    return found


def looks_like_feed(body: bytes, content_type: str) -> bool:
    """Whether a document presents itself as a feed (its type, or how it begins), so that a
    failure to read it is that feed's error, not a sign to look elsewhere."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in FEED_TYPES and not kind.endswith(("/json", "/xml")):  # not generic XML, JSON
        return True
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head[head.find(b"-->") + 3 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")) or (
        head.startswith(b"{") and b"jsonfeed.org/version" in body[:4096]
    )


def find_feed(url: str, fetcher: Fetcher, *, probe_common: bool = True) -> Discovered:
    """The feed at ``url``, or the first working feed its page announces, or one at a common
    path of the site. Raises ``FeedError`` (or ``FetchError`` for ``url`` itself); a URL
    that answers with a broken feed is that feed's error, naming its cause, and no other
    path is tried."""
    result = fetcher.fetch(url)
    try:
        return Discovered(result.url, parse_feed(result.body, result.url, result.content_type))
    except FeedError as exc:
        if "refused" in str(exc) or looks_like_feed(result.body, result.content_type):
            raise
    candidates = feed_links(result.text, result.url)
    if probe_common and not candidates:
        candidates = [urljoin(result.url, path) for path in COMMON_PATHS]
    for candidate in candidates:
        try:
            found = fetcher.fetch(candidate)
            return Discovered(found.url, parse_feed(found.body, found.url, found.content_type))
        except (FetchError, FeedError) as exc:
            log.debug("discovery: %s is not a feed: %s", candidate, exc)
    raise FeedError(f"no feed found at {url} (neither a feed nor a page announcing one)")
