"""The one place where the stages are chained.

    ingest/extract (articles arrive) → store → dedup → cluster → digest

Every way an article enters — ``crosswire import``, the feed scheduler, a user's
submission, a backfill — ends in ``Pipeline.add_articles``. Stages themselves never see the
store; this module hands them dataclasses and writes their decisions back.

Stories are assigned by one story engine at a time among all the processes that share a
database: the holder of the ``story-assigner`` lock (``Store.try_lock``), the same lock
``crosswire worker``'s elected assigner takes. A pipeline that cannot take it only stores,
and the holder assigns the backlog. Once taken, the lock is kept for the pipeline's life
(closing the store frees it). Each assignment batch also records which engine wrote it
(the ``story-assigner`` meta key), so an engine that finds another's decisions in the store
since its own last batch rebuilds itself from the store instead of deciding on a stale view.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta

from crosswire.cluster import StoryEngine
from crosswire.cluster import options_from_settings as cluster_options
from crosswire.cluster.text import lead_text
from crosswire.constants import ASSIGNER_LOCK, ASSIGNER_META, DIGEST_META
from crosswire.corrections import engine_outdated, respect_corrections
from crosswire.digest import build_digest
from crosswire.digest import options_from_settings as digest_options
from crosswire.digest.build import representative
from crosswire.models import Article, Assignment, article_stamp, utcnow
from crosswire.settings import Settings
from crosswire.store import Store
from crosswire.text.scripts import reading_rank
from crosswire.vectors import prime_from_store

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
    moved_articles: int = 0  # taken over by a newer story (see StoryEngine.drain_moves)
    unassigned: int = 0  # stored, left to the process that holds the story-assigner lock
    story_ids: set[int] = field(default_factory=set)

    def merge(self, other: IngestReport) -> None:
        """Add ``other``'s counts to these and its story ids to these (every field)."""
        for f in fields(self):
            mine = getattr(self, f.name)
            if isinstance(mine, set):
                mine |= getattr(other, f.name)
            else:
                setattr(self, f.name, mine + getattr(other, f.name))


class Pipeline:
    def __init__(self, store: Store, settings: Settings, *, cluster: bool = True) -> None:
        self.store = store
        self.settings = settings
        self.cluster = cluster
        self._engine: StoryEngine | None = None
        self._lock = threading.RLock()  # one assigner per process; see workers/ for many
        self._token = uuid.uuid4().hex  # names this engine's batches in the store
        self._digest_key_checked = False  # digests of other options flagged (once)

    # the story engine --------------------------------------------------------------
    @property
    def engine(self) -> StoryEngine:
        if self._engine is None:
            engine = StoryEngine(cluster_options(self.settings))
            older, recent = self._assigned_articles_to_restore(engine.options.topic_window_days)
            if older:  # closed stories: one article each, for their developing stories
                log.info("story engine: restoring %d developing stories' older events", len(older))
                self._prime_stored_vectors(older)
                engine.restore_topics(
                    older,
                    self.store.story_topics(a.story_id for a in older if a.story_id is not None),
                )
            if recent:
                log.info("story engine: restoring %d recent articles", len(recent))
                self._prime_stored_vectors(recent)
                topics = self.store.story_topics({int(a.story_id) for a in recent if a.story_id})
                engine.restore(recent, topics=topics)
            self._engine = engine
        return self._engine

    def _prime_stored_vectors(self, articles: Sequence[Article]) -> None:
        """Vectors that `crosswire worker`'s fetchers stored with the articles spare the
        engine the model (whichever process assigns: a worker, serve, import)."""
        prime_from_store(self.store, self.settings, articles)

    def _assigned_articles_to_restore(
        self, topic_days: float
    ) -> tuple[list[Article], list[Article]]:
        """The articles a new engine rebuilds from: the first original article of each story
        that closed within ``topic_days`` of the newest article (for the developing stories),
        and every article of the last ``RESTORE_WINDOW`` (for the stories)."""
        assignments = self.store.story_assignments()
        if not assignments:
            return [], []
        articles = self.store.get_articles(sorted(assignments))
        newest = max((a.when for a in articles if a.when), default=None)
        if newest is None:
            return [], articles
        cutoff = newest - RESTORE_WINDOW
        recent = [a for a in articles if a.when is None or a.when >= cutoff]
        live = {a.story_id for a in recent}
        since = newest - timedelta(days=topic_days)
        firsts: dict[int, Article] = {}
        for a in articles:  # by id: the first stored article of each story
            if a.story_id not in live and a.duplicate_of is None and a.when and a.when >= since:
                firsts.setdefault(int(a.story_id), a)  # type: ignore[arg-type]
        return sorted(firsts.values(), key=lambda a: (a.when, a.id or 0)), recent

    # entry points ------------------------------------------------------------------
    def add_articles(self, articles: Sequence[Article]) -> IngestReport:
        """Store new articles and give each its story. Known articles are skipped."""
        with self._lock:
            report, fresh = self._store_articles(articles)
            if fresh:
                report.merge(self._assign_if_assigner(fresh))
        return report

    def add_batches(self, batches: Iterable[Sequence[Article]]) -> Iterator[IngestReport]:
        """``add_articles`` over a stream of batches, one report per batch.

        The same decisions as one ``add_articles`` call per batch, sooner: while the story
        engine places one batch, a background thread embeds the next batch's new articles
        (the model releases the GIL), so the embedding is ready when the engine gets there."""
        if not self.cluster:
            for batch in batches:
                yield self.add_articles(batch)
            return
        with ThreadPoolExecutor(1, thread_name_prefix="crosswire-embed") as embedding:
            pending: tuple[IngestReport, list[Article], Future[None] | None] | None = None
            for batch in batches:
                with self._lock:
                    report, fresh = self._store_articles(batch)
                    ahead = None
                    if fresh and self._may_assign():
                        ahead = embedding.submit(self._embed_ahead, self.engine, fresh)
                if pending is not None:
                    yield self._finish_batch(*pending)
                pending = (report, fresh, ahead)
            if pending is not None:
                yield self._finish_batch(*pending)

    def process_backlog(self, batch: int = 500) -> IngestReport:
        """Assign stories to stored articles that have none (after a crash or a raw import),
        when this pipeline may assign (see the module docstring)."""
        report = IngestReport()
        with self._lock:
            if not self.cluster or not self._may_assign():
                return report
            done = 0
            while True:
                pending = self.store.unassigned_articles(limit=batch)
                if not pending:
                    break
                report.merge(self._assign(pending))
                done += len(pending)
                log.info("story engine: %d stored articles assigned from the backlog", done)
        return report

    def consolidate_recent(self) -> IngestReport:
        """The consolidation pass over the recent window (``StoryEngine.consolidate_recent``;
        ``crosswire serve`` and the assigning worker run it on a timer), when this pipeline
        may assign: at most ``cluster_consolidate_max_stories`` stories touched within
        ``cluster_consolidate_window_hours``; its merges are written in one transaction
        (redirects kept, a moderator's split respected) and its cost is logged."""
        report = IngestReport()
        with self._lock:
            if not self.cluster or not self._may_assign():
                return report
            if engine_outdated(self):
                self._engine = None
            engine = self.engine
            cost = engine.consolidate_recent(
                self.settings.cluster_consolidate_window_hours * 3600.0,
                self.settings.cluster_consolidate_max_stories,
            )
            log.info(
                "consolidation pass: %d recent stories examined, %d story pairs scored, "
                "%d merged, in %.0f ms",
                cost["stories"],
                cost["scored"],
                cost["merged"],
                1000 * cost["seconds"],
            )
            merges = engine.drain_merges()
            if not merges:
                return report
            with self._engine_forgotten_on_error(), self.store.transaction():
                _, merges, vetoed = respect_corrections(self.store, [], merges)
                report.story_ids.update(self._write_merges(engine, merges, utcnow(), report))
                self.store.set_meta(ASSIGNER_META, self._token)
            if vetoed:
                self._engine = None
        return report

    def _write_merges(
        self,
        engine: StoryEngine,
        merges: Sequence[tuple[int, int]],
        latest: datetime,
        report: IngestReport,
        ids: Mapping[int, int] | None = None,
    ) -> set[int]:
        """Store the engine's merges (inside the caller's transaction); a merged story keeps
        its own time, never later than ``latest``, and the grown story the developing story
        the engine gave it (a merge can move it to the other's). ``ids``: the stored id of
        each story the engine still knows by a provisional one. Returns the stories merged
        into."""
        ids = ids or {}
        provisional = {stored: opened for opened, stored in ids.items()}
        grown: set[int] = set()
        for from_id, into_id in merges:
            merged = self.store.get_story(from_id, follow_merges=False)
            at = merged.updated_at if merged and merged.updated_at else latest
            self.store.merge_stories(from_id, into_id, min(at, latest))
            report.merged_stories += 1
            grown.add(into_id)
        topics = {i: engine.topic_of(provisional.get(i, i)) for i in grown}
        self.store.set_story_topics({i: ids.get(t, t) for i, t in topics.items() if t is not None})
        return grown

    # storing and assigning -------------------------------------------------------------
    def _store_articles(self, articles: Sequence[Article]) -> tuple[IngestReport, list[Article]]:
        report = IngestReport(received=len(articles))
        stored = self.store.add_articles(articles)
        fresh = [a for a, created in stored if created]
        report.added = len(fresh)
        report.already_known = len(stored) - len(fresh)
        return report, fresh

    def _finish_batch(
        self, report: IngestReport, fresh: list[Article], ahead: Future[None] | None
    ) -> IngestReport:
        if ahead is not None:
            ahead.result()  # the vectors are in the embedder's cache now
        if fresh:
            with self._lock:
                report.merge(self._assign_if_assigner(fresh))
        return report

    @staticmethod
    def _embed_ahead(engine: StoryEngine, articles: list[Article]) -> None:
        engine.embedder.encode([lead_text(a, engine.options.lead_chars) for a in articles])

    def _assign_if_assigner(self, fresh: list[Article]) -> IngestReport:
        if not self.cluster:
            return IngestReport()
        if not self._may_assign():
            return IngestReport(unassigned=len(fresh))
        return self._assign(fresh)

    def _may_assign(self) -> bool:
        """Take (or keep) the story-assigner lock; False while another process holds it.

        Holding it, an engine built earlier is dropped when the store shows that another
        engine assigned since this one's last batch (a worker's assigner between two of our
        holds, or after our connection was lost): the next ``engine`` access rebuilds it."""
        if not self.store.try_lock(ASSIGNER_LOCK):
            return False
        if self._engine is not None and self.store.get_meta(ASSIGNER_META) not in (
            None,
            self._token,
        ):
            log.info("story engine: another engine assigned stories meanwhile; rebuilding")
            self._engine = None
        return True

    def _assign(self, articles: list[Article]) -> IngestReport:
        """Place ``articles`` and write the decisions in one transaction. The engine opens
        stories under provisional ids; their rows are made in that transaction, so a story
        row exists only with its articles, and the engine learns the stored ids after it."""
        if engine_outdated(self):  # a moderator corrected stories: rebuild from the store
            self._engine = None
        ordered = sorted(articles, key=lambda a: (a.when is None, a.when or utcnow(), a.id or 0))
        self._prime_stored_vectors(ordered)
        with self._engine_forgotten_on_error():  # a failure leaves no provisional story
            engine = self.engine
            assignments = self._place(engine, ordered)
            now = utcnow()
            times = {a.id: min(a.when, now) if a.when is not None else now for a in articles}
            # one unit of work: a crash leaves a batch either fully assigned or in the backlog
            with self.store.transaction():
                ids = {
                    opened: int(self.store.create_story("", [], now).id)  # type: ignore[arg-type]
                    for opened in sorted(engine.drain_opened())
                }
                report, vetoed = self._write_assignments(engine, assignments, ids, articles, times)
            engine.rename_stories(ids)
        if vetoed:  # the engine undid a moderator's correction: its state is not the store's
            self._engine = None
        return report

    def _place(self, engine: StoryEngine, ordered: list[Article]) -> list[Assignment]:
        """The engine's decisions for ``ordered``, with the cost of its consolidation logged."""
        consolidator = engine.consolidator
        before = consolidator.cost() if consolidator is not None else None
        assignments: list[Assignment] = engine.add(ordered)
        if consolidator is not None and before is not None:
            after = consolidator.cost()
            log.info(
                "story engine: consolidation scored %d story pairs, merged %d, in %.0f ms",
                after["scored"] - before["scored"],
                after["merged"] - before["merged"],
                1000 * (after["seconds"] - before["seconds"]),
            )
        return assignments

    def _write_assignments(
        self,
        engine: StoryEngine,
        assignments: list[Assignment],
        ids: dict[int, int],
        articles: list[Article],
        times: dict[int | None, datetime],
    ) -> tuple[IngestReport, bool]:
        """Store the engine's decisions (inside the caller's transaction), its provisional
        story ids read through ``ids``; returns the report and whether a correction vetoed
        one of the engine's moves or merges."""
        report = IngestReport()
        by_story: dict[int, list[int]] = defaultdict(list)
        topics: dict[int, int] = {}
        for decision in assignments:
            if decision.duplicate_of is not None:
                self.store.mark_duplicate(decision.article_id, decision.duplicate_of)
                report.duplicates += 1
            if decision.story_id is not None:
                story_id = ids.get(decision.story_id, decision.story_id)
                by_story[story_id].append(decision.article_id)
                if decision.topic_id is not None:
                    topics[story_id] = ids.get(decision.topic_id, decision.topic_id)
        # a story is as new as its newest article: an imported archive's stories keep
        # their own times instead of all looking updated now
        for story_id, article_ids in by_story.items():
            self.store.attach_to_story(story_id, article_ids, max(times[i] for i in article_ids))
            report.story_ids.add(story_id)
        for old_id, new_id in engine.drain_new_originals():
            self.store.hand_original(old_id, new_id)
        self.store.set_story_topics(topics)
        newest = max(times.values(), default=utcnow())
        moves, merges, vetoed = respect_corrections(
            self.store,
            [(a, ids.get(f, f), ids.get(t, t)) for a, f, t in engine.drain_moves()],
            [(ids.get(f, f), ids.get(t, t)) for f, t in engine.drain_merges()],
        )
        # a story a move or merge reaches gets the moved articles' own times, not the
        # batch's newest (a 2014 story would otherwise look updated in 2018)
        for article_id, from_id, into_id in moves:
            self.store.move_article(article_id, into_id, self._time_of(article_id, times))
            report.moved_articles += 1
            report.story_ids.update((from_id, into_id))
        grown = self._write_merges(engine, merges, newest, report, ids)
        # until its digest exists, a story is called by its first article's title (one
        # in the reader's language where it has one)
        by_id = {a.id: a for a in articles}
        for story_id in set(ids.values()) & set(by_story):
            report.new_stories += 1
            if story_id in grown:  # its first article may come from the absorbed story
                self._title_from_store(story_id)
            else:
                first = self._first_readable([by_id[i] for i in by_story[story_id]])
                self.store.set_story_title(story_id, first.title or "")
        self.store.set_meta(ASSIGNER_META, self._token)
        return report, vetoed

    def _time_of(self, article_id: int, times: dict[int | None, datetime]) -> datetime:
        """An article's time as the batch counts it, else as stored (a moved article from
        an earlier batch), else now."""
        if article_id in times:
            return times[article_id]
        stored = self.store.get_article(article_id)
        when = stored.when if stored is not None else None
        return min(when, utcnow()) if when is not None else utcnow()

    def _title_from_store(self, story_id: int) -> None:
        story = self.store.get_story(story_id)
        if story is None or story.title or not story.article_ids or story.id is None:
            return
        articles = self.store.get_articles(story.article_ids[:50], text=False)
        if articles:
            self.store.set_story_title(story.id, self._first_readable(articles).title)

    def _first_readable(self, articles: list[Article]) -> Article:
        """The article a story is called by until its digest exists: the first (by id, as
        the store lists them) in the reader's language, else in the reader's script, else
        the first."""
        language = self.settings.reader_language
        return min(articles, key=lambda a: (reading_rank(language, a.language, a.title), a.id or 0))

    @contextmanager
    def _engine_forgotten_on_error(self) -> Iterator[None]:
        """A failed write (disk full, database gone) leaves the engine holding decisions the
        store did not keep: drop it, and the next use rebuilds it from the store."""
        try:
            yield
        except BaseException:
            self._engine = None
            raise

    # digests -----------------------------------------------------------------------
    def _digest_articles(self, article_ids: list[int], cap: int) -> list[Article]:
        """A story's articles for its digest: the text only of those the digest reads
        (``digest.build.representative``), so a story of 20,000 articles loads 60 texts."""
        if len(article_ids) <= cap:
            return self.store.get_articles(article_ids)
        heads = self.store.get_articles(article_ids, text=False)
        read = representative([a for a in heads if a.duplicate_of is None], cap)
        full = {a.id: a for a in self.store.get_articles(a.id for a in read if a.id is not None)}
        return [full.get(a.id, a) for a in heads]

    def _rebuild_digests_of_other_options(self, key: str) -> None:
        """Once per process: digests built by another digest version or other settings
        (reader language, summary length …) are flagged for rebuilding, most recent stories
        first, so an upgrade reaches the stories already there."""
        if self._digest_key_checked:
            return
        self._digest_key_checked = True
        if self.store.get_meta(DIGEST_META) == key:
            return
        flagged = self.store.mark_digests_stale()
        self.store.set_meta(DIGEST_META, key)
        if flagged:
            log.info(
                "digests: %d built with other options or an older version, rebuilding", flagged
            )

    def refresh_digests(self, limit: int = 100) -> int:
        """Rebuild the digests of stories whose articles changed; return how many."""
        options = digest_options(self.settings)
        self._rebuild_digests_of_other_options(options.cache_key())
        done = 0
        for story_id in self.store.stale_digests(limit=limit):
            story = self.store.get_story(story_id)
            if story is None or not story.article_ids:
                continue
            articles = self._digest_articles(story.article_ids, options.max_articles)
            sources = {
                a.source: s
                for a in articles
                if a.source and (s := self.store.get_source(a.source)) is not None
            }
            digest = build_digest(articles, sources, options, previous=story.digest)
            self.store.save_digest(
                story_id, digest, article_stamp(story.article_ids), title=digest.headline
            )
            done += 1
        return done
