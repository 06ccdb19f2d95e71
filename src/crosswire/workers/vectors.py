"""Embeddings computed where the articles are fetched, so the one assigner need not.

The story engine's costliest step is the sentence embedding of each article's lead. The
assigner is a single process, so that cost caps the whole fleet (bench/scale_workers.py).
Fetching workers therefore embed the articles they store, in the same transaction
(``VectorPipeline``), and the assigner primes its embedder's cache from the stored vectors
before it assigns (``crosswire.vectors.prime_from_store``): the engine then finds every
vector it asks for and only does the nearest-neighbour search and scoring. A missing vector
(an article imported by ``crosswire import --no-cluster``, an older worker) is simply
computed by the assigner, so this is an optimisation, never a correctness matter.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.embed import load_embedder
from crosswire.models import Article
from crosswire.pipeline import IngestReport, Pipeline
from crosswire.settings import Settings
from crosswire.store import Store
from crosswire.vectors import lead_texts, vector_model


class VectorPipeline(Pipeline):
    """A storing-only pipeline that also stores each new article's embedding."""

    def __init__(self, store: Store, settings: Settings) -> None:
        super().__init__(store, settings, cluster=False)

    def add_articles(self, articles: Sequence[Article]) -> IngestReport:
        """Store ``articles`` with the embeddings of the new ones. The feed scheduler has
        already dropped URLs it knows, so nearly every article here is new."""
        embedder = load_embedder(self.settings.embedder)
        vectors = embedder.encode(lead_texts(articles, self.settings)) if articles else None
        report = IngestReport(received=len(articles))
        with self.store.transaction():  # articles and their vectors appear together
            stored = self.store.add_articles(articles)
            blobs: dict[int, bytes] = {}
            for row, (article, created) in enumerate(stored):
                if not created:
                    report.already_known += 1
                    continue
                report.added += 1
                if vectors is not None and article.id is not None:
                    blobs[article.id] = vectors[row].tobytes()
            if blobs:
                self.store.save_vectors(vector_model(embedder.name, self.settings), blobs)
        return report
