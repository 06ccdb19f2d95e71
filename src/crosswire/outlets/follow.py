"""Following a catalogue category: its feeds into the store, each with its outlet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.ingest.errors import UnsafeURLError
from crosswire.ingest.safety import split_url
from crosswire.models import Feed
from crosswire.outlets.catalog import Category, feed_outlet

if TYPE_CHECKING:
    from crosswire.store import Store


@dataclass
class Followed:
    added: int = 0
    already: int = 0
    refused: list[tuple[str, str]] | None = None  # (url, one-line reason)
    left_out: int = 0  # aggregators' search feeds


def follow_category(store: Store, category: Category, interval_seconds: int) -> Followed:
    """Add the category's feeds not yet followed (one transaction). URLs that are not
    plain http(s) are refused; the fetcher's SSRF guard still checks every fetch."""
    resolver = store.outlet_resolver()
    known = {f.url for f in store.list_feeds()}
    urls = category.followable_feeds()
    done = Followed(refused=[], left_out=len(category.feeds) - len(urls))
    with store.transaction():
        for url in urls:
            if url in known:
                done.already += 1
                continue
            try:
                split_url(url)
            except UnsafeURLError as exc:
                done.refused.append((url, str(exc)))  # type: ignore[union-attr]
                continue
            store.add_feed(
                Feed(
                    url=url,
                    source_domain=feed_outlet(url, resolver),
                    interval_seconds=interval_seconds,
                )
            )
            done.added += 1
    return done
