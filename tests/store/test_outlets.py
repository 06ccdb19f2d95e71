"""The outlet registry's part of the contract, on SQLite and PostgreSQL alike: loaded by
migrate (once: a reload only when the shipped data change), resolved for every stored
article, the operator's values logged and kept across reloads, and written to the outlet's
``sources`` row that pages read."""

from __future__ import annotations

import json
import time

from crosswire.models import Article, Digest, Source
from crosswire.store import open_store


def test_a_fresh_store_knows_thousands_of_outlets(store):
    stats = store.outlet_stats()
    assert stats["outlets"] >= 5000
    assert stats["with_language"] >= 5000
    assert stats["with_country"] >= 2500
    assert stats["with_owner_and_typology"] >= 500
    nyt = store.get_outlet("nytimes.com")
    assert nyt.name == "The New York Times" and nyt.country == "US" and nyt.languages == ["en"]
    assert nyt.provenance["name"] == "crosswire"
    media = store.get_outlet("mediapart.fr")
    assert media.owner and media.typology == "private" and media.provenance["owner"] == "kite-media"


def test_loading_is_idempotent_and_quick(store_url):
    store = open_store(store_url)
    try:
        started = time.perf_counter()
        assert store.load_outlet_registry() == 0  # already current: one meta read
        assert time.perf_counter() - started < 0.5
        before = store.outlet_stats()
        assert store.load_outlet_registry(force=True) == before["outlets"]
        assert store.outlet_stats() == before
    finally:
        store.close()


def test_every_path_stores_the_resolved_outlet(store):
    stored = store.add_articles(
        [
            Article(title="a", text="one", source="https://edition.cnn.com/x"),
            Article(title="b", text="two", url="https://feeds.bbci.co.uk/news/x"),
            Article(title="c", text="three", source="The New York Times"),
            Article(title="d", text="four", source="unknown.example.de", site_name="Der Beispiel"),
            Article(title="e", text="five", source="Some Local Paper"),
        ]
    )
    assert [a.source for a, _ in stored] == [
        "cnn.com",
        "bbc.com",
        "nytimes.com",
        "example.de",
        "Some Local Paper",
    ]
    cnn = store.get_source("cnn.com")
    assert cnn.name == "CNN" and cnn.country == "US" and cnn.leaning == "lean-left"
    page = store.get_source("example.de")
    assert page.name == "Der Beispiel" and page.country == "DE"
    assert json.loads(page.provenance) == {"country": "cctld", "name": "page"}
    assert store.get_outlet("example.de").provenance == {"country": "cctld", "name": "page"}


def test_a_described_source_keeps_its_own_key(store):
    store.upsert_source(Source(domain="news.example.org", name="News", provenance="feed list"))
    article, _ = store.add_article(Article(title="a", text="b", source="news.example.org"))
    assert article.source == "news.example.org"
    other, _ = store.add_article(Article(title="c", text="d", source="sport.example.org"))
    assert other.source == "example.org"


def test_operator_values_are_logged_win_and_survive_a_reload(store):
    store.add_article(Article(title="a", text="b", source="huffpost.com"))
    assert store.get_source("huffpost.com").leaning is None
    changes = store.set_outlet("huffpost.com", {"leaning": "lean-left", "country": "US"})
    assert [(c.field, c.old, c.new) for c in changes] == [("leaning", None, "lean-left")]
    assert store.get_source("huffpost.com").leaning == "lean-left"  # pages see it at once
    store.load_outlet_registry(force=True)
    outlet = store.get_outlet("huffpost.com")
    assert outlet.leaning == "lean-left" and outlet.provenance["leaning"] == "operator"
    assert store.get_source("huffpost.com").leaning == "lean-left"
    store.set_outlet("nytimes.com", {"leaning": None, "languages": ["en", "es"]})
    nyt = store.get_outlet("nytimes.com")
    assert nyt.leaning is None and nyt.languages == ["en", "es"]
    log = store.outlet_changes()
    assert [(c.domain, c.field) for c in log][:3] == [
        ("nytimes.com", "languages"),
        ("nytimes.com", "leaning"),
        ("huffpost.com", "leaning"),
    ]
    assert log[1].old == "lean-left" and log[1].new is None and log[1].by == "operator"
    assert store.outlet_changes("huffpost.com")[0].at is not None
    assert store.outlet_stats()["with_leaning"] == 33  # one rated, one cleared


def test_an_operator_outlet_outside_the_registry_and_its_subdomain_key(store):
    store.set_outlet("local.example.net", {"name": "Local", "leaning": "center"})
    assert store.outlet_resolver().resolve("https://local.example.net/x") == "local.example.net"
    article, _ = store.add_article(
        Article(title="a", text="b", url="https://local.example.net/story")
    )
    assert article.source == "local.example.net"
    assert store.get_source("local.example.net").name == "Local"
    assert store.outlet_by_name("local") == "local.example.net"


def test_an_operator_change_makes_the_outlets_digests_stale(store):
    from datetime import UTC, datetime

    from crosswire.models import article_stamp

    stored = store.add_articles(
        [
            Article(title=f"t{n}", text=f"x{n}", source=s)
            for n, s in enumerate(["foxnews.com", "cnn.com", "cnn.com"])
        ]
    )
    ids = [a.id for a, _ in stored]
    at = datetime(2026, 4, 2, tzinfo=UTC)
    fox = store.create_story("fox", [ids[0]], at)
    cnn = store.create_story("cnn", ids[1:], at)
    store.save_digest(fox.id, Digest(headline="fox"), article_stamp([ids[0]]))
    store.save_digest(cnn.id, Digest(headline="cnn"), article_stamp(ids[1:]))
    assert store.stale_digests() == []
    store.set_outlet("cnn.com", {"owner": "Warner Bros. Discovery"})  # unchanged
    store.load_outlet_registry(force=True)  # nothing new for the seen outlets
    assert store.stale_digests() == []
    store.set_outlet("cnn.com", {"leaning": "center"})
    assert store.stale_digests() == [cnn.id]


def test_articles_stored_before_the_registry_move_to_their_outlet(store):
    from datetime import UTC, datetime

    stored = store.add_articles(
        [Article(title=f"t{n}", text=f"x{n}", source=f"s{n}.example") for n in range(3)]
    )
    ids = [a.id for a, _ in stored]
    story = store.create_story("old", ids, datetime(2026, 4, 2, tzinfo=UTC))
    for article_id, old in zip(ids, ["edition.cnn.com", "cnn.com", "www.bbc.co.uk"], strict=True):
        store._exec("UPDATE articles SET source = ? WHERE id = ?", (old, article_id))
    store._exec("UPDATE articles SET site_name = 'BBC' WHERE id = ?", (ids[2],))
    assert store.resolve_stored_sources(dry_run=True) == {
        "edition.cnn.com": "cnn.com",
        "www.bbc.co.uk": "bbc.com",
    }
    assert store.get_article(ids[0]).source == "edition.cnn.com"  # a dry run moves nothing
    store.resolve_stored_sources()
    assert [a.source for a in store.get_articles(ids)] == ["cnn.com", "cnn.com", "bbc.com"]
    assert store.get_source("bbc.com").name == "BBC News"
    assert store.story_outlets([story.id])[story.id][0]["source"] == "cnn.com"
    assert store.resolve_stored_sources() == {}


def test_processes_opening_a_new_store_at_once_load_it_once(store_url):
    from concurrent.futures import ThreadPoolExecutor

    first = open_store(store_url)
    first._exec("DELETE FROM meta WHERE key = 'outlets.registry'")  # as after an upgrade
    stores = [open_store(store_url, migrate=False) for _ in range(4)]
    try:
        with ThreadPoolExecutor(4) as pool:
            loaded = list(pool.map(lambda s: s.load_outlet_registry(), stores))
        assert sorted(loaded)[:3] == [0, 0, 0] and loaded.count(0) == 3
        assert first.outlet_stats()["outlets"] == max(loaded)
    finally:
        for s in [first, *stores]:
            s.close()
