"""Latency of the reader pages under load: front page, story pages, search, and a signed-in
reader's own pages.

    python bench/web_latency.py                       # 5,000 synthetic articles, 100 readers
    nice -n 10 python bench/web_latency.py --articles 100000 --readers 1000

Builds (once; cached as ``var/bench/web-N.db``) a SQLite database of N synthetic articles
through the store contract: bulk inserts, one story per synthetic gold story (no clustering),
real digests (``build_digest`` with the hashing embedder) for the stories the load generator
asks for and a cheap digest for the rest, so the server's upkeep thread finds nothing to do.
Then starts a real ``crosswire serve --no-fetch`` on 127.0.0.1 and runs a bounded load
generator (a thread pool of httpx clients; bounded in requests and seconds) over the front
page (first pages and filters; "front-uncached": pages from random cursors, which the
15-second story-list cache cannot hold), story pages and search, and prints p50/p95 per page,
the error count, the server's CPU time per request and the machine's load average (on a
shared machine latency includes waiting for a core; "floor" is the cheapest route).
Signed-in readers (``--readers``, each following ``--follows`` things: stories, outlets,
places and searches, with a muted word and a muted outlet, and some reports new since they
last looked) are added to the cached database once; their requests carry a session cookie
signed with the server's key: "following" is ``/following`` (new-since counts of every
follow), "personal-front" the front page without the reader's muted stories, "my" ``/my``
(the stories of every follow).
Targets on 2 cores at 100k articles: story p95 < 50 ms, front p95 < 100 ms, search < 50 ms;
with 1,000 readers following 20 things each: following and personal-front p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import articles as synthetic_articles  # noqa: E402

from crosswire.models import Article, Digest, Source, article_stamp  # noqa: E402
from crosswire.store import Store, open_store  # noqa: E402
from crosswire.store.digest_json import digest_from_json  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEANINGS = ["left", "lean-left", "center", "lean-right", "right"]
COUNTRIES = ["US", "GB", "FR", "DE", "IN"]
LANGUAGES = {"US": "en", "GB": "en", "FR": "fr", "DE": "de", "IN": "en"}
SAMPLE_STORIES = 200
SEARCH_WORDS = ["officials", "residents", "measures"]  # generic: in (nearly) every article


def outlet_sources() -> list[Source]:
    out = []
    for n in range(1, 41):
        country = COUNTRIES[n % len(COUNTRIES)]
        out.append(
            Source(
                domain=f"outlet{n}.example",
                name=f"Outlet {n}",
                country=country,
                language=LANGUAGES[country],
                leaning=LEANINGS[n % len(LEANINGS)],
                owner=f"Owner {n % 7}",
                typology="private" if n % 6 else "public-broadcaster",
                provenance="bench",
            )
        )
    return out


def cheap_digest(story_articles: list[Article], sources: dict[str, Source]) -> Digest:
    """What the page needs, without reading the texts: headline, a lead, spread, timeline."""
    from crosswire.digest.spread import build_spread

    first = min(story_articles, key=lambda a: (a.published_at, a.id))
    lead = first.text.split(". ")[0] + "."
    return digest_from_json(
        {
            "headline": first.title,
            "summary": [
                {
                    "text": lead,
                    "article_id": first.id,
                    "source": first.source,
                    "sources": sorted({a.source for a in story_articles}),
                    "evidence": [],
                }
            ],
            "timeline": [
                {
                    "at": a.published_at.isoformat(),
                    "source": a.source,
                    "article_id": a.id,
                    "title": a.title,
                    "kind": "first_report" if a is first else "first_from_source",
                }
                for a in sorted(story_articles, key=lambda a: (a.published_at, a.id))
            ],
            "spread": asdict(build_spread(story_articles, sources)),
            "comparison": {"numbers": [], "conflicts": [], "quotes": [], "only_in": []},
            "copies": [],
        }
    )


def build_database(path: Path, n: int) -> None:
    from crosswire.digest import build_digest
    from crosswire.digest.options import DigestOptions
    from crosswire.embed import load_embedder

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    store = open_store(f"sqlite:///{partial}")
    sources = {s.domain: s for s in outlet_sources()}
    for source in sources.values():
        store.upsert_source(source)
    groups: dict[str, list[Article]] = defaultdict(list)
    batch: list[tuple[str, Article]] = []

    def flush() -> None:
        stored = store.add_articles([a for _, a in batch])
        for (label, _), (article, _) in zip(batch, stored, strict=True):
            groups[label].append(article)
        batch.clear()

    for record in synthetic_articles(n):
        source = sources[record["source"]]
        batch.append(
            (
                record["story"],
                Article(
                    title=record["title"],
                    text=record["text"],
                    url=record["url"],
                    external_id=record["id"],
                    source=record["source"],
                    language=source.language,
                    published_at=datetime.fromisoformat(record["date"]),
                ),
            )
        )
        if len(batch) == 1000:
            flush()
            print(f"\r  {sum(map(len, groups.values()))} articles", end="", file=sys.stderr)
    if batch:
        flush()
    print(f"\n  articles stored in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    labels = list(groups)
    sample = set(random.Random(1).sample(labels, min(SAMPLE_STORIES, len(labels))))
    options = DigestOptions(embedder="hashing")
    embed = load_embedder("hashing")
    for start in range(0, len(labels), 500):
        with store.transaction():
            for label in labels[start : start + 500]:
                members = groups[label]
                at = max(a.published_at for a in members)
                story = store.create_story(members[0].title, [a.id for a in members], at)
                if label in sample:
                    digest = build_digest(members, sources, options, embed=embed)
                else:
                    digest = cheap_digest(members, sources)
                store.save_digest(
                    story.id, digest, article_stamp(story.article_ids), title=digest.headline
                )
        print(f"\r  {start + 500} stories", end="", file=sys.stderr)
    store.set_meta("bench_sample", ",".join(str(i) for i in sorted(_sample_ids(store, sample))))
    store.close()
    partial.rename(path)
    print(f"\n  built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _sample_ids(store: Store, labels: set[str]) -> set[int]:
    """Story ids of the sampled gold stories (found through their first article)."""
    ids = set()
    for label in labels:
        first = int(label[1:]) * 5
        article = store.find_article(external_id=f"syn-{first}")
        if article is not None and article.story_id is not None:
            ids.add(article.story_id)
    return ids


SECRET = "web-latency-bench-key"  # the server's session key, so the bench signs cookies


def add_readers(db: Path, readers: int, follows: int, seed: int = 7) -> None:
    """``readers`` accounts with ``follows`` follows and two mutes each (kept in the cached
    database; only the missing ones are added)."""
    from crosswire.models import User
    from crosswire.readers.follows import Follow
    from crosswire.store.readers import readers_of

    with open_store(f"sqlite:///{db}") as store:
        have = int(store.get_meta("bench_readers") or 0)
        if have >= readers:
            return
        started = time.perf_counter()
        rng = random.Random(seed + have)
        kept = readers_of(store)
        stories = [s.id for s in store.ranked_stories(limit=2000)]
        domains = [s.domain for s in store.list_sources()]
        names = sorted({(s.title.split() or ["x"])[0] for s in store.ranked_stories(limit=300)})
        newest = int(store._scalar("SELECT max(id) AS n FROM articles") or 0)
        kinds = ["story"] * 10 + ["outlet"] * 5 + ["place"] * 2 + ["query"] * 3
        with store.transaction():
            for n in range(have, readers):
                user = store.create_user(User(name=f"reader{n}", password_hash="bench"))
                for i in range(follows):
                    kind = kinds[i % len(kinds)]
                    target = {
                        "story": lambda: str(rng.choice(stories)),
                        "outlet": lambda: rng.choice(domains),
                        "place": lambda: rng.choice(COUNTRIES),
                        "query": lambda: rng.choice(names + SEARCH_WORDS),
                    }[kind]()
                    kept.add_follow(Follow(user_id=user.id, kind=kind, target=target, label=target))
                store._exec(  # some reports arrived since the reader last looked
                    "UPDATE reader_follows SET seen_article_id = ? WHERE user_id = ?",
                    (max(0, newest - rng.randint(0, 2000)), user.id),
                )
                kept.add_mute(user.id, "keyword", rng.choice(names).casefold())
                kept.add_mute(user.id, "outlet", rng.choice(domains))
        store.set_meta("bench_readers", str(readers))
    print(
        f"  {readers - have} readers added in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def session_cookie(user_id: int) -> str:
    from itsdangerous import URLSafeTimedSerializer

    value = URLSafeTimedSerializer(SECRET, salt="session").dumps({"u": user_id, "c": "bench"})
    return f"crosswire_session={value}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env["CROSSWIRE_EMBEDDER"] = "hashing"
    env["CROSSWIRE_SECRET_KEY"] = SECRET
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosswire", "serve", "--db", f"sqlite:///{db}"]
        + ["--port", str(port), "--no-fetch"],
        env=env,
        cwd=db.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/sources", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def plan(store: Store, requests: int, seed: int = 3) -> list[tuple[str, str, str]]:
    """(page kind, path, cookie) triples: story pages, front pages and search, and with
    readers in the database a signed-in reader's /following, front page and /my."""
    rng = random.Random(seed)
    sample = [int(i) for i in (store.get_meta("bench_sample") or "").split(",") if i]
    top = [s.id for s in store.ranked_stories(limit=30)]
    stories = sample + top
    cursors = []
    page = store.ranked_stories(limit=30)
    for _ in range(5):
        if not page:
            break
        cursors.append(f"{page[-1].hotness!r}_{page[-1].id}")
        page = store.ranked_stories(limit=30, after=(page[-1].hotness, page[-1].id))
    fronts = ["/", "/", "/", "/?lang=fr", "/?country=DE"] + [f"/?cursor={c}" for c in cursors]
    hottest, coldest = store.ranked_stories(limit=1), _coldest(store)
    span = (coldest, hottest[0].hotness if hottest else coldest)
    words = SEARCH_WORDS[:]
    for story_id in rng.sample(stories, min(30, len(stories))):
        found = store.get_story(story_id)
        if found is not None:
            words.append(found.title.split()[0])  # an invented name: a rare word
    readers = [int(r["id"]) for r in store._rows("SELECT id FROM users WHERE name LIKE 'reader%'")]
    out = []
    kinds = ("story", "front", "search", "story", "front-uncached", "search", "floor")
    if readers:
        kinds += ("following", "personal-front", "my")
    for i in range(requests):
        kind = kinds[i % len(kinds)]
        if kind in ("following", "personal-front", "my"):
            path = {"following": "/following", "personal-front": "/", "my": "/my"}[kind]
            out.append((kind, path, session_cookie(rng.choice(readers))))
        elif kind == "floor":  # the cheapest route: what any request costs on this machine
            out.append((kind, "/api/feeds", ""))
        elif kind == "story":
            out.append((kind, f"/stories/{rng.choice(stories)}", ""))
        elif kind == "front":
            out.append((kind, rng.choice(fronts), ""))
        elif kind == "front-uncached":  # a page from a random place: never in the list cache
            out.append((kind, f"/?cursor={rng.uniform(*span)!r}_{rng.randint(1, 2**62)}", ""))
        else:
            out.append((kind, f"/search?q={rng.choice(words)}", ""))
    rng.shuffle(out)
    return out


def _coldest(store: Store) -> float:
    page, last = store.ranked_stories(limit=500), 0.0
    while page:  # walk to the last page, 500 at a time, to find the lowest hotness
        last = page[-1].hotness
        page = store.ranked_stories(limit=500, after=(last, page[-1].id))
    return last


def run_load(base: str, work: list[tuple[str, str, str]], concurrency: int, seconds: float):
    deadline = time.monotonic() + seconds
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)

    def worker(chunk: list[tuple[str, str, str]]) -> None:
        with httpx.Client(base_url=base, timeout=10) as client:
            for kind, path, cookie in chunk:
                if time.monotonic() > deadline:
                    return
                start = time.perf_counter()
                try:
                    response = client.get(path, headers={"Cookie": cookie} if cookie else None)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - start) * 1000
                if ok:
                    results[kind].append(elapsed)
                else:
                    errors[kind] += 1

    chunks = [work[i::concurrency] for i in range(concurrency)]
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, chunks))
    return results, errors


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=900, help="requests in all (bounded)")
    parser.add_argument("--seconds", type=float, default=120, help="time limit for the load")
    parser.add_argument("--concurrency", type=int, default=2, help="client threads")
    parser.add_argument("--readers", type=int, default=100, help="signed-in readers (0: none)")
    parser.add_argument("--follows", type=int, default=20, help="follows of each reader")
    parser.add_argument("--db", type=Path, default=None, help="database file (cached)")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--build-only", action="store_true", help="build, do not serve")
    args = parser.parse_args()
    db = args.db or ROOT / "var" / "bench" / f"web-{args.articles}.db"
    if args.rebuild or not db.exists():
        print(f"building {db} ({args.articles} articles) …", file=sys.stderr)
        build_database(db, args.articles)
    if args.readers:
        add_readers(db, args.readers, args.follows)
    if args.build_only:
        return
    with open_store(f"sqlite:///{db}") as store:
        work = plan(store, args.requests)
        counts = (store.count_articles(), store.count_stories())
    proc, base = start_server(db)
    try:
        warm = work[:60]
        run_load(base, warm, args.concurrency, 60)  # warm caches; not counted
        started, cpu = time.perf_counter(), cpu_seconds(proc.pid)
        results, errors = run_load(base, work, args.concurrency, args.seconds)
        took, cpu = time.perf_counter() - started, cpu_seconds(proc.pid) - cpu
        load = os.getloadavg()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    done = sum(len(v) for v in results.values()) + sum(errors.values())
    print(
        f"\n{counts[0]} articles, {counts[1]} stories; {done} requests in {took:.1f} s "
        f"({done / took:.0f}/s), {args.concurrency} client threads, 127.0.0.1\n"
    )
    print(
        f"server CPU {cpu * 1000 / max(done, 1):.1f} ms per request on average; "
        f"load average {load:.1f} on {os.cpu_count()} cores during the run\n"
    )
    print("| page | requests | p50 ms | p95 ms | max ms | errors |")
    print("|---|---|---|---|---|---|")
    kinds = ("front", "front-uncached", "story", "search", "floor")
    for kind in kinds + ("following", "personal-front", "my"):
        values = sorted(results.get(kind, []))
        if not values:
            print(f"| {kind} | 0 | - | - | - | {errors.get(kind, 0)} |")
            continue
        print(
            f"| {kind} | {len(values)} | {percentile(values, 50):.1f} | "
            f"{percentile(values, 95):.1f} | {values[-1]:.1f} | {errors.get(kind, 0)} |"
        )
    if sum(errors.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
