"""Search: the results page (``/search``) and the same as JSON (``/api/search``)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.web import schemas
from crosswire.web.deps import MAX_QUERY, TEMPLATES, Limit, clean_query, sources, state
from crosswire.web.personal import hide_muted, hide_muted_articles
from crosswire.web.views import article_view, story_cards

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    store = state(request).store
    query = clean_query(q)
    table = sources(store)
    found, hits = store.search(query, limit=20) if query else ([], [])
    stories = hide_muted(request, story_cards(store, found[:10], table))
    articles = hide_muted_articles(request, [article_view(a, table) for a in hits])
    return TEMPLATES.TemplateResponse(
        request,
        "search.html",
        {"q": query, "stories": stories, "articles": articles, "feed": urlencode({"q": query})},
    )


@api.get("/search", response_model=schemas.SearchOut)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="words to find")],
    limit: Limit = 20,
) -> dict[str, Any]:
    """Full-text search: matching stories and articles, best match first."""
    store = state(request).store
    query = clean_query(q)
    table = sources(store)
    if not query:
        return {"q": query, "stories": [], "articles": []}
    found, hits = store.search(query, limit=limit)
    return {
        "q": query,
        "stories": hide_muted(request, story_cards(store, found, table)),
        "articles": hide_muted_articles(request, [article_view(a, table) for a in hits]),
    }
