"""What must hold in a store after any number of crashes, and the processes that crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from random import Random

from crosswire.models import Article, Story, article_stamp, utcnow
from crosswire.store import Store, StoreError, open_store

# processes --------------------------------------------------------------------------------


def child_env(**settings: object) -> dict[str, str]:
    """The environment of a crosswire child: no CROSSWIRE_ setting leaks in from outside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env.update({f"CROSSWIRE_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def start_crosswire(
    args: list[str], env: dict[str, str], cwd: Path, log: Path, **popen: object
) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "crosswire", *args],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            **popen,  # type: ignore[arg-type]
        )


def stop_gracefully(proc: subprocess.Popen[bytes], timeout: float = 60) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError("crosswire did not stop within a minute of SIGTERM") from None


def wait_for(condition: Callable[[], bool], timeout: float, every: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


# the kill loop ----------------------------------------------------------------------------


@dataclass
class KillReport:
    kills: int = 0
    during_ingestion: int = 0  # kills that landed while articles were being committed
    seconds: float = 0.0
    committed_at_kills: list[int] = field(default_factory=list)


def kill_loop(
    start: Callable[[], subprocess.Popen[bytes]],
    read_urls: Callable[[], set[str]],
    *,
    kills: int,
    seed: int,
    budget_seconds: float,
    max_wait: float = 6.0,
) -> KillReport:
    """Start, wait a random while, SIGKILL; again and again. After every kill, everything
    that was committed just before it is still there."""
    rng = Random(seed)
    report = KillReport()
    began = time.monotonic()
    for _ in range(kills):
        if time.monotonic() - began > budget_seconds:
            break
        proc = start()
        before = read_urls()
        if rng.random() < 0.25:  # anywhere, start-up and migrations included
            time.sleep(rng.uniform(0.2, max_wait))
        else:  # somewhere in the ingestion that follows the first commit
            wait_for(_progress(read_urls, len(before), proc), 30, 0.2)
            time.sleep(rng.uniform(0, max_wait / 2))
        at_kill = read_urls()
        if proc.poll() is not None:
            raise AssertionError(f"crosswire exited by itself with status {proc.returncode}")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        report.kills += 1
        report.during_ingestion += len(at_kill) > len(before)
        report.committed_at_kills.append(len(at_kill))
        lost = at_kill - read_urls()
        assert not lost, f"kill {report.kills} lost committed articles: {sorted(lost)[:5]}"
    report.seconds = time.monotonic() - began
    return report


def _progress(
    read_urls: Callable[[], set[str]], count: int, proc: subprocess.Popen[bytes]
) -> Callable[[], bool]:
    return lambda: len(read_urls()) > count or proc.poll() is not None


# reading a store that another process writes ----------------------------------------------


def stored_urls(url: str) -> set[str]:
    try:
        with open_store(url, migrate=False) as store:
            return {a.url for a in all_articles(store) if a.url}
    except StoreError:
        return set()  # not created yet


def all_articles(store: Store) -> Iterator[Article]:
    page = store.list_articles(limit=500)
    while page:
        yield from page
        page = store.list_articles(limit=500, before_id=page[-1].id)


def all_stories(store: Store) -> Iterator[Story]:
    page = store.list_stories(limit=200)
    while page:
        yield from page
        last = page[-1]
        assert last.updated_at is not None
        page = store.list_stories(limit=200, before=(last.updated_at, last.id or 0))


def lagging(url: str, expected: set[str], resumed_after: datetime) -> str | None:
    """What is not done yet (None: everything is stored, assigned and digested, and every
    feed was refreshed again since ``resumed_after``)."""
    try:
        with open_store(url, migrate=False) as store:
            missing = expected - {a.url for a in all_articles(store)}
            if missing:
                return f"{len(missing)} articles not stored, e.g. {sorted(missing)[0]}"
            if store.unassigned_articles(limit=1):
                return f"{len(store.unassigned_articles())} articles without a story"
            if store.stale_digests(limit=1):
                return f"stale digests: {store.stale_digests()[:10]}"
            behind = [
                f.url
                for f in store.list_feeds()
                if f.last_success_at is None or f.last_success_at < resumed_after
            ]
            return f"feeds not refreshed since the restart: {behind}" if behind else None
    except StoreError as exc:
        return str(exc)


def assert_consistent(url: str, expected: set[str]) -> dict[str, int]:
    """Every article exactly once, in exactly one live story; every digest covers exactly its
    story's articles; no feed still leased."""
    with open_store(url, migrate=False) as store:
        articles = list(all_articles(store))
        urls = [a.url for a in articles]
        assert len(urls) == len(set(urls)), "an article is stored twice"
        missing, extra = expected - set(urls), set(urls) - expected
        assert not missing and not extra, (sorted(missing)[:5], sorted(extra)[:5])
        assignments = store.story_assignments()
        assert set(assignments) == {a.id for a in articles}, "an article has no story"
        stories = list(all_stories(store))
        live = {s.id for s in stories}
        assert set(assignments.values()) <= live, "an article points at a dead story"
        assert sum(len(s.article_ids) for s in stories) == len(articles), "one in two stories"
        for story in stories:
            assert story.digest is not None, f"story {story.id} has no digest"
            assert story.digest_stamp == article_stamp(story.article_ids), story.id
            assert story.digest.covers == sorted(story.article_ids), story.id
            for line in story.digest.summary:
                assert line.article_id in story.article_ids, (story.id, line)
        assert store.stale_digests() == []
        now = utcnow()
        leased = [f.url for f in store.list_feeds() if f.claimed_until and f.claimed_until > now]
        assert leased == [], f"feeds left in progress: {leased}"
        return {"articles": len(articles), "stories": len(stories)}
