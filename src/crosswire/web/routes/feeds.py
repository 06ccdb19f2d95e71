"""Outgoing feeds: the front page (Atom and RSS), each story, each outlet and any search."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from crosswire.models import Article, Source
from crosswire.web import xmlfeed
from crosswire.web.deps import (
    MAX_ID,
    MAX_QUERY,
    Filters,
    FiltersDep,
    base_url,
    clean_query,
    front_page,
    sources,
    state,
)
from crosswire.web.views import safe_url

router = APIRouter(include_in_schema=False)
ATOM_TYPE = "application/atom+xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ENTRIES = 50


def _front(request: Request, chosen: Filters) -> xmlfeed.Feed:
    """The front page's stories (the filtered ones with ``?place=PE``, ``?lang=fr`` …)."""
    base = base_url(request)
    cards, _ = front_page(state(request), None, chosen)
    query = urlencode(chosen.params())
    page = f"{base}/?{query}" if query else f"{base}/"
    entries = [xmlfeed.story_entry(base, c) for c in cards]
    described = ", ".join(f"{k} {v}" for k, v in chosen.params().items())
    return xmlfeed.Feed(
        id=page,
        title=f"crosswire: latest stories ({described})"
        if described
        else "crosswire: latest stories",
        self_url=str(request.url),
        page_url=page,
        entries=entries,
        subtitle="Stories from many outlets, ranked by recency and breadth of coverage",
    )


@router.get("/feed.atom")
def front_atom(request: Request, chosen: FiltersDep) -> Response:
    return Response(xmlfeed.atom(_front(request, chosen)), media_type=ATOM_TYPE)


@router.get("/feed.rss")
def front_rss(request: Request, chosen: FiltersDep) -> Response:
    return Response(xmlfeed.rss(_front(request, chosen)), media_type=RSS_TYPE)


def _article_entries(
    base: str, articles: list[Article], table: dict[str, Source]
) -> list[xmlfeed.Entry]:
    out = []
    for a in articles:
        source = table.get(a.source or "")
        page = f"{base}/stories/{a.story_id}" if a.story_id else f"{base}/api/articles/{a.id}"
        out.append(
            xmlfeed.Entry(
                id=f"{base}/api/articles/{a.id}",
                title=a.title,
                link=safe_url(a.url) or page,
                updated=a.when,
                summary=(a.text or "")[:400],
                author=(source.name if source and source.name else a.source) or "",
                categories=[a.language] if a.language else [],
            )
        )
    return out


def _newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.when is not None, a.when, a.id or 0), reverse=True)


@router.get("/stories/{story_id}/feed.atom")
def story_atom(request: Request, story_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    st = state(request)
    found = st.store.get_story(story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    if found.id != story_id:
        return RedirectResponse(f"/stories/{found.id}/feed.atom", status_code=301)
    base = base_url(request)
    newest = _newest_first(st.store.get_articles(found.article_ids, text=False))[:ENTRIES]
    articles = st.store.get_articles(a.id for a in newest if a.id is not None)
    title = found.headline
    feed = xmlfeed.Feed(
        id=f"{base}/stories/{found.id}",
        title=f"crosswire: {title}",
        self_url=str(request.url),
        page_url=f"{base}/stories/{found.id}",
        entries=_article_entries(base, articles, sources(st.store)),
        subtitle="Every article on this story, newest first",
    )
    return Response(xmlfeed.atom(feed), media_type=ATOM_TYPE)


@router.get("/sources/{domain}/feed.atom")
def source_atom(
    request: Request,
    domain: Annotated[str, Path(max_length=253, pattern=r"^[A-Za-z0-9._-]+$")],
) -> Response:
    st = state(request)
    found = st.store.get_source(domain.lower())
    if found is None:
        raise HTTPException(404, "no such source")
    base = base_url(request)
    articles = st.store.list_articles(source=found.domain, limit=ENTRIES)
    feed = xmlfeed.Feed(
        id=f"{base}/sources/{quote(found.domain)}",
        title=f"crosswire: {found.name or found.domain}",
        self_url=str(request.url),
        page_url=f"{base}/sources/{quote(found.domain)}",
        entries=_article_entries(base, articles, sources(st.store)),
        subtitle=f"Articles from {found.domain}",
    )
    return Response(xmlfeed.atom(feed), media_type=ATOM_TYPE)


@router.get("/search/feed.atom")
def search_atom(request: Request, q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    st = state(request)
    query = clean_query(q)
    base = base_url(request)
    found = _newest_first(st.store.search_articles(query, limit=ENTRIES)) if query else []
    page = f"{base}/search?{urlencode({'q': query})}"
    feed = xmlfeed.Feed(
        id=page,
        title=f"crosswire: search for {query}",
        self_url=str(request.url),
        page_url=page,
        entries=_article_entries(base, found, sources(st.store)),
        subtitle=f"Articles matching {query}",
    )
    return Response(xmlfeed.atom(feed), media_type=ATOM_TYPE)
