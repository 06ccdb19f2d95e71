"""The story's timeline: first report, each outlet's first article, significant updates."""

from __future__ import annotations

from typing import Any

from crosswire.models import Article, TimelineEntry
from crosswire.text.sentences import source_of

UPDATE_NOVELTY = 0.8  # a later title this close to an earlier one is not an update


def build_timeline(
    articles: list[Article],
    embed: Any,  # an object with encode()
    max_updates: int = 10,
) -> list[TimelineEntry]:
    dated = sorted((a for a in articles if a.when is not None), key=lambda a: (a.when, a.id or 0))
    if not dated:
        return []
    vectors = embed.encode([a.title or "" for a in dated])
    events: list[TimelineEntry] = []
    seen_sources: set[str] = set()
    updates = 0
    for i, article in enumerate(dated):
        source = source_of(article)
        if i == 0:
            kind = "first_report"
        elif source not in seen_sources:
            kind = "first_from_source"
        else:
            novelty = float((vectors[:i] @ vectors[i]).max())
            if novelty >= UPDATE_NOVELTY or updates >= max_updates:
                continue
            kind = "update"
            updates += 1
        seen_sources.add(source)
        events.append(
            TimelineEntry(
                at=article.when.isoformat(),  # type: ignore[union-attr]
                source=source,
                article_id=int(article.id or 0),
                title=article.title,
                kind=kind,
            )
        )
    return events
