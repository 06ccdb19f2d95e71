"""Outlets: each outlet's page (``/sources/{domain}``) and the outlets as JSON
(``/api/sources``, ``/api/sources/{domain}``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.web import schemas
from crosswire.web.deps import (
    BAD,
    NOT_FOUND,
    TEMPLATES,
    CursorParam,
    Limit,
    parse_before_id,
    sources,
    state,
)
from crosswire.web.outlet_fields import outlet_fields, registry_source
from crosswire.web.personal import hide_muted
from crosswire.web.views import article_view, source_view, story_cards

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])

Domain = Annotated[str, Path(max_length=253, pattern=r"^[A-Za-z0-9._-]+$")]


@router.get("/sources/{domain}", response_class=HTMLResponse)
def source_page(request: Request, domain: Domain, cursor: CursorParam = None) -> Response:
    store = state(request).store
    found = store.get_source(domain.lower()) or registry_source(store, domain.lower())
    if found is None:
        raise HTTPException(404, "no such source")
    size = 30
    articles = store.list_articles(
        source=found.domain, limit=size, before_id=parse_before_id(cursor)
    )
    story_ids = list(dict.fromkeys(a.story_id for a in articles if a.story_id is not None))[:10]
    stories = [s for s in (store.get_story(i) for i in story_ids) if s is not None]
    table = sources(store)
    return TEMPLATES.TemplateResponse(
        request,
        "source.html",
        {
            "source": source_view(found),
            "outlet": outlet_fields(store, found),
            "articles": [article_view(a, table) for a in articles],
            "stories": hide_muted(
                request, story_cards(store, list({s.id: s for s in stories}.values()), table)
            ),
            "more": str(articles[-1].id) if len(articles) == size else None,
        },
    )


@api.get("/sources", response_model=schemas.SourceListOut)
def source_list(request: Request) -> dict[str, Any]:
    """Every outlet with its metadata."""
    return {"sources": [source_view(s) for s in state(request).store.list_sources()]}


@api.get(
    "/sources/{domain}",
    response_model=schemas.SourceDetailOut,
    responses={**NOT_FOUND, **BAD},
)
def source(
    request: Request, domain: Domain, cursor: CursorParam = None, limit: Limit = 30
) -> dict[str, Any]:
    """An outlet and its articles, newest first; ``next_cursor`` pages back."""
    store = state(request).store
    found = store.get_source(domain.lower())
    if found is None:
        raise HTTPException(404, "no such source")
    articles = store.list_articles(
        source=found.domain, limit=limit, before_id=parse_before_id(cursor)
    )
    table = sources(store)
    return {
        **source_view(found),
        "articles": [article_view(a, table) for a in articles],
        "next_cursor": str(articles[-1].id) if len(articles) == limit else None,
    }
