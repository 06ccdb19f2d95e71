"""The slope of the engine's confidence that two articles are one event, on a *train* split.

    python bench/pair_confidence.py ../shared/datasets/allsides-stories/train.articles.jsonl

``StoryEngine.similarity`` turns a join score into a confidence,
logistic((score - threshold) / confidence_scale). This fits that logistic on article pairs
of a labelled split: every same-story pair against each article's 5 nearest other-story
articles (by the embedder's lead cosine: the stories an article is really weighed against),
classes weighed equally. The score of a pair is ``StoryEngine.compare`` (the second
article against a story made of the first). Prints the fitted scale and centre; the centre
is a check (it should fall near the join threshold), the scale goes into
``ClusterOptions.confidence_scale``.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from calibrate_dense import calibration_pairs
from sklearn.linear_model import LogisticRegression

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.text import lead_text
from crosswire.embed import default_cache_path, load_embedder
from crosswire.eval.datasets import load_labelled_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    articles, gold = load_labelled_articles(args.train, limit=args.limit)
    options = ClusterOptions()
    load_embedder(options.embedder).attach_disk(default_cache_path())
    engine = StoryEngine(options, new_story_id=lambda: 0)
    leads = engine.embedder.encode([lead_text(a, options.lead_chars) for a in articles])
    index = calibration_pairs(leads, gold, random=False)
    scores = np.array([engine.compare(articles[i], articles[j]).score for i, j in index])
    same = np.array([gold[i] == gold[j] for i, j in index])
    model = LogisticRegression(class_weight="balanced", C=1e6).fit(scores[:, None], same)
    slope, intercept = float(model.coef_[0, 0]), float(model.intercept_[0])
    print(
        json.dumps(
            {
                "pairs": len(index),
                "same_story_pairs": int(same.sum()),
                "confidence_scale": round(1.0 / slope, 3),
                "centre": round(-intercept / slope, 3),
                "join_threshold": options.threshold,
            }
        )
    )


if __name__ == "__main__":
    main()
