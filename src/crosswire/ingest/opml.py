"""OPML subscription lists: read (safely) and write.

Reading accepts OPML 1.0/2.0 with nested outlines (categories); every outline with an
``xmlUrl`` is a feed. Entity declarations are refused like in feeds (XXE, entity bombs).
Writing produces OPML 2.0 that other feed readers import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from xml.etree import ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from crosswire.ingest.errors import FeedError
from crosswire.models import Feed, utcnow


@dataclass
class OpmlEntry:
    url: str
    title: str | None = None
    site_url: str | None = None
    category: str | None = None


def read_opml(data: bytes) -> list[OpmlEntry]:
    """The feeds listed in an OPML document, in order, without duplicates."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException as exc:
        raise FeedError(f"refused: the OPML declares XML entities ({type(exc).__name__})") from exc
    except (ET.ParseError, ValueError) as exc:
        raise FeedError(f"malformed OPML: {exc}") from exc
    if root.tag.lower() != "opml":
        raise FeedError(f"not an OPML document (root element <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise FeedError("OPML without a <body>")
    entries: dict[str, OpmlEntry] = {}
    _walk(body, None, entries)
    return list(entries.values())


def _walk(node: ET.Element, category: str | None, out: dict[str, OpmlEntry]) -> None:
    for outline in node.findall("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        name = attrs.get("title") or attrs.get("text")
        url = (attrs.get("xmlurl") or "").strip()
        if url:
            out.setdefault(url, OpmlEntry(url, name, attrs.get("htmlurl"), category))
        else:
            _walk(outline, name or category, out)


def write_opml(feeds: Iterable[Feed], title: str = "crosswire feeds") -> str:
    """An OPML 2.0 document listing ``feeds``."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(utcnow())
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        if feed.source_domain:
            attrs["htmlUrl"] = f"https://{feed.source_domain}/"
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
