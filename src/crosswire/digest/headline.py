"""The story's headline: the most representative title, in the reader's language if any,
else in the reader's script (``crosswire.text.scripts``)."""

from __future__ import annotations

import numpy as np

from crosswire.models import Article
from crosswire.text.scripts import reading_rank


def choose_headline(articles: list[Article], embed, language: str) -> tuple[str, str]:  # noqa: ANN001
    """(title, its language). The title closest to the centroid of all titles and leads."""
    titled = [a for a in articles if (a.title or "").strip()]
    if not titled:
        return "", language
    if len(titled) == 1:
        return titled[0].title.strip(), titled[0].language or language
    texts = [f"{a.title}. {(a.text or '')[:300]}" for a in titled]
    vectors = embed.encode(texts)
    centroid = vectors.mean(axis=0)
    scores = vectors @ centroid
    ranks = [reading_rank(language, a.language, a.title) for a in titled]
    pool = [i for i, rank in enumerate(ranks) if rank == min(ranks)]
    # very short or very long titles make poor headlines
    penalty = np.array([0.0 if 4 <= len(titled[i].title.split()) <= 20 else 0.1 for i in pool])
    best = pool[int(np.argmax(scores[pool] - penalty))]
    return titled[best].title.strip(), titled[best].language or language
