"""Story clustering baselines side by side with crosswire, on several datasets in one run.

    python bench/cluster_baselines.py ../shared/datasets/allsides-stories/val.articles.jsonl \
        ../shared/datasets/event-clusters/basil-dev.articles.jsonl \
        ../shared/datasets/event-clusters/ecbplus-dev.articles.jsonl
    python bench/cluster_baselines.py ../shared/datasets/multiling2011/docs.jsonl --langs ar,en,fr \
        --level topic

For each file, and as the unweighted mean over the files: crosswire with its shipped
settings, and scikit-learn agglomerative clustering (average linkage, cosine distance) on
TF-IDF of title + text at ``--distance`` (0.8, the baseline the story engine is measured
against), optionally also on the embedder's title + lead vectors (``--embeddings``). With
``--tune TRAIN`` each baseline's distance is instead chosen on a train split; with
``--oracle`` the best distance on the evaluated file itself is reported, flagged
``"oracle_threshold": true`` (an upper bound for the baseline). Prints one JSON line per
system and file, then one per system with the means.

``--option NAME=VALUE`` (repeatable) runs crosswire with a ``ClusterOptions`` field changed,
e.g. ``--option weight_weekday=0 --crosswire-only`` to measure what a rule earns on the mean.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from dataclasses import fields, replace

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.text import lead_text
from crosswire.embed import load_embedder
from crosswire.eval.cluster_cmd import cache_embeddings_on_disk, evaluate_clustering, mean_scores
from crosswire.eval.datasets import load_labelled_articles
from crosswire.eval.metrics import score_bcubed, score_pairs

THRESHOLDS = [round(x, 2) for x in np.arange(0.3, 0.96, 0.05)]


def tfidf_vectors(articles) -> np.ndarray:
    texts = [f"{a.title} {a.text}" for a in articles]
    return TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts).toarray()


def embedding_vectors(articles, embedder: str) -> np.ndarray:
    return load_embedder(embedder).encode(
        [lead_text(a, ClusterOptions.lead_chars) for a in articles]
    )


def agglomerate(vectors: np.ndarray, threshold: float) -> list[int]:
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    )
    return model.fit_predict(vectors).tolist()


def best_threshold(vectors: np.ndarray, gold: list[str]) -> float:
    scores = {t: score_pairs(gold, agglomerate(vectors, t))["pairwise_f1"] for t in THRESHOLDS}
    return max(scores, key=lambda t: (scores[t], -t))


def run_baseline(name, make_vectors, articles, gold, distance, tune=None, oracle=False) -> dict:
    if tune is not None:
        distance = best_threshold(make_vectors(tune[0]), tune[1])
    started = time.perf_counter()
    vectors = make_vectors(articles)
    if oracle:
        distance = best_threshold(vectors, gold)
    predicted = agglomerate(vectors, distance)
    elapsed = time.perf_counter() - started
    result = {"system": name, "distance_threshold": distance, "oracle_threshold": oracle}
    result.update(score_pairs(gold, predicted))
    result.update(score_bcubed(gold, predicted))
    result.update(docs_per_second=len(articles) / elapsed, predicted_stories=len(set(predicted)))
    return result


def changed_options(pairs: list[str], embedder: str) -> ClusterOptions:
    """The shipped options with each ``NAME=VALUE`` of ``pairs`` set (typed as the field)."""
    types = {f.name: type(getattr(ClusterOptions, f.name)) for f in fields(ClusterOptions)}
    changes: dict = {}
    for pair in pairs:
        name, value = pair.split("=", 1)
        kind = types[name]
        if value == "None":
            changes[name] = None
        elif kind is bool or (kind is type(None) and value.lower() in ("true", "false")):
            changes[name] = value.lower() in ("1", "true")  # a switch (None: the engine's own)
        elif kind is type(None):  # a number left unset by default (a threshold)
            changes[name] = float(value)
        else:
            changes[name] = kind(value)
    return replace(ClusterOptions(embedder=embedder), **changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="+")
    parser.add_argument("--distance", type=float, default=0.8, help="cosine distance threshold")
    parser.add_argument("--tune", help="train split to choose baseline thresholds on")
    parser.add_argument("--oracle", action="store_true", help="best threshold on each file")
    parser.add_argument("--embeddings", action="store_true", help="also the embedder baseline")
    parser.add_argument("--option", action="append", default=[], help="NAME=VALUE for crosswire")
    parser.add_argument("--crosswire-only", action="store_true", help="no baselines")
    parser.add_argument("--langs", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--embedder", default=ClusterOptions.embedder)
    parser.add_argument(
        "--level",
        choices=["event", "topic"],
        default="event",
        help="crosswire's stories or its developing stories (MultiLing's gold stories are topics)",
    )
    args = parser.parse_args()
    languages = set(args.langs.split(",")) if args.langs else None
    tune = load_labelled_articles(args.tune, limit=args.limit) if args.tune else None
    cache_embeddings_on_disk(args.embedder)
    options = changed_options(args.option, args.embedder)
    systems = [] if args.crosswire_only else [("tfidf+agglomerative", tfidf_vectors)]
    if args.embeddings:
        systems.append(
            (f"{args.embedder}+agglomerative", lambda a: embedding_vectors(a, args.embedder))
        )
    by_system: dict[str, list[dict]] = {}
    for path in args.datasets:
        articles, gold = load_labelled_articles(path, limit=args.limit, languages=languages)
        engine = StoryEngine(options, itertools.count(1).__next__)
        ours = {"system": "crosswire", "level": args.level, "options": args.option}
        ours.update(evaluate_clustering(articles, gold, engine, level=args.level))
        results = [ours]
        for name, make in systems:
            result = run_baseline(name, make, articles, gold, args.distance, tune, args.oracle)
            results.append(result)
        for result in results:
            by_system.setdefault(result["system"], []).append(result)
            print(json.dumps({"dataset": path, **result}), flush=True)
    for system, results in by_system.items():
        print(json.dumps({"dataset": "mean", "system": system, **mean_scores(results)}))


if __name__ == "__main__":
    main()
