"""Extraction of the fixture pages (six languages): text, metadata, credit lines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosswire.extract.article import ExtractionError, canonical_url, extract_article

pytestmark = pytest.mark.timeout(60)

PAGES = Path(__file__).parents[1] / "ingest" / "fixtures" / "articles"
URL = "https://fixture.example/articles/{}.html?utm_source=rss"

EXPECTED = {
    # slug: (language, title start, byline, date, origin, first words, credit words)
    "en-1": ("en", "Northbridge opens", "Maria Okafor", "2026-03-14", "The Harbour Ledger",
             "The city of Northbridge", "originally appeared"),
    "fr-1": ("fr", "Lyon inaugure", "Claire Duval", "2026-03-15", "AFP",
             "La ville de Lyon", "Avec AFP"),
    "de-1": ("de", "Hamburg verlängert", "Jonas Berger", "2026-03-16", "Elbe-Rundschau",
             "Die Hamburger", "erschien zuerst"),
    "es-1": ("es", "Valencia abre", "Lucía Romero", "2026-03-17", "La Gaceta del Turia",
             "El Ayuntamiento", "publicado originalmente"),
    "ar-1": ("ar", "افتتاح مكتبة", "سارة المصري", "2026-03-18", "صحيفة البحر المتوسط",
             "افتتحت محافظة", "في الأصل"),
    "ru-1": ("ru", "В Казани", "Анна Смирнова", "2026-03-19", "Волжского вестника",
             "В Казани в четверг", "впервые опубликован"),
}  # fmt: skip


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_fixture_pages_extract_fully(slug):
    lang, title, byline, date, origin, first, credit = EXPECTED[slug]
    html = (PAGES / f"{slug}.html").read_text(encoding="utf-8")
    article = extract_article(html, URL.format(slug))
    assert article.language == lang
    assert article.title.startswith(title)
    assert article.byline == byline
    assert article.published_at is not None and article.published_at.date().isoformat() == date
    assert article.origin == origin
    assert article.text.startswith(first)
    assert credit not in article.text  # the credit line is removed from the body
    assert "Most read" not in article.text and "All rights reserved" not in article.text
    assert article.site_name == "Fixture Times"
    assert article.canonical_url == f"https://fixture.example/articles/{slug}.html?id=7"
    assert article.source == "fixture.example"
    assert article.content_hash and not article.partial


def test_page_without_text_is_an_extraction_error():
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article("<html><body><nav>Home</nav></body></html>", "https://x.example/")
    with pytest.raises(ExtractionError):
        extract_article("", "https://x.example/")


def test_canonical_url_falls_back_to_the_normalised_fetched_url():
    assert canonical_url(None, "https://A.example:443/p?utm_medium=x&b=2#frag") == (
        "https://a.example/p?b=2"
    )
    assert canonical_url("javascript:alert(1)", "https://a.example/p") == "https://a.example/p"
    assert canonical_url("//cdn.example/x", "https://a.example/p") == "https://cdn.example/x"


def _dated_page(meta: str) -> str:
    return (
        f"<html><head><title>Ferry timetable changes</title>{meta}</head>"
        "<body><article><h1>Ferry timetable changes</h1>"
        + "<p>The harbour board of Tessaport changed the winter ferry timetable on Monday, "
        "adding two late crossings and moving the first departure to six o'clock.</p>"
        * 3
        + "</article></body></html>"
    )


def test_a_publication_time_keeps_its_hour_and_offset():
    meta = '<meta property="article:published_time" content="2026-03-14T09:30:00+02:00">'
    article = extract_article(_dated_page(meta), "http://news.example/a/5")
    assert article.published_at == datetime(2026, 3, 14, 7, 30, tzinfo=UTC)


def test_a_page_dated_far_in_the_future_keeps_no_publication_time():
    html = (
        "<html><head><title>Ferry timetable changes</title>"
        '<meta property="article:published_time" content="2099-01-01T08:00:00Z"></head>'
        "<body><article><h1>Ferry timetable changes</h1>"
        + "<p>The harbour board of Tessaport changed the winter ferry timetable on Monday, "
        "adding two late crossings and moving the first departure to six o'clock.</p>"
        * 3
        + "</article></body></html>"
    )
    article = extract_article(html, "http://news.example/a/4")
    assert article.published_at is None and article.fetched_at is not None
