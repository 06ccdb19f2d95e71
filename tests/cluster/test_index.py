"""Candidate retrieval over live stories."""

from __future__ import annotations

import numpy as np

from crosswire.cluster.index import ActiveStories, similarities
from crosswire.cluster.state import ArticleFeatures, StoryState


def article(i: int, terms: list[str], dense: list[float]) -> ArticleFeatures:
    weight = 1.0 / len(terms) ** 0.5
    return ArticleFeatures(
        article_id=i,
        language="en",
        dense=np.array(dense, dtype=np.float32),
        covered=True,
        lexical={t: weight for t in terms},
        anchors={},
        timestamp=None,
        seq=i,
    )


def live_stories() -> ActiveStories:
    """Story 1 shares three terms with the query, 2 shares two, 3 to 6 one each; story 7 is
    the nearest by embedding and shares none."""
    active = ActiveStories(dim=2, window_seconds=0, max_active=100)
    members = {
        1: ["harbour", "crane", "collapse"],
        2: ["harbour", "crane"],
        3: ["harbour"],
        4: ["harbour"],
        5: ["crane"],
        6: ["collapse"],
        7: ["budget"],
    }
    for story_id, terms in members.items():
        story = StoryState(story_id, dim=2)
        features = article(story_id, terms, [1.0, 0.0] if story_id == 7 else [0.0, 1.0])
        story.add(features)
        active.put(story, [f"en:{t}" for t in terms])
    return active


def test_all_stories_sharing_a_key_are_candidates_by_default():
    query = article(99, ["harbour", "crane", "collapse"], [1.0, 0.0])
    assert live_stories().candidates(query, dense_k=1) == [1, 2, 3, 4, 5, 6, 7]


def test_keys_k_keeps_the_stories_sharing_the_most_keys_and_the_nearest_by_embedding():
    query = article(99, ["harbour", "crane", "collapse"], [1.0, 0.0])
    # 1 (three keys) and 2 (two keys), then among the one-key stories the newest (6)
    assert live_stories().candidates(query, dense_k=1, keys_k=3) == [1, 2, 6, 7]
    assert live_stories().candidates(query, dense_k=0, keys_k=2) == [1, 2]


def test_a_long_lived_story_stays_posted_under_its_latest_keys_only():
    from crosswire.cluster.index import STORY_KEYS_LIMIT

    active = ActiveStories(dim=2, window_seconds=0, max_active=100)
    story = StoryState(1, dim=2)
    for n in range(STORY_KEYS_LIMIT + 10):
        features = article(n, [f"word{n}"], [0.0, 1.0])
        story.add(features)
        active.put(story, [f"en:word{n}"])
    assert len(story.terms) == STORY_KEYS_LIMIT
    assert "en:word0" not in active._postings  # its only story left it: no empty posting kept
    old, recent = article(0, ["word0"], [1.0, 0.0]), article(1, [f"word{n}"], [1.0, 0.0])
    assert active.candidates(old, dense_k=0) == []
    assert active.candidates(recent, dense_k=0) == [1]
    active.remove(1)
    assert active._postings == {}


def test_a_developing_story_does_not_collect_days():
    features = article(1, ["flood"], [0.0, 1.0])
    features.weekdays = frozenset({2})
    event, theme = StoryState(1, dim=2), StoryState(2, dim=2, clashes=False)
    event.add(features)
    theme.add(features)
    assert (event.weekdays, theme.weekdays) == ({2}, set())


def test_the_nearest_story_search_reads_only_live_rows():
    active = ActiveStories(dim=2, window_seconds=0, max_active=100)
    directions = {1: [1.0, 0.0], 2: [0.0, 1.0], 3: [0.6, 0.8], 4: [0.8, 0.6], 5: [-1.0, 0.0]}
    for story_id, dense in directions.items():
        story = StoryState(story_id, dim=2)
        story.add(article(story_id, [f"w{story_id}"], dense))
        active.put(story, [])
    active.remove(1)  # a middle row: the last story's row moves into it
    active.remove(3)
    assert len(active._id_at) == 3 == len(active)
    query = article(9, ["none"], [1.0, 0.0])
    assert active.candidates(query, dense_k=1) == [4]
    assert active.candidates(query, dense_k=5) == [2, 4, 5]
    story = StoryState(6, dim=2)
    story.add(article(6, ["w6"], [1.0, 0.0]))
    active.put(story, [])
    assert active.candidates(query, dense_k=1) == [6]


def test_nearest_lists_live_stories_by_embedding_closest_first():
    active = ActiveStories(dim=2, window_seconds=0, max_active=100)
    for story_id, dense in {1: [0.0, 1.0], 2: [0.6, 0.8], 3: [1.0, 0.0], 4: [0.8, 0.6]}.items():
        story = StoryState(story_id, dim=2)
        story.add(article(story_id, ["word"], dense))
        active.put(story, ())
    query = np.array([1.0, 0.0], dtype=np.float32)
    assert active.nearest(query, 2) == [3, 4]
    assert active.nearest(query, 10) == [3, 4, 2, 1]
    active.remove(3)
    assert active.nearest(query, 1) == [4]
    assert ActiveStories(dim=2, window_seconds=0, max_active=1).nearest(query, 3) == []


def test_similarities_are_the_product_computed_in_this_thread() -> None:
    rng = np.random.default_rng(5)
    matrix = rng.standard_normal((300, 64)).astype(np.float32)
    vector = rng.standard_normal(64).astype(np.float32)
    sims = similarities(matrix, vector)
    assert sims.dtype == np.float32 and sims.shape == (300,)
    exact = matrix.astype(np.float64) @ vector.astype(np.float64)
    assert np.allclose(sims, exact, rtol=0, atol=1e-5)
