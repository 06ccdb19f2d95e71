"""An import whose sources are URLs or domains of well-known outlets shows each outlet by
name and country on its story page and in ``/api/stories`` (articles of the project's own
writing; the real ``crosswire import`` and ``crosswire serve``)."""

from __future__ import annotations

import html
import os
import subprocess
import sys

import httpx
import pytest

from crosswire.store import open_store
from tests.helpers.live_server import live_server
from tests.outlets.fixture_articles import OUTLETS, write_import_file

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def test_imported_outlets_have_names_and_countries(tmp_path):
    db = f"sqlite:///{tmp_path / 'import.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env["CROSSWIRE_EMBEDDER"] = "hashing"
    done = subprocess.run(
        [sys.executable, "-m", "crosswire", "import", str(write_import_file(tmp_path / "a.jsonl"))]
        + ["--db", db],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    store = open_store(db)
    expected = {}  # story id -> {(name, country)}
    for n, (key, name, country) in enumerate(OUTLETS.values()):
        article = store.find_article(external_id=f"estrel-{n}")
        assert article.source == key and article.story_id is not None
        expected.setdefault(article.story_id, set()).add((name, country))
    store.close()
    with live_server(db, tmp_path, env={"CROSSWIRE_EMBEDDER": "hashing"}) as base:
        for story_id, outlets in expected.items():
            page = httpx.get(f"{base}/stories/{story_id}", timeout=30)
            assert page.status_code == 200
            header = page.text[page.text.index('class="muted story-outlets"') :]
            header = html.unescape(header[: header.index("</p>")])
            for name, country in outlets:
                assert f'data-country="{country}"' in header and f">{name} <span" in header, name
                assert f'<span class="muted">{country}</span>' in header
        seen = {}
        url = f"{base}/api/stories?limit=100"
        body = httpx.get(url, timeout=30).json()
        for card in body["stories"]:
            for outlet in card["outlets"]:
                seen[outlet["domain"]] = (outlet["name"], outlet["country"])
    assert {key: seen.get(key) for key, _, _ in OUTLETS.values()} == {
        key: (name, country) for key, name, country in OUTLETS.values()
    }
