"""Moderators' corrections: merge and split in the store, kept in the log, and the pipeline
dropping the engine's moves and merges that would undo them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crosswire import corrections
from crosswire.models import Article, Assignment, User
from crosswire.pipeline import Pipeline
from crosswire.store.readers import readers_of

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def article(n: int, source: str = "one.example", **kw) -> Article:
    return Article(
        title=f"Dam report {n}",
        text=f"Engineers inspected the dam, report {n}.",
        url=f"https://{source}/{n}",
        source=source,
        published_at=T0 + timedelta(hours=n),
        **kw,
    )


@pytest.fixture
def world(store):
    mod = store.create_user(User(name="mo", password_hash="x", role="moderator"))
    ids = [a.id for a, _ in store.add_articles([article(n) for n in range(1, 6)])]
    store.mark_duplicate(ids[3], ids[2])  # a4 copies a3
    s1 = store.create_story("Dam", ids[:4], T0)
    s2 = store.create_story("Other", ids[4:], T0)
    return store, mod, ids, s1.id, s2.id


def test_split_takes_an_article_with_its_copies_and_is_logged(world):
    store, mod, ids, s1, s2 = world
    kept = corrections.split(store, ids[3], None, mod, "another event")  # a copy: its original
    assert kept["article_id"] == ids[2] and kept["from_story"] == s1
    new = store.get_story(kept["into_story"])
    assert new.article_ids == [ids[2], ids[3]] and new.title == "Dam report 3"
    assert store.get_story(s1).article_ids == ids[:2]
    log = store.moderation_log()[0]
    assert (log.action, log.target_type, log.target_id) == ("split", "article", ids[2])
    assert log.reason == f"from story {s1} into story {new.id}: another event"
    # into another story; and what cannot be
    corrections.split(store, ids[1], s2, mod)
    assert store.get_article(ids[1]).story_id == s2
    with pytest.raises(corrections.CorrectionError, match="whole story"):
        corrections.split(store, ids[0], None, mod)
    with pytest.raises(corrections.CorrectionError, match="already in story"):
        corrections.split(store, ids[1], s2, mod)
    with pytest.raises(corrections.CorrectionError, match="no such article"):
        corrections.split(store, 10**9, None, mod)
    assert readers_of(store).split_pins() == {ids[2]: {s1}, ids[1]: {s1}}


def test_merge_is_kept_and_logged(world):
    store, mod, ids, s1, s2 = world
    corrections.merge(store, s2, s1, mod, "same dam")
    assert store.get_story(s2).id == s1 and ids[4] in store.get_story(s1).article_ids
    assert store.moderation_log()[0].reason == f"into story {s1}: same dam"
    with pytest.raises(corrections.CorrectionError, match="already one story"):
        corrections.merge(store, s2, s1, mod)
    assert readers_of(store).merge_pins() == {s1}
    assert [c["kind"] for c in readers_of(store).corrections()] == ["merge"]


class ProposingEngine:
    """An engine that places each new article in ``story`` and proposes moves and merges."""

    consolidator = None  # proposes its merges itself

    def __init__(self, story: int, moves=(), merges=()) -> None:
        self.story, self.moves, self.merges = story, list(moves), list(merges)

    def add(self, articles):
        return [Assignment(article_id=a.id, story_id=self.story) for a in articles]

    def drain_moves(self):
        out, self.moves = self.moves, []
        return out

    def drain_merges(self):
        out, self.merges = self.merges, []
        return out

    def drain_new_originals(self):
        return []

    def drain_opened(self):
        return []  # it opens no story

    def rename_stories(self, ids):
        assert not ids


def _pipeline(store, settings, engine) -> Pipeline:
    pipeline = Pipeline(store, settings)
    corrections.engine_outdated(pipeline)  # as after an engine was built on this store
    pipeline._engine = engine
    return pipeline


def test_the_engine_cannot_undo_a_split_or_a_merge(world, settings):
    store, mod, ids, s1, s2 = world
    kept = corrections.split(store, ids[2], None, mod)
    s3 = kept["into_story"]
    fresh = store.add_article(article(9))[0]
    # the engine would move the split article back, and merge its new story into the old
    engine = ProposingEngine(s1, moves=[(ids[2], s3, s1), (ids[0], s1, s2)], merges=[(s3, s1)])
    pipeline = _pipeline(store, settings, engine)
    report = pipeline._assign([fresh])
    assert store.get_article(ids[2]).story_id == s3 and store.get_story(s3).id == s3
    assert store.get_article(ids[0]).story_id == s2  # a move that undoes nothing is made
    assert report.moved_articles == 1 and report.merged_stories == 0
    assert pipeline._engine is None  # rebuilt from the store on its next use

    # a manual merge: the engine takes nothing out of the story it made
    corrections.merge(store, s2, s1, mod)
    other = store.add_article(article(10))[0]
    engine = ProposingEngine(s1, moves=[(ids[4], s1, s3)])
    pipeline = _pipeline(store, settings, engine)
    pipeline._assign([other])
    assert store.get_article(ids[4]).story_id == s1


def test_a_correction_elsewhere_outdates_the_engine(world, settings):
    store, mod, ids, s1, s2 = world
    pipeline = Pipeline(store, settings)
    assert corrections.engine_outdated(pipeline) is False
    assert corrections.engine_outdated(pipeline) is False
    corrections.merge(store, s2, s1, mod)
    assert corrections.engine_outdated(pipeline) is True
    assert corrections.engine_outdated(pipeline) is False
    # with no corrections at all, the engine's proposals pass untouched and unread
    assert corrections.respect_corrections(store, [], []) == ([], [], False)
