"""The web app under a real uvicorn on 127.0.0.1, on a fresh SQLite file with one story, for
HTTP tests of the community layer: ``site(**setting_overrides)`` → (base URL, store, story id).
Helpers post forms the way a browser does, with the CSRF token of the page."""

from __future__ import annotations

import os
import re
import threading
import time
from datetime import UTC, datetime

import httpx
import pytest
import uvicorn

from crosswire.models import Article
from crosswire.pipeline import Pipeline
from crosswire.settings import load_settings
from crosswire.store import open_store
from crosswire.web import create_app
from tests.helpers.live_server import free_port

PASSWORD = "correct horse battery"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def TestClient(base: str, **kw) -> httpx.Client:  # noqa: N802 - reads like the FastAPI one
    return httpx.Client(base_url=kw.pop("base_url", base), timeout=30, **kw)


@pytest.fixture(name="site")
def community_site(tmp_path, monkeypatch):
    """Start the app under uvicorn on a fresh SQLite file, with one story to comment on;
    returns the base URL, a store on the same file, and the story id."""
    made: list = []

    def make(with_story: bool = True, **overrides):
        for key in [k for k in os.environ if k.startswith("CROSSWIRE_")]:
            monkeypatch.delenv(key)
        settings = load_settings(
            None,
            database_url=f"sqlite:///{tmp_path / f'site{len(made)}.db'}",
            trusted_networks="127.0.0.1/32",
            per_host_delay=0.0,
            embedder="hashing",
            **overrides,
        )
        store = open_store(settings.database_url)
        now = datetime.now(UTC)
        story = None
        if with_story:
            article, _ = store.add_article(
                Article(
                    title="Bridge closes",
                    text="The bridge closed.",
                    url="https://one.example/a",
                    source="one.example",
                    language="en",
                    published_at=now,
                )
            )
            story = store.create_story("Bridge closes", [article.id], now)
        app = create_app(settings, store, Pipeline(store, settings))
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        made.append((server, thread, store))
        return f"http://127.0.0.1:{port}", store, story.id if story else None

    yield make
    for server, thread, store in made:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


def token(client: TestClient, path: str = "/login") -> str:
    match = CSRF_RE.search(client.get(path).text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def signup(client: TestClient, name: str, password: str = PASSWORD):
    return client.post(
        "/signup",
        data={
            "name": name,
            "password": password,
            "password2": password,
            "csrf_token": token(client, "/signup"),
        },
        follow_redirects=False,
    )


def post(client: TestClient, path: str, data: dict, page: str = "/login"):
    """POST a form the way a browser does: with the token of the page that shows it."""
    return client.post(
        path, data={**data, "csrf_token": token(client, page)}, follow_redirects=False
    )
