"""Fetchers store embeddings with their articles; the assigner reuses them."""

from __future__ import annotations

from crosswire.embed import load_embedder
from crosswire.store import open_store
from crosswire.vectors import vector_model
from crosswire.workers.assigner import Assigner
from crosswire.workers.vectors import VectorPipeline
from tests.workers.test_worker_concurrency import invented_events


def test_the_assigner_embeds_nothing_the_fetchers_embedded(settings, monkeypatch):
    settings = settings.model_copy(update={"embedder": "hashing"})
    articles = [a for _, a in invented_events(4, 3)]
    with open_store(settings.database_url) as store:
        report = VectorPipeline(store, settings).add_articles(articles)
        again = VectorPipeline(store, settings).add_articles(articles[:2])
        ids = [a.id for a in store.unassigned_articles()]
        assert (report.added, again.already_known, len(ids)) == (12, 2, 12)
        assert set(store.load_vectors(vector_model("hashing", settings), ids)) == set(ids)
        assert store.load_vectors("hashing", ids) == {}  # filed with the lead's length

    embedder = load_embedder("hashing")
    embedder._cache.clear()  # as in a fresh assigner process
    asked: list[str] = []
    inner = embedder.inner.encode
    monkeypatch.setattr(embedder.inner, "encode", lambda texts: asked.extend(texts) or inner(texts))
    assigner = Assigner(settings, digests=False)
    assert assigner.run_once()
    assert asked == []
    assigner.release()
    with open_store(settings.database_url) as store:
        assert store.unassigned_articles() == []
        assert store.count_stories() == 4
