"""The pipeline: one story assigner among all processes sharing a database, and batched
ingestion that decides exactly as article-by-batch ingestion does."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime, timedelta

import pytest

from crosswire.constants import ASSIGNER_LOCK
from crosswire.models import Article
from crosswire.pipeline import Pipeline
from crosswire.settings import load_settings
from crosswire.store import open_store
from tests.cluster.stream import stray_report

PLACES = ["Valdoria", "Northmark", "Ostrava", "Kelmoor", "Brisk", "Tandor"]
HAPPENINGS = [
    ("storm", "damaged", "homes", "Crews cleared fallen trees through the night"),
    ("strike", "idled", "buses", "Union leaders promised talks with the city council"),
    ("election", "counted", "ballots", "Observers praised the calm at polling stations"),
    ("fire", "destroyed", "hectares", "Firefighters from three regions fought the flames"),
    ("vaccine", "delivered", "doses", "Clinics extended their opening hours for the campaign"),
    ("bridge", "closed", "lanes", "Engineers found cracks in two supporting pillars"),
]


def event(n: int, k: int, when: datetime) -> Article:
    """Article ``k`` about event ``n``: its place, people and figure repeat in every report."""
    place = PLACES[n % len(PLACES)]
    what, did, things, detail = HAPPENINGS[n % len(HAPPENINGS)]
    figure = 100 + 37 * n
    return Article(
        title=f"{place} {what}: {figure} {things} {did}, mayor Quill{n} says (report {k})",
        text=(
            f"The {what} in {place} {did} {figure} {things}, mayor Quill{n} said on day {k}. "
            f"{detail}, according to report number {k} from {place}."
        ),
        url=f"https://outlet{k}.example/event{n}/{k}",
        source=f"outlet{k}.example",
        language="en",
        published_at=when + timedelta(minutes=k),
    )


@pytest.fixture
def url(store_url):
    return store_url


def settings_for(url: str):
    return load_settings(database_url=url, embedder="hashing")


class OnePass(threading.Event):
    """A stop event that lets a loop run exactly once."""

    def __init__(self) -> None:
        super().__init__()
        self.checked = False

    def is_set(self) -> bool:
        seen, self.checked = self.checked, True
        return seen


def partition(store) -> set[frozenset[str]]:
    stories: dict[int, set[str]] = {}
    for article_id, story_id in store.story_assignments().items():
        article = store.get_article(article_id)
        assert article is not None and article.url is not None
        stories.setdefault(story_id, set()).add(article.url)
    return {frozenset(urls) for urls in stories.values()}


def test_only_the_lock_holder_assigns_and_a_stale_engine_rebuilds(url):
    start = datetime(2026, 3, 1, tzinfo=UTC)
    first_store, second_store = open_store(url), open_store(url)
    try:
        first = Pipeline(first_store, settings_for(url))
        second = Pipeline(second_store, settings_for(url))
        report = first.add_articles([event(0, 1, start), event(0, 2, start)])
        assert report.new_stories == 1 and report.unassigned == 0
        # the first holds the lock for its life: the second stores, the first assigns
        report = second.add_articles([event(1, 1, start)])
        assert (report.added, report.unassigned, report.story_ids) == (1, 1, set())
        assert second.process_backlog().story_ids == set()
        assert len(second_store.unassigned_articles()) == 1
        assert len(first.process_backlog().story_ids) == 1
        # the first lets go; the second assigns a new event the first never sees
        first_store.unlock(ASSIGNER_LOCK)
        report = second.add_articles([event(2, 1, start), event(2, 2, start)])
        assert report.new_stories == 1
        second_store.unlock(ASSIGNER_LOCK)
        # back with the first: its engine is stale and rebuilds, so event 2 keeps one story
        report = first.add_articles([event(2, 3, start)])
        assert report.new_stories == 0
        stories = partition(first_store)
        assert len(stories) == 3
        assert any(len(s) == 3 and all("/event2/" in u for u in s) for s in stories)
    finally:
        first_store.close()
        second_store.close()


def test_batches_decide_as_single_calls_do(tmp_path):
    start = datetime(2026, 3, 1, tzinfo=UTC)
    articles = [event(n, k, start + timedelta(hours=n)) for n in range(12) for k in range(3)]
    batches = [articles[i : i + 5] for i in range(0, len(articles), 5)]
    outcomes = []
    for name, streamed in (("calls", False), ("batches", True)):
        url = f"sqlite:///{tmp_path / name}.db"
        with open_store(url) as store:
            pipeline = Pipeline(store, settings_for(url))
            if streamed:
                reports = list(pipeline.add_batches(batches))
            else:
                reports = [pipeline.add_articles(batch) for batch in batches]
            assert [r.received for r in reports] == [len(b) for b in batches]
            assert sum(r.added for r in reports) == len(articles)
            outcomes.append(
                (partition(store), sum(r.new_stories for r in reports), store.count_articles())
            )
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1] >= 6  # distinct events stay apart


def test_serve_upkeep_assigns_only_while_no_worker_holds_the_lock(url):
    """`crosswire serve`'s story upkeep goes through the same lock as the workers."""
    from crosswire.cli.serve import keep_stories_current

    start = datetime(2026, 3, 1, tzinfo=UTC)
    worker, served = open_store(url), open_store(url)
    try:
        assert worker.try_lock(ASSIGNER_LOCK)  # a worker is the assigner
        pipeline = Pipeline(served, settings_for(url))
        pipeline.add_articles([event(3, 1, start), event(3, 2, start)])  # a feed round
        keep_stories_current(pipeline, OnePass(), every=0)
        assert len(served.unassigned_articles()) == 2
        worker.unlock(ASSIGNER_LOCK)  # the worker stops: serve's next pass takes over
        keep_stories_current(pipeline, OnePass(), every=0)
        assert served.unassigned_articles() == []
    finally:
        worker.close()
        served.close()


def test_a_big_storys_digest_loads_only_the_texts_it_reads(tmp_path):
    """The pipeline hands the digest every article of a story but reads the text only of
    those the digest uses; the digest is the one built from every article's text."""
    from crosswire.digest import build_digest, options_from_settings

    url = f"sqlite:///{tmp_path / 'big.db'}"
    # the reports repeat one another's words: without dedup none counts as a copy
    settings = load_settings(database_url=url, embedder="hashing", dedup_enabled=False)
    start = datetime(2026, 3, 1, tzinfo=UTC)
    with open_store(url) as store:
        pipeline = Pipeline(store, settings)
        pipeline.add_articles([event(0, k, start + timedelta(hours=k)) for k in range(12)])
        stories = set(store.story_assignments().values())
        story_id = max(stories, key=lambda s: len(store.get_story(s).article_ids))
        ids = store.get_story(story_id).article_ids
        originals = [a for a in store.get_articles(ids) if a.duplicate_of is None]
        assert len(originals) > 4
        articles = pipeline._digest_articles(ids, cap=4)
        assert [a.id for a in articles] == ids
        assert sum(1 for a in articles if a.text) == 4
        options = options_from_settings(settings)
        cap = dataclasses.replace(options, max_articles=4)
        assert build_digest(articles, {}, cap) == build_digest(store.get_articles(ids), {}, cap)


def test_an_original_that_arrives_after_its_copy_takes_over(url):
    """A reprint stored first (a faster feed) is a copy once the original, published two
    hours earlier, arrives: the store points it at the original and the rebuilt digest
    lists it under "also published by"."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    original = event(4, 1, start)
    reprint = dataclasses.replace(
        original,
        url="https://reprint.example/fire",
        source="reprint.example",
        title="Reprinted: " + original.title,
        published_at=start + timedelta(hours=2),
    )
    with open_store(url) as store:
        pipeline = Pipeline(store, settings_for(url))
        pipeline.add_articles([reprint])
        pipeline.refresh_digests()
        pipeline.add_articles([original])
        by_url = {a.url: a for a in store.get_articles(list(store.story_assignments()))}
        first, copy = by_url[original.url], by_url[reprint.url]
        assert (first.duplicate_of, copy.duplicate_of) == (None, first.id)
        assert first.story_id == copy.story_id
        pipeline.refresh_digests()
        digest = store.get_story(first.story_id).digest
        assert digest.originals == [first.id]
        assert [c.source for c in digest.copies] == ["reprint.example"]


def test_digests_of_an_older_version_or_other_settings_are_rebuilt(url):
    """The digests already there are rebuilt when the digest options change (an upgrade
    that bumps the digest version, another summary length), once, newest stories first."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    with open_store(url) as store:
        pipeline = Pipeline(store, settings_for(url))
        pipeline.add_articles(
            [event(n, k, start + timedelta(hours=n)) for n in range(3) for k in range(2)]
        )
        assert pipeline.refresh_digests() == len(set(store.story_assignments().values()))
        assert Pipeline(store, settings_for(url)).refresh_digests() == 0  # same options
        shorter = load_settings(database_url=url, embedder="hashing", summary_sentences=2)
        rebuilt = Pipeline(store, shorter)
        stories = set(store.story_assignments().values())
        assert rebuilt.refresh_digests() == len(stories)
        assert all(len(store.get_story(s).digest.summary) <= 2 for s in stories)
        assert rebuilt.refresh_digests() == 0


def test_until_its_digest_exists_a_story_is_called_by_a_title_in_the_readers_language(url):
    """The story's first report is French, the reader reads English: the English report's
    title names the story until the digest (whose headline prefers English too) is built."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    french = dataclasses.replace(event(2, 0, start), title="Élection : 174 bulletins comptés")
    french = dataclasses.replace(french, language="fr")
    english = event(2, 1, start)
    with open_store(url) as store:
        Pipeline(store, settings_for(url)).add_articles([french, english])
        (story_id,) = set(store.story_assignments().values())
        assert store.get_story(story_id).title == english.title


def test_without_a_report_in_the_readers_language_the_title_is_one_in_their_script(url):
    """Reports in Arabic, then French, for an English reader: the French title (names and
    figures legible) names the story, not the first one."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    arabic = dataclasses.replace(
        event(2, 0, start), title="الانتخابات: فرز 174 بطاقة", language="ar"
    )
    french = dataclasses.replace(
        event(2, 1, start), title="Élection : 174 bulletins comptés", language="fr"
    )
    with open_store(url) as store:
        Pipeline(store, settings_for(url)).add_articles([arabic, french])
        (story_id,) = set(store.story_assignments().values())
        assert store.get_story(story_id).title == french.title


def test_an_article_a_newer_story_takes_over_moves_with_its_copies(url):
    """The engine moves an article into a newer story (``StoryEngine.drain_moves``): the
    store moves it and its reprint, and both stories' counts follow."""
    reopening, suspension, suspension_alone = stray_report()
    reprint = dataclasses.replace(
        suspension,
        id=None,
        url="https://reprint.example/brellin",
        source="reprint.example",
        published_at=suspension.published_at + timedelta(minutes=30),
    )
    articles = [dataclasses.replace(a, id=None) for a in (reopening, suspension)]
    with open_store(url) as store:
        pipeline = Pipeline(store, settings_for(url))
        pipeline.add_articles([*articles, reprint])
        pipeline.refresh_digests()
        assert len(partition(store)) == 1  # the suspension joined the reopening's story
        later = event(5, 1, suspension_alone.published_at + timedelta(hours=4))  # elsewhere
        alone = dataclasses.replace(suspension_alone, id=None)
        report = pipeline.add_articles([alone, later])
        assert report.moved_articles == 1
        assert partition(store) == {
            frozenset({reopening.url}),
            frozenset({suspension.url, reprint.url, suspension_alone.url}),
            frozenset({later.url}),
        }
        by_url = {a.url: a for a in store.get_articles(list(store.story_assignments()))}
        assert by_url[reprint.url].duplicate_of == by_url[suspension.url].id
        # the story the move reached is as new as its newest article, not the batch's
        took_at = store.get_story(by_url[suspension.url].story_id).updated_at
        assert took_at == suspension_alone.published_at < later.published_at
        pipeline.refresh_digests()
        left = store.get_story(by_url[reopening.url].story_id)
        took = store.get_story(by_url[suspension.url].story_id)
        assert left.digest.originals == [by_url[reopening.url].id]  # rebuilt without it
        assert sorted(took.digest.originals) == sorted(
            by_url[u].id for u in (suspension.url, suspension_alone.url)
        )


def ingest_with_moves_and_merges(pipeline: Pipeline) -> None:
    """Batches that open stories, move an article into a newer story and merge two."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    reopening, suspension, alone = (dataclasses.replace(a, id=None) for a in stray_report())
    reports = [pipeline.add_articles([reopening, suspension])]
    reports.append(pipeline.add_articles([alone, event(5, 1, alone.published_at)]))
    batch = [event(n, k, start + timedelta(hours=n)) for n in range(4) for k in (1, 2)]
    reports.append(pipeline.add_articles(batch))
    for a, b in [(0, 1), (2, 3)]:  # a report of two events joins their stories
        one, two = event(a, 3, start + timedelta(hours=a)), event(b, 3, start + timedelta(hours=b))
        title, text = f"{one.title} {two.title}", f"{one.text} {two.text}"
        reports.append(pipeline.add_articles([dataclasses.replace(one, title=title, text=text)]))
    assert sum(r.moved_articles for r in reports) and sum(r.merged_stories for r in reports)


def test_a_story_row_exists_only_with_its_articles(url):
    """The engine opens stories under provisional ids; their rows are made in the
    transaction that gives them their articles: every live story has articles, and the
    stories counted and listed are exactly those the articles are in."""
    with open_store(url) as store:
        settings = load_settings(database_url=url, embedder="hashing", dedup_enabled=False)
        pipeline = Pipeline(store, settings)
        ingest_with_moves_and_merges(pipeline)
        live = set(store.story_assignments().values())
        listed = store.list_stories(limit=100)
        assert {s.id for s in listed} == live and store.count_stories() == len(live)
        assert all(s.article_ids and s.title for s in listed)
        assert len(store.ranked_stories(limit=100)) == len(live)
        assert pipeline.engine.drain_opened() == []  # renamed to their stored ids
        assert set(pipeline.engine.active.stories) <= live


def test_a_failed_assignment_leaves_no_story_row_and_no_provisional_story(url, monkeypatch):
    """A write that fails inside the assignment transaction (the database gone, the disk
    full) rolls back the story rows made for the batch and drops the engine with its
    provisional stories; the backlog is assigned later as if nothing had happened."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    articles = [event(n, k, start + timedelta(hours=n)) for n in range(3) for k in (1, 2)]
    with open_store(url) as store:
        pipeline = Pipeline(store, settings_for(url))

        def fail(topics):
            raise OSError("disk full")

        monkeypatch.setattr(store, "set_story_topics", fail)  # after the rows and articles
        with pytest.raises(OSError):
            pipeline.add_articles(articles)
        assert pipeline._engine is None
        assert store.count_stories() == 0 and store.list_stories() == []
        assert store.story_assignments() == {}
        monkeypatch.undo()
        report = pipeline.process_backlog()
        assert report.new_stories == store.count_stories() == 3
        assert len(partition(store)) == 3
