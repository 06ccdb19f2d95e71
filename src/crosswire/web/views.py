"""Plain data for templates and the API: stories, articles and feeds as dicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crosswire.models import Article, Story, utcnow
from crosswire.store import Store


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """'3 hours ago' style age of a time."""
    if when is None:
        return "unknown time"
    seconds = max(0, int(((now or utcnow()) - when).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def article_view(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "published": article.when.isoformat() if article.when else None,
        "ago": ago(article.when),
        "origin": article.origin,
        "duplicate_of": article.duplicate_of,
        "partial": article.partial,
    }


def story_view(store: Store, story: Story, with_articles: bool = False) -> dict[str, Any]:
    digest = story.digest or {}
    articles = store.get_articles(story.article_ids)
    summary = digest.get("summary") or []
    view: dict[str, Any] = {
        "id": story.id,
        "title": digest.get("headline") or story.title,
        "lead": summary[0]["text"] if summary else (articles[0].text[:280] if articles else ""),
        "updated": story.updated_at.isoformat() if story.updated_at else None,
        "updated_ago": ago(story.updated_at),
        "sources": sorted({a.source for a in articles if a.source}),
        "languages": sorted({a.language for a in articles if a.language}),
        "article_count": len(articles),
    }
    if with_articles:
        view["digest"] = digest
        view["articles"] = [article_view(a) for a in articles]
    return view


def unreachable_feeds(store: Store) -> list[dict[str, Any]]:
    return [
        {"url": f.url, "error": f.last_error, "errors": f.error_count}
        for f in store.list_feeds()
        if f.last_error
    ]
