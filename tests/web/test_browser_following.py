"""A reader's own news in a real browser (Debian's Chromium under Playwright) against a real
``crosswire serve`` on a real SQLite file: sign up, follow a story and an outlet from their
pages, mute a word, see the new-since counts change after ``crosswire import``, unfollow.
Screenshots go where ``test_browser`` keeps its own."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.live_server import live_server
from tests.web.test_browser import ARGS, CHROMIUM, PASSWORD, Shots, crosswire, need_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ENV = {"CROSSWIRE_EMBEDDER": "hashing"}
NOW = datetime.now(UTC).replace(microsecond=0)
DAM = (
    "Engineers opened the spillway of the Kessel dam on Tuesday after three days of rain "
    "raised the reservoir to its highest level in forty years. The regional authority said "
    "villages downstream were warned in the morning and that no one had been hurt so far."
)


def record(n: int, title: str, text: str, source: str, minutes: int) -> dict:
    return {
        "id": f"b{n}",
        "title": title,
        "text": text,
        "lang": "en",
        "date": (NOW - timedelta(minutes=minutes)).isoformat(),
        "source": source,
        "url": f"https://{source}/news/{n}",
    }


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_follow_mute_new_counts_and_unfollow(tmp_path):
    need_browser()
    from playwright.sync_api import expect, sync_playwright

    db = f"sqlite:///{tmp_path / 'following.db'}"
    seed = write(
        tmp_path / "seed.jsonl",
        [
            record(1, "Kessel dam spillway opened after heavy rain", DAM, "harbour.example", 90),
            record(2, "Valley orchestra announces its winter season",
                   "The valley orchestra will play six concerts this winter, starting with a "
                   "programme of folk songs arranged for strings.", "valley.example", 80),
            record(3, "Gossip columnist leaves the Valley Courier",
                   "The long-time gossip columnist of the paper said goodbye to readers after "
                   "twenty years of society pages.", "courier.example", 70),
        ],
    )  # fmt: skip
    crosswire("import", str(seed), "--db", db, cwd=tmp_path)
    shots = Shots(tmp_path)
    with live_server(db, tmp_path, env=ENV) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.set_default_timeout(30_000)

        page.goto(base + "/signup?next=/")
        page.fill("#name", "rose")
        page.fill("#password", PASSWORD)
        page.fill("#password2", PASSWORD)
        page.click("button:has-text('Sign up')")
        expect(page.locator("header nav")).to_contain_text("signed in as rose")

        # follow a story from its page, an outlet from its page
        page.goto(base + "/?all=1")
        page.click("a:has-text('Kessel dam spillway')")
        page.click("button:has-text('Follow this story')")
        expect(page.locator("button:has-text('Unfollow this story')")).to_be_visible()
        page.goto(base + "/sources/valley.example")
        page.click("button:has-text('Follow this outlet')")
        expect(page.locator("button:has-text('Unfollow this outlet')")).to_be_visible()

        page.click("header nav a:has-text('Following')")
        rows = page.locator("tr.follow-row")
        expect(rows).to_have_count(2)
        expect(rows.nth(0)).to_contain_text("Kessel dam spillway")
        expect(rows.nth(1)).to_contain_text("valley.example")
        expect(page.locator("td.new-count").nth(0)).to_contain_text("nothing new")

        # mute a word: the gossip story leaves this reader's front page
        page.goto(base + "/?all=1")
        expect(page.locator("main")).to_contain_text("Gossip columnist")
        page.goto(base + "/following")
        page.fill("#mute-word", "Gossip")
        page.click("button:has-text('Mute word')")
        expect(page.locator("ul.mutes")).to_contain_text("gossip")
        page.goto(base + "/?all=1")
        expect(page.locator("main")).not_to_contain_text("Gossip columnist")
        expect(page.locator("main")).to_contain_text("Kessel dam spillway")

        # an import brings a copy of the dam report and a new story from the outlet
        update = write(
            tmp_path / "update.jsonl",
            [
                record(4, "Kessel dam spillway opened after heavy rain", DAM, "wire.example", 20),
                record(5, "Valley bridge to close for repairs in March",
                       "The old stone bridge over the valley river will close for four weeks "
                       "of repairs to its arches, the council said.", "valley.example", 10),
            ],
        )  # fmt: skip
        crosswire("import", str(update), "--db", db, cwd=tmp_path)
        # the server's own assigner may be the one that gives them their stories: reload
        counts = page.locator("td.new-count")
        for _ in range(60):
            page.goto(base + "/following")
            if counts.nth(0).get_attribute("data-new") == "1":
                break
            page.wait_for_timeout(500)
        expect(counts.nth(0)).to_contain_text("1 new")
        expect(counts.nth(1)).to_contain_text("1 new")
        shots.take(page, "following")

        # opening the outlet's follow is looking at it: its count starts again
        page.click("tr.follow-row >> nth=1 >> a:has-text('valley.example')")
        expect(page.locator("main")).to_contain_text("Valley bridge to close")
        page.goto(base + "/following")
        expect(page.locator("td.new-count").nth(1)).to_contain_text("nothing new")
        expect(page.locator("td.new-count").nth(0)).to_contain_text("1 new")

        # unfollow the story
        page.click("button[aria-label^='unfollow Kessel']")
        expect(page.get_by_role("status")).to_contain_text("No longer following")
        expect(page.locator("tr.follow-row")).to_have_count(1)
        expect(page.locator("tr.follow-row")).to_contain_text("valley.example")
        browser.close()
