"""The readers' storage contract on SQLite and PostgreSQL (the ``store`` fixture)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crosswire.models import Article, Digest, Follow, Place, User
from crosswire.store.readers import readers_of

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def article(n: int, source: str = "one.example", title: str = "") -> Article:
    return Article(
        title=title or f"Dam holds after storm, report {n}",
        text=f"Engineers inspected the dam, report {n}.",
        url=f"https://{source}/{n}",
        source=source,
        language="en",
        published_at=T0 + timedelta(hours=n),
    )


def add(store, *arts: Article) -> list[int]:
    return [a.id for a, _ in store.add_articles(list(arts))]


@pytest.fixture
def reader(store):
    return store.create_user(User(name="rita", password_hash="x"))


def test_follow_is_idempotent_and_counts_new_articles(store, reader):
    readers = readers_of(store)
    a1, a2 = add(store, article(1), article(2, "two.example"))
    story = store.create_story("Dam holds", [a1, a2], T0)
    follow = readers.add_follow(Follow(user_id=reader.id, kind="story", target=str(story.id)))
    again = readers.add_follow(Follow(user_id=reader.id, kind="story", target=str(story.id)))
    assert again.id == follow.id and follow.seen_article_id == a2
    outlet = readers.add_follow(Follow(user_id=reader.id, kind="outlet", target="two.example"))
    assert [f.id for f in readers.list_follows(reader.id)] == [follow.id, outlet.id]
    assert readers.count_new_articles(follow) == 0
    a3, a4 = add(store, article(3, "two.example"), article(4, "three.example"))
    store.attach_to_story(story.id, [a3, a4], T0 + timedelta(hours=4))
    assert readers.count_new_articles(follow) == 2
    assert readers.count_new_articles(follow, muted_outlets=["three.example"]) == 1
    assert readers.count_new_articles(follow, cap=1) == 1
    assert readers.count_new_articles(outlet) == 1
    readers.mark_follows_seen([follow.id], T0)
    assert readers.count_new_articles(readers.get_follow(follow.id)) == 0
    # a merge: the follow goes on with the story it was merged into
    a5 = add(store, article(5))[0]
    other = store.create_story("Dam holds (2)", [a5], T0)
    store.merge_stories(story.id, other.id, T0 + timedelta(hours=5))
    seen = readers.get_follow(follow.id)
    assert readers.follow_story_ids(seen) == [other.id]
    assert readers.live_story_ids([story.id, other.id, 999]) == {
        story.id: other.id,
        other.id: other.id,
    }
    readers.delete_follow(follow.id)
    assert readers.get_follow(follow.id) is None


def test_follow_kinds_give_their_stories(store, reader):
    readers = readers_of(store)
    a1, a2, a3 = add(
        store, article(1), article(2, "two.example"), article(3, title="Flood warning")
    )
    s1 = store.create_story("Dam holds", [a1], T0)
    s2 = store.create_story("Dam holds again", [a2], T0)
    s3 = store.create_story("Flood warning", [a3], T0)
    store.set_story_topics({s1.id: s1.id, s2.id: s1.id})
    store.save_digest(s3.id, Digest(places=[Place(code="PE", name="Peru")]), "x")

    def ids(kind: str, target: str, **kw) -> list[int]:
        f = readers.add_follow(Follow(user_id=reader.id, kind=kind, target=target))
        return readers.follow_story_ids(f, **kw)

    assert ids("topic", str(s1.id)) == [s2.id, s1.id]
    assert ids("topic", str(s1.id), before=s2.id) == [s1.id]
    assert ids("outlet", "one.example") == [s3.id, s1.id]
    assert ids("outlet", "one.example", after=s1.id) == [s3.id]
    assert ids("place", "PE") == [s3.id]
    assert ids("query", "flood") == [s3.id]
    assert ids("query", "   ") == []
    heads = readers.story_heads([s1.id, s3.id, 999])
    assert set(heads) == {s1.id, s3.id}
    assert heads[s1.id]["sources"] == ["one.example"]


def test_tokens_mutes_and_states(store, reader):
    readers = readers_of(store)
    a1, a2 = add(store, article(1), article(2))
    s1 = store.create_story("One", [a1], T0)
    s2 = store.create_story("Two", [a2], T0)
    follow = readers.add_follow(
        Follow(user_id=reader.id, kind="outlet", target="one.example", feed_token="secret-1")
    )
    assert readers.follow_by_token("secret-1").id == follow.id
    readers.set_follow_token(follow.id, "secret-2")
    assert readers.follow_by_token("secret-1") is None
    assert readers.follow_by_token("") is None

    readers.add_mute(reader.id, "keyword", "dam")
    readers.add_mute(reader.id, "keyword", "dam")
    readers.add_mute(reader.id, "outlet", "two.example")
    assert sorted(readers.list_mutes(reader.id)) == [("keyword", "dam"), ("outlet", "two.example")]
    readers.remove_mute(reader.id, "keyword", "dam")
    assert readers.list_mutes(reader.id) == [("outlet", "two.example")]

    readers.set_story_states(reader.id, [s1.id, s2.id], read=True)
    readers.set_story_states(reader.id, [s2.id], starred=True)
    assert readers.story_states(reader.id, [s1.id, s2.id]) == {
        s1.id: (True, False),
        s2.id: (True, True),
    }
    readers.set_story_states(reader.id, [s2.id], read=False)
    assert readers.story_states(reader.id, [s2.id]) == {s2.id: (False, True)}
    assert readers.starred_story_ids(reader.id) == [s2.id]


def test_corrections_are_kept(store, reader):
    readers = readers_of(store)
    a1, a2 = add(store, article(1), article(2))
    s1 = store.create_story("One", [a1], T0)
    s2 = store.create_story("Two", [a2], T0)
    kept = readers.record_correction(
        "split", from_story=s1.id, into_story=s2.id, moderator_id=reader.id, article_id=a1
    )
    assert kept["kind"] == "split" and kept["created_at"] is not None
    readers.record_correction("merge", from_story=s2.id, into_story=s1.id, moderator_id=reader.id)
    assert [c["kind"] for c in readers.corrections()] == ["merge", "split"]
    assert readers.corrections()[0]["moderator"] == "rita"
    assert readers.split_pins() == {a1: {s1.id}}


def test_reader_email_settings(store, reader):
    readers = readers_of(store)
    assert readers.reader_settings(reader.id)["daily_email"] is False
    (a1,) = add(store, article(1))
    readers.set_reader_email(reader.id, "rita@mail.example", True)
    prefs = readers.reader_settings(reader.id)
    assert prefs["email"] == "rita@mail.example" and prefs["last_email_article_id"] == a1
    assert [r["user_id"] for r in readers.daily_email_readers()] == [reader.id]
    readers.mark_email_sent(reader.id, T0, a1 + 5)
    prefs = readers.reader_settings(reader.id)
    assert prefs["last_email_at"] == T0 and prefs["last_email_article_id"] == a1 + 5
    readers.set_reader_email(reader.id, "rita@mail.example", False)
    assert readers.daily_email_readers() == []
    assert readers.newest_article_id() == a1
