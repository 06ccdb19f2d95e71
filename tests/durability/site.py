"""A news site on 127.0.0.1 whose feeds grow while crosswire ingests them.

``feeds`` outlets each publish ``items`` articles, released one by one over ``span`` seconds,
so ingestion is still going on whenever a kill lands. Article ``i`` of every outlet reports
event ``i`` in the outlet's own words: stories with several sources. Pages are files on disk;
feeds are RSS built on each request from the articles released so far.
"""

from __future__ import annotations

import json
import time
from email.utils import formatdate
from pathlib import Path
from random import Random

from tests.helpers.fixture_server import FixtureServer, Request

PLACES = ["Arvel", "Brisk", "Corra", "Dunmere", "Elsby", "Farrow", "Galen", "Hollin", "Istra"]
EVENTS = ["flood", "fire", "strike", "election", "bridge collapse", "storm", "trial", "drought"]
VERBS = ["reports", "says", "confirms", "learns", "hears", "writes"]


class GrowingSite:
    def __init__(self, server: FixtureServer, root: Path, feeds: int, items: int, span: float):
        self.server, self.feeds, self.items, self.span = server, feeds, items, span
        self.started = time.monotonic()
        root.mkdir(parents=True, exist_ok=True)
        server.serve_dir(root)
        for f in range(feeds):
            (root / f"o{f}").mkdir(exist_ok=True)
            for i in range(items):
                (root / f"o{f}" / f"{i}.html").write_text(self._page(f, i), encoding="utf-8")
            server.route(f"/feeds/o{f}.xml", self._feed_handler(f))

    # what exists -------------------------------------------------------------------------
    def released(self) -> int:
        """Articles per outlet published so far."""
        if self.span <= 0:
            return self.items
        done = (time.monotonic() - self.started) / self.span
        return max(1, min(self.items, 1 + int(done * self.items)))

    def release_all(self) -> None:
        self.span = 0

    def article_url(self, f: int, i: int) -> str:
        return self.server.url(f"/o{f}/{i}.html")

    def expected_urls(self) -> set[str]:
        return {self.article_url(f, i) for f in range(self.feeds) for i in range(self.items)}

    def feed_list(self, path: Path) -> Path:
        """The JSON feed list crosswire loads into an empty database (setting feeds_file)."""
        sources = [
            {
                "domain": f"outlet{f}.example",
                "name": f"Outlet {f}",
                "language": "en",
                "feeds": [self.server.url(f"/feeds/o{f}.xml")],
            }
            for f in range(self.feeds)
        ]
        path.write_text(json.dumps({"sources": sources}), encoding="utf-8")
        return path

    # content -----------------------------------------------------------------------------
    def _title(self, f: int, i: int) -> str:
        place, event = PLACES[i % len(PLACES)], EVENTS[(i // len(PLACES)) % len(EVENTS)]
        return f"{event.capitalize()} in {place}: outlet {f} {VERBS[f % len(VERBS)]} ({i})"

    def _page(self, f: int, i: int) -> str:
        place, event = PLACES[i % len(PLACES)], EVENTS[(i // len(PLACES)) % len(EVENTS)]
        words = _event_words(i)  # what event i is about; each outlet tells it its own way
        order = Random(f * 7919 + i)
        paragraphs = [
            f"A {event} hit {place} on day {i}, outlet {f} {VERBS[f % len(VERBS)]}. "
            f"Officials in {place} counted {i % 13 + 2} districts affected by the {event}.",
        ]
        for _ in range(3):
            chosen = order.sample(words, 12)
            paragraphs.append(" ".join(chosen).capitalize() + f" in {place}.")
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        published = formatdate(1_767_000_000 + i * 600, usegmt=True)
        return (
            f"<!doctype html><html lang=en><head><title>{self._title(f, i)}</title>"
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><article><h1>{self._title(f, i)}</h1>{body}</article></body></html>"
        )

    def _feed_handler(self, f: int):
        def handler(req: Request) -> None:
            items = []
            for i in reversed(range(self.released())):
                items.append(
                    f"<item><title>{self._title(f, i)}</title>"
                    f"<link>{self.article_url(f, i)}</link><guid>{self.article_url(f, i)}</guid>"
                    f"<pubDate>{formatdate(1_767_000_000 + i * 600, usegmt=True)}</pubDate>"
                    f"<description>Report {f}-{i}.</description></item>"
                )
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Outlet {f}</title><link>{self.server.url('/')}</link>"
                + "".join(items)
                + "</channel></rss>"
            )
            req.send(body, content_type="application/rss+xml")

        return handler


SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "bri", "dun", "el", "fa", "gor", "hul", "is"]


def _event_words(i: int) -> list[str]:
    rng = Random(i)
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(20)]
