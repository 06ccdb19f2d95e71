"""Consolidation behind online assignment: fragments of one event become one story.

Online assignment decides at once, from what it has seen so far; an event whose first
reports share few words (no headline, no date, another outlet's vocabulary) starts as two
or three stories. Right after each article is placed, its story is compared with the live
stories around it (the article's best other candidates) by a learned story-to-story model:
the probability that the two are one event. Those at ``consolidate_threshold`` (one
probability; by default the one shipped with the model) merge, and the grown story is
scored again against the candidates left until none reaches it (agglomerative). Each merge
is recorded (``StoryEngine.drain_merges``) and the absorbed story redirects to the other.

The model is a logistic regression over similarities of the two stories taken as wholes,
each of which works when a headline or a date is missing:

- ``dense``: mean cosine of the embeddings (title and lead; across languages); ``dense_min``
  and ``dense_max``, the lowest and highest cosine between their kept articles;
- ``lexical``: mean TF-IDF cosine of the whole texts (same language); ``lexical_max``, the
  highest between kept articles;
- ``title``: mean TF-IDF cosine of the headlines over the pairs that have both (where
  none has, the ``lexical`` cosine stands in);
- ``anchors``: mean cosine of numbers and Latin-script names (they survive translation),
  the cosines of the ``figures`` and of the ``names`` alone, and how many names and figures
  the two stories' anchor centroids share (``shared_names``, ``shared_figures``; log 1 + n);
- ``time_apart``: how far apart the two stories' spans are (1 − a Gaussian of the gap,
  3 days), 0 when one is undated: time counts against a merge only where it is known;
- ``day_clash``: both stories name days of the week, none in common;
- ``smaller``, ``larger``: the log sizes of the two stories;
- ``unshared``: the share of one story's core anchors (those at least half its kept
  members name) that the other never names: two events of one kind share the kind's names,
  not their participants, places and figures;
- ``*_gap`` and ``*_lead``: how far the dense, lexical and anchor similarities stand above
  the best and the mean of the story's other candidates (one event is the neighbour a
  story is clearly closest to; a lead does not depend on how alike a corpus's texts are).

Only stories whose embeddings compare (a language the embedder covers on both sides, or
the same other language) are scored: the model is fitted on such pairs, and without an
embedding its word and lead features alone merged the translations of unrelated themes
(MultiLing, 7 languages, topics: 0.9468 without the pass, 0.8492 with it on every pair).

A model names the features it uses (``PairModel.features``, a subset of ``FEATURES``). The
weights are fitted by ``bench/train_story_pairs.py`` on the candidate pairs that the online
pass produces on several labelled corpora (files weighted equally) and shipped as
``cluster/data/story_pairs.json`` (coefficients only, with their provenance). Each merge
costs a handful of sparse dot products; the number of pairs scored is counted
(``Consolidator.scored``) and logged by the pipeline.
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from crosswire.cluster.lexical import Centroid, SparseVector, dot
from crosswire.cluster.options import ClusterOptions
from crosswire.cluster.scoring import DAY, gaussian
from crosswire.cluster.state import ArticleFeatures, StoryState

if TYPE_CHECKING:
    from crosswire.cluster.engine import StoryEngine

FEATURES = (
    "dense",
    "dense_min",
    "lexical",
    "title",
    "anchors",
    "figures",
    "names",
    "time_apart",
    "day_clash",
    "smaller",
    "larger",
    "dense_max",
    "lexical_max",
    "shared_names",
    "shared_figures",
    "unshared",
    "dense_gap",
    "lexical_gap",
    "anchors_gap",
    "dense_lead",
    "lexical_lead",
    "anchors_lead",
)
# the similarities whose lead over the story's other candidates is a feature of its own:
# over the best of the others (``*_gap``) and over their mean (``*_lead``)
GAPS = (("dense_gap", "dense"), ("lexical_gap", "lexical"), ("anchors_gap", "anchors"))
LEADS = (("dense_lead", "dense"), ("lexical_lead", "lexical"), ("anchors_lead", "anchors"))
PAIR_FEATURES = len(FEATURES) - len(GAPS) - len(LEADS)

MODEL_FILE = "story_pairs.json"


def story_pair_features(a: StoryState, b: StoryState, options: ClusterOptions) -> np.ndarray:
    """The similarities of two stories (see the module docstring), in ``FEATURES`` order
    but the gaps (``with_gaps`` adds those)."""
    dense = _mean_dense(a, b)
    if dense is not None:
        dense = options.dense_scale * dense + options.dense_offset
    links = [_link(m, n) for m in a.members for n in b.members]
    weakest = _weakest_dense(a, b, links)
    if weakest is not None:
        weakest = options.dense_scale * weakest + options.dense_offset
    lexical, _ = _mean_centroids(a.lexical, b.lexical, a.lexical, b.lexical)
    title, titled = _mean_centroids(a.titles, b.titles, a.titled, b.titled)
    anchors = 0.0
    if a.anchors.count and b.anchors.count:
        anchors = dot(a.anchors.total, b.anchors.total) / (a.anchors.count * b.anchors.count)
    figures, names = _anchor_kinds(a, b)
    apart = 0.0
    if None not in (a.newest, a.oldest, b.newest, b.oldest):
        gap = max(0.0, max(a.oldest, b.oldest) - min(a.newest, b.newest))  # type: ignore[type-var, operator]
        apart = 1.0 - gaussian(gap, options.time_sigma_days * DAY)
    return np.array(
        [
            dense or 0.0,
            weakest or 0.0,
            lexical,
            title if titled else lexical,
            anchors,
            figures,
            names,
            apart,
            1.0 if _clash(a.weekdays, b.weekdays) else 0.0,
            math.log(max(1, min(a.size, b.size))),
            math.log(max(1, a.size, b.size)),
            *_strongest_links(a, b, options, links),
            *_shared_anchors(a, b),
            max(_unshared(a, b), _unshared(b, a)),
        ]
    )


def _unshared(a: StoryState, b: StoryState) -> float:
    """The share of ``a``'s core anchors (names and figures that at least half of its kept
    members name, two at least; weighted by their TF-IDF) that ``b`` never names among its
    heaviest: two events of one kind share the kind's names, but each has participants,
    places and figures that all its own reports give (0 for a single report)."""
    if len(a.member_anchors) < 2:
        return 0.0
    core, total = _core_anchors(a)
    if not total:
        return 0.0
    theirs = b.anchors.total
    return sum(w for key, w in core.items() if key not in theirs) / total


def _core_anchors(a: StoryState) -> tuple[dict[str, float], float]:
    """``a``'s core anchors (see ``_unshared``) with their summed weights, and the sum of
    those; made once per state of the story (``StoryState.memo``)."""
    kept = a.memo.get("core")
    if kept is not None:
        return kept
    seen: dict[str, list[float]] = {}
    for anchors in a.member_anchors:
        for key, weight in anchors.items():
            entry = seen.setdefault(key, [0.0, 0.0])
            entry[0] += 1
            entry[1] += weight
    least = max(2.0, len(a.member_anchors) / 2)
    core = {key: weight for key, (n, weight) in seen.items() if n >= least}
    a.memo["core"] = kept = (core, sum(core.values()))
    return kept


def _strongest_links(
    a: StoryState, b: StoryState, options: ClusterOptions, links: list | None = None
) -> tuple[float, float]:
    """The highest embedding cosine (on the model's scale) and the highest full-text TF-IDF
    cosine (same language) between a kept article of each story: single linkage, an event
    whose reports drifted apart still has two that tell it alike. ``links``: their
    ``_link`` pairs, when the caller has them."""
    if links is None:
        links = [_link(m, n) for m in a.members for n in b.members]
    dense, lexical = None, 0.0
    for cosine, words in links:
        if cosine is not None:
            dense = cosine if dense is None else max(dense, cosine)
        if words is not None:
            lexical = max(lexical, words)
    if dense is None:
        return 0.0, lexical
    return options.dense_scale * dense + options.dense_offset, lexical


# (id, id) -> (the two kept articles, their embedding cosine, their TF-IDF cosine): a story's
# kept articles meet the same neighbours' again at its next placement. The entry holds the
# two articles, so their ids cannot name other objects while it is kept.
_LINKS: OrderedDict[tuple[int, int], tuple[Any, Any, float | None, float | None]] = OrderedDict()
LINKS_KEPT = 4096


def _link(m: ArticleFeatures, n: ArticleFeatures) -> tuple[float | None, float | None]:
    """The embedding cosine of two kept articles (None: their embeddings live in different
    spaces) and their full-text TF-IDF cosine (None: other languages), remembered."""
    key = (id(m), id(n))
    hit = _LINKS.get(key)
    if hit is not None and hit[0] is m and hit[1] is n:
        return hit[2], hit[3]
    cosine = None
    if m.covered == n.covered and (m.covered or m.language == n.language):
        cosine = float(m.dense @ n.dense)
    words = dot(m.lexical, n.lexical) if m.language == n.language else None
    _remember(m, n, cosine, words)
    return cosine, words


def _remember(
    m: ArticleFeatures, n: ArticleFeatures, cosine: float | None, words: float | None
) -> None:
    _LINKS[(id(m), id(n))] = (m, n, cosine, words)
    while len(_LINKS) > LINKS_KEPT:
        try:
            _LINKS.popitem(last=False)
        except KeyError:  # emptied by another thread meanwhile
            break


def _shared_anchors(a: StoryState, b: StoryState) -> tuple[float, float]:
    """How many names (``@``) and figures (``#``) the two stories' anchor centroids share,
    as log(1 + n): the anchors a centroid keeps are its rarest, heaviest ones."""
    shared = a.anchors.total.keys() & b.anchors.total.keys()
    names = sum(1 for k in shared if k[0] == "@")
    return math.log1p(names), math.log1p(len(shared) - names)


def _clash(mine: set, theirs: set) -> bool:
    """Both stories name days of the week and none in common."""
    return bool(mine and theirs and mine.isdisjoint(theirs))


def _anchor_kinds(a: StoryState, b: StoryState) -> tuple[float, float]:
    """Cosines of the two stories' anchor centroids, figures (``#``) and names (``@``) apart:
    two weeks' reports of one recurring event share their names, not their figures."""
    out = []
    for (mine, my_norm), (theirs, their_norm) in zip(
        _by_kind(a.anchors), _by_kind(b.anchors), strict=True
    ):
        norm = math.sqrt(my_norm * their_norm)
        out.append(dot(mine, theirs) / norm if norm else 0.0)
    return out[0], out[1]


def _by_kind(anchors: Centroid) -> list[tuple[SparseVector, float]]:
    """An anchor centroid's figures (``#``) and names (``@``) apart, each with its dot
    product with itself; made once per state of the centroid (``Centroid.memo``)."""
    kept = anchors.memo.get("kinds")
    if kept is None:
        kept = []
        for kind in "#@":
            part = {k: v for k, v in anchors.total.items() if k[0] == kind}
            kept.append((part, dot(part, part)))
        anchors.memo["kinds"] = kept
    return kept


def with_gaps(rows: list[np.ndarray]) -> np.ndarray:
    """The candidates' pair features (one row each), each row followed by how far its dense,
    lexical and anchor similarities stand above the best of the other candidates' (above 0
    when there is no other): a story is one event with the neighbour it is clearly closest
    to, not with each of many alike neighbours on its theme."""
    pairs = np.array(rows, dtype=float).reshape(len(rows), PAIR_FEATURES)
    n = len(rows)
    gaps = np.zeros((n, len(GAPS) + len(LEADS)))
    if n == 1:
        for k, (_, name) in enumerate((*GAPS, *LEADS)):
            gaps[0, k] = pairs[0, FEATURES.index(name)]
    elif n > 1:
        # row i of ``others``: the indices of every row but i, in order
        others = np.array([[j for j in range(n) if j != i] for i in range(n)])
        for k, (_, name) in enumerate((*GAPS, *LEADS)):
            column = pairs[:, FEATURES.index(name)]
            rest = column[others]
            gaps[:, k] = column - (rest.max(axis=1) if k < len(GAPS) else rest.mean(axis=1))
    return np.hstack([pairs, gaps])


def _weakest_dense(a: StoryState, b: StoryState, links: list | None = None) -> float | None:
    """The lowest cosine between a kept article of each story, over the pairs whose
    embeddings share a space (complete linkage, where ``dense`` is the average).
    ``links``: their ``_link`` pairs, when the caller has them."""
    if links is None:
        links = [_link(m, n) for m in a.members for n in b.members]
    cosines = [c for c, _ in links if c is not None]
    return min(cosines) if cosines else None


def _mean_dense(a: StoryState, b: StoryState) -> float | None:
    """Mean cosine over the pairs whose embeddings share a space (the covered languages
    together, else one language's own vectors); None when no pair does."""
    if a.covered and b.covered:
        return float(a.dense_sum @ b.dense_sum) / (a.covered * b.covered)
    total, pairs = 0.0, 0
    for language, vector in a.native.items():
        other = b.native.get(language)
        if other is not None:
            total += float(vector @ other)
            pairs += a.languages[language] * b.languages[language]
    return total / pairs if pairs else None


def _mean_centroids(mine: dict, theirs: dict, my_counts, their_counts) -> tuple[float, float]:
    """Mean cosine over the same-language pairs of two stories' per-language centroids, and
    how many such pairs there are (counted from ``my_counts`` and ``their_counts``: the
    centroids' own counts, or those of the members that have a headline)."""
    total, pairs = 0.0, 0
    for language, centroid in mine.items():
        other = theirs.get(language)
        if other is None:
            continue
        n = _count(my_counts, language) * _count(their_counts, language)
        if n:
            total += dot(centroid.total, other.total)
            pairs += n
    return (total / pairs if pairs else 0.0), float(pairs)


def _count(counts, language: str) -> int:  # noqa: ANN001 - centroids or a Counter
    value = counts.get(language, 0)
    return value if isinstance(value, int) else value.count


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over ``FEATURES``: P(one event) = logistic(w · x + bias); two
    stories merge at ``threshold``."""

    weights: tuple[float, ...]
    bias: float
    features: tuple[str, ...] = FEATURES
    threshold: float = 0.5

    def probability(self, x: np.ndarray) -> float:
        columns, weights = self._arrays
        if columns is not None:  # a model of some of the features
            x = x[columns]
        z = float(np.dot(weights, x)) + self.bias
        return 0.5 * (1.0 + math.tanh(z / 2.0))

    @cached_property
    def _arrays(self) -> tuple[list[int] | None, np.ndarray]:
        """Where its features sit in ``FEATURES`` (None: all, in order), and its weights
        as the array ``np.dot`` would make of them at every call."""
        columns = None if self.features == FEATURES else [FEATURES.index(f) for f in self.features]
        return columns, np.array(self.weights)

    def to_dict(self) -> dict:
        return {
            "features": list(self.features),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, data: dict) -> PairModel:
        features = tuple(data["features"])
        unknown = set(features) - set(FEATURES)
        if unknown or len(data["weights"]) != len(features):
            raise ValueError(f"story pair model has features {features}, expected {FEATURES}")
        weights = tuple(float(w) for w in data["weights"])
        return cls(weights, float(data["bias"]), features, float(data.get("threshold", 0.5)))


def load_pair_model(path: str | Path | None = None) -> PairModel:
    """The shipped model (``cluster/data/story_pairs.json``), or the one at ``path``."""
    if path is None:
        text = resources.files("crosswire.cluster").joinpath("data", MODEL_FILE).read_text()
    else:
        text = Path(path).read_text(encoding="utf-8")
    return PairModel.from_dict(json.loads(text))


Observer = Callable[[StoryState, StoryState, np.ndarray, float], None]


class Consolidator:
    """Merges the story an article was just placed in with the live stories around it that
    the pair model calls the same event."""

    def __init__(self, options: ClusterOptions, model: PairModel | None = None) -> None:
        self.options = options
        self.model = model or load_pair_model()
        self.scored = 0  # story pairs scored so far
        self.merged = 0  # stories merged so far
        self.seconds = 0.0  # time spent so far
        # research hook (bench/train_story_pairs.py): sees every scored pair; with ``dry``
        # nothing is merged
        self.observer: Observer | None = None
        self.dry = False
        self.threshold = (
            self.model.threshold
            if options.consolidate_threshold is None
            else options.consolidate_threshold
        )

    def after_placement(
        self, engine: StoryEngine, story: StoryState, candidate_ids: list[int]
    ) -> StoryState:
        """``story`` after merging in those of ``candidate_ids`` (best first, at most
        ``consolidate_candidates``) that it is one event with."""
        started = time.perf_counter()
        try:
            return self._consolidate(engine, story, candidate_ids)
        finally:
            self.seconds += time.perf_counter() - started

    def cost(self) -> dict[str, float]:
        """What the pass has done so far: pairs scored, merges, seconds."""
        return {"scored": self.scored, "merged": self.merged, "seconds": self.seconds}

    def _consolidate(
        self, engine: StoryEngine, story: StoryState, candidate_ids: list[int]
    ) -> StoryState:
        options = self.options
        others: list[StoryState] = []
        for story_id in candidate_ids:
            if len(others) >= options.consolidate_candidates:
                break
            other = engine.active.stories.get(story_id)
            if other is None or other is story or other.story_id == story.story_id:
                continue
            if _mean_dense(story, other) is not None:  # embeddings that compare (see above)
                others.append(other)
        # agglomerative: merge those that reach the threshold, then score the grown story
        # again against the candidates left, until none reaches it
        while others:
            features = with_gaps([story_pair_features(story, other, options) for other in others])
            self.scored += len(others)
            merging: list[StoryState] = []
            staying: list[StoryState] = []
            for other, x in zip(others, features, strict=True):
                p = self.model.probability(x)
                if self.observer is not None:
                    self.observer(story, other, x, p)
                (merging if p >= self.threshold else staying).append(other)
            if self.dry or not merging:
                return story
            for other in merging:
                story = engine._merge(story, other)  # noqa: SLF001 - the engine's own merge
                self.merged += 1
            others = staying
        return story
