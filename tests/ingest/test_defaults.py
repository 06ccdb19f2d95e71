"""The default feed list: size, languages, metadata vocabulary, provenance."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from urllib.parse import urlsplit

import pytest

from crosswire.ingest.defaults import LEANINGS, TYPOLOGIES, default_feed_list, load_feed_list
from crosswire.ingest.safety import split_url

pytestmark = pytest.mark.timeout(20)


def test_default_list_covers_many_outlets_languages_and_countries():
    entries = default_feed_list()
    assert 60 <= len(entries) <= 100
    languages = Counter(e.source.language for e in entries)
    assert {"ar", "en", "fr", "de", "es", "ru"} <= set(languages)
    assert len(languages) >= 6 and min(languages[x] for x in ("ar", "fr", "de", "es", "ru")) >= 5
    assert len({e.source.country for e in entries}) >= 10
    assert len({e.feed.url for e in entries}) == len(entries)


def test_every_source_has_metadata_in_the_documented_vocabulary():
    entries = default_feed_list()
    for entry in entries:
        source = entry.source
        assert source.domain and source.name and source.owner, source
        assert source.country and len(source.country) == 2 and source.country.isupper()
        assert source.typology in TYPOLOGIES, source
        assert source.leaning is None or source.leaning in LEANINGS, source
        assert "PROVENANCE.md" in source.provenance
        split_url(entry.feed.url)  # a well-formed http(s) URL
        assert urlsplit(entry.feed.url).hostname
    typologies = Counter(e.source.typology for e in entries)
    assert all(typologies[t] >= 5 for t in TYPOLOGIES)
    leanings = Counter(e.source.leaning for e in entries if e.source.leaning)
    assert {"left", "right"} <= set(leanings)


def test_provenance_file_ships_with_the_package():
    text = resources.files("crosswire.ingest").joinpath("data", "PROVENANCE.md").read_text()
    assert "Not verified online" in text and "Wikidata" in text


def test_feeds_file_can_be_opml(tmp_path):
    path = tmp_path / "mine.opml"
    path.write_text(
        '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss" '
        'htmlUrl="https://www.a.example/"/></body></opml>'
    )
    [entry] = load_feed_list(str(path), interval_seconds=60)
    assert entry.feed.url == "https://a.example/rss" and entry.feed.interval_seconds == 60
    assert entry.source.domain == "a.example" and entry.feed.source_domain == "a.example"
