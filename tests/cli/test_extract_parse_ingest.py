"""`crosswire extract`, `crosswire feeds parse` and `crosswire ingest`'s report, in process."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from crosswire.cli import cli
from crosswire.models import Feed, utcnow
from crosswire.store import open_store
from tests.helpers.fixture_server import fixture_server  # noqa: F401

pytestmark = pytest.mark.timeout(60)

PAGE = """<!doctype html><html lang="en"><head>
<title>Harbour bridge reopens | Tidewater Post</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="Tidewater Post">
<meta property="article:published_time" content="2024-04-02T09:30:00+02:00">
<link rel="canonical" href="https://tidewater.example/news/bridge?utm_source=x">
<script type="application/ld+json">{"@type": "NewsArticle",
 "headline": "Harbour bridge reopens after repairs",
 "author": [{"@type": "Person", "name": "Mara Quill"}, {"@type": "Person", "name": "Ots Berend"}]}
</script></head><body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge in Tidewater reopened to traffic on Tuesday after eight months of
repairs to its southern span, the city's transport office said.</p>
<p>Engineers replaced forty steel cables and resurfaced the whole deck, and the bridge will
now carry trams again from next month, according to the office.</p>
</article></body></html>"""

FEED = """<?xml version="1.0" encoding="utf8mb4"?><rss version="2.0"><channel>
<title>Tidewater Post</title><link>https://tidewater.example/</link>
<item><title>Why &lt;blink&gt; never died</title><link>https://tidewater.example/a/1</link>
<pubDate>mer, 16 nov 2022 10:00:00 +0100</pubDate><description>A tag's long life.</description>
</item></channel></rss>"""


def run(*args: str, env: dict[str, str] | None = None):
    base = {"CROSSWIRE_EMBEDDER": "hashing", "CROSSWIRE_PER_HOST_DELAY": "0"}
    return CliRunner().invoke(cli, list(args), env={**base, **(env or {})}, obj={})


def test_extract_file_prints_what_the_pipeline_reads(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    done = run("extract", str(page), "--url", "https://tidewater.example/news/bridge", "--json")
    assert done.exit_code == 0, done.output
    row = json.loads(done.stdout)
    assert row["title"] == "Harbour bridge reopens after repairs"
    assert row["authors"] == ["Mara Quill", "Ots Berend"]
    assert row["published"] == "2024-04-02T09:30:00+02:00"  # the page's own offset
    assert row["canonical_url"] == "https://tidewater.example/news/bridge"
    assert row["language"] == "en" and row["site_name"] == "Tidewater Post"
    assert row["text"].startswith("The harbour bridge in Tidewater reopened")


def test_extract_missing_file_is_one_line(tmp_path):
    done = run("extract", str(tmp_path / "nope.html"))
    assert done.exit_code == 1 and "no such file" in done.output


def test_feeds_parse_file_shows_entries_as_stored(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED.encode("utf-8"))
    done = run("feeds", "parse", str(feed), "--json")
    assert done.exit_code == 0, done.output
    row = json.loads(done.stdout)
    [entry] = row["entries"]
    assert entry["title"] == "Why <blink> never died"
    assert entry["published"] == "2022-11-16T09:00:00+00:00"
    assert entry["url"] == "https://tidewater.example/a/1" and entry["partial"] is True


def test_ingest_all_failed_exits_nonzero_and_lists_each_failure_once(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    with open_store(db) as store:
        for port in (9, 10):  # nothing listens; loopback refused anyway without the setting
            store.add_feed(Feed(url=f"http://127.0.0.1:{port}/feed.xml", interval_seconds=600))
    done = run("ingest", "--no-cluster", "--db", db)
    assert done.exit_code == 1
    lines = done.output.splitlines()
    for port in (9, 10):
        assert sum(f"127.0.0.1:{port}/feed.xml" in line and "failed" in line for line in lines) == 1
    assert "retry in" in done.output and "all 2 feeds failed" in done.output
    assert "next feed due in" in done.output


def test_ingest_with_nothing_due_says_when_the_next_feed_is(tmp_path):
    db = f"sqlite:///{tmp_path / 'y.db'}"
    with open_store(db) as store:
        feed = store.add_feed(Feed(url="http://127.0.0.1:9/feed.xml", interval_seconds=600))
        later = utcnow() + timedelta(minutes=30)
        store.record_feed_result(feed.id, fetched_at=utcnow(), next_fetch_at=later)
    done = run("ingest", "--no-cluster", "--db", db)
    assert done.exit_code == 0, done.output
    assert "no feed due now (1 followed)" in done.output
    assert "next feed due in 30 min" in done.output


def test_feeds_parse_and_extract_fetch_urls_through_the_guard(fixture_server):  # noqa: F811
    fixture_server.route("/feed.xml", body=FEED.encode(), content_type="application/rss+xml")
    fixture_server.route("/bridge.html", body=PAGE.encode(), content_type="text/html")
    trusted = {
        "CROSSWIRE_TRUSTED_NETWORKS": "127.0.0.1/32",
        "CROSSWIRE_ALLOW_PRIVATE_ADDRESSES": "false",
    }
    parsed = run("feeds", "parse", fixture_server.url("/feed.xml"), "--json", env=trusted)
    assert parsed.exit_code == 0, parsed.output
    assert json.loads(parsed.stdout)["entries"][0]["title"] == "Why <blink> never died"
    page = run("extract", fixture_server.url("/bridge.html"), "--json", env=trusted)
    assert page.exit_code == 0, page.output
    assert json.loads(page.stdout)["authors"] == ["Mara Quill", "Ots Berend"]
    refused = run("extract", fixture_server.url("/bridge.html"), "--json")
    assert refused.exit_code == 1 and "loopback" in refused.output
