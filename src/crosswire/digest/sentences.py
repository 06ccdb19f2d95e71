"""Split a story's articles into sentences, each knowing its article, source and position."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from crosswire.digest.similarity import sentence_vectors
from crosswire.digest.text import split_sentences, words
from crosswire.models import Article

LEAD_MIN_WORDS = 6  # shorter lines (datelines, credits) share the next sentence's position


@dataclass
class Sentence:
    text: str
    article_id: int
    source: str
    language: str
    position: int  # 0 = the lead (and any short line before it)
    words: list[str] = field(default_factory=list)


@dataclass
class StorySentences:
    """Every sentence of a story's original (non-copy) articles, with embeddings."""

    sentences: list[Sentence]
    vectors: np.ndarray  # (n, d), L2-normalised; rows' dot products are similarities

    def of_article(self, article_id: int) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.article_id == article_id]


def source_of(article: Article) -> str:
    """The outlet credited for an article: its source domain, else its site, else its id."""
    return article.source or article.site_name or f"article-{article.key}"


def article_sentences(article: Article, limit: int) -> list[Sentence]:
    """The article's sentences (title excluded), at most ``limit``. Positions count only
    sentences of ``LEAD_MIN_WORDS`` words or more: a dateline ("Saturday, January 8, 2005")
    or a photo credit before the lead does not push the lead down."""
    out = []
    position = 0
    for text in split_sentences(article.text or "")[:limit]:
        tokens = words(text)
        out.append(
            Sentence(
                text=text,
                article_id=int(article.id or 0),
                source=source_of(article),
                language=article.language or "",
                position=position,
                words=tokens,
            )
        )
        if len(tokens) >= LEAD_MIN_WORDS:
            position += 1
    return out


def collect_sentences(articles: list[Article], embed, limit: int) -> StorySentences:  # noqa: ANN001
    """Sentences of ``articles`` embedded with ``embed`` (an object with ``encode``); see
    ``similarity`` for sentences in languages the embedder does not know."""
    sentences = [s for a in articles for s in article_sentences(a, limit)]
    if not sentences:
        return StorySentences([], np.zeros((0, 1), dtype=np.float32))
    vectors = sentence_vectors([s.text for s in sentences], [s.language for s in sentences], embed)
    return StorySentences(sentences, np.asarray(vectors, dtype=np.float32))
