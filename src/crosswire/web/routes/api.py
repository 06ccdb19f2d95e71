"""The JSON API (described by ``/openapi.json``): stable ids, ISO-8601 UTC times, cursors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from crosswire.models import Story
from crosswire.store import Store
from crosswire.web import schemas
from crosswire.web.deps import (
    MAX_ID,
    MAX_QUERY,
    CursorParam,
    FiltersDep,
    clean_query,
    parse_before_id,
    sources,
    state,
)
from crosswire.web.personal import hide_muted, hide_muted_articles, unmuted_front_page
from crosswire.web.security import current_user
from crosswire.web.views import (
    article_view,
    iso,
    source_view,
    story_cards,
    story_detail,
    unreachable_feeds,
)

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.ErrorOut}}
BAD: dict[int | str, dict[str, Any]] = {400: {"model": schemas.ErrorOut}}
router = APIRouter(prefix="/api", tags=["api"])

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Domain = Annotated[str, Path(max_length=253, pattern=r"^[A-Za-z0-9._-]+$")]
Limit = Annotated[int, Query(ge=1, le=100)]


def live_story(store: Store, story_id: int) -> Story:
    """The story (a merged id resolves to the story it merged into) or a JSON 404."""
    found = store.get_story(story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    return found


@router.get("/stories", response_model=schemas.StoryListOut, responses=BAD)
def stories(
    request: Request, chosen: FiltersDep, cursor: CursorParam = None, limit: Limit = 30
) -> dict[str, Any]:
    """Stories ranked as on the front page (recency and breadth), with the same filters."""
    items, more, _ = unmuted_front_page(request, state(request), cursor, chosen, size=limit)
    return {"stories": items, "next_cursor": more}


@router.get("/stories/{story_id}", response_model=schemas.StoryOut, responses=NOT_FOUND)
def story(request: Request, story_id: Id) -> dict[str, Any]:
    """One story with its digest and articles; a merged id answers with its new story."""
    store = state(request).store
    return story_detail(store, live_story(store, story_id), sources(store))


@router.get(
    "/stories/{story_id}/comments", response_model=schemas.CommentListOut, responses=NOT_FOUND
)
def comments(request: Request, story_id: Id) -> dict[str, Any]:
    """The story's comments by id (``parent_id`` gives the thread); removed ones have no body."""
    store = state(request).store
    found = live_story(store, story_id)
    out = []
    for c in store.story_comments(found.id or 0):
        gone = c.deleted or c.hidden
        out.append(
            {
                "id": c.id,
                "story_id": c.story_id,
                "parent_id": c.parent_id,
                "user": None if gone else c.user_name,
                "body": None if gone else c.body,
                "created": iso(c.created_at),
                "edited": iso(c.edited_at),
                "deleted": c.deleted,
                "hidden": c.hidden,
                "score": c.score,
            }
        )
    return {"story_id": found.id, "comments": out}


@router.get(
    "/stories/{story_id}/submissions",
    response_model=schemas.SubmissionListOut,
    responses=NOT_FOUND,
)
def submissions(request: Request, story_id: Id) -> dict[str, Any]:
    """URLs that users submitted and that ended up in this story."""
    store = state(request).store
    found = live_story(store, story_id)
    out = [
        {
            "id": s["id"],
            "url": s["url"],
            "article_id": s["article_id"],
            "status": s["status"],
            "user": s.get("user_name"),
            "created": iso(s.get("created_at")),
        }
        for s in store.story_submissions(found.id or 0)
    ]
    return {"story_id": found.id, "submissions": out}


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetailOut, responses=NOT_FOUND)
def article(request: Request, article_id: Id) -> dict[str, Any]:
    store = state(request).store
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return {
        **article_view(found, sources(store)),
        "text": found.text,
        "byline": found.byline,
        "canonical_url": found.canonical_url,
    }


@router.get("/sources", response_model=schemas.SourceListOut)
def source_list(request: Request) -> dict[str, Any]:
    """Every outlet with its metadata."""
    return {"sources": [source_view(s) for s in state(request).store.list_sources()]}


@router.get(
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


@router.get("/search", response_model=schemas.SearchOut)
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


@router.get("/feeds", response_model=schemas.FeedStatusOut)
def feeds(request: Request) -> dict[str, Any]:
    """How many feeds are read and how many could not be reached; which ones, and why, is
    told to administrators only (an error can name hosts and addresses of the server's
    network), as on the front page."""
    store = state(request).store
    user = current_user(request)
    down = unreachable_feeds(store)
    shown = down if user and user.role == "admin" else []
    return {"feeds": len(store.list_feeds()), "unreachable_count": len(down), "unreachable": shown}
