"""Story clustering baselines side by side with crosswire, on one dataset in one run.

    python bench/cluster_baselines.py ../shared/datasets/allsides-stories/val.articles.jsonl
    python bench/cluster_baselines.py ../shared/datasets/multiling2011/docs.jsonl --langs ar,en,fr \
        --level topic

Baselines: scikit-learn agglomerative clustering (average linkage, cosine distance) on
TF-IDF of title + text and on the embedder's title + lead vectors. Each baseline's distance
threshold is chosen on ``--tune`` (a train split) when given; without it the best threshold
on the evaluated data itself is reported, flagged ``"oracle_threshold": true`` (an upper
bound for the baseline, as in the issue's table). crosswire runs with its shipped settings.
Prints one JSON line per system: quality and articles/s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.text import lead_text
from crosswire.embed import load_embedder
from crosswire.eval.cluster_cmd import evaluate_clustering
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


def run_baseline(name, make_vectors, articles, gold, tune) -> dict:
    if tune is not None:
        threshold = best_threshold(make_vectors(tune[0]), tune[1])
    started = time.perf_counter()
    vectors = make_vectors(articles)
    if tune is None:
        threshold = best_threshold(vectors, gold)
    predicted = agglomerate(vectors, threshold)
    elapsed = time.perf_counter() - started
    result = {"system": name, "distance_threshold": threshold, "oracle_threshold": tune is None}
    result.update(score_pairs(gold, predicted))
    result.update(score_bcubed(gold, predicted))
    result.update(docs_per_second=len(articles) / elapsed, predicted_stories=len(set(predicted)))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("--tune", help="train split to choose baseline thresholds on")
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
    articles, gold = load_labelled_articles(args.dataset, limit=args.limit, languages=languages)
    tune = load_labelled_articles(args.tune, limit=args.limit) if args.tune else None
    counter = itertools.count(1)
    engine = StoryEngine(ClusterOptions(embedder=args.embedder), lambda: next(counter))
    # first, so it embeds from a cold cache
    ours = evaluate_clustering(articles, gold, engine, level=args.level)
    print(json.dumps({"system": "crosswire", "level": args.level, **ours}))
    for name, make in (
        ("tfidf+agglomerative", tfidf_vectors),
        (f"{args.embedder}+agglomerative", lambda a: embedding_vectors(a, args.embedder)),
    ):
        print(json.dumps(run_baseline(name, make, articles, gold, tune)))


if __name__ == "__main__":
    main()
