"""Server-rendered pages for readers: front page, story, source and search pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.web.deps import (
    MAX_ID,
    MAX_QUERY,
    STORY_LISTS,
    TEMPLATES,
    CursorParam,
    clean_query,
    list_key,
    parse_before_id,
    sources,
    state,
)
from crosswire.web.front_filters import FilterFormDep
from crosswire.web.outlet_fields import outlet_fields, registry_source
from crosswire.web.personal import hide_muted, hide_muted_articles, unmuted_front_page
from crosswire.web.routes import community
from crosswire.web.security import current_user
from crosswire.web.views import (
    article_view,
    source_view,
    story_cards,
    story_detail,
    unreachable_feeds,
)

router = APIRouter(include_in_schema=False)
CARD = TEMPLATES.env.get_template("_story_card.html")

StoryId = Annotated[int, Path(ge=1, le=MAX_ID)]
Domain = Annotated[str, Path(max_length=253, pattern=r"^[A-Za-z0-9._-]+$")]


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
def story(request: Request, story_id: StoryId) -> Response:
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


@router.get("/sources/{domain}", response_class=HTMLResponse)
def source(request: Request, domain: Domain, cursor: CursorParam = None) -> Response:
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


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
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


TITLES = {
    400: "This link is broken",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    422: "This link is broken",
}
# what a reader calls the parts of an address that did not check out
FIELD_WORDS = {
    "story_id": "the story's number",
    "q": "the search words (at most 200 characters)",
    "domain": "the outlet's address",
    "host": "the outlet's address",
    "service": "the outlet's language service",
    "cursor": "the page marker",
    "follow_id": "the follow's number",
    "lang": "the language",
}
DETAIL_WORDS = {
    "no such story": "There is no story at this address; it may have been merged into "
    "another story or removed.",
    "no such source": "This site has no outlet at this address.",
    "bad cursor": "The link to this page of stories is damaged; start again from the first page.",
}


async def http_error(request: Request, exc: Exception) -> Response:
    """Errors as JSON under ``/api`` (and for non-HTML clients), as a page elsewhere."""
    from fastapi.exception_handlers import http_exception_handler

    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code < 400 or not _wants_page(request):
        return await http_exception_handler(request, exc)
    detail = str(exc.detail)
    return _error_page(request, exc.status_code, DETAIL_WORDS.get(detail, detail), exc.headers)


async def validation_error(request: Request, exc: Exception) -> Response:
    from fastapi.exception_handlers import request_validation_exception_handler

    assert isinstance(exc, RequestValidationError)
    if not _wants_page(request):
        return await request_validation_exception_handler(request, exc)
    fields = sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()})
    parts = ", ".join(FIELD_WORDS.get(f, f"“{f}”") for f in fields)
    return _error_page(
        request, 422, f"This site cannot read {parts} in the address. Check the link."
    )


def _wants_page(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".atom", ".rss")) or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get(
        "accept", "text/html"
    ) or "*/*" in request.headers.get("accept", "")


def _error_page(
    request: Request, status: int, detail: str, headers: Mapping[str, str] | None = None
) -> Response:
    return TEMPLATES.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": TITLES.get(status, "Error"), "detail": detail},
        status_code=status,
        headers=dict(headers) if headers else None,
    )
