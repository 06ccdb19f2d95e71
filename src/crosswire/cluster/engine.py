"""The story engine: for each arriving article, copy of what, which story, or a new one.

Articles are handled one at a time in arrival order; ``add`` only batches the embedding, so
the decisions do not depend on how a stream is split into batches.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from crosswire.cluster.consolidate import Consolidator
from crosswire.cluster.index import ActiveStories, query_keys
from crosswire.cluster.languages import covered_languages, detect_language
from crosswire.cluster.lexical import DocumentFrequencies, weigh_terms
from crosswire.cluster.options import ClusterOptions, consolidates
from crosswire.cluster.scoring import (
    DAY,
    Fit,
    mean_member_score,
    measure_fit,
    member_score,
    weakest_link,
)
from crosswire.cluster.state import ArticleFeatures, StoryState
from crosswire.cluster.text import (
    casefolded_words,
    extract_anchors,
    extract_terms,
    lead_text,
    normalise_digits,
    opening,
    terms_in,
    weekdays_in,
    years_in,
)
from crosswire.cluster.topics import Topics
from crosswire.dedup import CopyIndex, CopyOptions
from crosswire.embed import load_embedder
from crosswire.models import Article, Assignment
from crosswire.text.places import countries

# The ids of the stories the engine opens, until their owner stores them and tells it their
# stored ids (``rename_stories``): counting up from far above any stored id, so they sort as
# the stored ids will (after every stored one, in the order opened) and every tie between
# stories breaks the same before and after the renaming.
PROVISIONAL_STORY_ID = 1 << 50


class StoryEngine:
    def __init__(
        self, options: ClusterOptions, new_story_id: Callable[[], int] | None = None
    ) -> None:
        """``new_story_id`` numbers the stories the engine opens; by default they get
        provisional ids (``PROVISIONAL_STORY_ID`` on) that a caller storing them renames."""
        self.options = options
        self.new_story_id = new_story_id or self._provisional_id
        self._next_provisional = PROVISIONAL_STORY_ID
        self._opened: list[int] = []  # provisional ids given since ``drain_opened``
        self.embedder = load_embedder(options.embedder)
        self.embedder_languages = covered_languages(options.embedder)
        self.active = ActiveStories(
            self.embedder.dim, options.window_days * DAY, options.max_active_stories
        )
        self.copies = CopyIndex(CopyOptions(containment=options.copy_containment))
        self.topics = Topics(options, self.embedder.dim)
        self.words = DocumentFrequencies(options.idf_prior_docs)
        self.anchor_df = DocumentFrequencies(options.idf_prior_docs)
        self.title_words = DocumentFrequencies(options.idf_prior_docs)
        # article id -> story id, for the articles in the copy index (a copy joins the story
        # of its original)
        self._story_of: dict[int, int] = {}
        self._merged_into: dict[int, int] = {}
        self._merges: list[tuple[int, int]] = []
        self._moves: list[tuple[int, int, int]] = []
        self._new_originals: list[tuple[int, int]] = []  # (old, new) originals of copies
        self._seq = 0
        self.consolidator = Consolidator(options) if consolidates(options) else None

    # public interface --------------------------------------------------------------
    def add(self, articles: Sequence[Article]) -> list[Assignment]:
        """Place each article (in the given order); one Assignment per article."""
        vectors = self._embed(articles)
        return [self._place(a, v) for a, v in zip(articles, vectors, strict=True)]

    def restore(self, articles: Sequence[Article], topics: dict[int, int] | None = None) -> None:
        """Rebuild the index from articles that already have a story; decide nothing.
        ``topics`` maps story ids to their developing story's id (stories without one get
        their topic chosen again, as a new story would)."""
        topics = topics or {}
        ordered = [a for a in articles if a.story_id is not None and a.id is not None]
        vectors = self._embed(ordered)
        for article, vector in zip(ordered, vectors, strict=True):
            story_id = self.resolve(int(article.story_id))  # type: ignore[arg-type]
            self._past_provisional(story_id, topics.get(story_id))
            features = self._features(article, vector)
            story = self.active.stories.get(story_id)
            if story is None:
                story = self._new_story(story_id)
            copy = article.duplicate_of is not None
            if copy:
                story.touch(features)
            else:
                story.add(features)
            self.active.put(story, query_keys(features))
            topic_id = topics.get(story_id)
            if topic_id is not None and self.options.topics:
                self.topics.restore(story_id, topic_id, features, copy)
            else:
                self._topic(story_id, features, copy)
            self._story_of[int(article.id)] = story_id  # type: ignore[arg-type]
            if self.options.dedup:
                self.copies.add(article, root=article.duplicate_of)

    def restore_topics(self, articles: Sequence[Article], topics: dict[int, int]) -> None:
        """Feed the developing stories with articles of stories that are closed (older than
        the story window, inside the topic window); ``topics`` maps their story ids to their
        topics. One article per story finds its theme again; no story is reopened."""
        if not self.options.topics:
            return
        ordered = [a for a in articles if a.story_id is not None and int(a.story_id) in topics]
        for article, vector in zip(ordered, self._embed(ordered), strict=True):
            story_id = int(article.story_id)  # type: ignore[arg-type]
            self._past_provisional(story_id, topics[story_id])
            self.topics.restore(story_id, topics[story_id], self._features(article, vector), False)

    def drain_opened(self) -> list[int]:
        """The provisional ids of the stories opened since the last call, in order."""
        opened, self._opened = self._opened, []
        return opened

    def rename_stories(self, ids: Mapping[int, int]) -> None:
        """Give stories their stored ids: ``ids`` maps the ids the engine gave them
        (``drain_opened``) to new ones in the same order, all above the ids it knew
        otherwise (as a store numbers new rows), so every decision to come is the same."""
        if not ids:
            return
        old = sorted(ids)
        if any(ids[a] >= ids[b] for a, b in zip(old, old[1:], strict=False)):
            raise ValueError("renamed stories must keep their order")
        self.active.rename(ids)
        self.topics.rename(ids)
        self._story_of = {a: ids.get(s, s) for a, s in self._story_of.items()}
        self._merged_into = {ids.get(a, a): ids.get(b, b) for a, b in self._merged_into.items()}
        self._merges = [(ids.get(a, a), ids.get(b, b)) for a, b in self._merges]
        self._moves = [(x, ids.get(a, a), ids.get(b, b)) for x, a, b in self._moves]
        self._opened = [ids.get(s, s) for s in self._opened]

    def drain_merges(self) -> list[tuple[int, int]]:
        """Story merges (from id, into id) decided since the last call."""
        merges, self._merges = self._merges, []
        return merges

    def drain_moves(self) -> list[tuple[int, int, int]]:
        """(article id, from story, into story) since the last call, in order: an article
        placed earlier that a new story took over (see ``_take_stray``); its copies go
        with it."""
        moves, self._moves = self._moves, []
        return moves

    def drain_new_originals(self) -> list[tuple[int, int]]:
        """(old original, new original) since the last call, in order: an article found to
        be the original of one placed earlier as an original (credited by its copy, or
        published first); the old one and its copies are now copies of the new one."""
        handed, self._new_originals = self._new_originals, []
        return handed

    def consolidate_recent(self, window_seconds: float, limit: int) -> dict[str, float]:
        """The consolidation pass over the recent window, behind the online one: each live
        story touched within ``window_seconds`` of the newest article seen (undated ones
        too), the most recently touched first and at most ``limit`` of them (the cost
        bound), is compared with its nearest live stories as after a placement. Merges are
        recorded (``drain_merges``). Returns the pass's cost: stories examined, story pairs
        scored, merges, seconds."""
        consolidator = self.consolidator
        if consolidator is None or limit <= 0:
            return {"stories": 0, "scored": 0, "merged": 0, "seconds": 0.0}
        before = consolidator.cost()
        recent = sorted(self.active.stories.values(), key=lambda s: (-s.last_seq, s.story_id))
        newest = max((s.newest for s in recent if s.newest is not None), default=None)
        examined = 0
        for story in recent:
            if examined >= limit:
                break
            if story.newest is not None and newest is not None:
                if story.newest < newest - window_seconds:
                    continue
            if self.active.stories.get(story.story_id) is not story:
                continue  # absorbed earlier in this pass
            examined += 1
            near = self.active.nearest(story.dense_mean(), self.options.consolidate_candidates + 1)
            consolidator.after_placement(self, story, [s for s in near if s != story.story_id])
        after = consolidator.cost()
        return {
            "stories": examined,
            "scored": after["scored"] - before["scored"],
            "merged": after["merged"] - before["merged"],
            "seconds": after["seconds"] - before["seconds"],
        }

    def topic_of(self, story_id: int) -> int | None:
        """The developing story a live story belongs to."""
        return self.topics.topic_of(self.resolve(story_id))

    def compare(self, first: Article, second: Article) -> Fit:
        """How well ``second`` fits a story made of ``first`` alone (nothing is indexed;
        only the document frequencies learn from the two texts)."""
        one, two = self._pair(first, second)
        return self._fit_alone(two, one)

    def similarity(self, first: Article, second: Article) -> float:
        """How alike two articles are, from 0 (unrelated) to 1 (one event): the mean of the
        engine's confidence that ``second`` joins a story made of ``first`` and that it joins
        a developing story made of ``first``. Each confidence is a logistic of the score
        around its join threshold (``confidence_scale``), so one event scores near 1, one
        theme near 0.5, and a penalty far below a threshold counts no more than a miss."""
        one, two = self._pair(first, second)
        event = self._fit_alone(two, one).score - self.options.threshold
        topic = self.topics.fit_alone(two, one).score - self.topics.options.threshold
        scale = self.options.confidence_scale
        return (logistic(event / scale) + logistic(topic / scale)) / 2.0

    def _pair(self, first: Article, second: Article) -> tuple[ArticleFeatures, ArticleFeatures]:
        vectors = self._embed([first, second])
        return self._features(first, vectors[0]), self._features(second, vectors[1])

    def _fit_alone(self, article: ArticleFeatures, first: ArticleFeatures) -> Fit:
        story = self._new_story(0)
        story.add(first)
        return measure_fit(article, story, self.options)

    def resolve(self, story_id: int) -> int:
        """The story that ``story_id`` was merged into, following chains."""
        while story_id in self._merged_into:
            story_id = self._merged_into[story_id]
        return story_id

    # one article ---------------------------------------------------------------------
    def _embed(self, articles: Sequence[Article]) -> np.ndarray:
        if not articles:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        leads = [lead_text(a, self.options.lead_chars) for a in articles]
        return self.embedder.encode(leads)

    def _features(self, article: Article, dense: np.ndarray) -> ArticleFeatures:
        self._seq += 1
        language = article.language or detect_language(article)
        # the words of title, title again and text (the title counts twice), read once: the
        # text's weekdays are those of the same words
        words = casefolded_words(f"{article.title} {article.title} {article.text}")
        terms = terms_in(words, bigrams=self.options.bigrams, stem=self.options.stem_chars)
        full = f"{article.title} {article.text}"
        digits = normalise_digits(full)
        anchors = extract_anchors(full, digits)
        headline = extract_terms(article.title or "", stem=self.options.stem_chars)
        self.words.add(terms)
        self.anchor_df.add(anchors)
        self.title_words.add(headline)
        when = article.when
        return ArticleFeatures(
            article_id=int(article.id) if article.id is not None else -self._seq,
            language=language,
            dense=dense,
            covered=language in self.embedder_languages,
            lexical=weigh_terms(terms, self.words, keep=self.options.lexical_terms),
            anchors=weigh_terms(anchors, self.anchor_df, keep=self.options.anchor_terms),
            timestamp=when.timestamp() if when is not None else None,
            seq=self._seq,
            title=weigh_terms(headline, self.title_words),
            weekdays=weekdays_in(words),
            years=years_in(digits),
            places=countries(opening(article, self.options.places_sentences), language),
        )

    def _place(self, article: Article, dense: np.ndarray) -> Assignment:
        if article.id is None:
            raise ValueError("the story engine needs stored articles (with an id)")
        features = self._features(article, dense)
        self.active.expire(features.timestamp)
        if features.timestamp is not None:
            self.copies.expire(features.timestamp - self.options.copy_window_days * DAY)
        if len(self._story_of) > 2 * len(self.copies) + 1024:
            self._forget_stories_of_old_articles()
        copied = self.copies.find(article) if self.options.dedup else None
        if copied is not None:
            return self._place_copy(article, article.id, features, copied)
        fits = self._rank(features)
        if fits and self._joins(fits, features.covered):
            story = self.active.stories[fits[0].story_id]
            for other in self._merging(fits, features.covered):
                story = self._merge(story, self.active.stories[other.story_id])
            score = fits[0].score
        else:
            story = self._new_story(self.new_story_id())
            score = fits[0].score if fits else 0.0
            if self.options.move_threshold:
                self._take_stray(story, features, fits)
        story.add(features)
        self.active.put(story, query_keys(features))
        self._story_of[article.id] = story.story_id
        if self.options.dedup:
            self.copies.add(article)
        topic = self._topic(story.story_id, features)
        placed = story.story_id
        if self.consolidator is not None:
            story = self.consolidator.after_placement(self, story, [f.story_id for f in fits])
        if self.consolidator is not None and self.options.topics:  # the merged story's topic
            topic = self.topics.topic_of(story.story_id)
        return Assignment(article.id, placed, score=score, topic_id=topic)

    def _take_stray(self, story: StoryState, features: ArticleFeatures, fits: list[Fit]) -> None:
        """Before ``features`` starts ``story``: take in the article of a small candidate
        story that is far closer to it than to the rest of its own story (an article that
        joined a neighbouring story of its theme before the reports of its own event came).
        Its score against the new article must reach ``move_threshold`` and stand
        ``move_margin`` above its mean score against its story's other articles; only a
        story that still keeps all its articles (``link_members``) gives one up, rebuilt
        from the others."""
        best: tuple[float, StoryState, ArticleFeatures] | None = None
        for fit in fits[: self.options.move_candidates]:
            source = self.active.stories[fit.story_id]
            if source.size < 2 or source.size != len(source.members):
                continue
            for member in source.members:
                score = self._stray_score(member, features, source)
                if score is not None and (best is None or score > best[0]):
                    best = (score, source, member)
        if best is not None:
            _, source, member = best
            self.active.put(source.without(member), ())
            story.add(member)
            self._story_of[member.article_id] = story.story_id
            self._moves.append((member.article_id, source.story_id, story.story_id))

    def _stray_score(
        self, member: ArticleFeatures, article: ArticleFeatures, story: StoryState
    ) -> float | None:
        """``member``'s score against ``article`` where it qualifies as a stray of
        ``story`` (see ``_take_stray``), else None."""
        options = self.options
        score = member_score(member, article, options)
        if score is None or score < options.move_threshold:
            return None
        others = [o for o in story.members if o is not member]
        rest = mean_member_score(member, others, options)
        if rest is None or score - rest < options.move_margin:
            return None
        return score

    def _topic(self, story_id: int, features: ArticleFeatures, copy: bool = False) -> int | None:
        """The developing story of ``story_id`` once ``features`` joined it (None: off)."""
        if not self.options.topics:
            return None
        return self.topics.place(story_id, features, copy=copy)

    def _forget_stories_of_old_articles(self) -> None:
        """Keep the story of each article a copy can still point at (those in the copy
        index), so a long-running engine does not remember every article it placed."""
        self._story_of = {a: s for a, s in self._story_of.items() if a in self.copies}
        self.topics.forget(self.active.stories)

    def _place_copy(
        self, article: Article, article_id: int, features: ArticleFeatures, copied: int
    ) -> Assignment:
        root = self.copies.root_of(copied)
        story_id = self.resolve(self._story_of.get(root, self._story_of.get(copied, -1)))
        story = self.active.stories.get(story_id)
        if story is None:  # the original's story has expired: start again
            story = self._new_story(self.new_story_id())
            story.add(features)
            topic = self._topic(story.story_id, features)
        else:
            story.touch(features)
            topic = self._topic(story.story_id, features, copy=True)
        self.active.put(story, ())
        self._story_of[article_id] = story.story_id
        if self.copies.is_original_of(article, root):  # the copy came first: hand over
            self.copies.add(article)
            self.copies.make_original(article_id, root)
            self._new_originals.append((root, article_id))
            return Assignment(article_id, story.story_id, score=1.0, topic_id=topic)
        self.copies.add(article, root=root)
        return Assignment(article_id, story.story_id, duplicate_of=root, score=1.0, topic_id=topic)

    def _joins(self, fits: list[Fit], covered: bool = True) -> bool:
        """Join the best story when its score reaches the threshold; a little below it when
        the best stands clearly above the runner-up (``margin``); or, above
        ``contrast_floor``, when it stands ``contrast`` above the background of this
        article's other candidates (for an article the embedder covers; anchors alone are
        too thin for that)."""
        best = fits[0].score
        if best >= self.options.threshold:
            return True
        if len(fits) < 2:
            return False
        if self.options.margin:
            low = self.options.threshold - self.options.margin_relief
            if best >= low and best - fits[1].score >= self.options.margin:
                return True
        if self.options.contrast and covered and best >= self.options.contrast_floor:
            return best - self._background(fits) >= self.options.contrast
        return False

    def _merging(self, fits: list[Fit], covered: bool) -> list[Fit]:
        """Runners-up the article shows to be one event with the best story: at
        ``merge_threshold``, or ``contrast_merge`` above the background (only for an
        article the embedder covers: anchors alone are too thin to join two stories)."""
        contrast = self.options.contrast_merge and covered
        background = self._background(fits) if contrast else None
        merging = []
        for other in fits[1:]:
            if other.score >= self.options.merge_threshold:
                merging.append(other)
            elif (
                background is not None
                and other.score >= self.options.contrast_floor
                and other.score - background >= self.options.contrast_merge
            ):
                merging.append(other)
        return merging

    def _background(self, fits: list[Fit]) -> float:
        """How well this article fits stories in general: the score of its
        ``contrast_rank``-th best candidate (the last one when there are fewer)."""
        return fits[min(self.options.contrast_rank, len(fits) - 1)].score

    def _rank(self, features: ArticleFeatures) -> list[Fit]:
        fits = []
        options = self.options
        for story_id in self.active.candidates(
            features, options.dense_candidates, options.key_candidates
        ):
            story = self.active.stories[story_id]
            fits.append(measure_fit(features, story, options))
        fits.sort(key=lambda f: (-f.score, f.story_id))
        if options.link_min and fits:
            fits[: options.link_top] = [self._linked(features, f) for f in fits[: options.link_top]]
            fits.sort(key=lambda f: (-f.score, f.story_id))
        return fits

    def _linked(self, features: ArticleFeatures, fit: Fit) -> Fit:
        """``fit`` with its score moved ``link_min`` of the way towards the story's weakest
        link with the article (complete linkage in part)."""
        options = self.options
        if fit.score < options.threshold - options.margin_relief:
            return fit  # no rule lets the article join it: not worth a closer look
        story = self.active.stories[fit.story_id]
        low = weakest_link(features, story, options) if len(story.members) > 1 else None
        if low is None:  # one article, or none whose embedding compares with this one's
            return fit
        return replace(fit, score=fit.score + options.link_min * (low - fit.score))

    def _new_story(self, story_id: int) -> StoryState:
        return StoryState(story_id, self.embedder.dim, member_limit=self.options.link_members)

    def _provisional_id(self) -> int:
        story_id = self._next_provisional
        self._next_provisional += 1
        self._opened.append(story_id)
        return story_id

    def _past_provisional(self, *story_ids: int | None) -> None:
        """Provisional ids restored as they are (no store in between) are not given again."""
        for story_id in story_ids:
            if story_id is not None and story_id >= self._next_provisional:
                self._next_provisional = story_id + 1

    def _merge(self, into: StoryState, other: StoryState) -> StoryState:
        """Fold the smaller story into the larger (the older on a tie); record the merge."""
        if (other.size, -other.story_id) > (into.size, -into.story_id):
            into, other = other, into
        self.active.remove(other.story_id)
        into.absorb(other)
        self.active.put(into, other.terms)
        if self.options.topics:
            self.topics.merged(into.story_id, other.story_id)
        self._merged_into[other.story_id] = into.story_id
        self._merges.append((other.story_id, into.story_id))
        return into


def logistic(x: float) -> float:
    return 0.5 * (1.0 + math.tanh(x / 2.0))
