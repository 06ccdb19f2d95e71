"""Tune the story engine's weights and threshold on a *train* split (never on val/test).

    python bench/tune_cluster.py ../shared/datasets/allsides-stories/train.articles.jsonl

1. Teacher-forced features: articles arrive in order and join their gold story; for each
   one, the fit against every live story is recorded (gold story = positive). A logistic
   regression on (dense, lexical, title, anchors, weekday, date and headline-figure clashes)
   gives the relative weights.
2. The real engine then runs with those weights over a grid of thresholds; the pairwise F1 of
   each is printed (the mean over streams of ``--chunk`` articles). Copy the chosen values
   into ClusterOptions by hand.

The current defaults (see cluster/options.py) came from ``--set`` runs around the fitted
weights; the logistic regression alone ranks well but sets a join threshold that is too
lenient for a free-running stream (a wrong join drags the story's next articles along).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys

import numpy as np

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.index import query_keys
from crosswire.cluster.scoring import measure_fit
from crosswire.cluster.state import StoryState
from crosswire.eval.cluster_cmd import cache_embeddings_on_disk, evaluate_clustering
from crosswire.eval.datasets import load_labelled_articles


def teacher_forced_features(articles, gold, options):
    engine = StoryEngine(options, new_story_id=lambda: 0)
    vectors = engine._embed(articles)
    ids: dict[str, int] = {}
    rows, labels = [], []
    for article, label, vector in zip(articles, gold, vectors, strict=True):
        features = engine._features(article, vector)
        for story in engine.active.stories.values():
            fit = measure_fit(features, story, options)
            lexical = fit.lexical if fit.lexical is not None else 0.0
            title = fit.title if fit.title is not None else 0.0
            rows.append((fit.dense, lexical, title, fit.anchors, float(fit.weekday_clash)))
            labels.append(story.story_id == ids.get(label))
        if label not in ids:
            ids[label] = len(ids) + 1
            engine.active.put(StoryState(ids[label], engine.embedder.dim), ())
        story = engine.active.stories[ids[label]]
        story.add(features)
        engine.active.put(story, query_keys(features))
    return np.array(rows), np.array(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--embedder", default="usem3")
    parser.add_argument("--thresholds", default="1.9,2.0,2.1,2.2,2.3")
    parser.add_argument("--fit-weights", action="store_true", help="refit the weights first")
    parser.add_argument(
        "--chunk", type=int, default=921, help="score streams of this many articles (val size)"
    )
    parser.add_argument("--set", action="append", default=[], help="option=value to try")
    args = parser.parse_args()
    articles, gold = load_labelled_articles(args.train, limit=args.limit)
    cache_embeddings_on_disk(args.embedder)
    base = ClusterOptions(embedder=args.embedder)
    for assignment in args.set:
        key, value = assignment.split("=", 1)
        base = dataclasses.replace(base, **{key: type(getattr(base, key))(value)})
    if args.fit_weights:
        weights = fit_weights(articles[: args.chunk * 3], gold[: args.chunk * 3], base)
        base = dataclasses.replace(
            base,
            weight_dense=1.0,
            weight_lexical=float(weights[1]),
            weight_title=float(weights[2]),
            weight_anchors=float(weights[3]),
            weight_weekday=float(-weights[4]),
        )
    for t in [float(v) for v in args.thresholds.split(",")]:
        options = dataclasses.replace(base, threshold=t)
        results = []
        for start in range(0, len(articles) - args.chunk + 1, args.chunk):
            counter = itertools.count(1)
            engine = StoryEngine(options, new_story_id=lambda c=counter: next(c))
            part = slice(start, start + args.chunk)
            results.append(evaluate_clustering(articles[part], gold[part], engine))
        mean = {k: round(float(np.mean([r[k] for r in results])), 4) for k in results[0]}
        print(json.dumps({"threshold": t, "streams": len(results), **mean}), flush=True)


def fit_weights(articles, gold, base: ClusterOptions) -> np.ndarray:
    """Relative weights (dense = 1) from a logistic regression on teacher-forced fits."""
    x, y = teacher_forced_features(articles, gold, base)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000).fit(x, y)
    coef = model.coef_[0]
    scale = coef[0]  # express weights relative to the dense weight of 1
    weights = coef / scale
    print(
        json.dumps(
            {
                "pairs": len(y),
                "positives": int(y.sum()),
                "weights_dense_lexical_title_anchors_weekday": [
                    round(float(w), 3) for w in weights
                ],
                "intercept_over_dense": round(float(model.intercept_[0] / scale), 3),
            }
        ),
        file=sys.stderr,
    )
    return weights


if __name__ == "__main__":
    main()
