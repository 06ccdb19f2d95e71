"""Backfill quality: stories from `crosswire backfill` vs `crosswire eval cluster` (online path).

    python bench/backfill_quality.py ../shared/datasets/allsides-stories/val.articles.jsonl

Backfills the labelled file into a fresh SQLite database on a local Dask cluster, reads the
story of each article back from the store, and scores it against the gold `story` labels
with the same pairwise and B-cubed metrics as `crosswire eval cluster`, which it also runs
on the same file. The issue's goal: pairwise F1 within 0.01.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path


def backfill_scores(path: str, workers: int) -> dict:
    from crosswire.backfill.run import DaskOptions, backfill, start_client
    from crosswire.eval.datasets import read_jsonl
    from crosswire.eval.metrics import score_bcubed, score_pairs
    from crosswire.records import article_from_record
    from crosswire.settings import load_settings
    from crosswire.store import open_store

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(database_url=f"sqlite:///{Path(tmp) / 'bf.db'}")
        client = start_client(DaskOptions(workers=workers, dashboard=False))
        try:
            backfill(path, settings, client)
        finally:
            client.close()
            client.cluster.close()
        records = read_jsonl(path)
        with open_store(settings.database_url) as store:

            def story_of(record: dict) -> int:
                # a record at the URL (or with the content) of an earlier one is that article
                # ("already known"): it is in the story of the article it matched
                article = article_from_record(record)
                found = store.find_article(
                    external_id=article.external_id,
                    url=article.url,
                    content_hash=article.content_hash,
                )
                return store.get_story(found.story_id).id  # follows merges

            predicted = [story_of(r) for r in records]
    gold = [str(r["story"]) for r in records]
    return {
        **score_pairs(gold, predicted),
        **score_bcubed(gold, predicted),
        "predicted_stories": len(set(predicted)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    online = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "crosswire",
                "eval",
                "cluster",
                "--dataset",
                args.dataset,
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    backfilled = backfill_scores(args.dataset, args.workers)
    print(f"dataset {args.dataset}")
    print("| path | pairwise P | pairwise R | pairwise F1 | B-cubed F1 | stories |")
    print("|---|---|---|---|---|---|")
    for name, r in (("online (eval cluster)", online), ("backfill (Dask)", backfilled)):
        print(
            f"| {name} | {r['pairwise_precision']:.4f} | {r['pairwise_recall']:.4f} | "
            f"{r['pairwise_f1']:.4f} | {r['bcubed_f1']:.4f} | {r['predicted_stories']} |"
        )
    delta = backfilled["pairwise_f1"] - online["pairwise_f1"]
    print(
        f"pairwise F1 difference: {delta:+.4f} ({'within' if abs(delta) <= 0.01 else 'OUTSIDE'}"
        " the 0.01 goal)"
    )


if __name__ == "__main__":
    main()
