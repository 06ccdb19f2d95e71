"""Atom 1.0 and RSS 2.0 documents from plain entries, built with ElementTree (which escapes
markup) after removing the characters XML 1.0 forbids."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from crosswire.models import as_utc
from crosswire.web.charts import clean

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Entry:
    id: str
    title: str
    link: str
    updated: datetime | None
    summary: str = ""
    author: str = ""
    categories: list[str] = field(default_factory=list)


@dataclass
class Feed:
    id: str
    title: str
    self_url: str
    page_url: str
    entries: list[Entry]
    subtitle: str = ""


def _iso(when: datetime | None) -> str:
    return (when or EPOCH).astimezone(UTC).isoformat().replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        node.text = clean(text)
    return node


def atom(feed: Feed) -> bytes:
    root = ET.Element("feed", {"xmlns": ATOM})
    _sub(root, "id", feed.id)
    _sub(root, "title", feed.title)
    if feed.subtitle:
        _sub(root, "subtitle", feed.subtitle)
    updated = max((e.updated for e in feed.entries if e.updated), default=None)
    _sub(root, "updated", _iso(updated))
    _sub(root, "link", rel="self", type="application/atom+xml", href=feed.self_url)
    _sub(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    author = _sub(root, "author")
    _sub(author, "name", "crosswire")
    _sub(root, "generator", "crosswire")
    for e in feed.entries:
        entry = _sub(root, "entry")
        _sub(entry, "id", e.id)
        _sub(entry, "title", e.title or "(untitled)")
        _sub(entry, "updated", _iso(e.updated))
        _sub(entry, "link", rel="alternate", type="text/html", href=e.link)
        if e.author:
            _sub(_sub(entry, "author"), "name", e.author)
        for term in e.categories:
            _sub(entry, "category", term=term)
        if e.summary:
            _sub(entry, "summary", e.summary, type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False
    )


def rss(feed: Feed) -> bytes:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.page_url)
    _sub(channel, "description", feed.subtitle or feed.title)
    _sub(channel, "atom:link", rel="self", type="application/rss+xml", href=feed.self_url)
    updated = max((e.updated for e in feed.entries if e.updated), default=None)
    _sub(channel, "lastBuildDate", format_datetime((updated or EPOCH).astimezone(UTC), usegmt=True))
    for e in feed.entries:
        item = _sub(channel, "item")
        _sub(item, "title", e.title or "(untitled)")
        _sub(item, "link", e.link)
        _sub(item, "guid", e.id, isPermaLink="false")
        if e.updated:
            _sub(item, "pubDate", format_datetime(e.updated.astimezone(UTC), usegmt=True))
        for term in e.categories:
            _sub(item, "category", term)
        if e.summary:
            _sub(item, "description", e.summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False
    )


def story_entry(
    base: str,
    card: dict[str, Any],
    summary: str | None = None,
    categories: list[str] | None = None,
) -> Entry:
    """A story card as a feed entry: its page, title and time; the summary is its lead and
    outlets unless one is given."""
    link = f"{base}/stories/{card['id']}"
    outlets = ", ".join(card["sources"][:8])
    return Entry(
        id=link,
        title=card["title"],
        link=link,
        updated=parse_time(card["updated"]),
        summary=summary or f"{card['lead']} ({card['source_count']} outlets: {outlets})",
        categories=card["languages"] if categories is None else categories,
    )


def parse_time(value: str | None) -> datetime | None:
    return as_utc(value) if value else None
