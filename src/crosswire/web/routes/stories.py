"""Stories: the front page and each story's page, and the same as JSON under ``/api``
(``/api/stories``, ``/api/stories/{id}`` with its comments and submissions)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from crosswire.models import Story
from crosswire.store import Store
from crosswire.web import schemas
from crosswire.web.deps import (
    BAD,
    MAX_ID,
    NOT_FOUND,
    STORY_LISTS,
    TEMPLATES,
    CursorParam,
    FiltersDep,
    Limit,
    list_key,
    sources,
    state,
)
from crosswire.web.front_filters import FilterFormDep
from crosswire.web.personal import unmuted_front_page
from crosswire.web.routes import community
from crosswire.web.security import current_user
from crosswire.web.views import iso, story_detail, unreachable_feeds

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])
CARD = TEMPLATES.env.get_template("_story_card.html")

StoryId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/", response_class=HTMLResponse)
def front(
    request: Request,
    form: FilterFormDep,
    cursor: CursorParam = None,
    every: Annotated[bool, Query(alias="all", description="every event")] = False,
) -> Response:
    """Latest news. Unfiltered, one card per developing story (its hottest event; the card
    links to the others) unless ``?all=1``; filtered, every matching story."""
    st = state(request)
    chosen = form.filters
    filtered = chosen.params()
    grouped = not filtered and not every
    items, more, muted = unmuted_front_page(request, st, cursor, chosen, one_per_topic=grouped)
    cards = STORY_LISTS.get(
        list_key(st, "html", cursor, chosen, grouped, muted),
        lambda: Markup("".join(CARD.render(s=card) for card in items)),
    )
    params = {**filtered, "all": "1"} if every else filtered
    # feed errors are for administrators; every reader of an empty site gets what to do
    user = current_user(request)
    admin = bool(user and user.role == "admin")
    feeds_down = unreachable_feeds(st.store) if admin or not items else []
    return TEMPLATES.TemplateResponse(
        request,
        "front.html",
        {
            "stories": items,
            "cards": cards,
            "more": urlencode({**params, "cursor": more}) if more else None,
            "filters": chosen,
            "options": form.options,
            "problems": form.problems,
            "filtered": bool(filtered),
            "theme": _theme(st, chosen.topic),
            "grouped": grouped,
            "every": every,
            "paged": bool(cursor),
            "feeds_down": feeds_down,
            "feeds": len(st.store.list_feeds()) if feeds_down or not items else 0,
            "admin": admin,
        },
    )


def _theme(st, topic: int | None) -> str | None:  # noqa: ANN001 - the app's State
    """The title of a developing story's first story (what names the theme)."""
    if topic is None:
        return None
    first = st.store.get_story(topic)
    return first.headline if first else None


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: StoryId) -> Response:
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
            "story": story_detail(store, found, sources(store)),
            **community.story_context(request, found.id),
        },
    )


def live_story(store: Store, story_id: int) -> Story:
    """The story (a merged id resolves to the story it merged into) or a JSON 404."""
    found = store.get_story(story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    return found


@api.get("/stories", response_model=schemas.StoryListOut, responses=BAD)
def stories(
    request: Request, chosen: FiltersDep, cursor: CursorParam = None, limit: Limit = 30
) -> dict[str, Any]:
    """Stories ranked as on the front page (recency and breadth), with the same filters."""
    items, more, _ = unmuted_front_page(request, state(request), cursor, chosen, size=limit)
    return {"stories": items, "next_cursor": more}


@api.get("/stories/{story_id}", response_model=schemas.StoryOut, responses=NOT_FOUND)
def story(request: Request, story_id: StoryId) -> dict[str, Any]:
    """One story with its digest and articles; a merged id answers with its new story."""
    store = state(request).store
    return story_detail(store, live_story(store, story_id), sources(store))


@api.get("/stories/{story_id}/comments", response_model=schemas.CommentListOut, responses=NOT_FOUND)
def comments(request: Request, story_id: StoryId) -> dict[str, Any]:
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


@api.get(
    "/stories/{story_id}/submissions",
    response_model=schemas.SubmissionListOut,
    responses=NOT_FOUND,
)
def submissions(request: Request, story_id: StoryId) -> dict[str, Any]:
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
