"""``crosswire eval pairs``: article-pair similarity against SemEval-2022 Task 8 gold."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict

import click
import numpy as np

from crosswire.cluster import StoryEngine, options_from_settings
from crosswire.console import settings_from
from crosswire.eval.cluster_cmd import cache_embeddings_on_disk
from crosswire.eval.datasets import read_jsonl
from crosswire.models import Article


def pearson(x: list[float], y: list[float]) -> float:
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def score_pairs_file(records: list[dict], engine: StoryEngine) -> dict:
    """Pearson between the engine's similarity and 5 − ``overall`` (higher: more similar)."""
    predicted, gold = [], []
    groups: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    ids = itertools.count(1)
    for r in records:
        first = Article(title="", text=r["text1"], id=next(ids), language=r.get("lang1"))
        second = Article(title="", text=r["text2"], id=next(ids), language=r.get("lang2"))
        score = engine.similarity(first, second)
        target = 5.0 - float(r["overall"])
        predicted.append(score)
        gold.append(target)
        pair = f"{r.get('lang1')}-{r.get('lang2')}"
        groups[pair][0].append(score)
        groups[pair][1].append(target)
    return {
        "pearson": pearson(predicted, gold),
        "pairs": len(records),
        "by_language_pair": {
            k: {"pearson": pearson(p, g), "pairs": len(p)} for k, (p, g) in sorted(groups.items())
        },
    }


@click.command("pairs")
@click.option("--dataset", "path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Use only the first N pairs.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def pairs(ctx: click.Context, path: str, limit: int | None, as_json: bool) -> None:
    """Score article pairs with the story engine's similarity (its confidence that they are
    one event and one developing story); Pearson against gold."""
    settings = settings_from(ctx)
    records = read_jsonl(path, required=("text1", "text2", "overall"))[:limit]
    cache_embeddings_on_disk(settings.embedder)
    engine = StoryEngine(options_from_settings(settings))
    result = score_pairs_file(records, engine)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(f"pearson {result['pearson']:.4f} over {result['pairs']} pairs")
        for pair, value in result["by_language_pair"].items():
            click.echo(f"  {pair:6} {value['pearson']:.4f} ({value['pairs']})")
