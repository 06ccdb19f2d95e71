"""The reader pages, API and feeds served from PostgreSQL by a real ``crosswire serve``:
the front-page order, filters, search and feeds use the PostgreSQL side of the store."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import httpx

from crosswire.models import Article, Source, article_stamp
from crosswire.store import open_store
from crosswire.store.digest_json import digest_from_json
from tests.helpers.live_server import digests_current, live_server

T0 = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)


def test_reader_side_on_postgres(pg_url, tmp_path):
    with open_store(pg_url) as store:
        store.upsert_source(Source(domain="one.example", name="One", country="GB", leaning="left"))
        store.upsert_source(Source(domain="deux.example", name="Deux", country="FR"))
        ids = []
        for n, (source, lang, title) in enumerate(
            [
                ("one.example", "en", "Harbour bridge in Velmora closes"),
                ("deux.example", "fr", "Le pont de Velmora est fermé"),
                ("one.example", "en", "Library opens <b>late</b>"),
            ]
        ):
            article, _ = store.add_article(
                Article(
                    title=title,
                    text=f"{title}. More words.",
                    url=f"https://{source}/{n}",
                    source=source,
                    language=lang,
                    published_at=T0 + timedelta(hours=n),
                )
            )
            ids.append(article.id)
        bridge = store.create_story("Bridge", ids[:2], T0 + timedelta(hours=1))
        library = store.create_story("Library", ids[2:], T0 - timedelta(hours=30))
        digest = digest_from_json(
            {
                "headline": "Velmora bridge closes",
                "summary": [{"text": "It closed."}],
                "places": [{"code": "PE", "name": "Peru", "articles": 2}],
            }
        )
        store.save_digest(bridge.id, digest, article_stamp(ids[:2]), title=digest.headline)
        store.save_digest(bridge.id, digest, article_stamp(ids[:2]))  # rebuilt: places once
        digests_current(store, embedder="hashing")
    with (
        live_server(pg_url, tmp_path, env={"CROSSWIRE_EMBEDDER": "hashing"}) as base,
        httpx.Client(base_url=base, timeout=30) as client,
    ):
        listed = client.get("/api/stories").json()
        assert [s["id"] for s in listed["stories"]] == [bridge.id, library.id]
        assert listed["stories"][0]["lead"] == "It closed."
        first = client.get("/api/stories", params={"limit": 1}).json()
        second = client.get("/api/stories", params={"cursor": first["next_cursor"]}).json()
        assert [s["id"] for s in second["stories"]] == [library.id]
        assert [s["id"] for s in client.get("/api/stories?country=FR").json()["stories"]] == [
            bridge.id
        ]
        assert client.get("/api/stories?lang=de").json()["stories"] == []
        there = client.get("/api/stories?place=pe").json()["stories"]
        assert [(s["id"], s["places"]) for s in there] == [
            (bridge.id, [{"code": "PE", "name": "Peru"}])
        ]
        assert client.get("/api/stories?place=FR").json()["stories"] == []
        found = client.get("/api/search", params={"q": "velmora"}).json()
        assert [s["id"] for s in found["stories"]] == [bridge.id] and len(found["articles"]) == 2
        for path in ("/", f"/stories/{bridge.id}", "/sources/one.example", "/search?q=pont"):
            page = client.get(path)
            assert page.status_code == 200, path
            assert "<b>late</b>" not in page.text
        for path in (
            "/feed.atom",
            "/feed.rss",
            f"/stories/{bridge.id}/feed.atom",
            "/sources/deux.example/feed.atom",
            "/search/feed.atom?q=velmora",
        ):
            ET.fromstring(client.get(path).content)
        assert client.get("/api/stories/999999").status_code == 404
        assert client.get("/api/search", params={"q": "\x00 bridge"}).status_code == 200
