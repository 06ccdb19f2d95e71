"""An outlet the registry has no name for takes the name its page gives itself
(``og:site_name``, JSON-LD ``publisher``), and its country from a country-code domain."""

from __future__ import annotations

import json

import pytest

from crosswire.extract.article import extract_article

BODY = (
    "<p>The harbour board of Estrel voted on Tuesday to rebuild the eastern quay, which a "
    "storm damaged last winter. Work is to start in the spring and last two years.</p>"
    "<p>The board said the cost would be shared with the regional government.</p>"
)


def page(head: str) -> str:
    return (
        f"<html><head><title>Quay to be rebuilt</title>{head}</head>"
        f"<body><article><h1>Quay to be rebuilt</h1>{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (
            '<meta property="og:site_name" content="Estrel Harbour Gazette">',
            "https://www.estrel-gazette.nl/news/quay",
        ),
        (
            '<script type="application/ld+json">'
            + json.dumps(
                {
                    "@context": "https://schema.org",
                    "@type": "NewsArticle",
                    "headline": "Quay to be rebuilt",
                    "publisher": {"@type": "Organization", "name": "Estrel Harbour Gazette"},
                }
            )
            + "</script>",
            "https://news.estrel-gazette.nl/quay",
        ),
    ],
)
def test_a_page_names_an_unknown_outlet(sqlite_store, head, url):
    article = extract_article(page(head), url)
    assert article.site_name == "Estrel Harbour Gazette"
    stored, _ = sqlite_store.add_article(article)
    assert stored.source == "estrel-gazette.nl"
    source = sqlite_store.get_source("estrel-gazette.nl")
    assert (source.name, source.country) == ("Estrel Harbour Gazette", "NL")
    outlet = sqlite_store.get_outlet("estrel-gazette.nl")
    assert outlet.provenance == {"name": "page", "country": "cctld"}


def test_the_registry_name_wins_over_the_page(sqlite_store):
    html = page('<meta property="og:site_name" content="NYT">')
    stored, _ = sqlite_store.add_article(extract_article(html, "https://www.nytimes.com/x"))
    assert sqlite_store.get_source(stored.source).name == "The New York Times"
