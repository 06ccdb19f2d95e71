"""Which stories need a new digest: a stored flag, kept with every change of a story's articles
and cleared only by a digest that covers exactly them. Both backends (the `store` fixture)."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

from crosswire.models import Article, Digest, SummaryEntry, article_stamp
from crosswire.store import open_store

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DIGEST = Digest(headline="H", summary=[SummaryEntry(text="Lead.")])


def add(store, n: int) -> int:
    article = Article(
        title=f"Harbour bridge, day {n}",
        text=f"Engineers finished the work on day {n}.",
        url=f"https://example.org/news/{n}",
        source=f"outlet{n % 3}.example",
        published_at=T0 + timedelta(hours=n),
        language="en",
    )
    return store.add_article(article)[0].id


def save_current(store, story_id: int) -> None:
    story = store.get_story(story_id)
    store.save_digest(story_id, DIGEST, article_stamp(story.article_ids), title="H")


def reference_stale(store) -> set[int]:
    """The contract spelled out the slow way: live stories with articles whose stamp differs."""
    rows = store._rows(
        "SELECT s.id, s.digest_stamp, count(a.id) AS n, max(a.id) AS top, sum(a.id) AS total "
        "FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.merged_into IS NULL "
        "GROUP BY s.id, s.digest_stamp"
    )
    return {int(r["id"]) for r in rows if r["digest_stamp"] != f"{r['n']}:{r['top']}:{r['total']}"}


def test_a_new_story_is_stale_until_its_digest_is_saved(store):
    a = add(store, 1)
    story = store.create_story("S", [a], T0)
    assert store.stale_digests() == [story.id]
    save_current(store, story.id)
    assert store.stale_digests() == []
    assert store.get_story(story.id).digest == DIGEST


def test_attach_makes_both_the_gaining_and_the_losing_story_stale(store):
    a, b, c = (add(store, n) for n in range(3))
    s1 = store.create_story("S1", [a, b], T0)
    s2 = store.create_story("S2", [c], T0 + timedelta(minutes=1))
    save_current(store, s1.id)
    save_current(store, s2.id)
    assert store.stale_digests() == []
    store.attach_to_story(s2.id, [b], T0 + timedelta(minutes=2))
    assert set(store.stale_digests()) == {s1.id, s2.id}
    save_current(store, s1.id)
    assert store.stale_digests() == [s2.id]


def test_attaching_articles_already_there_changes_nothing(store):
    a = add(store, 1)
    story = store.create_story("S", [a], T0)
    save_current(store, story.id)
    store.attach_to_story(story.id, [a], T0 + timedelta(minutes=1))
    assert store.stale_digests() == []


def test_a_merge_makes_the_surviving_story_stale_and_not_the_merged_one(store):
    a, b = add(store, 1), add(store, 2)
    s1 = store.create_story("S1", [a], T0)
    s2 = store.create_story("S2", [b], T0)
    save_current(store, s1.id)
    save_current(store, s2.id)
    store.merge_stories(s2.id, s1.id, T0 + timedelta(minutes=1))
    assert store.stale_digests() == [s1.id]
    save_current(store, s1.id)
    assert store.stale_digests() == []


def test_a_story_left_without_articles_is_not_stale(store):
    a = add(store, 1)
    s1 = store.create_story("S1", [a], T0)
    s2 = store.create_story("S2", [], T0)
    store.attach_to_story(s2.id, [a], T0 + timedelta(minutes=1))
    assert store.stale_digests() == [s2.id]
    assert store.get_story(s1.id).article_ids == []


def test_a_digest_of_the_old_articles_saved_after_one_joined_leaves_the_story_stale(store):
    a, b = add(store, 1), add(store, 2)
    story = store.create_story("S", [a], T0)
    seen = store.get_story(story.id)  # the digest builder reads the story ...
    store.attach_to_story(story.id, [b], T0 + timedelta(minutes=1))  # ... an article joins ...
    store.save_digest(story.id, DIGEST, article_stamp(seen.article_ids))  # ... it saves late
    assert store.stale_digests() == [story.id]
    save_current(store, story.id)
    assert store.stale_digests() == []


def test_newest_updated_stale_stories_come_first_up_to_the_limit(store):
    ids = [
        store.create_story(f"S{n}", [add(store, n)], T0 + timedelta(minutes=n)).id for n in range(5)
    ]
    assert store.stale_digests() == ids[::-1]
    assert store.stale_digests(limit=2) == ids[:2:-1]
    save_current(store, ids[4])
    assert store.stale_digests(limit=2) == [ids[3], ids[2]]


def test_the_flag_agrees_with_the_article_stamps_through_random_changes(store):
    rng = random.Random(7)
    articles = [add(store, n) for n in range(24)]
    stories: list[int] = []
    seen: dict[int, list[int]] = {}  # what a digest builder read, possibly long ago
    for step in range(60):
        at = T0 + timedelta(minutes=step)
        op = rng.random()
        if op < 0.2 or len(stories) < 2:
            stories.append(store.create_story("S", rng.sample(articles, rng.randint(0, 3)), at).id)
        elif op < 0.5:
            store.attach_to_story(rng.choice(stories), rng.sample(articles, rng.randint(1, 3)), at)
        elif op < 0.6:
            src, dst = rng.sample(stories, 2)
            store.merge_stories(src, dst, at)
            stories.remove(src)
        elif op < 0.75:
            sid = rng.choice(stories)
            seen[sid] = store.get_story(sid).article_ids
        else:
            sid = rng.choice(stories)
            ids = seen.pop(sid, None) or store.get_story(sid).article_ids
            store.save_digest(sid, DIGEST, article_stamp(ids))
        assert set(store.stale_digests(limit=1000)) == reference_stale(store), step


def test_migration_4_flags_the_stories_that_are_stale_at_upgrade(store_url):
    """A database built at schema 3, with fresh and stale stories, upgraded in place."""
    old = open_store(store_url, migrate=False)
    scripts = old._migration_scripts()
    old._migration_scripts = lambda: [s for s in scripts if s[0] <= 3]
    assert old.migrate() == [1, 2, 3]
    a, b, c, d, e = (add(old, n) for n in range(5))

    def story(title: str, members: list[int], stamp: str | None, minute: int) -> int:
        at = old._time(T0 + timedelta(minutes=minute))
        sid = old._row(
            "INSERT INTO stories (title, created_at, updated_at, article_count, digest_stamp) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            (title, at, at, len(members), stamp),
        )["id"]
        for aid in members:
            old._exec("UPDATE articles SET story_id = ? WHERE id = ?", (sid, aid))
        return int(sid)

    fresh = story("fresh", [a], article_stamp([a]), 0)
    never = story("no digest yet", [b], None, 1)
    grown = story("grew since its digest", [c, d], article_stamp([c]), 2)
    empty = story("no articles", [], None, 3)
    merged = story("merged", [e], None, 4)
    old._exec("UPDATE stories SET merged_into = ? WHERE id = ?", (fresh, merged))
    old.close()

    upgraded = open_store(store_url)
    try:
        assert upgraded.schema_version() >= 4
        assert upgraded.stale_digests() == [grown, never]
        assert empty not in upgraded.stale_digests() and merged not in upgraded.stale_digests()
        assert upgraded.get_story(fresh).article_ids == [a]  # data survived
        save_current(upgraded, grown)
        upgraded.attach_to_story(fresh, [b], T0 + timedelta(minutes=9))
        assert upgraded.stale_digests() == [fresh]  # b left `never`, now without articles
        assert upgraded.migrate() == []
    finally:
        upgraded.close()


def test_a_digest_saved_while_an_attach_is_uncommitted_leaves_the_story_stale(store_url):
    """Two connections: the digest of the old articles waits for the attach's lock, then
    compares its stamp with the articles the attach committed."""
    assigner, digester = open_store(store_url), open_store(store_url)
    try:
        a, b = add(assigner, 1), add(assigner, 2)
        story = assigner.create_story("S", [a], T0)
        old_stamp = article_stamp(digester.get_story(story.id).article_ids)
        attached, saved = threading.Event(), threading.Event()

        def attach() -> None:
            with assigner.transaction():
                assigner.attach_to_story(story.id, [b], T0 + timedelta(minutes=1))
                attached.set()
                saved.wait(0.5)  # the digest's save is now waiting for this transaction

        worker = threading.Thread(target=attach)
        worker.start()
        assert attached.wait(10)
        digester.save_digest(story.id, DIGEST, old_stamp)
        saved.set()
        worker.join(10)
        assert digester.stale_digests() == [story.id]
        assert assigner.stale_digests() == [story.id]
    finally:
        assigner.close()
        digester.close()
