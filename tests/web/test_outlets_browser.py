"""Outlets by name in a real browser (Debian's Chromium under Playwright) against a real
``crosswire serve``: ``/blindspot`` lists the stories reported mostly from one side, with
the per-side counts in words, and leaves out a balanced one; a story page's header names its
outlets with their countries, and its spread chart counts the same outlets, by country and
by leaning. Screenshots as in ``test_browser.py``."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from crosswire.models import Article
from crosswire.store import open_store
from tests.helpers.live_server import live_server
from tests.web.test_browser import ARGS, CHROMIUM, Shots, need_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]
T0 = datetime(2026, 4, 2, 8, tzinfo=UTC)


def story(store, title: str, sources: list[str], hour: int) -> int:
    """A story whose articles credit these outlets (URLs or domains, as any path gives)."""
    articles = [
        Article(
            title=f"{title} ({n})",
            text=f"{title}. Report number {n} on it, written for this test.",
            source=source,
            language="en",
            published_at=T0 + timedelta(hours=hour, minutes=n),
        )
        for n, source in enumerate(sources)
    ]
    stored = store.add_articles(articles)
    return store.create_story(title, [a.id for a, _ in stored], T0 + timedelta(hours=hour)).id


def test_blindspot_and_a_story_whose_chart_and_header_agree(tmp_path):
    need_browser()
    from playwright.sync_api import sync_playwright

    db = f"sqlite:///{tmp_path / 'outlets.db'}"
    store = open_store(db)
    one_sided = story(
        store,
        "Harbour tunnel contract signed",
        ["https://www.theguardian.com/x", "nytimes.com", "https://www.spiegel.de/a", "bbc.com"],
        1,
    )
    balanced = story(
        store,
        "Budget vote delayed",
        ["nytimes.com", "https://www.foxnews.com/p", "thehill.com", "wsj.com"],
        2,
    )
    wide = story(
        store,
        "Crane collapse at Estrel port",
        [
            "https://www.nytimes.com/2026/04/02/world/estrel.html",
            "foxnews.com",
            "https://www.huffpost.com/entry/estrel",
            "https://feeds.bbci.co.uk/news/estrel",
            "www.aljazeera.com",
            "https://www.lemonde.fr/international/estrel",
            "spiegel.de",
            "https://elpais.com/internacional/estrel.html",
            "https://unrated-local.example.co.uk/news/estrel",
        ],
        3,
    )
    store.close()
    shots = Shots(tmp_path)
    with live_server(db, tmp_path) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.set_default_timeout(30_000)

        page.goto(base + "/blindspot")
        cards = page.locator("div.blindspot")
        listed = [
            int(re.search(r"/stories/(\d+)", cards.nth(i).locator("h2 a").get_attribute("href"))[1])
            for i in range(cards.count())
        ]
        assert one_sided in listed and balanced not in listed
        first = page.locator(f"div.blindspot:has(a[href='/stories/{one_sided}'])")
        assert first.get_attribute("data-side") == "left"
        assert first.locator("p.alert").inner_text() == (
            "Reported mostly by left-leaning outlets: 3 left-leaning outlets, no center outlet "
            "and no right-leaning outlet (1 not rated)."
        )
        shots.take(page, "blindspot")
        atom = page.request.get(base + "/blindspot.atom")
        assert atom.ok and f"/stories/{one_sided}</id>" in atom.text()

        page.goto(f"{base}/stories/{wide}")
        badges = page.locator("p.story-outlets a.badge")
        names = badges.all_inner_texts()
        for name in ("The New York Times", "Fox News", "HuffPost", "BBC News", "Le Monde"):
            assert any(n.startswith(name) for n in names), names
        assert any(n.startswith("Al Jazeera English") and n.endswith("QA") for n in names)
        header_countries = Counter(
            badges.nth(i).get_attribute("data-country") or "unknown" for i in range(badges.count())
        )
        header_leanings = Counter(
            badges.nth(i).get_attribute("data-leaning") for i in range(badges.count())
        )
        assert header_countries == {
            "US": 3, "GB": 2, "QA": 1, "FR": 1, "DE": 1, "ES": 1
        }  # fmt: skip
        assert header_leanings["not rated"] == 3 and header_leanings["unknown"] == 1

        def chart(group: str) -> Counter[str]:
            titles = page.locator("svg[aria-label='source spread']:visible g > title").evaluate_all(
                "nodes => nodes.map(n => n.textContent)"
            )
            counts: Counter[str] = Counter()
            for t in titles:
                m = re.fullmatch(rf"{group}: (.+), (\d+) outlets?", t)
                if m:
                    counts[m[1]] += int(m[2])
            return counts

        assert chart("country") == header_countries
        assert chart("leaning") == header_leanings
        page.locator("#h-spread").scroll_into_view_if_needed()
        shots.take(page, "story-outlets")

        page.goto(base + "/sources/huffpost.com")
        assert page.locator("dd[data-leaning]").inner_text().startswith("not rated")
        assert "source: crosswire" in page.locator("dl.meta").inner_text()
        browser.close()
