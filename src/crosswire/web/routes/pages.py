"""Server-rendered pages for readers: front page and story pages."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosswire.web.deps import TEMPLATES, state, story_page
from crosswire.web.routes import community
from crosswire.web.views import story_view, unreachable_feeds

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def front(request: Request, cursor: str | None = None) -> Response:
    st = state(request)
    items, more = story_page(st, cursor)
    return TEMPLATES.TemplateResponse(
        request,
        "front.html",
        {
            "stories": items,
            "more": more,
            "feeds_down": unreachable_feeds(st.store),
            "feeds": len(st.store.list_feeds()),
        },
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: int) -> Response:
    store = state(request).store
    found = store.get_story(story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    if found.id != story_id:
        return RedirectResponse(f"/stories/{found.id}", status_code=301)
    return TEMPLATES.TemplateResponse(
        request,
        "story.html",
        {
            "story": story_view(store, found, with_articles=True),
            **community.story_context(request, found.id),
        },
    )
