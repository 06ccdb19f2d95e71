"""The default outlets and feeds shipped with crosswire, and other feed lists to start from.

``load_feed_list`` reads the packaged JSON (or a user's OPML/JSON ``feeds_file``) into
``(Source, Feed)`` pairs; the scheduler stores them into an empty database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire.extract.article import domain_of
from crosswire.ingest.errors import FeedError
from crosswire.ingest.opml import read_opml
from crosswire.models import Feed, Source

DEFAULT_FILE = "default_feeds.json"
PROVENANCE = "crosswire default feed list (src/crosswire/ingest/data/PROVENANCE.md)"
TYPOLOGIES = ("private", "public-broadcaster", "state-controlled")
LEANINGS = ("left", "lean-left", "center", "lean-right", "right")


@dataclass
class FeedListEntry:
    source: Source
    feed: Feed


def default_feed_list() -> list[FeedListEntry]:
    text = resources.files("crosswire.ingest").joinpath("data", DEFAULT_FILE).read_text("utf-8")
    return _from_json(json.loads(text), PROVENANCE)


def load_feed_list(path: str | Path | None, interval_seconds: int = 900) -> list[FeedListEntry]:
    """Entries of ``path`` (OPML, or JSON shaped like the default list); the default list when
    ``path`` is empty."""
    if not path:
        entries = default_feed_list()
    else:
        data = Path(path).read_bytes()
        if data.lstrip()[:1] in (b"{", b"["):
            entries = _from_json(json.loads(data), f"feed list {Path(path).name}")
        else:
            entries = [
                FeedListEntry(
                    Source(domain=domain_of(e.site_url or e.url) or "", name=e.title or ""),
                    Feed(url=e.url, title=e.title),
                )
                for e in read_opml(data)
            ]
    for entry in entries:
        entry.feed.interval_seconds = interval_seconds
        entry.feed.source_domain = entry.source.domain or None
    return entries


def _from_json(data: Any, provenance: str) -> list[FeedListEntry]:
    sources = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(sources, list):
        raise FeedError("feed list: expected {'sources': [...]} or a list of sources")
    entries = []
    for item in sources:
        if not isinstance(item, dict) or not item.get("domain"):
            raise FeedError(f"feed list: a source needs a domain: {item!r:.80}")
        source = Source(
            domain=str(item["domain"]),
            name=str(item.get("name") or item["domain"]),
            country=item.get("country"),
            language=item.get("language"),
            leaning=item.get("leaning"),
            owner=item.get("owner"),
            typology=item.get("typology"),
            provenance=item.get("provenance") or provenance,
        )
        for url in item.get("feeds") or []:
            entries.append(FeedListEntry(source, Feed(url=str(url), title=source.name)))
    return entries
