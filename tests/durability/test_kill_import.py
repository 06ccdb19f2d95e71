"""kill -9 during `crosswire import`, again and again: nothing lost, nothing twice.

Each round starts an import of the same file and SIGKILLs it at a random moment; the last
round runs to the end. Afterwards every article is stored exactly once and sits in exactly
one live story, and no story is left pointing at a missing article.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosswire.store import open_store

KILLS = int(os.environ.get("CROSSWIRE_KILL_ROUNDS", "8"))


def write_articles(path: Path, n: int) -> None:
    places = ["Arvel", "Brisk", "Corra", "Dunmere", "Elsby", "Farrow", "Galen", "Hollin"]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            place = places[i % len(places)]
            handle.write(
                json.dumps(
                    {
                        "id": f"k{i}",
                        "title": f"Flooding in {place} closes {i % 7 + 2} roads",
                        "text": f"Rain flooded {place} overnight. Officials in {place} closed "
                        f"{i % 7 + 2} roads and opened shelters. Report number {i}.",
                        "lang": "en",
                        "date": f"2026-02-{i % 27 + 1:02d}T08:00:00Z",
                        "source": f"paper{i % 11}.example",
                        "url": f"https://paper{i % 11}.example/floods/{i}",
                    }
                )
                + "\n"
            )


def start_import(data: Path, db_url: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env["CROSSWIRE_EMBEDDER"] = "hashing"  # the model is not what is tested here
    return subprocess.Popen(
        [sys.executable, "-m", "crosswire", "import", str(data), "--db", db_url, "--batch", "40"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_random_kills_lose_nothing_and_duplicate_nothing(tmp_path, sqlite_url):
    n = 3000
    data = tmp_path / "articles.jsonl"
    write_articles(data, n)
    rng = random.Random(20261123)
    killed = 0
    for _ in range(KILLS):
        proc = start_import(data, sqlite_url, tmp_path)
        time.sleep(rng.uniform(0.3, 2.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
    final = start_import(data, sqlite_url, tmp_path)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()
    assert killed >= KILLS // 2, "the imports finished before they could be killed"
    with open_store(sqlite_url) as store:
        assert store.count_articles() == n
        external = [a.external_id for a in store.list_articles(limit=n + 10)]
        assert sorted(external) == sorted(f"k{i}" for i in range(n))
        assignments = store.story_assignments()
        assert len(assignments) == n  # every article in a story
        assert store.unassigned_articles() == []
        live = {s.id: s for s in _all_stories(store)}
        assert set(assignments.values()) <= set(live)
        assert sum(len(s.article_ids) for s in live.values()) == n  # each in exactly one


def _all_stories(store):
    page = store.list_stories(limit=200)
    while page:
        yield from page
        last = page[-1]
        page = store.list_stories(limit=200, before=(last.updated_at, last.id))
