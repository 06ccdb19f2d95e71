"""The JSON API (described by ``/openapi.json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from crosswire.web.deps import state, story_page
from crosswire.web.views import article_view, story_view, unreachable_feeds

router = APIRouter(prefix="/api")


@router.get("/stories")
def stories(request: Request, cursor: str | None = None) -> dict[str, Any]:
    items, more = story_page(state(request), cursor)
    return {"stories": items, "next_cursor": more}


@router.get("/stories/{story_id}")
def story(request: Request, story_id: int) -> dict[str, Any]:
    store = state(request).store
    found = store.get_story(story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    return story_view(store, found, with_articles=True)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: int) -> dict[str, Any]:
    found = state(request).store.get_article(article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return {**article_view(found), "text": found.text, "story_id": found.story_id}


@router.get("/search")
def search(request: Request, q: str = Query(..., max_length=200)) -> dict[str, Any]:
    return {"articles": [article_view(a) for a in state(request).store.search_articles(q)]}


@router.get("/feeds")
def feeds(request: Request) -> dict[str, Any]:
    store = state(request).store
    return {"feeds": len(store.list_feeds()), "unreachable": unreachable_feeds(store)}
