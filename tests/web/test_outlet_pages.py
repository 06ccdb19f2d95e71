"""``/sources/{domain}``: the outlet with each field's source, registry outlets without
articles too, language services under a path (``/sources/bbc.com/mundo``) and their feeds."""

from __future__ import annotations

from crosswire.models import Article
from tests.helpers.app_server import (
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
)


def test_outlet_pages(site):
    base, store, _ = site()
    store.add_article(
        Article(
            title="Noticia",
            text="Una noticia escrita para esta prueba.",
            url="https://www.bbc.com/mundo/articles/c1",
            language="es",
        )
    )
    with TestClient(base) as client:
        mundo = client.get("/sources/bbc.com/mundo")
        assert mundo.status_code == 200 and "BBC News Mundo" in mundo.text
        assert "Una noticia" not in mundo.text and "Noticia" in mundo.text
        assert client.get("/sources/bbc.com%2Fmundo").status_code == 200
        atom = client.get("/sources/bbc.com/mundo/feed.atom")
        assert atom.status_code == 200 and "<title>Noticia</title>" in atom.text
        assert client.get("/sources/one.example/feed.atom").status_code == 200  # the feeds route
        assert client.get("/sources/bbc.com/nothing-here").status_code == 404
        known = client.get("/sources/lemonde.fr")  # in the registry, no article yet
        assert known.status_code == 200 and "Le Monde" in known.text
        assert "source: crosswire&#39;s own list" in known.text
        assert 'data-leaning="lean-left"' in known.text
        kite = client.get("/sources/mediapart.fr").text
        assert "Kagi kite-public media data (MIT)" in kite and 'data-leaning="not rated"' in kite
        assert client.get("/sources/nowhere-at-all.com").status_code == 404
        seen = client.get("/sources/one.example").text  # only seen in an article
        assert 'data-leaning="unknown"' in seen
