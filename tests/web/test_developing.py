"""Developing stories end to end: the pipeline gives two events of one theme one topic, the
store keeps it, and the story page and the API link each event to the other."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import httpx
from click.testing import CliRunner

from crosswire.cli import cli
from crosswire.pipeline import Pipeline
from crosswire.settings import load_settings
from crosswire.store import open_store
from tests.cluster.test_topics import stream
from tests.helpers.live_server import live_server


def test_events_of_one_theme_link_to_each_other(tmp_path):
    url = f"sqlite:///{tmp_path / 'crosswire.db'}"
    store = open_store(url)
    pipeline = Pipeline(store, load_settings(database_url=url, embedder="hashing"))
    articles = [replace(a, id=None) for a in stream()]
    pipeline.add_articles(articles[:3])
    pipeline.add_articles(articles[3:])  # ten days later: the inquiry
    stories = {a.title: a.story_id for a in store.list_articles(limit=10)}
    collapse = stories["Corvane bridge collapses"]
    inquiry = stories["Corvane bridge inquiry opens"]
    theft = stories["Masks stolen from Marrowby museum"]
    assert len({collapse, inquiry, theft}) == 3
    assert store.story_topics([collapse, inquiry, theft]) == {
        collapse: collapse,
        inquiry: collapse,
        theft: theft,
    }
    # a restarted engine keeps the stored topics: a later report joins the same ones
    late = replace(articles[4], id=None, url="https://late.example/6", source="late.example")
    Pipeline(store, load_settings(database_url=url, embedder="hashing")).add_articles([late])
    assert store.get_story(store.find_article(url=late.url).story_id).topic_id == collapse
    store.close()
    shown = CliRunner().invoke(cli, ["story", str(inquiry), "--db", url, "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["related"] == [
        {"id": collapse, "title": "Corvane bridge collapses"}
    ]
    listed = CliRunner().invoke(cli, ["stories", "--db", url, "--json"])
    assert {s["id"]: s["topic_id"] for s in json.loads(listed.output)}[inquiry] == collapse
    with (
        live_server(url, tmp_path, env={"CROSSWIRE_EMBEDDER": "hashing"}) as base,
        httpx.Client(base_url=base, timeout=30) as client,
    ):
        page = client.get(f"/stories/{inquiry}").text
        assert "Developing story" in page and f'href="/stories/{collapse}"' in page
        assert f'href="/stories/{theft}"' not in page
        api = client.get(f"/api/stories/{collapse}").json()
        assert api["topic_id"] == collapse
        assert [r["id"] for r in api["related"]] == [inquiry]
        cards = client.get("/api/stories").json()["stories"]
        assert {c["id"]: c["topic_id"] for c in cards}[theft] == theft
        assert {c["id"]: c["topic_size"] for c in cards} == {collapse: 2, inquiry: 2, theft: 1}
        front = client.get("/").text  # one card per developing story: its latest event
        assert f'href="/?topic={collapse}">developing story: 1 other event<' in front
        assert f'href="/?topic={theft}"' not in front
        assert f'id="story-{theft}"' in front and f'id="story-{collapse}"' not in front
        every = client.get("/", params={"all": "1"}).text
        assert all(f'id="story-{s}"' in every for s in (collapse, inquiry, theft))
        saga = client.get("/", params={"topic": collapse}).text  # the developing story's events
        assert "<h1>Developing story</h1>" in saga and "began with" in saga
        assert f'href="/stories/{collapse}" dir="auto">Corvane bridge collapses<' in saga
        assert f'id="story-{collapse}"' in saga and f'id="story-{inquiry}"' in saga
        assert f'id="story-{theft}"' not in saga
        listed = client.get("/api/stories", params={"topic": collapse}).json()["stories"]
        assert sorted(c["id"] for c in listed) == sorted([collapse, inquiry])
        assert client.get("/api/stories", params={"topic": 0}).status_code == 422
        filtered = client.get("/", params={"q": "bridge"}).text  # filters list every match
        assert f'id="story-{collapse}"' in filtered and f'id="story-{inquiry}"' in filtered
        alone = client.get(f"/stories/{theft}").text
        assert "Developing story" not in alone


def test_a_restarted_engine_remembers_developing_stories_older_than_its_stories(tmp_path):
    url = f"sqlite:///{tmp_path / 'crosswire.db'}"
    store = open_store(url)
    settings = load_settings(database_url=url, embedder="hashing")
    collapse, second, theft, inquiry, _ = (replace(a, id=None) for a in stream())
    theft = replace(theft, published_at=collapse.published_at + timedelta(days=19))
    inquiry = replace(inquiry, published_at=collapse.published_at + timedelta(days=20))
    Pipeline(store, settings).add_articles([collapse, second, theft])
    # a new process: the collapse is older than the stories it rebuilds (14 days)
    Pipeline(store, settings).add_articles([inquiry])
    first = store.find_article(url=collapse.url).story_id
    later = store.find_article(url=inquiry.url).story_id
    assert later != first
    assert store.story_topics([later]) == {later: first}
    store.close()
