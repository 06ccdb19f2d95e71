"""The storage contract split by entity: small contracts, each backend complete, the SQL in
files of one entity each, and the spelled-out keywords of the contract kept by the SQL."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime
from pathlib import Path

import pytest

import crosswire.store as store_package
from crosswire.models import Feed, article_stamp, ids_stamp
from crosswire.store import articles, base, community, digests, feeds, outlets, stories
from crosswire.store.digest_json import digest_from_json
from crosswire.store.digests_sql import digest_of, digest_row
from crosswire.store.postgres import PostgresStore
from crosswire.store.sqlite import SqliteStore

CONTRACTS = [
    cls
    for module in (articles, base, community, digests, feeds, outlets, stories)
    for _, cls in inspect.getmembers(module, inspect.isclass)
    if cls.__module__ == module.__name__ and getattr(cls, "__abstractmethods__", None) is not None
]


def own_abstract(cls: type) -> set[str]:
    return {
        name for name, value in vars(cls).items() if getattr(value, "__isabstractmethod__", False)
    }


def test_every_contract_is_small():
    assert {c.__name__ for c in CONTRACTS} >= {
        "ArticleStore",
        "ArticleQueries",
        "StoryStore",
        "StoryQueries",
        "DigestStore",
        "FeedStore",
        "OutletStore",
        "CommunityStore",
        "PipelineStore",
        "Store",
    }
    sizes = {c.__name__: len(own_abstract(c)) for c in CONTRACTS}
    assert max(sizes.values()) <= 30, sizes


def test_the_pipeline_part_stays_small_and_store_holds_every_part():
    assert len(base.PipelineStore.__abstractmethods__) <= 26
    everything = set().union(*(own_abstract(c) for c in CONTRACTS))
    assert set(base.Store.__abstractmethods__) == everything


@pytest.mark.parametrize("backend", [SqliteStore, PostgresStore])
def test_each_backend_implements_the_whole_contract(backend):
    assert not backend.__abstractmethods__


def test_no_store_file_is_long():
    folder = Path(store_package.__file__).parent
    lengths = {p.name: len(p.read_text("utf-8").splitlines()) for p in folder.glob("*.py")}
    assert max(lengths.values()) <= 500, lengths


def test_the_stamp_sql_aggregates_is_article_stamp():
    for ids in ([], [7], [3, 9, 12]):
        assert ids_stamp(len(ids), max(ids, default=None), sum(ids) or None) == article_stamp(ids)


def test_a_digest_is_stored_as_json_with_its_lead_and_places():
    digest = {
        "headline": "Dam opens",
        "summary": [{"text": "The dam opened."}, {"text": "More."}],
        "places": [
            {"code": "pt", "name": "Portugal"},
            {"code": "es"},
            {"code": "pt", "name": "Portugal"},
            {},
        ],
    }
    payload, lead, places = digest_row(digest_from_json(digest))
    assert lead == "The dam opened."
    assert places == [("pt", "Portugal"), ("es", "es")]
    assert digest_of(payload) == digest_from_json(digest)
    assert digest_of(None) is None and digest_of("") is None


def test_keywords_the_contract_does_not_name_are_refused(sqlite_store):
    with pytest.raises(TypeError, match="'uri'"):
        sqlite_store.find_article(uri="https://example.org/a")
    with pytest.raises(TypeError, match="'sources'"):
        sqlite_store.list_articles(sources="example.org")
    with pytest.raises(TypeError, match="'lang'"):
        sqlite_store.ranked_stories(lang="en")
    with pytest.raises(TypeError, match="'text'"):
        sqlite_store.update_comment(1, text="edited")
    feed = sqlite_store.add_feed(Feed(url="https://example.org/feed.xml"))
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with pytest.raises(TypeError, match="'errors'"):
        sqlite_store.record_feed_result(feed.id, fetched_at=now, next_fetch_at=now, errors="x")
    sqlite_store.record_feed_result(feed.id, fetched_at=now, next_fetch_at=now, etag='"v1"')
    assert sqlite_store.get_feed(feed.id).etag == '"v1"'
