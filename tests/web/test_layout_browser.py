"""Every page type in a real browser (Debian's Chromium under Playwright) at 1366 × 900 and
390 × 844: no element wider than the viewport, tap targets of 24 px or more (WCAG 2.2 AA,
2.5.8; links inside a sentence are exempt), axe-core (from npm, injected) with no violations,
the story page's sections in reading order, and the first-run page of an empty site. The
story is invented (a bridge closure in the fictional town of Portvale), imported with
``crosswire import``; a reader comments, a moderator flags and hides the comment, so the
queue and the log have rows. Screenshots at both widths go where ``test_browser`` keeps
its own."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers.live_server import live_server
from tests.web.test_browser import (
    ARGS,
    CHROMIUM,
    PASSWORD,
    REPO,
    Shots,
    crosswire,
    need_browser,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = {"wide": (1366, 900), "phone": (390, 844)}
AXE_DIR = REPO / "var" / "axe"
AXE = "axe-core@4.14.1"  # as bin/test-services installs it
SECTIONS = ["Summary", "Where the outlets differ", "Who covers it", "Timeline", "Articles"]

PARAGRAPHS = [
    "PORTVALE — The old Kessel bridge over the river Marn was closed to all traffic on "
    "Monday after engineers found deep cracks in two of its supporting piers.",
    "The town council will meet on Thursday to discuss a temporary ferry service for "
    "commuters who cross the river every day.",
    '"We will not let the east bank be cut off," Mayor Ivo Brandt said on Monday evening.',
    "Buses between the two halves of the town will take a detour of forty minutes through "
    "the village of Ostra.",
    "Schools on the west bank will open an hour later for the rest of the month.",
]


def story_file(path: Path) -> Path:
    rows = []
    for n, source in enumerate(["valleytimes.example", "eastbank.example", "marnwire.example"]):
        text = "\n\n".join(PARAGRAPHS[n:] + PARAGRAPHS[:n])
        rows.append(
            {
                "id": f"bridge-{n}",
                "title": f"Kessel bridge in Portvale closed after cracks found ({n + 1})",
                "text": text,
                "lang": "en",
                "date": f"2014-08-2{n}T09:30:00Z" if n else "2014-08-20",
                "source": source,
                "url": f"https://{source}/bridge",
            }
        )
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def axe_source() -> str | None:
    """axe-core's script from var/axe, where bin/test-services installs it with npm (and
    this does, when run without it)."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                ["npm", "install", "--prefix", str(AXE_DIR), "--no-save", "--no-audit"]
                + ["--no-fund", AXE],
                cwd=AXE_DIR,
                capture_output=True,
                timeout=180,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            pass
    return script.read_text(encoding="utf-8") if script.exists() else None


WIDE_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth;
  const right = e => e.getBoundingClientRect().right;
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().width > 0 && right(e) > width + 1)
    .filter(e => !e.closest('details:not([open])') && !e.closest('.skip'))
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' +
              Math.round(right(e)));
}"""

# Targets under 24 × 24 px: links, buttons, inputs and summaries, except a link inside a
# sentence (a text node beside it in the same block), which WCAG 2.5.8 exempts.
SMALL_TARGETS = """() => {
  const inSentence = e => {
    const parent = e.parentElement;
    if (!parent || e.tagName !== 'A') return false;
    return [...parent.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 1);
  };
  const box = e => e.getBoundingClientRect();
  return [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
    .filter(e => box(e).width > 0 && box(e).height > 0)
    .filter(e => !e.closest('details:not([open])') || e.tagName === 'SUMMARY')
    .filter(e => box(e).height < 24 || box(e).width < 24)
    .filter(e => !inSentence(e) && e.type !== 'hidden')
    .map(e => e.tagName.toLowerCase() + ' "' +
              (e.textContent || e.name || '').trim().slice(0, 30) + '" ' +
              Math.round(box(e).width) + 'x' + Math.round(box(e).height));
}"""


def check_page(page, axe: str | None, shots: Shots, name: str) -> list[str]:  # noqa: ANN001
    """What is wrong with the page as shown: elements wider than the viewport, small tap
    targets, axe violations (all pages are checked before the test fails)."""
    problems = []
    wide = page.evaluate(WIDE_ELEMENTS)
    if wide:
        problems.append(f"{name}: wider than the viewport: {wide[:10]}")
    small = page.evaluate(SMALL_TARGETS)
    if small:
        problems.append(f"{name}: tap targets under 24 px: {small[:10]}")
    if axe is not None:
        page.add_script_tag(content=axe)
        result = page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', "
            "'wcag21aa', 'wcag22aa']})).violations.map(v => v.id + ': ' + v.nodes.length + ' ' "
            "+ v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
        )
        if result:
            problems.append(f"{name}: axe violations: {result}")
    shots.take(page, name)
    return problems


def sign_in(page, base: str) -> None:  # noqa: ANN001
    page.goto(base + "/login")
    page.fill("#name", "moda")
    page.fill("#password", PASSWORD)
    page.click("main button:has-text('Sign in')")
    page.wait_for_selector("header nav button:has-text('Sign out')")


def test_pages_fit_phones_and_desktops(tmp_path):
    need_browser()
    from playwright.sync_api import sync_playwright

    axe = axe_source()
    if axe is None and os.environ.get("CI"):
        pytest.fail("CI needs axe-core: npm install axe-core failed")
    db = f"sqlite:///{tmp_path / 'layout.db'}"
    crosswire("import", str(story_file(tmp_path / "bridge.jsonl")), "--db", db, cwd=tmp_path)
    crosswire(
        "users", "create", "moda", "--role", "moderator", "--password-stdin", "--db", db,
        cwd=tmp_path, stdin=PASSWORD + "\n",
    )  # fmt: skip
    shots = Shots(tmp_path)
    checked: list[str] = []
    problems: list[str] = []
    with live_server(db, tmp_path) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for label, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, bypass_csp=True)
            page.set_default_timeout(30_000)

            def visit(path: str, name: str, page=page, label=label) -> None:  # noqa: ANN001
                response = page.goto(base + path)
                assert response is not None and response.status < 400, (path, response)
                problems.extend(check_page(page, axe, shots, f"{name}-{label}"))
                checked.append(f"{name}-{label}")

            # signed out: the pages a passer-by sees
            visit("/", "front")
            story = page.locator("main a[href^='/stories/']").first.get_attribute("href")
            assert story is not None
            visit(story, "story")
            headings = [h.strip() for h in page.locator("main h2").all_inner_texts()]
            found = [h for h in headings if h in SECTIONS]
            assert found == SECTIONS, headings
            text = page.locator("main").inner_text()
            assert "Aug 2014" in text and "00:00" not in text  # absolute dates, no fake midnight
            assert not re.search(r"\d{3,} days ago", text)
            assert "By leaning:" in text  # leaning named in words, not by colour alone
            if label == "phone":  # the pictures fit 360 px too, without sideways scrolling
                page.set_viewport_size({"width": 360, "height": height})
                assert page.evaluate(WIDE_ELEMENTS) == []
                charts = page.locator(".chart-narrow svg").evaluate_all(
                    "nodes => nodes.map(n => n.getBoundingClientRect().width)"
                )
                assert len(charts) == 2 and all(0 < w <= 360 for w in charts), charts
                page.set_viewport_size({"width": width, "height": height})
            source = page.locator("main a.badge[href^='/sources/']").first.get_attribute("href")
            assert source is not None
            visit(source, "source")
            visit("/search?q=bridge", "search")
            visit("/?lang=Klingon", "front-filter-message")
            assert "no stories in “Klingon”" in page.locator("[role=alert]").inner_text()
            visit("/blindspot", "blindspot")
            visit("/catalog", "catalog")
            visit("/login", "login")
            visit("/signup", "signup")
            page.goto(base + "/stories/999999")  # the error page
            problems.extend(check_page(page, axe, shots, f"not-found-{label}"))
            # a reader signs up and comments
            page.goto(base + "/signup")
            page.fill("#name", f"ann{label}")
            page.fill("#password", PASSWORD)
            page.fill("#password2", PASSWORD)
            page.click("main button:has-text('Sign up')")
            page.wait_for_selector("header nav button:has-text('Sign out')")
            page.goto(base + story)
            page.fill("#comment", f"Is the ferry running yet? ({label})")
            page.click("button:has-text('Comment')")
            page.wait_for_selector("li.comment")
            page.context.clear_cookies()
            # signed in as a moderator: the reader's own pages and the moderators'
            sign_in(page, base)
            page.goto(base + story)
            page.locator("main form[action='/following'] button").first.click()
            comment = page.locator(f"li.comment:has-text('({label})')").first
            comment.locator("summary:has-text('flag')").first.click()
            comment.locator("input[name=reason]").first.fill("to fill the queue")
            comment.locator("button:has-text('Flag')").first.click()
            page.wait_for_selector("[role=status]")
            problems.extend(check_page(page, axe, shots, f"story-signed-in-{label}"))
            for path, name in [
                ("/submit", "submit"),
                ("/following", "following"),
                ("/my", "my"),
                ("/moderation", "moderation"),
            ]:
                visit(path, name)
            item = page.locator("li.flagged").first  # the queue has the flagged comment
            item.locator("input[name=reason]").fill("checking the log's layout")
            item.locator("button:has-text('Hide')").click()
            page.wait_for_selector("[role=status]")
            visit("/moderation/log", "moderation-log")
            assert "checking the log" in page.locator("main").inner_text()
            visit(f"/moderation{story}", "correct-story")
            page.context.clear_cookies()
            page.close()
        # a new site with no stories, offline: the first-run front page
        empty = f"sqlite:///{tmp_path / 'empty.db'}"
        with live_server(empty, tmp_path) as fresh:
            for label, (width, height) in VIEWPORTS.items():
                page = browser.new_page(
                    viewport={"width": width, "height": height}, bypass_csp=True
                )
                page.goto(fresh + "/")
                assert "crosswire import" in page.locator("main").inner_text()
                problems.extend(check_page(page, axe, shots, f"first-run-{label}"))
                checked.append(f"first-run-{label}")
                page.close()
        browser.close()
    assert problems == [], "\n".join(problems)
    assert len(checked) == 2 * 16, checked
