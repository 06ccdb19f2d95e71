"""The feed catalogue shipped with crosswire (``data/catalog.json``, from Kagi's kite-public,
MIT): 197 categories of feeds, each with its language, the country it is about when it is
named after one, and its name in ~18 languages."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

from crosswire.outlets.resolve import NotAnOutlet, Resolver

CATALOG_FILE = "catalog.json"
# hosts of other people's feeds (aggregators, platforms, feed proxies): a feed there is not
# the outlet's own, so it names no outlet and says nothing of the platform's language
PLATFORMS = frozenset(
    """google.com reddit.com feedburner.com nitter.net blogspot.com github.com youtube.com
    medium.com substack.com wordpress.com tumblr.com feedly.com rss.app rsshub.app
    fetchrss.com politepol.com twitter.com x.com bsky.app mastodon.social steamcommunity.com
    libsyn.com podbean.com anchor.fm soundcloud.com buzzsprout.com feedpress.me
    simplecast.com megaphone.fm rss.com spotify.com apple.com blogger.com telegram.me t.me
    facebook.com instagram.com linkedin.com flipboard.com yahoo.com msn.com""".split()
)
# search feeds of news aggregators: links to redirect pages, not to the outlets
AGGREGATOR_HOSTS = frozenset({"news.google.com"})


@dataclass(frozen=True)
class Category:
    name: str
    type: str  # topic, region, city
    language: str  # ISO 639-1 of its feeds
    place: str | None  # ISO 3166-1 alpha-2 of the country it is about
    names: dict[str, str] = field(default_factory=dict)  # UI language -> display name
    feeds: tuple[str, ...] = ()

    def display_name(self, language: str | None) -> str:
        if language:
            for tag, name in self.names.items():
                if tag.lower().split("-")[0] == language.lower():
                    return name
        return self.names.get("en") or self.name

    def followable_feeds(self) -> list[str]:
        """Its feeds without aggregators' search feeds."""
        return [u for u in self.feeds if _host(u) not in AGGREGATOR_HOSTS]


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@functools.cache
def categories() -> tuple[Category, ...]:
    text = resources.files("crosswire.outlets").joinpath("data", CATALOG_FILE).read_text("utf-8")
    return tuple(
        Category(
            name=c["name"],
            type=c.get("type") or "topic",
            language=c.get("language") or "",
            place=c.get("place"),
            names=dict(c.get("names") or {}),
            feeds=tuple(c.get("feeds") or ()),
        )
        for c in json.loads(text)["categories"]
    )


def in_language(language: str | None) -> list[Category]:
    """The categories whose feeds are in ``language`` (every one when None), by name."""
    chosen = [
        c for c in categories() if not language or c.language == language.lower().split("-")[0]
    ]
    return sorted(chosen, key=lambda c: c.name.casefold())


def find_category(name: str) -> Category | None:
    """The category called ``name`` (case-insensitive), in English or any of its display
    names."""
    wanted = " ".join(name.split()).casefold()
    for category in categories():
        names = {category.name, *category.names.values()}
        if any(" ".join(n.split()).casefold() == wanted for n in names):
            return category
    return None


def feed_outlet(url: str, resolver: Resolver) -> str | None:
    """The outlet whose own feed ``url`` is; None for feeds on platforms and aggregators
    (their articles are then credited to the outlets their links point to)."""
    try:
        key = resolver.resolve(url)
    except NotAnOutlet:
        return None
    host = _host(url).removeprefix("www.")
    if key.split("/")[0] in PLATFORMS or host in PLATFORMS or _host(url) in AGGREGATOR_HOSTS:
        return None
    return key
