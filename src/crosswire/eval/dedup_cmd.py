"""``crosswire eval dedup``: precision and recall of copy detection on constructed copies.

Half of the dataset's articles (chosen by a seeded shuffle) are indexed as originals; each
of them yields one copy of every kind (see copy_variants). The other half are unrelated
articles — in story datasets, often other outlets' articles about the same event, the hard
negatives. A query counts as a true positive when it finds its own original.

``copy_first``: the same originals, each preceded by one of its copies (a kind in turn)
published two hours later, as when a reprint's feed is read before the original's; it counts
how often the original, when it comes, is found and recognised as the original.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import click

from crosswire.cluster import options_from_settings
from crosswire.console import settings_from
from crosswire.dedup import CopyIndex, CopyOptions
from crosswire.eval.copy_variants import KINDS, make_variant
from crosswire.eval.datasets import load_labelled_articles


def evaluate_copies(articles: list, options: CopyOptions, seed: int = 13) -> dict:
    rng = random.Random(seed)
    pool = [a for a in articles if len((a.text or "").split()) >= 20]
    rng.shuffle(pool)
    originals, others = pool[: len(pool) // 2], pool[len(pool) // 2 :]
    index = CopyIndex(options)
    for article in originals:
        index.add(article)
    next_id = max(a.id for a in articles) + 1
    found = {kind: 0 for kind in KINDS}
    wrong = 0
    for article in originals:
        for kind in KINDS:
            copy = make_variant(article, kind, rng, next_id)
            next_id += 1
            match = index.find(copy)
            if match == article.id:
                found[kind] += 1
            elif match is not None:
                wrong += 1
    false_alarms = sum(1 for a in others if index.find(a) is not None)
    tp = sum(found.values())
    claimed = tp + wrong + false_alarms
    precision = tp / claimed if claimed else 1.0
    recall = tp / (len(originals) * len(KINDS)) if originals else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "recall_by_kind": {k: v / len(originals) for k, v in found.items()} if originals else {},
        "copies": len(originals) * len(KINDS),
        "negatives": len(others),
        "false_alarms": false_alarms,
        "wrong_original": wrong,
        "copy_first": copy_first(originals, options, rng, next_id),
    }


def copy_first(originals: list, options: CopyOptions, rng: random.Random, next_id: int) -> dict:
    index = CopyIndex(options)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    arrivals = []
    for k, article in enumerate(originals):
        published = start + timedelta(hours=k)
        copy = make_variant(article, KINDS[k % len(KINDS)], rng, next_id + k)
        index.add(replace(copy, published_at=published + timedelta(hours=2)))
        arrivals.append((replace(article, published_at=published), copy.id))
    recognised = 0
    for article, copy_id in arrivals:
        match = index.find(article)
        if (
            match is not None
            and match == copy_id
            and index.is_original_of(article, index.root_of(match))
        ):
            recognised += 1
    return {
        "originals": len(arrivals),
        "recognised": recognised / len(arrivals) if arrivals else 0.0,
    }


@click.command("dedup")
@click.option("--dataset", "path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Use only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def dedup(ctx: click.Context, path: str, limit: int | None, as_json: bool) -> None:
    """Copy-detection precision/recall on edited, trimmed and retitled copies."""
    settings = settings_from(ctx)
    articles, _ = load_labelled_articles(path, limit=limit)
    options = CopyOptions(containment=options_from_settings(settings).copy_containment)
    result = evaluate_copies(articles, options)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            click.echo(f"{key:16} {value}")
