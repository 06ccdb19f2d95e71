"""The whole community path in a real browser (Debian's Chromium under Playwright) against a
real ``crosswire serve`` on a real SQLite file, with two article pages served on loopback:
sign up, submit both URLs, see "submitted by" on their story, comment, reply, flag; a
moderator made with ``crosswire users`` hides the flagged reply from the queue; the story
shows where the outlets differ and its two pictures. Screenshots of the key pages are kept
(``tmp_path``, ``var/screenshots/``, and ``$CROSSWIRE_ARTIFACTS`` when set)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.fixture_server import FixtureServer
from tests.helpers.live_server import live_server

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = Path(__file__).parent / "pages"
REPO = Path(__file__).resolve().parents[2]
PASSWORD = "a browser password"
SLOW = 120_000  # ms: the first submission loads the sentence embedder

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def need_browser() -> None:
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "playwright is not installed (pip install 'crosswire[test]')"
    if problem is None and not os.access(CHROMIUM, os.X_OK):
        problem = f"{CHROMIUM} is missing (bin/test-services installs Debian's chromium)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the browser: {problem}")
        pytest.skip(problem)


def crosswire(*args: str, cwd: Path, stdin: str = "") -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    done = subprocess.run(
        [sys.executable, "-m", "crosswire", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


class Shots:
    """Screenshots into tmp_path, var/screenshots/ and $CROSSWIRE_ARTIFACTS."""

    def __init__(self, tmp_path: Path) -> None:
        self.dirs = [tmp_path / "screenshots", REPO / "var" / "screenshots"]
        if os.environ.get("CROSSWIRE_ARTIFACTS"):
            self.dirs.append(Path(os.environ["CROSSWIRE_ARTIFACTS"]))
        for d in self.dirs:
            d.mkdir(parents=True, exist_ok=True)

    def take(self, page, name: str) -> None:  # noqa: ANN001
        first = self.dirs[0] / f"{name}.png"
        page.screenshot(path=str(first), full_page=True)
        for d in self.dirs[1:]:
            shutil.copyfile(first, d / first.name)


def test_sign_up_submit_comment_flag_moderate(tmp_path):
    need_browser()
    from playwright.sync_api import expect, sync_playwright

    db = f"sqlite:///{tmp_path / 'browser.db'}"
    crosswire(
        "users", "create", "moda", "--role", "moderator", "--password-stdin", "--db", db,
        cwd=tmp_path, stdin=PASSWORD + "\n",
    )  # fmt: skip
    shots = Shots(tmp_path)
    env = {
        "CROSSWIRE_TRUSTED_NETWORKS": "127.0.0.1/32",  # only loopback, nothing else private
        "CROSSWIRE_PER_HOST_DELAY": "0",
    }
    with (
        FixtureServer() as site,
        live_server(db, tmp_path, env=env) as base,
        sync_playwright() as p,
    ):
        site.serve_dir(PAGES)
        # two "outlets" on loopback: 127.0.0.1 and localhost (which resolves to 127.0.0.1)
        one = site.url("/outlet_one.html")
        two = site.url("/outlet_two.html").replace("127.0.0.1", "localhost", 1)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.set_default_timeout(30_000)

        page.goto(base + "/signup")
        page.fill("#name", "ann")
        page.fill("#password", PASSWORD)
        page.fill("#password2", PASSWORD)
        page.click("button:has-text('Sign up')")
        expect(page.locator("header nav")).to_contain_text("signed in as ann")

        page.goto(base + "/submit")
        page.fill("#url", one)
        shots.take(page, "submit")
        page.click("button:has-text('Submit')", timeout=SLOW)
        page.wait_for_url(re.compile(r"/stories/\d+"), timeout=SLOW)
        story_url = page.url.split("#")[0]
        expect(page.locator("section[aria-label=submissions]")).to_contain_text("submitted by ann")
        page.goto(base + "/submit")
        page.fill("#url", two)
        page.click("button:has-text('Submit')", timeout=SLOW)
        page.wait_for_url(re.compile(r"/stories/\d+"), timeout=SLOW)
        assert page.url.split("#")[0] == story_url, "both reports should make one story"
        expect(page.locator("section[aria-label=submissions] li")).to_have_count(2)
        # the same URL again points to the existing story
        page.goto(base + "/submit")
        page.fill("#url", one)
        page.click("button:has-text('Submit')")
        page.wait_for_url(re.compile(r"/stories/\d+"))
        assert page.url.split("#")[0] == story_url
        expect(page.get_by_role("status")).to_contain_text("already here")

        page.fill("#comment", "Which figure is right: 40 trucks or 25? https://example.org/x")
        page.click("button:has-text('Comment')")
        top = page.locator("li.comment").first
        expect(top).to_contain_text("40 trucks or 25")
        expect(top.locator("a[href='https://example.org/x']")).to_have_attribute(
            "rel", "nofollow ugc noopener"
        )
        top.locator("summary:has-text('reply')").first.click()
        top.locator("textarea[name=body]").first.fill("The ministry says 40. <b>Nonsense</b>!")
        top.locator("button:has-text('Reply')").first.click()
        reply = page.locator("li.comment li.comment").first
        expect(reply).to_contain_text("<b>Nonsense</b>!")  # shown as text, not markup
        reply.locator("summary:has-text('flag')").first.click()
        reply.locator("input[name=reason]").first.fill("shouting")
        reply.locator("button:has-text('Flag')").first.click()
        expect(page.get_by_role("status")).to_contain_text("a moderator will look")
        shots.take(page, "story-thread")
        page.click("header nav button:has-text('Sign out')")
        expect(page.locator("header nav")).to_contain_text("Sign in")

        page.goto(base + "/login")
        page.fill("#name", "moda")
        page.fill("#password", PASSWORD)
        page.click("main button:has-text('Sign in')")
        page.click("header nav a:has-text('Moderation')")
        item = page.locator("li.flagged").first
        expect(item).to_contain_text("Nonsense")
        expect(item).to_contain_text("reason: shouting")
        shots.take(page, "moderation-queue")
        item.locator("input[name=reason]").fill("shouting at people")
        item.locator("button:has-text('Hide')").click()
        expect(page.get_by_role("status")).to_contain_text("Hid comment")
        expect(page.locator("li.flagged")).to_have_count(0)

        page.goto(base + "/moderation/log")
        expect(page.locator("main table")).to_contain_text("moda")
        expect(page.locator("main table")).to_contain_text("shouting at people")
        shots.take(page, "moderation-log")

        page.goto(story_url)
        expect(page.locator("li.comment li.comment").first).to_contain_text("hidden by a moderator")
        expect(page.locator("body")).not_to_contain_text("Nonsense")
        differ = page.locator('section[aria-label="where outlets differ"]')
        expect(differ).to_be_visible()
        expect(differ).to_contain_text("killed")
        expect(differ).to_contain_text("injured")
        expect(page.locator('svg[aria-label="timeline"]:visible')).to_be_visible()
        expect(page.locator('svg[aria-label="source spread"]:visible')).to_be_visible()
        shots.take(page, "story")

        page.goto(base + "/")
        expect(page.locator("main")).to_contain_text("Kessel")
        shots.take(page, "front")
        browser.close()

    for name in ("front", "story", "story-thread", "submit", "moderation-queue", "moderation-log"):
        assert (tmp_path / "screenshots" / f"{name}.png").stat().st_size > 5_000
