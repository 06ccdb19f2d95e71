"""Developing stories: the engine's event stories grouped by what they are about.

A story is one event ("the quake struck on Tuesday"); a developing story (a *topic*) gathers
the events of one theme over weeks: the quake, the rescue, the aid appeal, the trial of the
builders months later. Readers want both, and the datasets measure both (AllSides's gold
stories are single events, MultiLing's are months-wide topics).

A topic is scored like a story (``measure_fit``) with its own, looser options: no penalty
for naming other days of the week (those tell events apart, not themes), a
lower join threshold, a wider time window; but, where a side is undated, a penalty for
naming other years (those do tell themes apart: the 2010 quake in Chile is not a chapter of
the 2004 tsunami). A story's topic is chosen once, by its first article, among the live
topics; every later article of the story feeds the topic, so a topic learns the words of all
its events, in every language its outlets write in: an article in a language the embedder
does not cover joins a topic through the words of earlier articles in its language, or
through a translation's figures.

For such an article the embedding of its own language is left out here: those vectors place
every text of the language close to every other (see ``text.similarity``), which at a
topic's low threshold would join them all.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import replace

from crosswire.cluster.index import ActiveStories, query_keys
from crosswire.cluster.options import ClusterOptions
from crosswire.cluster.scoring import DAY, Fit, measure_fit
from crosswire.cluster.state import ArticleFeatures, StoryState


def topic_options(options: ClusterOptions) -> ClusterOptions:
    """The options a topic is scored with (see the module's docstring)."""
    return replace(
        options,
        threshold=options.topic_threshold,
        weight_weekday=0.0,
        weight_years=options.topic_weight_years,
        weight_places=options.topic_weight_places,
        places_share=options.topic_places_share,
        time_sigma_days=options.topic_time_sigma_days,
        link_min=0.0,
    )


class Topics:
    """The live topics and the topic of each live story."""

    def __init__(self, options: ClusterOptions, dim: int) -> None:
        self.options = topic_options(options)
        self._uncovered = replace(self.options, weight_dense=0.0)
        self.dim = dim
        self.active = ActiveStories(dim, options.topic_window_days * DAY, options.max_active_topics)
        self._topic_of: dict[int, int] = {}  # story id -> topic id

    def __len__(self) -> int:
        return len(self.active)

    def topic_of(self, story_id: int) -> int | None:
        return self._topic_of.get(story_id)

    def place(self, story_id: int, article: ArticleFeatures, *, copy: bool = False) -> int:
        """The topic of ``story_id`` after ``article`` joined it (a ``copy`` only touches
        it); a story without a live topic gets the best fitting one, or starts its own,
        named after the story."""
        self.active.expire(article.timestamp)
        topic = self._live_topic(story_id)
        if topic is None:
            topic = self._best_topic(article) or self._new(story_id)
            self._topic_of[story_id] = topic.story_id
        self._feed(topic, article, copy)
        return topic.story_id

    def restore(self, story_id: int, topic_id: int, article: ArticleFeatures, copy: bool) -> None:
        """Rebuild from a stored decision: ``story_id`` belongs to ``topic_id``."""
        self._topic_of[story_id] = topic_id
        self._feed(self.active.stories.get(topic_id) or self._new(topic_id), article, copy)

    def _feed(self, topic: StoryState, article: ArticleFeatures, copy: bool) -> None:
        """Add ``article`` to ``topic`` (a copy only touches it) and index the topic."""
        if copy:
            topic.touch(article)
            self.active.put(topic, ())
        else:
            topic.add(article)
            self.active.put(topic, query_keys(article))

    def forget(self, live: Container[int]) -> None:
        """Keep the topic of the stories in ``live`` only (the engine's live stories)."""
        self._topic_of = {s: t for s, t in self._topic_of.items() if s in live}

    def rename(self, ids: Mapping[int, int]) -> None:
        """Give stories, and the topics named after them, new ids (``ActiveStories.rename``)."""
        self.active.rename(ids)
        self._topic_of = {ids.get(s, s): ids.get(t, t) for s, t in self._topic_of.items()}

    def merged(self, into: int, gone: int) -> None:
        """Story ``gone`` was folded into ``into``: the story keeps whichever of their two
        developing stories holds more reports (the other story's topic may be one it opened
        alone, and would carry the larger theme's reports away)."""
        mine, theirs = self._live_topic(into), self._live_topic(gone)
        if theirs is not None and (mine is None or theirs.size > mine.size):
            self._topic_of[into] = theirs.story_id

    def _new(self, topic_id: int) -> StoryState:
        return StoryState(topic_id, self.dim, member_limit=1, clashes=False)

    def fit_alone(self, article: ArticleFeatures, first: ArticleFeatures) -> Fit:
        """How well ``article`` fits a developing story made of ``first`` alone."""
        topic = self._new(0)
        topic.add(first)
        return measure_fit(article, topic, self._options_for(article))

    def _options_for(self, article: ArticleFeatures) -> ClusterOptions:
        return self.options if article.covered else self._uncovered

    def _live_topic(self, story_id: int) -> StoryState | None:
        topic_id = self._topic_of.get(story_id)
        return None if topic_id is None else self.active.stories.get(topic_id)

    def _best_topic(self, article: ArticleFeatures) -> StoryState | None:
        options = self._options_for(article)
        best: tuple[float, int] | None = None
        candidates = self.active.candidates(
            article, options.dense_candidates, options.key_candidates
        )
        for topic_id in candidates:
            score = measure_fit(article, self.active.stories[topic_id], options).score
            if best is None or (score, -topic_id) > (best[0], -best[1]):
                best = (score, topic_id)
        if best is None or best[0] < options.threshold:
            return None
        return self.active.stories[best[1]]
