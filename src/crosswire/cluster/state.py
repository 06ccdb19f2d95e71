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
    title: SparseVector = field(default_factory=dict)  # TF-IDF of the headline's words
    weekdays: frozenset[int] = frozenset()  # days of the week the article names
    years: frozenset[int] = frozenset()  # years it names (1900-2099)
    places: frozenset[str] = frozenset()  # countries its headline names
    # what is derived from it when first needed (``index.query_keys``)
    cache: dict = field(default_factory=dict, repr=False, compare=False)


@dataclass
class StoryState:
    """A live story: sums of its articles' vectors and its time span.

    Embeddings of languages the embedder covers share one cross-lingual space and are
    summed together (``dense_sum``); those of other languages are comparable only within
    their language and are summed per language (``native``), so they never blur the
    shared centroid."""

    story_id: int
    dim: int
    size: int = 0
    covered: int = 0  # members in a language the embedder covers
    dense_sum: np.ndarray = field(init=False)
    native: dict[str, np.ndarray] = field(default_factory=dict)
    lexical: dict[str, Centroid] = field(default_factory=dict)  # one per language
    titles: dict[str, Centroid] = field(default_factory=dict)  # headlines, per language
    titled: Counter[str] = field(default_factory=Counter)  # members with a headline, per language
    anchors: Centroid = field(default_factory=lambda: Centroid(keep=300))
    member_anchors: deque[SparseVector] = field(default_factory=lambda: deque(maxlen=16))
    languages: Counter[str] = field(default_factory=Counter)
    weekdays: set[int] = field(default_factory=set)  # days of the week its members name
    years: set[int] = field(default_factory=set)  # years they name (a bounded set)
    places: Counter[str] = field(default_factory=Counter)  # members naming each country
    newest: float | None = None
    oldest: float | None = None
    time_sum: float = 0.0
    timed: int = 0
    last_seq: int = 0
    terms: dict[str, None] = field(default_factory=dict)  # keys it is posted under, oldest first
    member_limit: int = 4  # how many of its latest articles it keeps whole (``members``)
    # whether it collects the days of the week its members name (a developing
    # story does not: they tell events apart, and a long-lived one would collect without end)
    clashes: bool = True
    members: deque[ArticleFeatures] = field(init=False)
    # what is derived from its members when first needed (the consolidation's core anchors);
    # ``add`` and ``absorb``, the ways its members change, empty it
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.dense_sum = np.zeros(self.dim, dtype=np.float32)
        self.members = deque(maxlen=self.member_limit)

    def add(self, article: ArticleFeatures) -> None:
        self.memo.clear()
        self.size += 1
        if article.covered:
            self.covered += 1
            self.dense_sum += article.dense
        else:
            native = self.native.setdefault(article.language, np.zeros(self.dim, np.float32))
            native += article.dense
        self.lexical.setdefault(article.language, Centroid(keep=200)).add(article.lexical)
        self.titles.setdefault(article.language, Centroid(keep=200)).add(article.title)
        self.titled[article.language] += bool(article.title)
        self.anchors.add(article.anchors)
        self.member_anchors.append(article.anchors)
        self.members.append(article)
        self.languages[article.language] += 1
        if self.clashes:
            self.weekdays |= article.weekdays
        self.years |= article.years
        self.places.update(article.places)
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
        self.memo.clear()
        self.size += other.size
        self.covered += other.covered
        self.dense_sum += other.dense_sum
        for language, total in other.native.items():
            self.native.setdefault(language, np.zeros(self.dim, np.float32))
            self.native[language] += total
        for language, centroid in other.lexical.items():
            mine = self.lexical.setdefault(language, Centroid(keep=200))
            mine.add(centroid.total, centroid.count)
        for language, centroid in other.titles.items():
            mine = self.titles.setdefault(language, Centroid(keep=200))
            mine.add(centroid.total, centroid.count)
        self.titled.update(other.titled)
        self.anchors.add(other.anchors.total, other.anchors.count)
        self.member_anchors.extend(other.member_anchors)
        both = sorted([*self.members, *other.members], key=lambda a: a.seq)
        self.members.clear()
        self.members.extend(both)  # the latest of both, in arrival order
        self.languages.update(other.languages)
        if self.clashes:
            self.weekdays |= other.weekdays
        self.years |= other.years
        self.places.update(other.places)
        self.last_seq = max(self.last_seq, other.last_seq)
        for t in (other.newest, other.oldest):
            if t is not None:
                self.newest = t if self.newest is None else max(self.newest, t)
                self.oldest = t if self.oldest is None else min(self.oldest, t)
        self.time_sum += other.time_sum
        self.timed += other.timed

    def without(self, article: ArticleFeatures) -> StoryState:
        """The story rebuilt from its kept members but ``article`` (for a story that keeps
        all its members), still posted under the keys it had in the index."""
        rest = StoryState(
            self.story_id, self.dim, member_limit=self.member_limit, clashes=self.clashes
        )
        for member in self.members:
            if member is not article:
                rest.add(member)
        rest.terms = dict(self.terms)
        return rest

    def main_places(self, share: float) -> set[str]:
        """The countries named by at least ``share`` of its members (all named ones at 0)."""
        least = share * self.size
        return {code for code, n in self.places.items() if n >= least}

    def dense_mean(self) -> np.ndarray:
        """Mean of the covered articles' embeddings (its dot product is the average
        cosine); for a story without any, the mean of all its embeddings."""
        if self.covered:
            return self.dense_sum / self.covered
        if not self.size:
            return self.dense_sum
        return sum(self.native.values(), np.zeros(self.dim, np.float32)) / self.size

    def dense_for(self, article: ArticleFeatures) -> float | None:
        """Average cosine with the members whose embeddings can be compared with the
        article's: the covered ones for a covered article, else the same-language ones."""
        if article.covered:
            if not self.covered:
                return None
            return float(self.dense_sum @ article.dense) / self.covered
        native = self.native.get(article.language)
        if native is None:
            return None
        return float(native @ article.dense) / self.languages[article.language]
