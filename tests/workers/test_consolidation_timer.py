"""The consolidation pass on a timer: `crosswire serve`'s story upkeep and the assigning
worker re-examine the recent stories, write the merges to the store and log the cost."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import crosswire.pipeline as pipeline_module
from crosswire.cli.serve import keep_stories_current
from crosswire.models import Article
from crosswire.pipeline import Pipeline
from crosswire.settings import load_settings
from crosswire.store import open_store
from crosswire.workers.assigner import Assigner
from crosswire.workers.consolidation import ConsolidationTimer

START = datetime(2026, 3, 2, 9, tzinfo=UTC)
SUBJECTS = [
    ("Valdoria", "storm damaged 120 homes", "Crews cleared fallen trees"),
    ("Northmark", "strike idled 300 buses", "Union leaders promised talks"),
    ("Ostrava", "election counted 9000 ballots", "Observers praised the calm"),
    ("Kelmoor", "fire destroyed 450 hectares", "Firefighters fought the flames"),
]


def reports(hours_apart: float = 1.0) -> list[Article]:
    """One report on each of four unrelated events: four stories online."""
    return [
        Article(
            title=f"{place}: {what}",
            text=f"In {place} the {what}, officials said. {detail} in {place} overnight.",
            url=f"https://outlet{i}.example/{place.lower()}",
            source=f"outlet{i}.example",
            language="en",
            published_at=START + timedelta(hours=hours_apart * i),
        )
        for i, (place, what, detail) in enumerate(SUBJECTS)
    ]


def settings_for(url: str, every: float):
    return load_settings(
        database_url=url,
        embedder="hashing",
        cluster_consolidate=True,
        cluster_consolidate_every_seconds=every,
    )


def live_stories(url: str) -> set[int]:
    store = open_store(url)
    try:
        return {store.get_story(s).id for s in set(store.story_assignments().values())}
    finally:
        store.close()


def test_serve_upkeep_runs_the_pass_on_its_timer_and_writes_its_merges(sqlite_url, caplog):
    settings = settings_for(sqlite_url, every=0.05)
    store = open_store(sqlite_url)
    pipeline = Pipeline(store, settings)
    pipeline.add_articles(reports())
    assert len(live_stories(sqlite_url)) == 4  # four events, four stories
    # every neighbour called the same event: the pass merges whatever it examines
    pipeline.engine.consolidator.threshold = 0.0
    stop = threading.Event()
    caplog.set_level(logging.INFO, logger="crosswire.pipeline")
    upkeep = threading.Thread(target=keep_stories_current, args=(pipeline, stop, 0.01))
    upkeep.start()
    deadline = time.monotonic() + 30
    while len(live_stories(sqlite_url)) > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    upkeep.join(timeout=10)
    store.close()
    assert len(live_stories(sqlite_url)) == 1
    assert "3 merged" in caplog.text  # the pass's cost is in the log
    reopened = open_store(sqlite_url)
    try:  # the absorbed stories redirect to the one left
        (survivor,) = live_stories(sqlite_url)
        absorbed = set(reopened.story_assignments().values()) | {1, 2, 3, 4}
        for story_id in absorbed - {survivor}:
            merged = reopened.get_story(story_id, follow_merges=False)
            if merged is not None:
                assert reopened.get_story(story_id).id == survivor
    finally:
        reopened.close()


def test_the_assigning_worker_runs_the_pass_only_when_due(sqlite_url, caplog):
    fetcher = Pipeline(open_store(sqlite_url), settings_for(sqlite_url, every=0.0), cluster=False)
    fetcher.add_articles(reports())  # stored, left to the assigner
    fetcher.store.close()
    assigner = Assigner(settings_for(sqlite_url, every=3600.0), digests=False)
    caplog.set_level(logging.INFO, logger="crosswire.pipeline")
    assigner.run_once()  # it becomes the assigner and assigns; the pass is not due
    assert len(live_stories(sqlite_url)) == 4
    assert "consolidation pass" not in caplog.text
    assigner._pipeline.engine.consolidator.threshold = 0.0  # its own engine
    assigner.consolidation = ConsolidationTimer(0.01)
    time.sleep(0.02)
    assigner.run_once()
    assigner.release()
    assert "consolidation pass:" in caplog.text
    assert len(live_stories(sqlite_url)) == 1
    assert assigner.consolidation.runs == 1


def test_the_pass_examines_the_stories_of_the_recent_window_only(sqlite_url, caplog):
    pipeline = Pipeline(open_store(sqlite_url), settings_for(sqlite_url, every=0.0))
    pipeline.add_articles(reports(hours_apart=40.0))  # the first 120 h before the last
    pipeline.engine.consolidator.threshold = 1.01  # no probability reaches it: no merge
    caplog.set_level(logging.INFO, logger="crosswire.pipeline")
    try:
        report = pipeline.consolidate_recent()
    finally:
        pipeline.store.close()
    # within 72 h of the newest article: the last two stories
    assert "consolidation pass: 2 recent stories examined" in caplog.text
    assert report.merged_stories == 0
    assert len(live_stories(sqlite_url)) == 4


def test_a_timer_of_zero_never_runs(sqlite_url):
    timer = ConsolidationTimer(0.0, clock=lambda: 10**9)
    pipeline = Pipeline(open_store(sqlite_url), settings_for(sqlite_url, every=0.0))
    try:
        assert timer.maybe_run(pipeline) is None
        assert timer.runs == 0
    finally:
        pipeline.store.close()


def test_the_pass_writes_the_developing_story_a_merge_leaves(sqlite_url, monkeypatch):
    """The grown story takes the developing story holding more reports, in the store too."""
    first = Pipeline(open_store(sqlite_url), settings_for(sqlite_url, every=0.0))
    events = reports()
    again = Article(
        title=events[0].title,
        text=events[0].text + " Roads reopened by noon.",
        url="https://outlet9.example/valdoria",
        source="outlet9.example",
        language="en",
        published_at=START + timedelta(minutes=30),
    )
    first.add_articles([*events, again])
    by_url = {a.url: a.story_id for a in first.store.list_articles(limit=10)}
    first.store.close()
    largest = by_url[events[0].url]
    assert by_url[again.url] == largest and len(set(by_url.values())) == 4
    others = sorted(set(by_url.values()) - {largest})
    store = open_store(sqlite_url)
    store.set_story_topics({s: others[0] for s in others})  # three reports in one theme
    store.close()
    # the engine rebuilt from the store calls every pair one event
    shipped = pipeline_module.cluster_options
    monkeypatch.setattr(
        pipeline_module,
        "cluster_options",
        lambda settings: replace(shipped(settings), consolidate_threshold=0.0),
    )
    pipeline = Pipeline(open_store(sqlite_url), settings_for(sqlite_url, every=0.0))
    try:
        report = pipeline.consolidate_recent()
        assert report.merged_stories == 3
        assert pipeline.store.story_topics([largest]) == {largest: others[0]}
    finally:
        pipeline.store.close()
