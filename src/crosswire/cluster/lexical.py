"""Online TF-IDF: document frequencies grow as articles arrive; vectors are sparse dicts.

A vector is weighted with the document frequencies known when its article arrived, so the
result of a stream does not depend on how it is split into batches.
"""

from __future__ import annotations

import math
from collections import Counter

SparseVector = dict[str, float]


class DocumentFrequencies:
    """How many articles so far contain each term (per vocabulary, e.g. words or anchors)."""

    def __init__(self, prior_docs: int = 0) -> None:
        # ``prior_docs`` imaginary earlier articles that contain no term: at the start of a
        # stream every term then weighs about the same, instead of the first article's words
        # looking common.
        self.prior_docs = prior_docs
        self.docs = 0
        self.counts: Counter[str] = Counter()

    def add(self, terms: Counter[str]) -> None:
        self.docs += 1
        self.counts.update(terms.keys())


def weigh_terms(terms: Counter[str], df: DocumentFrequencies, keep: int = 0) -> SparseVector:
    """Sub-linear TF, 1 + ln(n), times smoothed IDF, ln((1 + docs) / (1 + df)) + 1, with
    ``df.prior_docs`` counted among the docs; L2-normalised; ``keep`` > 0 keeps only the
    heaviest terms."""
    docs, counts, log = 1 + df.docs + df.prior_docs, df.counts, math.log
    vector = {
        t: (1.0 + log(n)) * (log(docs / (1 + counts.get(t, 0))) + 1.0) for t, n in terms.items()
    }
    if keep and len(vector) > keep:
        vector = dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    return normalise(vector)


def normalise(vector: SparseVector) -> SparseVector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    if norm == 0:
        return {}
    return {t: v / norm for t, v in vector.items()}


def dot(a: SparseVector, b: SparseVector) -> float:
    """Dot product over the shared terms. ``fsum`` rounds exactly, so the result does not
    depend on the order in which the set intersection (hash order) yields them."""
    return math.fsum([a[t] * b[t] for t in a.keys() & b.keys()])


class Centroid:
    """The sum of a story's article vectors, pruned to its heaviest terms, and their count.

    ``memo`` holds what is derived from ``total`` when first needed (the consolidation's
    figures and names apart); ``add``, the one way ``total`` changes, empties it."""

    __slots__ = ("total", "count", "keep", "memo")

    def __init__(self, keep: int = 200) -> None:
        self.total: SparseVector = {}
        self.count = 0
        self.keep = keep
        self.memo: dict = {}

    def add(self, vector: SparseVector, count: int = 1) -> None:
        add_into(self.total, vector, self.keep)
        self.count += count
        self.memo.clear()

    def mean_cosine(self, vector: SparseVector) -> float:
        """Average cosine between a unit ``vector`` and the story's (unit) article vectors:
        group-average linkage, which keeps a story from drifting as it grows."""
        if not self.count or not vector:
            return 0.0
        return dot(vector, self.total) / self.count


def add_into(total: SparseVector, vector: SparseVector, keep: int) -> None:
    """Accumulate ``vector`` into the centroid ``total``, pruned to its ``keep`` heaviest terms."""
    for t, v in vector.items():
        total[t] = total.get(t, 0.0) + v
    if len(total) > keep * 2:
        heaviest = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
        total.clear()
        total.update(heaviest)
