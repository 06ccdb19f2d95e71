"""Load test on 127.0.0.1: concurrent readers on story pages and search while an import runs.

    python bench/load_test.py                         # 5,000 articles, 50 readers (minutes)
    python bench/load_test.py --articles 50000        # the full run of the reliability issue

A real ``crosswire serve --no-fetch`` serves a SQLite database while ``crosswire import``
adds synthetic articles (bench/synthetic.py) to the same file. ``--readers`` concurrent
clients request story pages, the search API and the front page until the import ends and
the server has placed every imported article in a story (the server holds the
story-assigner lock, so it clusters what the import stores), or ``--time-limit`` passes,
or ``--max-requests`` are made. Afterwards every article of the file must be in the
database exactly once and in exactly one story.

Prints one JSON object: per page kind the request count, p50/p95/max in ms and errors,
import seconds, and the article checks. Exit status 1 on any error or lost article.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from synthetic import articles  # noqa: E402
from tests.helpers.live_server import live_server  # noqa: E402

WORDS = ["affected", "review", "officials", "government", "residents", "Kalomi", "bridge"]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def story_ids(db: Path) -> list[int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        rows = conn.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL ORDER BY id DESC LIMIT 2000"
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


async def reader(
    client: httpx.AsyncClient,
    ids: list[int],
    stats: dict[str, list[float]],
    errors: dict[str, list[str]],
    stop: asyncio.Event,
    budget: list[int],
    rng: random.Random,
) -> None:
    while not stop.is_set() and budget[0] > 0:
        budget[0] -= 1
        roll = rng.random()
        if roll < 0.6 and ids:
            kind, path = "story", f"/stories/{rng.choice(ids)}"
        elif roll < 0.9:
            kind, path = "search", f"/api/search?q={rng.choice(WORDS)}"
        else:
            kind, path = "front", "/"
        start = time.perf_counter()
        try:
            response = await client.get(path)
            ok = response.status_code < 400
            detail = f"{response.status_code} {path}"
        except httpx.HTTPError as exc:
            ok, detail = False, f"{type(exc).__name__} {path}"
        stats.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
        if not ok:
            errors.setdefault(kind, []).append(detail)


async def run_readers(
    base: str, db: Path, args: argparse.Namespace, importer: subprocess.Popen, started: float
) -> tuple[dict, dict, float]:
    stats: dict[str, list[float]] = {}
    errors: dict[str, list[str]] = {}
    stop = asyncio.Event()
    budget = [args.max_requests]
    import_s = 0.0
    ids = story_ids(db)
    limits = httpx.Limits(max_connections=args.readers)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        tasks = [
            asyncio.create_task(reader(client, ids, stats, errors, stop, budget, random.Random(i)))
            for i in range(args.readers)
        ]
        deadline = time.monotonic() + args.time_limit
        # readers go on while the import runs and while the server places what it stored
        while time.monotonic() < deadline and budget[0] > 0:
            await asyncio.sleep(2)
            ids[:] = story_ids(db) or ids
            if importer.poll() is not None:
                import_s = import_s or time.perf_counter() - started
                if not unassigned(db):
                    break
        stop.set()
        await asyncio.gather(*tasks)
    return stats, errors, import_s or time.perf_counter() - started


def start_import(cmd: list[str], folder: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*cmd, str(folder / "rest.jsonl"), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def placed(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[
            0
        ]
    finally:
        conn.close()


def unassigned(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0]
    finally:
        conn.close()


def check_articles(db: Path, expected_urls: set[str]) -> dict:
    conn = sqlite3.connect(db)
    try:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        # an article names its one story; that story must exist and not be merged away
        in_story = {
            r[0]
            for r in conn.execute(
                "SELECT a.url FROM articles a JOIN stories s ON s.id = a.story_id "
                "WHERE s.merged_into IS NULL"
            )
        }
    finally:
        conn.close()
    return {
        "expected": len(expected_urls),
        "found": len(set(urls) & expected_urls),
        "duplicates": len(urls) - len(set(urls)),
        "not_in_one_story": len(expected_urls - in_story),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--time-limit", type=float, default=900, help="seconds of load at most")
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument(
        "--assigner",
        choices=["serve", "import"],
        default="serve",
        help="which process clusters: the server (it takes the lock first) or the import",
    )
    parser.add_argument(
        "--seed-fraction",
        type=float,
        default=0.1,
        help="part of the articles imported before the load starts",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = list(articles(args.articles))
        cut = max(1, int(len(records) * args.seed_fraction))
        for name, part in (("seed.jsonl", records[:cut]), ("rest.jsonl", records[cut:])):
            with (folder / name).open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(r) + "\n" for r in part)
        db = folder / "crosswire.db"
        url = f"sqlite:///{db}"
        cmd = [sys.executable, "-m", "crosswire", "import"]
        subprocess.run(
            [*cmd, str(folder / "seed.jsonl"), "--db", url], check=True, capture_output=True
        )
        started = time.perf_counter()
        importer = None
        if args.assigner == "import":
            # the import takes the story-assigner lock before the server starts: it clusters
            # what it stores itself, and the server only reads
            importer = start_import(cmd, folder, url)
            while placed(db) <= cut and importer.poll() is None:
                time.sleep(0.5)
        with live_server(url, folder) as base:
            if importer is None:
                importer = start_import(cmd, folder, url)
            stats, errors, import_s = asyncio.run(run_readers(base, db, args, importer, started))
            _, stderr = importer.communicate()
            placed_s = time.perf_counter() - started
        checks = check_articles(db, {r["url"] for r in records})
        if any(errors.values()):
            log = (folder / "serve.log").read_text(errors="replace")
            print(f"server log (end):\n{log[-4000:]}", file=sys.stderr)
    pages = {
        kind: {
            "requests": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
            "max_ms": round(max(values), 1),
            "errors": len(errors.get(kind, [])),
        }
        for kind, values in sorted(stats.items())
    }
    result = {
        "articles": args.articles,
        "readers": args.readers,
        "assigner": args.assigner,
        "import_exit": importer.returncode,
        "import_s": round(import_s, 1),
        "all_placed_in_stories_s": round(placed_s, 1),
        "pages": pages,
        "articles_check": checks,
        "first_errors": {k: v[:5] for k, v in errors.items()},
    }
    if importer.returncode:
        result["import_error"] = stderr.decode(errors="replace")[-500:]
    print(json.dumps(result, indent=1))
    failed = (
        importer.returncode
        or any(errors.values())
        or checks["found"] != checks["expected"]
        or checks["duplicates"]
        or checks["not_in_one_story"]
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
