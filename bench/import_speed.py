"""Import throughput into SQLite: `crosswire import` vs a bare sqlite3 executemany baseline.

    python bench/import_speed.py            # 10,000 synthetic articles
    python bench/import_speed.py --n 50000

Reports seconds for: the baseline (plain INSERTs of the same rows into one table), the
import with storage only (`--no-cluster`), and the full pipeline (dedup + story engine),
plus the second, idempotent import of the same file. Ratios are against the baseline
measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_jsonl  # noqa: E402


def baseline(path: Path, db: Path) -> float:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE a (id TEXT PRIMARY KEY, title TEXT, text TEXT, lang TEXT, "
                 "date TEXT, source TEXT, url TEXT UNIQUE)")
    conn.executemany(
        "INSERT INTO a VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(r["id"], r["title"], r["text"], r["lang"], r["date"], r["source"], r["url"])
         for r in rows],
    )
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def crosswire_import(path: Path, db: Path, *extra: str) -> tuple[float, dict]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "crosswire", "import", str(path), "--db", f"sqlite:///{db}",
         "--json", *extra],
        capture_output=True, text=True, check=True,
    )
    return time.perf_counter() - start, json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = write_jsonl(folder / "articles.jsonl", args.n)
        base = baseline(data, folder / "baseline.db")
        store_only, r1 = crosswire_import(data, folder / "store.db", "--no-cluster")
        full, r2 = crosswire_import(data, folder / "full.db")
        again, r3 = crosswire_import(data, folder / "full.db")
    result = {
        "articles": args.n,
        "baseline_executemany_s": round(base, 2),
        "import_store_only_s": round(store_only, 2),
        "import_full_pipeline_s": round(full, 2),
        "second_import_s": round(again, 2),
        "second_import_added": r3["added"],
        "stories": r2["new_stories"],
        "store_only_vs_baseline": round(store_only / base, 1),
        "full_articles_per_s": round(args.n / full, 1),
    }
    assert r1["added"] == r2["added"] == args.n and r3["added"] == 0
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
