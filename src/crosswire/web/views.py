"""Plain data for templates, feeds and the API: story cards, stories, articles, outlets."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

from crosswire.models import Article, Digest, Source, Story, TimelineEntry, utcnow
from crosswire.outlets.display import leaning_key, story_spread
from crosswire.store import Store
from crosswire.text.words import split_sentences
from crosswire.web.charts import leaning_bar, leaning_colour
from crosswire.web.dates import newest, readable

LEAD_CHARS = 280


class View(dict):
    """A dict whose keys templates read as attributes straight from the instance dict
    (Jinja tries ``getattr`` before ``[]``; on a plain dict each miss raises inside)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.__dict__ = self


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """'3 hours ago' within a week, '20 Aug 2014, 09:30 UTC' after that (``dates.readable``;
    pages give other times in the reader's zone through the ``when`` filter)."""
    return readable(when, now=now)


def iso(when: datetime | None) -> str | None:
    return when.isoformat().replace("+00:00", "Z") if when else None


def first_sentence(text: str, limit: int = LEAD_CHARS) -> str:
    """The text's first sentence (as the digest splits them: "U.S." and "Mr." do not end
    one), cut to ``limit`` characters with an ellipsis."""
    sentences = split_sentences(text or "")
    first = sentences[0] if sentences else ""
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def outlet_view(domain: str, table: dict[str, Source]) -> dict[str, Any]:
    source = table.get(domain)
    leaning = source.leaning if source else None
    return View(
        {
            "domain": domain,
            "name": (source.name if source and source.name else domain),
            "leaning": leaning,
            "rating": leaning_key(source),  # its leaning, "not rated" or "unknown"
            "country": source.country if source else None,
            "language": source.language if source else None,
            "href": "/sources/" + quote(domain, safe=""),
            "colour": leaning_colour(leaning_key(source)),
        }
    )


def source_view(source: Source) -> dict[str, Any]:
    return View(
        {
            "domain": source.domain,
            "name": source.name or source.domain,
            "country": source.country,
            "language": source.language,
            "leaning": source.leaning,
            "owner": source.owner,
            "typology": source.typology,
        }
    )


def story_cards(
    store: Store, stories: list[Story], table: dict[str, Source]
) -> list[dict[str, Any]]:
    """What the front page, the API list and the feeds show of each story."""
    outlets = store.story_outlets([s.id for s in stories if s.id is not None])
    places = store.story_places([s.id for s in stories if s.id is not None])
    leads: dict[int, str] = {}
    need_text = [s.article_ids[0] for s in stories if not _lead(s) and s.article_ids]
    for article in store.get_articles(need_text):
        if article.story_id is not None:
            leads[article.story_id] = first_sentence(article.text or article.title)
    sizes = store.topic_sizes({s.topic_id for s in stories if s.topic_id is not None})
    cards: list[dict[str, Any]] = []
    for story in stories:
        rows = outlets.get(story.id or 0, [])
        domains = list(dict.fromkeys(r["source"] for r in rows if r["source"]))
        languages = sorted({r["language"] for r in rows if r["language"]})
        badges = [outlet_view(d, table) for d in domains]
        lead = _lead(story)
        # a story's time is its newest article's publication time, not its last rebuild
        when = newest([r.get("newest") for r in rows]) or story.updated_at
        cards.append(
            View(
                {
                    "id": story.id,
                    "title": story.headline,
                    "lead": first_sentence(lead) if lead else leads.get(story.id or 0, ""),
                    "updated": iso(when),
                    "updated_ago": ago(when),
                    "article_count": sum(int(r["articles"]) for r in rows),
                    "source_count": len(domains),
                    "language_count": len(languages),
                    "languages": languages,
                    "places": places.get(story.id or 0, []),
                    "sources": domains,
                    "outlets": badges,
                    "leanings": (leanings := dict(Counter(b["rating"] for b in badges))),
                    "bar": leaning_bar(leanings),
                    "topic_id": story.topic_id,
                    "topic_size": sizes.get(story.topic_id, 1) if story.topic_id else 1,
                }
            )
        )
    return cards


def _lead(story: Story) -> str:
    """The first sentence of the story's summary (from the digest, or the stored lead)."""
    summary = story.digest.summary if story.digest else []
    return (summary[0].text if summary else "") or story.lead or ""


def article_view(article: Article, table: dict[str, Source] | None = None) -> dict[str, Any]:
    table = table or {}
    source = table.get(article.source or "")
    return View(
        {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "source_name": (source.name if source and source.name else article.source),
            "leaning": source.leaning if source else None,
            "rating": leaning_key(source),  # its leaning, "not rated" or "unknown"
            "language": article.language,
            "published": iso(article.when),
            "ago": ago(article.when),
            "origin": article.origin,
            "duplicate_of": article.duplicate_of,
            "partial": article.partial,
            "story_id": article.story_id,
        }
    )


def story_detail(store: Store, story: Story, table: dict[str, Source]) -> dict[str, Any]:
    """Everything the story page and ``/api/stories/{id}`` show."""
    articles = sorted(
        store.get_articles(story.article_ids, text=False),  # the page shows no article text
        key=lambda a: (a.when is None, a.when or utcnow(), a.id or 0),
    )
    by_id = {a.id: a for a in articles}
    views = []
    for article in articles:
        view = article_view(article, table)
        original = by_id.get(article.duplicate_of) if article.duplicate_of else None
        view["copy_of"] = original.source if original else None
        views.append(view)
    card = story_cards(store, [story], table)[0]
    digest = replace(
        story.digest or Digest(),
        # the outlets as known now, counted as the page's header counts them: articles
        # without a known outlet are articles, not outlets
        spread=story_spread([a for a in articles if a.source], table),
    )
    if not digest.timeline:
        digest.timeline = derived_timeline(articles)
    card["article_count"] = len(articles)
    card["source_count"] = len({a.source for a in articles if a.source})
    anchors: dict[str, int] = {}
    for article in articles:
        anchors.setdefault(article.source or "", article.id or 0)
    names = {d: outlet_view(d, table) for d in anchors}
    return View(
        {
            **card,
            "created": iso(story.created_at),
            "digest": digest,
            "digest_built": story.digest is not None,  # else only timeline and spread
            "articles": views,
            "anchors": anchors,
            "names": {d: o["name"] for d, o in names.items()},
            "leaning_of": {d: o["rating"] for d, o in names.items()},  # marker colours
            "topic_id": story.topic_id,
            "related": story_cards(store, store.related_stories(story.id or 0), table),
        }
    )


def safe_url(url: str | None) -> str | None:
    """A link target only when it is http(s): no ``javascript:`` or ``data:`` links."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return url if scheme in ("http", "https") else None


def derived_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """First report and each outlet's first article, for stories without a digest yet."""
    seen: set[str] = set()
    events: list[TimelineEntry] = []
    for a in articles:
        if a.when is None or (a.source or "") in seen:
            continue
        kind = "first_report" if not events else "first_from_source"
        seen.add(a.source or "")
        events.append(
            TimelineEntry(
                at=a.when.isoformat(), source=a.source, article_id=a.id, title=a.title, kind=kind
            )
        )
    return events


def unreachable_feeds(store: Store) -> list[dict[str, Any]]:
    return [
        {"url": f.url, "error": f.last_error, "errors": f.error_count}
        for f in store.list_feeds()
        if f.last_error
    ]
