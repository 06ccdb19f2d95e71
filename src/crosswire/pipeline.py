"""The one place where the stages are chained.

    ingest/extract (articles arrive) → store → dedup → cluster → digest

Every way an article enters — ``crosswire import``, the feed scheduler, a user's
submission, a backfill — ends in ``Pipeline.add_articles``. Stages themselves never see the
store; this module hands them dataclasses and writes their decisions back.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from crosswire.models import Article, Assignment, article_stamp, utcnow
from crosswire.settings import Settings
from crosswire.store import Store

log = logging.getLogger(__name__)

RESTORE_WINDOW = timedelta(days=14)


@dataclass
class IngestReport:
    received: int = 0
    added: int = 0
    already_known: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged_stories: int = 0
    story_ids: set[int] = field(default_factory=set)

    def merge(self, other: IngestReport) -> None:
        for name in (
            "received",
            "added",
            "already_known",
            "duplicates",
            "new_stories",
            "merged_stories",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.story_ids |= other.story_ids


class Pipeline:
    def __init__(self, store: Store, settings: Settings, *, cluster: bool = True) -> None:
        self.store = store
        self.settings = settings
        self.cluster = cluster
        self._engine = None
        self._lock = threading.RLock()  # one assigner per process; see workers/ for many

    # the story engine --------------------------------------------------------------
    @property
    def engine(self):  # noqa: ANN201 - crosswire.cluster.StoryEngine, imported lazily
        if self._engine is None:
            from crosswire.cluster import StoryEngine, options_from_settings

            engine = StoryEngine(
                options_from_settings(self.settings), new_story_id=self._new_story_id
            )
            recent = self._recent_assigned_articles()
            if recent:
                log.info("story engine: restoring %d recent articles", len(recent))
                engine.restore(recent)
            self._engine = engine
        return self._engine

    def _new_story_id(self) -> int:
        return self.store.create_story("", [], utcnow()).id  # type: ignore[return-value]

    def _recent_assigned_articles(self) -> list[Article]:
        assignments = self.store.story_assignments()
        if not assignments:
            return []
        articles = self.store.get_articles(sorted(assignments))
        newest = max((a.when for a in articles if a.when), default=None)
        if newest is None:
            return articles
        cutoff = newest - RESTORE_WINDOW
        return [a for a in articles if a.when is None or a.when >= cutoff]

    # entry points ------------------------------------------------------------------
    def add_articles(self, articles: Sequence[Article]) -> IngestReport:
        """Store new articles and give each its story. Known articles are skipped."""
        report = IngestReport(received=len(articles))
        with self._lock:
            stored = self.store.add_articles(articles)
            fresh = [a for a, created in stored if created]
            report.added = len(fresh)
            report.already_known = len(stored) - len(fresh)
            if self.cluster and fresh:
                report.merge(self._assign(fresh))
        return report

    def process_backlog(self, batch: int = 500) -> IngestReport:
        """Assign stories to stored articles that have none (after a crash or a raw import)."""
        report = IngestReport()
        with self._lock:
            while True:
                pending = self.store.unassigned_articles(limit=batch)
                if not pending:
                    break
                report.merge(self._assign(pending))
        return report

    def _assign(self, articles: list[Article]) -> IngestReport:
        report = IngestReport()
        ordered = sorted(articles, key=lambda a: (a.when is None, a.when or utcnow(), a.id or 0))
        assignments: list[Assignment] = self.engine.add(ordered)
        now = utcnow()
        by_story: dict[int, list[int]] = defaultdict(list)
        for decision in assignments:
            if decision.story_id is not None:
                by_story[decision.story_id].append(decision.article_id)
        # one unit of work: a crash leaves a batch either fully assigned or in the backlog
        with self._engine_forgotten_on_error(), self.store.transaction():
            for decision in assignments:
                if decision.duplicate_of is not None:
                    self.store.mark_duplicate(decision.article_id, decision.duplicate_of)
                    report.duplicates += 1
            for story_id, ids in by_story.items():
                story = self.store.get_story(story_id, follow_merges=False)
                if story is not None and not story.article_ids:
                    report.new_stories += 1
                self.store.attach_to_story(story_id, ids, now)
                report.story_ids.add(story_id)
            for from_id, into_id in self.engine.drain_merges():
                self.store.merge_stories(from_id, into_id, now)
                report.merged_stories += 1
        self._title_new_stories(report.story_ids)
        return report

    @contextmanager
    def _engine_forgotten_on_error(self) -> Iterator[None]:
        """A failed write (disk full, database gone) leaves the engine holding decisions the
        store did not keep: drop it, and the next use rebuilds it from the store."""
        try:
            yield
        except BaseException:
            self._engine = None
            raise

    def _title_new_stories(self, story_ids: set[int]) -> None:
        """Until its digest exists, a story is called by its first article's title."""
        for story_id in story_ids:
            story = self.store.get_story(story_id)
            if story is None or story.title or not story.article_ids:
                continue
            first = self.store.get_article(story.article_ids[0])
            if first is not None and story.id is not None:
                self.store.set_story_title(story.id, first.title)

    # digests -----------------------------------------------------------------------
    def refresh_digests(self, limit: int = 100) -> int:
        """Rebuild the digests of stories whose articles changed; return how many."""
        from crosswire.digest import build_digest, options_from_settings

        options = options_from_settings(self.settings)
        done = 0
        for story_id in self.store.stale_digests(limit=limit):
            story = self.store.get_story(story_id)
            if story is None or not story.article_ids:
                continue
            articles = self.store.get_articles(story.article_ids)
            sources = {
                a.source: s
                for a in articles
                if a.source and (s := self.store.get_source(a.source)) is not None
            }
            digest = build_digest(articles, sources, options, previous=story.digest)
            self.store.save_digest(
                story_id, digest, article_stamp(story.article_ids), title=digest.get("headline")
            )
            done += 1
        return done
