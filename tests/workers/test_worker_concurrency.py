"""Three ``crosswire worker`` processes on one PostgreSQL, the story assigner killed mid-run.

Articles keep arriving (this test plays the fetchers and stores them unassigned, as
``Pipeline(cluster=False)`` does in every worker) while three real worker processes compete
for the story-assigner lock. The one that holds it is killed with SIGKILL in the middle; the
others must notice, one must take over, and at the end every article must be stored once
and sit in exactly one live story — the story of its event.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crosswire.models import Article
from crosswire.store import open_store

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

TOOK_OVER = "this worker now assigns stories"
SYLLABLES = "ka lo mi ra ne to su va de ri po la zu fe ni mo ta ve si".split()


def invented_events(n_events: int, per_event: int, seed: int = 5) -> list[tuple[str, Article]]:
    """``(event, article)`` pairs in arrival order; each event's reports spread over hours
    and interleaved with other events, so an event straddles the kill."""
    rng = random.Random(seed)
    start = datetime(2026, 4, 1, 6, tzinfo=UTC)
    out = []
    for e in range(n_events):
        # every event has its own invented vocabulary, so the right answer is unambiguous
        words = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(8)]
        place, person = words[0].capitalize(), words[1].capitalize()
        figure = rng.randint(100, 9000)
        for k in range(per_event):
            when = start + timedelta(hours=e * 2 + k * 3, minutes=rng.randint(0, 50))
            rng.shuffle(words)
            out.append(
                (
                    f"event-{e}",
                    Article(
                        title=f"{place}: {person} and the {words[2]} {words[3]} ({figure})",
                        text=f"{place} {person} {figure}. " + " ".join(words * 2) + ".",
                        url=f"https://outlet{k}.example/{place.lower()}/{k}",
                        source=f"outlet{k}.example",
                        language="en",
                        published_at=when,
                    ),
                )
            )
    out.sort(key=lambda pair: pair[1].published_at)
    return out


def start_worker(pg_url: str, folder: Path, n: int) -> tuple[subprocess.Popen, Path]:
    log = folder / f"worker-{n}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env.update(CROSSWIRE_EMBEDDER="hashing", CROSSWIRE_LOG_LEVEL="INFO")
    command = [sys.executable, "-m", "crosswire", "worker", "--db", pg_url, "--batch", "4"]
    command += ["--poll", "0.2", "--no-digests", "--no-fetch"]
    with log.open("wb") as handle:
        proc = subprocess.Popen(command, cwd=folder, env=env, stdout=handle, stderr=handle)
    return proc, log


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def assigners(logs: dict[int, Path]) -> list[int]:
    return [n for n, log in logs.items() if TOOK_OVER in log.read_text(errors="replace")]


def test_three_workers_one_killed_every_article_once_in_one_story(pg_url, tmp_path):
    stream = invented_events(n_events=14, per_event=4)
    event_of = {a.url: event for event, a in stream}
    store = open_store(pg_url)
    store.add_articles([a for _, a in stream[:8]])
    procs: dict[int, subprocess.Popen] = {}
    logs: dict[int, Path] = {}
    try:
        for n in range(3):
            procs[n], logs[n] = start_worker(pg_url, tmp_path, n)
        first = wait_for(lambda: assigners(logs), 60, "an assigner")
        assert len(first) == 1, "two workers assigned at once"
        wait_for(lambda: len(store.story_assignments()) >= 4, 30, "first assignments")

        def fetcher() -> None:  # what the workers' feed schedulers do
            for start in range(8, len(stream), 4):
                store.add_articles([a for _, a in stream[start : start + 4]])
                time.sleep(0.25)

        writer = threading.Thread(target=fetcher)
        writer.start()
        time.sleep(1.0)
        victim = first[0]
        procs[victim].send_signal(signal.SIGKILL)
        procs[victim].wait()
        assigned_at_kill = len(store.story_assignments())
        survivors = {n: logs[n] for n in logs if n != victim}
        successor = wait_for(lambda: assigners(survivors), 30, "a successor")
        assert len(successor) == 1, "two successors"
        writer.join()
        wait_for(lambda: not store.unassigned_articles(limit=1), 60, "an empty backlog")
        for n in survivors:
            procs[n].send_signal(signal.SIGTERM)
        for n in survivors:
            assert procs[n].wait(timeout=30) == 0, logs[n].read_text()
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    assert 0 < assigned_at_kill < len(stream), "the kill was not mid-run"
    articles = store.list_articles(limit=1000)
    assert sorted(a.url for a in articles) == sorted(event_of)  # each stored exactly once
    assert all(a.story_id is not None for a in articles)
    stories: dict[int, set[str]] = defaultdict(set)
    for a in articles:
        story = store.get_story(a.story_id, follow_merges=False)
        assert story is not None and story.merged_into is None  # a live story
        assert a.id in story.article_ids
        stories[a.story_id].add(event_of[a.url])
    by_event: dict[str, set[int]] = defaultdict(set)
    for story_id, events in stories.items():
        for event in events:
            by_event[event].add(story_id)
    split = {e: s for e, s in by_event.items() if len(s) > 1}
    mixed = {s: e for s, e in stories.items() if len(e) > 1}
    assert not split, f"events split over several stories: {split}"
    assert not mixed, f"stories mixing events: {mixed}"
    store.close()
