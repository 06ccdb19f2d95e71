"""The storage contract, run against SQLite and PostgreSQL alike (the `store` fixture)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crosswire.models import (
    Article,
    Comment,
    Digest,
    Feed,
    ModerationEntry,
    Source,
    Submission,
    User,
    article_stamp,
)
from crosswire.store import StoreError

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def make_article(n: int, **kw) -> Article:
    defaults = dict(
        title=f"Harbour bridge reopens after repairs, day {n}",
        text=f"Engineers finished the work on the bridge on day {n}. Traffic resumed at noon.",
        url=f"https://example.org/news/{n}",
        source="example.org",
        published_at=T0 + timedelta(hours=n),
        language="en",
    )
    defaults.update(kw)
    return Article(**defaults)


def test_migrate_is_idempotent_and_versioned(store):
    assert store.schema_version() >= 1
    assert store.migrate() == []


def test_add_article_is_idempotent_by_url_and_external_id(store):
    first, created = store.add_article(make_article(1))
    assert created and first.id is not None
    again, created_again = store.add_article(make_article(1, title="Changed title"))
    assert not created_again and again.id == first.id and again.title == first.title
    by_ext, _ = store.add_article(make_article(2, url=None, external_id="x-2"))
    same, created3 = store.add_article(make_article(3, url=None, external_id="x-2"))
    assert not created3 and same.id == by_ext.id
    assert store.count_articles() == 2


def test_article_round_trip_keeps_every_field(store):
    original = make_article(
        5,
        byline="R. Vance",
        canonical_url="https://example.org/c/5",
        origin="wire.example",
        partial=True,
        site_name="Example",
        external_id="e5",
    )
    stored, _ = store.add_article(original)
    loaded = store.get_article(stored.id)
    for name in (
        "title",
        "text",
        "url",
        "canonical_url",
        "byline",
        "language",
        "source",
        "origin",
        "partial",
        "site_name",
        "external_id",
        "content_hash",
    ):
        assert getattr(loaded, name) == getattr(original, name), name
    assert loaded.published_at == original.published_at
    assert loaded.published_at.tzinfo is not None


def test_find_and_known_urls(store):
    a, _ = store.add_article(make_article(1, canonical_url="https://example.org/canon/1"))
    assert store.find_article(canonical_url="https://example.org/canon/1").id == a.id
    assert store.find_article(content_hash=a.content_hash).id == a.id
    assert store.find_article(url="https://nowhere.example/") is None
    known = store.known_urls(
        ["https://example.org/news/1", "https://example.org/canon/1", "https://example.org/other"]
    )
    assert known == {"https://example.org/news/1", "https://example.org/canon/1"}


def test_get_articles_keeps_requested_order(store):
    ids = [store.add_article(make_article(n))[0].id for n in range(4)]
    assert [a.id for a in store.get_articles(reversed(ids))] == list(reversed(ids))


def test_get_articles_without_text_keeps_every_other_field(store):
    ids = [store.add_article(make_article(n))[0].id for n in range(3)]
    full, heads = store.get_articles(ids), store.get_articles(ids, text=False)
    assert [a.text for a in heads] == ["", "", ""] and all(a.text for a in full)
    for a, b in zip(full, heads, strict=True):
        assert {**a.__dict__, "text": ""} == b.__dict__


def test_sources_upsert_keeps_known_fields(store):
    store.upsert_source(
        Source(domain="example.org", name="Example", country="GB", leaning="center")
    )
    store.upsert_source(Source(domain="example.org", language="en"))
    got = store.get_source("example.org")
    assert (got.name, got.country, got.leaning, got.language) == ("Example", "GB", "center", "en")
    assert [s.domain for s in store.list_sources()] == ["example.org"]


def test_story_lifecycle_membership_and_merge(store):
    ids = [store.add_article(make_article(n, source=f"s{n}.example"))[0].id for n in range(4)]
    s1 = store.create_story("One", ids[:2], T0)
    s2 = store.create_story("Two", ids[2:], T0 + timedelta(hours=1))
    assert store.get_story(s1.id).article_ids == ids[:2]
    assert store.count_stories() == 2
    assert [s.id for s in store.list_stories()] == [s2.id, s1.id]
    store.merge_stories(s2.id, s1.id, T0 + timedelta(hours=2))
    merged = store.get_story(s2.id)  # the old id resolves to the survivor
    assert merged.id == s1.id and sorted(merged.article_ids) == sorted(ids)
    assert store.get_story(s2.id, follow_merges=False).merged_into == s1.id
    assert store.count_stories() == 1
    assert set(store.story_assignments().values()) == {s1.id}


def test_stories_of_one_topic_list_each_other_and_survive_merges(store):
    ids = [store.add_article(make_article(n, source=f"s{n}.example"))[0].id for n in range(5)]
    first = store.create_story("Collapse", ids[:2], T0)
    inquiry = store.create_story("Inquiry", ids[2:3], T0 + timedelta(days=9))
    verdict = store.create_story("Verdict", ids[3:4], T0 + timedelta(days=20))
    other = store.create_story("Museum theft", ids[4:], T0 + timedelta(days=1))
    assert store.get_story(first.id).topic_id is None and store.related_stories(first.id) == []
    theme = {first.id: first.id, inquiry.id: first.id, verdict.id: first.id}
    store.set_story_topics(theme | {other.id: other.id})
    store.set_story_topics(theme)  # again: nothing changes
    assert store.story_topics([first.id, verdict.id, other.id, 999_999]) == {
        first.id: first.id,
        verdict.id: first.id,
        other.id: other.id,
    }
    assert store.get_story(inquiry.id).topic_id == first.id
    assert [s.id for s in store.related_stories(first.id)] == [verdict.id, inquiry.id]
    assert store.related_stories(other.id) == []
    assert store.topic_sizes([first.id, other.id, 999_999]) == {first.id: 3, other.id: 1}
    store.merge_stories(verdict.id, inquiry.id, T0 + timedelta(days=21))
    assert store.topic_sizes([first.id]) == {first.id: 2}  # the merged story is not counted
    shown = [s.id for s in store.ranked_stories(one_per_topic=True)]
    hottest = max(
        (store.get_story(i) for i in (first.id, inquiry.id)), key=lambda s: (s.hotness, s.id)
    )
    assert sorted(shown) == sorted([hottest.id, other.id])
    assert len(store.ranked_stories()) == 3
    assert sorted(s.id for s in store.ranked_stories(topic=first.id)) == [first.id, inquiry.id]
    assert store.ranked_stories(topic=999_999) == []
    page = store.ranked_stories(one_per_topic=True, limit=1)
    rest = store.ranked_stories(one_per_topic=True, after=(page[0].hotness, page[0].id))
    assert sorted(s.id for s in page + rest) == sorted(shown)
    related = store.related_stories(first.id)
    assert [s.id for s in related] == [inquiry.id]
    assert sorted(related[0].article_ids) == sorted(ids[2:4])
    assert [s.id for s in store.related_stories(verdict.id)] == [first.id]  # via its survivor


def test_attach_moves_an_article_between_stories(store):
    a, b = (store.add_article(make_article(n))[0].id for n in range(2))
    s1 = store.create_story("One", [a, b], T0)
    s2 = store.create_story("Two", [b], T0)
    assert store.get_story(s1.id).article_ids == [a]
    assert store.get_story(s2.id).article_ids == [b]


def test_a_story_is_as_new_as_its_newest_article(store):
    """A story made before its articles are known (the engine names it first) takes the
    time of its first articles; later its time moves forward, never back (a late import of
    an old article leaves it), and a merge moves the surviving story forward."""
    a, b, c, d = (store.add_article(make_article(n))[0].id for n in range(4))
    now = T0 + timedelta(days=400)
    story = store.create_story("", [], now)
    store.attach_to_story(story.id, [a], T0)
    made = store.get_story(story.id)
    assert (made.created_at, made.updated_at) == (T0, T0)
    store.attach_to_story(story.id, [b], T0 + timedelta(days=2))
    store.attach_to_story(story.id, [c], T0 + timedelta(days=1))
    grown = store.get_story(story.id)
    assert (grown.created_at, grown.updated_at) == (T0, T0 + timedelta(days=2))
    other = store.create_story("Other", [d], T0 + timedelta(days=5))
    store.merge_stories(other.id, story.id, T0 + timedelta(days=5))
    assert store.get_story(story.id).updated_at == T0 + timedelta(days=5)


def test_story_cursor_pagination_visits_each_story_once(store):
    seen = []
    for n in range(7):
        aid = store.add_article(make_article(n))[0].id
        store.create_story(f"S{n}", [aid], T0 + timedelta(minutes=n % 3))
    page = store.list_stories(limit=3)
    while page:
        seen.extend(s.id for s in page)
        last = page[-1]
        page = store.list_stories(limit=3, before=(last.updated_at, last.id))
    assert len(seen) == 7 == len(set(seen))


def test_digest_cache_is_stamped_and_goes_stale(store):
    a, b = (store.add_article(make_article(n))[0].id for n in range(2))
    story = store.create_story("S", [a], T0)
    assert store.stale_digests() == [story.id]
    store.save_digest(story.id, Digest(headline="H"), article_stamp([a]), title="H")
    assert store.stale_digests() == []
    assert store.get_story(story.id).digest == Digest(headline="H")
    store.attach_to_story(story.id, [b], T0)
    assert store.stale_digests() == [story.id]


def test_a_new_original_takes_over_its_copies_and_the_digest_goes_stale(store):
    old, copy, new = (store.add_article(make_article(n))[0].id for n in range(3))
    store.mark_duplicate(copy, old)
    story = store.create_story("S", [old, copy, new], T0)
    store.save_digest(story.id, Digest(), article_stamp([old, copy, new]), title="S")
    assert store.stale_digests() == []
    store.hand_original(old, new)
    assert [store.get_article(i).duplicate_of for i in (old, copy, new)] == [new, new, None]
    assert store.stale_digests() == [story.id]


def test_a_new_original_takes_over_copies_in_other_stories_too(store):
    """A late copy sits in a story of its own once its original's story has closed; when an
    earlier original arrives, that copy points at it too and its story's digest is rebuilt."""
    old, copy, late, new, other = (store.add_article(make_article(n))[0].id for n in range(5))
    store.mark_duplicate(copy, old)
    store.mark_duplicate(late, old)
    first = store.create_story("First", [old, copy], T0)
    later = store.create_story("Later", [late], T0 + timedelta(days=20))
    newest = store.create_story("Newest", [new], T0 + timedelta(days=21))
    unrelated = store.create_story("Unrelated", [other], T0)
    for story, ids in (
        (first, [old, copy]),
        (later, [late]),
        (newest, [new]),
        (unrelated, [other]),
    ):
        store.save_digest(story.id, Digest(), article_stamp(ids), title=story.title)
    store.hand_original(old, new)
    assert [store.get_article(i).duplicate_of for i in (old, copy, late, new)] == [new] * 3 + [None]
    assert sorted(store.stale_digests()) == sorted([first.id, later.id, newest.id])


def test_every_digest_can_be_flagged_for_rebuilding(store):
    a, b = (store.add_article(make_article(n))[0].id for n in range(2))
    built = store.create_story("Built", [a], T0)
    store.create_story("Never built", [b], T0)  # stale already: not counted again
    store.save_digest(built.id, Digest(), article_stamp([a]), title="Built")
    assert store.stale_digests() == [built.id + 1]
    assert store.mark_digests_stale() == 1
    assert sorted(store.stale_digests()) == [built.id, built.id + 1]
    assert store.mark_digests_stale() == 0


def test_unassigned_backlog_and_duplicates(store):
    a, b = (store.add_article(make_article(n))[0].id for n in range(2))
    store.mark_duplicate(b, a)
    assert store.get_article(b).duplicate_of == a
    assert [x.id for x in store.unassigned_articles()] == [a, b]
    store.create_story("S", [a, b], T0)
    assert store.unassigned_articles() == []


def test_search_finds_words_in_titles_and_text(store):
    store.add_article(make_article(1, title="Glacier retreat measured", text="Ice lost."))
    store.add_article(make_article(2, title="Budget vote", text="The glacier fund grew."))
    store.add_article(make_article(3, title="Nothing", text="Unrelated."))
    found = store.search_articles("glacier")
    assert [a.title for a in found][0] == "Glacier retreat measured"
    assert len(found) == 2
    assert store.search_articles('"; DROP TABLE articles; --') == []
    assert store.count_articles() == 3


def test_vectors_round_trip(store):
    aid = store.add_article(make_article(1))[0].id
    store.save_vectors("m", {aid: b"\x00\x01\x02"})
    store.save_vectors("m", {aid: b"\x03"})
    assert store.load_vectors("m", [aid]) == {aid: b"\x03"}
    assert store.load_vectors("other", [aid]) == {}


def test_feeds_claim_lease_and_backoff(store):
    feed = store.add_feed(Feed(url="https://example.org/rss", source_domain="example.org"))
    assert store.add_feed(Feed(url="https://example.org/rss")).id == feed.id
    now = datetime.now(UTC)
    claimed = store.claim_due_feeds(now, limit=10, lease_seconds=60)
    assert [f.id for f in claimed] == [feed.id]
    assert store.claim_due_feeds(now, limit=10, lease_seconds=60) == []  # leased
    store.record_feed_result(
        feed.id,
        fetched_at=now,
        next_fetch_at=now + timedelta(minutes=5),
        error="connection refused",
    )
    failed = store.get_feed(feed.id)
    assert failed.error_count == 1 and failed.last_error == "connection refused"
    store.record_feed_result(feed.id, fetched_at=now, next_fetch_at=now, etag='"v1"')
    ok = store.get_feed(feed.id)
    assert (ok.error_count, ok.last_error, ok.etag) == (0, None, '"v1"')
    assert store.claim_due_feeds(now + timedelta(seconds=1), 10, 60)[0].id == feed.id
    store.delete_feed(feed.id)
    assert store.list_feeds() == []


def test_community_records(store):
    user = store.create_user(User(name="ada", password_hash="h"))
    with pytest.raises(StoreError):
        store.create_user(User(name="ada", password_hash="h2"))
    mod = store.create_user(User(name="mo", password_hash="h"))
    store.set_user_role(mod.id, "moderator")
    assert store.get_user_by_name("mo").role == "moderator"
    aid = store.add_article(make_article(1))[0].id
    story = store.create_story("S", [aid], T0)
    sub = store.add_submission(Submission(url="https://example.org/news/1", user_id=user.id))
    store.update_submission(sub.id, status="done", article_id=aid, error=None)
    assert store.story_submissions(story.id)[0]["user_name"] == "ada"
    root = store.add_comment(Comment(story_id=story.id, user_id=user.id, body="First"))
    reply = store.add_comment(
        Comment(story_id=story.id, user_id=mod.id, body="Reply", parent_id=root.id)
    )
    assert store.vote(mod.id, "comment", root.id, 1) == 1
    assert store.vote(user.id, "comment", root.id, -1) == 0
    assert store.vote(user.id, "comment", root.id, 0) == 1
    store.update_comment(reply.id, body="Edited", edited_at=T0)
    comments = store.story_comments(story.id)
    assert [(c.body, c.parent_id, c.user_name) for c in comments] == [
        ("First", None, "ada"),
        ("Edited", root.id, "mo"),
    ]
    assert comments[0].score == 1
    store.flag(user.id, "comment", reply.id, "rude")
    store.flag(user.id, "comment", reply.id, "rude")  # once per user
    assert store.open_flags()[0]["flags"] == 1
    store.resolve_flags("comment", reply.id)
    assert store.open_flags() == []
    entry = store.log_moderation(
        ModerationEntry(
            moderator_id=mod.id, action="hide", target_type="comment", target_id=reply.id
        )
    )
    assert store.moderation_log()[0].id == entry.id


def test_meta(store):
    assert store.get_meta("k") is None
    store.set_meta("k", "v1")
    store.set_meta("k", "v2")
    assert store.get_meta("k") == "v2"


def test_migrations_upgrade_an_existing_database_in_place(store, monkeypatch):
    aid = store.add_article(make_article(1))[0].id
    before = store.schema_version()
    scripts = store._migration_scripts()
    extra = (before + 1, "CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY, note TEXT);")
    monkeypatch.setattr(store, "_migration_scripts", lambda: [*scripts, extra])
    assert store.migrate() == [before + 1]
    assert store.schema_version() == before + 1
    assert store.get_article(aid).title == make_article(1).title  # data survived
    assert store.migrate() == []


def test_both_dialects_have_every_migration_version_once(store, monkeypatch):
    versions = [v for v, _ in store._migration_scripts()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    assert {4, 6, 7} <= set(versions)  # the versions kept once, in migrations/common
    other = "postgres" if store.dialect == "sqlite" else "sqlite"
    monkeypatch.setattr(store, "dialect", other)
    assert [v for v, _ in store._migration_scripts()] == versions


def test_migration_13_drops_the_empty_story_rows_an_earlier_version_left(store):
    """Story rows are made with their articles now; an empty row left by an earlier version
    (made before an assignment that failed) goes, but not a merged story's redirect nor a
    row something refers to; live stories are then simply those not merged away."""
    a, b = (store.add_article(make_article(n))[0].id for n in range(2))
    live = store.create_story("Live", [a], T0)
    merged = store.create_story("Merged", [b], T0)
    store.merge_stories(merged.id, live.id, T0)
    empty = store.create_story("", [], T0)
    commented = store.create_story("", [], T0)
    user = store.create_user(User(name="ada", password_hash="h"))
    store.add_comment(Comment(story_id=commented.id, user_id=user.id, body="First"))
    with store.transaction():
        store._exec("DELETE FROM schema_migrations WHERE version = 13")
    assert store.migrate() == [13]
    assert store.get_story(empty.id) is None
    assert store.get_story(merged.id, follow_merges=False).merged_into == live.id
    assert {s.id for s in store.list_stories()} == {live.id, commented.id}
    assert store.count_stories() == 2
