"""Candidate retrieval over live stories, sublinear in the number of stories ever seen.

Only stories active within the time window (or, for undated streams, the most recently
touched ``max_active`` stories) are kept. Candidates for an article are the nearest story
centroids by embedding (one matrix product over live stories) plus the stories posted under
the most of the article's heaviest terms and anchors (an inverted index with short posting
lists), so the number of stories scored per article stays bounded as the index grows.
"""

from __future__ import annotations

import heapq
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping

import numpy as np

from crosswire.cluster.state import ArticleFeatures, StoryState

POSTING_LIMIT = 64  # most recently touched stories kept per term
# most recent keys a story stays posted under: a developing story fed for months by thousands
# of articles is found by its recent words, and its postings do not grow without bound
STORY_KEYS_LIMIT = 1024
QUERY_TERMS = 12  # heaviest terms and anchors of an article used for lookup


class ActiveStories:
    def __init__(self, dim: int, window_seconds: float, max_active: int) -> None:
        self.dim = dim
        self.window = window_seconds
        self.max_active = max_active
        self.stories: dict[int, StoryState] = {}
        # one row per live story, rows 0 .. len(_id_at) - 1 in use (a removed story's row
        # takes the last row's story), so the nearest-story search reads live rows only
        self._matrix = np.zeros((64, dim), dtype=np.float32)
        self._row_of: dict[int, int] = {}
        self._id_at: list[int] = []
        self._postings: dict[str, OrderedDict[int, None]] = {}
        self._by_time: list[tuple[float, int]] = []  # (newest, story id), lazily updated
        self._by_seq: list[tuple[int, int]] = []  # (last_seq, story id), lazily updated

    def __len__(self) -> int:
        return len(self.stories)

    # upkeep ------------------------------------------------------------------------
    def put(self, story: StoryState, keys: Iterable[str]) -> None:
        """Insert or refresh ``story`` after it changed (or replace the story of its id);
        post it under ``keys``."""
        if story.story_id not in self._row_of:
            if len(self._id_at) == len(self._matrix):
                self._grow()
            self._row_of[story.story_id] = len(self._id_at)
            self._id_at.append(story.story_id)
        self.stories[story.story_id] = story
        self._matrix[self._row_of[story.story_id]] = story.dense_mean()
        for key in keys:
            posting = self._postings.setdefault(key, OrderedDict())
            posting[story.story_id] = None
            posting.move_to_end(story.story_id)
            story.terms.pop(key, None)
            story.terms[key] = None  # the latest last
            if len(posting) > POSTING_LIMIT:
                posting.popitem(last=False)
        while len(story.terms) > STORY_KEYS_LIMIT:
            oldest = next(iter(story.terms))
            del story.terms[oldest]
            self._unpost(story.story_id, oldest)
        if story.newest is not None:
            heapq.heappush(self._by_time, (story.newest, story.story_id))
        heapq.heappush(self._by_seq, (story.last_seq, story.story_id))
        if len(self._by_seq) > 4 * len(self.stories) + 1024:
            self._compact()

    def _compact(self) -> None:
        """Drop stale heap entries so the heaps stay proportional to the live stories."""
        live = self.stories.values()
        self._by_time = [(s.newest, s.story_id) for s in live if s.newest is not None]
        self._by_seq = [(s.last_seq, s.story_id) for s in live]
        heapq.heapify(self._by_time)
        heapq.heapify(self._by_seq)

    def remove(self, story_id: int) -> StoryState | None:
        story = self.stories.pop(story_id, None)
        if story is None:
            return None
        row = self._row_of.pop(story_id)
        last = len(self._id_at) - 1
        moved = self._id_at.pop()
        if row != last:  # the last row's story moves into the freed row
            self._matrix[row] = self._matrix[last]
            self._id_at[row] = moved
            self._row_of[moved] = row
        self._matrix[last] = 0.0
        for key in story.terms:
            self._unpost(story_id, key)
        return story

    def _unpost(self, story_id: int, key: str) -> None:
        posting = self._postings.get(key)
        if posting is not None:
            posting.pop(story_id, None)
            if not posting:
                del self._postings[key]

    def expire(self, now: float | None) -> None:
        """Forget stories that fell out of the time window or beyond ``max_active``."""
        if now is not None:
            cutoff = now - self.window
            while self._by_time and self._by_time[0][0] < cutoff:
                newest, story_id = heapq.heappop(self._by_time)
                story = self.stories.get(story_id)
                if story is not None and story.newest is not None and story.newest < cutoff:
                    self.remove(story_id)
        while len(self.stories) > self.max_active and self._by_seq:
            seq, story_id = heapq.heappop(self._by_seq)
            story = self.stories.get(story_id)
            if story is not None and story.last_seq == seq:
                self.remove(story_id)

    def rename(self, ids: Mapping[int, int]) -> None:
        """Give stories new ids (old id -> new id, in the same order as the old ones, so
        the heaps stay heaps and every tie breaks as before)."""
        renamed = [s for s in self.stories.values() if s.story_id in ids]
        self.stories = {ids.get(k, k): s for k, s in self.stories.items()}
        self._row_of = {ids.get(k, k): row for k, row in self._row_of.items()}
        self._id_at = [ids.get(k, k) for k in self._id_at]
        for story in renamed:
            for key in story.terms:  # the postings the story is in, in the same order
                posting = self._postings.get(key)
                if posting is not None and story.story_id in posting:
                    self._postings[key] = OrderedDict((ids.get(k, k), None) for k in posting)
            story.story_id = ids[story.story_id]
        self._by_time = [(t, ids.get(k, k)) for t, k in self._by_time]
        self._by_seq = [(seq, ids.get(k, k)) for seq, k in self._by_seq]
        heapq.heapify(self._by_time)
        heapq.heapify(self._by_seq)

    def _grow(self) -> None:
        size = len(self._matrix)
        self._matrix = np.vstack([self._matrix, np.zeros((size, self.dim), dtype=np.float32)])

    # lookup ------------------------------------------------------------------------
    def nearest(self, vector: np.ndarray, k: int) -> list[int]:
        """The ids of the ``k`` live stories whose mean embedding is closest to ``vector``,
        closest first (ties: the lower id)."""
        used = len(self._id_at)
        if not used or k <= 0:
            return []
        sims = similarities(self._matrix[:used], vector)
        rows = np.argpartition(-sims, k - 1)[:k] if k < used else np.arange(used)
        return sorted((self._id_at[r] for r in rows), key=lambda s: (-sims[self._row_of[s]], s))

    def candidates(self, article: ArticleFeatures, dense_k: int, keys_k: int = 0) -> list[int]:
        """Story ids worth scoring for ``article``, in a deterministic order: the ``dense_k``
        nearest by embedding and the ``keys_k`` posted under most of its keys (0: all)."""
        found: set[int] = set()
        if self.stories and dense_k > 0:
            used = len(self._id_at)
            sims = similarities(self._matrix[:used], article.dense)
            k = min(dense_k, used)
            top = np.argpartition(-sims, k - 1)[:k] if k < used else np.arange(used)
            found.update(self._id_at[r] for r in top)
        hits: Counter[int] = Counter()
        for key in query_keys(article):
            posting = self._postings.get(key)
            if posting:
                hits.update(posting.keys())
        if keys_k and len(hits) > keys_k:  # ties: the newer story (the higher id) first
            found.update(heapq.nsmallest(keys_k, hits, key=lambda s: (-hits[s], -s)))
        else:
            found.update(hits)
        return sorted(found)


def similarities(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """``matrix @ vector`` without BLAS: a multi-threaded BLAS product of one vector spends
    more CPU starting and waiting for its threads than computing (45x on a busy 2-core
    machine, where the embedder's own threads run meanwhile); einsum runs in this thread."""
    return np.einsum("ij,j->i", matrix, vector)


def query_keys(article: ArticleFeatures, limit: int = QUERY_TERMS) -> list[str]:
    """The article's heaviest lexical terms and anchors, namespaced by language (made once
    per article: the engine and its developing stories look up and post under them)."""
    kept = article.cache.get(("keys", limit))
    if kept is not None and kept[0] is article.lexical and kept[1] is article.anchors:
        return kept[2]
    keys = _query_keys(article, limit)
    article.cache[("keys", limit)] = (article.lexical, article.anchors, keys)
    return keys


def _query_keys(article: ArticleFeatures, limit: int) -> list[str]:
    lexical = sorted(article.lexical.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    anchors = sorted(article.anchors.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [f"{article.language}:{t}" for t, _ in lexical] + [a for a, _ in anchors]
