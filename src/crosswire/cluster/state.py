"""What the engine remembers about an article being placed and about each live story."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field

import numpy as np

from crosswire.cluster.lexical import Centroid, SparseVector


@dataclass
class ArticleFeatures:
    """One article as the engine sees it (vectors weighted when it arrived)."""

    article_id: int
    language: str
    dense: np.ndarray
    covered: bool  # the embedder knows this language
    lexical: SparseVector
    anchors: SparseVector
    timestamp: float | None  # seconds since the epoch, None when undated
    seq: int  # arrival order


@dataclass
class StoryState:
    """A live story: sums of its articles' vectors and its time span."""

    story_id: int
    dim: int
    size: int = 0
    dense_sum: np.ndarray = field(init=False)
    lexical: dict[str, Centroid] = field(default_factory=dict)  # one per language
    anchors: Centroid = field(default_factory=lambda: Centroid(keep=300))
    member_anchors: deque[SparseVector] = field(default_factory=lambda: deque(maxlen=16))
    languages: Counter[str] = field(default_factory=Counter)
    newest: float | None = None
    oldest: float | None = None
    time_sum: float = 0.0
    timed: int = 0
    last_seq: int = 0
    terms: set[str] = field(default_factory=set)  # the keys it is posted under

    def __post_init__(self) -> None:
        self.dense_sum = np.zeros(self.dim, dtype=np.float32)

    def add(self, article: ArticleFeatures) -> None:
        self.size += 1
        self.dense_sum += article.dense
        self.lexical.setdefault(article.language, Centroid(keep=200)).add(article.lexical)
        self.anchors.add(article.anchors)
        self.member_anchors.append(article.anchors)
        self.languages[article.language] += 1
        self.touch(article)

    def touch(self, article: ArticleFeatures) -> None:
        """Note the article's time without changing the vectors (for copies)."""
        self.last_seq = max(self.last_seq, article.seq)
        if article.timestamp is not None:
            t = article.timestamp
            self.newest = t if self.newest is None else max(self.newest, t)
            self.oldest = t if self.oldest is None else min(self.oldest, t)
            self.time_sum += t
            self.timed += 1

    def absorb(self, other: StoryState) -> None:
        """Take in every article of ``other`` (a merge)."""
        self.size += other.size
        self.dense_sum += other.dense_sum
        for language, centroid in other.lexical.items():
            mine = self.lexical.setdefault(language, Centroid(keep=200))
            mine.add(centroid.total, centroid.count)
        self.anchors.add(other.anchors.total, other.anchors.count)
        self.member_anchors.extend(other.member_anchors)
        self.languages.update(other.languages)
        self.last_seq = max(self.last_seq, other.last_seq)
        for t in (other.newest, other.oldest):
            if t is not None:
                self.newest = t if self.newest is None else max(self.newest, t)
                self.oldest = t if self.oldest is None else min(self.oldest, t)
        self.time_sum += other.time_sum
        self.timed += other.timed

    def dense_mean(self) -> np.ndarray:
        """Mean of the article embeddings: its dot product is the average cosine."""
        return self.dense_sum / self.size if self.size else self.dense_sum
