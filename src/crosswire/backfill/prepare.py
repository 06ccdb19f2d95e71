"""The per-partition work of a backfill, run on Dask workers: pure, no store, no engine.

records (or archived pages, extracted) → validated ``Article`` (normalised fields, dedup
content hash) → the text the story engine embeds → its vector. Workers load the embedder
once per process (``load_embedder``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from crosswire.backfill.warc import article_from_page
from crosswire.cluster.text import lead_text
from crosswire.embed import load_embedder
from crosswire.models import Article
from crosswire.records import article_from_record, future_dated

FAR_FUTURE = float("inf")  # undated articles go last, in file order, as in the online path


@dataclass
class Prepared:
    """One partition, ready for the store and the engine."""

    articles: list[Article]
    texts: list[str]  # what the story engine embeds, one per article
    vectors: np.ndarray  # (n, dim) float32, rows match ``articles``
    errors: list[str] = field(default_factory=list)  # one line per rejected record
    future_dates: int = 0  # records dated in the future, kept as undated articles

    def time_keys(self, part: int) -> list[tuple[float, int, int]]:
        """``(timestamp, part, position)`` per article: the global order is their sort."""
        return [
            (a.when.timestamp() if a.when else FAR_FUTURE, part, i)
            for i, a in enumerate(self.articles)
        ]

    def take(self, positions: list[int]) -> Prepared:
        return Prepared(
            [self.articles[i] for i in positions],
            [self.texts[i] for i in positions],
            self.vectors[positions] if len(self.vectors) else self.vectors,
        )


def embedding_text(article: Article, lead_chars: int) -> str:
    """The text the story engine embeds for an article (its title and lead)."""
    return lead_text(article, lead_chars)


def prepare_part(records: list[dict[str, Any]], embedder: str | None, lead_chars: int) -> Prepared:
    """Validate and normalise ``records``; embed them with ``embedder`` (None: skip)."""
    articles: list[Article] = []
    errors: list[str] = []
    future = 0
    for record in records:
        try:
            if isinstance(record, dict) and "html" in record:  # a page from a WARC file
                articles.append(article_from_page(record))
            else:
                articles.append(article_from_record(record))
                future += future_dated(record, articles[-1])
        except ValueError as exc:
            errors.append(f"record {_name(record)}: {exc}")
    texts = [embedding_text(a, lead_chars) for a in articles]
    if embedder is None or not texts:
        vectors = np.zeros((len(texts), 0), dtype=np.float32)
    else:
        vectors = np.asarray(load_embedder(embedder).encode(texts), dtype=np.float32)
    return Prepared(articles, texts, vectors, errors, future)


def _name(record: Any) -> str:
    if not isinstance(record, dict):
        return "?"
    return str(record.get("id") or record.get("url") or "?")
