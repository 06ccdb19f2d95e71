"""`crosswire serve` as a real process: pages, API, merged-story redirects, escaping,
and no feed errors for readers who are not administrators."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime

import httpx
import pytest

from crosswire.models import Article, Feed, article_stamp
from crosswire.store import open_store
from crosswire.store.digest_json import digest_from_json

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path, sqlite_url):
    now = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
    with open_store(sqlite_url) as store:
        a = store.add_article(
            Article(
                title="Bridge closes " + XSS,
                text="The bridge closed.",
                url="https://one.example/a",
                source="one.example",
                language="en",
                published_at=now,
            )
        )[0]
        b = store.add_article(
            Article(
                title="Pont fermé",
                text="Le pont est fermé.",
                url="https://deux.example/b",
                source="deux.example",
                language="fr",
                published_at=now,
            )
        )[0]
        c = store.add_article(
            Article(
                title="Bridge shut",
                text="Shut.",
                url="https://three.example/c",
                source="three.example",
                published_at=now,
            )
        )[0]
        keep = store.create_story("Bridge closes", [a.id, b.id], now)
        gone = store.create_story("Bridge shut", [c.id], now)
        store.merge_stories(gone.id, keep.id, now)
        digest = digest_from_json(
            {
                "headline": "Bridge closes " + XSS,
                "summary": [
                    {
                        "text": "The bridge closed.",
                        "article_id": a.id,
                        "source": "one.example",
                        "sources": ["one.example", "deux.example"],
                    }
                ],
                "comparison": {
                    "conflicts": [
                        {
                            "kind": "casualty",
                            "topic": "workers",
                            "sides": [
                                {
                                    "claim": "killed",
                                    "sources": ["one.example"],
                                    "sentence": "Two were killed.",
                                    "article_id": a.id,
                                },
                                {
                                    "claim": "injured",
                                    "sources": ["deux.example"],
                                    "sentence": "Two injured.",
                                    "article_id": b.id,
                                },
                            ],
                        }
                    ]
                },
                "spread": {"language": {"en": 2, "fr": 1}, "blindspot": None},
            }
        )
        store.save_digest(keep.id, digest, article_stamp([a.id, b.id, c.id]), title=digest.headline)
        feed = store.add_feed(Feed(url="http://127.0.0.1:9/unreachable.xml"))
        store.record_feed_result(
            feed.id, fetched_at=now, next_fetch_at=now, error="connection refused"
        )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crosswire",
            "serve",
            "--db",
            sqlite_url,
            "--port",
            str(port),
            "--no-fetch",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/feeds", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.3)
    yield base, keep.id, gone.id
    proc.terminate()
    proc.wait(timeout=20)
    if proc.stdout:
        proc.stdout.close()


def test_pages_api_redirects_and_escaping(served):
    base, keep, gone = served
    front = httpx.get(base + "/")
    assert front.status_code == 200
    assert "Latest news" in front.text
    # feed errors are for administrators (tests/web/test_first_run.py), not passers-by
    assert "could not be reached" not in front.text and "connection refused" not in front.text
    assert "<script>alert" not in front.text and "&lt;script&gt;" in front.text
    assert "default-src 'self'" in front.headers["content-security-policy"]
    story = httpx.get(f"{base}/stories/{keep}")
    assert story.status_code == 200
    assert "Where the outlets differ" in story.text and "killed" in story.text
    assert 'class="marker"' in story.text and ">deux.example</a>" in story.text
    assert "<img src=x" not in story.text
    moved = httpx.get(f"{base}/stories/{gone}")
    assert moved.status_code == 301 and moved.headers["location"] == f"/stories/{keep}"
    assert httpx.get(f"{base}/stories/999999").status_code == 404
    api = httpx.get(base + "/api/stories").json()
    assert [s["id"] for s in api["stories"]] == [keep]
    assert api["stories"][0]["article_count"] == 3
    one = httpx.get(f"{base}/api/stories/{keep}").json()
    assert {a["source"] for a in one["articles"]} == {
        "one.example",
        "deux.example",
        "three.example",
    }
    assert httpx.get(base + "/api/search", params={"q": "pont"}).json()["articles"]
    atom = httpx.get(base + "/feed.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    assert "&lt;script&gt;" in atom.text
    assert httpx.get(base + "/openapi.json").json()["info"]["title"] == "crosswire"
